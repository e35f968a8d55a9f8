// The on-screen keyboard: a QWERTY grid with a digits row, the few symbols a search needs
// (- ' . "), space, backspace and an optional key that hides it; for Japanese visitors also a kana
// layout (the gojūon grid with a ゛゜小 key) and a digits layout, switched by mode keys. Layout is pure
// arithmetic in millimetres at the theme's DPI (keys never under 9 mm, gaps never under 2 mm); drawing
// records every key as a Widget with role `key`, so taps, scripts and the accessibility checks see it. Knows
// nothing of search or of SDL: a screen maps a tapped key id to an edit with find().
#pragma once

#include "ui/canvas.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ck::ui {

// The physical floor for a key and for the space between keys (VISUAL.md "Space and touch").
inline constexpr float key_min_mm = 9.0f;
inline constexpr float key_gap_min_mm = 2.0f;

enum class KeyAction {
    insert, // types `text`
    space,
    backspace, // deletes the grapheme cluster before the caret
    hide, // hides the keyboard (portrait, where it covers the results)
    mode, // switches to the layout named by `text` ("kana", "latin", "digits")
    mark, // ゛゜小: the last kana typed takes its next form (か→が, つ→っ→づ)
};

enum class KeyboardLayout { latin, kana, digits };
std::string_view to_string(KeyboardLayout layout);

// Whether the keys that switch layouts are shown: only for a Japanese visitor, whose keyboard has
// three (the English keyboard stays the single QWERTY layout).
enum class ModeKeys { absent, japanese };

struct KeyboardKey {
    KeyAction action = KeyAction::insert;
    // widget id: "key:q", "key:あ", "key:space", "key:backspace", "key:hide", "key:mark",
    // "key:mode:kana"
    std::string id;
    std::string text; // what `insert` types ("q"), the layout a `mode` key switches to
    std::string cap; // what the key shows ("Q", "あ", "ABC"); empty when the label comes from KeyboardLabels
    Rect rect; // relative to the keyboard's top-left corner
};

enum class HideKey { absent, present };

// A card inside a column (landscape), or a full-width panel along the screen's bottom edge whose
// keys keep the screen's side margins (portrait).
enum class KeyboardPanel { card, full_width };

struct KeyboardOptions {
    HideKey hide = HideKey::absent;
    KeyboardPanel panel = KeyboardPanel::card;
    KeyboardLayout layout = KeyboardLayout::latin;
    ModeKeys modes = ModeKeys::absent;
};

// Texts in the visitor's language (the ui layer has no string table of its own).
struct KeyboardLabels {
    std::string space = "Space";
    std::string backspace = "Delete";
    std::string hide = "Done";
    // The accessible name of a character key; "{key}" is replaced by its cap ("Key Q").
    std::string key_format = "Key {key}";
    // The ゛゜小 key, and a key switching layouts ("{key}" is the cap: "ABC", "かな", "123").
    std::string mark = "Voiced or small kana";
    std::string mode_format = "Switch to {key}";
};

class Keyboard {
public:
    // Lays the keys out across `width` logical pixels. Ten key units span the width; when that
    // would make keys smaller than key_min_mm the keyboard is wider than asked (see size()).
    static Keyboard layout(const Theme& theme, float width, HideKey hide, KeyboardPanel panel);
    static Keyboard layout(const Theme& theme, float width, const KeyboardOptions& options);

    [[nodiscard]] Size size() const { return m_size; }
    [[nodiscard]] const std::vector<KeyboardKey>& keys() const { return m_keys; }
    [[nodiscard]] float key_height() const { return m_key_h; }
    [[nodiscard]] float gap() const { return m_gap; }
    [[nodiscard]] KeyboardLayout shown_layout() const { return m_layout; }
    // The key a widget id names, or null.
    [[nodiscard]] const KeyboardKey* find(std::string_view widget_id) const;

    // Draws the panel and its keys with the top-left corner at `origin`; the pressed key (the
    // canvas's pressed widget) is drawn in the accent colour.
    void draw(Canvas& canvas, Point origin, const KeyboardLabels& labels) const;

    // The accessible label of a key ("Key Q", "Space").
    [[nodiscard]] static std::string label_of(const KeyboardKey& key, const KeyboardLabels& labels);

private:
    std::vector<KeyboardKey> m_keys;
    Size m_size;
    float m_key_h = 0;
    float m_gap = 0;
    float m_label_px = 0;
    KeyboardPanel m_panel = KeyboardPanel::card;
    KeyboardLayout m_layout = KeyboardLayout::latin;
};

} // namespace ck::ui
