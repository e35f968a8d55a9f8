// TAGS values: "ESTC, COCOM, JA", "[PARM](#) [KNNP](#)", "PFOR, US, JA, (MIYAZAWA, KIICHI)",
// "OVIP (STEINBERG, JAMES B.)", "OVIP CLINTON HILLARY", concatenated runs ("ETRDEINVECINPGOVCS"),
// repeats. Upper-cased, person tags kept whole, duplicates dropped, order kept. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ck::cable {

struct TagList {
    std::vector<std::string> tags;
    bool capped = false; // more than the limit were present; the rest were dropped
};

// Splits a TAGS value (label removed, continuation lines already joined with spaces).
TagList parse_tag_value(std::string_view value, std::size_t max_tags);

// Appends `more` to `list`, keeping order and dropping repeats.
void merge_tags(std::vector<std::string>& list, const std::vector<std::string>& more, std::size_t max_tags);

// True when every word of the line could be a tag code ("IR, RS", "NATO, UK, CN"): such a line
// after a TAGS line continues it.
bool looks_like_tag_continuation(std::string_view line);

// PlusD page headers list tags as "IT - Italy | SPOP - Social Affairs--Population |
// AMBATIELOS, ANTHONY": codes before " - ", person names in parentheses.
std::vector<std::string> parse_plusd_tag_list(std::string_view value, std::size_t max_tags);

} // namespace ck::cable
