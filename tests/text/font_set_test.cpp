// Fonts: the Debian defaults load, the chains fall back as designed, a missing regular face is an
// error a person can act on, and a missing fallback or weight only degrades.
#include "text/font_set.hpp"
#include "text/layout.hpp"
#include "text_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using ck::text::FaceRole;
using ck::text::Family;
using ck::text::FontPaths;
using ck::text::FontSet;
using ck::text::LayoutOptions;
using ck::text::TextStyle;
using ck::text::Weight;
using ck::text::test::fonts;

namespace {

// The family names of the faces that `text` is drawn with, glyph by glyph.
std::vector<std::string> families_of(std::string_view text, const TextStyle& style)
{
    LayoutOptions options;
    options.style = style;
    std::vector<std::string> out;
    const auto layout = fonts().layout(text, options);
    for (const auto& g : layout.glyphs()) {
        out.push_back(fonts().face_info(g.face).family_name);
    }
    return out;
}

} // namespace

TEST_CASE("each style's chain starts with its own face and ends with the CJK fallback")
{
    struct Case {
        TextStyle style;
        const char* primary = "";
        std::size_t chain_length = 0;
    };
    const Case cases[] = {
        { { Family::sans, Weight::regular, 16 }, "Inter", 2 },
        { { Family::sans, Weight::bold, 16 }, "Inter", 2 },
        { { Family::mono, Weight::regular, 16 }, "Courier Prime", 3 },
        { { Family::mono, Weight::semibold, 16 }, "Courier Prime", 3 },
    };
    for (const Case& c : cases) {
        const auto chain = fonts().chain(c.style);
        REQUIRE(chain.size() >= c.chain_length); // Noto CJK makes it one longer where installed
        CHECK(fonts().face_info(chain.front()).family_name == c.primary);
        CHECK(fonts().face_info(chain.back()).role == FaceRole::fallback);
        CHECK(chain.front() == fonts().primary_face(c.style));
    }
    CHECK(fonts().face_info(fonts().chain({ Family::mono, Weight::regular, 16 })[1]).family_name == "Inter");
    CHECK(fonts().primary_face({ Family::sans, Weight::bold, 16 }) != fonts().primary_face({}));
    CHECK(fonts().primary_face({ Family::mono, Weight::bold, 16 })
        != fonts().primary_face({ Family::mono, Weight::regular, 16 }));
}

TEST_CASE("Japanese in a sans or mono string is shaped with the CJK face, Latin with the style's own")
{
    for (const Family family : { Family::sans, Family::mono }) {
        const auto faces
            = families_of(ck::text::test::u8(U"Tokyo 東京です"), { family, Weight::regular, 16 });
        REQUIRE(faces.size() == 10);
        const std::string latin = family == Family::sans ? "Inter" : "Courier Prime";
        for (std::size_t i = 0; i < 6; ++i) {
            CHECK(faces[i] == latin);
        }
        for (std::size_t i = 6; i < 10; ++i) {
            CHECK(faces[i].find("IPAex") != std::string::npos);
        }
    }
}

TEST_CASE("a symbol Courier Prime lacks is drawn by Inter, then a decomposed accent by Courier itself")
{
    // U+2192 RIGHTWARDS ARROW is in Inter and not in Courier Prime.
    CHECK(families_of(ck::text::test::u8(U"a\u2192b"), { Family::mono, Weight::regular, 16 })
        == std::vector<std::string> { "Courier Prime", "Inter", "Courier Prime" });
    // NFD e + U+0301 composes to Courier Prime's own é instead of falling back.
    const auto nfd = families_of("Gene\xCC\x80ve", { Family::mono, Weight::regular, 16 });
    for (const auto& family : nfd) {
        CHECK(family == "Courier Prime");
    }
}

TEST_CASE("metrics scale with the size and measure agrees with an unlimited layout")
{
    const TextStyle small { Family::sans, Weight::regular, 16 };
    const TextStyle large { Family::sans, Weight::regular, 32 };
    const auto m = fonts().metrics(small);
    CHECK(m.ascent > 0);
    CHECK(m.descent > 0);
    CHECK(m.ascent + m.descent < 2 * 16);
    CHECK(fonts().metrics(large).ascent == doctest::Approx(2 * m.ascent));
    const char* text = "Limited official use: Embassy Tokyo";
    const float width = fonts().measure(text, small);
    CHECK(width > 100);
    CHECK(fonts().measure(text, large) == doctest::Approx(2 * width).epsilon(0.001));
    LayoutOptions options;
    options.style = small;
    CHECK(fonts().layout(text, options).size().w == doctest::Approx(width));
    // Courier Prime is monospaced: ten characters are ten times one.
    const TextStyle mono { Family::mono, Weight::regular, 20 };
    CHECK(fonts().measure("MMMMMiiiii", mono) == doctest::Approx(10 * fonts().measure("i", mono)));
}

TEST_CASE("a missing regular face is an error naming the file; a missing weight or fallback degrades")
{
    SUBCASE("missing primary")
    {
        auto paths = FontPaths::debian_defaults();
        paths.mono_regular.path = "/nonexistent/Courier Prime.otf";
        const auto set = FontSet::create(paths);
        REQUIRE_FALSE(set.ok());
        CHECK(set.error().message == "font file not found");
        CHECK(set.error().where == "/nonexistent/Courier Prime.otf");
    }
    SUBCASE("a file that is not a font")
    {
        auto paths = FontPaths::debian_defaults();
        paths.sans_regular.path = CK_SOURCE_DIR "/CMakeLists.txt";
        const auto set = FontSet::create(paths);
        REQUIRE_FALSE(set.ok());
        CHECK(set.error().message == "not a font FreeType can open");
    }
    SUBCASE("missing bold and missing fallbacks")
    {
        auto paths = FontPaths::debian_defaults();
        paths.sans_bold.path = "/nonexistent/Inter-Bold.otf";
        paths.fallbacks = { { "/nonexistent/ipaexg.ttf" } };
        const auto set = FontSet::create(paths);
        REQUIRE(set.ok());
        const TextStyle bold { Family::sans, Weight::bold, 16 };
        CHECK((*set)->primary_face(bold) == (*set)->primary_face({}));
        CHECK((*set)->chain(bold).size() == 1);
        // Japanese without a fallback: .notdef boxes from Inter, not a failure.
        LayoutOptions options;
        const auto layout = (*set)->layout(ck::text::test::u8(U"東京"), options);
        REQUIRE(layout.glyphs().size() == 2);
        CHECK(layout.glyphs()[0].glyph == 0);
    }
}

TEST_CASE(
    "a font set whose shaper was prepared ahead lays out Latin and Japanese exactly as one that was not")
{
    auto prepared = FontSet::create(FontPaths::debian_defaults());
    auto fresh = FontSet::create(FontPaths::debian_defaults());
    REQUIRE(prepared.ok());
    REQUIRE(fresh.ok());
    (*prepared)->prepare_shaping();
    const std::string text
        = ck::text::test::u8(U"Tokyo, 17 May 1977: \u6771\u4eac\u306e\u30ab\u30ca office\uFB01le");
    for (const Family family : { Family::sans, Family::mono }) {
        for (const Weight weight : { Weight::regular, Weight::bold }) {
            LayoutOptions options;
            options.style = { family, weight, 22 };
            options.max_width_px = 180;
            const auto a = (*prepared)->layout(text, options);
            const auto b = (*fresh)->layout(text, options);
            REQUIRE(a.glyphs().size() == b.glyphs().size());
            CHECK(a.glyphs().size() > 20);
            for (std::size_t i = 0; i < a.glyphs().size(); ++i) {
                CAPTURE(i);
                CHECK(a.glyphs()[i].face == b.glyphs()[i].face);
                CHECK(a.glyphs()[i].glyph == b.glyphs()[i].glyph);
                CHECK(a.glyphs()[i].x == b.glyphs()[i].x);
                CHECK(a.glyphs()[i].y == b.glyphs()[i].y);
                CHECK(a.glyphs()[i].advance == b.glyphs()[i].advance);
            }
            CHECK(a.lines().size() == b.lines().size());
        }
    }
}
