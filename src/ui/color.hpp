// Colours and the WCAG 2.x contrast ratio, used by the theme and by the accessibility test that
// checks every text on every screen reaches 7:1. Pure functions, no dependencies.
#pragma once

#include <cstdint>

namespace ck::ui {

struct Color {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
    std::uint8_t a = 255;
    friend bool operator==(const Color&, const Color&) = default;

    // 0xRRGGBB, opaque.
    static constexpr Color hex(std::uint32_t rgb)
    {
        return { static_cast<std::uint8_t>((rgb >> 16U) & 0xFFU),
            static_cast<std::uint8_t>((rgb >> 8U) & 0xFFU), static_cast<std::uint8_t>(rgb & 0xFFU), 255 };
    }
    [[nodiscard]] constexpr Color with_alpha(std::uint8_t alpha) const { return { r, g, b, alpha }; }
    // Packed as SDL_Color's memory order (r, g, b, a), for vertices.
    [[nodiscard]] constexpr std::uint32_t packed() const
    {
        return static_cast<std::uint32_t>(r) | (static_cast<std::uint32_t>(g) << 8U)
            | (static_cast<std::uint32_t>(b) << 16U) | (static_cast<std::uint32_t>(a) << 24U);
    }
};

// WCAG relative luminance of an opaque colour, 0 (black) to 1 (white).
double relative_luminance(Color c);

// WCAG contrast ratio between two opaque colours, 1 to 21.
double contrast_ratio(Color a, Color b);

// `top` composited over an opaque `bottom` (straight alpha).
Color blend_over(Color top, Color bottom);

} // namespace ck::ui
