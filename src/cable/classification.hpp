// Classification banners and caveats: "C O N F I D E N T I A L SECTION 01 OF 02 TOKYO 001723",
// "UNCLAS UNVIE VIENNA 000281", "LIMITED OFFICIAL USE STATE 097844", "SECRET//NOFORN", and the
// caveat lines after a banner (NOFORN, SIPDIS, EXDIS, SENSITIVE, ...). Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck::cable {

struct Banner {
    std::string
        classification; // "SECRET", "CONFIDENTIAL", "LIMITED OFFICIAL USE", "UNCLASSIFIED", "TOP SECRET"
    std::vector<std::string> caveats; // found on the banner line itself ("//NOFORN", "EXDIS")
    std::string station; // the post after the banner, spaces removed: "TOKYO", "UNVIEVIENNA"
    std::string serial; // its serial as written: "001723"
    int section = 0; // "SECTION 01 OF 02": 1 and 2; 0 when absent
    int section_count = 0;
    std::string rest; // everything after the marking, as written
};

// Reads a line that starts with a classification marking, letter-spaced or not. A word that merely
// starts with one ("SECRETARY", "CONFIDENTIALLY") is not a marking.
std::optional<Banner> parse_banner(std::string_view line);

// True when the line is nothing but a marking ("CONFIDENTIAL", "S E C R E T"): page furniture.
bool is_bare_marking(std::string_view line);

// The line with a marking at its very end removed ("... ON DEPFONMIN). CONFIDENTIAL"); the line
// itself when it does not end with one. With `only` given, only that marking is removed.
std::string_view strip_trailing_marking(std::string_view line, std::string_view only = {});

// Caveats named by a whole line after a banner ("NOFORN", "SIPDIS", "SENSITIVE BUT UNCLASSIFIED",
// "FOR OFFICIAL USE ONLY"); nullopt when the line holds anything else.
std::optional<std::vector<std::string>> parse_caveat_line(std::string_view line);

// A metadata classification value: "SECRET//NOFORN", "CONFIDENTIAL", "UNCLASSIFIED//FOR OFFICIAL USE ONLY".
std::optional<Banner> parse_classification_value(std::string_view value);

// Adds `caveat` to `list` unless present.
void add_caveat(std::vector<std::string>& list, std::string caveat);

} // namespace ck::cable
