// The visual design in one place (see ../shared/design/VISUAL.md): paper, ink, one accent, the
// classification banner colours, and a small type scale in millimetres of the physical screen,
// converted to pixels at the configured DPI. High-contrast and large-text modes are variants.
#pragma once

#include "ui/color.hpp"

#include <string_view>

namespace ck::ui {

enum class ContrastMode { normal, high };
enum class TextScale { normal, large };

struct Palette {
    Color paper; // the screen
    Color card; // raised surfaces: header card, section cards, the keyboard
    Color bar; // the persistent navigation bar
    Color ink; // text
    Color secondary; // captions and metadata; still 7:1 on paper, card and bar
    Color rule; // hairlines and card borders (decorative, never text)
    Color accent; // the one colour of interaction: links, chips, the focused key
    Color accent_soft; // chip and pressed backgrounds; accent text on it is 7:1
    Color on_accent; // text on a filled accent button
    Color disabled; // a control that cannot be used now: plainly not the accent, still visible
    Color highlight; // search hits, a marker behind the ink
    Color scrim; // behind a popup
};

// The banner for a classification: background and text colour (7:1 between them).
struct BannerColors {
    Color background;
    Color text;
};

struct TypeScale { // millimetres
    float title_mm = 17.0f;
    float heading_mm = 11.0f;
    float subheading_mm = 8.0f;
    float ui_mm = 6.5f;
    float cable_mm = 6.0f;
    float caption_mm = 5.0f;
};

struct Spacing { // millimetres
    float margin_mm = 10.0f; // at the screen's edges (bezels and fingers hide the rim)
    float gap_mm = 4.0f; // between related items
    float section_gap_mm = 10.0f; // between groups
    float target_mm = 10.0f; // ordinary touch targets (9 mm is the floor)
    float primary_target_mm = 13.0f; // back, home, search, language, large text
    float target_gap_mm = 2.5f;
    float row_mm = 16.0f; // a cable row in a list
    float corner_mm = 1.6f; // card corner radius
};

class Theme {
public:
    Theme(float dpi, ContrastMode contrast, TextScale scale);

    [[nodiscard]] float dpi() const { return m_dpi; }
    [[nodiscard]] ContrastMode contrast() const { return m_contrast; }
    [[nodiscard]] TextScale text_scale() const { return m_scale; }
    [[nodiscard]] const Palette& palette() const { return m_palette; }
    [[nodiscard]] const TypeScale& type() const { return m_type; }
    [[nodiscard]] const Spacing& spacing() const { return m_spacing; }

    // Millimetres to logical pixels at this DPI (no text scaling).
    [[nodiscard]] float px(float mm) const { return mm * m_dpi / 25.4f; }
    // A type size in millimetres to pixels, with the large-text factor applied.
    [[nodiscard]] float text_px(float mm) const { return px(mm) * text_factor(); }
    [[nodiscard]] float text_factor() const { return m_scale == TextScale::large ? 1.5f : 1.0f; }

    // Banner colours for a normalized classification ("SECRET", "CONFIDENTIAL", ...).
    [[nodiscard]] BannerColors banner(std::string_view classification) const;

private:
    float m_dpi;
    ContrastMode m_contrast;
    TextScale m_scale;
    Palette m_palette;
    TypeScale m_type;
    Spacing m_spacing;
};

} // namespace ck::ui
