// Widgets cut by a scroll region's clip report only their visible part, so their size is not
// judged (the same widget is judged when scrolled into full view).
#include "ui/accessibility_audit.hpp"

#include <cstdio>

namespace ck::ui {
namespace {

std::string name_of(const Widget& w)
{
    return w.id.empty() ? ("\"" + w.label.substr(0, 40) + "\"") : w.id;
}

std::string decimal(double v, int places)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", places, v);
    return buf;
}

} // namespace

namespace {

// Every state must be seen in every theme (WCAG 1.4.11: a state indicator stands out 3:1): a
// selected or pressed control carries a mark that contrasts with what it sits on; a disabled one
// is neither the colour of interaction nor invisible.
void audit_states(const Widget& w, const Theme& theme, std::vector<Finding>& findings)
{
    const Palette& p = theme.palette();
    constexpr double min_mark = 3.0;
    if (w.selected || w.pressed) {
        const Color around = w.surround.value_or(p.paper);
        if (!w.state_mark || contrast_ratio(*w.state_mark, around) < min_mark) {
            findings.push_back({ name_of(w),
                std::string(w.pressed ? "pressed" : "selected") + " state has no mark standing out "
                    + decimal(min_mark, 0) + ":1 from what it sits on" });
        }
    }
    if (w.disabled) {
        if (!w.text_color) {
            findings.push_back({ name_of(w), "disabled control has no text colour to show it" });
        } else if (contrast_ratio(*w.text_color, p.accent) < 1.5) {
            findings.push_back({ name_of(w), "disabled control looks like an enabled one (accent colour)" });
        } else if (w.background && contrast_ratio(*w.text_color, blend_over(*w.background, p.paper)) < 2.5) {
            findings.push_back({ name_of(w), "disabled control can hardly be seen (under 2.5:1)" });
        }
    }
}

} // namespace

std::vector<Finding> audit(const WidgetTree& tree, const Theme& theme, Size viewport, const AuditRules& rules)
{
    std::vector<Finding> findings;
    // A frame without widgets is a screen that drew nothing a visitor could read or touch, or one
    // that forgot to describe what it drew: either way there is nothing to pass.
    if (tree.widgets().empty()) {
        findings.push_back(
            { "(frame)", "the widget tree is empty: the screen drew nothing the audit can check" });
        return findings;
    }
    const float min_target = theme.px(rules.min_target_mm) - 0.5f;
    const float margin = theme.px(rules.min_margin_mm) - 1.0f;
    for (const Widget& w : tree.widgets()) {
        if (w.interactive && !w.clipped && w.role != Role::region && w.role != Role::scroll_area
            && (w.rect.w < min_target || w.rect.h < min_target)) {
            findings.push_back({ name_of(w),
                "touch target " + decimal(w.rect.w * 25.4 / theme.dpi(), 1) + " x "
                    + decimal(w.rect.h * 25.4 / theme.dpi(), 1) + " mm is under the minimum" });
        }
        audit_states(w, theme, findings);
        if (w.text_color && w.background && !w.disabled) {
            const double ratio
                = contrast_ratio(*w.text_color, blend_over(*w.background, theme.palette().paper));
            if (ratio < rules.min_contrast) {
                findings.push_back({ name_of(w),
                    "text contrast " + decimal(ratio, 2) + ":1 is under " + decimal(rules.min_contrast, 0)
                        + ":1" });
            }
        }
        if ((w.role == Role::text || w.role == Role::heading) && !w.label.empty()
            && (w.rect.x < margin || w.rect.right() > viewport.w - margin)) {
            findings.push_back({ name_of(w),
                "text at x " + decimal(w.rect.x, 0) + ".." + decimal(w.rect.right(), 0)
                    + " px is inside the screen's edge margin" });
        }
    }
    return findings;
}

} // namespace ck::ui
