// Cable ids in the two forms the archives use: CORE document numbers ("1977STATE158046": four-digit
// year, six-digit STATE serial, five digits for posts) and cablegate ids ("08TOKYO1723": two-digit
// year, no zero padding). Ids a source states are kept as written, however garbled
// ("08SCTION02OF02SAOPAULO335"): re-deriving them would invent a different cable. Pure.
#pragma once

#include <string>
#include <string_view>

namespace ck::cable {

enum class IdEra { core, cablegate };

// core when the id starts with a plausible four-digit year, else cablegate.
IdEra era_of_id(std::string_view id);

// The year an id names (1977, 2008); 0 when it names none.
int year_of_id(std::string_view id);

// True for "NNSTATIONNNNN" or "NNNNSTATIONNNNN" with letters only in the station.
bool is_well_formed_id(std::string_view id);

// The post as ids write it: letters only, upper case, with the archive's own aliases
// ("SECSTATE" -> "STATE", "KUALA LUMPUR" -> "KUALALUMPUR", "USUN" -> "USUNNEWYORK").
std::string canonical_station(std::string_view words);

// The post part of an id for a sender: "AMEMBASSY TOKYO" -> "TOKYO", "SECSTATE WASHDC" -> "STATE",
// "USMISSION USUN NEW YORK" -> "USUNNEWYORK"; empty for senders that are no post.
std::string station_of_sender(std::string_view from);

// Builds an id from its parts; `serial` may carry leading zeros or a leading '-'.
std::string make_cable_id(int year, std::string_view station, std::string_view serial, IdEra era);

// "1973STATE097844_b" -> "1973STATE097844": PlusD page suffixes are not part of the id.
std::string_view strip_page_suffix(std::string_view id);

} // namespace ck::cable
