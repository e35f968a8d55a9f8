// Checks a frame's widget tree against the kiosk's accessibility rules: every touch target at
// least 9 mm square at the configured DPI, every text at least 7:1 against what it is drawn on,
// and reading text kept inside the screen's margins. Used by the tests for every screen, and
// available to a staff diagnostics screen.
#pragma once

#include "ui/theme.hpp"
#include "ui/widget_tree.hpp"

#include <string>
#include <vector>

namespace ck::ui {

struct AuditRules {
    float min_target_mm = 9.0f;
    double min_contrast = 7.0;
    float min_margin_mm = 8.0f;
};

struct Finding {
    std::string widget; // id, or label when there is no id
    std::string problem;
};

// An empty tree is a finding, not a pass: a screen that drew nothing has failed.
std::vector<Finding> audit(
    const WidgetTree& tree, const Theme& theme, Size viewport, const AuditRules& rules = {});

} // namespace ck::ui
