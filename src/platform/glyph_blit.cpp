#include "platform/glyph_blit.hpp"

#include <algorithm>

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

} // namespace ck::platform
