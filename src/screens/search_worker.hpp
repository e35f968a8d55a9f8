// Searches off the UI thread, so a query never blocks input. The worker owns its own connection to
// the pack (opened on its thread), takes one request at a time, and a newer request both replaces
// the waiting one and cancels the running one through the search API's atomic flag: the queue is
// one slot deep whatever the typing rate, and the latest query wins. Responses are handed back
// for the UI thread to apply. No drawing, no SDL; queries are never logged.
#pragma once

#include "content/pack.hpp"
#include "content/query.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace ck::screens {

struct SearchRequest {
    content::SearchQuery query;
    bool want_facets = true; // a next page of the same query needs no new counts
};

// A hit's subject with the byte ranges of the query's words in it (as the index folds words).
struct SubjectMarks {
    std::vector<content::Highlight> ranges;
};

// Something to try when a query found nothing: a whole query to put in the box.
struct Suggestion {
    std::string query;
    std::int64_t cables = 0; // how many cables hold its last word
    friend bool operator==(const Suggestion&, const Suggestion&) = default;
};

struct SearchResponse {
    enum class Stage {
        results, // hits, totals, completions and what to suggest if nothing was found
        complete, // the same, plus the facet counts
    };
    std::uint64_t generation = 0;
    Stage stage = Stage::results;
    // The search could not run (pack unavailable, time budget): the screen says "nothing found",
    // never the error; staff find the reason (without the query) in the log.
    bool failed = false;
    content::SearchQuery query; // what was asked (offset tells a next page from a first one)
    content::SearchResults results;
    std::vector<SubjectMarks> subject_marks; // one per hit
    std::vector<content::Completion> completions; // for the word being typed
    std::vector<Suggestion> suggestions; // what to try when nothing was found
    std::vector<content::FacetCount> top_tags; // the collection's most frequent tags
    std::optional<content::Facets> facets; // set at Stage::complete
};

class SearchWorker {
public:
    // Starts the thread, which opens `pack_path` itself. When `expected_hash` is not empty, a pack
    // whose content hash differs (the file was swapped since the kiosk verified it) is refused.
    SearchWorker(std::filesystem::path pack_path, std::string expected_hash);
    // Cancels whatever runs and joins the thread (the screen is gone: back, home or idle reset).
    ~SearchWorker();
    SearchWorker(const SearchWorker&) = delete;
    SearchWorker& operator=(const SearchWorker&) = delete;
    SearchWorker(SearchWorker&&) = delete;
    SearchWorker& operator=(SearchWorker&&) = delete;

    // Queues `request` in place of any waiting one and cancels the running one. Returns its
    // generation, which the responses to it carry.
    std::uint64_t submit(SearchRequest request);
    // The newest response not yet taken, if any (called on the UI thread each frame). Responses to
    // superseded requests are never returned.
    std::optional<SearchResponse> take();
    // True while a request waits or runs, or a response waits to be taken.
    [[nodiscard]] bool busy() const;
    // True while a request waits or runs (a response may be ready to take).
    [[nodiscard]] bool working() const;
    // Waits up to `limit` until a response to the newest request is ready to take, or nothing is
    // left to do. True if a response is ready.
    bool wait_for_answer(std::chrono::milliseconds limit);
    // Called from the worker thread when a response is ready (a live loop can wake on it).
    void set_notify(std::function<void()> notify);

    // Counters for tests and the bench.
    struct Stats {
        std::uint64_t started = 0;
        std::uint64_t cancelled = 0;
        std::uint64_t completed = 0;
        std::uint64_t failed = 0;
        std::uint64_t cpu_us = 0; // the thread's CPU time spent serving requests
        std::uint64_t results_cpu_us = 0; // the part spent before the hits were handed over
    };
    [[nodiscard]] Stats stats() const;

private:
    struct State;
    void run();
    void serve(const SearchRequest& request, std::uint64_t generation, State& state);
    // Stage two: facet counts (and, once, the collection's most frequent tags). False when cancelled.
    bool add_facets(const SearchRequest& request, SearchResponse& response, State& state);
    void count(std::uint64_t Stats::*counter);
    // Publishes `response` unless a newer request has been submitted; false when superseded.
    bool publish(SearchResponse&& response);

    std::filesystem::path m_path;
    std::string m_expected_hash;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_answered; // a response was published, or the worker went idle
    std::optional<SearchRequest> m_pending;
    std::uint64_t m_latest = 0; // generation of the newest submitted request
    bool m_running = false;
    bool m_stop = false;
    std::optional<SearchResponse> m_ready;
    std::function<void()> m_notify;
    Stats m_stats;
    std::atomic<bool> m_cancel { false };
    std::thread m_thread; // last: started once every member above exists
};

// Queries to try when `text` found nothing, at most `limit`: the text with its last word completed
// from ever shorter prefixes of it (a typo near the end still finds the word that was meant), then
// each of its words alone that the pack holds (two words that never meet).
std::vector<Suggestion> suggest_queries(
    content::Pack& pack, const content::QueryParser& parser, std::string_view text, std::size_t limit);

} // namespace ck::screens
