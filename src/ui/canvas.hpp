// One frame being built: the draw list, the widget tree and the text services, with the theme.
// Screens draw through a Canvas so that every visible text is both drawn and recorded in the
// widget tree (label, colours, size) from the same call: nothing is known in two places.
#pragma once

#include "text/font_set.hpp"
#include "text/glyph_cache.hpp"
#include "text/layout.hpp"
#include "text/layout_cache.hpp"
#include "ui/draw_list.hpp"
#include "ui/theme.hpp"
#include "ui/widget_tree.hpp"

#include <cmath>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ck::ui {

// Text services shared by every frame: fonts, the layout cache and the glyph cache (with its atlas).
struct TextServices {
    text::FontSet& fonts;
    text::LayoutCache& layouts;
    text::GlyphCache& glyphs;
};

// How a piece of text is set and which role it plays in the widget tree.
struct TextSpec {
    text::TextStyle style;
    Color color;
    Color background; // what it is drawn on, for the contrast check
    text::WrapMode wrap = text::WrapMode::words;
    text::Align align = text::Align::start;
    float line_height = 1.35f;
    int max_lines = 0;
    Role role = Role::text;
    bool balanced = false; // headings: no orphaned last word
};

// One run of glyph quads as drawn, with the text the screen asked for, for the text check
// (ui/text_check.hpp). Recorded only when recording is on (the e2e scripts), never in the product.
struct TextRun {
    std::string text; // what the screen asked to lay out, not what the cache returned
    text::LayoutOptions options;
    Point origin; // before the draw offset
    Point offset; // the draw offset (a sliding screen)
    Rect visible; // the clip, before the offset: lines outside it were skipped
    std::size_t byte_limit = 0;
    Color color;
    std::size_t vertex_begin = 0; // the run's quads in the draw list's vertices
    std::size_t vertex_end = 0;
};

// Calls `emit(dst, src)` for every visible glyph quad of `layout` drawn at `origin`: lines outside
// `visible` are culled before any glyph is looked up, glyphs from `byte_limit` on are not drawn.
// The one definition of how text becomes quads, for drawing and for checking what was drawn.
template <class Emit>
void for_each_glyph_quad(const text::Layout& layout, Point origin, Rect visible, std::size_t byte_limit,
    text::GlyphCache& glyphs, Emit&& emit);

// An exact key for `text` laid out under `options`: the text and every option that changes the
// layout. For the caches and checks of this layer that must never confuse two texts.
std::string layout_key(std::string_view text, const text::LayoutOptions& options);

class Canvas {
public:
    Canvas(TextServices text, const Theme& theme, Size viewport);

    // Starts a new frame (the draw list and widget tree are cleared).
    void begin_frame(const Theme& theme, Size viewport);

    [[nodiscard]] DrawList& draw() { return m_draw; }
    [[nodiscard]] const DrawList& draw() const { return m_draw; }
    [[nodiscard]] WidgetTree& tree() { return m_tree; }
    [[nodiscard]] const WidgetTree& tree() const { return m_tree; }
    [[nodiscard]] const Theme& theme() const { return *m_theme; }
    [[nodiscard]] Size viewport() const { return m_viewport; }
    [[nodiscard]] TextServices& text() { return m_text; }

    // Clips drawing and widgets alike.
    void push_clip(Rect rect);
    void pop_clip();
    [[nodiscard]] Rect clip() const;

    // A cached layout of `text` (the cache keys it on the text and the options, never on a name).
    std::shared_ptr<const text::Layout> layout(std::string_view text, const text::TextStyle& style,
        float max_width, text::WrapMode wrap = text::WrapMode::words, text::Align align = text::Align::start,
        float line_height = 1.35f, int max_lines = 0);

    // Like layout(), but for headings: the narrowest width that keeps the same number of lines,
    // so a title never ends with one orphaned word (CSS's text-wrap: balance).
    std::shared_ptr<const text::Layout> balanced_layout(std::string_view text, const text::TextStyle& style,
        float max_width, text::Align align = text::Align::start, float line_height = 1.2f, int max_lines = 0);

    // Draws the glyphs of `layout` with its top-left at `origin`; lines outside the clip are skipped.
    void draw_layout(const text::Layout& layout, Point origin, Color color);
    // Only the glyphs of source bytes before `byte_limit` (the attract loop's typewriter).
    void draw_layout_prefix(const text::Layout& layout, Point origin, Color color, std::size_t byte_limit);
    // Marker rectangles behind a byte range of a layout drawn at `origin` (search hits).
    void highlight_range(
        const text::Layout& layout, Point origin, std::size_t begin, std::size_t end, Color color);

    // Lays out, draws and records a text widget; returns the laid-out size. `id` may be empty.
    Size text(
        std::string_view id, std::string_view text, Point origin, float max_width, const TextSpec& spec);

    // Records a widget whose text was drawn elsewhere (e.g. a button label) with its colours. The
    // widget under the finger gets the pressed ring here, once for every kind of control, so the
    // pressed state shows in every theme (high contrast has no soft tint to fill with).
    void add_widget(Widget widget);

    [[nodiscard]] std::uint64_t atlas_generation_at_start() const { return m_generation_at_start; }
    // True when the glyph atlas was cleared while this frame was built: its earlier quads point at
    // glyphs that are gone, so the frame must be built again.
    [[nodiscard]] bool atlas_reset_during_frame() const
    {
        return m_text.glyphs.atlas().generation() != m_generation_at_start;
    }

    // Records every text run with the text asked for (the e2e text check); off by default.
    void set_recording(bool on) { m_recording = on; }
    [[nodiscard]] const std::vector<TextRun>& text_runs() const { return m_runs; }

    // The widget under the finger that is down now (drawn pressed), empty when none.
    void set_pressed(std::string id) { m_pressed = std::move(id); }
    [[nodiscard]] bool is_pressed(std::string_view id) const { return !m_pressed.empty() && m_pressed == id; }

private:
    TextServices m_text;
    const Theme* m_theme;
    Size m_viewport;
    DrawList m_draw;
    WidgetTree m_tree;
    std::vector<Rect> m_clips;
    std::uint64_t m_generation_at_start = 0;
    std::string m_pressed;
    std::unordered_map<std::string, float> m_balanced_widths;
    bool m_recording = false;
    std::vector<TextRun> m_runs;
    // While recording: the text each layout handed out this frame was asked for (holding the
    // layout, so that no other layout can take its address within the frame).
    std::unordered_map<const text::Layout*, std::pair<std::shared_ptr<const text::Layout>, std::string>>
        m_requested;
};

template <class Emit>
void for_each_glyph_quad(const text::Layout& layout, Point origin, Rect visible, std::size_t byte_limit,
    text::GlyphCache& glyphs, Emit&& emit)
{
    const float size_px = layout.options().style.size_px;
    const auto& positioned = layout.glyphs();
    for (const text::LayoutLine& line : layout.lines()) {
        const float top = origin.y + line.top;
        if (top > visible.bottom() || top + line.height < visible.y) {
            continue;
        }
        for (std::uint32_t i = line.glyph_begin; i < line.glyph_end; ++i) {
            const text::PositionedGlyph& g = positioned[i];
            if (g.cluster >= byte_limit) {
                break;
            }
            const text::CachedGlyph cached = glyphs.get(g.face, g.glyph, size_px);
            if (!cached.visible) {
                continue;
            }
            // Snapped to whole pixels: the atlas holds coverage rendered at the pen's pixel grid.
            const float x = std::round(origin.x + g.x) + static_cast<float>(cached.left);
            const float y = std::round(origin.y + g.y) - static_cast<float>(cached.top);
            emit(Rect { x, y, static_cast<float>(cached.rect.w), static_cast<float>(cached.rect.h) },
                Rect { static_cast<float>(cached.rect.x), static_cast<float>(cached.rect.y),
                    static_cast<float>(cached.rect.w), static_cast<float>(cached.rect.h) });
        }
    }
}

} // namespace ck::ui
