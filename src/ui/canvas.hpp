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

    // A cached layout of `text`; `id` names it ("ui:home.title"); empty hashes the text.
    std::shared_ptr<const text::Layout> layout(std::string_view id, std::string_view text,
        const text::TextStyle& style, float max_width, text::WrapMode wrap = text::WrapMode::words,
        text::Align align = text::Align::start, float line_height = 1.35f, int max_lines = 0);

    // Like layout(), but for headings: the narrowest width that keeps the same number of lines,
    // so a title never ends with one orphaned word (CSS's text-wrap: balance).
    std::shared_ptr<const text::Layout> balanced_layout(std::string_view id, std::string_view text,
        const text::TextStyle& style, float max_width, text::Align align = text::Align::start,
        float line_height = 1.2f, int max_lines = 0);

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

    // Records a widget whose text was drawn elsewhere (e.g. a button label) with its colours.
    void add_widget(Widget widget) { m_tree.add(std::move(widget)); }

    [[nodiscard]] std::uint64_t atlas_generation_at_start() const { return m_generation_at_start; }
    // True when the glyph atlas was cleared while this frame was built: its earlier quads point at
    // glyphs that are gone, so the frame must be built again.
    [[nodiscard]] bool atlas_reset_during_frame() const
    {
        return m_text.glyphs.atlas().generation() != m_generation_at_start;
    }

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
};

} // namespace ck::ui
