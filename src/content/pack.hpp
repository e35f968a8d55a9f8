// Reading a content pack. Opening follows SQLite's advice for files of uncertain provenance:
// header checks before SQLite sees the file, a read-only immutable connection (side files such as
// -wal and -journal are ignored), defensive mode, no trusted schema, no triggers or views,
// lowered limits, a time budget on every statement, and the exact expected schema compared before
// any other query. A failed check is an Error whose `where` names the check.
#pragma once

#include "content/pack_types.hpp"
#include "content/search.hpp"
#include "content/thread.hpp"
#include "core/clock.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck::content {

struct OpenOptions {
    // Budget for any single read on the pack (searches carry their own budget).
    std::chrono::milliseconds statement_budget { 5000 };
    // The clock every budget of this pack is measured on (statements, searches, facets), which
    // must outlive the Pack; nullptr: the steady clock. Tests pass their own to make it exact.
    const Clock* clock = nullptr;
    // An archive pack's curation is made when it is opened, and choosing its featured cables reads
    // every cited cable once: about 2 s at 2M cables, more from a cold disk. Connections that only
    // search or count (the search worker's, the about screen's, `cablepack search`) leave it out.
    bool curation = true;
    // Set only by open_stamped(), once the verified stamp has shown that the file is the very one
    // whose schema a full verification checked, against this build's schema::fingerprint(): the
    // schema check (building the expected schema in memory, a few ms of every start) is then
    // skipped. Every other open check still runs.
    bool schema_proven_by_stamp = false;
};

// Names of the open checks, as they appear in Error::where.
namespace check {
inline constexpr std::string_view file = "check: file";
inline constexpr std::string_view header = "check: SQLite header";
inline constexpr std::string_view open = "check: open";
inline constexpr std::string_view schema = "check: schema";
inline constexpr std::string_view metadata = "check: metadata";
inline constexpr std::string_view integrity = "check: integrity";
inline constexpr std::string_view fts_integrity = "check: FTS5 integrity";
inline constexpr std::string_view content_hash = "check: content hash";
} // namespace check

class Pack {
public:
    static Result<Pack> open(const std::filesystem::path& path, const OpenOptions& options = {});
    ~Pack();
    Pack(Pack&&) noexcept;
    Pack& operator=(Pack&&) noexcept;
    Pack(const Pack&) = delete;
    Pack& operator=(const Pack&) = delete;

    [[nodiscard]] const PackInfo& info() const;
    [[nodiscard]] const Collection& collection() const;
    [[nodiscard]] const std::filesystem::path& path() const;
    // Languages with any text in the pack, "en" first.
    [[nodiscard]] std::vector<std::string> languages() const;
    // The UI string for `key` in `lang`, else in English, else the key itself.
    [[nodiscard]] std::string ui_string(std::string_view lang, std::string_view key) const;

    Result<std::optional<CableRecord>> cable(std::string_view id);
    // Summaries of the given cables in the given order; ids not in the pack are skipped.
    Result<std::vector<CableSummary>> summaries(const std::vector<std::string>& ids);
    Result<std::vector<YearCount>> years();
    Result<std::vector<CableSummary>> cables_in_year(int year, std::size_t limit, std::size_t offset);
    Result<RefCounts> ref_counts();
    // The thread (conversation) of a cable, read by one indexed query: up to `radius` steps on
    // either side of it (pack_threads.cpp). Empty when the cable has no thread.
    Result<Thread> thread(std::string_view id, std::size_t radius = 50);
    // Every thread of the pack, in order (by its first cable), as ids.
    Result<std::vector<ThreadIds>> threads();
    // The cable's public page on the web (an https URL), nullopt when it has none or is not in
    // the pack; and how many cables have one (pack_permalink.cpp).
    Result<std::optional<std::string>> permalink(std::string_view id);
    Result<std::int64_t> permalink_count();
    // Every cable in pack order (by date, then id). Stops at the first error `fn` returns.
    Status for_each_cable(const std::function<Status(const CableRecord&)>& fn);

    // Search (see search.hpp). `cancel`, when set from another thread, stops the call with an
    // error for which is_cancelled() holds.
    Result<SearchResults> search(const SearchQuery& query, const std::atomic<bool>* cancel = nullptr);
    Result<Facets> facets(const SearchQuery& query, const FacetOptions& options = {},
        const std::atomic<bool>* cancel = nullptr);
    // The facet values a typed filter stands for, as `search` filters by them: the value in any
    // case, else for an origin every origin holding all the typed words ("Tokyo" is "Embassy
    // Tokyo"); most cables first. Every value of the facet when `typed` is empty.
    Result<std::vector<FacetCount>> filter_values(FilterField field, std::string_view typed);
    // Words a visitor could mean that start with the last word of `typed` (from 3 characters),
    // most frequent first: never that word itself, a stop word, or a word found once in OCR text.
    Result<std::vector<Completion>> complete(std::string_view typed, std::size_t limit = 8);
    // How many cables hold this index word (as QueryParser folds it); 0 when none does.
    Result<std::int64_t> word_cables(std::string_view word);

    // The slow checks a kiosk runs on import and in its self-test (`full`): PRAGMA
    // integrity_check, FTS5's integrity-check of both indexes against every row (re-tokenizing
    // all text), and the content hash recomputed and compared with the metadata. `structure` is
    // what a build runs on the pack it has just made from the same rows: PRAGMA integrity_check
    // and FTS5's structural integrity-check. Time grows with the pack.
    enum class Integrity { structure, full };
    Status check_integrity(Integrity level = Integrity::full, const std::atomic<bool>* cancel = nullptr);

    struct Impl;

private:
    explicit Pack(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace ck::content
