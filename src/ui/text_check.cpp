// Quads are compared by their top-left and bottom-right vertices, position and texel: the same
// arithmetic made them, so they match exactly or the text differs.
#include "ui/text_check.hpp"

#include <vector>

namespace ck::ui {
namespace {

struct Quad {
    Rect dst;
    Rect src;
};

bool same_corner(const Vertex& v, float x, float y, float u, float t)
{
    return v.x == x && v.y == y && v.u == u && v.v == t;
}

std::string shorten(const std::string& text)
{
    constexpr std::size_t most = 60;
    return text.size() <= most ? text : text.substr(0, most) + "...";
}

} // namespace

TextChecker::TextChecker(text::FontSet& fonts, text::GlyphCache& glyphs)
    : m_fonts(fonts)
    , m_glyphs(glyphs)
{
}

const text::Layout& TextChecker::fresh(const TextRun& run)
{
    constexpr std::size_t most_kept = 1024;
    const std::string key = layout_key(run.text, run.options);
    auto it = m_fresh.find(key);
    if (it == m_fresh.end()) {
        if (m_fresh.size() >= most_kept) {
            m_fresh.clear();
        }
        it = m_fresh.emplace(key, std::make_unique<text::Layout>(m_fonts.layout(run.text, run.options)))
                 .first;
    }
    return *it->second;
}

std::optional<std::string> TextChecker::check_run(const DrawList& draw, const TextRun& run)
{
    if (run.color.a == 0) {
        return std::nullopt; // nothing was drawn, by design
    }
    std::vector<Quad> expected;
    for_each_glyph_quad(
        fresh(run), run.origin, run.visible, run.byte_limit, m_glyphs, [&](Rect dst, Rect src) {
            if (!dst.empty()) {
                expected.push_back({ dst, src });
            }
        });
    const std::size_t drawn = (run.vertex_end - run.vertex_begin) / 4;
    const std::string where = "the text \"" + shorten(run.text) + "\" at ("
        + std::to_string(static_cast<int>(run.origin.x + run.offset.x)) + ", "
        + std::to_string(static_cast<int>(run.origin.y + run.offset.y)) + ")";
    if (drawn != expected.size()) {
        return where + " was drawn with " + std::to_string(drawn) + " glyphs; its own layout has "
            + std::to_string(expected.size());
    }
    const std::vector<Vertex>& v = draw.vertices();
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Quad& q = expected[i];
        const Vertex& top_left = v[run.vertex_begin + 4 * i];
        const Vertex& bottom_right = v[run.vertex_begin + 4 * i + 2];
        if (!same_corner(top_left, q.dst.x + run.offset.x, q.dst.y + run.offset.y, q.src.x, q.src.y)
            || !same_corner(bottom_right, q.dst.right() + run.offset.x, q.dst.bottom() + run.offset.y,
                q.src.right(), q.src.bottom())) {
            return where + " differs from its own layout at glyph " + std::to_string(i + 1) + " of "
                + std::to_string(expected.size()) + ": another text was drawn in its place";
        }
    }
    return std::nullopt;
}

std::optional<std::string> TextChecker::check(const Canvas& canvas)
{
    for (const TextRun& run : canvas.text_runs()) {
        if (run.text.empty() && run.vertex_end > run.vertex_begin) {
            return "glyphs were drawn from a layout that no text asked for in this frame";
        }
        ++m_runs_checked;
        if (auto mismatch = check_run(canvas.draw(), run)) {
            return mismatch;
        }
    }
    return std::nullopt;
}

} // namespace ck::ui
