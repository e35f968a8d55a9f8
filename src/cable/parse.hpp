// The cable parser's entry point: the bytes of one file in, every cable found in it out (a CSV
// file holds many), with every problem as a "file:line: what is wrong" diagnostic. The format is
// detected from the text's structure. Pure: no I/O beyond the bytes handed in; never throws on
// bad input, and caps pathological sizes (see limits.hpp).
#pragma once

#include "cable/cable.hpp"

#include <string_view>

namespace ck::cable {

// `source_name` is used only to label diagnostics and Cable::source_file.
ParseOutput parse(std::string_view bytes, std::string_view source_name);

} // namespace ck::cable
