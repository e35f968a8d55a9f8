// The sending post in words, as the cablegate metadata writes it: "Embassy Tokyo", "Consulate
// Shanghai", "Secretary of State", "Mission UNVIE Vienna". Taken from the source's metadata where it
// has an origin, else derived from the FM addressee. Pure.
#pragma once

#include <string>
#include <string_view>

namespace ck::cable {

// `metadata_origin` wins when not empty; otherwise the FM line decides; empty when neither is known.
std::string derive_origin(std::string_view metadata_origin, std::string_view from);

// "AMEMBASSY TOKYO" -> "Embassy Tokyo", "AMCONSUL SHANGHAI" -> "Consulate Shanghai",
// "SECSTATE WASHDC" -> "Secretary of State", "USMISSION UNVIE VIENNA" -> "Mission UNVIE Vienna";
// empty for addressees that name no post we know how to word.
std::string origin_from_addressee(std::string_view from);

// The reverse, for pages whose telegram has no FM line (partial extracts): "Embassy Paris" ->
// "AMEMBASSY PARIS", "Consulate Shanghai" -> "AMCONSUL SHANGHAI", "Secretary of State" -> "SECSTATE
// WASHDC"; empty for wordings with no FM form.
std::string addressee_from_origin(std::string_view origin);

} // namespace ck::cable
