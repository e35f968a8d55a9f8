// FNV-1a, 64 bits: a small, stable hash for naming things after text (cache keys, file names).
// Not for security: where tampering matters, libsodium's BLAKE2b is used (src/content).
#pragma once

#include <cstdint>
#include <string_view>

namespace ck {

constexpr std::uint64_t fnv1a(std::string_view text)
{
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    }
    return hash;
}

} // namespace ck
