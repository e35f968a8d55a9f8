// Searches off the UI thread, so a query never blocks input. The app's BackgroundWork runs the
// jobs; this client keeps its own connection to the pack (opened and used only on the worker
// thread) and two lanes: hits on the search lane, facet counts on the lower-priority facets lane,
// started only once a frame has shown the hits (frame_done()).
// A newer request replaces the waiting one and cancels the running one (and any counting) through
// the lanes' atomic flags: the queue is one slot deep whatever the typing rate, and the latest
// query wins. Responses are handed back for the UI thread to apply. No drawing, no SDL; queries
// are never logged.
#pragma once

#include "content/pack.hpp"
#include "content/query.hpp"
#include "core/background_work.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
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

// How long facet counts wait for the frame that shows their results: beyond it (no frame came,
// as in a test that never draws) they start anyway. Two frames at 60 Hz.
inline constexpr std::chrono::milliseconds facets_hold { 33 };

class SearchWorker {
public:
    // Asks `work` for its lanes; the first job opens `pack_path` on the worker thread. When
    // `expected_hash` is not empty, a pack whose content hash differs (the file was swapped since
    // the kiosk verified it) is refused.
    SearchWorker(BackgroundWork& work, std::filesystem::path pack_path, std::string expected_hash);
    // Closes the lanes: the waiting job is dropped and the running one cancelled (the screen is
    // gone: back, home or idle reset). It does not wait: the running job keeps what it uses alive
    // until it returns, and the connection closes with it on the worker thread.
    ~SearchWorker();
    SearchWorker(const SearchWorker&) = delete;
    SearchWorker& operator=(const SearchWorker&) = delete;
    SearchWorker(SearchWorker&&) = delete;
    SearchWorker& operator=(SearchWorker&&) = delete;

    // Queues `request` in place of any waiting one and cancels the running one (and the counts of
    // an older query). Returns its generation, which the responses to it carry.
    std::uint64_t submit(SearchRequest request);
    // The newest response not yet taken, if any (called on the UI thread each frame). Responses to
    // superseded requests are never returned.
    std::optional<SearchResponse> take();
    // The UI thread has finished a frame (drawn and presented, or found unchanged): results taken
    // before it are on screen, so their facet counts may start (they wait for this, at most
    // facets_hold, so that counting never competes with drawing the results).
    void frame_done();
    // True while a request waits or runs, or a response waits to be taken.
    [[nodiscard]] bool busy() const;
    // True while a request waits or runs, its counts included (a response may be ready to take).
    [[nodiscard]] bool working() const;
    // Waits up to `limit` until a response to the newest request is ready to take, or nothing is
    // left to do. True if a response is ready.
    bool wait_for_answer(std::chrono::milliseconds limit);

    // Counters for tests and the bench.
    struct Stats {
        std::uint64_t started = 0; // requests whose search began
        std::uint64_t cancelled = 0; // started requests superseded (or dropped) before they finished
        std::uint64_t completed = 0;
        std::uint64_t failed = 0;
        std::uint64_t cpu_us = 0; // the worker thread's CPU time spent serving requests
        std::uint64_t results_cpu_us = 0; // the part spent before the hits were handed over
    };
    [[nodiscard]] Stats stats() const;

private:
    // Everything the jobs touch, shared with them so that the worker may go while one runs.
    struct Shared;
    std::shared_ptr<Shared> m_shared;
};

// Queries to try when `text` found nothing, at most `limit`: the text with its last word completed
// from ever shorter prefixes of it (a typo near the end still finds the word that was meant), then
// each of its words alone that the pack holds (two words that never meet).
std::vector<Suggestion> suggest_queries(
    content::Pack& pack, const content::QueryParser& parser, std::string_view text, std::size_t limit);

} // namespace ck::screens
