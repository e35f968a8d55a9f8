// `cablepack export PACK [--display-text]`: JSON Lines on stdout, one object per cable in pack
// order (by date, then id), with the keys of `cablepack parse`. A cable stored under its file stem
// (the document named no id) is exported with that stem as its id. "permalink" is the cable's public
// page (null when it has none). Exit codes: 0 ok, 1 the pack
// fails a check, 2 usage.
#include "cablepack/cable_json.hpp"
#include "cablepack/cmd_shared.hpp"
#include "cablepack/commands.hpp"
#include "content/pack.hpp"

#include <cstdio>
#include <memory>
#include <string>

namespace ck::cablepack {
namespace {

int run_export(const std::string& path, bool display_text)
{
    auto pack = content::Pack::open(path);
    if (!pack) {
        print_error(path, pack.error().to_string());
        return exit_failed;
    }
    auto st = pack->for_each_cable([&](const content::CableRecord& record) -> ck::Status {
        nlohmann::json j = cable_to_json(record.cable, display_text ? JsonText::include : JsonText::omit);
        auto permalink = pack->permalink(record.cable.id);
        if (!permalink) {
            return permalink.error();
        }
        j["permalink"] = *permalink ? nlohmann::json(**permalink) : nlohmann::json(nullptr);
        const std::string line = to_json_line(j);
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
    cmd->add_option("PACK", *path, "The pack")->required();
    cmd->add_flag("--display-text", *text, "Also print each cable's display text");
    cmd->callback([&run, path, text] { run = [path, text] { return run_export(*path, *text); }; });
}

} // namespace ck::cablepack
