// Thin owners and helpers over the SQLite C API for the content layer.
#include "content/sql.hpp"

#include <array>
#include <mutex>

namespace ck::content::sql {

Result<DbPtr> open(const std::string& filename, int flags, std::string_view where)
{
    static std::once_flag once;
    // SQLITE_MISUSE if SQLite was already initialised by someone else: then it stays as it was.
    std::call_once(once, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(filename.c_str(), &raw, flags, nullptr);
    DbPtr db(raw);
    if (rc != SQLITE_OK) {
        return make_error(raw != nullptr ? sqlite3_errmsg(raw) : "out of memory", std::string(where));
    }
    return db;
}

Error db_error(sqlite3* db, std::string_view what)
{
    const int code = db != nullptr ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
    std::string message = db != nullptr ? sqlite3_errmsg(db) : "no database";
    if ((code & 0xff) == SQLITE_INTERRUPT) {
        message = "interrupted (time budget or cancellation)";
    }
    return make_error(message, std::string(what));
}

Result<Stmt> Stmt::prepare(sqlite3* db, std::string_view sql)
{
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), 0, &raw, nullptr);
    Stmt st;
    st.m_stmt.reset(raw);
    st.m_db = db;
    if (rc != SQLITE_OK || raw == nullptr) {
        return db_error(db, "prepare");
    }
    return st;
}

Stmt& Stmt::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt.get(), index, value);
    return *this;
}

Stmt& Stmt::bind(int index, std::string_view text)
{
    sqlite3_bind_text64(m_stmt.get(), index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Stmt& Stmt::bind_blob(int index, std::string_view bytes)
{
    sqlite3_bind_blob64(m_stmt.get(), index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
}

Stmt& Stmt::bind_null(int index)
{
    sqlite3_bind_null(m_stmt.get(), index);
    return *this;
}

Stmt& Stmt::bind_optional(int index, const std::optional<std::string>& text)
{
    return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Result<bool> Stmt::step()
{
    const int rc = sqlite3_step(m_stmt.get());
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    Error e = db_error(m_db, "step");
    sqlite3_reset(m_stmt.get());
    return e;
}

Status Stmt::run()
{
    if (auto status = each_row(*this, [](const Stmt&) {}); !status) {
        return status;
    }
    reset();
    return {};
}

void Stmt::reset()
{
    sqlite3_reset(m_stmt.get());
    sqlite3_clear_bindings(m_stmt.get());
}

std::int64_t Stmt::column_int(int col) const
{
    return sqlite3_column_int64(m_stmt.get(), col);
}

std::string Stmt::column_text(int col) const
{
    return std::string(column_view(col));
}

std::string_view Stmt::column_view(int col) const
{
    const auto* text = sqlite3_column_text(m_stmt.get(), col);
    const int size = sqlite3_column_bytes(m_stmt.get(), col);
    if (text == nullptr || size <= 0) {
        return {};
    }
    return { reinterpret_cast<const char*>(text), static_cast<std::size_t>(size) };
}

bool Stmt::column_is_null(int col) const
{
    return sqlite3_column_type(m_stmt.get(), col) == SQLITE_NULL;
}

int Stmt::column_type(int col) const
{
    return sqlite3_column_type(m_stmt.get(), col);
}

Status exec(sqlite3* db, std::string_view sql)
{
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string what = message != nullptr ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        if ((sqlite3_extended_errcode(db) & 0xff) == SQLITE_INTERRUPT) {
            what = "interrupted (time budget or cancellation)";
        }
        return make_error(what, "exec");
    }
    return {};
}

Result<std::int64_t> query_int(sqlite3* db, std::string_view sql)
{
    auto st = Stmt::prepare(db, sql);
    if (!st) {
        return st.error();
    }
    auto value = query_one(*st, [](const Stmt& row) { return row.column_int(0); });
    if (!value) {
        return value.error();
    }
    if (!*value) {
        return make_error("query returned no row", std::string(sql));
    }
    return **value;
}

namespace {

Millis now_of(const Guard& guard)
{
    static const SteadyClock steady;
    return (guard.clock != nullptr ? *guard.clock : static_cast<const Clock&>(steady)).now();
}

int on_progress(void* context)
{
    auto* guard = static_cast<Guard*>(context);
    if (guard->cancel != nullptr && guard->cancel->load(std::memory_order_relaxed)) {
        guard->tripped_by_cancel = true;
        return 1;
    }
    if (guard->deadline != Guard::no_deadline && now_of(*guard) >= guard->deadline) {
        guard->tripped_by_deadline = true;
        return 1;
    }
    return 0;
}

} // namespace

void install_guard(sqlite3* db, Guard* guard)
{
    sqlite3_progress_handler(db, progress_interval_ops, &on_progress, guard);
}

GuardScope::GuardScope(Guard& guard, std::chrono::milliseconds budget, const std::atomic<bool>* cancel)
    : m_guard(guard)
{
    m_guard.deadline = budget.count() > 0 ? now_of(m_guard) + budget : Guard::no_deadline;
    m_guard.cancel = cancel;
    m_guard.tripped_by_cancel = false;
    m_guard.tripped_by_deadline = false;
}

GuardScope::~GuardScope()
{
    m_guard.deadline = Guard::no_deadline;
    m_guard.cancel = nullptr;
}

fts5_api* fts5_api_of(sqlite3* db)
{
    fts5_api* api = nullptr;
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &raw, nullptr) != SQLITE_OK) {
        return nullptr;
    }
    std::unique_ptr<sqlite3_stmt, StmtFinalizer> st(raw);
    sqlite3_bind_pointer(raw, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(raw);
    return api;
}

std::string to_hex(std::string_view bytes)
{
    static constexpr std::array<char, 16> digits
        = { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f' };
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        out.push_back(digits[b >> 4U]);
        out.push_back(digits[b & 0x0fU]);
    }
    return out;
}

} // namespace ck::content::sql
