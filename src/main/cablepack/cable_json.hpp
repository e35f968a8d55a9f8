// The JSON form of a Cable, shared by `cablepack parse` (one object per line) and `cablepack export`.
// Keys are the contract of `cablepack parse`; unknown values are null or empty lists, never guesses.
#pragma once

#include "cable/cable.hpp"

#include <nlohmann/json.hpp>

namespace ck::cablepack {

// Whether the (long) display text is written too.
enum class JsonText { omit, include };

nlohmann::json cable_to_json(const ck::cable::Cable& cable, JsonText text = JsonText::omit);

// One line of JSON Lines output: compact, invalid UTF-8 (there should be none) replaced.
std::string to_json_line(const nlohmann::json& value);

} // namespace ck::cablepack
