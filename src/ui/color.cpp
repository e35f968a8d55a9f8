// WCAG 2.2 definitions: https://www.w3.org/TR/WCAG22/#dfn-relative-luminance
#include "ui/color.hpp"

#include <algorithm>
#include <cmath>

namespace ck::ui {
namespace {

double linear(std::uint8_t channel)
{
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

} // namespace

double relative_luminance(Color c)
{
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrast_ratio(Color a, Color b)
{
    const double la = relative_luminance(a);
    const double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Color blend_over(Color top, Color bottom)
{
    const auto mix = [&](std::uint8_t t, std::uint8_t b) {
        return static_cast<std::uint8_t>(std::lround((t * top.a + b * (255 - top.a)) / 255.0));
    };
    return { mix(top.r, bottom.r), mix(top.g, bottom.g), mix(top.b, bottom.b), 255 };
}

} // namespace ck::ui
