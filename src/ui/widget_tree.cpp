// Hit-testing walks the tree from the top (last added) down, like the painter's order reversed.
#include "ui/widget_tree.hpp"

#include "core/ascii.hpp"
#include "core/result.hpp"

#include <algorithm>
#include <cmath>

namespace ck::ui {

std::string_view role_name(Role role)
{
    switch (role) {
    case Role::button:
        return "button";
    case Role::link:
        return "link";
    case Role::chip:
        return "chip";
    case Role::toggle:
        return "toggle";
    case Role::key:
        return "key";
    case Role::text_field:
        return "text_field";
    case Role::card:
        return "card";
    case Role::heading:
        return "heading";
    case Role::text:
        return "text";
    case Role::banner:
        return "banner";
    case Role::scroll_area:
        return "scroll_area";
    case Role::dialog:
        return "dialog";
    case Role::region:
        return "region";
    }
    return "?";
}

bool contains_ignoring_case(std::string_view haystack, std::string_view needle)
{
    if (needle.empty()) {
        return true;
    }
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), [](char a, char b) {
        return ascii::to_lower(a) == ascii::to_lower(b);
    }) != haystack.end();
}

void WidgetTree::clear()
{
    m_widgets.clear();
    m_clip_stack.clear();
    m_modal_from = 0;
    m_inert = false;
}

void WidgetTree::push_clip(Rect rect)
{
    m_clip_stack.push_back(m_clip_stack.empty() ? rect : rect.intersection(m_clip_stack.back()));
}

void WidgetTree::pop_clip()
{
    CK_ASSERT(!m_clip_stack.empty());
    m_clip_stack.pop_back();
}

void WidgetTree::begin_modal()
{
    m_modal_from = m_widgets.size();
}

void WidgetTree::cover(Rect rect)
{
    Widget w;
    w.id = "cover";
    w.role = Role::region;
    w.rect = rect;
    w.opaque = true;
    add(std::move(w));
}

void WidgetTree::add(Widget widget)
{
    if (m_inert) {
        widget.inert = widget.interactive;
        widget.interactive = false;
    }
    for (const Rect* clip :
        { m_clip_stack.empty() ? nullptr : &m_clip_stack.back(), m_bounds ? &*m_bounds : nullptr }) {
        // A rect wholly inside keeps its exact coordinates (an intersection would round them).
        if (clip != nullptr && !clip->contains_rect(widget.rect)) {
            const Rect visible = widget.rect.intersection(*clip);
            widget.clipped = widget.clipped || !(visible == widget.rect);
            widget.rect = visible;
        }
    }
    if (widget.rect.empty()) {
        return;
    }
    m_widgets.push_back(std::move(widget));
}

const Widget* WidgetTree::hit(Point p) const
{
    for (std::size_t i = m_widgets.size(); i > m_modal_from; --i) {
        const Widget& w = m_widgets[i - 1];
        if (!w.rect.contains(p)) {
            continue;
        }
        if (w.opaque) {
            return nullptr;
        }
        if (w.interactive) {
            return &w;
        }
    }
    return nullptr;
}

bool WidgetTree::covered_above(std::size_t index, Point p) const
{
    for (std::size_t i = index + 1; i < m_widgets.size(); ++i) {
        if (m_widgets[i].opaque && m_widgets[i].rect.contains(p)) {
            return true;
        }
    }
    return false;
}

std::optional<Point> WidgetTree::hittable_point(const Widget& w) const
{
    if (hits(w, w.rect.center())) {
        return w.rect.center();
    }
    // Part of it may still be in front (a widget half under a sliding screen): the first point of
    // a 5x5 grid over its rectangle that hits it.
    constexpr int steps = 5;
    for (int iy = 0; iy < steps; ++iy) {
        for (int ix = 0; ix < steps; ++ix) {
            const Point p { w.rect.x + w.rect.w * (static_cast<float>(ix) + 0.5f) / steps,
                w.rect.y + w.rect.h * (static_cast<float>(iy) + 0.5f) / steps };
            if (hits(w, p)) {
                return p;
            }
        }
    }
    return std::nullopt;
}

const Widget* WidgetTree::hit_near(Point p, float slop) const
{
    if (const Widget* exact = hit(p)) {
        return exact;
    }
    const Widget* best = nullptr;
    float best_distance = slop;
    for (std::size_t i = m_widgets.size(); i > m_modal_from; --i) {
        const Widget& w = m_widgets[i - 1];
        if (!w.interactive) {
            continue;
        }
        const float dx = std::max({ w.rect.x - p.x, 0.0f, p.x - w.rect.right() });
        const float dy = std::max({ w.rect.y - p.y, 0.0f, p.y - w.rect.bottom() });
        const float d = std::hypot(dx, dy);
        // The finger must land in front: neither it nor the widget's nearest point under a cover.
        const Point nearest { std::clamp(p.x, w.rect.x, w.rect.right()),
            std::clamp(p.y, w.rect.y, w.rect.bottom()) };
        if (d < best_distance && !covered_above(i - 1, nearest) && !covered_above(i - 1, p)) {
            best_distance = d;
            best = &w;
        }
    }
    return best;
}

std::vector<const Widget*> WidgetTree::reading_order(bool interactive_only) const
{
    std::vector<const Widget*> order;
    for (std::size_t i = m_modal_from; i < m_widgets.size(); ++i) {
        if (!interactive_only || m_widgets[i].interactive) {
            order.push_back(&m_widgets[i]);
        }
    }
    // Top to bottom, then left to right; rows within half a line count as one row.
    std::stable_sort(order.begin(), order.end(), [](const Widget* a, const Widget* b) {
        if (std::abs(a->rect.y - b->rect.y) > std::min(a->rect.h, b->rect.h) / 2) {
            return a->rect.y < b->rect.y;
        }
        return a->rect.x < b->rect.x;
    });
    return order;
}

const Widget* WidgetTree::find_by_label(std::string_view needle) const
{
    // A widget that a finger could hit now first; then text in front of every cover. Inert and
    // covered widgets are drawn but cannot be what a tap on the label means.
    for (const Widget* w : reading_order(true)) {
        if (contains_ignoring_case(w->label, needle) && hittable_point(*w)) {
            return w;
        }
    }
    for (const Widget* w : reading_order(false)) {
        const auto index = static_cast<std::size_t>(w - m_widgets.data());
        if (!w->interactive && !w->inert && !w->opaque && contains_ignoring_case(w->label, needle)
            && !covered_above(index, w->rect.center())) {
            return w;
        }
    }
    return nullptr;
}

const Widget* WidgetTree::find_by_id(std::string_view id) const
{
    for (const Widget& w : m_widgets) {
        if (w.id == id) {
            return &w;
        }
    }
    return nullptr;
}

bool WidgetTree::shows_text(std::string_view needle) const
{
    return std::any_of(m_widgets.begin(), m_widgets.end(),
        [&](const Widget& w) { return contains_ignoring_case(w.label, needle); });
}

} // namespace ck::ui
