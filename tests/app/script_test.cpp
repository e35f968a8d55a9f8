#include "app/script.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace ck::app::script;

TEST_CASE("every documented command parses into its value")
{
    const auto lines = parse(R"(# a walk through the reader
wait 250
tap 100 200
tap "Export controls"
longpress 10 20 800
longpress "PREL" 700
drag 100 900 100 300 400
fling 100 900 100 300 120
pinch 960 540 1.8 300
back
key Return
key ctrl+alt+F1
type who's on first? # not a comment
shot reader-top
dump reader.state
expect screen reader
expect text "DIVERSION OF STRATEGIC GOODS"
expect no-text "syntax error"
storm 10 500 7
compose にほん
wheel 500 500 -3
)",
        "walk.script");
    REQUIRE(lines.ok());
    REQUIRE(lines->size() == 20);
    const auto& v = *lines;
    CHECK(std::get<Wait>(v[0].command).ms == 250);
    CHECK(v[0].number == 2);
    CHECK(std::get<Tap>(v[1].command).target.point.x == 100);
    CHECK(std::get<Tap>(v[2].command).target.by_label);
    CHECK(std::get<Tap>(v[2].command).target.label == "Export controls");
    CHECK(std::get<LongPress>(v[3].command).ms == 800);
    CHECK(std::get<LongPress>(v[4].command).target.label == "PREL");
    CHECK_FALSE(std::get<Drag>(v[5].command).fling);
    CHECK(std::get<Drag>(v[6].command).fling);
    CHECK(std::get<Pinch>(v[7].command).scale == doctest::Approx(1.8f));
    CHECK(std::holds_alternative<Back>(v[8].command));
    CHECK(std::get<KeyPress>(v[10].command).chord == "ctrl+alt+F1");
    CHECK(std::get<TypeText>(v[11].command).text == "who's on first? # not a comment");
    CHECK(std::get<Shot>(v[12].command).name == "reader-top");
    CHECK(std::get<Dump>(v[13].command).name == "reader.state");
    CHECK(std::get<ExpectScreen>(v[14].command).name == "reader");
    CHECK(std::get<ExpectText>(v[15].command).text == "DIVERSION OF STRATEGIC GOODS");
    CHECK_FALSE(std::get<ExpectText>(v[16].command).present);
    CHECK(std::get<Storm>(v[17].command).fingers == 10);
    CHECK(std::get<Compose>(v[18].command).text == "にほん");
    CHECK(std::get<Wheel>(v[19].command).dy == doctest::Approx(-3));
}

TEST_CASE("a key name may contain spaces, as SDL's names do")
{
    const auto cmd = parse_line("key ctrl+Left GUI  ");
    REQUIRE(cmd.ok());
    CHECK(std::get<KeyPress>(*cmd).chord == "ctrl+Left GUI");
}

TEST_CASE("open names a cable for generated tours and benchmarks")
{
    const auto cmd = parse_line("open 1977STATE158046");
    REQUIRE(cmd.ok());
    CHECK(std::get<Open>(*cmd).cable == "1977STATE158046");
    CHECK_FALSE(parse_line("open").ok());
    CHECK_FALSE(parse_line("open   ").ok());
}

TEST_CASE("open takes the rest of the line, since some document ids hold spaces")
{
    const auto cmd = parse_line("open  NARA 104-10176-10020 \r");
    REQUIRE(cmd.ok());
    CHECK(std::get<Open>(*cmd).cable == "NARA 104-10176-10020");
}

TEST_CASE("a tap can name a widget by its id for generated scripts")
{
    const auto cmd = parse_line("tap @row:08TOKYO1723");
    REQUIRE(cmd.ok());
    CHECK(std::get<Tap>(*cmd).target.by_id);
    CHECK(std::get<Tap>(*cmd).target.label == "row:08TOKYO1723");
    CHECK_FALSE(parse_line("tap @").ok());
}

TEST_CASE("type keeps the rest of the line verbatim, spaces and quotes included")
{
    const auto cmd = parse_line("type   \"unbalanced  ");
    REQUIRE(cmd.ok());
    CHECK(std::get<TypeText>(*cmd).text == "  \"unbalanced  ");
}

TEST_CASE("a malformed line is rejected with the script name and its line number")
{
    struct Case {
        const char* script;
        const char* expected;
    };
    const Case cases[] = {
        { "wait 10\ntap 100\n", "walk:2: expected y" },
        { "jump 1 2\n", "walk:1: unknown command 'jump'" },
        { "\n\ntap \"unterminated\n", "walk:3: unterminated quoted label" },
        { "wait -5\n", "walk:1: milliseconds must be between 0 and 86400000" },
        { "wait 10 20\n", "walk:1: unexpected '20' at the end of the line" },
        { "shot ../../etc/passwd\n", "walk:1: a shot name may use letters, digits, '-', '_' and '.' only" },
        { "expect colour red\n",
            "walk:1: expect what? use 'expect screen NAME', 'expect staff STATE', 'expect text \"TEXT\"', "
            "'expect no-text \"TEXT\"' or 'expect pack N'" },
        { "expect pack one\n", "walk:1: expected a number for a release sequence, got 'one'" },
        { "drop\n", "walk:1: drop needs the path of a pack (its .minisig beside it)" },
        { "pinch 1 2 0 100\n", "walk:1: pinch scale must be between 0.05 and 20" },
        { "tap nan 5\n", "walk:1: expected a number for x, got 'nan'" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.script);
        const auto result = parse(c.script, "walk");
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().to_string() == c.expected);
    }
}

TEST_CASE("comments, blank lines and CRLF line ends are skipped")
{
    const auto lines = parse("# only a comment\r\n\r\n   \r\n  wait 5\r\n", "x");
    REQUIRE(lines.ok());
    REQUIRE(lines->size() == 1);
    CHECK(lines->front().number == 4);
    CHECK(lines->front().text == "wait 5");
}

TEST_CASE("expect staff names the staff mode's state, and needs one")
{
    const auto ok = ck::app::script::parse_line("expect staff locked");
    REQUIRE(ok.ok());
    CHECK(std::get<ck::app::script::ExpectStaff>(*ok).state == "locked");
    const auto missing = ck::app::script::parse_line("expect staff");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().to_string().find("expect staff needs a state") != std::string::npos);
}
