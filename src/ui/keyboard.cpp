// Keys sit on a grid of ten units per row (a key unit is a pitch minus one gap), staggered like a
// typewriter's so the rows read as a keyboard at a glance. Letter caps are upper case, as on a
// physical keyboard, while the keys type lower case: the search ignores case, and the cables
// themselves are upper case, so a visitor is never asked to choose.
#include "ui/keyboard.hpp"

#include "core/ascii.hpp"
#include "ui/keyboard_grid.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace ck::ui {
namespace {

using keygrid::units_per_row;
// The keys' height follows their width on wide screens, within these bounds.
constexpr float key_height_ratio = 0.9f;
constexpr float key_max_height_mm = 17.0f;
constexpr float panel_padding_mm = 3.0f;

struct RowSpec {
    std::string_view chars;
    float first_unit;
};

KeyboardKey letter_key(char c, Rect rect)
{
    const std::string text(1, c);
    return keygrid::character_key(text, ascii::to_upper(text), rect);
}

// QWERTY with a digits row; for a Japanese visitor a かな key takes a unit of the space bar.
int add_latin_keys(std::vector<KeyboardKey>& keys, const keygrid::Grid& grid, HideKey hide, ModeKeys modes)
{
    const RowSpec rows[] = { { "1234567890", 0.0f }, { "qwertyuiop", 0.0f }, { "asdfghjkl", 0.5f } };
    int row = 0;
    for (const RowSpec& spec : rows) {
        float u = spec.first_unit;
        for (const char c : spec.chars) {
            keys.push_back(letter_key(c, grid.at(row, u, 1)));
            u += 1;
        }
        ++row;
    }
    // Row 3: an apostrophe, the last letters, and a wide backspace where a typist expects it.
    keys.push_back(letter_key('\'', grid.at(row, 0, 1)));
    float u = 1;
    for (const char c : std::string_view("zxcvbnm")) {
        keys.push_back(letter_key(c, grid.at(row, u, 1)));
        u += 1;
    }
    keys.push_back(
        keygrid::action_key(KeyAction::backspace, "key:backspace", grid.at(row, u, units_per_row - u)));
    ++row;
    // Row 4: the punctuation of names and phrases around a long space bar.
    u = 0;
    if (modes == ModeKeys::japanese) {
        keys.push_back(keygrid::mode_key(KeyboardLayout::kana, grid.at(row, 0, 1)));
        u = 1;
    }
    const float space_units = (hide == HideKey::present ? 5.0f : 7.0f) - u;
    keys.push_back(letter_key('-', grid.at(row, u, 1)));
    keys.push_back(letter_key('"', grid.at(row, u + 1, 1)));
    keys.push_back(keygrid::action_key(KeyAction::space, "key:space", grid.at(row, u + 2, space_units)));
    keys.push_back(letter_key('.', grid.at(row, u + 2 + space_units, 1)));
    if (hide == HideKey::present) {
        keys.push_back(
            keygrid::action_key(KeyAction::hide, "key:hide", grid.at(row, u + 3 + space_units, 2)));
    }
    return row + 1;
}

// A backspace symbol: a tag pointing left with a cross inside.
void draw_backspace(DrawList& draw, Rect box, Color color, float stroke)
{
    const float w = std::min(box.w, box.h * 0.9f);
    const float h = w / 1.45f;
    const float x0 = box.center().x - w / 2;
    const float top = box.center().y - h / 2;
    const float bottom = top + h;
    const float x_tip = x0;
    const float x_shoulder = x0 + h * 0.45f;
    const float x1 = x0 + w;
    draw.line({ x_tip, box.center().y }, { x_shoulder, top }, stroke, color);
    draw.line({ x_shoulder, top }, { x1, top }, stroke, color);
    draw.line({ x1, top }, { x1, bottom }, stroke, color);
    draw.line({ x1, bottom }, { x_shoulder, bottom }, stroke, color);
    draw.line({ x_shoulder, bottom }, { x_tip, box.center().y }, stroke, color);
    const Point c { (x_shoulder + x1) / 2 + h * 0.04f, box.center().y };
    const float s = h * 0.2f;
    draw.line({ c.x - s, c.y - s }, { c.x + s, c.y + s }, stroke, color);
    draw.line({ c.x + s, c.y - s }, { c.x - s, c.y + s }, stroke, color);
}

// "Done": a chevron pointing down, the keyboard going away.
void draw_hide(DrawList& draw, Rect box, Color color, float stroke)
{
    const Point c = box.center();
    const float s = box.h * 0.26f;
    draw.line({ c.x - s, c.y - s * 0.45f }, { c.x, c.y + s * 0.45f }, stroke, color);
    draw.line({ c.x, c.y + s * 0.45f }, { c.x + s, c.y - s * 0.45f }, stroke, color);
}

std::string replace_key(std::string_view format, std::string_view cap)
{
    std::string out(format);
    const std::size_t at = out.find("{key}");
    if (at == std::string::npos) {
        return out + " " + std::string(cap);
    }
    out.replace(at, 5, cap);
    return out;
}

} // namespace

std::string_view to_string(KeyboardLayout layout)
{
    switch (layout) {
    case KeyboardLayout::latin:
        return "latin";
    case KeyboardLayout::kana:
        return "kana";
    case KeyboardLayout::digits:
        return "digits";
    }
    return "latin";
}

Keyboard Keyboard::layout(const Theme& theme, float width, HideKey hide, KeyboardPanel panel)
{
    return layout(theme, width, KeyboardOptions { hide, panel, KeyboardLayout::latin, ModeKeys::absent });
}

Keyboard Keyboard::layout(const Theme& theme, float width, const KeyboardOptions& options)
{
    Keyboard kb;
    kb.m_panel = options.panel;
    // Without mode keys there is no way out of another layout: the QWERTY one is shown.
    kb.m_layout = options.modes == ModeKeys::absent ? KeyboardLayout::latin : options.layout;
    keygrid::Grid grid;
    grid.gap = std::max(theme.px(key_gap_min_mm), theme.px(theme.spacing().target_gap_mm));
    kb.m_gap = grid.gap;
    grid.pad_y = theme.px(panel_padding_mm);
    // Along the screen's edge the outer keys stay out of the margin that bezels and fingers hide.
    grid.pad = options.panel == KeyboardPanel::full_width ? theme.px(theme.spacing().margin_mm) : grid.pad_y;
    // Inside the panel's padding, ten units and nine gaps span the width.
    const float inner = std::max(0.0f, width - 2 * grid.pad);
    grid.pitch = std::max((inner + grid.gap) / units_per_row, theme.px(key_min_mm) + grid.gap);
    const float unit = grid.pitch - grid.gap;
    grid.key_h = std::clamp(unit * key_height_ratio, theme.px(key_min_mm), theme.px(key_max_height_mm));
    kb.m_key_h = grid.key_h;
    kb.m_label_px = std::min(theme.text_px(theme.type().ui_mm * 1.05f), kb.m_key_h * 0.5f);

    int rows = 0;
    switch (kb.m_layout) {
    case KeyboardLayout::latin:
        rows = add_latin_keys(kb.m_keys, grid, options.hide, options.modes);
        break;
    case KeyboardLayout::kana:
        rows = keygrid::add_kana_keys(kb.m_keys, grid, options.hide);
        break;
    case KeyboardLayout::digits:
        rows = keygrid::add_digit_keys(kb.m_keys, grid, options.hide);
        break;
    }
    kb.m_size = { 2 * grid.pad + units_per_row * grid.pitch - grid.gap,
        2 * grid.pad_y + static_cast<float>(rows) * (grid.key_h + grid.gap) - grid.gap };
    return kb;
}

const KeyboardKey* Keyboard::find(std::string_view widget_id) const
{
    const auto it
        = std::find_if(m_keys.begin(), m_keys.end(), [&](const KeyboardKey& k) { return k.id == widget_id; });
    return it == m_keys.end() ? nullptr : &*it;
}

std::string Keyboard::label_of(const KeyboardKey& key, const KeyboardLabels& labels)
{
    switch (key.action) {
    case KeyAction::insert:
        return replace_key(labels.key_format, key.cap);
    case KeyAction::space:
        return labels.space;
    case KeyAction::backspace:
        return labels.backspace;
    case KeyAction::hide:
        return labels.hide;
    case KeyAction::mode:
        return replace_key(labels.mode_format, key.cap);
    case KeyAction::mark:
        return labels.mark;
    }
    return key.id;
}

void Keyboard::draw(Canvas& canvas, Point origin, const KeyboardLabels& labels) const
{
    const Theme& t = canvas.theme();
    const Palette& p = t.palette();
    const float radius = t.px(t.spacing().corner_mm);
    const Rect panel { origin.x, origin.y, m_size.w, m_size.h };
    const float hairline = std::max(1.0f, t.px(0.25f));
    switch (m_panel) {
    case KeyboardPanel::card:
        canvas.draw().fill_rounded_rect(panel, radius * 1.5f, p.bar);
        break;
    case KeyboardPanel::full_width:
        canvas.draw().fill_rect(panel, p.bar);
        canvas.draw().fill_rect({ panel.x, panel.y, panel.w, hairline }, p.rule);
        break;
    }
    const Point offset = canvas.draw().offset();
    for (const KeyboardKey& key : m_keys) {
        const Rect r = key.rect.translated(origin.x, origin.y);
        const bool pressed = canvas.is_pressed(key.id);
        const bool special = key.action != KeyAction::insert;
        Color bg = special ? p.accent_soft : p.card;
        Color fg = special ? p.accent : p.ink;
        if (pressed) {
            bg = p.accent;
            fg = p.on_accent;
        }
        canvas.draw().fill_rounded_rect(r, radius, bg);
        canvas.draw().stroke_rounded_rect(r, radius, hairline, pressed ? p.accent : p.rule);

        const std::string label = label_of(key, labels);
        const bool has_cap = key.action == KeyAction::insert;
        // Mode and mark keys show their cap ("ABC", "゛゜小") in the action keys' weight.
        const std::string shown = key.cap.empty() ? label : key.cap;
        const text::TextStyle style { text::Family::sans,
            has_cap ? text::Weight::medium : text::Weight::semibold,
            has_cap ? m_label_px : m_label_px * 0.82f };
        const float icon
            = key.action == KeyAction::backspace || key.action == KeyAction::hide ? m_key_h * 0.55f : 0.0f;
        const float icon_gap = icon > 0 ? t.px(2) : 0.0f;
        const auto laid = canvas.layout(shown, style, std::max(1.0f, r.w - icon - icon_gap - t.px(3)),
            text::WrapMode::words, text::Align::start, 1.2f, 1);
        // An icon-and-label key drops its label when the key is too narrow for both.
        const bool show_text = icon == 0 || !laid->truncated();
        const float total = icon + (show_text ? icon_gap + laid->size().w : 0);
        float x = r.center().x - total / 2;
        const float stroke = std::max(1.5f, t.px(0.5f));
        if (key.action == KeyAction::backspace) {
            draw_backspace(canvas.draw(), { x, r.y, icon, r.h }, fg, stroke);
            x += icon + icon_gap;
        } else if (key.action == KeyAction::hide) {
            draw_hide(canvas.draw(), { x, r.y, icon, r.h }, fg, stroke);
            x += icon + icon_gap;
        }
        if (show_text) {
            canvas.draw_layout(*laid, { std::round(x), std::round(r.center().y - laid->size().h / 2) }, fg);
        }
        Widget w;
        w.id = key.id;
        w.role = Role::key;
        w.label = label;
        w.rect = r.translated(offset.x, offset.y);
        w.interactive = true;
        w.text_color = fg;
        w.background = bg;
        w.text_px = style.size_px;
        canvas.add_widget(std::move(w));
    }
}

} // namespace ck::ui
