// Drawing helpers shared by the staff screens' layout files: number and time formats, the status
// colours, and a pen for text in the UI face. Internal to src/app.
#pragma once

#include "core/clock.hpp"
#include "core/self_check.hpp"
#include "ui/canvas.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ck::app::staff_draw {

std::string fixed(double value, int decimals);
// 1.1 MiB, 512 KiB, 12 bytes.
std::string bytes_text(double bytes);
// "1 min 40 s" / "1分40秒", rounded up to whole seconds.
std::string duration_text(std::string_view lang, Millis left);
// "2026-12-06 07:30 UTC".
std::string utc_text(std::int64_t seconds);
// A check's value with its unit, or its text.
std::string value_text(const selfcheck::Result& r);
// Pass green, warning orange, failure red, skip grey: the banners' colours, 7:1 with their text.
ui::BannerColors status_colors(const ui::Theme& theme, selfcheck::Status status);

// Text in the UI face at a size from the theme, on a known background.
struct Pen {
    ui::Canvas& canvas;
    const ui::Theme& t;
    ui::Color background;

    Size put(std::string_view id, std::string_view s, Point at, float width, float mm,
        text::Weight weight = text::Weight::regular, std::optional<ui::Color> color = std::nullopt,
        ui::Role role = ui::Role::text, text::Family family = text::Family::sans, int max_lines = 0) const;
};

} // namespace ck::app::staff_draw
