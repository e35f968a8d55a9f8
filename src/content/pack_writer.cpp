// PackWriter: staging, sorting, writing, indexing, checking and the atomic rename. The pack's row
// numbers follow (date, id) order so that date order is the index's native rowid order; nothing
// in the file depends on the clock, the process or the order files were handed in.
#include "content/pack_writer.hpp"

#include "content/pack.hpp"
#include "content/pack_impl.hpp"
#include "content/schema.hpp"
#include "content/sql.hpp"
#include "content/stage_file.hpp"
#include "content/writer_tables.hpp"
#include "content/writer_threads.hpp"
#include "core/ascii.hpp"

#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <future>
#include <system_error>
#include <unistd.h>

namespace ck::content {

namespace fs = std::filesystem;

std::string builder_version()
{
    return std::string("cablepack ") + CK_PROJECT_VERSION;
}

std::int64_t build_time_from_environment()
{
    const char* text
        = std::getenv("SOURCE_DATE_EPOCH"); // NOLINT(concurrency-mt-unsafe): read once at build start
    if (text == nullptr) {
        return 0;
    }
    std::int64_t value = 0;
    const std::string_view s(text);
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc {} && end == s.data() + s.size() && value >= 0 ? value : 0;
}

std::string_view to_string(BuildPhase phase)
{
    switch (phase) {
    case BuildPhase::sorting:
        return "sorting";
    case BuildPhase::writing:
        return "writing";
    case BuildPhase::indexing:
        return "indexing";
    case BuildPhase::vocabulary:
        return "vocabulary";
    case BuildPhase::ranking:
        return "ranking";
    case BuildPhase::compacting:
        return "compacting";
    case BuildPhase::checking:
        return "checking";
    }
    return "?";
}

std::string reference_key(std::string_view id)
{
    std::string s;
    for (const char c : id) {
        if (ascii::is_alnum(c)) {
            s.push_back(ascii::to_upper(c));
        }
    }
    // YY or YYYY, then letters (the station), then digits (the serial).
    std::size_t year_digits = 0;
    while (year_digits < s.size() && ascii::is_digit(s[year_digits])) {
        ++year_digits;
    }
    std::size_t letters_end = year_digits;
    while (letters_end < s.size() && ascii::is_alpha(s[letters_end])) {
        ++letters_end;
    }
    std::size_t serial_begin = letters_end;
    bool all_digits = serial_begin < s.size();
    for (std::size_t i = serial_begin; i < s.size(); ++i) {
        all_digits = all_digits && ascii::is_digit(s[i]);
    }
    if ((year_digits != 2 && year_digits != 4) || letters_end == year_digits || !all_digits) {
        return s;
    }
    std::string year = s.substr(0, year_digits);
    if (year_digits == 2) {
        // Telegram series start in the 1960s; two-digit years from 50 on are 19xx, the rest 20xx.
        year.insert(0, year[0] >= '5' ? "19" : "20");
    }
    while (serial_begin + 1 < s.size() && s[serial_begin] == '0') {
        ++serial_begin;
    }
    return year + s.substr(year_digits, letters_end - year_digits) + s.substr(serial_begin);
}

namespace {

// FTS5's in-memory segment size while building: fewer, larger segments, less merging.
constexpr std::int64_t build_hash_bytes = 16LL << 20U;
// Pack page size: rows of a few KB waste a third of 4 KiB pages (one row fits, two do not);
// 16 KiB pages hold several rows and cut the pack by about a sixth (README: measurements).
constexpr int pack_page_bytes = 16384;
// Page cache of the build connection (KiB). Rows are appended in key order and the FTS5 segments
// are written in order, so a larger cache bought no speed (64 MiB was measured the same), only memory.
constexpr int build_cache_kib = 16384;

// The file the search indexes are built in, beside the build file.
fs::path index_file(const fs::path& build_path)
{
    return build_path.string() + "-index";
}

Result<sql::DbPtr> open_scratch(const fs::path& path)
{
    std::error_code ec;
    fs::remove(path, ec);
    // NOMUTEX: only the writer's thread uses this connection.
    auto db = sql::open(
        path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, "create " + path.string());
    if (!db) {
        return db.error();
    }
    // A scratch file is thrown away on any failure, so it needs no journal and no syncs.
    const auto st = sql::exec(db->get(),
        "PRAGMA page_size = " + std::to_string(pack_page_bytes)
            + "; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
              "PRAGMA locking_mode = EXCLUSIVE; PRAGMA temp_store = FILE; PRAGMA cache_size = -"
            + std::to_string(build_cache_kib) + ";");
    if (!st) {
        return st.error();
    }
    return db;
}

Status sync_path(const fs::path& path, bool directory)
{
    const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) {
        return make_error("cannot open to sync: " + std::error_code(errno, std::generic_category()).message(),
            path.string());
    }
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) {
        return make_error("fsync failed", path.string());
    }
    return {};
}

fs::path sibling(const fs::path& out, std::string_view suffix)
{
    std::string name = ".";
    name.append(out.filename().string()).append(".").append(std::to_string(::getpid())).append(suffix);
    return out.parent_path() / name;
}

// A build killed outright (power cut, SIGKILL) cannot remove its scratch files, and at 2M cables
// they hold about 20 GB. The next build into the same folder removes those whose process is
// gone: `.PACK.PID.stage|build|tmp`, the build file's `-index` file and `-impacts-0|1` parts, and
// any of their `-journal`s, with no process PID. A live build's files are left alone.
void remove_abandoned_temporaries(const fs::path& out)
{
    const std::string prefix = "." + out.filename().string() + ".";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(out.parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) {
            continue;
        }
        const std::string rest = name.substr(prefix.size());
        const auto dot = rest.find('.');
        if (dot == 0 || dot == std::string::npos) {
            continue;
        }
        const std::string pid_text = rest.substr(0, dot);
        std::string suffix = rest.substr(dot);
        // SQLite's rollback journal of any of them, and the ranking phase's part files.
        for (const std::string_view tail : { "-journal", "-impacts-0", "-impacts-1", "-index" }) {
            if (suffix.size() > tail.size() && suffix.ends_with(tail)) {
                suffix.resize(suffix.size() - tail.size());
            }
        }
        if ((suffix != ".stage" && suffix != ".build" && suffix != ".tmp")
            || pid_text.find_first_not_of("0123456789") != std::string::npos || pid_text.size() > 9) {
            continue;
        }
        const auto pid = static_cast<pid_t>(std::stol(pid_text));
        if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) {
            continue; // ours, or a build still running (or not ours to judge)
        }
        std::error_code remove_ec;
        fs::remove(entry.path(), remove_ec);
    }
}

} // namespace

struct PackWriter::Impl {
    fs::path out;
    fs::path stage_path;
    fs::path build_path;
    fs::path tmp_path;
    BuildOptions options;
    std::optional<StageFile> stage;
    bool committed = false;

    ~Impl() { remove_temporaries(!committed); }
    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    Impl(Impl&&) = delete;
    Impl& operator=(Impl&&) = delete;

    void remove_temporaries(bool including_tmp)
    {
        stage.reset(); // removes the staging file
        std::error_code ec;
        fs::remove(build_path, ec);
        fs::remove(index_file(build_path), ec);
        if (including_tmp) {
            fs::remove(tmp_path, ec);
        }
    }

    Result<BuildSummary> write(const BuildProgress& progress);
    Result<BuildSummary> check_and_install(BuildSummary summary, const BuildProgress& progress);
};

PackWriter::PackWriter(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}
PackWriter::~PackWriter() = default;
PackWriter::PackWriter(PackWriter&&) noexcept = default;
PackWriter& PackWriter::operator=(PackWriter&&) noexcept = default;

Result<PackWriter> PackWriter::create(const fs::path& out, BuildOptions options)
{
    auto impl = std::make_unique<Impl>();
    impl->out = fs::absolute(out);
    const fs::path dir = impl->out.parent_path();
    if (!fs::is_directory(dir)) {
        return make_error("the output folder does not exist", dir.string());
    }
    if (fs::is_directory(impl->out)) {
        return make_error("the output is a folder, not a pack file", impl->out.string());
    }
    remove_abandoned_temporaries(impl->out);
    impl->stage_path = sibling(impl->out, ".stage");
    impl->build_path = sibling(impl->out, ".build");
    impl->tmp_path = sibling(impl->out, ".tmp");
    impl->options = std::move(options);
    auto stage = StageFile::create(impl->stage_path);
    if (!stage) {
        return stage.error();
    }
    impl->stage = std::move(*stage);
    return PackWriter(std::move(impl));
}

void PackWriter::set_permalink(const std::string& id, std::string url)
{
    m_impl->options.permalinks[id] = std::move(url);
}

std::int64_t PackWriter::staged() const
{
    return m_impl->stage ? static_cast<std::int64_t>(m_impl->stage->size()) : 0;
}

namespace {

// One document given twice: the same id, date, subject and text. Where it came from may differ.
bool same_document(const cable::Cable& a, const cable::Cable& b)
{
    return a.id == b.id && a.date == b.date && a.subject == b.subject && a.display_text == b.display_text;
}

} // namespace

Result<PackWriter::Added> PackWriter::add(const cable::Cable& cable)
{
    Impl& w = *m_impl;
    const std::string where = cable.source_file + ":" + std::to_string(cable.source_line);
    if (w.committed || !w.stage) {
        return make_error("the pack was already written", where);
    }
    // The staged cable under `key`, when it is this very document.
    const auto staged_copy = [&](const std::string& key) -> std::optional<std::string> {
        if (!w.stage->contains(key)) {
            return std::nullopt;
        }
        auto first = w.stage->read(key);
        if (!first || !same_document(*first, cable)) {
            return std::nullopt;
        }
        return first->source_file + ":" + std::to_string(first->source_line);
    };
    std::string id = cable.id;
    const bool from_file = id.empty();
    if (from_file) {
        id = fs::path(cable.source_file).stem().string();
        if (id.empty()) {
            return make_error("the cable has no id and its file name gives none", where);
        }
        if (auto first = staged_copy(id)) {
            return Added { true, *first };
        }
        if (w.stage->contains(id)) {
            // A second id-less cable from the same file (a CSV row) is named by its line too.
            id.append("-").append(std::to_string(cable.source_line));
        }
    }
    if (auto first = staged_copy(id)) {
        return Added { true, *first };
    }
    if (w.stage->contains(id)) {
        std::string first_where = "an earlier file";
        if (auto first = w.stage->read(id)) {
            first_where = first->source_file + ":" + std::to_string(first->source_line);
        }
        return make_error(
            "duplicate cable id " + id + " for another document (first seen at " + first_where + ")", where);
    }
    if (auto st = w.stage->append(id, from_file, cable); !st) {
        return st.error();
    }
    return Added {};
}

Result<BuildSummary> PackWriter::commit(const BuildProgress& progress)
{
    Impl& w = *m_impl;
    if (w.committed || !w.stage) {
        return make_error("the pack was already written", w.out.string());
    }
    auto summary = w.write(progress);
    if (!summary) {
        w.remove_temporaries(true);
        return summary.error();
    }
    auto installed = w.check_and_install(std::move(*summary), progress);
    w.remove_temporaries(!installed.ok());
    if (installed) {
        w.committed = true;
    }
    return installed;
}

Result<BuildSummary> PackWriter::Impl::write(const BuildProgress& progress)
{
    const auto total = static_cast<std::int64_t>(stage->size());
    if (progress) {
        progress(BuildPhase::sorting, total, total);
    }
    auto db = open_scratch(build_path);
    if (!db) {
        return db.error();
    }
    // The search indexes are built on the second core while the rows are written (index_builder.hpp).
    auto index = IndexBuilder::start(index_file(build_path), build_hash_bytes);
    if (!index) {
        return index.error();
    }
    TableWriter tables(db->get(), options);
    if (auto st = tables.begin(**index); !st) {
        return st.error();
    }
    release_free_memory();
    std::int64_t done = 0;
    auto st = stage->for_each_in_order([&](cable::Cable& c, bool id_from_file) -> Status {
        if (auto added = tables.add_cable(c, id_from_file); !added) {
            return added;
        }
        if (progress && (++done % 4096 == 0 || done == total)) {
            progress(BuildPhase::writing, done, total);
        }
        return {};
    });
    if (!st) {
        return st.error();
    }
    (*index)->close();
    stage.reset();
    release_free_memory();
    return tables.finish(progress, tmp_path);
}

namespace {

Result<sql::DbPtr> open_read_only(const fs::path& path)
{
    return sql::open(path, SQLITE_OPEN_READONLY, "open " + path.string());
}

// PRAGMA integrity_check and then the content hash of the new pack, each on a read-only connection
// of its own; the hash, or the first check that failed.
Result<std::string> integrity_pragma_and_hash(const fs::path& path)
{
    auto db = open_read_only(path);
    if (!db) {
        return db.error();
    }
    if (auto st = check_integrity_pragma(db->get()); !st) {
        return st.error();
    }
    auto hash = schema::content_hash(db->get());
    if (!hash) {
        return Error { hash.error().message, std::string(check::content_hash) };
    }
    return *hash;
}

// The checks of Pack::check_integrity but the PRAGMA and the hash: every open check and FTS5's
// integrity-check of both indexes; the content hash the metadata holds.
Result<std::string> check_indexes(const fs::path& path, bool full_index_check)
{
    auto pack = Pack::open(path, OpenOptions { std::chrono::milliseconds { 0 } });
    if (!pack) {
        return pack.error();
    }
    if (auto st = check_fts_integrity(path, full_index_check, nullptr); !st) {
        return st.error();
    }
    return pack->info().content_hash;
}

} // namespace

Result<BuildSummary> PackWriter::Impl::check_and_install(BuildSummary summary, const BuildProgress& progress)
{
    if (progress) {
        progress(BuildPhase::checking, 0, 1);
    }
    {
        // The checks read every page of the pack. They run in two halves of about equal time (at
        // 250k: the PRAGMA 2 s and the hash about 3, the open checks and FTS5's integrity-check
        // about 5), the first on the second core. Each only reads.
        auto whole
            = std::async(std::launch::async, [path = tmp_path] { return integrity_pragma_and_hash(path); });
        const auto recorded = check_indexes(tmp_path, options.full_index_check);
        const auto hash = whole.get();
        const Error* failed = !hash ? &hash.error() : !recorded ? &recorded.error() : nullptr;
        if (failed != nullptr) {
            return Error { "the new pack failed a check: " + failed->to_string(), tmp_path.string() };
        }
        if (*hash != *recorded) {
            const Error mismatch = make_error("the content does not match the content hash in the metadata",
                std::string(check::content_hash));
            return Error { "the new pack failed a check: " + mismatch.to_string(), tmp_path.string() };
        }
        if (*hash != summary.content_hash) {
            return make_error("the new pack's content hash differs from the one written", tmp_path.string());
        }
    }
    if (auto st = sync_path(tmp_path, false); !st) {
        return st.error();
    }
    std::error_code ec;
    summary.pack_bytes = fs::file_size(tmp_path, ec);
    fs::rename(tmp_path, out, ec);
    if (ec) {
        return make_error("cannot rename the new pack into place: " + ec.message(), out.string());
    }
    if (auto st = sync_path(out.parent_path(), true); !st) {
        return st.error();
    }
    if (progress) {
        progress(BuildPhase::checking, 1, 1);
    }
    return summary;
}

} // namespace ck::content
