// The permalinks table read back: the reader asks once per cable it opens, inspect counts them.
#include "content/pack.hpp"
#include "content/pack_impl.hpp"
#include "content/sql.hpp"

namespace ck::content {

Result<std::optional<std::string>> Pack::permalink(std::string_view id)
{
    auto scope = m_impl->scope();
    auto st = m_impl->stmt("SELECT p.url FROM permalinks p JOIN cables c ON c.num = p.cable WHERE c.id = ?1");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, id);
    auto url = sql::query_one(**st, [](const sql::Stmt& row) { return row.column_text(0); });
    (*st)->reset();
    if (!url) {
        return url.error();
    }
    return std::move(*url);
}

Result<std::int64_t> Pack::permalink_count()
{
    auto scope = m_impl->scope();
    return sql::query_int(m_impl->db.get(), "SELECT count(*) FROM permalinks");
}

} // namespace ck::content
