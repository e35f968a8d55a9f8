// What is dropped and why: NUL and the other C0/C1 controls (a NUL would cut the text at the
// C-string boundary between SDL and SQLite; U+001A is even a legal FTS5 bareword character), bidi
// embeddings, overrides and isolates (they would reorder what the box shows without being seen),
// and invisible breaks such as U+200B, U+2060, U+FEFF and the soft hyphen (a word with one inside
// would look right and find nothing). Joiners (U+200C/U+200D) and variation selectors stay: emoji
// and some scripts need them.
#include "screens/search_field.hpp"

#include "core/utf8.hpp"
#include "text/grapheme.hpp"

#include <algorithm>

namespace ck::screens {
namespace {

enum class CharClass { keep, space, drop };

CharClass classify(char32_t cp)
{
    if (cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\v' || cp == U'\f' || cp == 0x2028
        || cp == 0x2029 || cp == 0x85) {
        return CharClass::space;
    }
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
        return CharClass::drop;
    }
    const bool bidi = cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069);
    const bool invisible = cp == 0x00AD || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x180E;
    if (bidi || invisible || cp == utf8::replacement_char) {
        return CharClass::drop;
    }
    return CharClass::keep;
}

// Word characters for completion: letters and digits in any script (approximated as every
// non-ASCII code point outside the punctuation and space blocks).
bool is_word_char(char32_t cp)
{
    if (cp < 0x80) {
        return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') || (cp >= U'0' && cp <= U'9');
    }
    const bool punctuation = (cp >= 0x00A0 && cp <= 0x00BF) || (cp >= 0x2000 && cp <= 0x206F)
        || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F);
    return !punctuation;
}

// The longest prefix of `text` of at most `limit` bytes that ends on a code point boundary.
std::string_view cut_to(std::string_view text, std::size_t limit)
{
    if (text.size() <= limit) {
        return text;
    }
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) {
        --end;
    }
    return text.substr(0, end);
}

} // namespace

std::string clean_typed_text(std::string_view utf8)
{
    std::string out;
    out.reserve(std::min(utf8.size(), search_field_max_bytes * 2));
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        // A 10,000-character paste is read only as far as the box could ever hold.
        if (out.size() > search_field_max_bytes) {
            break;
        }
        const char32_t cp = utf8::decode(utf8, pos);
        switch (classify(cp)) {
        case CharClass::keep:
            utf8::append(out, cp);
            break;
        case CharClass::space:
            out += ' ';
            break;
        case CharClass::drop:
            break;
        }
    }
    return out;
}

bool SearchField::insert(std::string_view utf8)
{
    m_composition.clear();
    const std::string clean = clean_typed_text(utf8);
    const std::size_t room = search_field_max_bytes - std::min(search_field_max_bytes, m_text.size());
    const std::string_view fitted = cut_to(clean, room);
    if (fitted.empty()) {
        return false;
    }
    m_text.insert(m_caret, fitted);
    m_caret += fitted.size();
    return true;
}

bool SearchField::backspace()
{
    if (!m_composition.empty()) {
        m_composition.clear();
        return true;
    }
    if (m_caret == 0) {
        return false;
    }
    const std::size_t from = text::previous_grapheme_boundary(m_text, m_caret);
    m_text.erase(from, m_caret - from);
    m_caret = from;
    return true;
}

bool SearchField::delete_forward()
{
    if (!m_composition.empty()) {
        m_composition.clear();
        return true;
    }
    if (m_caret >= m_text.size()) {
        return false;
    }
    const std::size_t to = text::next_grapheme_boundary(m_text, m_caret);
    m_text.erase(m_caret, to - m_caret);
    return true;
}

bool SearchField::move_left()
{
    if (m_caret == 0) {
        return false;
    }
    m_caret = text::previous_grapheme_boundary(m_text, m_caret);
    return true;
}

bool SearchField::move_right()
{
    if (m_caret >= m_text.size()) {
        return false;
    }
    m_caret = text::next_grapheme_boundary(m_text, m_caret);
    return true;
}

bool SearchField::move_home()
{
    const bool moved = m_caret != 0;
    m_caret = 0;
    return moved;
}

bool SearchField::move_end()
{
    const bool moved = m_caret != m_text.size();
    m_caret = m_text.size();
    return moved;
}

void SearchField::set_caret(std::size_t offset)
{
    offset = std::min(offset, m_text.size());
    while (offset > 0 && !text::is_grapheme_boundary(m_text, offset)) {
        offset = text::previous_grapheme_boundary(m_text, offset);
    }
    m_caret = offset;
}

void SearchField::set_composition(std::string_view utf8)
{
    m_composition = std::string(cut_to(clean_typed_text(utf8), search_field_max_bytes));
}

void SearchField::set_text(std::string_view utf8)
{
    clear();
    insert(utf8);
}

void SearchField::clear()
{
    m_text.clear();
    m_composition.clear();
    m_caret = 0;
}

std::string_view SearchField::word_before_caret() const
{
    std::size_t start = m_caret;
    while (start > 0) {
        const std::size_t before = utf8::previous_boundary(m_text, start);
        std::size_t pos = before;
        if (!is_word_char(utf8::decode(m_text, pos))) {
            break;
        }
        start = before;
    }
    return std::string_view(m_text).substr(start, m_caret - start);
}

void SearchField::complete_word(std::string_view word)
{
    m_composition.clear();
    const std::size_t start = m_caret - word_before_caret().size();
    m_text.erase(start, m_caret - start);
    m_caret = start;
    // The completion replaces the word even when the box is nearly full.
    const std::string replacement = std::string(word) + " ";
    const std::size_t room = search_field_max_bytes - std::min(search_field_max_bytes, m_text.size());
    // The cleaned text must outlive the view cut from it.
    const std::string cleaned = clean_typed_text(replacement);
    const std::string_view fitted = cut_to(cleaned, room);
    m_text.insert(m_caret, fitted);
    m_caret += fitted.size();
}

std::string SearchField::display_text() const
{
    if (m_composition.empty()) {
        return m_text;
    }
    std::string out = m_text.substr(0, m_caret);
    out += m_composition;
    out += m_text.substr(m_caret);
    return out;
}

} // namespace ck::screens
