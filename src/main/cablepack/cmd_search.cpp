// `cablepack search PACK QUERY [--json] [--limit N] [--offset N] [--year A-B] [--classification C]
// [--origin O] [--tag T]`: the kiosk's search from the command line, without a time budget and with
// exact facets. The JSON has total, total_is_estimate, ranking, results (id, date, subject,
// classification, snippet, highlights as [begin, end) byte ranges into the snippet) and facets
// (year, classification, origin, tag: value -> count). Exit codes: 0 ok (also when nothing is
// found), 1 the pack fails a check, 2 usage.
#include "cablepack/cmd_shared.hpp"
#include "cablepack/commands.hpp"
#include "content/pack.hpp"

#include <cstdio>
#include <memory>
#include <string>

namespace ck::cablepack {
namespace {

struct SearchArgs {
    std::string pack;
    std::string query;
    bool json = false;
    std::size_t limit = 20;
    std::size_t offset = 0;
    std::string years;
    std::string classification;
    std::string origin;
    std::string tag;
};

nlohmann::json facet_map(const std::vector<content::FacetCount>& counts)
{
    nlohmann::json out = nlohmann::json::object();
    for (const auto& c : counts) {
        out[c.value] = c.count;
    }
    return out;
}

// Values shown when a filter names none: the most frequent first, cut to a screenful.
constexpr std::size_t values_listed_max = 30;

// A filter value the pack does not hold is a mistake worth saying so, with the values it does hold:
// finding nothing would look like an answer. Returns false after printing the error.
bool filter_known(content::Pack& pack, content::FilterField field, std::string_view option,
    std::string_view noun, const std::string& typed)
{
    if (typed.empty()) {
        return true;
    }
    auto matching = pack.filter_values(field, typed);
    if (matching && !matching->empty()) {
        return true;
    }
    auto all = pack.filter_values(field, {});
    std::string listed;
    std::size_t shown = 0;
    for (const auto& v : all ? *all : std::vector<content::FacetCount> {}) {
        if (shown++ == values_listed_max) {
            listed += ", ...";
            break;
        }
        listed += (listed.empty() ? "" : ", ") + v.value;
    }
    print_error(option,
        "no cable in the pack has the " + std::string(noun) + " '" + typed + "'; "
            + (listed.empty() ? "the pack has none" : "the pack has: " + listed)
            + " (any case; an origin also matches by its words, as Tokyo matches Embassy Tokyo)");
    return false;
}

int run_search(const SearchArgs& args)
{
    content::SearchQuery q;
    q.text = args.query;
    q.limit = args.limit;
    q.offset = args.offset;
    q.classification = args.classification;
    q.origin = args.origin;
    q.tag = args.tag;
    q.budget = std::chrono::milliseconds { 0 };
    if (!args.years.empty()) {
        auto range = parse_year_range(args.years);
        if (!range) {
            print_error(
                "--year", "expected A-B, A, A- or -B with years such as 1977, not '" + args.years + "'");
            return exit_usage;
        }
        q.year_from = range->from;
        q.year_to = range->to;
    }
    content::OpenOptions options = curator_open();
    options.curation = false; // searches only
    auto pack = content::Pack::open(args.pack, options);
    if (!pack) {
        print_error(args.pack, pack.error().to_string());
        return exit_failed;
    }
    if (!filter_known(*pack, content::FilterField::classification, "--classification", "classification",
            args.classification)
        || !filter_known(*pack, content::FilterField::origin, "--origin", "origin", args.origin)
        || !filter_known(*pack, content::FilterField::tag, "--tag", "tag", args.tag)) {
        return exit_failed;
    }
    auto results = pack->search(q);
    if (!results) {
        print_error(args.pack, results.error().to_string());
        return exit_failed;
    }
    auto facets = pack->facets(q, content::FacetOptions { std::chrono::milliseconds { 0 }, 50 });
    if (!facets) {
        print_error(args.pack, facets.error().to_string());
        return exit_failed;
    }
    if (args.json) {
        nlohmann::json out;
        out["total"] = results->total;
        out["total_is_estimate"] = results->total_is_estimate;
        out["too_short"] = results->too_short;
        out["widened"] = nlohmann::json::object();
        for (const auto& w : results->widened) {
            out["widened"][w.typed] = w.forms;
        }
        out["ranking"] = std::string(content::to_string(results->ranking));
        out["results"] = nlohmann::json::array();
        for (const auto& hit : results->hits) {
            nlohmann::json highlights = nlohmann::json::array();
            for (const auto& h : hit.highlights) {
                highlights.push_back({ h.begin, h.end });
            }
            out["results"].push_back({ { "id", hit.cable.id }, { "date", hit.cable.date },
                { "subject", hit.cable.subject }, { "classification", hit.cable.classification },
                { "snippet", hit.snippet }, { "highlights", highlights } });
        }
        out["facets"]
            = { { "year", facet_map(facets->year) }, { "classification", facet_map(facets->classification) },
                  { "origin", facet_map(facets->origin) }, { "tag", facet_map(facets->tag) } };
        print_json(out);
        return exit_ok;
    }
    if (results->empty_query) {
        std::printf("nothing to search for: type a word, or give a filter\n");
        return exit_ok;
    }
    if (results->too_short) {
        std::printf("nothing searched: a single letter or digit is in nearly every cable; type more\n");
        return exit_ok;
    }
    std::printf("%s%lld cables found (%s)\n", results->total_is_estimate ? "about " : "",
        static_cast<long long>(results->total), std::string(content::to_string(results->ranking)).c_str());
    for (const auto& w : results->widened) {
        std::string forms;
        for (const auto& f : w.forms) {
            forms += (forms.empty() ? "" : ", ") + f;
        }
        std::printf("also searched for %s: %s\n", w.typed.c_str(), forms.c_str());
    }
    for (const auto& hit : results->hits) {
        // Highlights shown as [[word]] on a terminal-neutral line.
        std::string line;
        std::size_t at = 0;
        for (const auto& h : hit.highlights) {
            line += hit.snippet.substr(at, h.begin - at) + "[[" + hit.snippet.substr(h.begin, h.end - h.begin)
                + "]]";
            at = h.end;
        }
        line += hit.snippet.substr(at);
        std::printf("%-22s %-10s %s\n    %s\n", hit.cable.id.c_str(), hit.cable.date.substr(0, 10).c_str(),
            hit.cable.subject.c_str(), line.c_str());
    }
    return exit_ok;
}

} // namespace

void register_search(CLI::App& app, Runner& run)
{
    CLI::App* cmd = app.add_subcommand("search", "Search a pack as the kiosk does");
    auto args = std::make_shared<SearchArgs>();
    cmd->add_option("PACK", args->pack, "The pack")->required();
    cmd->add_option("QUERY", args->query, "Words, \"a phrase\"; the last word is a prefix from 3 letters")
        ->required();
    cmd->add_flag("--json", args->json, "Print JSON");
    cmd->add_option("--limit", args->limit, "Results per page (at most 100)")->check(CLI::Range(0, 100));
    cmd->add_option("--offset", args->offset, "Results to skip");
    cmd->add_option("--year", args->years, "Years: 1977-1980, 1977, 1977- or -1980");
    cmd->add_option("--classification", args->classification, "e.g. secret (any case)");
    cmd->add_option("--origin", args->origin, "e.g. \"Embassy Tokyo\", or Tokyo (any case, by words)");
    cmd->add_option("--tag", args->tag, "e.g. prel (any case)");
    cmd->callback([&run, args] { run = [args] { return run_search(*args); }; });
}

} // namespace ck::cablepack
