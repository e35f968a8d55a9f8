// Turns the bytes of a cable file into clean UTF-8 text with '\n' line ends: BOM removed, UTF-8 or
// CP1252/ISO-8859-1 detected, CRLF and CR-only endings unified, NULs, form feeds, other control
// characters and bidirectional overrides dropped. Line numbers of the source are preserved.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ck::cable {

enum class InputEncoding {
    utf8, // well-formed UTF-8
    utf8_repaired, // mostly UTF-8; ill-formed sequences became U+FFFD
    cp1252, // not UTF-8: read as Windows-1252 (a superset of ISO-8859-1's printable range)
};

struct NormalizedText {
    std::string text;
    InputEncoding encoding = InputEncoding::utf8;
    std::size_t replaced = 0; // ill-formed UTF-8 sequences replaced by U+FFFD
    std::size_t dropped_controls = 0; // NULs, form feeds, C0/C1 controls, bidi overrides removed
    bool had_bom = false;
};

NormalizedText normalize_input(std::string_view bytes);

// True when the bytes look like a binary file rather than text (many NULs or control bytes).
bool looks_binary(std::string_view bytes);

} // namespace ck::cable
