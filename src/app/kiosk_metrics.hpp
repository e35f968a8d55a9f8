// The running kiosk's metrics in the Prometheus text format, for node_exporter's textfile collector:
// what a fleet's dashboard needs to see that a kiosk is alive, smooth, used, and passing its
// self-test. Pure: the figures come in, text comes out; the app writes it atomically every minute.
#pragma once

#include "app/kiosk_stats.hpp"
#include "core/self_check.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ck::app {

struct MetricsInput {
    std::int64_t start_time_s = 0; // wall clock, seconds since 1970
    const FrameStats* frames = nullptr;
    std::optional<std::int64_t> pack_sequence; // none: no pack is loaded
    VisitCounts visits; // since start
    std::map<std::string, std::uint64_t> errors_by_kind;
    std::vector<selfcheck::Result> self_test; // the last complete run, may be empty
    std::optional<std::int64_t> self_test_time_s; // when it finished, wall clock
};

std::string metrics_text(const MetricsInput& in);

} // namespace ck::app
