// Helpers shared by the pack commands (build, keygen, sign, verify, inspect, export, search, diff):
// reading input files, printing errors the curator can act on, and JSON output.
#pragma once

#include "content/pack.hpp"
#include "core/result.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace ck::cablepack {

// "cablepack: <where>: <message>" on stderr.
void print_error(const ck::Error& error);
void print_error(std::string_view where, std::string_view message);

// Prints a JSON document on stdout, pretty for a terminal and one line otherwise.
void print_json(const nlohmann::json& value);

// The bytes of a file of at most `max_bytes`, or why it cannot be read.
ck::Result<std::string> read_input(const std::filesystem::path& path, std::uintmax_t max_bytes);

// Writes `text` to `path` atomically (a temporary file in the same folder, then a rename).
ck::Status write_atomically(const std::filesystem::path& path, std::string_view text);

// "1977-1980", "1977", "1977-" or "-1980".
struct YearRange {
    std::optional<int> from;
    std::optional<int> to;
};
std::optional<YearRange> parse_year_range(std::string_view text);

bool stderr_is_terminal();

// How the curator's commands open a pack: they read a whole pack, however large, so no statement
// has a time budget (the kiosk's 5 s failed `inspect` on a 2M-cable pack while a build ran beside it).
inline content::OpenOptions curator_open()
{
    content::OpenOptions options;
    options.statement_budget = std::chrono::milliseconds { 0 };
    return options;
}

} // namespace ck::cablepack
