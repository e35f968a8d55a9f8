// Failing to build the exhibit is a test failure with the reason, not a crash.
#include "support/exhibit_pack.hpp"

#include "cable/parse.hpp"
#include "content/manifest.hpp"
#include "content/pack_writer.hpp"
#include "content/permalink.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace ck::test {
namespace {

struct BuiltPack {
    fs::path dir;
    fs::path pack;

    BuiltPack()
    {
        dir = fs::temp_directory_path() / ("ck-exhibit-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        pack = dir / "exhibit.ckpack";
        const fs::path root = CK_CONTENT_PACK_DIR;
        auto manifest = content::read_manifest(root / "collection.toml");
        REQUIRE_MESSAGE(manifest.ok(), (manifest.ok() ? "" : manifest.error().to_string()));
        content::BuildOptions options;
        options.manifest = std::move(*manifest);
        auto variants = content::read_variants(root / "variants.tsv");
        REQUIRE_MESSAGE(variants.ok(), (variants.ok() ? "" : variants.error().to_string()));
        options.variants = std::move(*variants);
        auto names = content::read_names(root / "names_ja.tsv");
        REQUIRE_MESSAGE(names.ok(), (names.ok() ? "" : names.error().to_string()));
        options.names_ja = std::move(*names);
        auto readings = content::read_readings(root / "readings_ja.tsv");
        REQUIRE_MESSAGE(readings.ok(), (readings.ok() ? "" : readings.error().to_string()));
        options.readings_ja = std::move(*readings);
        options.builder_version = "tests";
        auto writer = content::PackWriter::create(pack, std::move(options));
        REQUIRE_MESSAGE(writer.ok(), (writer.ok() ? "" : writer.error().to_string()));
        // Each document's public page, from its folder's SOURCES.tsv, as cablepack build finds it.
        std::map<fs::path, content::SourceRow> sources;
        for (const char* folder : { "exhibit", "seeds" }) {
            auto rows = content::read_sources_tsv(root / "cables" / folder / "SOURCES.tsv");
            REQUIRE_MESSAGE(rows.ok(), (rows.ok() ? "" : rows.error().to_string()));
            for (const auto& row : *rows) {
                sources[root / "cables" / folder / row.file] = row;
            }
        }
        for (const auto& entry : fs::recursive_directory_iterator(root / "cables")) {
            if (!entry.is_regular_file() || entry.path().extension() != ".txt") {
                continue;
            }
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            const cable::ParseOutput parsed = cable::parse(bytes.str(), entry.path().filename().string());
            for (const cable::Cable& c : parsed.cables) {
                const auto added = writer->add(c);
                REQUIRE_MESSAGE(added.ok(), (added.ok() ? "" : added.error().to_string()));
                if (const auto row = sources.find(entry.path()); row != sources.end() && !c.id.empty()) {
                    if (auto link = content::permalink_for(row->second); !link.url.empty()) {
                        writer->set_permalink(c.id, link.url);
                    }
                }
            }
        }
        const auto summary = writer->commit();
        REQUIRE_MESSAGE(summary.ok(), (summary.ok() ? "" : summary.error().to_string()));
    }

    ~BuiltPack()
    {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

} // namespace

const fs::path& exhibit_pack_path()
{
    static const BuiltPack built;
    return built.pack;
}

} // namespace ck::test
