// Each cablepack subcommand registers itself on the CLI11 app. When CLI11 has parsed the command
// line, the chosen subcommand's callback stores the work to do in `run`, and main() calls it.
// Exit codes everywhere: 0 ok, 1 bad input or a failed check, 2 usage.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace ck::cablepack {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failed = 1;
inline constexpr int exit_usage = 2;

using Runner = std::function<int()>;

void register_parse(CLI::App& app, Runner& run);
void register_build(CLI::App& app, Runner& run);
void register_keys(CLI::App& app, Runner& run); // keygen and sign
void register_verify(CLI::App& app, Runner& run);
void register_inspect(CLI::App& app, Runner& run);
void register_export(CLI::App& app, Runner& run);
void register_search(CLI::App& app, Runner& run);
void register_diff(CLI::App& app, Runner& run);

// Prints a command line CLI11 could not parse as our own error (usage_errors.cpp), or the help
// that was asked for; returns the exit code.
int report_usage_error(const CLI::App& app, const CLI::ParseError& error);

} // namespace ck::cablepack
