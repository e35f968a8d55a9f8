// UI strings in the visitor's language: the pack's, else the kiosk's defaults (the bundled
// exhibit's [ui] tables, compiled in), then the same in English; so a pack without [ui] strings,
// or no pack at all (the out-of-order screen), still shows every label and never a raw key.
#pragma once

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace ck::content {
class Pack;
}

namespace ck::screens {

class Strings {
public:
    Strings(const content::Pack* pack, std::string lang);

    [[nodiscard]] const std::string& lang() const { return m_lang; }
    [[nodiscard]] std::string get(std::string_view key) const;
    // `key`'s text with {name} placeholders filled in.
    // The pack's name for an origin or addressee written in English ("AMEMBASSY TOKYO") in the
    // visitor's language (the names table, compared ignoring case and spacing); empty when the
    // table has none, and always in English.
    [[nodiscard]] std::string name_of(std::string_view english) const;
    [[nodiscard]] std::string format(
        std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> values) const;

private:
    const content::Pack* m_pack;
    std::string m_lang;
};

// The kiosk's default texts, in English and Japanese: empty when there is none.
bool has_builtin_string(std::string_view lang, std::string_view key);
std::string builtin_string(std::string_view lang, std::string_view key);
// Every compiled-in text (the self-test checks that the fonts draw each one).
void for_each_builtin_string(
    const std::function<void(std::string_view lang, std::string_view key, std::string_view text)>& fn);

} // namespace ck::screens
