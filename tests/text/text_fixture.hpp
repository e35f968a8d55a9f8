// Shared by the text tests: one FontSet with Debian's fonts (loading them per test case would
// dominate the suite's time), and UTF-8 from code points.
#pragma once

#include "core/utf8.hpp"
#include "text/font_set.hpp"

#include <doctest/doctest.h>

#include <string>

namespace ck::text::test {

inline FontSet& fonts()
{
    static auto set = [] {
        auto created = FontSet::create(FontPaths::debian_defaults());
        REQUIRE_MESSAGE(created.ok(), (created.ok() ? "" : created.error().to_string()));
        return std::move(created.value());
    }();
    return *set;
}

inline std::string u8(std::u32string_view cps)
{
    std::string out;
    for (const char32_t cp : cps) {
        utf8::append(out, cp);
    }
    return out;
}

inline std::string repeat(std::string_view piece, std::size_t times)
{
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) {
        out += piece;
    }
    return out;
}

} // namespace ck::text::test
