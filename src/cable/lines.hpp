// A document as numbered lines: views into normalized text, each with its 1-based line number in
// the source file, so every parser can report "file:line". Pure; no I/O.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace ck::cable {

struct Line {
    std::string_view text; // trailing spaces and tabs removed
    std::size_t number = 0; // 1-based line in the source file
};

using Lines = std::vector<Line>;

// Splits '\n'-separated text; `first_number` is the source line of the first line.
Lines split_lines(std::string_view text, std::size_t first_number = 1);

} // namespace ck::cable
