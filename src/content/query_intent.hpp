// What a visitor's words may mean besides the words themselves: a cable id or a reference as
// written in a REF line ("08 TOKYO 1723", "STATE 158046", "1977STATE158046"), and a time ("1977",
// "1970s", "July 1977", "1977年7月"). Pure text rules, no SQL: search.cpp looks the results up.
// Cables that match an id or a time are listed before the full-text matches, which still follow.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck::content {

// One way to read part of the query as a cable id: the station and serial, and the year when it
// was written. `key` is the reference key (content/pack_writer.hpp) when the year is known.
struct IdReading {
    std::optional<int> year; // four digits, a two-digit year already widened
    std::string station; // letters, upper case, words joined ("SAOPAULO")
    std::string serial; // digits without leading zeros
    friend bool operator==(const IdReading&, const IdReading&) = default;
};

// Every reading of `text` as an id, the most specific first (a written year first; a station of
// one word before longer ones). At most id_readings_max, so the lookups stay bounded.
inline constexpr std::size_t id_readings_max = 6;
std::vector<IdReading> id_readings(std::string_view text);
// The reference key of a reading for a given year ("2008TOKYO1723").
std::string id_key(const IdReading& reading, int year);

// A span of time named in the query: whole years, or one month of one year.
struct TimeSpan {
    int year_from = 0;
    int year_to = 0;
    int month = 0; // 1..12 when a month and a year were named (then year_from == year_to)
    // The query without the words that named the time, for searching the rest within it.
    std::string rest;
    friend bool operator==(const TimeSpan&, const TimeSpan&) = default;
};
// The first time named in `text`: a year from 1900 to 2099 standing alone, a decade ("1970s",
// "1970's", "70s"), a range ("1977-1980"), a month and year in either order ("July 1977", "jul
// 1977", "1977 July", "1977-07", "7/1977"), or the Japanese forms (1977年, 1970年代, 1977年7月).
std::optional<TimeSpan> time_span(std::string_view text);

// English function words ("the", "which"), folded as the index folds them: completion never
// offers them, since a visitor never means one of them as what to search for.
bool is_stop_word(std::string_view folded);

// Whether a filter value typed by a curator stands for a facet value. Case never matters; with
// `partial`, every typed word must be a word of the value ("tokyo" is "Embassy Tokyo").
enum class FilterMatch { whole, words };
bool filter_matches(std::string_view typed, std::string_view value, FilterMatch how);

} // namespace ck::content
