// Finds SOURCES.tsv files the way cmd_build finds cable files (recursively, skipping hidden
// folders) and keys their lines by the name the build gives each cable file.
#include "cablepack/source_tables.hpp"

#include <filesystem>

namespace ck::cablepack {

namespace fs = std::filesystem;

Result<SourceTables> read_source_tables(const std::vector<std::string>& sources)
{
    SourceTables out;
    for (const std::string& source : sources) {
        std::error_code ec;
        if (!fs::is_directory(source, ec)) {
            continue;
        }
        const fs::path base = fs::absolute(source).lexically_normal().parent_path();
        fs::recursive_directory_iterator it(source, fs::directory_options::skip_permission_denied, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_directory(ec) && it->path().filename().string().rfind('.', 0) == 0) {
                it.disable_recursion_pending();
                continue;
            }
            if (it->path().filename() != "SOURCES.tsv" || !it->is_regular_file(ec)) {
                continue;
            }
            auto rows = content::read_sources_tsv(it->path());
            if (!rows) {
                return rows.error();
            }
            const fs::path folder = fs::absolute(it->path()).lexically_normal().parent_path();
            for (auto& row : *rows) {
                out[(folder / row.file).lexically_relative(base).generic_string()] = std::move(row);
            }
        }
        if (ec) {
            return make_error("cannot read the folder: " + ec.message(), source);
        }
    }
    return out;
}

} // namespace ck::cablepack
