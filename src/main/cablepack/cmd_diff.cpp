// `cablepack diff OLD NEW [--json]`: cables added, removed and changed (any stored field, the
// display text included), plus whether the metadata or the curation changed. Cables are matched
// by id. Exit codes: 0 ok (whether or not anything differs), 1 a pack fails a check, 2 usage.
#include "cablepack/cable_json.hpp"
#include "cablepack/cmd_shared.hpp"
#include "cablepack/commands.hpp"
#include "content/pack.hpp"
#include "content/pack_diff.hpp"

#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ck::cablepack {
namespace {

int run_diff(const std::string& old_path, const std::string& new_path, bool json)
{
    auto old_pack = content::Pack::open(old_path, curator_open());
    if (!old_pack) {
        print_error(old_path, old_pack.error().to_string());
        return exit_failed;
    }
    auto new_pack = content::Pack::open(new_path, curator_open());
    if (!new_pack) {
        print_error(new_path, new_pack.error().to_string());
        return exit_failed;
    }
    auto d = content::diff_packs(*old_pack, *new_pack);
    if (!d) {
        print_error(d.error());
        return exit_failed;
    }
    const auto& added = d->added;
    const auto& removed = d->removed;
    const auto& changed = d->changed;
    const auto& a = old_pack->info();
    const auto& b = new_pack->info();
    const bool curation_changed = d->curation_changed;
    if (json) {
        nlohmann::json out;
        out["added"] = added;
        out["removed"] = removed;
        out["changed"] = changed;
        out["curation_changed"] = curation_changed;
        out["old"]
            = { { "sequence", a.sequence }, { "content_hash", a.content_hash }, { "cables", a.cables } };
        out["new"]
            = { { "sequence", b.sequence }, { "content_hash", b.content_hash }, { "cables", b.cables } };
        out["same_content"] = a.content_hash == b.content_hash;
        print_json(out);
        return exit_ok;
    }
    std::printf("sequence %lld -> %lld; content %s\n", static_cast<long long>(a.sequence),
        static_cast<long long>(b.sequence), a.content_hash == b.content_hash ? "identical" : "differs");
    std::printf("%zu added, %zu removed, %zu changed; curation %s\n", added.size(), removed.size(),
        changed.size(), curation_changed ? "changed" : "unchanged");
    for (const auto& id : added) {
        std::printf("+ %s\n", id.c_str());
    }
    for (const auto& id : removed) {
        std::printf("- %s\n", id.c_str());
    }
    for (const auto& id : changed) {
        std::printf("~ %s\n", id.c_str());
    }
    return exit_ok;
}

} // namespace

void register_diff(CLI::App& app, Runner& run)
{
    CLI::App* cmd = app.add_subcommand("diff", "Compare two packs: cables added, removed and changed");
    auto old_path = std::make_shared<std::string>();
    auto new_path = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    cmd->add_option("OLD", *old_path, "The older pack")->required();
    cmd->add_option("NEW", *new_path, "The newer pack")->required();
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([&run, old_path, new_path, json] {
        run = [old_path, new_path, json] { return run_diff(*old_path, *new_path, *json); };
    });
}

} // namespace ck::cablepack
