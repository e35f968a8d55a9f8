// The search screen's Japanese keyboard: which layout shows, what kana keys do, and the strip of
// terms offered for the kana typed. Kana waits outside the box's text (drawn as its composition,
// underlined and not searched), so a half-typed reading never searches the English cables for
// "にほ" and fills the screen with "nothing found"; a tapped term replaces it and is searched.
#include "core/utf8.hpp"
#include "screens/search_screen.hpp"
#include "ui/romaji.hpp"

namespace ck::screens {
namespace {

bool is_kana_text(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (!content::is_reading_char(utf8::decode(text, pos))) {
            return false;
        }
    }
    return !text.empty();
}

} // namespace

void SearchScreen::follow_language(const Env& env)
{
    const std::string& lang = env.strings.lang();
    if (lang == m_layout_lang) {
        return;
    }
    // A new language brings its own keyboard: kana for Japanese, QWERTY otherwise.
    commit_kana();
    m_layout_lang = lang;
    m_layout = lang == "ja" ? ui::KeyboardLayout::kana : ui::KeyboardLayout::latin;
}

void SearchScreen::show_kana()
{
    m_field.set_composition(m_kana.pending());
}

void SearchScreen::commit_kana()
{
    if (m_kana.empty()) {
        return;
    }
    m_field.insert(m_kana.take()); // insert() ends the composition too
    search();
}

// Keys of the Japanese layouts; false for a key the QWERTY controller handles as usual.
bool SearchScreen::press_kana_key(const ui::KeyboardKey& key)
{
    switch (key.action) {
    case ui::KeyAction::mode:
        commit_kana();
        if (key.text == "kana") {
            m_layout = ui::KeyboardLayout::kana;
        } else {
            m_layout = key.text == "digits" ? ui::KeyboardLayout::digits : ui::KeyboardLayout::latin;
        }
        return true;
    case ui::KeyAction::mark:
        if (m_kana.mark()) {
            show_kana();
        }
        return true;
    case ui::KeyAction::insert:
        if (m_layout != ui::KeyboardLayout::kana || !is_kana_text(key.text)) {
            commit_kana();
            return false;
        }
        m_kana.type(key.text);
        show_kana();
        return true;
    case ui::KeyAction::backspace:
        if (!m_kana.backspace()) {
            return false;
        }
        show_kana();
        return true;
    case ui::KeyAction::space:
        // Space commits the kana as typed (a reading the table lacks can still be searched).
        if (m_kana.empty()) {
            return false;
        }
        commit_kana();
        return true;
    case ui::KeyAction::hide:
        commit_kana();
        return false;
    }
    return false;
}

std::vector<ChipSpec> SearchScreen::kana_chips() const
{
    std::vector<ChipSpec> out;
    if (m_pack == nullptr) {
        return out;
    }
    if (!m_kana.empty()) {
        for (std::string& term : kana_suggestions(m_pack->collection().readings_ja, m_kana.pending())) {
            out.push_back(
                { std::string(kana_prefix) + term, term, false, ui::Look::outline, ui::Icon::search });
        }
        return out;
    }
    // In the Japanese UI, romaji or katakana typed on a USB keyboard (a kiosk has no input method)
    // gets the same offers; a tapped term replaces the typed word, as a completion does.
    const std::optional<std::string> reading = typed_reading();
    if (!reading) {
        return out;
    }
    for (std::string& term : kana_suggestions(m_pack->collection().readings_ja, *reading)) {
        out.push_back(
            { std::string(complete_prefix) + term, term, false, ui::Look::outline, ui::Icon::search });
    }
    return out;
}

// The word being typed as hiragana, in the Japanese UI only and from two kana on ("ni" alone
// would offer every term read に...); nothing otherwise.
std::optional<std::string> SearchScreen::typed_reading() const
{
    const std::string_view typed = m_field.word_before_caret();
    if (m_layout_lang != "ja" || typed.empty() || m_field.caret() != m_field.text().size()) {
        return std::nullopt;
    }
    std::optional<std::string> reading = ui::kana::to_hiragana(typed);
    if (!reading || utf8::length(*reading) < 2) {
        return std::nullopt;
    }
    return reading;
}

} // namespace ck::screens
