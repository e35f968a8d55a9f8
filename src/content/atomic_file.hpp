// Writing a file so that a reader (node_exporter, a staff script, the next start) sees either the
// old content or the new, never a part, whatever happens: a temporary file in the same folder,
// written and fsynced, renamed over the target, and the folder fsynced so the rename survives a
// power cut.
#pragma once

#include "core/result.hpp"

#include <filesystem>
#include <string_view>

namespace ck::content {

// Errors name the path and what failed (a full disk: "no space left on device").
Status write_file_atomically(const std::filesystem::path& path, std::string_view bytes, unsigned mode = 0644);

} // namespace ck::content
