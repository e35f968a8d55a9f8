// Origin wording.
#include "cable/origin.hpp"

#include "cable/text_util.hpp"

#include <array>

namespace ck::cable {
namespace {

bool is_acronym(std::string_view w)
{
    static constexpr std::array<std::string_view, 16> acronyms = { "UNVIE", "USUN", "USEU", "USOSCE",
        "USNATO", "OECD", "UNESCO", "ICAO", "IAEA", "UN", "US", "USTR", "NATO", "CD", "FAO", "DC" };
    for (const std::string_view a : acronyms) {
        if (text::iequals(w, a)) {
            return true;
        }
    }
    for (const char c : w) {
        if (text::is_digit(c)) {
            return true;
        }
    }
    return false;
}

// "KUALA LUMPUR" -> "Kuala Lumpur", "UNVIE VIENNA" -> "UNVIE Vienna".
std::string title_case(const std::vector<std::string_view>& words, std::size_t from)
{
    std::string out;
    for (std::size_t i = from; i < words.size(); ++i) {
        if (!out.empty()) {
            out.push_back(' ');
        }
        const std::string_view w = words[i];
        if (is_acronym(w)) {
            out.append(text::to_upper(w));
            continue;
        }
        bool start = true;
        for (const char c : w) {
            out.push_back(
                start ? text::to_upper(c) : (text::is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c));
            start = !text::is_alpha(c);
        }
    }
    return out;
}

} // namespace

std::string origin_from_addressee(std::string_view from)
{
    const std::vector<std::string_view> words = text::split_words(from);
    if (words.empty()) {
        return {};
    }
    const std::string first = text::to_upper(words[0]);
    struct Prefix {
        std::string_view word;
        std::string_view wording;
    };
    static constexpr std::array<Prefix, 9> prefixes = { {
        { "AMEMBASSY", "Embassy" },
        { "AMCONSUL", "Consulate" },
        { "AMCONGEN", "Consulate" },
        { "AMCONSULATE", "Consulate" },
        { "USMISSION", "Mission" },
        { "USINT", "US Interests Section" },
        { "USLO", "US Liaison Office" },
        { "USOFFICE", "US Office" },
        { "USDEL", "US Delegation" },
    } };
    if (first == "SECSTATE") {
        return "Secretary of State";
    }
    if (first == "AIT" && words.size() > 1) {
        return "American Institute Taiwan, " + title_case(words, 1);
    }
    if (first == "USNATO" || first == "USEU" || first == "USUN" || first == "USOSCE") {
        return "Mission " + title_case(words, 0);
    }
    for (const Prefix& p : prefixes) {
        if (first == p.word && words.size() > 1) {
            return std::string(p.wording) + " " + title_case(words, 1);
        }
    }
    return {};
}

std::string addressee_from_origin(std::string_view origin)
{
    const std::vector<std::string_view> words = text::split_words(origin);
    if (words.size() < 2) {
        return {};
    }
    if (text::iequals(text::collapse_spaces(origin), "Secretary of State")) {
        return "SECSTATE WASHDC";
    }
    // The wordings origin_from_addressee() writes, back to the prefix a FM line uses.
    struct Wording {
        std::string_view word;
        std::string_view prefix;
    };
    static constexpr std::array<Wording, 3> wordings = { {
        { "Embassy", "AMEMBASSY" },
        { "Consulate", "AMCONSUL" },
        { "Mission", "USMISSION" },
    } };
    for (const Wording& w : wordings) {
        if (!text::iequals(words[0], w.word)) {
            continue;
        }
        // "Mission USNATO": the mission's own name is the whole address.
        const bool named_mission = words.size() == 2 && text::istarts_with(words[1], "US");
        std::string out = named_mission ? std::string() : std::string(w.prefix);
        for (std::size_t i = 1; i < words.size(); ++i) {
            if (!out.empty()) {
                out.push_back(' ');
            }
            out.append(text::to_upper(words[i]));
        }
        return out;
    }
    return {};
}

std::string derive_origin(std::string_view metadata_origin, std::string_view from)
{
    const std::string_view m = text::trim(metadata_origin);
    if (!m.empty()) {
        return std::string(m);
    }
    return origin_from_addressee(from);
}

} // namespace ck::cable
