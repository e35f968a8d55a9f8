// The handshake: submit() stores the request and raises the cancel flag under the mutex; the
// thread takes a request and lowers the flag under the same mutex, so a flag raised after the
// take always belongs to a newer request and cancels exactly the search it should. Results are
// published in two stages (hits first, then facet counts) because the counts can take the rest
// of their budget and the visitor is waiting for the hits.
#include "screens/search_worker.hpp"

#include "content/query.hpp"
#include "core/log.hpp"
#include "core/utf8.hpp"

#include <algorithm>
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

struct SearchWorker::State {
    std::optional<content::Pack> pack;
    std::optional<content::QueryParser> parser;
    std::optional<std::vector<content::FacetCount>> top_tags;
    bool open_failed = false;
};

SearchWorker::SearchWorker(std::filesystem::path pack_path, std::string expected_hash)
    : m_path(std::move(pack_path))
    , m_expected_hash(std::move(expected_hash))
    , m_thread([this] { run(); })
{
}

SearchWorker::~SearchWorker()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
        m_pending.reset();
        m_cancel.store(true);
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

std::uint64_t SearchWorker::submit(SearchRequest request)
{
    std::uint64_t generation = 0;
    {
        const std::lock_guard lock(m_mutex);
        generation = ++m_latest;
        m_pending = std::move(request);
        m_ready.reset(); // an older answer is no longer wanted
        m_cancel.store(true);
    }
    m_wake.notify_one();
    return generation;
}

std::optional<SearchResponse> SearchWorker::take()
{
    const std::lock_guard lock(m_mutex);
    std::optional<SearchResponse> out = std::move(m_ready);
    m_ready.reset();
    return out;
}

bool SearchWorker::busy() const
{
    const std::lock_guard lock(m_mutex);
    return m_pending.has_value() || m_running || m_ready.has_value();
}

bool SearchWorker::working() const
{
    const std::lock_guard lock(m_mutex);
    return m_pending.has_value() || m_running;
}

bool SearchWorker::wait_for_answer(std::chrono::milliseconds limit)
{
    std::unique_lock lock(m_mutex);
    m_answered.wait_for(
        lock, limit, [this] { return m_ready.has_value() || (!m_pending.has_value() && !m_running); });
    return m_ready.has_value();
}

void SearchWorker::set_notify(std::function<void()> notify)
{
    bool waiting = false;
    {
        const std::lock_guard lock(m_mutex);
        m_notify = notify;
        waiting = m_ready.has_value();
    }
    // An answer published before the hook was set must not wait for the next input.
    if (waiting && notify) {
        notify();
    }
}

SearchWorker::Stats SearchWorker::stats() const
{
    const std::lock_guard lock(m_mutex);
    return m_stats;
}

bool SearchWorker::publish(SearchResponse&& response)
{
    std::function<void()> notify;
    {
        const std::lock_guard lock(m_mutex);
        if (response.generation != m_latest) {
            return false;
        }
        m_ready = std::move(response);
        notify = m_notify;
    }
    m_answered.notify_all();
    if (notify) {
        notify();
    }
    return true;
}

void SearchWorker::run()
{
    State state;
    while (true) {
        SearchRequest request;
        std::uint64_t generation = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || m_pending.has_value(); });
            if (m_stop) {
                return;
            }
            request = std::move(*m_pending);
            m_pending.reset();
            generation = m_latest;
            m_cancel.store(false);
            m_running = true;
            ++m_stats.started;
        }
        const std::uint64_t cpu_before = thread_cpu_us();
        serve(request, generation, state);
        const std::uint64_t cpu = thread_cpu_us() - cpu_before;
        {
            const std::lock_guard lock(m_mutex);
            m_running = false;
            m_stats.cpu_us += cpu;
        }
        m_answered.notify_all();
    }
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
    auto opened = content::Pack::open(path);
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

void SearchWorker::count(std::uint64_t Stats::*counter)
{
    const std::lock_guard lock(m_mutex);
    ++(m_stats.*counter);
}

void SearchWorker::serve(const SearchRequest& request, std::uint64_t generation, State& state)
{
    const std::uint64_t cpu_start = thread_cpu_us();
    SearchResponse response;
    response.generation = generation;
    response.query = request.query;
    if (!ensure_open(m_path, m_expected_hash, state.open_failed, state.pack, state.parser)) {
        response.failed = true;
        response.stage = SearchResponse::Stage::complete;
        count(&Stats::failed);
        publish(std::move(response));
        return;
    }
    content::Pack& pack = *state.pack;
    auto results = pack.search(request.query, &m_cancel);
    if (!results) {
        if (content::is_cancelled(results.error())) {
            count(&Stats::cancelled);
            return;
        }
        log_failure(results.error());
        response.failed = true;
        response.stage = SearchResponse::Stage::complete;
        count(&Stats::failed);
        publish(std::move(response));
        return;
    }
    response.results = std::move(*results);
    response.subject_marks = mark_subjects(*state.parser, response.results);
    if (request.query.offset == 0) {
        if (auto completions = pack.complete(request.query.text, completions_shown)) {
            response.completions = std::move(*completions);
        }
        if (response.results.total == 0 && !response.results.empty_query) {
            response.suggestions
                = suggest_queries(pack, *state.parser, request.query.text, suggestions_shown);
        }
    }
    if (state.top_tags) {
        response.top_tags = *state.top_tags;
    }
    response.stage = request.want_facets ? SearchResponse::Stage::results : SearchResponse::Stage::complete;
    const std::uint64_t results_cpu = thread_cpu_us() - cpu_start;
    if (m_cancel.load() || !publish(SearchResponse(response))) {
        count(&Stats::cancelled);
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_stats.results_cpu_us += results_cpu;
    }
    if (request.want_facets) {
        if (!add_facets(request, response, state)) {
            count(&Stats::cancelled);
            return;
        }
        response.stage = SearchResponse::Stage::complete;
        if (!publish(std::move(response))) {
            count(&Stats::cancelled);
            return;
        }
    }
    count(&Stats::completed);
}

bool SearchWorker::add_facets(const SearchRequest& request, SearchResponse& response, State& state)
{
    content::Pack& pack = *state.pack;
    auto facets = pack.facets(request.query, {}, &m_cancel);
    if (!facets) {
        if (!content::is_cancelled(facets.error())) {
            log_failure(facets.error());
        }
        return false;
    }
    const content::SearchQuery& q = request.query;
    const bool whole_collection = response.results.empty_query && q.classification.empty() && q.origin.empty()
        && q.tag.empty() && !q.year_from && !q.year_to;
    if (!state.top_tags) {
        // The collection's most frequent tags: suggestions for an empty box and for "nothing found".
        std::vector<content::FacetCount> tags;
        if (whole_collection) {
            tags = facets->tag;
        } else if (auto all = pack.facets(content::SearchQuery {}, {}, &m_cancel)) {
            tags = all->tag;
        }
        if (!tags.empty()) {
            tags.resize(std::min(tags.size(), top_tags_shown));
            state.top_tags = std::move(tags);
        }
    }
    if (state.top_tags) {
        response.top_tags = *state.top_tags;
    }
    response.facets = std::move(*facets);
    return !m_cancel.load();
}

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
    const auto add = [&](std::string query, std::int64_t cables) {
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
        // The exact word is among the most frequent words it begins (or too rare to matter).
        auto found = pack.complete(tokens[i].text, 100);
        if (!found) {
            continue;
        }
        const auto exact = std::find_if(found->begin(), found->end(),
            [&](const content::Completion& c) { return c.word == tokens[i].text; });
        if (exact != found->end()) {
            add(tokens[i].text, exact->cables);
        }
    }
    return out;
}

} // namespace ck::screens
