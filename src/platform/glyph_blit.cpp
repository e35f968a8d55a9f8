#include "platform/glyph_blit.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace ck::platform {

namespace {

// `a` intersected with `b`; empty (w or h <= 0) when they do not meet.
PixelBox intersect(PixelBox a, PixelBox b)
{
    const int x0 = std::max(a.x, b.x);
    const int y0 = std::max(a.y, b.y);
    const int x1 = std::min(a.x + a.w, b.x + b.w);
    const int y1 = std::min(a.y + a.h, b.y + b.h);
    return { x0, y0, x1 - x0, y1 - y0 };
}

// `color` at opacity `cover` (times its own alpha) over the pixel `under`; its top byte is kept.
std::uint32_t blend_pixel(std::uint32_t under, std::uint32_t cover, ui::Color color)
{
    const std::uint32_t alpha = color.a == 255 ? cover : div255(cover * color.a);
    const std::uint32_t r = blend_channel(color.r, (under >> 16U) & 0xFFU, alpha);
    const std::uint32_t g = blend_channel(color.g, (under >> 8U) & 0xFFU, alpha);
    const std::uint32_t b = blend_channel(color.b, under & 0xFFU, alpha);
    return (under & 0xFF000000U) | (r << 16U) | (g << 8U) | b;
}

void blend_row(const std::uint8_t* cover, std::uint32_t* px, int n, ui::Color color)
{
    const std::uint32_t opaque = (static_cast<std::uint32_t>(color.r) << 16U)
        | (static_cast<std::uint32_t>(color.g) << 8U) | color.b;
    for (int i = 0; i < n; ++i) {
        const std::uint32_t c = cover[i];
        if (c == 0) {
            continue; // most of a glyph's box is empty
        }
        if (c == 255 && color.a == 255) {
            px[i] = (px[i] & 0xFF000000U) | opaque;
            continue;
        }
        px[i] = blend_pixel(px[i], c, color);
    }
}

// An upright glyph: its texels are a rectangle of the coverage, read row by row.
void blend_upright(const CoverageView& coverage, int src_x, int src_y, const FrameView& frame, PixelBox dst,
    PixelBox clip, ui::Color color)
{
    // Texels outside the coverage are empty: cut them off first, as pixels where nothing is drawn.
    const PixelBox texels
        = intersect({ src_x, src_y, dst.w, dst.h }, { 0, 0, coverage.width, coverage.height });
    const PixelBox inked { dst.x + (texels.x - src_x), dst.y + (texels.y - src_y), texels.w, texels.h };
    const PixelBox area = intersect(intersect(inked, clip), { 0, 0, frame.width, frame.height });
    if (area.w <= 0 || area.h <= 0) {
        return;
    }
    const int tx = src_x + (area.x - dst.x);
    const int ty = src_y + (area.y - dst.y);
    for (int row = 0; row < area.h; ++row) {
        const std::uint8_t* cover
            = coverage.pixels + static_cast<std::ptrdiff_t>(ty + row) * coverage.stride + tx;
        std::uint32_t* px = frame.pixels + static_cast<std::ptrdiff_t>(area.y + row) * frame.pitch + area.x;
        blend_row(cover, px, area.w, color);
    }
}

// A glyph on a turned panel: each pixel finds its texel by the walk's steps.
void blend_turned(const CoverageView& coverage, const TexelWalk& walk, const FrameView& frame, PixelBox dst,
    PixelBox clip, ui::Color color)
{
    const PixelBox area = intersect(intersect(dst, clip), { 0, 0, frame.width, frame.height });
    for (int y = area.y; y < area.y + area.h; ++y) {
        const int dy = y - dst.y;
        std::uint32_t* row = frame.pixels + static_cast<std::ptrdiff_t>(y) * frame.pitch;
        for (int x = area.x; x < area.x + area.w; ++x) {
            const int dx = x - dst.x;
            const int u = walk.u + dx * walk.right_u + dy * walk.down_u;
            const int v = walk.v + dx * walk.right_v + dy * walk.down_v;
            if (u < 0 || v < 0 || u >= coverage.width || v >= coverage.height) {
                continue;
            }
            const std::uint32_t c = coverage.pixels[static_cast<std::ptrdiff_t>(v) * coverage.stride + u];
            if (c != 0) {
                row[x] = blend_pixel(row[x], c, color);
            }
        }
    }
}

int sign(float f)
{
    return f > 0 ? 1 : (f < 0 ? -1 : 0);
}

// One glyph quad (triangles a,b,c and a,c,d; texels u0,v0 at a, u1,v0 at b, u1,v1 at c) as a box
// of whole panel pixels and the walk of its texels; nothing unless its edges lie on the panel's
// axes, one texel a pixel (so upright or turned by a multiple of 90 degrees, never scaled).
std::optional<GlyphQuad> as_glyph_quad(
    const std::vector<SDL_Vertex>& panel, const std::vector<ui::Vertex>& texels, const std::uint32_t* i)
{
    if (i[0] != i[3] || i[2] != i[4]) {
        return std::nullopt;
    }
    const SDL_FPoint a = panel[i[0]].position;
    const SDL_FPoint b = panel[i[1]].position;
    const SDL_FPoint c = panel[i[2]].position;
    const SDL_FPoint d = panel[i[5]].position;
    // Beyond 2^24 a float no longer holds every whole pixel (nor fits an int for long).
    constexpr float far = 16'777'216.0F;
    for (const SDL_FPoint p : { a, b, c, d }) {
        if (!(std::fabs(p.x) <= far && std::fabs(p.y) <= far)) {
            return std::nullopt;
        }
    }
    const ui::Vertex& ta = texels[i[0]];
    const ui::Vertex& tc = texels[i[2]];
    const float tw = tc.u - ta.u;
    const float th = tc.v - ta.v;
    const bool texel_box = tw > 0 && th > 0 && texels[i[1]].u == tc.u && texels[i[1]].v == ta.v
        && texels[i[5]].u == ta.u && texels[i[5]].v == tc.v && ta.u == std::floor(ta.u)
        && ta.v == std::floor(ta.v);
    // The texels' u runs from a to b, v from a to d: each along one axis, one texel a pixel.
    const SDL_FPoint along_u { b.x - a.x, b.y - a.y };
    const SDL_FPoint along_v { d.x - a.x, d.y - a.y };
    const bool u_on_axis = (along_u.x == 0) != (along_u.y == 0) && std::fabs(along_u.x + along_u.y) == tw;
    const bool v_on_axis = (along_v.x == 0) != (along_v.y == 0) && std::fabs(along_v.x + along_v.y) == th;
    const bool square = (along_u.x == 0) != (along_v.x == 0) && c.x == a.x + along_u.x + along_v.x
        && c.y == a.y + along_u.y + along_v.y;
    const std::uint32_t colour = ta.color;
    const bool one_colour
        = texels[i[1]].color == colour && tc.color == colour && texels[i[5]].color == colour;
    if (!texel_box || !u_on_axis || !v_on_axis || !square || !one_colour) {
        return std::nullopt;
    }
    const float x0 = std::min({ a.x, b.x, c.x, d.x });
    const float y0 = std::min({ a.y, b.y, c.y, d.y });
    const float x1 = std::max({ a.x, b.x, c.x, d.x });
    const float y1 = std::max({ a.y, b.y, c.y, d.y });
    const int ux = sign(along_u.x);
    const int uy = sign(along_u.y);
    const int vx = sign(along_v.x);
    const int vy = sign(along_v.y);
    // The texel under the centre of the box's top-left pixel, as GLES2 samples it.
    const float cx = x0 + 0.5F - a.x;
    const float cy = y0 + 0.5F - a.y;
    TexelWalk walk;
    walk.u = static_cast<int>(ta.u)
        + static_cast<int>(std::floor(cx * static_cast<float>(ux) + cy * static_cast<float>(uy)));
    walk.v = static_cast<int>(ta.v)
        + static_cast<int>(std::floor(cx * static_cast<float>(vx) + cy * static_cast<float>(vy)));
    walk.right_u = ux;
    walk.right_v = vx;
    walk.down_u = uy;
    walk.down_v = vy;
    const ui::Color unpacked { static_cast<std::uint8_t>(colour & 0xFFU),
        static_cast<std::uint8_t>((colour >> 8U) & 0xFFU), static_cast<std::uint8_t>((colour >> 16U) & 0xFFU),
        static_cast<std::uint8_t>(colour >> 24U) };
    return GlyphQuad { PixelBox { static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1 - x0),
                           static_cast<int>(y1 - y0) },
        walk, unpacked };
}

} // namespace

void blend_coverage(const CoverageView& coverage, const TexelWalk& walk, const FrameView& frame, PixelBox dst,
    PixelBox clip, ui::Color color)
{
    if (color.a == 0) {
        return;
    }
    if (walk.upright()) {
        blend_upright(coverage, walk.u, walk.v, frame, dst, clip, color);
    } else {
        blend_turned(coverage, walk, frame, dst, clip, color);
    }
}

bool as_glyph_quads(const std::vector<SDL_Vertex>& panel, const std::vector<ui::Vertex>& texels,
    const std::uint32_t* indices, std::uint32_t count, std::vector<GlyphQuad>& out)
{
    out.clear();
    if (count % 6 != 0) {
        return false;
    }
    for (std::uint32_t at = 0; at < count; at += 6) {
        const std::optional<GlyphQuad> quad = as_glyph_quad(panel, texels, indices + at);
        if (!quad) {
            return false;
        }
        out.push_back(*quad);
    }
    return true;
}

} // namespace ck::platform
