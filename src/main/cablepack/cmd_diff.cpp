// `cablepack diff OLD NEW [--json]`: cables added, removed and changed (any stored field, the
// display text included), plus whether the metadata or the curation changed. Cables are matched
// by id. Exit codes: 0 ok (whether or not anything differs), 1 a pack fails a check, 2 usage.
#include "cablepack/cable_json.hpp"
#include "cablepack/cmd_shared.hpp"
#include "cablepack/commands.hpp"
#include "content/pack.hpp"

#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ck::cablepack {
namespace {

// A digest of everything stored for a cable, its references' resolution included. std::hash is
// stable within one run, which is all a comparison needs.
std::size_t digest(const content::CableRecord& record)
{
    nlohmann::json j = cable_to_json(record.cable, JsonText::include);
    j["id_from_file"] = record.id_from_file;
    for (const auto& r : record.refs) {
        j["resolved"].push_back(r.target_id);
    }
    return std::hash<std::string> {}(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

nlohmann::json curation(const content::Collection& c)
{
    nlohmann::json j;
    j["title"] = c.title;
    j["introduction"] = c.introduction;
    j["about"] = c.about;
    for (const auto& s : c.sections) {
        j["sections"].push_back({ s.id, s.title, s.caption, s.cables });
    }
    for (const auto& f : c.featured) {
        j["featured"].push_back({ f.cable, f.teaser });
    }
    for (const auto& g : c.glossary) {
        j["glossary"].push_back({ g.term, content::to_string(g.kind), g.definition });
    }
    j["ui"] = c.ui;
    return j;
}

int run_diff(const std::string& old_path, const std::string& new_path, bool json)
{
    auto old_pack = content::Pack::open(old_path);
    if (!old_pack) {
        print_error(old_path, old_pack.error().to_string());
        return exit_failed;
    }
    auto new_pack = content::Pack::open(new_path);
    if (!new_pack) {
        print_error(new_path, new_pack.error().to_string());
        return exit_failed;
    }
    std::map<std::string, std::size_t> before;
    auto st = old_pack->for_each_cable([&](const content::CableRecord& r) -> ck::Status {
        before[r.cable.id] = digest(r);
        return {};
    });
    std::vector<std::string> added;
    std::vector<std::string> changed;
    if (st) {
        st = new_pack->for_each_cable([&](const content::CableRecord& r) -> ck::Status {
            auto it = before.find(r.cable.id);
            if (it == before.end()) {
                added.push_back(r.cable.id);
            } else {
                if (it->second != digest(r)) {
                    changed.push_back(r.cable.id);
                }
                before.erase(it);
            }
            return {};
        });
    }
    if (!st) {
        print_error(st.error());
        return exit_failed;
    }
    std::vector<std::string> removed;
    removed.reserve(before.size());
    for (const auto& [id, _] : before) {
        removed.push_back(id);
    }
    const auto& a = old_pack->info();
    const auto& b = new_pack->info();
    const bool curation_changed = curation(old_pack->collection()) != curation(new_pack->collection());
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
