// The SOURCES.tsv tables of the folders a build reads: each cable file's provenance line, from
// which the build derives the cable's public page (content/permalink.hpp) for the reader's QR code.
#pragma once

#include "content/permalink.hpp"
#include "core/result.hpp"

#include <map>
#include <string>
#include <vector>

namespace ck::cablepack {

// File name as the build records it (relative to the SRC folder's parent, as cable::Cable's
// source_file) -> its SOURCES.tsv line. Reads every SOURCES.tsv under the SRC folders; a bad
// table is an error naming "file:line".
using SourceTables = std::map<std::string, content::SourceRow>;
Result<SourceTables> read_source_tables(const std::vector<std::string>& sources);

} // namespace ck::cablepack
