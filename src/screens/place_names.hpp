// Origins and addressees in the visitor's language: the pack's names table (content_pack/
// names_ja.tsv, content/name_tables.hpp) gives the usual Japanese name of a post ("AMEMBASSY TOKYO"
// is 在東京米国大使館, "SECSTATE WASHDC" 国務長官); a post it does not name keeps its English form.
// Used by the rows, the reader's header card and the About facts.
#pragma once

#include "screens/strings.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ck::screens {

// The name of a post in the visitor's language, tried as the cable writes it (`written`, "AMEMBASSY
// TOKYO") and as the kiosk words it (`shown`, "Embassy Tokyo"); `shown` when the table has neither
// (and always in English).
std::string place_name(const Strings& strings, std::string_view written, std::string_view shown);

// The same for lists of addressees, pairwise; `shown` as is when the lists differ in length.
std::vector<std::string> place_names(
    const Strings& strings, const std::vector<std::string>& written, const std::vector<std::string>& shown);

} // namespace ck::screens
