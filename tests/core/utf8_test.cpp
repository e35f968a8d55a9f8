#include "core/utf8.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace std::string_literals;

TEST_CASE("decoding well-formed UTF-8 yields each code point and advances past it")
{
    const std::string text = "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x8F\xB3"; // A é € 🏳
    std::size_t pos = 0;
    CHECK(ck::utf8::decode(text, pos) == U'A');
    CHECK(ck::utf8::decode(text, pos) == U'é');
    CHECK(ck::utf8::decode(text, pos) == U'€');
    CHECK(ck::utf8::decode(text, pos) == U'\U0001F3F3');
    CHECK(pos == text.size());
}

TEST_CASE("ill-formed sequences become U+FFFD one byte at a time")
{
    struct Case {
        std::string bytes;
        const char* what;
    };
    const Case cases[] = {
        { "\xC0\xAF", "overlong slash" },
        { "\x80", "lone continuation byte" },
        { "\xED\xA0\x80", "encoded surrogate" },
        { "\xE2\x82", "truncated sequence" },
        { "\xF5\x80\x80\x80", "beyond U+10FFFF" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK_FALSE(ck::utf8::is_valid(c.bytes));
        const std::string clean = ck::utf8::sanitize(c.bytes);
        CHECK(ck::utf8::is_valid(clean));
        CHECK(clean.find("\xEF\xBF\xBD") != std::string::npos);
    }
}

TEST_CASE("a literal U+FFFD in the input is valid UTF-8")
{
    CHECK(ck::utf8::is_valid("a\xEF\xBF\xBD"
                             "b"));
}

TEST_CASE("CP1252 maps smart quotes and the euro sign, Latin-1 maps bytes to code points")
{
    CHECK(ck::utf8::from_cp1252("ITALY\x92S") == "ITALY\xE2\x80\x99S");
    CHECK(ck::utf8::from_cp1252("\x80") == "\xE2\x82\xAC");
    CHECK(ck::utf8::from_latin1("\xB6"
                                "1.")
        == "\xC2\xB6"
           "1.");
    CHECK(ck::utf8::from_latin1("\x92") == "\xC2\x92");
}

TEST_CASE("previous_boundary steps back over one whole code point")
{
    const std::string text = "a\xC3\xA9"
                             "b";
    CHECK(ck::utf8::previous_boundary(text, 4) == 3);
    CHECK(ck::utf8::previous_boundary(text, 3) == 1);
    CHECK(ck::utf8::previous_boundary(text, 1) == 0);
    CHECK(ck::utf8::previous_boundary(text, 0) == 0);
}

TEST_CASE("length counts code points")
{
    CHECK(ck::utf8::length("Gen\xC3\xA8ve") == 6);
    CHECK(ck::utf8::length("") == 0);
}
