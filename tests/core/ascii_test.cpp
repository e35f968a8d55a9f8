// core/ascii.hpp: the one definition of ASCII classes and case for every layer, checked at compile
// time where it can be and against the C library's "C" locale for every byte.
#include "core/ascii.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <clocale>

namespace ascii = ck::ascii;

static_assert(ascii::is_space(' ') && ascii::is_space('\t') && ascii::is_space('\n') && ascii::is_space('\v')
    && ascii::is_space('\f') && ascii::is_space('\r'));
static_assert(!ascii::is_space('\0') && !ascii::is_space('x') && !ascii::is_space('\xa0'));
static_assert(
    ascii::to_upper('q') == 'Q' && ascii::to_lower('Q') == 'q' && ascii::to_upper('\xe9') == '\xe9');
static_assert(ascii::iequals("Top Secret", "TOP SECRET") && !ascii::iequals("SECRET", "SECRETS"));
static_assert(ascii::istarts_with("unclassified//fouo", "UNCLAS") && !ascii::istarts_with("UN", "UNCLAS"));
static_assert(ascii::trim(" \t\r\n x y \f\v") == "x y");

TEST_CASE("every byte is classed as the C locale classes it, and bytes of UTF-8 are never letters or spaces")
{
    REQUIRE(std::setlocale(LC_CTYPE, "C") != nullptr);
    for (int b = 0; b < 256; ++b) {
        const char c = static_cast<char>(b);
        INFO("byte " << b);
        CHECK(ascii::is_space(c) == (std::isspace(b) != 0));
        CHECK(ascii::is_digit(c) == (std::isdigit(b) != 0));
        CHECK(ascii::is_alpha(c) == (std::isalpha(b) != 0));
        CHECK(ascii::is_upper(c) == (std::isupper(b) != 0));
        CHECK(ascii::is_lower(c) == (std::islower(b) != 0));
        CHECK(ascii::to_upper(c) == static_cast<char>(std::toupper(b)));
        CHECK(ascii::to_lower(c) == static_cast<char>(std::tolower(b)));
    }
}

TEST_CASE("strings change case byte by byte and leave UTF-8 untouched")
{
    CHECK(ascii::to_upper("Tōkyō embassy") == "TōKYō EMBASSY");
    CHECK(ascii::to_lower("SECSTATE WASHDC") == "secstate washdc");
    CHECK(ascii::iequals("Ärger", "äRGER") == false); // not ASCII: compared exactly
    CHECK(ascii::iequals("", ""));
    CHECK(ascii::istarts_with("anything", ""));
}
