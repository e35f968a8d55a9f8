// `cablepack inspect PACK [--json]`: what a pack holds. The JSON has title, sequence,
// schema_version, content_hash, cables (a count), sections ({"id", "title", "caption", "cables"}),
// featured (ids), tours ({"id", "title", "stops": [cable ids]}), glossary_terms (a count), glossary (the
// terms), languages, ui_strings (a count per language), untranslated (per language, the UI keys another
// language has and it lacks; only languages that lack some), refs ({"total", "resolved", "possible",
// "fbis"}), permalinks (how many cables have a public page, shown as a QR code) and threads ({"cables": ids
// in date order, "missing": ids in date order}, one per conversation), plus build_time, builder_version,
// archive and years. Texts are English. Exit codes: 0 ok, 1 the pack fails an open check, 2 usage.
#include "cablepack/cmd_shared.hpp"
#include "cablepack/commands.hpp"
#include "content/pack.hpp"

#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace ck::cablepack {
namespace {

// For each language, the UI keys that some other language has and it lacks (sorted); languages
// that lack nothing are left out, so a fully translated pack gives an empty map.
std::map<std::string, std::vector<std::string>> untranslated_keys(
    const content::Collection& c, const std::vector<std::string>& languages)
{
    std::set<std::string> all;
    for (const auto& [lang, strings] : c.ui) {
        for (const auto& [key, text] : strings) {
            all.insert(key);
        }
    }
    std::map<std::string, std::vector<std::string>> out;
    std::set<std::string> langs(languages.begin(), languages.end());
    for (const auto& [lang, strings] : c.ui) {
        langs.insert(lang);
    }
    for (const auto& lang : langs) {
        const auto it = c.ui.find(lang);
        for (const auto& key : all) {
            if (it == c.ui.end() || it->second.count(key) == 0) {
                out[lang].push_back(key);
            }
        }
    }
    return out;
}

// "  thread 1: 09TRIPOLI938 09TRIPOLI941 ... (5 cables; not in the pack: 09TRIPOLI870 09TRIPOLI966)"
void print_thread(std::size_t number, const content::ThreadIds& t)
{
    std::string line = "  thread " + std::to_string(number) + ":";
    for (const auto& id : t.cables) {
        line += " " + id;
    }
    line += " (" + std::to_string(t.cables.size()) + " cables";
    if (!t.missing.empty()) {
        line += "; not in the pack:";
        for (const auto& id : t.missing) {
            line += " " + id;
        }
    }
    std::printf("%s)\n", line.c_str());
}

int run_inspect(const std::string& path, bool json)
{
    auto pack = content::Pack::open(path, curator_open());
    if (!pack) {
        print_error(path, pack.error().to_string());
        return exit_failed;
    }
    const content::PackInfo& info = pack->info();
    const content::Collection& c = pack->collection();
    auto refs = pack->ref_counts();
    auto years = pack->years();
    auto threads = pack->threads();
    if (!refs || !years || !threads) {
        print_error(path, (!refs ? refs.error() : !years ? years.error() : threads.error()).to_string());
        return exit_failed;
    }
    auto permalinks = pack->permalink_count();
    if (!permalinks) {
        print_error(path, permalinks.error().to_string());
        return exit_failed;
    }
    nlohmann::json out;
    out["title"] = info.title;
    out["sequence"] = info.sequence;
    out["schema_version"] = info.schema_version;
    out["content_hash"] = info.content_hash;
    out["build_time"] = info.build_time;
    out["builder_version"] = info.builder_version;
    out["archive"] = info.archive;
    out["cables"] = info.cables;
    out["sections"] = nlohmann::json::array();
    for (const auto& s : c.sections) {
        out["sections"].push_back({ { "id", s.id }, { "title", content::pick(s.title, "en") },
            { "caption", content::pick(s.caption, "en") }, { "cables", s.cables } });
        if (s.decade_cables > 0) {
            // An archive's decade (the generic curation) counts its cables instead of listing them.
            out["sections"].back()["decade"] = { { "cables", s.decade_cables },
                { "first_year", s.first_year }, { "last_year", s.last_year } };
        }
    }
    out["featured"] = nlohmann::json::array();
    for (const auto& f : c.featured) {
        out["featured"].push_back(f.cable);
    }
    out["tours"] = nlohmann::json::array();
    for (const auto& t : c.tours) {
        std::vector<std::string> stops;
        for (const auto& stop : t.stops) {
            stops.push_back(stop.cable);
        }
        out["tours"].push_back(
            { { "id", t.id }, { "title", content::pick(t.title, "en") }, { "stops", stops } });
    }
    out["glossary_terms"] = c.glossary.size();
    out["glossary"] = nlohmann::json::array();
    for (const auto& g : c.glossary) {
        out["glossary"].push_back(g.term);
    }
    out["languages"] = pack->languages();
    out["ui_strings"] = nlohmann::json::object();
    for (const auto& [lang, strings] : c.ui) {
        out["ui_strings"][lang] = strings.size();
    }
    const auto untranslated = untranslated_keys(c, pack->languages());
    out["untranslated"] = nlohmann::json::object();
    for (const auto& [lang, keys] : untranslated) {
        out["untranslated"][lang] = keys;
    }
    out["refs"] = { { "total", refs->total }, { "resolved", refs->resolved }, { "possible", refs->possible },
        { "fbis", refs->fbis } };
    out["permalinks"] = *permalinks;
    out["threads"] = nlohmann::json::array();
    for (const auto& t : *threads) {
        out["threads"].push_back({ { "cables", t.cables }, { "missing", t.missing } });
    }
    out["years"] = nlohmann::json::object();
    for (const auto& y : *years) {
        out["years"][std::to_string(y.year)] = y.cables;
    }
    if (json) {
        print_json(out);
        return exit_ok;
    }
    std::printf("%s\n  title: %s\n  sequence %lld, schema %d, built by %s at %lld\n  content hash %s\n"
                "  %lld cables%s; %zu sections, %zu featured, %zu glossary terms\n"
                "  languages:",
        path.c_str(), info.title.c_str(), static_cast<long long>(info.sequence), info.schema_version,
        info.builder_version.c_str(), static_cast<long long>(info.build_time), info.content_hash.c_str(),
        static_cast<long long>(info.cables),
        info.archive ? " (archive: no manifest; the generic curation)" : "", c.sections.size(),
        c.featured.size(), c.glossary.size());
    for (const auto& lang : pack->languages()) {
        const auto it = c.ui.find(lang);
        std::printf(
            " %s (%zu UI strings)", lang.c_str(), it == c.ui.end() ? std::size_t { 0 } : it->second.size());
    }
    for (const auto& [lang, keys] : untranslated) {
        std::printf("\n  %zu UI strings untranslated in %s (first: %s)", keys.size(), lang.c_str(),
            keys.front().c_str());
    }
    std::printf("\n  references: %lld, %lld naming a cable in the pack, %lld possibly one, %lld FBIS press "
                "items\n",
        static_cast<long long>(refs->total), static_cast<long long>(refs->resolved),
        static_cast<long long>(refs->possible), static_cast<long long>(refs->fbis));
    std::printf("  permalinks (public pages, shown as QR codes): %lld of %lld cables\n",
        static_cast<long long>(*permalinks), static_cast<long long>(info.cables));
    for (const auto& s : c.sections) {
        if (s.decade_cables > 0) {
            std::printf("  section %s: %s (%lld cables, %d-%d, opened by year)\n", s.id.c_str(),
                content::pick(s.title, "en").c_str(), static_cast<long long>(s.decade_cables), s.first_year,
                s.last_year);
            continue;
        }
        std::printf("  section %s: %s (%zu cables)\n", s.id.c_str(), content::pick(s.title, "en").c_str(),
            s.cables.size());
    }
    for (const auto& t : c.tours) {
        std::printf("  tour %s: %s (%zu stops)\n", t.id.c_str(), content::pick(t.title, "en").c_str(),
            t.stops.size());
    }
    for (std::size_t i = 0; i < threads->size(); ++i) {
        print_thread(i + 1, (*threads)[i]);
    }
    return exit_ok;
}

} // namespace

void register_inspect(CLI::App& app, Runner& run)
{
    CLI::App* cmd = app.add_subcommand("inspect", "Show what a pack holds");
    auto path = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    cmd->add_option("PACK", *path, "The pack")->required();
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([&run, path, json] { run = [path, json] { return run_inspect(*path, *json); }; });
}

} // namespace ck::cablepack
