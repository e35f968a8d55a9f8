// Internal to src/content: writes the rows of a pack in (date, id) order into the build database,
// then the derived tables, the search indexes, the manifest's curation and the metadata, and
// finally copies the result compactly into the temporary pack file.
#pragma once

#include "content/index_builder.hpp"
#include "content/pack_writer.hpp"
#include "content/sql.hpp"

#include <map>
#include <string>
#include <vector>

namespace ck::content {

class TableWriter {
public:
    TableWriter(sqlite3* db, const BuildOptions& options);

    // Creates the schema. The search indexes are built by `index` (on its thread) from the rows
    // add_cable() gives it, and copied in by finish().
    Status begin(IndexBuilder& index);
    Status add_cable(const cable::Cable& cable, bool id_from_file);
    Result<BuildSummary> finish(const BuildProgress& progress, const std::filesystem::path& compact_to);

private:
    struct FacetDictionary {
        std::map<std::string, std::int64_t> ids;
        std::vector<std::int64_t> counts; // by id - 1
        std::int64_t id_of(const std::string& value);
    };
    struct YearSpan {
        std::int64_t first = 0;
        std::int64_t last = 0;
        std::int64_t count = 0;
    };

    // The facet tokens of a cable ("xc1 xo4 xt7"), counting each value once; fills its tag ids.
    std::string count_facets(std::int64_t num, const cable::Cable& cable, std::vector<std::int64_t>& tag_ids);
    Status insert_cable_row(
        std::int64_t num, const cable::Cable& cable, bool id_from_file, const std::string& facet_tokens);
    Status insert_children(std::int64_t num, const cable::Cable& cable);
    Status insert_refs(std::int64_t num, const cable::Cable& cable);
    Status write_facets_and_years();
    Status resolve_references();
    Status write_manifest();
    Status write_variants();
    Status write_permalinks();
    Status write_name_tables();
    // The row number of a cable the manifest names; 0, and an error kept for the report, when the
    // pack has no such cable.
    std::int64_t manifest_num_of(const std::string& id, std::size_t line);
    Status write_sections();
    Status write_featured_and_glossary();
    // The tours (writer_tours.cpp): a stop naming a cable or paragraph the pack lacks is an error
    // kept for the report, like a section naming a missing cable.
    Status write_tours();
    Status check_paragraph(std::int64_t num, const ManifestTourStop& stop);
    Status write_texts(const std::string& owner, const std::string& field, const LangText& text);
    Status build_indexes(const BuildProgress& progress);
    Status write_meta(const std::string& content_hash);

    sqlite3* m_db;
    const BuildOptions& m_options;
    IndexBuilder* m_index = nullptr;
    std::map<std::string, sql::Stmt> m_stmts;
    FacetDictionary m_classifications;
    FacetDictionary m_origins;
    FacetDictionary m_tags;
    std::map<int, YearSpan> m_years;
    std::int64_t m_num = 0;
    std::int64_t m_text_bytes = 0;
    std::vector<Error> m_manifest_errors;

    sql::Stmt& stmt(const std::string& name);
};

} // namespace ck::content
