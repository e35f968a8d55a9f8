// The QR adapter (src/qr): libqrencode's module matrix for a known permalink, compared with a
// matrix made once by the same settings (byte mode, level M) and read back by a real decoder
// (zbarimg, from a PGM of it), and the fixed patterns every QR code must have.
#include "qr/qr_code.hpp"

#include <doctest/doctest.h>

#include <array>
#include <string>

namespace {

constexpr std::string_view tripoli938 = "https://cablegate.wikileaks.org/cable/2009/11/09TRIPOLI938.html";

// '#' dark, '.' light; version 5, 37 x 37.
constexpr std::array<std::string_view, 37> tripoli938_modules = {
    "#######..#..#..#..#.###.#.....#######",
    "#.....#.....##....##.#....##..#.....#",
    "#.###.#.##..#..#...####.#..#..#.###.#",
    "#.###.#.#.###..#.#.#..#.###.#.#.###.#",
    "#.###.#.###....##.###..#.#..#.#.###.#",
    "#.....#.#.#######.#.#.#..####.#.....#",
    "#######.#.#.#.#.#.#.#.#.#.#.#.#######",
    "........#####.#....#.......#.........",
    "#.#####..#.#.#....#.###.#####.#####..",
    "###..#.#..#...###............###.#.#.",
    "##.##.###.#####..##.#..##.###.##...##",
    "####......###...#.#..###..#..#..##..#",
    ".####.#.#######.##....####.#.##.#####",
    "##..#....#.#..#..#######.#..#..#...#.",
    "#.#..####..#.###.#..##..#..##.####..#",
    ".###.#.....#..##.######.....#.###..##",
    ".##.#.###..###.##..#.#.#.######...#.#",
    "...#...###..#..#.##.###.###...##..##.",
    "##.#..#..#..##.##..#.....####.#.#.###",
    "#.#.....#.#..#.#..#####.#..#.##..#..#",
    ".#....#.#....#.###.#....###..##.#.#..",
    ".#####.#....###...##...#..#.#....#.#.",
    "##.##.#..##..#.#..#.#.#...####.###..#",
    "#.#.#......#..##...##...#..###.##..#.",
    "###..##..#.#.###..#.############..##.",
    "#.#..#.####...###.............##.#...",
    "#...#.###.####......#.#######.#..#.##",
    "#....#.######...#....#.#..##...#.#.#.",
    "#..##.#.#....##.###...#####.#####.##.",
    "........##..###..#####.#.#.##...##...",
    "#######...#.####.#...#....#.#.#.#.#.#",
    "#.....#.#.##.#...###.####.#.#...##.##",
    "#.###.#.##..##.##....#.##########.#..",
    "#.###.#.##..#.##.##.#.#.##.#.##.####.",
    "#.###.#.##..#.####.#..#.#...#.......#",
    "#.....#..##..#.#...####...##.#..#...#",
    "#######.#.#..#.######.#####...#.#..##",
};

std::string row_of(const ck::qr::QrCode& code, int y)
{
    std::string out;
    for (int x = 0; x < code.size; ++x) {
        out += code.dark(x, y) ? '#' : '.';
    }
    return out;
}

// A finder pattern: a 7x7 dark ring, a light ring, a 3x3 dark centre, at (x, y).
bool finder_at(const ck::qr::QrCode& code, int x0, int y0)
{
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (code.dark(x0 + x, y0 + y) != (ring || centre)) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

TEST_CASE("a cablegate permalink encodes to the matrix a real decoder reads back")
{
    auto code = ck::qr::encode(tripoli938);
    REQUIRE(code.ok());
    CHECK(code->version == 5);
    REQUIRE(code->size == 37);
    REQUIRE(code->modules.size() == 37U * 37U);
    for (int y = 0; y < code->size; ++y) {
        INFO("row " << y);
        CHECK(row_of(*code, y) == tripoli938_modules[static_cast<std::size_t>(y)]);
    }
}

TEST_CASE("every code has its three finder patterns and alternating timing patterns")
{
    for (const std::string_view text :
        { std::string_view("https://www.cia.gov/readingroom/document/cia-rdp80b01676r003100290016-2"),
            std::string_view("https://wikileaks.org/plusd/cables/85TOKYO364_a.html"), tripoli938 }) {
        INFO(text);
        auto code = ck::qr::encode(text);
        REQUIRE(code.ok());
        CHECK(code->size == 17 + 4 * code->version);
        CHECK(finder_at(*code, 0, 0));
        CHECK(finder_at(*code, code->size - 7, 0));
        CHECK(finder_at(*code, 0, code->size - 7));
        CHECK_FALSE(finder_at(*code, code->size - 7, code->size - 7));
        for (int i = 8; i < code->size - 8; ++i) {
            CHECK(code->dark(i, 6) == (i % 2 == 0));
            CHECK(code->dark(6, i) == (i % 2 == 0));
        }
    }
}

TEST_CASE("an empty or overlong text is refused with a reason")
{
    auto empty = ck::qr::encode("");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message == "nothing to encode");
    auto longer = ck::qr::encode(std::string(ck::qr::max_text_bytes + 1, 'a'));
    REQUIRE_FALSE(longer.ok());
    CHECK(longer.error().message.find("longer than") != std::string::npos);
    CHECK(ck::qr::encode(std::string(ck::qr::max_text_bytes, 'a')).ok());
}
