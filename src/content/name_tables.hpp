// Two small tables a pack can carry for visitors of another language, both plain text files a
// curator edits: the names table (an English name of an origin or addressee as the cables write
// it, and its usual form in the visitor's language: "AMEMBASSY TOKYO<TAB>在東京米国大使館") and the
// readings table (a term search knows and the kana a Japanese visitor types for it:
// "日本<TAB>にほん"). The kiosk shows the names and suggests the terms from the readings; nothing
// about either is written into the code. Pure: no SQL here (the pack writer stores them).
#pragma once

#include "core/result.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ck::content {

struct NameEntry {
    std::string english; // as written in the table
    std::string local; // the usual form in the table's language
    std::size_t line = 0;
};

struct TermReading {
    std::string term; // as search knows it ("日本", "ソ連")
    std::string reading; // hiragana (and the long-vowel mark): "にほん"
    std::size_t line = 0;
};

inline constexpr std::size_t name_table_max_bytes = 256U << 10U;
inline constexpr std::size_t name_max_bytes = 200;

// Format of both: UTF-8, one entry a line, two fields separated by one tab; `#` starts a comment
// line; blank lines are skipped. Names: the English form is unique ignoring case and spacing.
// Readings: a reading is hiragana only (with ー), a term may have several readings, each line once.
// Every problem is an Error whose `where` is "file:line", all appended to `problems` when given.
Result<std::vector<NameEntry>> parse_names(
    std::string_view text, const std::string& file_name, std::vector<Error>* problems = nullptr);
Result<std::vector<TermReading>> parse_readings(
    std::string_view text, const std::string& file_name, std::vector<Error>* problems = nullptr);
Result<std::vector<NameEntry>> read_names(
    const std::filesystem::path& path, std::vector<Error>* problems = nullptr);
Result<std::vector<TermReading>> read_readings(
    const std::filesystem::path& path, std::vector<Error>* problems = nullptr);

// The key names are compared by: upper case ASCII, runs of spaces as one, trimmed.
std::string name_key(std::string_view english);

// True for a reading's characters: hiragana U+3041..U+3096 and the long-vowel mark U+30FC.
bool is_reading_char(char32_t cp);

} // namespace ck::content
