// Layout invariants over every file of the bundled corpus and a table of hostile strings, in every
// wrap mode and at several widths: lines tile the text, what lies between lines is only break
// characters, nothing is wider than the column, and glyphs stay inside their line's bytes.
#include "text/layout.hpp"
#include "text_fixture.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using ck::text::Family;
using ck::text::Layout;
using ck::text::LayoutOptions;
using ck::text::WrapMode;
using ck::text::test::fonts;
using ck::text::test::repeat;
using ck::text::test::u8;

namespace {

constexpr float width_tolerance_px = 0.01f;

// Break characters: what a line may leave out of its visible part. Spaces and tabs hang at a
// soft break, terminators end a line, and controls and bidi formatting are never shown.
bool only_break_characters(std::string_view bytes)
{
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const char32_t cp = ck::utf8::decode(bytes, pos);
        const bool is_break = cp == ' ' || cp == '\t' || cp == 0x3000 || (cp >= 0x0A && cp <= 0x0D)
            || cp == 0x85 || cp == 0x2028 || cp == 0x2029 || cp < 0x20 || (cp >= 0x7F && cp < 0xA0)
            || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E
            || cp == 0x200F;
        if (!is_break) {
            return false;
        }
    }
    return true;
}

void check_layout(std::string_view text, const Layout& layout, const LayoutOptions& options)
{
    const auto& lines = layout.lines();
    REQUIRE_FALSE(lines.empty());
    CHECK(lines.front().byte_begin == 0);
    CHECK(lines.back().byte_end == text.size());
    std::string joined;
    float widest = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        CAPTURE(i);
        if (i > 0) {
            REQUIRE(line.byte_begin == lines[i - 1].byte_end);
            CHECK(line.top == doctest::Approx(lines[i - 1].top + lines[i - 1].height));
        }
        REQUIRE(line.byte_begin <= line.content_end);
        REQUIRE(line.content_end <= line.byte_end);
        joined.append(text.substr(line.byte_begin, line.byte_end - line.byte_begin));
        CHECK(only_break_characters(text.substr(line.content_end, line.byte_end - line.content_end)));
        CHECK(line.width <= options.max_width_px + width_tolerance_px);
        widest = std::max(widest, line.width);
        REQUIRE(line.glyph_begin <= line.glyph_end);
        std::uint32_t previous_cluster = line.byte_begin;
        for (std::uint32_t g = line.glyph_begin; g < line.glyph_end; ++g) {
            const auto& glyph = layout.glyphs()[g];
            CAPTURE(g);
            // Clusters ascend inside the line's bytes; the advance box of every visible glyph
            // stays inside the line's width (spaces after content_end hang).
            const bool ordered = glyph.cluster >= previous_cluster
                && glyph.cluster < std::max(line.byte_end, line.byte_begin + 1);
            const bool inside = glyph.cluster >= line.content_end
                || (glyph.x + glyph.advance <= line.x + line.width + width_tolerance_px
                    && glyph.x >= line.x - width_tolerance_px);
            if (!ordered || !inside) {
                CHECK(ordered);
                CHECK(inside);
            }
            previous_cluster = glyph.cluster;
        }
    }
    CHECK(joined == text);
    CHECK(layout.size().w == doctest::Approx(widest));
    CHECK(layout.size().h == doctest::Approx(lines.back().top + lines.back().height));
}

std::vector<std::pair<std::string, std::string>> corpus()
{
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(CK_CORPUS_DIR)) {
        if (!entry.is_regular_file()) {
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        files.emplace_back(entry.path().filename().string(), bytes.str());
    }
    return files;
}

std::vector<std::pair<std::string, std::string>> hostile()
{
    std::string base64;
    for (int i = 0; i < 10000; ++i) {
        base64 += "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[(i * 7) % 64];
    }
    return {
        { "empty", "" },
        { "only a newline", "\n" },
        { "only newlines", "\n\n\n" },
        { "only spaces", repeat(" ", 3000) },
        { "a 10,000-character word", repeat("x", 10000) },
        { "a 10,000-character base64 blob in a sentence", "KEY: " + base64 + " END" },
        { "a long URL", "See https://example.org/" + repeat("path/segment-", 600) + "end for details." },
        { "500 combining marks on one base", "Gene" + repeat("\xCC\x80", 500) + "ve and more" },
        { "invalid UTF-8: overlong, lone continuation, surrogate, truncated",
            "ITALY\x92S \xC0\xAF \x80 \xED\xA0\x80 end \xE2\x82" },
        { "NUL bytes mid-body", std::string("before\0after\0\0end", 17) },
        { "C0 and C1 controls, ANSI escapes", "A\x1b[2JB\x07\x08\x7f" + u8(U"\u0085\u0090") + "C" },
        { "bidi override in a subject", u8(U"SUBJECT: \u202Eevil\u202C text \u2066iso\u2069") },
        { "zero-width characters mid-word", u8(U"wo\u200Brd wo\u200Drd wo\uFEFFrd") },
        { "CR LF, lone CR, form feed, line and paragraph separators",
            "one\r\ntwo\rthree\x0c"
            "four"
                + u8(U"\u2028five\u2029six") },
        { "tabs", "A\tB\t\tC\n\tindented\tline" },
        { "Japanese without spaces",
            u8(U"外交電報は東京の大使館から送られた。") + repeat(u8(U"日本語"), 200) },
        { "mixed scripts and emoji",
            u8(U"Tokyo 東京 \U0001F3F3\uFE0F\u200D\U0001F308 \U0001F1EF\U0001F1F5 Ελλάδα Привет مرحبا") },
        { "spaced banner and trailers", "C O N F I D E N T I A L\nSECTION 01 OF 02\nBT\nNNNN\n" },
        { "blank lines of spaces between paragraphs", "para one\ncontinues   \n   \n\t\npara two\n\n\n" },
        { "a huge run of spaces inside words", "a" + repeat(" ", 2000) + "b" },
    };
}

const WrapMode all_modes[] = { WrapMode::words, WrapMode::preserve_lines, WrapMode::reflow };

} // namespace

TEST_CASE("every corpus file lays out with tiled lines, only break characters between, nothing too wide")
{
    const auto files = corpus();
    REQUIRE(files.size() >= 40);
    for (const auto& file : files) {
        const auto& name = file.first;
        const auto& text = file.second;
        CAPTURE(name);
        for (const WrapMode mode : all_modes) {
            for (const float width : { 150.0f, 420.0f, 1000.0f }) {
                CAPTURE(static_cast<int>(mode));
                CAPTURE(width);
                LayoutOptions options;
                options.style = { Family::mono, ck::text::Weight::regular, 20 };
                options.max_width_px = width;
                options.wrap = mode;
                check_layout(text, fonts().layout(text, options), options);
            }
        }
    }
}

TEST_CASE("hostile strings lay out with the same invariants in every mode, style and width")
{
    for (const auto& entry : hostile()) {
        const auto& name = entry.first;
        const auto& text = entry.second;
        CAPTURE(name);
        for (const WrapMode mode : all_modes) {
            for (const Family family : { Family::sans, Family::mono }) {
                for (const float width : { 40.0f, 233.0f, 800.0f }) {
                    CAPTURE(static_cast<int>(mode));
                    CAPTURE(width);
                    LayoutOptions options;
                    options.style = { family, ck::text::Weight::regular, 18 };
                    options.max_width_px = width;
                    options.wrap = mode;
                    check_layout(text, fonts().layout(text, options), options);
                }
            }
        }
    }
}

TEST_CASE("preserve_lines keeps every line of a cable at the normal size, reflow joins paragraphs")
{
    const auto files = corpus();
    int multi_line_paragraphs = 0;
    for (const auto& file : files) {
        const auto& name = file.first;
        const auto& raw = file.second;
        if (name.ends_with(".tsv")) {
            continue;
        }
        CAPTURE(name);
        const std::string text = ck::utf8::sanitize(raw);
        // Source lines: a column as wide as the longest line keeps each one whole.
        std::vector<std::string> source_lines;
        std::istringstream in(text);
        std::string line;
        float longest = 0;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            source_lines.push_back(line);
            longest
                = std::max(longest, fonts().measure(line, { Family::mono, ck::text::Weight::regular, 20 }));
        }
        LayoutOptions options;
        options.style = { Family::mono, ck::text::Weight::regular, 20 };
        options.max_width_px = longest;
        options.wrap = WrapMode::preserve_lines;
        const auto kept = fonts().layout(text, options);
        REQUIRE(kept.lines().size() == source_lines.size());
        for (std::size_t i = 0; i < source_lines.size(); ++i) {
            const auto& l = kept.lines()[i];
            std::string shown = text.substr(l.byte_begin, l.content_end - l.byte_begin);
            while (!shown.empty() && (shown.back() == ' ' || shown.back() == '\t' || shown.back() == '\r')) {
                shown.pop_back();
            }
            std::string expected = source_lines[i];
            while (!expected.empty() && (expected.back() == ' ' || expected.back() == '\t')) {
                expected.pop_back();
            }
            CHECK(shown == expected);
        }
        // Reflow without a width limit: one line per paragraph and one per run of blank lines.
        std::size_t groups = 0;
        bool previous_blank = false;
        for (std::size_t i = 0; i < source_lines.size(); ++i) {
            const bool blank = source_lines[i].find_first_not_of(" \t\r") == std::string::npos;
            if (i == 0 || blank != previous_blank) {
                ++groups;
            } else if (!blank) {
                ++multi_line_paragraphs;
            }
            previous_blank = blank;
        }
        options.wrap = WrapMode::reflow;
        options.max_width_px = ck::text::unlimited_width_px;
        CHECK(fonts().layout(text, options).lines().size() == groups);
    }
    CHECK(multi_line_paragraphs > 0);
}
