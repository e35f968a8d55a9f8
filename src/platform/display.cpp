// SDL video, pinned: the driver, the renderer and every hint are chosen here explicitly, because
// an unpinned X11 path cost 10 ms a frame and 110 MB of RSS on this machine's kind. Headless runs
// use SDL's offscreen driver with the software renderer (or, asked, GLES2 through Mesa's EGL); a Pi
// uses KMS/DRM with GLES2, and falls back to software, saying why, when GLES2 cannot be made.
#include "platform/display.hpp"

#include "platform/glyph_blit.hpp"
#include "platform/headless_frame.hpp"
#include "platform/screenshot.hpp"
#include "platform/sdl_handles.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

namespace ck::platform {

struct Display::Impl {
    WindowPtr window;
    FrameMemory frame_memory; // destroyed after the surface and the renderer that draws into it
    SurfacePtr frame; // headless: what the software renderer draws into; else null (the window's)
    RendererPtr renderer;
    TexturePtr atlas;
    int atlas_width = 0;
    int atlas_height = 0;
    std::uint64_t atlas_generation = ~std::uint64_t { 0 };
    std::vector<SDL_Vertex> vertices;
    std::vector<std::uint32_t> upload;
    // Headless software frame: glyph quads are blended into it by our code (glyph_blit.hpp).
    bool direct_glyphs = false;
    std::vector<GlyphQuad> quads; // the command being drawn's, reused from frame to frame
    bool video_initialized = false;

    ~Impl()
    {
        atlas.reset();
        renderer.reset();
        frame.reset();
        window.reset();
        if (video_initialized) {
            SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
        }
    }
};

namespace {

const char* choose_video_driver(DisplayMode mode)
{
    if (mode == DisplayMode::headless) {
        return "offscreen";
    }
    // NOLINTNEXTLINE(concurrency-mt-unsafe): read at start-up; no thread of ours sets variables
    if (const char* wayland = std::getenv("WAYLAND_DISPLAY"); wayland != nullptr && *wayland != '\0') {
        return "wayland";
    }
    // NOLINTNEXTLINE(concurrency-mt-unsafe): read at start-up; no thread of ours sets variables
    if (const char* x11 = std::getenv("DISPLAY"); x11 != nullptr && *x11 != '\0') {
        return "x11";
    }
    return "kmsdrm";
}

bool wants_gles2(DisplayMode mode, RendererKind kind, const char* driver)
{
    switch (kind) {
    case RendererKind::software:
        return false;
    case RendererKind::gles2:
        return true;
    case RendererKind::automatic:
        // A Pi on the console has a GPU behind KMS/DRM; desktops and CI often do not (llvmpipe
        // through X11 is the slow path), so they get the software renderer unless asked.
        return mode != DisplayMode::headless && std::strcmp(driver, "kmsdrm") == 0;
    }
    return false;
}

// Sets the SDL clip rectangle for a command, and returns it in panel pixels (the whole panel for
// a command without one); nothing when no part of the command can be visible.
std::optional<PixelBox> apply_clip(
    SDL_Renderer* renderer, const ui::DrawCommand& cmd, const ViewTransform& view)
{
    if (!cmd.clipped) {
        SDL_RenderSetClipRect(renderer, nullptr);
        return PixelBox { 0, 0, static_cast<int>(view.panel().w), static_cast<int>(view.panel().h) };
    }
    if (cmd.clip.empty()) {
        return std::nullopt;
    }
    const Point a = view.to_panel({ cmd.clip.x, cmd.clip.y });
    const Point b = view.to_panel({ cmd.clip.right(), cmd.clip.bottom() });
    const auto x0 = static_cast<int>(std::lround(std::min(a.x, b.x)));
    const auto y0 = static_cast<int>(std::lround(std::min(a.y, b.y)));
    const auto x1 = static_cast<int>(std::lround(std::max(a.x, b.x)));
    const auto y1 = static_cast<int>(std::lround(std::max(a.y, b.y)));
    if (x1 <= x0 || y1 <= y0) {
        return std::nullopt;
    }
    const SDL_Rect r { x0, y0, x1 - x0, y1 - y0 };
    SDL_RenderSetClipRect(renderer, &r);
    return PixelBox { r.x, r.y, r.w, r.h };
}

} // namespace

namespace {

Status draw_triangles_impl(SDL_Renderer* r, SDL_Texture* texture, const std::vector<SDL_Vertex>& vertices,
    const std::uint32_t* indices, std::uint32_t count)
{
    if (count == 0) {
        return {};
    }
    const SDL_Vertex* base = vertices.data();
    if (SDL_RenderGeometryRaw(r, texture, &base->position.x, sizeof(SDL_Vertex), &base->color,
            sizeof(SDL_Vertex), &base->tex_coord.x, sizeof(SDL_Vertex), static_cast<int>(vertices.size()),
            indices, static_cast<int>(count), sizeof(std::uint32_t))
        != 0) {
        return make_error(std::string("drawing failed: ") + SDL_GetError());
    }
    return {};
}

// Two triangles (a,b,c)(a,c,d) over four vertices of one colour whose corners line up on the
// axes: the shape DrawList::fill_rect writes. Returns the rectangle in panel pixels.
std::optional<SDL_FRect> as_rectangle(const std::vector<SDL_Vertex>& v, const std::uint32_t* i)
{
    if (i[0] != i[3] || i[2] != i[4]) {
        return std::nullopt;
    }
    const SDL_Vertex& a = v[i[0]];
    const SDL_Vertex& b = v[i[1]];
    const SDL_Vertex& c = v[i[2]];
    const SDL_Vertex& d = v[i[5]];
    const auto same = [](const SDL_Color& x, const SDL_Color& y) {
        return x.r == y.r && x.g == y.g && x.b == y.b && x.a == y.a;
    };
    if (!same(a.color, b.color) || !same(a.color, c.color) || !same(a.color, d.color)) {
        return std::nullopt;
    }
    const float x0 = std::min({ a.position.x, b.position.x, c.position.x, d.position.x });
    const float x1 = std::max({ a.position.x, b.position.x, c.position.x, d.position.x });
    const float y0 = std::min({ a.position.y, b.position.y, c.position.y, d.position.y });
    const float y1 = std::max({ a.position.y, b.position.y, c.position.y, d.position.y });
    for (const SDL_Vertex* p : { &a, &b, &c, &d }) {
        if ((p->position.x != x0 && p->position.x != x1) || (p->position.y != y0 && p->position.y != y1)) {
            return std::nullopt;
        }
    }
    if (a.position.x == c.position.x || a.position.y == c.position.y) {
        return std::nullopt; // a and c must be opposite corners
    }
    return SDL_FRect { x0, y0, x1 - x0, y1 - y0 };
}

// A rectangle with its edges on whole pixels, each moved left (up) to one: SDL's software renderer
// truncates the corner and the size of a fractional rectangle separately (and an opaque fill
// differently from a blended one), GLES2 fills the pixels whose centres it covers; on whole
// pixels the two agree.
SDL_Rect on_pixel_grid(const SDL_FRect& r)
{
    const auto x0 = static_cast<int>(std::floor(r.x));
    const auto y0 = static_cast<int>(std::floor(r.y));
    return SDL_Rect { x0, y0, static_cast<int>(std::floor(r.x + r.w)) - x0,
        static_cast<int>(std::floor(r.y + r.h)) - y0 };
}

// Glyph quads are laid out on whole pixels, and the draw list moves them by whole pixels; a
// rotation or a float's last bit may still leave a corner a hair off, which the software renderer
// truncates and GLES2 rounds, a pixel apart. Both get the corners rounded, so the atlas is copied
// texel for pixel alike.
void snap_to_pixels(std::vector<SDL_Vertex>& vertices, const std::uint32_t* indices, std::uint32_t count)
{
    for (std::uint32_t i = 0; i < count; ++i) {
        SDL_FPoint& p = vertices[indices[i]].position;
        p = { std::round(p.x), std::round(p.y) };
    }
}

// Blends the quads into the frame once SDL has drawn what it queued before them; what is queued
// after lands on top, as it would have.
void draw_glyphs_into_frame(SDL_Renderer* r, SDL_Surface* frame, const AtlasView& atlas, PixelBox clip,
    const std::vector<GlyphQuad>& quads)
{
    SDL_RenderFlush(r);
    const CoverageView coverage { atlas.pixels, atlas.width, atlas.height, atlas.stride };
    const FrameView pixels { static_cast<std::uint32_t*>(frame->pixels), frame->w, frame->h,
        frame->pitch / 4 };
    for (const GlyphQuad& q : quads) {
        blend_coverage(coverage, q.walk, pixels, q.dst, clip, q.color);
    }
}

// Untextured triangles: rectangles become plain fills (opaque ones without blending, which is a
// memset-like fill in the software renderer); everything else goes to SDL_RenderGeometry in runs.
Status draw_solid(SDL_Renderer* r, const std::vector<SDL_Vertex>& vertices, const std::uint32_t* indices,
    std::uint32_t count)
{
    std::uint32_t run_start = 0;
    std::uint32_t i = 0;
    while (i < count) {
        const std::optional<SDL_FRect> rect
            = i + 6 <= count ? as_rectangle(vertices, indices + i) : std::nullopt;
        if (!rect) {
            i += 3;
            continue;
        }
        if (auto done = draw_triangles_impl(r, nullptr, vertices, indices + run_start, i - run_start);
            !done) {
            return done;
        }
        const SDL_Color c = vertices[indices[i]].color;
        SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
        if (const SDL_Rect whole = on_pixel_grid(*rect); whole.w > 0 && whole.h > 0) {
            SDL_RenderFillRect(r, &whole);
        }
        i += 6;
        run_start = i;
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    return draw_triangles_impl(r, nullptr, vertices, indices + run_start, count - run_start);
}

// Glyph coverage becomes white texels with that alpha, uploaded in bands of rows: a full upload
// of the 1024x1024 atlas through one buffer would keep 4 MiB of staging memory for the life of
// the process; a band keeps 256 KiB.
constexpr int upload_band_rows = 64;

// The glyph texture holds the atlas's rows down to its lowest shelf, not all of them: SDL fills a
// new texture with zeros, and for the 1024x1024 atlas that is 4 MiB of first-touch page faults
// (3 ms on the shared VM) at every start, where the first screens use a few hundred rows. A power
// of two, so a texture coordinate (row / height) is exact and sampling is unchanged; it grows by
// doubling, uploading again what it held, as shelves are added. Made with room for as many
// rows again: the attract screen's shelves fill 224 rows at 1080p, and the first cable's 260.
// `list` may sample rows below the shelves (they read as empty), and SDL refuses texture
// coordinates past the texture, so those rows are held too.
int texture_rows(const AtlasView& atlas, const ui::DrawList& list)
{
    if (atlas.used_height < 0) {
        return atlas.height;
    }
    float sampled = static_cast<float>(atlas.used_height);
    for (const ui::Vertex& v : list.vertices()) {
        sampled = std::max(sampled, v.v);
    }
    int rows = upload_band_rows;
    while (static_cast<float>(rows) < sampled && rows < atlas.height) {
        rows *= 2;
    }
    return std::min(rows, atlas.height);
}

void upload_rows(
    SDL_Texture* texture, std::vector<std::uint32_t>& upload, const AtlasView& atlas, const SDL_Rect& rect)
{
    const int w = rect.w;
    for (int band = rect.y; band < rect.y + rect.h; band += upload_band_rows) {
        const int band_end = std::min(rect.y + rect.h, band + upload_band_rows);
        upload.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(band_end - band));
        for (int y = band; y < band_end; ++y) {
            const std::uint8_t* src = atlas.pixels + static_cast<std::ptrdiff_t>(y) * atlas.stride + rect.x;
            std::uint32_t* dst = upload.data() + static_cast<std::ptrdiff_t>(y - band) * w;
            for (int x = 0; x < w; ++x) {
                dst[x] = (static_cast<std::uint32_t>(src[x]) << 24U) | 0x00FFFFFFU;
            }
        }
        const SDL_Rect area { rect.x, band, w, band_end - band };
        SDL_UpdateTexture(texture, &area, upload.data(), w * 4);
    }
}

} // namespace

void pin_sdl_hints(DisplayMode mode, RendererKind renderer)
{
    const char* driver = choose_video_driver(mode);
    SDL_SetHint(SDL_HINT_VIDEODRIVER, driver);
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, wants_gles2(mode, renderer, driver) ? "opengles2" : "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "nearest");
    SDL_SetHint(SDL_HINT_RENDER_BATCHING, "1");
    SDL_SetHint(SDL_HINT_IME_SHOW_UI, "0");
    SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
    SDL_SetHint(SDL_HINT_KMSDRM_REQUIRE_DRM_MASTER, "1");
}

Display::Display(std::unique_ptr<Impl> impl, const DisplayOptions& options, DisplayInfo info)
    : m_impl(std::move(impl))
    , m_transform(options.panel, options.rotation)
    , m_info(std::move(info))
{
}

Display::~Display() = default;

namespace {

Result<WindowPtr> create_window(const DisplayOptions& options)
{
    Uint32 flags = SDL_WINDOW_SHOWN;
    if (options.mode == DisplayMode::fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    }
    WindowPtr window(SDL_CreateWindow("Cable Kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
        static_cast<int>(options.panel.w), static_cast<int>(options.panel.h), flags));
    if (!window) {
        return make_error(std::string("cannot create the window: ") + SDL_GetError());
    }
    return window;
}

std::string renderer_name(SDL_Renderer* renderer)
{
    SDL_RendererInfo info {};
    return SDL_GetRendererInfo(renderer, &info) == 0 && info.name != nullptr ? info.name : "?";
}

// GLES2 as asked; or why not. SDL, when the hinted driver fails, tries every other accelerated
// one (desktop OpenGL on a PC): only opengles2 itself counts, anything else is a fallback.
Result<RendererPtr> create_gles2(SDL_Window* window)
{
    RendererPtr renderer(
        SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC));
    if (!renderer) {
        return make_error(SDL_GetError());
    }
    if (const std::string name = renderer_name(renderer.get()); name != "opengles2") {
        return make_error("SDL made a " + name + " renderer instead");
    }
    return renderer;
}

} // namespace

Result<std::unique_ptr<Display>> Display::create(const DisplayOptions& options)
{
    pin_sdl_hints(options.mode, options.renderer);
    auto impl = std::make_unique<Impl>();
    if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        return make_error(std::string("no display could be opened (") + SDL_GetHint(SDL_HINT_VIDEODRIVER)
            + "): " + SDL_GetError());
    }
    impl->video_initialized = true;

    auto window = create_window(options);
    if (!window) {
        return window.error();
    }
    impl->window = std::move(*window);
    std::string fallback;
    if (std::strcmp(SDL_GetHint(SDL_HINT_RENDER_DRIVER), "opengles2") == 0) {
        if (auto gles2 = create_gles2(impl->window.get())) {
            impl->renderer = std::move(*gles2);
        } else {
            // A kiosk that draws in software is slow, not broken: it goes on, and says so once
            // (the caller's log line, the self-test's renderer.readback warning).
            fallback = "GLES2 could not be created (" + gles2.error().to_string() + ")";
            impl->window.reset(); // a GL attempt may have turned the window into a GL one
            SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
            auto plain = create_window(options);
            if (!plain) {
                return plain.error();
            }
            impl->window = std::move(*plain);
        }
    }
    if (!impl->renderer && options.mode == DisplayMode::headless) {
        if (auto made = make_headless_frame(impl->frame_memory, impl->frame,
                static_cast<int>(options.panel.w), static_cast<int>(options.panel.h));
            !made) {
            return made.error();
        }
        impl->renderer.reset(SDL_CreateSoftwareRenderer(impl->frame.get()));
        const Uint32 format = impl->frame->format->format;
        impl->direct_glyphs = !options.glyphs_through_sdl
            && (format == SDL_PIXELFORMAT_XRGB8888 || format == SDL_PIXELFORMAT_ARGB8888);
    }
    if (!impl->renderer) {
        impl->renderer.reset(SDL_CreateRenderer(impl->window.get(), -1, SDL_RENDERER_SOFTWARE));
    }
    if (!impl->renderer) {
        return make_error(std::string("cannot create the renderer: ") + SDL_GetError());
    }
    SDL_SetRenderDrawBlendMode(impl->renderer.get(), SDL_BLENDMODE_BLEND);
    if (options.mode != DisplayMode::headless) {
        SDL_ShowCursor(SDL_DISABLE);
    }

    DisplayOptions actual = options;
    int w = 0;
    int h = 0;
    if (SDL_GetRendererOutputSize(impl->renderer.get(), &w, &h) == 0 && w > 0 && h > 0) {
        actual.panel = { static_cast<float>(w), static_cast<float>(h) };
    }
    SDL_RendererInfo renderer_info {};
    SDL_GetRendererInfo(impl->renderer.get(), &renderer_info);
    DisplayInfo info { SDL_GetCurrentVideoDriver() != nullptr ? SDL_GetCurrentVideoDriver() : "?",
        renderer_info.name != nullptr ? renderer_info.name : "?",
        (renderer_info.flags & SDL_RENDERER_SOFTWARE) != 0, std::move(fallback) };
    return std::unique_ptr<Display>(new Display(std::move(impl), actual, std::move(info)));
}

DisplayReport Display::describe() const
{
    DisplayReport r;
    r.video_driver = m_info.video_driver;
    r.renderer = m_info.renderer;
    r.panel = m_transform.panel();
    r.rotation = m_transform.rotation();
    const int index = std::max(0, SDL_GetWindowDisplayIndex(m_impl->window.get()));
    if (const char* name = SDL_GetDisplayName(index); name != nullptr) {
        r.display_name = name;
    }
    const int count = SDL_GetNumDisplayModes(index);
    for (int i = 0; i < count; ++i) {
        SDL_DisplayMode mode {};
        if (SDL_GetDisplayMode(index, i, &mode) == 0) {
            r.modes.push_back({ mode.w, mode.h, mode.refresh_rate });
        }
    }
    SDL_DisplayMode current {};
    if (SDL_GetCurrentDisplayMode(index, &current) == 0) {
        r.current = { current.w, current.h, current.refresh_rate };
    }
    float ddpi = 0;
    if (SDL_GetDisplayDPI(index, &ddpi, nullptr, nullptr) == 0) {
        r.dpi = ddpi;
    }
    return r;
}

void Display::set_panel_size(Size panel)
{
    m_transform = ViewTransform(panel, m_transform.rotation());
}

Status Display::draw(const ui::DrawList& list, const AtlasView& atlas, ui::Color clear_color)
{
    Impl& d = *m_impl;
    SDL_Renderer* r = d.renderer.get();

    if (atlas.pixels != nullptr && atlas.width > 0 && atlas.height > 0) {
        const int needed = texture_rows(atlas, list);
        const bool recreate = !d.atlas || d.atlas_width != atlas.width || d.atlas_height < needed
            || d.atlas_height > atlas.height;
        if (recreate) {
            // Twice the rows needed: the next screens' shelves usually fit without growing again.
            const int rows = std::min(atlas.height, needed * 2);
            d.atlas.reset(
                SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, atlas.width, rows));
            if (!d.atlas) {
                return make_error(std::string("cannot create the glyph texture: ") + SDL_GetError());
            }
            SDL_SetTextureBlendMode(d.atlas.get(), SDL_BLENDMODE_BLEND);
            SDL_SetTextureScaleMode(d.atlas.get(), SDL_ScaleModeNearest);
            d.atlas_width = atlas.width;
            d.atlas_height = rows;
        }
        const bool full = recreate || atlas.generation != d.atlas_generation;
        const int used
            = atlas.used_height >= 0 ? std::min(atlas.used_height, d.atlas_height) : d.atlas_height;
        const Rect whole { 0, 0, static_cast<float>(atlas.width), static_cast<float>(used) };
        const std::span<const Rect> rects = full ? std::span<const Rect>(&whole, 1) : atlas.dirty;
        for (const Rect& rect : rects) {
            const int x0 = std::max(0, static_cast<int>(rect.x));
            const int y0 = std::max(0, static_cast<int>(rect.y));
            const int x1 = std::min(atlas.width, static_cast<int>(std::ceil(rect.right())));
            const int y1 = std::min(d.atlas_height, static_cast<int>(std::ceil(rect.bottom())));
            if (x1 <= x0 || y1 <= y0) {
                continue;
            }
            upload_rows(d.atlas.get(), d.upload, atlas, SDL_Rect { x0, y0, x1 - x0, y1 - y0 });
        }
        d.atlas_generation = atlas.generation;
    }

    SDL_RenderSetClipRect(r, nullptr);
    SDL_SetRenderDrawColor(r, clear_color.r, clear_color.g, clear_color.b, 255);
    SDL_RenderClear(r);

    const auto& src = list.vertices();
    d.vertices.resize(src.size());
    const float inv_w = d.atlas_width > 0 ? 1.0f / static_cast<float>(d.atlas_width) : 0.0f;
    const float inv_h = d.atlas_height > 0 ? 1.0f / static_cast<float>(d.atlas_height) : 0.0f;
    for (std::size_t i = 0; i < src.size(); ++i) {
        const Point p = m_transform.to_panel({ src[i].x, src[i].y });
        SDL_Vertex& v = d.vertices[i];
        v.position = { p.x, p.y };
        std::memcpy(&v.color, &src[i].color, sizeof(v.color));
        v.tex_coord = { src[i].u * inv_w, src[i].v * inv_h };
    }
    const auto& indices = list.indices();
    for (const ui::DrawCommand& cmd : list.commands()) {
        const std::optional<PixelBox> clip
            = cmd.index_count == 0 ? std::nullopt : apply_clip(r, cmd, m_transform);
        if (!clip) {
            continue;
        }
        SDL_Texture* texture = cmd.texture == ui::TextureId::atlas ? d.atlas.get() : nullptr;
        if (cmd.texture == ui::TextureId::atlas && texture == nullptr) {
            continue;
        }
        if (texture != nullptr) {
            snap_to_pixels(d.vertices, indices.data() + cmd.first_index, cmd.index_count);
        }
        if (texture != nullptr && d.direct_glyphs && atlas.pixels != nullptr
            && as_glyph_quads(
                d.vertices, list.vertices(), indices.data() + cmd.first_index, cmd.index_count, d.quads)) {
            draw_glyphs_into_frame(r, d.frame.get(), atlas, *clip, d.quads);
            continue;
        }
        if (texture == nullptr) {
            if (auto done = draw_solid(r, d.vertices, indices.data() + cmd.first_index, cmd.index_count);
                !done) {
                return done;
            }
            continue;
        }
        if (auto done
            = draw_triangles_impl(r, texture, d.vertices, indices.data() + cmd.first_index, cmd.index_count);
            !done) {
            return done;
        }
    }
    SDL_RenderSetClipRect(r, nullptr);
    return {};
}

void Display::present()
{
    SDL_RenderPresent(m_impl->renderer.get());
}

Result<Image> Display::read_pixels() const
{
    const Size panel = m_transform.panel();
    const int pw = static_cast<int>(panel.w);
    const int ph = static_cast<int>(panel.h);
    if (m_transform.rotation() == Rotation::r0) {
        // Unturned: read straight into the image (one frame-sized buffer, not two).
        Image image;
        image.width = pw;
        image.height = ph;
        image.rgba.resize(static_cast<std::size_t>(pw) * static_cast<std::size_t>(ph) * 4);
        if (SDL_RenderReadPixels(
                m_impl->renderer.get(), nullptr, SDL_PIXELFORMAT_ABGR8888, image.rgba.data(), pw * 4)
            != 0) {
            return make_error(std::string("cannot read the frame back: ") + SDL_GetError());
        }
        for (std::size_t i = 3; i < image.rgba.size(); i += 4) {
            image.rgba[i] = 255;
        }
        return image;
    }
    std::vector<std::uint8_t> raw(static_cast<std::size_t>(pw) * static_cast<std::size_t>(ph) * 4);
    if (SDL_RenderReadPixels(m_impl->renderer.get(), nullptr, SDL_PIXELFORMAT_ABGR8888, raw.data(), pw * 4)
        != 0) {
        return make_error(std::string("cannot read the frame back: ") + SDL_GetError());
    }
    const Size logical = m_transform.logical();
    Image image;
    image.width = static_cast<int>(logical.w);
    image.height = static_cast<int>(logical.h);
    image.rgba.resize(raw.size());
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            // Sample the panel pixel whose centre maps to this logical pixel's centre.
            const Point q
                = m_transform.to_panel({ static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f });
            const int px = std::clamp(static_cast<int>(q.x), 0, pw - 1);
            const int py = std::clamp(static_cast<int>(q.y), 0, ph - 1);
            std::memcpy(image.rgba.data() + (static_cast<std::size_t>(y) * image.width + x) * 4,
                raw.data() + (static_cast<std::size_t>(py) * pw + px) * 4, 4);
            image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4 + 3] = 255;
        }
    }
    return image;
}

Status Display::write_png(const std::string& path) const
{
    const SDL_Surface* target = m_impl->frame ? m_impl->frame.get()
        : m_info.software                     ? SDL_GetWindowSurface(m_impl->window.get())
                                              : nullptr;
    return write_frame_png(m_impl->renderer.get(), target, m_transform, path);
}

} // namespace ck::platform
