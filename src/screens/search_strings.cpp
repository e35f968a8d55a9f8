// Keys and English texts as in content_pack/README.md's table; collection.toml carries both
// languages.
#include "screens/search_strings.hpp"

#include <array>

namespace ck::screens {
namespace {

struct Fallback {
    std::string_view key;
    std::string_view en;
};

constexpr std::array<Fallback, 31> fallbacks = { {
    { "search.title", "Search" },
    { "search.placeholder", "Type a word, a name or a place" },
    { "search.results", "{n} cables found" },
    { "search.results_about", "About {n} cables found" },
    { "search.result_one", "1 cable found" },
    { "search.nothing", "Nothing found" },
    { "search.try", "Try a shorter word, or one of these:" },
    { "search.filters", "Filters" },
    { "search.year", "Years" },
    { "search.classification", "Classification" },
    { "search.origin", "Sent from" },
    { "search.tag", "Tag" },
    { "search.clear", "Clear" },
    { "search.clear_text", "Clear the search box" },
    { "search.suggestions", "Suggestions" },
    { "search.more", "Show more" },
    { "search.decade", "{decade}s" },
    { "search.by_relevance", "Best matches first" },
    { "search.by_subject", "Subject matches first, then by date" },
    { "search.by_date", "By date" },
    { "search.widened", "Also searched: {list}" },
    { "search.empty_hint", "Results appear as you type. Or start from a topic:" },
    { "search.more_letters",
        "Type a few more letters: one letter is in nearly every document. Or start from a topic:" },
    { "search.chosen", "{group}: {value}" },
    { "keyboard.key", "Key {key}" },
    { "keyboard.show", "Keyboard" },
    { "keyboard.space", "Space" },
    { "keyboard.backspace", "Delete" },
    { "keyboard.done", "Done" },
    { "keyboard.mark", "Voiced or small kana" },
    { "keyboard.mode", "Switch to {key}" },
} };

} // namespace

std::string_view search_fallback(std::string_view key)
{
    for (const Fallback& f : fallbacks) {
        if (f.key == key) {
            return f.en;
        }
    }
    return {};
}

std::string search_text(const Strings& strings, std::string_view key,
    std::initializer_list<std::pair<std::string_view, std::string>> values)
{
    std::string text = strings.format(key, values);
    if (!text.empty()) {
        return text;
    }
    text = std::string(search_fallback(key));
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
