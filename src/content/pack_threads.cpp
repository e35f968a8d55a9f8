// Reading threads. The reader's card is one statement: the open cable's row found through the
// threads_cable index, the thread's last row through the primary key (its position and rank give
// the totals), and the window of steps around the cable by primary-key range, each joined to its
// cable's summary. Nothing is parsed or computed here; a hostile pack's odd rows show as odd steps.
#include "content/pack.hpp"
#include "content/pack_impl.hpp"

namespace ck::content {
namespace {

constexpr std::size_t max_radius = 500;

const std::string& thread_sql()
{
    static const std::string text = std::string("WITH me AS (SELECT thread, pos, nth FROM threads")
        + " WHERE cable = (SELECT num FROM cables WHERE id = ?1) ORDER BY thread LIMIT 1)"
          " SELECT t.pos, t.nth, t.missing_id, t.post, t.serial, t.year, me.pos, me.nth, last.pos,"
          " last.nth, "
        + std::string(summary_columns)
        + " FROM me JOIN threads last ON last.thread = me.thread"
          " AND last.pos = (SELECT max(pos) FROM threads WHERE thread = me.thread)"
          " JOIN threads t ON t.thread = me.thread AND t.pos BETWEEN me.pos - ?2 AND me.pos + ?2"
          " LEFT JOIN cables c ON c.num = t.cable ORDER BY t.pos LIMIT ?3";
    return text;
}

} // namespace

Result<Thread> Pack::thread(std::string_view id, std::size_t radius)
{
    auto scope = m_impl->scope();
    auto st = m_impl->stmt(thread_sql());
    if (!st) {
        return st.error();
    }
    const auto r = static_cast<std::int64_t>(std::min(radius, max_radius));
    (*st)->bind(1, id).bind(2, r).bind(3, 2 * r + 1);
    Thread thread;
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        ThreadStep step;
        if (!s.column_is_null(10)) {
            step.cable = read_summary(s, 11);
        }
        step.missing_id = s.column_text(2);
        step.post = s.column_text(3);
        step.serial = s.column_text(4);
        step.year = static_cast<int>(s.column_int(5));
        if (thread.steps.empty()) {
            thread.first_pos = s.column_int(0);
            thread.total_steps = s.column_int(8) + 1;
            thread.cables = s.column_int(9);
            thread.current_nth = s.column_int(7);
        }
        if (s.column_int(0) == s.column_int(6)) {
            thread.current = thread.steps.size();
        }
        thread.steps.push_back(std::move(step));
    });
    if (!status) {
        return status.error();
    }
    return thread;
}

Result<std::vector<ThreadIds>> Pack::threads()
{
    auto scope = m_impl->scope();
    auto st = m_impl->stmt("SELECT t.thread, c.id, t.missing_id FROM threads t"
                           " LEFT JOIN cables c ON c.num = t.cable ORDER BY t.thread, t.pos");
    if (!st) {
        return st.error();
    }
    std::vector<ThreadIds> out;
    std::int64_t last = -1;
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        if (out.empty() || s.column_int(0) != last) {
            out.emplace_back();
            last = s.column_int(0);
        }
        if (!s.column_is_null(1)) {
            out.back().cables.push_back(s.column_text(1));
        } else {
            out.back().missing.push_back(s.column_text(2));
        }
    });
    if (!status) {
        return status.error();
    }
    return out;
}

} // namespace ck::content
