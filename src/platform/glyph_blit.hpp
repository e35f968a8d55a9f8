// Glyph quads drawn straight into the headless software frame (Display::draw). SDL's software
// renderer turns each glyph quad into a blit of its own, with the texture's colour changed before
// each one; that re-chooses SDL's blit function every time the colour changes and blends through
// its generic per-pixel code, 4 to 5 ms for a page of text at 1080p (perf, README kiosk_bench).
// Here a glyph is its coverage bytes blended into the frame's pixels in one loop; on a turned
// panel each pixel takes its texel along the turned axes, as GLES2 samples it (SDL drew turned
// quads with its triangle rasterizer, a texel column a pixel off here and there). Private to the
// platform layer.
#pragma once

#include "ui/color.hpp"
#include "ui/draw_list.hpp"

#include <SDL2/SDL.h>

#include <cstdint>
#include <vector>

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

// Which texel each pixel of a glyph's box shows: the texel (u, v) at the box's top-left pixel, and
// the step in texels for a pixel to the right and for a pixel down. An upright glyph steps (1, 0)
// and (0, 1); on a turned panel the axes swap or reverse, one texel a pixel still.
struct TexelWalk {
    int u = 0;
    int v = 0;
    int right_u = 1;
    int right_v = 0;
    int down_u = 0;
    int down_v = 1;
    [[nodiscard]] bool upright() const { return right_u == 1 && right_v == 0 && down_u == 0 && down_v == 1; }
};

// Draws a glyph's coverage into the box `dst` of `frame`, each pixel from the texel `walk` gives
// it, in `color` (its alpha times the coverage), inside `clip` and the frame. Texels outside the
// coverage read as empty.
void blend_coverage(const CoverageView& coverage, const TexelWalk& walk, const FrameView& frame, PixelBox dst,
    PixelBox clip, ui::Color color);

// A glyph quad as the frame receives it: a box of whole pixels, and its texels' walk.
struct GlyphQuad {
    PixelBox dst;
    TexelWalk walk;
    ui::Color color;
};

// A draw command's triangles as glyph quads (the shape DrawList::textured_quad writes) on whole
// pixels, one texel a pixel, each of one colour, upright or turned with the panel; false, with
// `out` unusable, when any is not (a scaled image), and SDL draws the command instead. `panel`
// holds the vertices' positions in panel pixels, already snapped; `texels` the draw list's
// vertices, with their atlas texel coordinates; `indices` the command's `count` indices.
bool as_glyph_quads(const std::vector<SDL_Vertex>& panel, const std::vector<ui::Vertex>& texels,
    const std::uint32_t* indices, std::uint32_t count, std::vector<GlyphQuad>& out);

} // namespace ck::platform
