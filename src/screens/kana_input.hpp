// The kana a Japanese visitor is typing on the on-screen keyboard, before it becomes a word of the
// search, and the terms it may become: like an input method's conversion, but only to the terms
// the pack's readings table lists (content/name_tables.hpp), so the kiosk offers exactly the
// Japanese words its search can lead to the English cables. Plain data: no drawing, no search.
#pragma once

#include "content/name_tables.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ck::screens {

class KanaInput {
public:
    [[nodiscard]] const std::string& pending() const { return m_pending; }
    [[nodiscard]] bool empty() const { return m_pending.empty(); }
    // Appends a typed kana (at most `max_bytes` are kept pending; a stuck key stops there).
    void type(std::string_view kana);
    // The ゛゜小 key: the last kana takes its next form. False when nothing is pending.
    bool mark();
    // Removes the last kana; false when nothing is pending.
    bool backspace();
    // The pending kana, which is cleared: what is committed to the search box as typed.
    std::string take();
    void clear() { m_pending.clear(); }

    static constexpr std::size_t max_bytes = 96;

private:
    std::string m_pending;
};

// The terms whose reading starts with `typed`, each once: terms read exactly so first, then by the
// length of their reading, then in the table's order; at most `limit`. None for empty `typed`.
std::vector<std::string> kana_suggestions(
    const std::vector<content::TermReading>& readings, std::string_view typed, std::size_t limit = 8);

} // namespace ck::screens
