// `cablepack export PACK [--display-text] [--threads]`: JSON Lines on stdout, one object per cable
// in pack order (by date, then id), with the keys of `cablepack parse`, "permalink" (the cable's
// public page, null when it has none) and "thread": the number of the cable's conversation
// (1-based, as `inspect` lists them), null when it has none. `--threads` prints the threads
// instead, one object per line in that order, {"cables": [...], "missing": [...]} as `inspect
// --json` has them: each thread once, so the output grows with the pack and not with the square of
// a thread's length. A cable stored under its file stem (the document named no id) is exported
// with that stem as its id. Exit codes: 0 ok, 1 the pack fails a check, 2 usage.
#include "cablepack/cable_json.hpp"
#include "cablepack/cmd_shared.hpp"
#include "cablepack/commands.hpp"
#include "content/pack.hpp"

#include <cstdio>
#include <map>
#include <memory>
#include <string>

namespace ck::cablepack {
namespace {

void print_line(const nlohmann::json& value)
{
    const std::string line = to_json_line(value);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
}

int run_export(const std::string& path, bool display_text, bool threads_only)
{
    auto pack = content::Pack::open(path, curator_open());
    if (!pack) {
        print_error(path, pack.error().to_string());
        return exit_failed;
    }
    auto threads = pack->threads();
    if (!threads) {
        print_error(path, threads.error().to_string());
        return exit_failed;
    }
    if (threads_only) {
        for (const auto& t : *threads) {
            print_line({ { "cables", t.cables }, { "missing", t.missing } });
        }
        std::fflush(stdout);
        return exit_ok;
    }
    std::map<std::string, std::size_t> thread_of;
    for (std::size_t i = 0; i < threads->size(); ++i) {
        for (const auto& id : (*threads)[i].cables) {
            thread_of.emplace(id, i + 1);
        }
    }
    auto st = pack->for_each_cable([&](const content::CableRecord& record) -> ck::Status {
        nlohmann::json value = cable_to_json(record.cable, display_text ? JsonText::include : JsonText::omit);
        auto permalink = pack->permalink(record.cable.id);
        if (!permalink) {
            return permalink.error();
        }
        value["permalink"] = *permalink ? nlohmann::json(**permalink) : nlohmann::json(nullptr);
        const auto it = thread_of.find(record.cable.id);
        value["thread"] = it == thread_of.end() ? nlohmann::json() : nlohmann::json(it->second);
        const std::string line = to_json_line(value);
        std::fwrite(line.data(), 1, line.size(), stdout);
        std::fputc('\n', stdout);
        return {};
    });
    std::fflush(stdout);
    if (!st) {
        print_error(path, st.error().to_string());
        return exit_failed;
    }
    return exit_ok;
}

} // namespace

void register_export(CLI::App& app, Runner& run)
{
    CLI::App* cmd = app.add_subcommand("export", "Print every cable of a pack as JSON Lines");
    auto path = std::make_shared<std::string>();
    auto text = std::make_shared<bool>(false);
    auto threads = std::make_shared<bool>(false);
    cmd->add_option("PACK", *path, "The pack")->required();
    cmd->add_flag("--display-text", *text, "Also print each cable's display text");
    cmd->add_flag("--threads", *threads, "Print the threads (conversations) instead of the cables");
    cmd->callback([&run, path, text, threads] {
        run = [path, text, threads] { return run_export(*path, *text, *threads); };
    });
}

} // namespace ck::cablepack
