// The compiled-in strings cover only what the out-of-order screen and the navigation need without
// a pack; everything else comes from the curator's manifest.
#include "screens/strings.hpp"

#include "content/pack.hpp"

#include <array>

namespace ck::screens {
namespace {

struct Builtin {
    std::string_view key;
    std::string_view en;
    std::string_view ja;
};

constexpr std::array<Builtin, 14> builtins = { {
    { "out_of_order.title", "This exhibit is resting", "この展示はただいま休止中です" },
    { "out_of_order.body", "Please ask a member of staff for help.", "係員にお声がけください。" },
    { "nav.back", "Back", "戻る" },
    { "nav.home", "Home", "ホーム" },
    { "nav.search", "Search", "検索" },
    { "nav.large_text", "Large text", "大きな文字" },
    { "nav.high_contrast", "High contrast", "高コントラスト" },
    // The reader's conversation card (reader_thread.cpp): a pack built without a manifest has
    // threads too, so these do not depend on the curator's [ui] strings.
    { "thread.heading", "Conversation", "一連のやり取り" },
    { "thread.position", "{n} of {total} in this conversation", "このやり取りの{total}通のうち{n}通目" },
    { "thread.reading", "You are reading this", "いま読んでいる電報" },
    { "thread.missing", "Not in this collection", "この展示にはありません" },
    { "thread.year", "{year}", "{year}年" },
    { "thread.earlier", "{n} earlier, not shown", "これより前に{n}件" },
    { "thread.later", "{n} later, not shown", "これより後に{n}件" },
} };

} // namespace

void for_each_builtin_string(
    const std::function<void(std::string_view lang, std::string_view key, std::string_view text)>& fn)
{
    for (const Builtin& b : builtins) {
        fn("en", b.key, b.en);
        fn("ja", b.key, b.ja);
    }
}

std::string builtin_string(std::string_view lang, std::string_view key)
{
    for (const Builtin& b : builtins) {
        if (b.key == key) {
            return std::string(lang == "ja" ? b.ja : b.en);
        }
    }
    return {};
}

Strings::Strings(const content::Pack* pack, std::string lang)
    : m_pack(pack)
    , m_lang(std::move(lang))
{
}

std::string Strings::get(std::string_view key) const
{
    if (m_pack != nullptr) {
        std::string text = m_pack->ui_string(m_lang, key);
        if (text != key) {
            return text;
        }
    }
    std::string builtin = builtin_string(m_lang, key);
    if (builtin.empty()) {
        builtin = builtin_string("en", key);
    }
    // Never show a raw key: an unknown key shows nothing rather than "search.try".
    return builtin;
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
