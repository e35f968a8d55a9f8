// The frame around every screen: the persistent navigation bar (back, home, search, language,
// large text, high contrast; at the top in landscape, at the bottom within a thumb's reach in
// portrait), the classification banners, and where the screen's own body goes.
#pragma once

#include "screens/strings.hpp"
#include "ui/canvas.hpp"

#include <optional>
#include <string>

namespace ck::screens {

struct ChromeLayout {
    std::optional<Rect> top_banner;
    std::optional<Rect> bottom_banner;
    std::optional<Rect> nav_bar;
    Rect body;
    bool portrait = false;
};

ChromeLayout chrome_layout(const ui::Theme& theme, Size viewport, bool navigation, bool banners);

struct NavState {
    bool can_go_back = false;
    bool at_home = false;
    bool at_search = false;
    std::string other_language_label; // "日本語" while in English, "English" while in Japanese
    bool large_text = false;
    bool high_contrast = false;
};

// Widget ids of the bar, handled by the app on every screen.
namespace nav_id {
inline constexpr std::string_view back = "nav.back";
inline constexpr std::string_view home = "nav.home";
inline constexpr std::string_view search = "nav.search";
inline constexpr std::string_view language = "nav.language";
inline constexpr std::string_view large_text = "nav.large_text";
inline constexpr std::string_view high_contrast = "nav.high_contrast";
} // namespace nav_id

void build_nav_bar(ui::Canvas& canvas, Rect bar, const NavState& state, const Strings& strings);

} // namespace ck::screens
