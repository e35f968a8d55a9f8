// The kiosk's few controls, drawn into a Canvas and recorded in its widget tree with a role and an
// accessible label: buttons (filled, quiet, chips, toggles), simple vector icons, and the
// classification banner. Sizes come from the theme in millimetres.
#pragma once

#include "ui/canvas.hpp"

#include <string>

namespace ck::ui {

enum class Icon { none, back, home, search, language, text_size, contrast, close, forward, clear, up };

enum class Look {
    filled, // accent background, light text: the one primary action of a view
    quiet, // no background until pressed: the navigation bar
    outline, // a hairline box: secondary actions
    chip, // a rounded pill on the soft accent: tags, filters, references
};

struct ButtonSpec {
    std::string id;
    std::string label; // shown (may be empty for an icon-only button)
    std::string accessible_label; // announced; defaults to `label`
    Rect rect;
    Role role = Role::button;
    Look look = Look::quiet;
    Icon icon = Icon::none;
    bool selected = false; // a toggle that is on, the current language
    float text_mm = 0; // 0: the theme's UI size
    text::Weight weight = text::Weight::medium;
};

// Draws the button and records it as an interactive widget.
void button(Canvas& canvas, const ButtonSpec& spec);

// The width a button needs for its label and icon at the given text size.
float button_width(Canvas& canvas, const ButtonSpec& spec);

// A simple line icon centred in `box`.
void draw_icon(DrawList& draw, Icon icon, Rect box, Color color, float stroke);

// A full-width classification banner with the marking centred.
void classification_banner(Canvas& canvas, Rect rect, std::string_view marking, std::string_view id);

} // namespace ck::ui
