// Self-test results as Prometheus metrics: one family per verdict and one per measured value, so
// an alert can say "pack.signature failed on kiosk 7" or graph the SoC temperature. Used by
// `kiosk --self-test --metrics` and by the running kiosk's metrics file.
#pragma once

#include "core/prometheus.hpp"
#include "core/self_check.hpp"

#include <vector>

namespace ck::selfcheck {

// cable_kiosk_selftest_check_ok{check}, cable_kiosk_selftest_check_status{check,status} and a
// gauge per check with a numeric value, named after the check and its unit in base units
// (ms become _seconds).
void write_metrics(const std::vector<Result>& results, prometheus::Text& out);

// The gauge name for a check's numeric value: "storage.free" with "bytes" gives
// cable_kiosk_selftest_storage_free_bytes; empty when the unit has no Prometheus form.
std::string value_metric_name(const Result& result);

} // namespace ck::selfcheck
