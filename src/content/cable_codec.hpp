// Internal to src/content: a compact binary form of a Cable, used to stage parsed cables on disk
// while a build sorts them by date. Length-prefixed fields; decoding checks every length.
#pragma once

#include "cable/cable.hpp"
#include "core/result.hpp"

#include <string>
#include <string_view>

namespace ck::content::codec {

std::string encode(const cable::Cable& cable);
Result<cable::Cable> decode(std::string_view bytes);

} // namespace ck::content::codec
