// PackWriter: staging, sorting, writing, indexing, checking and the atomic rename. The pack's row
// numbers follow (date, id) order so that date order is the index's native rowid order; nothing
// in the file depends on the clock, the process or the order files were handed in.
#include "content/pack_writer.hpp"

#include "content/cable_codec.hpp"
#include "content/pack.hpp"
#include "content/schema.hpp"
#include "content/sql.hpp"
#include "content/writer_tables.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fcntl.h>
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
        if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
            s.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        }
    }
    // YY or YYYY, then letters (the station), then digits (the serial).
    std::size_t year_digits = 0;
    while (year_digits < s.size() && std::isdigit(static_cast<unsigned char>(s[year_digits])) != 0) {
        ++year_digits;
    }
    std::size_t letters_end = year_digits;
    while (letters_end < s.size() && std::isalpha(static_cast<unsigned char>(s[letters_end])) != 0) {
        ++letters_end;
    }
    std::size_t serial_begin = letters_end;
    bool all_digits = serial_begin < s.size();
    for (std::size_t i = serial_begin; i < s.size(); ++i) {
        all_digits = all_digits && std::isdigit(static_cast<unsigned char>(s[i])) != 0;
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
constexpr std::int64_t build_hash_bytes = 32LL << 20U;
// Pack page size: rows of a few KB waste a third of 4 KiB pages (one row fits, two do not);
// 16 KiB pages hold several rows and cut the pack by about a sixth (README: measurements).
constexpr int pack_page_bytes = 16384;
// Page cache of the build connection (negative: KiB).
constexpr int build_cache_kib = 65536;

Result<sql::DbPtr> open_scratch(const fs::path& path)
{
    std::error_code ec;
    fs::remove(path, ec);
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    sql::DbPtr db(raw);
    if (rc != SQLITE_OK) {
        return sql::db_error(raw, "create " + path.string());
    }
    // A scratch file is thrown away on any failure, so it needs no journal and no syncs.
    const auto st = sql::exec(db.get(),
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

} // namespace

struct PackWriter::Impl {
    fs::path out;
    fs::path stage_path;
    fs::path build_path;
    fs::path tmp_path;
    BuildOptions options;
    sql::DbPtr stage;
    sql::Stmt insert_stage;
    std::int64_t staged = 0;
    bool committed = false;

    ~Impl() { remove_temporaries(!committed); }
    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    Impl(Impl&&) = delete;
    Impl& operator=(Impl&&) = delete;

    void remove_temporaries(bool including_tmp)
    {
        stage.reset();
        insert_stage = sql::Stmt {};
        std::error_code ec;
        fs::remove(stage_path, ec);
        fs::remove(build_path, ec);
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
    impl->stage_path = sibling(impl->out, ".stage");
    impl->build_path = sibling(impl->out, ".build");
    impl->tmp_path = sibling(impl->out, ".tmp");
    impl->options = std::move(options);
    auto db = open_scratch(impl->stage_path);
    if (!db) {
        return db.error();
    }
    impl->stage = std::move(*db);
    const auto st = sql::exec(impl->stage.get(),
        "CREATE TABLE staging(k INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, date_key TEXT NOT NULL,"
        " file TEXT NOT NULL, line INTEGER NOT NULL, id_from_file INTEGER NOT NULL, blob BLOB NOT NULL);"
        "BEGIN;");
    if (!st) {
        return st.error();
    }
    auto insert = sql::Stmt::prepare(impl->stage.get(),
        "INSERT INTO staging(id, date_key, file, line, id_from_file, blob) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert) {
        return insert.error();
    }
    impl->insert_stage = std::move(*insert);
    return PackWriter(std::move(impl));
}

std::int64_t PackWriter::staged() const
{
    return m_impl->staged;
}

Status PackWriter::add(const cable::Cable& cable)
{
    Impl& w = *m_impl;
    const std::string where = cable.source_file + ":" + std::to_string(cable.source_line);
    if (w.committed || !w.insert_stage.valid()) {
        return make_error("the pack was already written", where);
    }
    std::string id = cable.id;
    const bool from_file = id.empty();
    if (from_file) {
        id = fs::path(cable.source_file).stem().string();
        if (id.empty()) {
            return make_error("the cable has no id and its file name gives none", where);
        }
    }
    // Unknown dates sort after every known one ('~' follows the digits).
    const std::string date_key = cable.date ? cable.date->iso() : "~";
    for (int attempt = 0; attempt < 2; ++attempt) {
        w.insert_stage.bind(1, std::string_view(id))
            .bind(2, std::string_view(date_key))
            .bind(3, std::string_view(cable.source_file))
            .bind(4, static_cast<std::int64_t>(cable.source_line))
            .bind(5, from_file ? 1 : 0)
            .bind_blob(6, codec::encode(cable));
        const int rc = sqlite3_step(w.insert_stage.raw());
        w.insert_stage.reset();
        if (rc == SQLITE_DONE) {
            ++w.staged;
            return {};
        }
        if (sqlite3_extended_errcode(w.stage.get()) != SQLITE_CONSTRAINT_UNIQUE) {
            return sql::db_error(w.stage.get(), "stage " + where);
        }
        if (from_file && attempt == 0) {
            // A second id-less cable from the same file (a CSV row) is named by its line too.
            id.append("-").append(std::to_string(cable.source_line));
            continue;
        }
        break;
    }
    auto first = sql::Stmt::prepare(w.stage.get(), "SELECT file, line FROM staging WHERE id = ?1");
    std::string first_where = "an earlier file";
    if (first && first->bind(1, std::string_view(id)).step().ok() && sqlite3_data_count(first->raw()) > 0) {
        first_where = first->column_text(0) + ":" + std::to_string(first->column_int(1));
    }
    return make_error("duplicate cable id " + id + " (first seen at " + first_where + ")", where);
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
    insert_stage = sql::Stmt {};
    if (auto st = sql::exec(stage.get(), "COMMIT; CREATE INDEX staging_order ON staging(date_key, id);");
        !st) {
        return st.error();
    }
    if (progress) {
        progress(BuildPhase::sorting, staged, staged);
    }
    auto db = open_scratch(build_path);
    if (!db) {
        return db.error();
    }
    TableWriter tables(db->get(), options);
    if (auto st = tables.begin(build_hash_bytes); !st) {
        return st.error();
    }
    auto rows
        = sql::Stmt::prepare(stage.get(), "SELECT id, id_from_file, blob FROM staging ORDER BY date_key, id");
    if (!rows) {
        return rows.error();
    }
    std::int64_t done = 0;
    for (;;) {
        auto row = rows->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            break;
        }
        auto decoded = codec::decode(rows->column_view(2));
        if (!decoded) {
            return decoded.error();
        }
        decoded->id = rows->column_text(0);
        if (auto st = tables.add_cable(*decoded, rows->column_int(1) != 0); !st) {
            return st.error();
        }
        if (progress && (++done % 4096 == 0 || done == staged)) {
            progress(BuildPhase::writing, done, staged);
        }
    }
    rows = sql::Stmt {};
    stage.reset();
    std::error_code ec;
    fs::remove(stage_path, ec);
    return tables.finish(progress, tmp_path);
}

Result<BuildSummary> PackWriter::Impl::check_and_install(BuildSummary summary, const BuildProgress& progress)
{
    if (progress) {
        progress(BuildPhase::checking, 0, 1);
    }
    {
        auto pack = Pack::open(tmp_path, OpenOptions { std::chrono::milliseconds { 0 } });
        if (!pack) {
            return Error { "the new pack failed a check: " + pack.error().to_string(), tmp_path.string() };
        }
        const auto level = options.full_index_check ? Pack::Integrity::full : Pack::Integrity::structure;
        if (auto st = pack->check_integrity(level); !st) {
            return Error { "the new pack failed a check: " + st.error().to_string(), tmp_path.string() };
        }
        if (pack->info().content_hash != summary.content_hash) {
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
