// The window (or the offscreen surface), the SDL renderer and the frame: executes a ui::DrawList
// with SDL_RenderGeometry from one atlas texture, uploads the glyph atlas by dirty rectangles,
// presents, and reads pixels back for screenshots. The only place that creates SDL video objects.
#pragma once

#include "core/geometry.hpp"
#include "core/result.hpp"
#include "platform/image.hpp"
#include "platform/rotation.hpp"
#include "ui/draw_list.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace ck::platform {

enum class DisplayMode { windowed, fullscreen, headless };
enum class RendererKind { automatic, software, gles2 };

struct DisplayOptions {
    DisplayMode mode = DisplayMode::windowed;
    Size panel { 1920, 1080 }; // the window or offscreen size, as the panel reports it
    Rotation rotation = Rotation::r0;
    RendererKind renderer = RendererKind::automatic;
    // Headless software frames have glyphs blended by our code (glyph_blit.hpp); true draws them
    // through SDL's renderer as windows do, so that tests can compare the two.
    bool glyphs_through_sdl = false;
};

// A CPU coverage atlas (8 bits a pixel) as the text layer keeps it, and what changed since the
// last upload. A new generation means "everything changed".
struct AtlasView {
    const std::uint8_t* pixels = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0;
    std::span<const Rect> dirty;
    std::uint64_t generation = 0;
    // Rows from here down were never written (all zero, never sampled), so a whole upload stops
    // here: a first frame uploads the few shelves it filled, not the whole atlas. -1: unknown.
    int used_height = -1;
};

struct DisplayInfo {
    std::string video_driver;
    std::string renderer;
    bool software = false;
    // Empty, or why GLES2 was wanted (asked for, or chosen on a console) and software draws
    // instead: one line for the log and the self-test.
    std::string fallback;
};

// What the display reports of itself, for the self-test and the staff screens.
struct VideoMode {
    int width = 0;
    int height = 0;
    int refresh_hz = 0;
};
struct DisplayReport {
    std::string video_driver;
    std::string renderer;
    std::string display_name;
    std::vector<VideoMode> modes; // as the display lists them, largest first
    VideoMode current;
    float dpi = 0; // as the display reports it (diagonal); 0 when it does not say
    Size panel; // the frame's size in panel pixels
    Rotation rotation = Rotation::r0;
};

class Display {
public:
    ~Display();
    Display(const Display&) = delete;
    Display& operator=(const Display&) = delete;

    // Fails with a one-line reason when there is no display to open.
    static Result<std::unique_ptr<Display>> create(const DisplayOptions& options);

    [[nodiscard]] const ViewTransform& transform() const { return m_transform; }
    [[nodiscard]] Size logical_size() const { return m_transform.logical(); }
    [[nodiscard]] const DisplayInfo& info() const { return m_info; }

    // Uploads what changed in the atlas, then draws the list over `clear_color`. Nothing is shown
    // until present().
    Status draw(const ui::DrawList& list, const AtlasView& atlas, ui::Color clear_color);
    void present();
    // Whether what was drawn is still there to read after present(). The software renderer draws
    // into the window's surface and present() only copies it out; a GL back buffer is undefined
    // after a swap, so a frame must be drawn again before it is read.
    [[nodiscard]] bool keeps_frame_after_present() const { return m_info.software; }
    // The frame as the visitor sees it (rotation undone), 8-bit RGBA.
    [[nodiscard]] Result<Image> read_pixels() const;
    // The same frame written to a PNG file, streamed from the renderer in bands of rows: a
    // screenshot costs a band of memory, not a second 8 MiB frame.
    [[nodiscard]] Status write_png(const std::string& path) const;

    [[nodiscard]] DisplayReport describe() const;

    // The panel changed size (a window resized, a display hot-plugged).
    void set_panel_size(Size panel);

private:
    struct Impl;
    explicit Display(std::unique_ptr<Impl> impl, const DisplayOptions& options, DisplayInfo info);

    std::unique_ptr<Impl> m_impl;
    ViewTransform m_transform;
    DisplayInfo m_info;
};

// SDL hints the kiosk always sets, before SDL_Init: no SDL signal handlers (we own SIGTERM),
// touch never doubles as mouse, no Alt+Tab out of a grab, no minimizing on focus loss.
void pin_sdl_hints(DisplayMode mode, RendererKind renderer);

} // namespace ck::platform
