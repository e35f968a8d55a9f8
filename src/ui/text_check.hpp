// The text check: what the visitor sees is the text the screen meant. For every run of glyph quads
// in a built frame, it lays out the text the screen asked for afresh (no layout cache), turns it
// into quads exactly as drawing does, and compares them with the quads in the draw list: the same
// glyphs from the atlas at the same places. A cache that hands out the layout of another text (a
// year heading that kept last screen's year) fails it. The e2e scripts run it on every frame.
#pragma once

#include "text/font_set.hpp"
#include "text/glyph_cache.hpp"
#include "ui/canvas.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace ck::ui {

class TextChecker {
public:
    TextChecker(text::FontSet& fonts, text::GlyphCache& glyphs);

    // Checks every recorded run of `canvas`'s frame; the first mismatch, described for a person,
    // or nullopt when every run draws its text.
    [[nodiscard]] std::optional<std::string> check(const Canvas& canvas);

    [[nodiscard]] std::size_t runs_checked() const { return m_runs_checked; }

private:
    [[nodiscard]] const text::Layout& fresh(const TextRun& run);
    [[nodiscard]] std::optional<std::string> check_run(const DrawList& draw, const TextRun& run);

    text::FontSet& m_fonts;
    text::GlyphCache& m_glyphs;
    // Fresh layouts, keyed by the text and a description of every option (an exact key: this is
    // the reference the layout cache is checked against, so it must not share its flaws).
    std::unordered_map<std::string, std::unique_ptr<text::Layout>> m_fresh;
    std::size_t m_runs_checked = 0;
};

} // namespace ck::ui
