// Formats and the pen of the staff screens (staff_draw.hpp).
#include "app/staff_draw.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <variant>

namespace ck::app::staff_draw {

std::string fixed(double value, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

std::string bytes_text(double bytes)
{
    if (bytes >= 1024.0 * 1024 * 1024) {
        return fixed(bytes / (1024.0 * 1024 * 1024), 2) + " GiB";
    }
    if (bytes >= 1024.0 * 1024) {
        return fixed(bytes / (1024.0 * 1024), 1) + " MiB";
    }
    if (bytes >= 1024.0) {
        return fixed(bytes / 1024.0, 1) + " KiB";
    }
    return fixed(bytes, 0) + " bytes";
}

std::string duration_text(std::string_view lang, Millis left)
{
    const auto s = std::max<Millis::rep>(1, (left.count() + 999) / 1000);
    const auto h = s / 3600;
    const auto m = (s % 3600) / 60;
    const auto sec = s % 60;
    std::string out;
    if (lang == "ja") {
        if (h > 0) {
            out += std::to_string(h) + "時間";
        }
        if (m > 0) {
            out += std::to_string(m) + "分";
        }
        if (sec > 0 || out.empty()) {
            out += std::to_string(sec) + "秒";
        }
        return out;
    }
    const auto add = [&](Millis::rep v, const char* unit) {
        if (!out.empty()) {
            out += ' ';
        }
        out += std::to_string(v) + unit;
    };
    if (h > 0) {
        add(h, " h");
    }
    if (m > 0) {
        add(m, " min");
    }
    if (sec > 0 || out.empty()) {
        add(sec, " s");
    }
    return out;
}

std::string utc_text(std::int64_t seconds)
{
    using namespace std::chrono;
    const sys_seconds t { std::chrono::seconds { seconds } };
    const sys_days day = floor<days>(t);
    const year_month_day ymd { day };
    const hh_mm_ss hms { t - day };
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02lld:%02lld UTC", static_cast<int>(ymd.year()),
        static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
        static_cast<long long>(hms.hours().count()), static_cast<long long>(hms.minutes().count()));
    return buf;
}

std::string value_text(const selfcheck::Result& r)
{
    if (const auto* d = std::get_if<double>(&r.value)) {
        const bool whole = std::floor(*d) == *d && std::abs(*d) < 1e15;
        std::string v = whole ? std::to_string(static_cast<long long>(*d)) : fixed(*d, 2);
        if (r.unit == "bytes") {
            return bytes_text(*d);
        }
        return r.unit.empty() ? v : v + " " + r.unit;
    }
    if (const auto* s = std::get_if<std::string>(&r.value)) {
        return *s;
    }
    return {};
}

ui::BannerColors status_colors(const ui::Theme& theme, selfcheck::Status status)
{
    switch (status) {
    case selfcheck::Status::pass:
        return theme.banner("UNCLASSIFIED");
    case selfcheck::Status::warn:
        return theme.banner("TOP SECRET");
    case selfcheck::Status::fail:
        return theme.banner("SECRET");
    case selfcheck::Status::skip:
        return theme.banner("LIMITED OFFICIAL USE");
    }
    return theme.banner("UNCLASSIFIED");
}

Size Pen::put(std::string_view id, std::string_view s, Point at, float width, float mm, text::Weight weight,
    std::optional<ui::Color> color, ui::Role role, text::Family family, int max_lines) const
{
    ui::TextSpec spec;
    spec.style = { family, weight, t.text_px(mm) };
    spec.color = color.value_or(t.palette().ink);
    spec.background = background;
    spec.role = role;
    spec.max_lines = max_lines;
    spec.line_height = 1.3f;
    return canvas.text(id, s, at, width, spec);
}

} // namespace ck::app::staff_draw
