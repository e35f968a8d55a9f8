// The date-time group of a telegram ("P 072138Z JUL 77", "O P 161515Z SEP 09", "P R 221828 Z MAY 73")
// and the precedence its letters name, decoded to UTC with the century chosen sensibly. Pure.
#pragma once

#include "cable/cable.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace ck::cable {

struct Dtg {
    char action_precedence = 'R'; // first precedence letter: Z, O, P or R
    int day = 0;
    int hour = 0;
    int minute = 0;
    int month = 0; // 1..12
    int two_digit_year = 0; // as written
};

// Parses a line that is exactly a DTG (spaces around it allowed). Invalid days, hours, minutes and
// month names give nullopt, so "-----093897 072315Z /75" and prose never match.
std::optional<Dtg> parse_dtg_line(std::string_view line);

// "FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE" for Z, O, P, R; empty for anything else.
std::string_view precedence_name(char letter);

// The full year for a two-digit year. With a hint (the year of the cable's id or metadata) the
// century that puts the year nearest the hint wins; without one, 50-99 are 19xx and 00-49 20xx,
// which covers every telegram archive we read (1966-2010).
int resolve_two_digit_year(int two_digit_year, int year_hint);

// The month number of an English month name or its three-letter abbreviation; 0 if none.
int month_from_name(std::string_view name);

// The Dtg as a CableDate with the century resolved; nullopt if the day does not exist.
std::optional<CableDate> dtg_to_date(const Dtg& dtg, int year_hint);

// True when the calendar has this day.
bool is_valid_date(int year, int month, int day);

} // namespace ck::cable
