// Internal to the keyboard (keyboard.cpp, keyboard_kana.cpp): the grid keys are placed on, and the
// makers of keys, shared by the layouts. Not a public header.
#pragma once

#include "ui/keyboard.hpp"

#include <string_view>
#include <vector>

namespace ck::ui::keygrid {

inline constexpr float units_per_row = 10.0f;

// Ten key units span a row; `at` gives the rectangle of a key `units` wide starting at unit
// `first_unit` of row `row` (a unit is a pitch minus one gap).
struct Grid {
    float pad = 0; // left and right
    float pad_y = 0; // top and bottom
    float pitch = 0;
    float gap = 0;
    float key_h = 0;
    [[nodiscard]] Rect at(int row, float first_unit, float units) const
    {
        return Rect { pad + first_unit * pitch, pad_y + static_cast<float>(row) * (key_h + gap),
            units * pitch - gap, key_h };
    }
};

// A key that types `text` and shows `cap`; its id is "key:" + text.
KeyboardKey character_key(std::string_view text, std::string_view cap, Rect rect);
KeyboardKey action_key(KeyAction action, std::string id, Rect rect);
// A key that switches to `to`, showing its name ("ABC", "かな", "123").
KeyboardKey mode_key(KeyboardLayout to, Rect rect);

// The kana and digits layouts; each returns the number of rows it used.
int add_kana_keys(std::vector<KeyboardKey>& keys, const Grid& grid, HideKey hide);
int add_digit_keys(std::vector<KeyboardKey>& keys, const Grid& grid, HideKey hide);

} // namespace ck::ui::keygrid
