// search_bench --pack PACK [--per-class N] [--seed S]: first-page search latency (20 results with
// snippets) per query class: rare, mid, frequent and very common words, two-word AND, phrases and
// 3-letter prefixes, plus facets and completion. Terms are drawn from the pack's own vocabulary
// by document frequency. In the same run, the same queries go through raw FTS5 (bm25 ORDER BY
// rank with snippet(), prefixes as "abc"*) and through Xapian (xapian_peer.hpp: BM25 with the same
// weights, top 20 with snippets and the match estimate) for the ratios. Prints p50, p95 and p99 in ms of wall
// time and of thread CPU time (the machine may be shared, which inflates wall time only).
#include "bench_common.hpp"
#include "bench_json.hpp"
#include "content/pack.hpp"
#include "content/query.hpp"
#include "xapian_peer.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <time.h>
#include <vector>

namespace {

struct Sample {
    double wall_ms = 0;
    double cpu_ms = 0;
};

Sample measure(const std::function<void()>& run)
{
    const auto w0 = std::chrono::steady_clock::now();
    const double c0 = ck::bench::thread_cpu_ms();
    run();
    return Sample { std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - w0).count(),
        ck::bench::thread_cpu_ms() - c0 };
}

struct Stats {
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
};

Stats stats(const std::vector<Sample>& samples, bool cpu)
{
    std::vector<double> v;
    for (const auto& s : samples) {
        v.push_back(cpu ? s.cpu_ms : s.wall_ms);
    }
    return Stats { ck::bench::rank_percentile(v, 0.50), ck::bench::rank_percentile(v, 0.95),
        ck::bench::rank_percentile(v, 0.99) };
}

std::vector<std::pair<std::string, std::int64_t>> vocabulary(sqlite3* db)
{
    std::vector<std::pair<std::string, std::int64_t>> out;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(
        db, "SELECT term, docs FROM vocab WHERE term GLOB '[a-z]*' AND length(term) >= 3", -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW) {
        out.emplace_back(
            reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), sqlite3_column_int64(st, 1));
    }
    sqlite3_finalize(st);
    return out;
}

std::vector<std::string> pick(const std::vector<std::pair<std::string, std::int64_t>>& vocab, std::int64_t lo,
    std::int64_t hi, std::size_t n, ck::bench::Rng& rng)
{
    std::vector<std::string> in_band;
    for (const auto& [term, docs] : vocab) {
        if (docs >= lo && docs <= hi) {
            in_band.push_back(term);
        }
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n && !in_band.empty(); ++i) {
        out.push_back(in_band[rng.below(in_band.size())]);
    }
    return out;
}

// Adjacent word pairs from random cables' text, as a visitor would type a phrase.
std::vector<std::string> phrases(sqlite3* db, std::int64_t cables, std::size_t n, ck::bench::Rng& rng)
{
    std::vector<std::string> out;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(
        db, "SELECT substr(display_text, 400, 400) FROM cables WHERE num = ?1", -1, &st, nullptr);
    while (out.size() < n && cables > 0) {
        sqlite3_bind_int64(st, 1, 1 + static_cast<std::int64_t>(rng.below(static_cast<std::size_t>(cables))));
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != nullptr) {
            std::string text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
            std::vector<std::string> words;
            std::string w;
            for (const char c : text + " ") {
                if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
                    w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                } else {
                    if (w.size() >= 3) {
                        words.push_back(w);
                    } else if (!w.empty()) {
                        words.clear(); // only adjacent words make a phrase
                    }
                    w.clear();
                }
            }
            if (words.size() >= 3) {
                const std::size_t at = rng.below(words.size() - 2) + 1;
                out.push_back("\"" + words[at] + " " + words[at + 1] + "\"");
            }
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return out;
}

// The indices of the `count` samples that took the most CPU, slowest first.
std::vector<std::size_t> slowest_first(const std::vector<Sample>& samples, std::size_t count)
{
    std::vector<std::size_t> order(samples.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return samples[a].cpu_ms > samples[b].cpu_ms; });
    order.resize(std::min(count, order.size()));
    return order;
}

void print_row(const char* name, std::size_t n, const std::vector<Sample>& ours,
    const std::vector<Sample>& raw, const std::vector<Sample>& xapian = {})
{
    const Stats ow = stats(ours, false);
    const Stats oc = stats(ours, true);
    const auto column = [](const std::vector<Sample>& samples, bool cpu) {
        std::vector<double> v;
        for (const auto& s : samples) {
            v.push_back(cpu ? s.cpu_ms : s.wall_ms);
        }
        return v;
    };
    ck::bench::json_report().figure(std::string(name) + ": ours CPU", "ms", column(ours, true));
    ck::bench::json_report().figure(std::string(name) + ": ours wall", "ms", column(ours, false));
    if (!raw.empty()) {
        ck::bench::json_report().figure(std::string(name) + ": raw bm25 CPU", "ms", column(raw, true));
        ck::bench::json_report().figure(std::string(name) + ": raw bm25 wall", "ms", column(raw, false));
    }
    if (!xapian.empty()) {
        ck::bench::json_report().figure(std::string(name) + ": xapian CPU", "ms", column(xapian, true));
        ck::bench::json_report().figure(std::string(name) + ": xapian wall", "ms", column(xapian, false));
    }
    // The documented keys: thread CPU time, the figure this table leads with.
    if (const std::string key = ck::bench::class_key(name); !key.empty()) {
        ck::bench::json_report().set("/classes/" + key + "/ours/p50_ms", oc.p50);
        ck::bench::json_report().set("/classes/" + key + "/ours/p95_ms", oc.p95);
        if (!raw.empty()) {
            const Stats rc = stats(raw, true);
            ck::bench::json_report().set("/classes/" + key + "/fts5/p50_ms", rc.p50);
            ck::bench::json_report().set("/classes/" + key + "/fts5/p95_ms", rc.p95);
        }
        if (!xapian.empty()) {
            const Stats xc = stats(xapian, true);
            ck::bench::json_report().set("/classes/" + key + "/xapian/p50_ms", xc.p50);
            ck::bench::json_report().set("/classes/" + key + "/xapian/p95_ms", xc.p95);
        }
    }
    std::printf("%-14s %4zu | ours cpu %7.2f %7.2f %7.2f | wall %7.2f %7.2f %7.2f", name, n, oc.p50, oc.p95,
        oc.p99, ow.p50, ow.p95, ow.p99);
    if (!raw.empty()) {
        const Stats rc = stats(raw, true);
        const Stats rw = stats(raw, false);
        std::printf(" | raw bm25 cpu %8.2f %8.2f %8.2f | wall p95 %8.2f | cpu p95 ratio %5.2f", rc.p50,
            rc.p95, rc.p99, rw.p95, rc.p95 > 0 ? oc.p95 / rc.p95 : 0.0);
    }
    if (!xapian.empty()) {
        const Stats xc = stats(xapian, true);
        std::printf(" | xapian cpu %7.2f %7.2f %7.2f | ours/xapian p95 %5.2f", xc.p50, xc.p95, xc.p99,
            xc.p95 > 0 ? oc.p95 / xc.p95 : 0.0);
    }
    std::printf("\n");
}

} // namespace

int main(int argc, char** argv)
{
    ck::bench::json_report_from_args("search_bench", argc, argv);
    std::string path;
    std::size_t per_class = 200;
    std::size_t show_slowest = 0;
    std::uint64_t seed = 1;
    std::string xapian_dir; // PACK.xapian unless given; "none" leaves the peer out
    std::string only; // one class by its name; every class is still drawn, so its queries stay the same
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        if (key == "--pack") {
            path = argv[i + 1];
        } else if (key == "--per-class") {
            per_class = std::strtoull(argv[i + 1], nullptr, 10);
        } else if (key == "--show-slowest") {
            show_slowest = std::strtoull(argv[i + 1], nullptr, 10);
        } else if (key == "--seed") {
            seed = std::strtoull(argv[i + 1], nullptr, 10);
        } else if (key == "--xapian") {
            xapian_dir = argv[i + 1];
        } else if (key == "--only") {
            only = argv[i + 1];
        }
    }
    if (path.empty()) {
        std::fprintf(stderr,
            "usage: search_bench --pack PACK [--per-class N] [--seed S] [--show-slowest N] [--xapian "
            "DIR|none] [--only CLASS]\n");
        return 2;
    }
    auto pack = ck::content::Pack::open(path);
    if (!pack) {
        std::fprintf(stderr, "search_bench: %s\n", pack.error().to_string().c_str());
        return 1;
    }
    std::unique_ptr<ck::bench::XapianPeer> xapian;
    if (xapian_dir != "none") {
        xapian
            = ck::bench::XapianPeer::open_or_build(path, xapian_dir.empty() ? path + ".xapian" : xapian_dir);
        if (!xapian) {
            return 1;
        }
    }
    auto parser = ck::content::QueryParser::create();
    sqlite3* raw = nullptr;
    sqlite3_open_v2(("file:" + path + "?mode=ro&immutable=1").c_str(), &raw,
        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    const std::int64_t n = pack->info().cables;
    ck::bench::Rng rng(seed);
    const auto vocab = vocabulary(raw);
    std::vector<std::pair<std::string, std::int64_t>> by_docs = vocab;
    std::sort(
        by_docs.begin(), by_docs.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> very_common;
    for (std::size_t i = 0; i < by_docs.size() && i < 40; ++i) {
        very_common.push_back(by_docs[i].first);
    }
    struct Class {
        const char* name;
        std::vector<std::string> queries;
    };
    std::vector<Class> classes;
    // Word classes end with a space: finished words, not prefixes still being typed.
    auto finished = [](std::vector<std::string> words) {
        for (auto& w : words) {
            w += ' ';
        }
        return words;
    };
    classes.push_back({ "rare", finished(pick(vocab, 3, 30, per_class, rng)) });
    classes.push_back({ "mid", finished(pick(vocab, n / 500, n / 100, per_class, rng)) });
    classes.push_back({ "frequent", finished(pick(vocab, n / 20, n / 5, per_class, rng)) });
    std::vector<std::string> common;
    for (std::size_t i = 0; i < per_class; ++i) {
        common.push_back(very_common[rng.below(very_common.size())] + " ");
    }
    classes.push_back({ "very common", common });
    std::vector<std::string> pairs;
    const auto frequent = pick(vocab, n / 20, n / 5, per_class, rng);
    const auto mid = pick(vocab, n / 500, n / 100, per_class, rng);
    for (std::size_t i = 0; i < per_class && !frequent.empty() && !mid.empty(); ++i) {
        pairs.push_back(i % 2 == 0 ? frequent[i] + " " + mid[i] + " "
                                   : frequent[i] + " " + frequent[(i + 7) % frequent.size()] + " ");
    }
    classes.push_back({ "two-word AND", pairs });
    classes.push_back({ "phrase", phrases(raw, n, per_class, rng) });
    std::vector<std::string> prefixes;
    for (const auto& w : pick(vocab, n / 100, n, per_class, rng)) {
        prefixes.push_back(w.substr(0, 3));
    }
    classes.push_back({ "3-letter prefix", prefixes });
    // Two words with no space after the second, as a visitor leaves them (every other one) or is
    // still typing them (its first four letters): the last word is a prefix, standing for its
    // completions. Drawn last, so the classes above keep their queries for a seed.
    std::vector<std::string> typed;
    const auto first = pick(vocab, n / 20, n / 5, per_class, rng);
    const auto second = pick(vocab, n / 100, n, per_class, rng);
    for (std::size_t i = 0; i < per_class && !first.empty() && !second.empty(); ++i) {
        typed.push_back(first[i] + " " + (i % 2 == 0 ? second[i] : second[i].substr(0, 4)));
    }
    classes.push_back({ "word + prefix", typed });
    if (!only.empty()) {
        std::erase_if(classes, [&](const Class& c) { return only != c.name; });
    }

    // Warm up: the parser, the snippet function, the page cache.
    for (const auto& c : classes) {
        for (std::size_t i = 0; i < c.queries.size() && i < 5; ++i) {
            ck::content::SearchQuery q;
            q.text = c.queries[i];
            (void)pack->search(q);
            if (xapian) {
                (void)xapian->search(c.queries[i]);
            }
        }
    }
    sqlite3_stmt* baseline = nullptr;
    sqlite3_prepare_v2(raw,
        "SELECT rowid, snippet(search_text, 2, '[', ']', '...', 24) FROM search_text WHERE search_text MATCH "
        "?1 "
        "ORDER BY rank LIMIT 20",
        -1, &baseline, nullptr);
    std::printf("search_bench: %s, %lld cables, %zu queries per class; times in ms (p50 p95 p99)\n",
        path.c_str(), static_cast<long long>(n), per_class);
    for (const auto& c : classes) {
        std::vector<Sample> ours;
        std::vector<Sample> base;
        std::vector<Sample> peer;
        std::size_t estimated = 0;
        std::size_t relevance = 0;
        for (const auto& text : c.queries) {
            ck::content::SearchQuery q;
            q.text = text;
            q.budget = std::chrono::milliseconds { 0 };
            bool ok = true;
            ours.push_back(measure([&] {
                auto r = pack->search(q);
                ok = r.ok();
                if (ok) {
                    estimated += r->total_is_estimate ? 1 : 0;
                    relevance += r->ranking == ck::content::Ranking::relevance ? 1 : 0;
                }
            }));
            if (!ok) {
                std::fprintf(stderr, "search failed: %s\n", text.c_str());
            }
            const std::string expr = "{subject tags_text display_text} : ("
                + ck::content::fts5_expression(parser->parse(text)) + ")";
            base.push_back(measure([&] {
                sqlite3_bind_text(baseline, 1, expr.c_str(), -1, SQLITE_TRANSIENT);
                while (sqlite3_step(baseline) == SQLITE_ROW) { }
                sqlite3_reset(baseline);
            }));
            if (xapian) {
                peer.push_back(measure([&] { (void)xapian->search(text); }));
            }
        }
        print_row(c.name, c.queries.size(), ours, base, peer);
        if (std::string_view(c.name) == "two-word AND" || std::string_view(c.name) == "word + prefix") {
            // What the kiosk's search worker publishes first (SearchQuery::defer_ranking); the
            // ranked page above follows it.
            std::vector<Sample> answered;
            for (const auto& text : c.queries) {
                ck::content::SearchQuery q;
                q.text = text;
                q.budget = std::chrono::milliseconds { 0 };
                q.defer_ranking = true;
                answered.push_back(measure([&] { (void)pack->search(q); }));
            }
            print_row("  first answer", answered.size(), answered, {});
            for (const std::size_t i : slowest_first(answered, show_slowest)) {
                std::printf("      slow: %7.2f ms cpu  %s\n", answered[i].cpu_ms, c.queries[i].c_str());
            }
        }
        for (const std::size_t i : slowest_first(ours, show_slowest)) {
            std::printf("      slow: %7.2f ms cpu (raw %7.2f)  %s\n", ours[i].cpu_ms, base[i].cpu_ms,
                c.queries[i].c_str());
        }
        std::printf(
            "%-14s      (%zu ranked by relevance, %zu with an estimated total)\n", "", relevance, estimated);
    }
    if (!only.empty()) {
        sqlite3_finalize(baseline);
        sqlite3_close(raw);
        return 0;
    }
    // Facets (50 ms budget, as the kiosk asks) and completion, ours only.
    std::vector<Sample> facets;
    std::size_t estimated = 0;
    for (const auto& text : classes[2].queries) {
        ck::content::SearchQuery q;
        q.text = text;
        facets.push_back(measure([&] {
            auto f = pack->facets(q);
            estimated += f && f->estimated ? 1 : 0;
        }));
    }
    print_row("facets (freq)", facets.size(), facets, {});
    std::printf("%-14s      (%zu of %zu estimated past the 50 ms budget)\n", "", estimated, facets.size());
    std::vector<Sample> completion;
    for (const auto& p : prefixes) {
        completion.push_back(measure([&] { (void)pack->complete(p.substr(0, 2), 8); }));
    }
    print_row("complete 2-ch", completion.size(), completion, {});
    sqlite3_finalize(baseline);
    sqlite3_close(raw);
    return 0;
}
