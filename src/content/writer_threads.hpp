// Internal to src/content: the build step that stores the threads (thread_graph.hpp) of the rows
// already written, after references are resolved, so that a kiosk reads a thread with one query.
#pragma once

#include "core/result.hpp"

struct sqlite3;

namespace ck::content {

// Reads the cables and their resolved references from `db` and fills the threads table.
Status write_threads(sqlite3* db);

} // namespace ck::content
