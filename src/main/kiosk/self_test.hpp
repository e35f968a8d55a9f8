// `kiosk --self-test`: the composition of every check (each lives with what it checks), the table
// for people, the JSON report and the Prometheus textfile. The staff mode's Checks screen runs
// the same list from make_self_checks.
#pragma once

#include "core/self_check.hpp"
#include "options.hpp"
#include "platform/display.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace ck::kiosk {

// The year this version was released: a clock before it is wrong.
inline constexpr int release_year = 2026;

// Every check, in the order the table lists them. `display` is the kiosk's own (staff mode) or the
// self-test's; the display checks keep a reference to it.
selfcheck::Checks make_self_checks(const Options& options, platform::Display& display);

struct SelfTestRun {
    std::chrono::system_clock::time_point started;
    double duration_ms = 0;
    std::vector<selfcheck::Result> results;
};

// The documented report: {"schema": 1, "kiosk": {...}, "started", "duration_ms", "result",
// "checks": [...]}.
std::string report_json(const SelfTestRun& run);
// The table for people; colour when `colour`.
std::string report_table(const SelfTestRun& run, bool colour);
// The Prometheus text of `kiosk --self-test --metrics`.
std::string report_metrics(const SelfTestRun& run);

// The whole `kiosk --self-test`: returns the exit code (0 pass or warn, 1 a check failed, 2 the
// self-test could not run).
int run_self_test(const Options& options);

} // namespace ck::kiosk
