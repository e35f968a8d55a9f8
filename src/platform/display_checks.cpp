#include "platform/display_checks.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ck::platform {

using selfcheck::Check;

namespace {

constexpr int atlas_size = 8;

struct Block {
    Rect rect;
    ui::Color color;
    const char* name;
};

std::vector<Block> test_blocks()
{
    return {
        { { 8, 8, 24, 24 }, ui::Color { 255, 0, 0, 255 }, "red" },
        { { 40, 8, 24, 24 }, ui::Color { 0, 255, 0, 255 }, "green" },
        { { 72, 8, 24, 24 }, ui::Color { 0, 0, 255, 255 }, "blue" },
        { { 104, 8, 24, 24 }, ui::Color { 128, 128, 128, 255 }, "grey" },
    };
}

bool near(const std::uint8_t* px, ui::Color c, int tolerance)
{
    return std::abs(px[0] - c.r) <= tolerance && std::abs(px[1] - c.g) <= tolerance
        && std::abs(px[2] - c.b) <= tolerance;
}

std::string rgb(const std::uint8_t* px)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", px[0], px[1], px[2]);
    return buf;
}

selfcheck::Result readback(Display& display, const Check& self)
{
    // The atlas: full coverage everywhere, so a textured quad tinted yellow must read yellow.
    std::vector<std::uint8_t> atlas(static_cast<std::size_t>(atlas_size) * atlas_size, 255);
    const Rect dirty { 0, 0, atlas_size, atlas_size };
    AtlasView view;
    view.pixels = atlas.data();
    view.width = atlas_size;
    view.height = atlas_size;
    view.stride = atlas_size;
    view.dirty = std::span<const Rect>(&dirty, 1);
    view.generation = 0x5e1f7e57; // never the kiosk's own, so the atlas is uploaded whole
    ui::DrawList list;
    std::vector<Block> blocks = test_blocks();
    for (const auto& b : blocks) {
        list.fill_rect(b.rect, b.color);
    }
    const Block glyph { { 136, 8, 24, 24 }, ui::Color { 255, 255, 0, 255 }, "textured (glyph) yellow" };
    list.textured_quad(glyph.rect, { 1, 1, 4, 4 }, glyph.color, ui::TextureId::atlas);
    blocks.push_back(glyph);
    const ui::Color clear { 0, 0, 0, 255 };
    if (auto drawn = display.draw(list, view, clear); !drawn) {
        return selfcheck::fail(self, "the renderer cannot draw: " + drawn.error().to_string());
    }
    auto image = display.read_pixels();
    if (!image) {
        return selfcheck::fail(self, "the frame cannot be read back: " + image.error().to_string());
    }
    int checked = 0;
    for (const auto& b : blocks) {
        const int x = static_cast<int>(b.rect.x + b.rect.w / 2);
        const int y = static_cast<int>(b.rect.y + b.rect.h / 2);
        if (x >= image->width || y >= image->height) {
            continue;
        }
        const std::uint8_t* px = image->pixel(x, y);
        if (!near(px, b.color, 2)) {
            return selfcheck::fail(self,
                std::string("the ") + b.name + " block reads back as " + rgb(px) + " through "
                    + display.info().renderer
                    + ": the renderer or its driver draws wrong colours; try renderer = \"software\" in the "
                      "config");
        }
        ++checked;
    }
    const std::uint8_t* corner = image->pixel(image->width - 1, image->height - 1);
    if (!near(corner, clear, 2)) {
        return selfcheck::fail(self, "the cleared background reads back as " + rgb(corner) + ", not black");
    }
    if (!display.info().fallback.empty()) {
        return selfcheck::warn(self,
            display.info().fallback + "; the frame reads back right through the software renderer ("
                + display.info().video_driver
                + "), which costs the CPU every frame: check the Mesa (GLES2/EGL) packages and the GPU "
                  "driver",
            display.info().renderer);
    }
    return selfcheck::pass(self,
        std::to_string(checked)
            + " blocks (red, green, blue, grey, a textured quad) read back exactly through the "
            + display.info().renderer + " renderer (" + display.info().video_driver + ")",
        display.info().renderer);
}

int degrees(Rotation r)
{
    switch (r) {
    case Rotation::r0:
        return 0;
    case Rotation::r90:
        return 90;
    case Rotation::r180:
        return 180;
    case Rotation::r270:
        return 270;
    }
    return 0;
}

selfcheck::Result mode(const Display& display, float configured_dpi, const Check& self)
{
    const DisplayReport r = display.describe();
    const std::string chosen
        = std::to_string(static_cast<int>(r.panel.w)) + "x" + std::to_string(static_cast<int>(r.panel.h));
    // SDL's offscreen driver names its display "0" and lists one mode of 0x0: say only what is real.
    const bool named
        = !r.display_name.empty() && r.display_name.find_first_not_of("0123456789") != std::string::npos;
    std::string said = chosen + ", rotated " + std::to_string(degrees(r.rotation)) + "\xC2\xB0, on "
        + (named ? r.display_name + " (" + r.video_driver + ")" : r.video_driver);
    std::size_t real_modes = 0;
    for (const auto& m : r.modes) {
        real_modes += m.width > 0 && m.height > 0 ? 1 : 0;
    }
    if (real_modes > 0) {
        said += "; " + std::to_string(real_modes) + " modes, largest " + std::to_string(r.modes.front().width)
            + "x" + std::to_string(r.modes.front().height);
        if (r.current.refresh_hz > 0) {
            said += ", now " + std::to_string(r.current.width) + "x" + std::to_string(r.current.height)
                + " at " + std::to_string(r.current.refresh_hz) + " Hz";
        }
    }
    char dpi[96];
    std::snprintf(dpi, sizeof dpi, "; touch targets sized for %.0f DPI", static_cast<double>(configured_dpi));
    said += dpi;
    if (r.dpi > 0) {
        std::snprintf(dpi, sizeof dpi, " (the display says %.0f)", static_cast<double>(r.dpi));
        said += dpi;
    }
    if (r.panel.w < 800 || r.panel.h < 600) {
        return selfcheck::fail(self, said + ": too small for the kiosk's layout (at least 800x600)", chosen);
    }
    if (r.dpi > 0 && std::abs(r.dpi - configured_dpi) > 0.25f * configured_dpi) {
        return selfcheck::warn(self,
            said
                + ": the configured DPI is far from the display's; set dpi in the config so buttons keep "
                  "their size",
            chosen);
    }
    return selfcheck::pass(self, said, chosen);
}

// Touchscreens among the kernel's input devices: a device whose ABS bitmap has the multi-touch
// position axes (ABS_MT_POSITION_X, 0x35, and _Y, 0x36).
std::vector<std::string> touchscreens(const std::filesystem::path& proc_root)
{
    std::ifstream in(proc_root / "bus" / "input" / "devices");
    std::vector<std::string> found;
    std::string line;
    std::string name;
    while (std::getline(in, line)) {
        if (line.rfind("N: Name=", 0) == 0) {
            name = line.substr(8);
            if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
                name = name.substr(1, name.size() - 2);
            }
        } else if (line.rfind("B: ABS=", 0) == 0) {
            // Words of the bitmap, most significant first, each a hex unsigned long (64 bits here).
            std::istringstream words(line.substr(7));
            std::vector<unsigned long long> bits;
            std::string word;
            while (words >> word) {
                bits.insert(bits.begin(), std::stoull(word, nullptr, 16));
            }
            auto has = [&bits](unsigned bit) {
                return bit / 64 < bits.size() && ((bits[bit / 64] >> (bit % 64)) & 1U) != 0;
            };
            if (has(0x35) && has(0x36)) {
                found.push_back(name);
            }
        }
    }
    return found;
}

selfcheck::Result touch(const std::filesystem::path& proc_root, bool kiosk_mode, const Check& self)
{
    const auto found = touchscreens(proc_root);
    if (found.empty()) {
        const std::string said = "no touchscreen is connected";
        if (kiosk_mode) {
            return selfcheck::fail(
                self, said + ": check the touch panel's USB cable, then restart the kiosk", 0.0, "devices");
        }
        return selfcheck::warn(self, said + " (a desktop preview works with the mouse)", 0.0, "devices");
    }
    std::string names;
    for (const auto& n : found) {
        names += (names.empty() ? "" : ", ") + n;
    }
    return selfcheck::pass(self, names, static_cast<double>(found.size()), "devices");
}

} // namespace

selfcheck::Check renderer_readback_check(Display& display)
{
    return selfcheck::make_check(
        "renderer.readback", "Renderer draws what it is told",
        [&display](const Check& self) { return readback(display, self); }, true);
}

selfcheck::Check display_mode_check(const Display& display, float configured_dpi)
{
    return selfcheck::make_check(
        "display.mode", "Display mode",
        [&display, configured_dpi](const Check& self) { return mode(display, configured_dpi, self); }, true);
}

selfcheck::Check input_touch_check(std::filesystem::path proc_root, bool kiosk_mode)
{
    return selfcheck::make_check(
        "input.touch", "Touchscreen", [proc_root = std::move(proc_root), kiosk_mode](const Check& self) {
            return touch(proc_root, kiosk_mode, self);
        });
}

} // namespace ck::platform
