// Screenshots: a software renderer's upright frame is deflated straight from its surface, on two
// threads (write_png_pixels); any other upright frame's rows are read back, in RGBA; a turned
// panel's frame is read a band of columns at a time and sampled upright. Read-back bands of 32 rows
// stream into write_png_rows(), which deflates them on two threads: no frame-sized buffer is held.
#include "platform/screenshot.hpp"

#include "platform/image.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

namespace ck::platform {

namespace {

constexpr int screenshot_band_rows = 32;

// How an upright frame is read back fastest: a software renderer's surface as it is (4-byte pixels
// in RGBA or BGRA order, so SDL copies instead of converting every pixel), anything else as RGBA.
struct Readback {
    Uint32 format = SDL_PIXELFORMAT_RGBA32;
    RowOrder order = RowOrder::rgba;
    bool surface = false; // the software renderer's own surface, in this format
};

Readback fastest_readback(SDL_Renderer* r, const SDL_Surface* surface)
{
    SDL_RendererInfo info {};
    if (SDL_GetRendererInfo(r, &info) != 0 || (info.flags & SDL_RENDERER_SOFTWARE) == 0) {
        return {};
    }
    const Uint32 format = surface != nullptr ? surface->format->format : Uint32 { SDL_PIXELFORMAT_UNKNOWN };
    const bool little = SDL_BYTEORDER == SDL_LIL_ENDIAN;
    if (format == SDL_PIXELFORMAT_BGRA32 || (little && format == SDL_PIXELFORMAT_XRGB8888)) {
        return { format, RowOrder::bgra, true };
    }
    if (format == SDL_PIXELFORMAT_RGBA32 || (little && format == SDL_PIXELFORMAT_XBGR8888)) {
        return { format, RowOrder::rgba, true };
    }
    return {};
}

// Logical rows [first, first + rows) of the frame into `out`: an upright frame's rows are read back
// directly, in the readback's format; on a turned panel the rectangle of columns that holds them is
// read back as RGBA and sampled as read_pixels() samples the whole frame.
bool read_band(SDL_Renderer* r, const ViewTransform& view, const Readback& readback,
    std::vector<std::uint8_t>& raw, int first, int rows, std::uint8_t* out)
{
    const int lw = static_cast<int>(view.logical().w);
    if (view.rotation() == Rotation::r0) {
        const SDL_Rect rows_rect { 0, first, lw, rows };
        return SDL_RenderReadPixels(r, &rows_rect, readback.format, out, lw * 4) == 0;
    }
    const int pw = static_cast<int>(view.panel().w);
    const int ph = static_cast<int>(view.panel().h);
    const Point a = view.to_panel({ 0.5f, static_cast<float>(first) + 0.5f });
    const Point b = view.to_panel({ static_cast<float>(lw) - 0.5f, static_cast<float>(first + rows) - 0.5f });
    const int x0 = std::clamp(static_cast<int>(std::min(a.x, b.x)), 0, pw - 1);
    const int y0 = std::clamp(static_cast<int>(std::min(a.y, b.y)), 0, ph - 1);
    const int x1 = std::clamp(static_cast<int>(std::max(a.x, b.x)), 0, pw - 1) + 1;
    const int y1 = std::clamp(static_cast<int>(std::max(a.y, b.y)), 0, ph - 1) + 1;
    const SDL_Rect rect { x0, y0, x1 - x0, y1 - y0 };
    raw.resize(static_cast<std::size_t>(rect.w) * static_cast<std::size_t>(rect.h) * 4);
    if (SDL_RenderReadPixels(r, &rect, SDL_PIXELFORMAT_ABGR8888, raw.data(), rect.w * 4) != 0) {
        return false;
    }
    for (int y = 0; y < rows; ++y) {
        for (int x = 0; x < lw; ++x) {
            const Point q
                = view.to_panel({ static_cast<float>(x) + 0.5f, static_cast<float>(first + y) + 0.5f });
            const int px = std::clamp(static_cast<int>(q.x) - x0, 0, rect.w - 1);
            const int py = std::clamp(static_cast<int>(q.y) - y0, 0, rect.h - 1);
            std::uint8_t* pixel = out + (static_cast<std::size_t>(y) * static_cast<std::size_t>(lw) + x) * 4;
            std::memcpy(pixel, raw.data() + (static_cast<std::size_t>(py) * rect.w + px) * 4, 4);
            pixel[3] = 255;
        }
    }
    return true;
}

} // namespace

Status write_frame_png(
    SDL_Renderer* r, const SDL_Surface* target, const ViewTransform& view, const std::string& path)
{
    const Size logical = view.logical();
    const Readback readback = view.rotation() == Rotation::r0 ? fastest_readback(r, target) : Readback {};
    // A software renderer's upright frame is in memory already: once SDL has drawn what it queued,
    // both threads deflate straight from it (copying the 8 MiB out cost a 1080p screenshot about 2 ms).
    if (readback.surface && target != nullptr && target->pixels != nullptr && !SDL_MUSTLOCK(target)
        && target->w == static_cast<int>(logical.w) && target->h == static_cast<int>(logical.h)
        && SDL_RenderFlush(r) == 0) {
        return write_png_pixels(path, target->w, target->h, static_cast<const std::uint8_t*>(target->pixels),
            static_cast<std::size_t>(target->pitch), readback.order);
    }
    std::vector<std::uint8_t> raw;
    return write_png_rows(
        path, static_cast<int>(logical.w), static_cast<int>(logical.h), screenshot_band_rows,
        [&](int first, int rows, std::uint8_t* out) {
            return read_band(r, view, readback, raw, first, rows, out);
        },
        readback.order);
}

} // namespace ck::platform
