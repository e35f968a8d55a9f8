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
        if (w.text_color && w.background) {
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
