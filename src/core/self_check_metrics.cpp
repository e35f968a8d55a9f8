#include "core/self_check_metrics.hpp"

#include <string>

namespace ck::selfcheck {

namespace {

std::string snake(std::string_view id)
{
    std::string out;
    for (const char c : id) {
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        out += word ? c : (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : '_');
    }
    return out;
}

// A unit's suffix in base units, and the factor from the check's unit to it.
struct BaseUnit {
    std::string_view suffix;
    double factor = 1;
};

BaseUnit base_unit(std::string_view unit)
{
    if (unit == "ms") {
        return { "_seconds", 0.001 };
    }
    if (unit == "bytes") {
        return { "_bytes", 1 };
    }
    if (unit == "celsius") {
        return { "_celsius", 1 };
    }
    // Counts (cables, faces, devices, characters) and plain numbers (a year, a sequence): the
    // name alone says what is counted.
    return { "", 1 };
}

} // namespace

std::string value_metric_name(const Result& result)
{
    if (!std::holds_alternative<double>(result.value)) {
        return {};
    }
    return "cable_kiosk_selftest_" + snake(result.id) + std::string(base_unit(result.unit).suffix);
}

void write_metrics(const std::vector<Result>& results, prometheus::Text& out)
{
    out.family("cable_kiosk_selftest_check_ok", "gauge",
        "1 when the self-test check did not fail (passed, warned or was skipped), 0 when it failed.");
    for (const auto& r : results) {
        out.sample("cable_kiosk_selftest_check_ok", { { "check", r.id } }, r.status == Status::fail ? 0 : 1);
    }
    out.family("cable_kiosk_selftest_check_status", "gauge",
        "The self-test check's status: 1 for the status it has, 0 for the others.");
    for (const auto& r : results) {
        for (const Status s : { Status::pass, Status::warn, Status::fail, Status::skip }) {
            out.sample("cable_kiosk_selftest_check_status",
                { { "check", r.id }, { "status", std::string(name(s)) } }, r.status == s ? 1 : 0);
        }
    }
    for (const auto& r : results) {
        const std::string metric = value_metric_name(r);
        if (metric.empty()) {
            continue;
        }
        out.family(metric, "gauge", "The value the self-test check " + r.id + " measured (" + r.title + ").");
        out.sample(metric, std::get<double>(r.value) * base_unit(r.unit).factor);
    }
}

} // namespace ck::selfcheck
