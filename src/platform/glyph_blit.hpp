// Glyph quads drawn straight into the headless software frame (Display::draw). SDL's software
// renderer turns each glyph quad into a blit of its own, with the texture's colour changed before
// each one; that re-chooses SDL's blit function every time the colour changes and blends through
// its generic per-pixel code, 4 to 5 ms for a page of text at 1080p (perf, README kiosk_bench).
// Here a glyph is its coverage bytes blended into the frame's pixels in one loop. Private to the
// platform layer.
#pragma once

#include "ui/color.hpp"

#include <cstdint>

namespace ck::platform {

struct PixelBox {
    int x = 0;
    int y = 0;
    int w = 0;
    int h = 0;
};

// 8-bit coverage, as the text layer's atlas keeps it.
struct CoverageView {
    const std::uint8_t* pixels = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0;
};

// 32-bit pixels with red, green and blue in bits 16, 8 and 0 (SDL's XRGB8888 and ARGB8888); the
// top byte is left as it was.
struct FrameView {
    std::uint32_t* pixels = nullptr;
    int width = 0;
    int height = 0;
    int pitch = 0; // in pixels
};

// round(x / 255) for x in [0, 255 * 255], without a division.
constexpr std::uint32_t div255(std::uint32_t x)
{
    return (x + 128U + ((x + 128U) >> 8U)) >> 8U;
}

// One channel of `color` over `under` at opacity `alpha`, rounded to the nearest: what GLES2's
// blending computes in floating point.
constexpr std::uint32_t blend_channel(std::uint32_t color, std::uint32_t under, std::uint32_t alpha)
{
    return div255(color * alpha + under * (255U - alpha));
}

// Draws the coverage at (src_x, src_y) of `coverage`, `dst.w` by `dst.h` texels, one texel a pixel,
// at `dst` in `frame`, in `color` (its alpha times the coverage), inside `clip` and the frame.
// Texels outside the coverage read as empty.
void blend_coverage(const CoverageView& coverage, int src_x, int src_y, const FrameView& frame, PixelBox dst,
    PixelBox clip, ui::Color color);

} // namespace ck::platform
