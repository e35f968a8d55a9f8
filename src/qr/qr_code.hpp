// A QR code as plain data: the module matrix libqrencode produced for a text, with no quiet zone
// (the drawing code adds it). Only src/qr includes libqrencode; screens draw from this struct.
#pragma once

#include "core/result.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace ck::qr {

struct QrCode {
    int size = 0; // modules per side (21 for version 1, +4 per version)
    int version = 0;
    std::vector<std::uint8_t> modules; // size * size, row by row; 1 = dark
    [[nodiscard]] bool dark(int x, int y) const
    {
        return modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(size)
                   + static_cast<std::size_t>(x)]
            != 0;
    }
};

// The modules a phone needs around the code to find it (ISO/IEC 18004 asks for four).
inline constexpr int quiet_zone_modules = 4;
// The longest text encoded: a permalink, never a document. Keeps the code at a version a phone
// reads from arm's length at the size the reader draws it.
inline constexpr std::size_t max_text_bytes = 256;

// Encodes `text` in byte mode at error correction level M (15 % of the code may be lost: a smudge
// or a reflection on the glass), in the smallest version that holds it. Fails for an empty or too
// long text, or when libqrencode cannot encode it.
Result<QrCode> encode(std::string_view text);

} // namespace ck::qr
