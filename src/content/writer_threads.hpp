// Internal to src/content: the build step that stores the threads (thread_graph.hpp) of the rows
// already written, after references are resolved, so that a kiosk reads a thread with one query.
#pragma once

#include "core/result.hpp"

struct sqlite3;

namespace ck::content {

// Reads the cables and their resolved references from `db` and fills the threads table.
Status write_threads(sqlite3* db);

// Hands the heap's free pages back to the system between the phases of a build (malloc_trim):
// the parsing and the thread graph free many small blocks that would otherwise stay counted in the
// peak of the next phase.
void release_free_memory();

} // namespace ck::content
