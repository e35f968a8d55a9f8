// Counters end in _total, times are in seconds, one HELP and TYPE per family: promtool's rules.
// Every family is written even when it has no sample yet, so a dashboard's query never breaks on a
// missing name; label values (check ids, log components) are escaped by the writer.
#include "app/kiosk_metrics.hpp"

#include "core/prometheus.hpp"
#include "core/self_check_metrics.hpp"

#include <limits>

namespace ck::app {

std::string metrics_text(const MetricsInput& in)
{
    prometheus::Text t;
    t.family("cable_kiosk_start_time_seconds", "gauge", "When the kiosk started, in seconds since 1970.");
    t.sample("cable_kiosk_start_time_seconds", static_cast<double>(in.start_time_s));

    t.family("cable_kiosk_frame_time_seconds", "summary",
        "CPU time to advance, build and draw a frame; quantiles over the last 300 frames.");
    if (in.frames != nullptr) {
        for (const double q : { 0.5, 0.9, 0.99 }) {
            const auto v = in.frames->quantile(q);
            t.sample("cable_kiosk_frame_time_seconds", { { "quantile", prometheus::format_value(q) } },
                v ? *v / 1000.0 : std::numeric_limits<double>::quiet_NaN());
        }
        t.sample("cable_kiosk_frame_time_seconds_sum", in.frames->total_ms() / 1000.0);
        t.sample("cable_kiosk_frame_time_seconds_count", static_cast<double>(in.frames->built()));
    }
    t.family("cable_kiosk_frames_presented_total", "counter", "Frames presented on the display since start.");
    t.sample("cable_kiosk_frames_presented_total",
        in.frames != nullptr ? static_cast<double>(in.frames->presented()) : 0);

    t.family(
        "cable_kiosk_pack_loaded", "gauge", "1 when a content pack is loaded, 0 on the out-of-order screen.");
    t.sample("cable_kiosk_pack_loaded", in.pack_sequence ? 1 : 0);
    t.family("cable_kiosk_pack_sequence", "gauge", "The loaded content pack's sequence number.");
    if (in.pack_sequence) {
        t.sample("cable_kiosk_pack_sequence", static_cast<double>(*in.pack_sequence));
    }

    t.family("cable_kiosk_visits_total", "counter",
        "Visits since start (from the attract loop to the idle reset).");
    t.sample("cable_kiosk_visits_total", static_cast<double>(in.visits.visits));
    t.family("cable_kiosk_cables_opened_total", "counter", "Cables opened by visitors since start.");
    t.sample("cable_kiosk_cables_opened_total", static_cast<double>(in.visits.cables_opened));
    t.family("cable_kiosk_searches_total", "counter", "Searches made by visitors since start.");
    t.sample("cable_kiosk_searches_total", static_cast<double>(in.visits.searches));
    t.family("cable_kiosk_searches_no_result_total", "counter", "Searches since start that found nothing.");
    t.sample("cable_kiosk_searches_no_result_total", static_cast<double>(in.visits.searches_nothing_found));

    t.family("cable_kiosk_errors_total", "counter",
        "Errors logged since start, by the part of the kiosk that logged them.");
    for (const auto& entry : in.errors_by_kind) {
        t.sample("cable_kiosk_errors_total", { { "kind", entry.first } }, static_cast<double>(entry.second));
    }

    // The same families as `kiosk --self-test --metrics` writes, from the same code.
    selfcheck::write_metrics(in.self_test, t);
    t.family("cable_kiosk_selftest_last_run_timestamp_seconds", "gauge",
        "When the self-test's last run finished, in seconds since 1970.");
    if (in.self_test_time_s) {
        t.sample(
            "cable_kiosk_selftest_last_run_timestamp_seconds", static_cast<double>(*in.self_test_time_s));
    }
    return t.str();
}

} // namespace ck::app
