// The headless frame's glyph blending (platform/glyph_blit.hpp), against the blend GLES2 computes
// in floating point, and against SDL's own software renderer through the display.
#include "platform/display.hpp"
#include "platform/glyph_blit.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

using namespace ck;
using ck::platform::blend_coverage;
using ck::platform::CoverageView;
using ck::platform::FrameView;
using ck::platform::PixelBox;
using ck::platform::TexelWalk;

namespace {

// What GLES2 draws: the colour's alpha times the coverage, blended over the pixel in real numbers,
// rounded to the nearest level.
std::uint32_t reference_channel(int colour, int under, int coverage, int colour_alpha)
{
    const double alpha = std::round(coverage * colour_alpha / 255.0) / 255.0;
    return static_cast<std::uint32_t>(std::lround(colour * alpha + under * (1.0 - alpha)));
}

int channel(std::uint32_t pixel, int shift)
{
    return static_cast<int>((pixel >> static_cast<unsigned>(shift)) & 0xFFU);
}

} // namespace

TEST_CASE("a glyph's every coverage level is blended over the frame as GLES2 blends it, to the nearest level")
{
    std::vector<std::uint8_t> atlas(256);
    for (int i = 0; i < 256; ++i) {
        atlas[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(i);
    }
    const CoverageView coverage { atlas.data(), 256, 1, 256 };
    const std::array<ui::Color, 4> colours { ui::Color::hex(0x1C1B19), ui::Color::hex(0xF4EFE6),
        ui::Color { 200, 30, 90, 255 }, ui::Color { 10, 120, 250, 77 } };
    const std::array<std::uint32_t, 3> unders { 0x7AF4EFE6U, 0x001C1B19U, 0xFF808080U };
    for (const ui::Color colour : colours) {
        for (const std::uint32_t under : unders) {
            std::vector<std::uint32_t> frame(256, under);
            blend_coverage(coverage, TexelWalk { 0, 0 }, FrameView { frame.data(), 256, 1, 256 },
                PixelBox { 0, 0, 256, 1 }, PixelBox { 0, 0, 256, 1 }, colour);
            int wrong = 0;
            for (int c = 0; c < 256; ++c) {
                const std::uint32_t got = frame[static_cast<std::size_t>(c)];
                wrong += static_cast<int>(got >> 24U != under >> 24U); // the top byte is left alone
                wrong += static_cast<int>(channel(got, 16)
                    != static_cast<int>(reference_channel(colour.r, channel(under, 16), c, colour.a)));
                wrong += static_cast<int>(channel(got, 8)
                    != static_cast<int>(reference_channel(colour.g, channel(under, 8), c, colour.a)));
                wrong += static_cast<int>(channel(got, 0)
                    != static_cast<int>(reference_channel(colour.b, channel(under, 0), c, colour.a)));
            }
            CHECK_MESSAGE(wrong == 0, "colour ", int(colour.r), ",", int(colour.g), ",", int(colour.b), ",",
                int(colour.a), " over ", under);
        }
    }
    CHECK(platform::div255(0) == 0);
    CHECK(platform::div255(255 * 255) == 255);
    CHECK(platform::div255(127) == 0); // 0.498
    CHECK(platform::div255(128) == 1); // 0.502
}

TEST_CASE("a glyph is cut at the clip, at the frame's edges and at the atlas's edges")
{
    std::vector<std::uint8_t> atlas(8 * 8, 255); // an 8x8 atlas, all ink
    const CoverageView coverage { atlas.data(), 8, 8, 8 };
    const std::uint32_t paper = 0x00FFFFFFU;
    std::vector<std::uint32_t> frame(16 * 16, paper);
    const FrameView view { frame.data(), 16, 16, 16 };
    const auto inked = [&](int x, int y) {
        return frame[static_cast<std::size_t>(y) * 16 + static_cast<std::size_t>(x)] == 0x00000000U;
    };
    const auto count = [&] {
        int n = 0;
        for (int y = 0; y < 16; ++y) {
            for (int x = 0; x < 16; ++x) {
                n += static_cast<int>(inked(x, y));
            }
        }
        return n;
    };

    // Half past the frame's top-left corner: the quarter inside is drawn.
    blend_coverage(coverage, TexelWalk { 0, 0 }, view, PixelBox { -4, -4, 8, 8 }, PixelBox { 0, 0, 16, 16 },
        ui::Color::hex(0));
    CHECK(count() == 16);
    CHECK(inked(3, 3));
    CHECK_FALSE(inked(4, 4));

    // Inside a clip of 2x3 pixels only.
    std::fill(frame.begin(), frame.end(), paper);
    blend_coverage(coverage, TexelWalk { 0, 0 }, view, PixelBox { 8, 8, 8, 8 }, PixelBox { 9, 10, 2, 3 },
        ui::Color::hex(0));
    CHECK(count() == 6);
    CHECK(inked(9, 10));
    CHECK(inked(10, 12));
    CHECK_FALSE(inked(8, 8));

    // A quad asking for texels past the atlas's right and bottom edges draws only those it has.
    std::fill(frame.begin(), frame.end(), paper);
    blend_coverage(coverage, TexelWalk { 4, 6 }, view, PixelBox { 0, 0, 8, 8 }, PixelBox { 0, 0, 16, 16 },
        ui::Color::hex(0));
    CHECK(count() == 4 * 2);
    CHECK(inked(3, 1));
    CHECK_FALSE(inked(4, 0));
    CHECK_FALSE(inked(0, 2));

    // A clip that misses the quad, and a transparent colour, draw nothing.
    std::fill(frame.begin(), frame.end(), paper);
    blend_coverage(coverage, TexelWalk { 0, 0 }, view, PixelBox { 0, 0, 8, 8 }, PixelBox { 8, 8, 8, 8 },
        ui::Color::hex(0));
    blend_coverage(coverage, TexelWalk { 0, 0 }, view, PixelBox { 0, 0, 8, 8 }, PixelBox { 0, 0, 16, 16 },
        ui::Color::hex(0).with_alpha(0));
    CHECK(count() == 0);
}

namespace {

// A headless display with the panel the visitor sees as `logical`, turned by `rotation`.
std::unique_ptr<platform::Display> headless(
    Size logical, platform::Rotation rotation = platform::Rotation::r0, bool glyphs_through_sdl = false)
{
    platform::DisplayOptions options;
    options.mode = platform::DisplayMode::headless;
    const bool sideways = rotation == platform::Rotation::r90 || rotation == platform::Rotation::r270;
    options.panel = sideways ? Size { logical.h, logical.w } : logical;
    options.rotation = rotation;
    options.glyphs_through_sdl = glyphs_through_sdl;
    auto display = platform::Display::create(options);
    REQUIRE_MESSAGE(display.ok(), (display.ok() ? "" : display.error().to_string()));
    return std::move(*display);
}

// An atlas of `side` x `side` texels, every one full coverage.
std::vector<std::uint8_t> inked_atlas(int side)
{
    return std::vector<std::uint8_t>(static_cast<std::size_t>(side) * static_cast<std::size_t>(side), 255);
}

// A frame of glyph quads over every coverage level, in ink, white and a translucent red, part of
// it clipped, drawn by the headless display with the glyphs blended by our code or by SDL's.
platform::Image draw_glyph_sheet(bool through_sdl, platform::Rotation rotation)
{
    const auto display = headless({ 96, 64 }, rotation, through_sdl);
    std::vector<std::uint8_t> atlas(64 * 64, 0);
    for (int y = 0; y < 16; ++y) {
        for (int x = 0; x < 16; ++x) {
            atlas[static_cast<std::size_t>(y) * 64 + static_cast<std::size_t>(x)]
                = static_cast<std::uint8_t>(y * 16 + x);
        }
    }
    const Rect dirty { 0, 0, 16, 16 };
    platform::AtlasView view { atlas.data(), 64, 64, 64, std::span<const Rect>(&dirty, 1), 1 };
    ui::DrawList list;
    list.fill_rect({ 48, 0, 48, 64 }, ui::Color::hex(0x1C1B19)); // a dark half, under the white glyphs
    list.textured_quad({ 4, 4, 16, 16 }, { 0, 0, 16, 16 }, ui::Color::hex(0x1C1B19), ui::TextureId::atlas);
    list.textured_quad(
        { 24, 4, 16, 16 }, { 0, 0, 16, 16 }, ui::Color { 200, 30, 40, 128 }, ui::TextureId::atlas);
    list.textured_quad({ 56, 4, 16, 16 }, { 0, 0, 16, 16 }, ui::Color::hex(0xF4EFE6), ui::TextureId::atlas);
    list.push_clip({ 8, 30, 60, 10 });
    list.textured_quad({ 4, 24, 16, 16 }, { 0, 0, 16, 16 }, ui::Color::hex(0x1C1B19), ui::TextureId::atlas);
    list.textured_quad({ 52, 24, 16, 16 }, { 0, 0, 16, 16 }, ui::Color::hex(0xF4EFE6), ui::TextureId::atlas);
    list.pop_clip();
    list.fill_rect({ 10, 52, 20, 4 }, ui::Color::hex(0x2050C0)); // drawn before the last glyph, under it
    list.textured_quad({ 4, 40, 16, 16 }, { 0, 0, 16, 16 }, ui::Color::hex(0x1C1B19), ui::TextureId::atlas);
    list.fill_rect({ 16, 52, 4, 4 }, ui::Color::hex(0x20C050)); // drawn after it, over it
    REQUIRE(display->draw(list, view, ui::Color::hex(0xF4EFE6)).ok());
    auto image = display->read_pixels();
    REQUIRE(image.ok());
    return std::move(*image);
}

int largest_difference(const platform::Image& a, const platform::Image& b)
{
    REQUIRE(a.rgba.size() == b.rgba.size());
    int most = 0;
    for (std::size_t i = 0; i < a.rgba.size(); ++i) {
        most = std::max(most, std::abs(int(a.rgba[i]) - int(b.rgba[i])));
    }
    return most;
}

} // namespace

TEST_CASE("glyphs the headless frame blends itself look as SDL's software renderer draws them, in draw order "
          "and inside their clips")
{
    const platform::Image ours = draw_glyph_sheet(false, platform::Rotation::r0);
    const platform::Image sdl = draw_glyph_sheet(true, platform::Rotation::r0);
    // SDL rounds its blend down where ours rounds to the nearest level (as GLES2 does).
    CHECK(largest_difference(ours, sdl) <= 4);
    const auto px = [&](int x, int y) { return ours.pixel(x, y); };
    CHECK(px(4 + 15, 4 + 15)[0] == 0x1C); // full coverage: the ink itself
    CHECK(px(4, 4)[0] == 0xF4); // no coverage: the paper
    CHECK(px(56 + 15, 4 + 15)[0] == 0xF4); // white ink on the dark half
    CHECK(px(24 + 15, 4 + 15)[1] < 0x9A); // translucent red over paper, half way
    CHECK(px(24 + 15, 4 + 15)[1] > 0x80);
    CHECK(px(19, 39)[0] == 0x1C); // full coverage inside the clip (8, 30 to 68, 40)
    CHECK(px(19, 29)[0] == 0xF4); // above the clip: paper, though the glyph is inked there
    CHECK(px(7, 39)[0] == 0xF4); // left of the clip
    CHECK(px(67, 39)[0] == 0xF4); // the white glyph's full coverage on the dark half (x 48 on)
    CHECK(px(51, 39)[0] == 0x1C); // the dark half beside it
    CHECK(px(67, 29)[0] == 0x1C); // above the clip: the dark half
    CHECK(px(14, 55)[0] == 0x1C); // the last glyph lies over the blue bar drawn before it
    CHECK(px(22, 55)[2] == 0xC0); // the bar past the glyph
    CHECK(px(18, 54)[1] == 0xC0); // the green square drawn after the glyph lies over it
}

TEST_CASE(
    "on a turned panel the glyphs are the upright panel's, pixel for pixel, once the frame is turned back")
{
    // SDL's software renderer draws turned glyph quads with its triangle rasterizer, which puts a
    // texel column a pixel off here and there (README, "The GPU path"); the frame's own blending
    // walks the texels along the turned axes, one texel a pixel, as GLES2 samples them.
    const platform::Image upright = draw_glyph_sheet(false, platform::Rotation::r0);
    for (const platform::Rotation rotation :
        { platform::Rotation::r90, platform::Rotation::r180, platform::Rotation::r270 }) {
        CAPTURE(static_cast<int>(rotation));
        const platform::Image turned = draw_glyph_sheet(false, rotation);
        CHECK(turned.width == upright.width);
        CHECK(turned.height == upright.height);
        CHECK(largest_difference(turned, upright) == 0);
    }
}

TEST_CASE("a glyph quad millions of pixels off the frame draws nothing, and the glyphs beside it still draw")
{
    const auto display = headless({ 64, 64 });
    std::vector<std::uint8_t> atlas = inked_atlas(32);
    const Rect dirty { 0, 0, 32, 32 };
    platform::AtlasView view { atlas.data(), 32, 32, 32, std::span<const Rect>(&dirty, 1), 1 };
    ui::DrawList list;
    list.textured_quad({ 8, 3.0e9F, 8, 8 }, { 0, 0, 8, 8 }, ui::Color::hex(0x1C1B19), ui::TextureId::atlas);
    list.textured_quad({ -4.0e9F, 8, 8, 8 }, { 0, 0, 8, 8 }, ui::Color::hex(0x1C1B19), ui::TextureId::atlas);
    list.textured_quad({ 40, 40, 8, 8 }, { 0, 0, 8, 8 }, ui::Color::hex(0x1C1B19), ui::TextureId::atlas);
    REQUIRE(display->draw(list, view, ui::Color::hex(0xFFFFFF)).ok());
    const auto image = display->read_pixels();
    REQUIRE(image.ok());
    CHECK(image->pixel(43, 43)[0] == 0x1C);
    CHECK(image->pixel(10, 10)[0] == 255);
    CHECK(image->pixel(10, 60)[0] == 255);
}

TEST_CASE("a frame drawn without the atlas's pixels, after one with them, still draws and does not read them")
{
    const auto display = headless({ 64, 64 });
    std::vector<std::uint8_t> atlas = inked_atlas(32);
    const Rect dirty { 0, 0, 32, 32 };
    const platform::AtlasView view { atlas.data(), 32, 32, 32, std::span<const Rect>(&dirty, 1), 1 };
    ui::DrawList list;
    list.textured_quad({ 40, 40, 8, 8 }, { 0, 0, 8, 8 }, ui::Color::hex(0x1C1B19), ui::TextureId::atlas);
    list.fill_rect({ 0, 0, 8, 8 }, ui::Color::hex(0xFF0000));
    REQUIRE(display->draw(list, view, ui::Color::hex(0xFFFFFF)).ok());
    REQUIRE(display->draw(list, {}, ui::Color::hex(0xFFFFFF)).ok());
    const auto image = display->read_pixels();
    REQUIRE(image.ok());
    CHECK(image->pixel(4, 4)[0] == 255); // the rest of the frame is drawn
    CHECK(image->pixel(4, 4)[1] == 0);
}
