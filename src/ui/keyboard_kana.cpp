// The Japanese visitor's layouts. Kana: the gojūon grid (ui/kana.hpp) in five rows with a row of
// controls under it: ABC and 123 to switch layouts, ゛゜小 for voiced and small kana, space and
// backspace. Digits: ten digits, 年 and 月 for dates as Japanese writes them ("1977年7月"), the
// symbols of ids and dates, and the keys back to kana and ABC.
#include "ui/kana.hpp"
#include "ui/keyboard_grid.hpp"

namespace ck::ui::keygrid {

KeyboardKey character_key(std::string_view text, std::string_view cap, Rect rect)
{
    KeyboardKey k;
    k.action = KeyAction::insert;
    k.text = std::string(text);
    k.cap = std::string(cap);
    k.id = "key:" + k.text;
    k.rect = rect;
    return k;
}

KeyboardKey action_key(KeyAction action, std::string id, Rect rect)
{
    KeyboardKey k;
    k.action = action;
    k.id = std::move(id);
    k.rect = rect;
    return k;
}

KeyboardKey mode_key(KeyboardLayout to, Rect rect)
{
    KeyboardKey k = action_key(KeyAction::mode, "key:mode:" + std::string(to_string(to)), rect);
    k.text = std::string(to_string(to));
    switch (to) {
    case KeyboardLayout::latin:
        k.cap = "ABC";
        break;
    case KeyboardLayout::kana:
        k.cap = "かな";
        break;
    case KeyboardLayout::digits:
        k.cap = "123";
        break;
    }
    return k;
}

int add_kana_keys(std::vector<KeyboardKey>& keys, const Grid& grid, HideKey hide)
{
    for (std::size_t col = 0; col < kana::columns; ++col) {
        for (std::size_t row = 0; row < kana::rows; ++row) {
            const std::string_view k = kana::grid[col][row];
            if (!k.empty()) {
                keys.push_back(
                    character_key(k, k, grid.at(static_cast<int>(row), static_cast<float>(col), 1)));
            }
        }
    }
    const int row = static_cast<int>(kana::rows);
    const bool hides = hide == HideKey::present;
    // With a Done key the two mode keys share what would be one wider one.
    const float mode_w = hides ? 1.0f : 1.5f;
    keys.push_back(mode_key(KeyboardLayout::latin, grid.at(row, 0, mode_w)));
    keys.push_back(mode_key(KeyboardLayout::digits, grid.at(row, mode_w, mode_w)));
    float u = 2 * mode_w;
    KeyboardKey mark = action_key(KeyAction::mark, "key:mark", grid.at(row, u, 2));
    mark.cap = "゛゜小";
    keys.push_back(std::move(mark));
    u += 2;
    const float space_w = hides ? 2.0f : 3.0f;
    keys.push_back(action_key(KeyAction::space, "key:space", grid.at(row, u, space_w)));
    u += space_w;
    keys.push_back(action_key(KeyAction::backspace, "key:backspace", grid.at(row, u, 2)));
    u += 2;
    if (hides) {
        keys.push_back(action_key(KeyAction::hide, "key:hide", grid.at(row, u, 2)));
    }
    return row + 1;
}

int add_digit_keys(std::vector<KeyboardKey>& keys, const Grid& grid, HideKey hide)
{
    float u = 0;
    for (const char c : std::string_view("1234567890")) {
        keys.push_back(character_key(std::string_view(&c, 1), std::string_view(&c, 1), grid.at(0, u, 1)));
        u += 1;
    }
    u = 0;
    for (const std::string_view s : { "年", "月", "-", "/", ".", "'" }) {
        keys.push_back(character_key(s, s, grid.at(1, u, 1)));
        u += 1;
    }
    keys.push_back(action_key(KeyAction::backspace, "key:backspace", grid.at(1, u, units_per_row - u)));
    const bool hides = hide == HideKey::present;
    keys.push_back(mode_key(KeyboardLayout::kana, grid.at(2, 0, 2)));
    keys.push_back(mode_key(KeyboardLayout::latin, grid.at(2, 2, 2)));
    const float space_w = hides ? 4.0f : 6.0f;
    keys.push_back(action_key(KeyAction::space, "key:space", grid.at(2, 4, space_w)));
    if (hides) {
        keys.push_back(action_key(KeyAction::hide, "key:hide", grid.at(2, 4 + space_w, 2)));
    }
    return 3;
}

} // namespace ck::ui::keygrid
