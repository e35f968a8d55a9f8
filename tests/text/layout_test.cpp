// Layout behaviour case by case: where lines break, ellipsis and alignment, hidden controls,
// highlight rectangles and hit-testing.
#include "text/layout.hpp"
#include "text_fixture.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using ck::text::Align;
using ck::text::Family;
using ck::text::Layout;
using ck::text::LayoutOptions;
using ck::text::TextStyle;
using ck::text::Weight;
using ck::text::WrapMode;
using ck::text::test::fonts;
using ck::text::test::repeat;
using ck::text::test::u8;

namespace {

const TextStyle mono20 { Family::mono, Weight::regular, 20 };

// Courier Prime is monospaced: the width of n characters.
float columns(int n)
{
    return static_cast<float>(n) * fonts().measure("M", mono20);
}

std::vector<std::string> visible_lines(std::string_view text, const Layout& layout)
{
    std::vector<std::string> out;
    for (const auto& line : layout.lines()) {
        out.emplace_back(text.substr(line.byte_begin, line.content_end - line.byte_begin));
    }
    return out;
}

LayoutOptions options_for(float width, WrapMode wrap = WrapMode::words, TextStyle style = mono20)
{
    LayoutOptions options;
    options.style = style;
    options.max_width_px = width;
    options.wrap = wrap;
    return options;
}

} // namespace

TEST_CASE("lines break at the last opportunity that fits the column")
{
    struct Case {
        const char* what;
        std::string text;
        int columns;
        WrapMode wrap;
        std::vector<std::string> lines;
    };
    const std::vector<Case> cases = {
        { "words at spaces", "the quick brown fox jumps", 10, WrapMode::words,
            { "the quick", "brown fox", "jumps" } },
        { "a hyphen is a break opportunity", "well-known anti-Soviet", 12, WrapMode::words,
            { "well-known", "anti-Soviet" } },
        { "newlines are kept in words mode", "one\ntwo three", 20, WrapMode::words, { "one", "two three" } },
        { "a line longer than the column wraps in preserve_lines", "1. (C) SUMMARY: THE AMBASSADOR MET\nNEXT",
            16, WrapMode::preserve_lines, { "1. (C) SUMMARY:", "THE AMBASSADOR", "MET", "NEXT" } },
        { "reflow joins the lines of a paragraph with one space",
            "THE AMBASSADOR\n   MET THE\nMINISTER.\n\nNEXT ONE", 40, WrapMode::reflow,
            { "THE AMBASSADOR\n   MET THE\nMINISTER.", "", "NEXT ONE" } },
        { "an over-long word is cut between characters", "abcdefghijklmnopqrstuvwxyz", 10, WrapMode::words,
            { "abcdefghij", "klmnopqrst", "uvwxyz" } },
        { "an over-long word after a short one starts on its own line", "to abcdefghijklmn", 10,
            WrapMode::words, { "to", "abcdefghij", "klmn" } },
        { "an emergency break never splits a grapheme cluster", "abcdefghi" + repeat("e\xCC\x81", 3), 10,
            WrapMode::words,
            { "abcdefghie\xCC\x81",
                "e\xCC\x81"
                "e\xCC\x81" } },
        { "tabs advance to the next column of eight", "A\tB", 9, WrapMode::preserve_lines, { "A\tB" } },
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const auto layout = fonts().layout(c.text, options_for(columns(c.columns) + 0.5f, c.wrap));
        CHECK(visible_lines(c.text, layout) == c.lines);
    }
}

TEST_CASE("a 10,000-character word fills every line to the column and no further")
{
    const std::string word = repeat("W", 10000);
    const auto layout = fonts().layout(word, options_for(columns(37) + 0.5f));
    REQUIRE(layout.lines().size() == (10000 + 36) / 37);
    for (std::size_t i = 0; i + 1 < layout.lines().size(); ++i) {
        const auto& line = layout.lines()[i];
        CHECK(line.byte_end - line.byte_begin == 37);
        CHECK(line.width <= columns(37) + 0.5f);
    }
}

TEST_CASE("a tab reaches the next multiple of eight columns")
{
    const auto layout = fonts().layout("AB\tC", options_for(ck::text::unlimited_width_px));
    const auto& glyphs = layout.glyphs();
    REQUIRE_FALSE(glyphs.empty());
    CHECK(glyphs.back().x == doctest::Approx(columns(8)));
    CHECK(glyphs.back().cluster == 3);
}

TEST_CASE("controls and bidi overrides are not drawn and do not reorder anything")
{
    const std::string text = u8(U"A\u202EBC\u202C") + "\x1b[2J" + std::string("D\0E", 3);
    const auto layout = fonts().layout(text, options_for(ck::text::unlimited_width_px));
    std::vector<std::uint32_t> clusters;
    for (const auto& g : layout.glyphs()) {
        clusters.push_back(g.cluster);
    }
    // A, B, C, then [ 2 J D E: the override, pop, ESC and NUL have no glyph; order stays logical.
    CHECK(clusters == std::vector<std::uint32_t> { 0, 4, 5, 10, 11, 12, 13, 15 });
    for (std::size_t i = 1; i < layout.glyphs().size(); ++i) {
        CHECK(layout.glyphs()[i].x > layout.glyphs()[i - 1].x);
    }
}

TEST_CASE("max_lines keeps that many lines and ends the last with an ellipsis that fits")
{
    const std::string text = "The ambassador met the foreign minister on Tuesday to discuss the sanctions.";
    for (const int max_lines : { 1, 2, 3 }) {
        CAPTURE(max_lines);
        auto options = options_for(columns(20) + 0.5f);
        options.max_lines = max_lines;
        const auto layout = fonts().layout(text, options);
        REQUIRE(layout.lines().size() == static_cast<std::size_t>(max_lines));
        CHECK(layout.truncated());
        const auto& last = layout.lines().back();
        CHECK(last.ellipsis);
        CHECK(last.width <= options.max_width_px);
        CHECK(last.width > columns(10));
        CHECK(text[last.content_end - 1] != ' ');
        CHECK(layout.glyphs()[last.glyph_end - 1].cluster == last.byte_end);
    }
    auto options = options_for(columns(200));
    options.max_lines = 1;
    const auto whole = fonts().layout(text, options);
    CHECK_FALSE(whole.truncated());
    CHECK_FALSE(whole.lines().back().ellipsis);
}

TEST_CASE("alignment moves each line inside the column, and the line height sets the pitch")
{
    const std::string text = "short\na longer line";
    auto options = options_for(columns(30), WrapMode::preserve_lines);
    options.line_height = 1.5f;
    for (const Align align : { Align::start, Align::center, Align::end }) {
        options.align = align;
        const auto layout = fonts().layout(text, options);
        REQUIRE(layout.lines().size() == 2);
        const auto& first = layout.lines()[0];
        const float expected = align == Align::start ? 0
            : align == Align::center                 ? (columns(30) - columns(5)) / 2
                                                     : columns(30) - columns(5);
        CHECK(first.x == doctest::Approx(expected));
        CHECK(layout.glyphs()[first.glyph_begin].x == doctest::Approx(expected));
        CHECK(layout.lines()[1].top == doctest::Approx(30.0f));
        CHECK(first.baseline > first.top);
        CHECK(first.baseline < first.top + first.height);
    }
}

TEST_CASE("a byte range becomes one rectangle per line it touches, covering exactly its glyphs")
{
    const std::string text = "hello world again";
    const auto layout = fonts().layout(text, options_for(columns(12) + 0.5f));
    REQUIRE(visible_lines(text, layout) == std::vector<std::string> { "hello world", "again" });
    const auto world = layout.rects_for_range(6, 11);
    REQUIRE(world.size() == 1);
    CHECK(world[0].x == doctest::Approx(columns(6)));
    CHECK(world[0].w == doctest::Approx(columns(5)));
    CHECK(world[0].y == doctest::Approx(layout.lines()[0].top));
    CHECK(world[0].h == doctest::Approx(layout.lines()[0].height));
    const auto across = layout.rects_for_range(8, 14);
    REQUIRE(across.size() == 2);
    CHECK(across[1].y == doctest::Approx(layout.lines()[1].top));
    CHECK(across[1].w == doctest::Approx(columns(2)));
    CHECK(layout.rects_for_range(5, 5).empty());
    CHECK(layout.rects_for_range(100, 200).empty());
}

TEST_CASE("a point maps to the character under it, and a caret to the nearest boundary")
{
    const std::string text = "abc def\nghi";
    const auto layout = fonts().layout(text, options_for(columns(40), WrapMode::preserve_lines));
    const float w = columns(1);
    const float y0 = layout.lines()[0].top + 2;
    const float y1 = layout.lines()[1].top + 2;
    CHECK(layout.offset_at({ 0.2f * w, y0 }) == 0);
    CHECK(layout.offset_at({ 4.5f * w, y0 }) == 4);
    CHECK(layout.offset_at({ 100 * w, y0 }) == 6); // past the end: the last character
    CHECK(layout.offset_at({ 1.5f * w, y1 }) == 9);
    CHECK(layout.offset_at({ 1.5f * w, 1000 }) == 9); // below: the last line
    CHECK(layout.offset_at({ 1.5f * w, -50 }) == 1); // above: the first line
    CHECK(layout.caret_at({ 4.2f * w, y0 }) == 4);
    CHECK(layout.caret_at({ 4.8f * w, y0 }) == 5);
    CHECK(layout.caret_at({ 100 * w, y0 }) == 7);
    CHECK(layout.line_at(y1) == 1);
}

TEST_CASE("sizes and widths that make no sense are clamped, not trusted")
{
    const std::string text = "abc def";
    LayoutOptions options;
    options.style.size_px = -5;
    options.max_width_px = 0;
    options.line_height = std::numeric_limits<float>::quiet_NaN();
    const auto layout = fonts().layout(text, options);
    CHECK(layout.lines().size() >= 2);
    CHECK(layout.size().h > 0);
}
