// One UI tree serves everything (ARCHITECTURE.md principle 6). Each frame a screen records its
// widgets here, each with a rectangle, a role and a label; the same tree answers hit-testing for
// touches, the script mode's `tap "LABEL"` and `dump`, the accessibility checks (target sizes,
// contrast) and, later, a screen reader. Nothing about a widget is known in two places.
#pragma once

#include "core/geometry.hpp"
#include "ui/color.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck::ui {

enum class Role {
    button, // a command: back, search, a key of the keyboard
    link, // navigation to content: a cable row, a reference
    chip, // a tag, a filter
    toggle, // language, large text, high contrast
    key, // a key of the on-screen keyboard
    text_field, // the search box
    card, // a section card on the home screen
    heading, // a title
    text, // readable text
    banner, // a classification banner
    scroll_area, // a region that scrolls by drag
    dialog, // a popup (a glossary definition, "still reading?")
    region, // a tappable area with no other role (the attract screen)
};

std::string_view role_name(Role role);

struct Widget {
    std::string id; // stable within a screen: "nav.back", "row:08TOKYO1723"
    Role role = Role::text;
    std::string label; // what it says, as a screen reader would announce it
    Rect rect; // visible part, logical pixels
    bool interactive = false;
    bool selected = false; // a toggle that is on, the current language, the active filter
    bool clipped = false; // cut by a clip (half scrolled out of view): its rect is only the visible part
    // Drawn, but not answering touches: a screen sliding away, or the one a new screen slides over.
    bool inert = false;
    // Hides everything added before it inside its rect from hit-testing: the paper of a screen that
    // slides over another. It is never hit itself.
    bool opaque = false;
    // States, and how they show: a selected or pressed control draws a mark (an underline, a ring,
    // its fill) in `state_mark`, which must stand out 3:1 from `surround`, what it sits on (the
    // paper when unset). A disabled control draws its text in the palette's disabled colour.
    bool pressed = false;
    bool disabled = false;
    std::optional<Color> state_mark;
    std::optional<Color> surround;
    // For text: the colours it is drawn in and its size, so contrast can be checked from the tree.
    std::optional<Color> text_color;
    std::optional<Color> background;
    float text_px = 0;
};

class WidgetTree {
public:
    void clear();

    // Widgets outside the clip are dropped and those partly inside are cut to it, so the tree only
    // ever holds what the visitor can see. The screen itself is the outermost clip (a screen sliding
    // in is partly beyond its edge).
    void set_bounds(Rect screen) { m_bounds = screen; }
    void push_clip(Rect rect);
    void pop_clip();

    // From here on, only widgets added after this call can be hit (a dialog over a screen).
    void begin_modal();
    // While set, widgets are recorded inert (drawn, in the tree, never hit): the screen a slide
    // leaves behind. What the finger hits is always what is drawn under it, on the screen in front.
    void set_inert(bool inert) { m_inert = inert; }
    // Covers what was added so far inside `rect` (a screen's paper sliding over another).
    void cover(Rect rect);

    void add(Widget widget);

    [[nodiscard]] const std::vector<Widget>& widgets() const { return m_widgets; }

    // The topmost interactive widget under `p`, honouring a modal layer and covers.
    [[nodiscard]] const Widget* hit(Point p) const;
    // True when `w` (a widget of this tree) is what a finger at `p` would hit.
    [[nodiscard]] bool hits(const Widget& w, Point p) const { return hit(p) == &w; }
    // A point inside `w` that hits it (its centre when it can), or nullopt when no part of it can be
    // hit now (inert, covered, or behind a dialog).
    [[nodiscard]] std::optional<Point> hittable_point(const Widget& w) const;
    // Among the hittable widgets, the nearest interactive one within `slop` of `p` (forgiving
    // fingertips); `hit` is tried first.
    [[nodiscard]] const Widget* hit_near(Point p, float slop) const;
    // The first widget in reading order whose label contains `needle`, ignoring case, that a finger
    // could hit now; failing that, the first text in front whose label contains it. Inert and
    // covered widgets are never returned.
    [[nodiscard]] const Widget* find_by_label(std::string_view needle) const;
    [[nodiscard]] const Widget* find_by_id(std::string_view id) const;
    // True when some widget's label contains `needle`, ignoring case (ASCII and UTF-8 alike).
    [[nodiscard]] bool shows_text(std::string_view needle) const;

private:
    [[nodiscard]] std::vector<const Widget*> reading_order(bool interactive_only) const;
    [[nodiscard]] bool covered_above(std::size_t index, Point p) const;

    std::vector<Widget> m_widgets;
    std::vector<Rect> m_clip_stack;
    std::size_t m_modal_from = 0;
    bool m_inert = false;
    std::optional<Rect> m_bounds;
};

// Case-insensitive containment for ASCII letters; other bytes compare exactly.
bool contains_ignoring_case(std::string_view haystack, std::string_view needle);

} // namespace ck::ui
