// Results are published in two stages (hits first, then facet counts) because the counts can take
// the rest of their budget and the visitor is waiting for the hits. The counts run as a job of
// their own on a lower-priority lane, so a newer keystroke (this screen's or another's) is served
// before them and cancels them. Generations tell a superseded job's answer from the newest one.
#include "screens/search_worker.hpp"

#include "content/query.hpp"
#include "content/query_intent.hpp"
#include "core/log.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <time.h>
#include <unordered_set>

namespace ck::screens {
namespace {

constexpr std::size_t completions_shown = 6;
constexpr std::size_t suggestions_shown = 5;
constexpr std::size_t top_tags_shown = 6;
// Shorter prefixes are tried down to this many characters; below it the words say too little.
constexpr std::size_t suggestion_min_chars = 3;

std::uint64_t thread_cpu_us()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<std::uint64_t>(ts.tv_sec) * 1000000U + static_cast<std::uint64_t>(ts.tv_nsec) / 1000U;
}

} // namespace

struct SearchWorker::Shared : std::enable_shared_from_this<Shared> {
    Shared(BackgroundWork& work, std::filesystem::path pack_path, std::string hash)
        : path(std::move(pack_path))
        , expected_hash(std::move(hash))
        , search_lane(work.lane(WorkKind::search))
        , facets_lane(work.lane(WorkKind::facets))
    {
    }

    const std::filesystem::path path;
    const std::string expected_hash;
    // The lanes are closed by ~SearchWorker, which breaks the cycle of a waiting job holding this.
    BackgroundWork::Lane search_lane;
    BackgroundWork::Lane facets_lane;

    // Guarded by `mutex`.
    mutable std::mutex mutex;
    std::condition_variable answered; // a response was published, or the newest request finished
    std::condition_variable drawn; // a frame was done after results were taken, or counts are unwanted
    std::uint64_t latest = 0; // generation of the newest submitted request
    std::uint64_t started = 0; // newest generation whose search began
    std::uint64_t finished = 0; // newest generation answered in full, failed, or given up
    std::optional<SearchResponse> ready;
    std::uint64_t taken = 0; // newest generation whose results the UI took
    std::uint64_t drawn_after = 0; // newest generation whose results a finished frame showed
    bool closed = false;
    Stats stats;

    // Touched only by jobs, which all run on the one worker thread.
    std::optional<content::Pack> pack;
    std::optional<content::QueryParser> parser;
    std::optional<std::vector<content::FacetCount>> top_tags;
    bool open_failed = false;

    void serve(const SearchRequest& request, std::uint64_t generation, const JobContext& ctx);
    // The hits of a first page asked for with content::SearchQuery::defer_ranking, ranked now
    // and published in place of those shown; false when superseded.
    bool refine_ranking(const SearchRequest& request, SearchResponse& response, const JobContext& ctx);
    void serve_facets(const SearchRequest& request, SearchResponse& response, std::uint64_t generation,
        const JobContext& ctx);
    // Stage two: facet counts (and, once, the collection's most frequent tags). False when cancelled.
    bool add_facets(const SearchRequest& request, SearchResponse& response, const JobContext& ctx);
    // Publishes `response` unless a newer request has been submitted; false when superseded.
    bool publish(SearchResponse&& response, const JobContext& ctx);
    // The request of `generation` is done; `counter`, if any, says how.
    void finish(std::uint64_t generation, std::uint64_t Stats::*counter);
    void add(std::uint64_t Stats::*counter, std::uint64_t amount);
};

SearchWorker::SearchWorker(BackgroundWork& work, std::filesystem::path pack_path, std::string expected_hash)
    : m_shared(std::make_shared<Shared>(work, std::move(pack_path), std::move(expected_hash)))
{
}

SearchWorker::~SearchWorker()
{
    m_shared->search_lane.close();
    m_shared->facets_lane.close();
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->closed = true;
    }
    m_shared->answered.notify_all();
    m_shared->drawn.notify_all();
}

std::uint64_t SearchWorker::submit(SearchRequest request)
{
    std::uint64_t generation = 0;
    {
        const std::lock_guard lock(m_shared->mutex);
        if (m_shared->started == m_shared->latest && m_shared->finished < m_shared->latest) {
            ++m_shared->stats.cancelled; // the running request is superseded
        }
        generation = ++m_shared->latest;
        m_shared->ready.reset(); // an older answer is no longer wanted
    }
    m_shared->drawn.notify_all(); // counts held for a frame are no longer wanted
    // The counts of an older query are no longer wanted either: stop them before the new search.
    m_shared->facets_lane.cancel();
    m_shared->search_lane.post(
        [shared = m_shared, request = std::move(request), generation](const JobContext& ctx) {
            const std::uint64_t cpu_before = thread_cpu_us();
            shared->serve(request, generation, ctx);
            shared->add(&Stats::cpu_us, thread_cpu_us() - cpu_before);
        });
    return generation;
}

std::optional<SearchResponse> SearchWorker::take()
{
    const std::lock_guard lock(m_shared->mutex);
    std::optional<SearchResponse> out = std::move(m_shared->ready);
    m_shared->ready.reset();
    if (out && out->stage == SearchResponse::Stage::results) {
        m_shared->taken = std::max(m_shared->taken, out->generation);
    }
    return out;
}

void SearchWorker::frame_done()
{
    {
        const std::lock_guard lock(m_shared->mutex);
        if (m_shared->taken <= m_shared->drawn_after) {
            return;
        }
        m_shared->drawn_after = m_shared->taken;
    }
    m_shared->drawn.notify_all();
}

bool SearchWorker::busy() const
{
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->ready.has_value() || m_shared->finished < m_shared->latest;
}

bool SearchWorker::working() const
{
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->finished < m_shared->latest;
}

bool SearchWorker::wait_for_answer(std::chrono::milliseconds limit)
{
    Shared& s = *m_shared;
    std::unique_lock lock(s.mutex);
    s.answered.wait_for(lock, limit, [&s] { return s.ready.has_value() || s.finished >= s.latest; });
    return s.ready.has_value();
}

SearchWorker::Stats SearchWorker::stats() const
{
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->stats;
}

bool SearchWorker::Shared::publish(SearchResponse&& response, const JobContext& ctx)
{
    {
        const std::lock_guard lock(mutex);
        if (response.generation != latest) {
            return false;
        }
        ready = std::move(response);
    }
    answered.notify_all();
    ctx.ready();
    return true;
}

void SearchWorker::Shared::finish(std::uint64_t generation, std::uint64_t Stats::*counter)
{
    {
        const std::lock_guard lock(mutex);
        finished = std::max(finished, generation);
        if (counter != nullptr) {
            ++(stats.*counter);
        }
    }
    answered.notify_all();
}

void SearchWorker::Shared::add(std::uint64_t Stats::*counter, std::uint64_t amount)
{
    const std::lock_guard lock(mutex);
    stats.*counter += amount;
}

namespace {

// Opens the worker's own connection on first use. The kiosk verified the file at start; a file
// whose recorded hash no longer matches was replaced since, and is not searched.
bool ensure_open(const std::filesystem::path& path, const std::string& expected_hash, bool& failed,
    std::optional<content::Pack>& pack, std::optional<content::QueryParser>& parser)
{
    if (pack && parser) {
        return true;
    }
    if (failed) {
        return false;
    }
    content::OpenOptions options;
    options.curation = false; // searches only
    auto opened = content::Pack::open(path, options);
    if (!opened) {
        log::error("search", "the search cannot open the pack: " + opened.error().to_string());
        failed = true;
        return false;
    }
    if (!expected_hash.empty() && opened->info().content_hash != expected_hash) {
        log::error("search", "the pack changed on disk since the kiosk opened it; search is off");
        failed = true;
        return false;
    }
    auto made = content::QueryParser::create();
    if (!made) {
        log::error("search", "the query parser cannot start: " + made.error().to_string());
        failed = true;
        return false;
    }
    pack.emplace(std::move(*opened));
    parser.emplace(std::move(*made));
    return true;
}

std::vector<SubjectMarks> mark_subjects(
    const content::QueryParser& parser, const content::SearchResults& results)
{
    const std::unordered_set<std::string> words(results.words.begin(), results.words.end());
    std::vector<SubjectMarks> out;
    out.reserve(results.hits.size());
    for (const content::SearchHit& hit : results.hits) {
        SubjectMarks marks;
        for (const auto& token : parser.tokenize(hit.cable.subject)) {
            if (words.contains(token.text)) {
                marks.ranges.push_back({ token.begin, token.end });
            }
        }
        out.push_back(std::move(marks));
    }
    return out;
}

// Only the kind of failure goes to the log: an error message can quote the query.
void log_failure(const Error& e)
{
    log::warning("search", "a search failed (" + e.where + "); the visitor sees \"nothing found\"");
}

} // namespace

bool SearchWorker::Shared::refine_ranking(
    const SearchRequest& request, SearchResponse& response, const JobContext& ctx)
{
    auto ranked = pack->search(request.query, ctx.cancel_flag());
    if (!ranked) {
        if (content::is_cancelled(ranked.error())) {
            return false;
        }
        log_failure(ranked.error());
        return true; // the hits already shown stay
    }
    if (ranked->ranking != content::Ranking::relevance) {
        return true; // the budget ran out: the order shown is the one there is
    }
    response.results = std::move(*ranked);
    response.subject_marks = mark_subjects(*parser, response.results);
    return !ctx.cancelled() && publish(SearchResponse(response), ctx);
}

void SearchWorker::Shared::serve(
    const SearchRequest& request, std::uint64_t generation, const JobContext& ctx)
{
    {
        const std::lock_guard lock(mutex);
        ++stats.started;
        started = generation;
        if (generation != latest) {
            ++stats.cancelled; // superseded between the take and here
            return;
        }
    }
    const std::uint64_t cpu_start = thread_cpu_us();
    SearchResponse response;
    response.generation = generation;
    response.query = request.query;
    if (!ensure_open(path, expected_hash, open_failed, pack, parser)) {
        response.failed = true;
        response.stage = SearchResponse::Stage::complete;
        publish(std::move(response), ctx);
        finish(generation, &Stats::failed);
        return;
    }
    // A first page is asked for without the slow ranking of several words (a word typed after
    // others included) past the ranked pass: those hits are shown first, and the ranked ones
    // follow (refine_ranking) before the counts.
    content::SearchQuery first = request.query;
    first.defer_ranking = request.query.offset == 0;
    auto results = pack->search(first, ctx.cancel_flag());
    if (!results) {
        if (content::is_cancelled(results.error())) {
            return; // superseded: counted by submit()
        }
        log_failure(results.error());
        response.failed = true;
        response.stage = SearchResponse::Stage::complete;
        publish(std::move(response), ctx);
        finish(generation, &Stats::failed);
        return;
    }
    response.results = std::move(*results);
    response.subject_marks = mark_subjects(*parser, response.results);
    if (request.query.offset == 0) {
        if (auto completions = pack->complete(request.query.text, completions_shown)) {
            response.completions = std::move(*completions);
        }
        if (response.results.total == 0 && !response.results.empty_query) {
            response.suggestions = suggest_queries(*pack, *parser, request.query.text, suggestions_shown);
        }
    }
    if (top_tags) {
        response.top_tags = *top_tags;
    }
    response.stage = request.want_facets ? SearchResponse::Stage::results : SearchResponse::Stage::complete;
    const std::uint64_t results_cpu = thread_cpu_us() - cpu_start;
    if (ctx.cancelled() || !publish(SearchResponse(response), ctx)) {
        return; // superseded: counted by submit()
    }
    add(&Stats::results_cpu_us, results_cpu);
    if (response.results.ranking_deferred && !refine_ranking(request, response, ctx)) {
        return; // superseded: counted by submit()
    }
    if (!request.want_facets) {
        finish(generation, &Stats::completed);
        return;
    }
    // The counts wait on their own lane, behind any newer keystroke (of any search screen).
    facets_lane.post([self = shared_from_this(), request, response = std::move(response), generation](
                         const JobContext& facets_ctx) mutable {
        const std::uint64_t cpu_before = thread_cpu_us();
        self->serve_facets(request, response, generation, facets_ctx);
        self->add(&Stats::cpu_us, thread_cpu_us() - cpu_before);
    });
}

void SearchWorker::Shared::serve_facets(
    const SearchRequest& request, SearchResponse& response, std::uint64_t generation, const JobContext& ctx)
{
    {
        // Results first: the counts start once a frame showing the hits is done (or after
        // facets_hold, if no frame comes), so counting never competes with drawing the results.
        std::unique_lock lock(mutex);
        drawn.wait_for(lock, facets_hold,
            [&] { return drawn_after >= generation || generation != latest || closed || ctx.cancelled(); });
        if (generation != latest || closed) {
            return; // superseded: counted by submit()
        }
    }
    if (!add_facets(request, response, ctx)) {
        if (!ctx.cancelled()) {
            finish(generation, &Stats::cancelled); // the counts failed; the hits stay shown
        }
        return;
    }
    response.stage = SearchResponse::Stage::complete;
    if (!publish(std::move(response), ctx)) {
        return;
    }
    finish(generation, &Stats::completed);
}

bool SearchWorker::Shared::add_facets(
    const SearchRequest& request, SearchResponse& response, const JobContext& ctx)
{
    auto counted = pack->facets(request.query, {}, ctx.cancel_flag());
    if (!counted) {
        if (!content::is_cancelled(counted.error())) {
            log_failure(counted.error());
        }
        return false;
    }
    const content::SearchQuery& q = request.query;
    const bool whole_collection = response.results.empty_query && q.classification.empty() && q.origin.empty()
        && q.tag.empty() && !q.year_from && !q.year_to;
    if (!top_tags) {
        // The collection's most frequent tags: suggestions for an empty box and for "nothing found".
        std::vector<content::FacetCount> tags;
        if (whole_collection) {
            tags = counted->tag;
        } else if (auto all = pack->facets(content::SearchQuery {}, {}, ctx.cancel_flag())) {
            tags = all->tag;
        }
        if (!tags.empty()) {
            tags.resize(std::min(tags.size(), top_tags_shown));
            top_tags = std::move(tags);
        }
    }
    if (top_tags) {
        response.top_tags = *top_tags;
    }
    response.facets = std::move(*counted);
    return !ctx.cancelled();
}

namespace {

// A suggested word that names a year ("1966", a number in some cable's text) is offered only when
// the pack has cables of that year: searching it would list that year's cables first, and a year
// with none would disappoint the visitor twice.
bool year_without_cables(std::string_view word, const std::vector<content::YearCount>& years)
{
    const auto span = content::time_span(word);
    if (!span) {
        return false;
    }
    return std::none_of(years.begin(), years.end(), [&](const content::YearCount& y) {
        return y.cables > 0 && y.year >= span->year_from && y.year <= span->year_to;
    });
}

} // namespace

std::vector<Suggestion> suggest_queries(
    content::Pack& pack, const content::QueryParser& parser, std::string_view text, std::size_t limit)
{
    const auto tokens = parser.tokenize(text);
    if (tokens.empty()) {
        return {};
    }
    std::unordered_set<std::string> typed;
    for (const auto& t : tokens) {
        typed.insert(t.text);
    }
    std::vector<Suggestion> out;
    std::unordered_set<std::string> seen;
    const auto years = pack.years();
    const auto add = [&](std::string query, std::int64_t cables) {
        if (years && year_without_cables(query, *years)) {
            return;
        }
        if (out.size() < limit && seen.insert(query).second) {
            out.push_back({ std::move(query), cables });
        }
    };
    // The last word completed from ever shorter prefixes of itself, longest first.
    const auto& last = tokens.back();
    const std::string head(text.substr(0, last.begin));
    std::vector<std::size_t> ends;
    for (std::size_t pos = 0; pos < last.text.size();) {
        utf8::decode(last.text, pos);
        ends.push_back(pos);
    }
    for (std::size_t n = ends.size(); n-- > 0 && n + 1 >= suggestion_min_chars;) {
        auto found = pack.complete(std::string_view(last.text).substr(0, ends[n]), limit + typed.size());
        if (!found) {
            break;
        }
        for (const content::Completion& c : *found) {
            if (!typed.contains(c.word)) {
                add(head + c.word, c.cables);
            }
        }
        if (!out.empty()) {
            break;
        }
    }
    // Each word alone, when more than one was typed and the pack holds it.
    for (std::size_t i = 0; tokens.size() > 1 && i < tokens.size(); ++i) {
        auto cables = pack.word_cables(tokens[i].text);
        if (cables && *cables > 0) {
            add(tokens[i].text, *cables);
        }
    }
    return out;
}

} // namespace ck::screens
