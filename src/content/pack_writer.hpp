// Building a pack: cables are staged as they are parsed, then sorted by date, written with their
// search indexes and the manifest's curation into a temporary file in the destination folder,
// checked, synced and renamed into place. An interrupted or failed build never leaves a partial
// pack and never replaces the previous one. The same inputs give a byte-identical pack.
#pragma once

#include "cable/cable.hpp"
#include "content/manifest.hpp"
#include "content/name_tables.hpp"
#include "content/variants.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ck::content {

struct BuildOptions {
    std::optional<Manifest> manifest; // none: the reading-room archive (every cable, no curation)
    std::int64_t sequence = 1;
    std::int64_t build_time = 0; // seconds since 1970; see build_time_from_environment()
    std::string builder_version; // e.g. "cablepack 0.1.0"
    // Groups of forms search treats as one (variants.hpp); the manifest's glossary `also` keys add
    // more. Stored in the pack, so every kiosk showing it searches them.
    std::vector<VariantGroup> variants;
    // Each cable's public page (cable id -> https URL), from the folders' SOURCES.tsv
    // (permalink.hpp); an id not in the pack is skipped. The manifest's [[cables]] permalinks win.
    std::map<std::string, std::string> permalinks;
    // Japanese names of origins and addressees, and the kana readings of terms search knows
    // (name_tables.hpp), stored in the texts table with the language "ja".
    std::vector<NameEntry> names_ja;
    std::vector<TermReading> readings_ja;
    // Before the rename the new pack always passes PRAGMA integrity_check, FTS5's structural
    // integrity-check and the content hash. This adds FTS5's check of the indexes against every
    // row, which re-tokenizes all text (verify runs it on import; see Pack::check_integrity).
    bool full_index_check = false;
};

// "cablepack <project version>", recorded in every pack built by this code.
std::string builder_version();

// SOURCE_DATE_EPOCH when set to a valid number, else 0 (reproducible builds by default).
std::int64_t build_time_from_environment();

struct BuildSummary {
    std::int64_t cables = 0;
    std::int64_t refs_total = 0;
    std::int64_t refs_resolved = 0;
    std::int64_t refs_possible = 0; // unresolved, with an id the source offers that is in the pack
    std::int64_t refs_fbis = 0; // FBIS press items
    std::int64_t text_bytes = 0; // display text stored
    std::uintmax_t pack_bytes = 0;
    std::string content_hash;
};

enum class BuildPhase { sorting, writing, indexing, vocabulary, ranking, compacting, checking };
std::string_view to_string(BuildPhase phase);
using BuildProgress = std::function<void(BuildPhase phase, std::int64_t done, std::int64_t total)>;

// The canonical form used to match a reference to a cable: "08TOKYO1723", "2008TOKYO01723" and
// "08 TOKYO 1723" all give "2008TOKYO1723". Ids of other shapes are upper-cased, spaces removed.
std::string reference_key(std::string_view id);

class PackWriter {
public:
    static Result<PackWriter> create(const std::filesystem::path& out, BuildOptions options);
    ~PackWriter(); // removes the temporary files unless commit() succeeded
    PackWriter(PackWriter&&) noexcept;
    PackWriter& operator=(PackWriter&&) noexcept;
    PackWriter(const PackWriter&) = delete;
    PackWriter& operator=(const PackWriter&) = delete;

    // Stages one cable. A cable without an id is stored under its source file's stem. The same
    // document given again (from another folder, say) is stored once: the result says so and names
    // where it was first seen. Another document with an id already staged fails with `where` =
    // "file:line", naming the first too.
    struct Added {
        bool duplicate = false; // the same document was staged before; this copy is not stored
        std::string first; // where the stored copy came from ("file:line"), for a duplicate
    };
    Result<Added> add(const cable::Cable& cable);
    [[nodiscard]] std::int64_t staged() const;
    // The public page of a staged cable, found from its source after it was parsed (see
    // BuildOptions::permalinks); the last given for an id wins.
    void set_permalink(const std::string& id, std::string url);

    // Writes, checks and renames the pack into place. A manifest naming a missing cable fails
    // here, citing the manifest's line.
    Result<BuildSummary> commit(const BuildProgress& progress = {});

    struct Impl;

private:
    explicit PackWriter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace ck::content
