// The compiled-in strings are the bundled exhibit's [ui.en] and [ui.ja] tables (generated at build
// time from content_pack/collection.toml, so they are written once) plus a few keys no manifest
// sets. A pack's own [ui] strings override them key by key; a pack without any (an archive built
// without a manifest) gets a complete kiosk in English and Japanese from these alone.
#include "screens/strings.hpp"

#include "content/pack.hpp"

#include <array>
#include <map>

namespace ck::screens {
namespace {

struct Builtin {
    std::string_view key;
    std::string_view en;
    std::string_view ja;
};

// Keys that no manifest sets: the reader's conversation card (reader_thread.cpp) is the kiosk's.
constexpr std::array<Builtin, 7> kiosk_only = { {
    { "thread.heading", "Conversation", "一連のやり取り" },
    { "thread.position", "{n} of {total} in this conversation", "このやり取りの{total}通のうち{n}通目" },
    { "thread.reading", "You are reading this", "いま読んでいる電報" },
    { "thread.missing", "Not in this collection", "この展示にはありません" },
    { "thread.year", "{year}", "{year}年" },
    { "thread.earlier", "{n} earlier, not shown", "これより前に{n}件" },
    { "thread.later", "{n} later, not shown", "これより後に{n}件" },
} };

struct Default {
    std::string_view lang;
    std::string_view key;
    std::string_view text;
};

// The bundled manifest's [ui.*] lines, in file order.
constexpr Default manifest_defaults[] = {
#include "ui_defaults.inc"
};

} // namespace

void for_each_builtin_string(
    const std::function<void(std::string_view lang, std::string_view key, std::string_view text)>& fn)
{
    for (const Default& d : manifest_defaults) {
        fn(d.lang, d.key, d.text);
    }
    for (const Builtin& b : kiosk_only) {
        fn("en", b.key, b.en);
        fn("ja", b.key, b.ja);
    }
}

namespace {

// Every default by (lang, key), made once: Strings::get runs for every label of every frame.
const std::string_view* find_builtin(std::string_view lang, std::string_view key)
{
    using Index = std::map<std::pair<std::string_view, std::string_view>, std::string_view>;
    static const Index index = [] {
        Index out;
        for_each_builtin_string([&out](std::string_view l, std::string_view k, std::string_view text) {
            out.emplace(std::pair { l, k }, text);
        });
        return out;
    }();
    const auto it = index.find({ lang, key });
    return it == index.end() ? nullptr : &it->second;
}

} // namespace

bool has_builtin_string(std::string_view lang, std::string_view key)
{
    return find_builtin(lang, key) != nullptr;
}

std::string builtin_string(std::string_view lang, std::string_view key)
{
    const std::string_view* text = find_builtin(lang, key);
    return text == nullptr ? std::string() : std::string(*text);
}

Strings::Strings(const content::Pack* pack, std::string lang)
    : m_pack(pack)
    , m_lang(std::move(lang))
{
}

std::string Strings::get(std::string_view key) const
{
    // The pack's text in the visitor's language, else the kiosk's, before any English: a pack
    // without [ui.ja] still gets a Japanese screen.
    for (const std::string_view lang : { std::string_view(m_lang), std::string_view("en") }) {
        if (m_pack != nullptr) {
            const auto& ui = m_pack->collection().ui;
            if (const auto strings = ui.find(std::string(lang)); strings != ui.end()) {
                if (const auto it = strings->second.find(std::string(key)); it != strings->second.end()) {
                    return it->second;
                }
            }
        }
        // A default may be deliberately empty ("reader.language_value" in English).
        if (has_builtin_string(lang, key)) {
            return builtin_string(lang, key);
        }
    }
    // Never show a raw key: an unknown key shows nothing rather than "search.try".
    return {};
}

std::string Strings::name_of(std::string_view english) const
{
    if (m_pack == nullptr || m_lang == "en" || english.empty()) {
        return {};
    }
    const auto& names = m_pack->collection().names;
    const auto it = names.find(content::name_key(english));
    if (it == names.end()) {
        return {};
    }
    const auto local = it->second.find(m_lang);
    return local == it->second.end() ? std::string() : local->second;
}

std::string Strings::format(
    std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> values) const
{
    std::string text = get(key);
    for (const auto& [name, value] : values) {
        const std::string placeholder = "{" + std::string(name) + "}";
        for (std::size_t pos = text.find(placeholder); pos != std::string::npos;
             pos = text.find(placeholder, pos + value.size())) {
            text.replace(pos, placeholder.size(), value);
        }
    }
    return text;
}

} // namespace ck::screens
