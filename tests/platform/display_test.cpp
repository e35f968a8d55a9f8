// Real SDL, offscreen driver, software renderer: what the headless kiosk uses.
#include "core/clock.hpp"
#include "platform/display.hpp"
#include "platform/event_pump.hpp"
#include "platform/signals.hpp"

#include <SDL2/SDL.h>
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <thread>
#include <vector>

using namespace ck;
using ck::platform::Display;
using ck::platform::DisplayMode;
using ck::platform::DisplayOptions;
using ck::platform::Rotation;

namespace {

// `glyphs_through_sdl`: glyphs sampled from the uploaded texture, as windows and GLES2 draw them,
// not blended from the atlas's memory by the headless frame (glyph_blit_test.cpp).
std::unique_ptr<Display> open_display(Size panel, Rotation rotation, bool glyphs_through_sdl = false)
{
    DisplayOptions options;
    options.mode = DisplayMode::headless;
    options.panel = panel;
    options.rotation = rotation;
    options.glyphs_through_sdl = glyphs_through_sdl;
    auto display = Display::create(options);
    REQUIRE_MESSAGE(display.ok(), (display.ok() ? "" : display.error().to_string()));
    return std::move(*display);
}

const std::uint8_t* at(const platform::Image& img, int x, int y)
{
    return img.pixel(x, y);
}

} // namespace

TEST_CASE("the headless display draws a draw list and reads back what the visitor sees")
{
    auto display = open_display({ 320, 200 }, Rotation::r0);
    CHECK(display->info().video_driver == "offscreen");
    CHECK(display->info().software);
    ui::DrawList list;
    list.fill_rect({ 10, 10, 50, 30 }, ui::Color::hex(0xFF0000));
    REQUIRE(display->draw(list, {}, ui::Color::hex(0x0000FF)).ok());
    const auto image = display->read_pixels();
    REQUIRE(image.ok());
    CHECK(image->width == 320);
    CHECK(image->height == 200);
    CHECK(at(*image, 20, 20)[0] == 255);
    CHECK(at(*image, 20, 20)[2] == 0);
    CHECK(at(*image, 100, 100)[2] == 255);
    CHECK(at(*image, 100, 100)[0] == 0);
}

TEST_CASE("the software renderer's frame is still there to read after it is presented")
{
    // The kiosk's screenshots rely on this (Presenter::hold): a frame just shown is not drawn again.
    auto display = open_display({ 320, 200 }, Rotation::r0);
    REQUIRE(display->keeps_frame_after_present());
    ui::DrawList list;
    list.fill_rect({ 10, 10, 50, 30 }, ui::Color::hex(0xFF0000));
    REQUIRE(display->draw(list, {}, ui::Color::hex(0x0000FF)).ok());
    const auto before = display->read_pixels();
    REQUIRE(before.ok());
    display->present();
    display->present();
    const auto after = display->read_pixels();
    REQUIRE(after.ok());
    CHECK(at(*after, 20, 20)[0] == 255);
    CHECK(at(*after, 100, 100)[2] == 255);
    CHECK(after->rgba == before->rgba);
}

TEST_CASE("a rotated display still shows the visitor an upright frame")
{
    auto display = open_display({ 320, 200 }, Rotation::r90);
    CHECK(display->logical_size() == Size { 200, 320 });
    ui::DrawList list;
    list.fill_rect({ 0, 0, 40, 20 }, ui::Color::hex(0x00FF00)); // the visitor's top-left corner
    REQUIRE(display->draw(list, {}, ui::Color::hex(0x000000)).ok());
    const auto image = display->read_pixels();
    REQUIRE(image.ok());
    CHECK(image->width == 200);
    CHECK(image->height == 320);
    CHECK(at(*image, 5, 5)[1] == 255);
    CHECK(at(*image, 35, 15)[1] == 255);
    CHECK(at(*image, 45, 5)[1] == 0);
    CHECK(at(*image, 5, 25)[1] == 0);
}

TEST_CASE("glyph quads sample the uploaded atlas and its dirty rectangles")
{
    auto display = open_display({ 64, 64 }, Rotation::r0, true);
    std::vector<std::uint8_t> atlas(32 * 32, 0);
    for (int y = 0; y < 8; ++y) {
        for (int x = 0; x < 8; ++x) {
            atlas[static_cast<std::size_t>(y) * 32 + static_cast<std::size_t>(x)]
                = 255; // an opaque 8x8 "glyph" at (0,0)
        }
    }
    const Rect dirty { 0, 0, 8, 8 };
    platform::AtlasView view { atlas.data(), 32, 32, 32, std::span<const Rect>(&dirty, 1), 1 };
    ui::DrawList list;
    list.textured_quad({ 16, 16, 8, 8 }, { 0, 0, 8, 8 }, ui::Color::hex(0x1C1B19), ui::TextureId::atlas);
    list.textured_quad({ 40, 40, 8, 8 }, { 16, 16, 8, 8 }, ui::Color::hex(0x1C1B19), ui::TextureId::atlas);
    REQUIRE(display->draw(list, view, ui::Color::hex(0xFFFFFF)).ok());
    const auto image = display->read_pixels();
    REQUIRE(image.ok());
    CHECK(at(*image, 19, 19)[0] == 0x1C); // inked where the atlas is opaque
    CHECK(at(*image, 43, 43)[0] == 255); // paper where the atlas is empty
}

TEST_CASE("a screenshot streamed in bands is the picture read_pixels returns, upright, at every rotation")
{
    const auto folder = std::filesystem::temp_directory_path() / "ck_display_bands";
    std::filesystem::create_directories(folder);
    for (const Rotation rotation : { Rotation::r0, Rotation::r90, Rotation::r180, Rotation::r270 }) {
        CAPTURE(static_cast<int>(rotation));
        // 200 rows: six whole bands of 32 and a short one; the marks sit across band edges.
        auto display = open_display({ 320, 200 }, rotation);
        ui::DrawList list;
        list.fill_rect({ 0, 0, 40, 20 }, ui::Color::hex(0x00FF00));
        list.fill_rect({ 30, 28, 17, 9 }, ui::Color::hex(0xFF0000));
        list.fill_rect({ 3, 190, 11, 7 }, ui::Color::hex(0x0000FF));
        REQUIRE(display->draw(list, {}, ui::Color::hex(0x202020)).ok());
        const auto expected = display->read_pixels();
        REQUIRE(expected.ok());
        const auto png = folder / "shot.png";
        REQUIRE(display->write_png(png.string()).ok());
        const auto written = platform::read_png(png.string());
        REQUIRE(written.ok());
        CHECK(written->width == expected->width);
        CHECK(written->height == expected->height);
        const auto diff = platform::compare_images(*expected, *written, 0);
        CHECK(diff.differing_fraction == 0.0);
        CHECK(at(*written, 5, 5)[1] == 255);
    }
    std::filesystem::remove_all(folder);
}

TEST_CASE("a screenshot that cannot be written says which file and leaves nothing behind")
{
    auto display = open_display({ 64, 48 }, Rotation::r0);
    REQUIRE(display->draw(ui::DrawList {}, {}, ui::Color::hex(0xFFFFFF)).ok());
    const auto missing = std::filesystem::temp_directory_path() / "ck_no_such_folder" / "shot.png";
    const auto status = display->write_png(missing.string());
    REQUIRE_FALSE(status.ok());
    CHECK(status.error().where == missing.string());
    CHECK_FALSE(std::filesystem::exists(missing));
}

TEST_CASE("a glyph atlas taller than one upload band arrives whole")
{
    auto display = open_display({ 64, 64 }, Rotation::r0, true);
    std::vector<std::uint8_t> atlas(32 * 200, 0);
    for (int y = 150; y < 158; ++y) { // past the first two 64-row bands
        for (int x = 0; x < 8; ++x) {
            atlas[static_cast<std::size_t>(y) * 32 + static_cast<std::size_t>(x)] = 255;
        }
    }
    const Rect dirty { 0, 0, 32, 200 };
    platform::AtlasView view { atlas.data(), 32, 200, 32, std::span<const Rect>(&dirty, 1), 1 };
    ui::DrawList list;
    list.textured_quad({ 16, 16, 8, 8 }, { 0, 150, 8, 8 }, ui::Color::hex(0x1C1B19), ui::TextureId::atlas);
    list.textured_quad({ 40, 40, 8, 8 }, { 0, 100, 8, 8 }, ui::Color::hex(0x1C1B19), ui::TextureId::atlas);
    REQUIRE(display->draw(list, view, ui::Color::hex(0xFFFFFF)).ok());
    const auto image = display->read_pixels();
    REQUIRE(image.ok());
    CHECK(at(*image, 19, 19)[0] == 0x1C);
    CHECK(at(*image, 43, 43)[0] == 255);
}

TEST_CASE(
    "a whole atlas upload stops at the atlas's used height, and a later shelf arrives through its dirty "
    "rectangle")
{
    auto display = open_display({ 64, 64 }, Rotation::r0, true);
    std::vector<std::uint8_t> atlas(32 * 200, 0);
    const auto ink = [&](int y0) {
        for (int y = y0; y < y0 + 8; ++y) {
            for (int x = 0; x < 8; ++x) {
                atlas[static_cast<std::size_t>(y) * 32 + static_cast<std::size_t>(x)] = 255;
            }
        }
    };
    ink(0);
    ink(150); // below the used height the view reports: not uploaded by the first, whole upload
    ui::DrawList list;
    list.textured_quad({ 16, 16, 8, 8 }, { 0, 0, 8, 8 }, ui::Color::hex(0x1C1B19), ui::TextureId::atlas);
    list.textured_quad({ 40, 40, 8, 8 }, { 0, 150, 8, 8 }, ui::Color::hex(0x1C1B19), ui::TextureId::atlas);
    platform::AtlasView view { atlas.data(), 32, 200, 32, {}, 1, 8 };
    REQUIRE(display->draw(list, view, ui::Color::hex(0xFFFFFF)).ok());
    auto image = display->read_pixels();
    REQUIRE(image.ok());
    CHECK(at(*image, 19, 19)[0] == 0x1C);
    CHECK(at(*image, 43, 43)[0] == 255);
    // The same generation, with a new shelf at row 150 dirty: only that rectangle is uploaded.
    const Rect shelf { 0, 150, 8, 8 };
    view.dirty = std::span<const Rect>(&shelf, 1);
    view.used_height = 158;
    REQUIRE(display->draw(list, view, ui::Color::hex(0xFFFFFF)).ok());
    image = display->read_pixels();
    REQUIRE(image.ok());
    CHECK(at(*image, 19, 19)[0] == 0x1C);
    CHECK(at(*image, 43, 43)[0] == 0x1C);
}

TEST_CASE("an injected touch comes back as a pointer event at the same logical point, rotated or not")
{
    for (const Rotation r : { Rotation::r0, Rotation::r90, Rotation::r270 }) {
        auto display = open_display({ 400, 300 }, r);
        ManualClock clock(Millis { 1234 });
        platform::EventPump pump(*display, clock, platform::EventTimes::when_read);
        (void)pump.poll();
        pump.inject_touch(platform::EventPump::TouchPhase::down, 7, { 100, 50 });
        pump.inject_touch(platform::EventPump::TouchPhase::up, 7, { 100, 50 });
        const auto result = pump.poll();
        std::vector<input::PointerEvent> pointers;
        for (const auto& e : result.events) {
            if (const auto* p = std::get_if<input::PointerEvent>(&e)) {
                pointers.push_back(*p);
            }
        }
        REQUIRE(pointers.size() == 2);
        CHECK(pointers[0].kind == input::PointerEvent::Kind::down);
        CHECK(pointers[0].id == 7);
        CHECK(pointers[0].pos.x == doctest::Approx(100).epsilon(0.01));
        CHECK(pointers[0].pos.y == doctest::Approx(50).epsilon(0.01));
        CHECK(pointers[0].time == Millis { 1234 });
        CHECK(pointers[1].kind == input::PointerEvent::Kind::up);
    }
}

TEST_CASE("a finger down on a panel that has gone is cancelled; an injected finger stays down")
{
    // SDL's evdev closes a removed panel before reading the lift still queued on it, and forgets
    // the panel without an event. The boot test's uinput panel, removed a second after its tap
    // while the emulated kiosk was busy, left finger 1 down that way, and the drag's finger 1
    // was then ignored as a lost lift: the drag scrolled nothing.
    auto display = open_display({ 400, 300 }, Rotation::r0);
    ManualClock clock(Millis { 9000 });
    platform::EventPump pump(*display, clock, platform::EventTimes::when_read);
    (void)pump.poll();
    SDL_Event e {};
    e.type = SDL_FINGERDOWN;
    e.common.timestamp = SDL_GetTicks();
    e.tfinger.touchId = 0x5EAD; // no panel SDL knows of: it was unplugged
    e.tfinger.fingerId = 1;
    e.tfinger.x = 0.5f;
    e.tfinger.y = 0.5f;
    REQUIRE(SDL_PeepEvents(&e, 1, SDL_ADDEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) == 1);
    pump.inject_touch(platform::EventPump::TouchPhase::down, 2, { 10, 10 });
    std::vector<input::PointerEvent> pointers;
    for (const auto& ev : pump.poll().events) {
        if (const auto* p = std::get_if<input::PointerEvent>(&ev)) {
            pointers.push_back(*p);
        }
    }
    REQUIRE(pointers.size() == 3);
    CHECK(pointers[0].kind == input::PointerEvent::Kind::down);
    CHECK(pointers[0].id == 1);
    CHECK(pointers[1].kind == input::PointerEvent::Kind::down);
    CHECK(pointers[1].id == 2);
    CHECK(pointers[2].kind == input::PointerEvent::Kind::cancel);
    CHECK(pointers[2].id == 1);
    // Cancelled once: the next read has nothing more for finger 1, and finger 2 is still down.
    CHECK(pump.poll().events.empty());
    pump.inject_touch(platform::EventPump::TouchPhase::up, 2, { 10, 10 });
    const auto after = pump.poll().events;
    REQUIRE(after.size() == 1);
    CHECK(std::get<input::PointerEvent>(after[0]).kind == input::PointerEvent::Kind::up);
}

TEST_CASE("a batch of finger moves read at once keeps the spacing SDL saw them at, on the injected clock")
{
    // A panel delivers moves every 8 ms; a busy frame reads four at once. Stamped on read they
    // would share one instant, and a fling's velocity would be computed from a zero interval.
    auto display = open_display({ 400, 300 }, Rotation::r0);
    ManualClock clock(Millis { 50'000 });
    for (const platform::EventTimes times :
        { platform::EventTimes::as_sdl_saw_them, platform::EventTimes::when_read }) {
        platform::EventPump pump(*display, clock, times);
        (void)pump.poll();
        // Both clocks move on together, so the moves below are newer than anything read so far.
        SDL_Delay(40);
        clock.advance(Millis { 40 });
        const Uint32 now = SDL_GetTicks();
        for (Uint32 i = 0; i < 4; ++i) {
            SDL_Event e {};
            e.type = SDL_FINGERMOTION;
            e.common.timestamp = now - 24 + 8 * i; // what SDL's driver wrote when it read the move
            e.tfinger.fingerId = 3;
            e.tfinger.x = 0.1f * static_cast<float>(i + 1);
            e.tfinger.y = 0.5f;
            REQUIRE(SDL_PeepEvents(&e, 1, SDL_ADDEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) == 1);
        }
        std::vector<Millis> times_seen;
        for (const auto& e : pump.poll().events) {
            if (const auto* p = std::get_if<input::PointerEvent>(&e)) {
                times_seen.push_back(p->time);
            }
        }
        REQUIRE(times_seen.size() == 4);
        for (std::size_t i = 1; i < times_seen.size(); ++i) {
            const auto gap = (times_seen[i] - times_seen[i - 1]).count();
            if (times == platform::EventTimes::as_sdl_saw_them) {
                CHECK(gap >= 7);
                CHECK(gap <= 9);
            } else {
                CHECK(gap == 0); // scripts on the manual clock: the clock's time, deterministic
            }
        }
        CHECK(times_seen.back() <= clock.now());
    }
}

TEST_CASE(
    "the glyph texture grows with the atlas's shelves and draws the same pixels as one of the atlas's full "
    "height")
{
    // The texture starts at the few rows the first shelves use (SDL zeroes a whole new texture) and
    // grows when a shelf is added below them; what it held before must come along.
    std::vector<std::uint8_t> atlas(64 * 1024, 0);
    const auto ink = [&](int x0, int y0, std::uint8_t value) {
        for (int y = y0; y < y0 + 8; ++y) {
            for (int x = x0; x < x0 + 8; ++x) {
                atlas[static_cast<std::size_t>(y) * 64 + static_cast<std::size_t>(x)] = value;
            }
        }
    };
    ink(0, 0, 255);
    ink(8, 0, 128);
    ui::DrawList first;
    first.textured_quad({ 4, 4, 8, 8 }, { 0, 0, 8, 8 }, ui::Color::hex(0x1C1B19), ui::TextureId::atlas);
    first.textured_quad({ 20, 4, 8, 8 }, { 8, 0, 8, 8 }, ui::Color::hex(0x1C1B19), ui::TextureId::atlas);
    ui::DrawList list = first;
    list.textured_quad({ 40, 40, 8, 8 }, { 0, 600, 8, 8 }, ui::Color::hex(0x1C1B19), ui::TextureId::atlas);

    auto growing = open_display({ 64, 64 }, Rotation::r0);
    platform::AtlasView view { atlas.data(), 64, 1024, 64, {}, 1, 8 };
    REQUIRE(growing->draw(first, view, ui::Color::hex(0xFFFFFF)).ok());
    ink(0, 600, 255); // a new shelf far below the texture's first rows, dirty alone
    const Rect shelf { 0, 600, 8, 8 };
    view.dirty = std::span<const Rect>(&shelf, 1);
    view.used_height = 608;
    REQUIRE(growing->draw(list, view, ui::Color::hex(0xFFFFFF)).ok());
    const auto grown = growing->read_pixels();
    REQUIRE(grown.ok());
    CHECK(at(*grown, 7, 7)[0] == 0x1C); // the first shelf's glyphs, uploaded again into the new texture
    CHECK(at(*grown, 23, 7)[0] > 0x1C);
    CHECK(at(*grown, 23, 7)[0] < 255);
    CHECK(at(*grown, 43, 43)[0] == 0x1C); // the new shelf's

    auto whole = open_display({ 64, 64 }, Rotation::r0);
    const platform::AtlasView all { atlas.data(), 64, 1024, 64, {}, 1, -1 }; // every row, one texture
    REQUIRE(whole->draw(list, all, ui::Color::hex(0xFFFFFF)).ok());
    const auto reference = whole->read_pixels();
    REQUIRE(reference.ok());
    CHECK(grown->rgba == reference->rgba);
}

TEST_CASE("injected keys and text arrive as key and text events; an unknown key name is refused")
{
    auto display = open_display({ 200, 100 }, Rotation::r0);
    ManualClock clock;
    platform::EventPump pump(*display, clock);
    (void)pump.poll();
    CHECK(pump.inject_key("ctrl+alt+F1"));
    CHECK_FALSE(pump.inject_key("NoSuchKey"));
    pump.inject_text("Gen\xC3\xA8ve and a long paste that is more than thirty-one bytes long");
    const auto result = pump.poll();
    int keys = 0;
    std::string text;
    for (const auto& e : result.events) {
        if (const auto* k = std::get_if<input::KeyEvent>(&e)) {
            ++keys;
            CHECK(k->mods.ctrl);
            CHECK(k->mods.alt);
            CHECK(k->name == "F1");
        } else if (const auto* t = std::get_if<input::TextInputEvent>(&e)) {
            text += t->text;
        }
    }
    CHECK(keys == 2); // down and up
    CHECK(text == "Gen\xC3\xA8ve and a long paste that is more than thirty-one bytes long");
}

TEST_CASE("a PNG whose rows stop coming leaves neither the file nor a part of it behind")
{
    const auto folder = std::filesystem::temp_directory_path() / "ck_png_torn";
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    const auto path = (folder / "shot.png").string();
    // The fifth band of 8 rows fails: bands before it were already compressed on both threads.
    const auto status = platform::write_png_rows(path, 64, 80, 8, [](int first, int rows, std::uint8_t* out) {
        std::memset(out, first, static_cast<std::size_t>(rows) * 64 * 4);
        return first < 32;
    });
    REQUIRE_FALSE(status.ok());
    CHECK(status.error().where == path);
    CHECK(std::filesystem::is_empty(folder));
    std::filesystem::remove_all(folder);
}

namespace {

std::string read_bytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return { std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>() };
}

// An opaque image whose every row and column differ (`a` and `b` vary the pattern).
platform::Image patterned(int width, int height, std::size_t a, std::size_t b)
{
    platform::Image img;
    img.width = width;
    img.height = height;
    img.rgba.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    const std::size_t stride = static_cast<std::size_t>(width) * 4;
    for (std::size_t i = 0; i < img.rgba.size(); ++i) {
        img.rgba[i] = (i % 4 == 3) ? 255 : static_cast<std::uint8_t>((i * a + i / stride * b) % 251);
    }
    return img;
}

// Writes `pixels` (width x height, 4 bytes a pixel in `order`) through write_png_rows in bands.
Status write_banded(const std::string& path, int width, int height, int band,
    const std::vector<std::uint8_t>& pixels, platform::RowOrder order)
{
    const std::size_t stride = static_cast<std::size_t>(width) * 4;
    return platform::write_png_rows(
        path, width, height, band,
        [&](int first, int rows, std::uint8_t* out) {
            std::memcpy(out, pixels.data() + static_cast<std::size_t>(first) * stride,
                static_cast<std::size_t>(rows) * stride);
            return true;
        },
        order);
}

} // namespace

TEST_CASE("a PNG of many bands, compressed on two threads, reads back pixel for pixel")
{
    // 37 bands of 3 rows, the last one short, with a pattern that differs in every row and column.
    const platform::Image img = patterned(97, 110, 7, 13);
    const auto path = (std::filesystem::temp_directory_path() / "ck_png_bands.png").string();
    REQUIRE(write_banded(path, img.width, img.height, 3, img.rgba, platform::RowOrder::rgba).ok());
    const auto back = platform::read_png(path);
    REQUIRE(back.ok());
    CHECK(back->width == img.width);
    CHECK(back->height == img.height);
    CHECK(back->rgba == img.rgba);
    std::filesystem::remove(path);
}

TEST_CASE("a PNG of BGRA rows is the same picture as the RGBA rows it swaps")
{
    const platform::Image img = patterned(41, 23, 29, 7);
    std::vector<std::uint8_t> bgra = img.rgba;
    for (std::size_t i = 0; i < bgra.size(); i += 4) {
        std::swap(bgra[i], bgra[i + 2]);
        bgra[i + 3] = 0; // an X8 byte: ignored
    }
    const auto path = (std::filesystem::temp_directory_path() / "ck_png_bgra.png").string();
    REQUIRE(write_banded(path, img.width, img.height, 5, bgra, platform::RowOrder::bgra).ok());
    const auto back = platform::read_png(path);
    REQUIRE(back.ok());
    CHECK(back->rgba == img.rgba);
    std::filesystem::remove(path);
}

TEST_CASE("a frame in memory with padded BGRA rows is written as the same PNG as its rows streamed in bands")
{
    // 110 rows: four bands of 32, the last short; each row padded with 12 bytes a renderer may keep.
    const platform::Image img = patterned(97, 110, 11, 5);
    const std::size_t row = static_cast<std::size_t>(img.width) * 4;
    const std::size_t pitch = row + 12;
    std::vector<std::uint8_t> frame(pitch * static_cast<std::size_t>(img.height), 0xEE);
    std::vector<std::uint8_t> bgra = img.rgba;
    for (std::size_t i = 0; i < bgra.size(); i += 4) {
        std::swap(bgra[i], bgra[i + 2]);
    }
    for (std::size_t y = 0; y < static_cast<std::size_t>(img.height); ++y) {
        std::memcpy(frame.data() + y * pitch, bgra.data() + y * row, row);
    }
    const auto direct = (std::filesystem::temp_directory_path() / "ck_png_direct.png").string();
    const auto banded = (std::filesystem::temp_directory_path() / "ck_png_banded.png").string();
    REQUIRE(platform::write_png_pixels(
        direct, img.width, img.height, frame.data(), pitch, platform::RowOrder::bgra)
                .ok());
    REQUIRE(write_banded(banded, img.width, img.height, 32, bgra, platform::RowOrder::bgra).ok());
    const auto back = platform::read_png(direct);
    REQUIRE(back.ok());
    CHECK(back->rgba == img.rgba);
    CHECK(read_bytes(direct) == read_bytes(banded));
    const auto short_rows = platform::write_png_pixels(direct, img.width, img.height, frame.data(), row - 4);
    REQUIRE_FALSE(short_rows.ok());
    CHECK(short_rows.error().message.find("rows are shorter") != std::string::npos);
    CHECK(short_rows.error().where == direct);
    std::filesystem::remove(direct);
    std::filesystem::remove(banded);
}

TEST_CASE("the screenshot's Adler-32 is the checksum RFC 1950 defines, on zero runs, bytes of 255 and every "
          "short length")
{
    // The definition, one byte at a time with both sums reduced at every step.
    const auto reference = [](std::uint32_t adler, const std::vector<std::uint8_t>& data) {
        std::uint32_t s1 = adler & 0xFFFFU;
        std::uint32_t s2 = adler >> 16U;
        for (const std::uint8_t b : data) {
            s1 = (s1 + b) % 65521U;
            s2 = (s2 + s1) % 65521U;
        }
        return (s2 << 16U) | s1;
    };
    std::mt19937 rng(18);
    std::vector<std::vector<std::uint8_t>> inputs;
    for (std::size_t n = 0; n <= 70; ++n) {
        std::vector<std::uint8_t> v(n);
        for (auto& b : v) {
            b = static_cast<std::uint8_t>(rng() % 3 == 0 ? rng() : 0); // mostly zeros, as a filtered row
        }
        inputs.push_back(v);
    }
    inputs.emplace_back(
        std::size_t { 200'000 }, std::uint8_t { 255 }); // the sums' largest growth, past a 64 KiB block
    inputs.emplace_back(std::size_t { 200'000 }, std::uint8_t { 0 });
    std::vector<std::uint8_t> mixed(300'001);
    for (std::size_t i = 0; i < mixed.size(); ++i) {
        mixed[i] = (i / 4096) % 2 == 0 ? 0 : static_cast<std::uint8_t>(rng());
    }
    inputs.push_back(mixed);
    for (const auto& data : inputs) {
        CAPTURE(data.size());
        CHECK(platform::adler32_sparse(1, data.data(), data.size()) == reference(1, data));
        // Continuing from a checksum with both sums large, as the bands of a frame do.
        CHECK(
            platform::adler32_sparse(0xFFF0FFF0U, data.data(), data.size()) == reference(0xFFF0FFF0U, data));
    }
}

TEST_CASE("a PNG written and read back is the same image")
{
    platform::Image img;
    img.width = 3;
    img.height = 2;
    img.rgba
        = { 1, 2, 3, 255, 4, 5, 6, 255, 7, 8, 9, 255, 10, 11, 12, 255, 13, 14, 15, 255, 16, 17, 18, 255 };
    const auto path = (std::filesystem::temp_directory_path() / "ck_png_roundtrip.png").string();
    REQUIRE(platform::write_png(path, img).ok());
    const auto back = platform::read_png(path);
    REQUIRE(back.ok());
    CHECK(back->rgba == img.rgba);
    CHECK(platform::compare_images(img, *back, 0).differing_fraction == 0.0);
    std::filesystem::remove(path);
    CHECK_FALSE(platform::read_png(path).ok());
}

TEST_CASE("a rounded card is filled inside, on its straight edges, and not in its corners")
{
    auto display = open_display({ 200, 120 }, Rotation::r0);
    ui::DrawList list;
    list.fill_rounded_rect({ 20, 20, 160, 80 }, 16, ui::Color::hex(0x0B4F5C));
    list.fill_rounded_rect({ 0, 0, 10, 10 }, 5, ui::Color { 255, 0, 0, 128 }); // translucent: blended
    REQUIRE(display->draw(list, {}, ui::Color::hex(0xFFFFFF)).ok());
    const auto image = display->read_pixels();
    REQUIRE(image.ok());
    for (const Point p : { Point { 100, 60 }, Point { 21, 60 }, Point { 178, 60 }, Point { 100, 21 },
             Point { 100, 98 }, Point { 30, 30 } }) {
        CAPTURE(p.x);
        CAPTURE(p.y);
        CHECK(at(*image, static_cast<int>(p.x), static_cast<int>(p.y))[0] == 0x0B);
    }
    for (const Point p : { Point { 21, 21 }, Point { 178, 21 }, Point { 21, 98 }, Point { 178, 98 } }) {
        CAPTURE(p.x);
        CAPTURE(p.y);
        CHECK(at(*image, static_cast<int>(p.x), static_cast<int>(p.y))[0] == 255);
    }
    const std::uint8_t* blended = at(*image, 5, 5);
    CHECK(blended[0] >= 250);
    CHECK(blended[1] > 100);
    CHECK(blended[1] < 160);
}

TEST_CASE("a rounded fill at fractional coordinates has no seam: every row of its middle is one colour")
{
    // Buttons, popups and stamps once showed a light line just inside their left and right edges:
    // the side strips and the middle of a rounded fill met at a fractional x that the renderer
    // rounded differently for each. Every combination of fractions here must fill solid.
    auto display = open_display({ 400, 300 }, Rotation::r0);
    const ui::Color fill = ui::Color::hex(0x0B4F5C);
    for (const float fx : { 0.0f, 0.2f, 0.5f, 0.7f, 0.9f }) {
        for (const float radius : { 4.3f, 5.9f, 8.5f, 11.2f }) {
            CAPTURE(fx);
            CAPTURE(radius);
            ui::DrawList list;
            const Rect card { 50 + fx, 40 + fx, 211.3f + fx, 90.6f };
            list.fill_rounded_rect(card, radius, fill);
            REQUIRE(display->draw(list, {}, ui::Color::hex(0xFFFFFF)).ok());
            const auto image = display->read_pixels();
            REQUIRE(image.ok());
            // The rows away from the corners: from the first pixel the fill covers to the last,
            // nothing of the white behind it may show through.
            for (int y = static_cast<int>(card.y + radius) + 2;
                 y < static_cast<int>(card.bottom() - radius) - 2; ++y) {
                int first = -1;
                int last = -1;
                for (int x = 0; x < 400; ++x) {
                    if (at(*image, x, y)[0] == 0x0B) {
                        first = first < 0 ? x : first;
                        last = x;
                    }
                }
                REQUIRE(first >= 0);
                int gaps = 0;
                for (int x = first; x <= last; ++x) {
                    gaps += at(*image, x, y)[0] != 0x0B ? 1 : 0;
                }
                CAPTURE(y);
                CHECK(gaps == 0);
                CHECK(last - first + 1 >= static_cast<int>(card.w) - 1);
            }
        }
    }
}

TEST_CASE("offscreen, waiting sleeps until the timeout instead of polling for input")
{
    auto display = open_display({ 200, 100 }, Rotation::r0);
    ManualClock clock;
    platform::EventPump pump(*display, clock);
    CHECK_FALSE(pump.polls_while_waiting());
    // Nothing is queued: the wait returns after its timeout with no events.
    const auto result = pump.wait(Millis { 30 });
    CHECK(result.events.empty());
    CHECK_FALSE(result.terminate);
}

TEST_CASE("a worker thread's wake-up ends a wait that would otherwise outlast the test")
{
    auto display = open_display({ 200, 100 }, Rotation::r0);
    ManualClock clock;
    platform::EventPump pump(*display, clock);
    (void)pump.poll();
    std::thread worker([] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        platform::wake_event_loop();
    });
    // The wait's own timeout is longer than the test's CTest timeout (300 s), so the only way this
    // test passes is the wake-up ending the wait: no assertion on elapsed real time is needed.
    const auto result = pump.wait(Millis { 3'600'000 });
    worker.join();
    CHECK_FALSE(result.terminate);
    CHECK(result.events.empty()); // the wake-up carries nothing
}
