// Internal to src/screens: widget ids that carry an index ("reader.tag:3", "term:12"), as the
// screens make them for rows of a list and read them back when one is tapped.
#pragma once

#include <charconv>
#include <cstddef>
#include <optional>
#include <string_view>

namespace ck::screens {

// The whole decimal number after `prefix` in `id`, or nullopt when `id` has another prefix or
// anything but digits follows it.
inline std::optional<std::size_t> index_after(std::string_view id, std::string_view prefix)
{
    if (id.substr(0, prefix.size()) != prefix) {
        return std::nullopt;
    }
    const std::string_view digits = id.substr(prefix.size());
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size()) {
        return std::nullopt;
    }
    return value;
}

} // namespace ck::screens
