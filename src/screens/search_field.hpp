// The search box's text as plain data: what is typed, the caret, and an input method's composition
// in progress. Edits move by grapheme clusters (what a visitor sees as one character), so a
// backspace removes a whole emoji, flag or accented letter. Typed text is cleaned on the way in;
// nothing here draws, searches or logs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ck::screens {

// The box holds at most this many bytes: what the pack's query parser reads (content/query.hpp's
// query_max_bytes). A paste or a stuck key stops here instead of growing without bound.
inline constexpr std::size_t search_field_max_bytes = 256;

class SearchField {
public:
    [[nodiscard]] const std::string& text() const { return m_text; }
    [[nodiscard]] std::size_t caret() const { return m_caret; }
    [[nodiscard]] const std::string& composition() const { return m_composition; }
    [[nodiscard]] bool empty() const { return m_text.empty() && m_composition.empty(); }

    // Inserts committed text at the caret (ending any composition). Control characters, invisible
    // format characters and bidi overrides are dropped; tabs and line breaks become spaces;
    // ill-formed UTF-8 is dropped. Returns true when the text changed.
    bool insert(std::string_view utf8);
    // The grapheme cluster before / after the caret. A pending composition is dropped first (a
    // dead key that never produced a character), and that counts as the edit.
    bool backspace();
    bool delete_forward();
    // Caret moves by grapheme clusters; they return true when the caret moved.
    bool move_left();
    bool move_right();
    bool move_home();
    bool move_end();
    // Puts the caret at a byte offset, snapped back to a cluster boundary.
    void set_caret(std::size_t offset);

    // An input method's text in progress (shown underlined at the caret, not yet searched).
    // Empty ends the composition.
    void set_composition(std::string_view utf8);

    // Replaces everything (cleaned and capped like typed text); the caret goes to the end.
    void set_text(std::string_view utf8);
    void clear();

    // The word that ends at the caret (letters and digits of any script), empty after a space.
    [[nodiscard]] std::string_view word_before_caret() const;
    // Replaces the word that ends at the caret with `word` and a space: a tapped completion.
    void complete_word(std::string_view word);

    // The text as shown: the composition inserted at the caret.
    [[nodiscard]] std::string display_text() const;

private:
    std::string m_text;
    std::size_t m_caret = 0;
    std::string m_composition;
};

// Typed text made safe for the box: what insert() does to its argument, before the size cap.
std::string clean_typed_text(std::string_view utf8);

} // namespace ck::screens
