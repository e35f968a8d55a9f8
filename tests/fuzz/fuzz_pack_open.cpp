// libFuzzer target for the pack opener: any bytes as a pack file. Opening either fails with an
// error naming a check, or the pack can be read, searched and checked without a crash or a hang
// (every statement runs under a time budget). The target seeds its own corpus with a small valid
// pack (1 KiB pages, so mutations reach every structure) when the corpus folder is empty.
// Longer run: build/fuzz/tests/fuzz/fuzz_pack_open -max_total_time=3600
// build/fuzz/tests/fuzz/fuzz_pack_open_corpus
#include "content/pack.hpp"
#include "content/pack_writer.hpp"

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

void require(bool ok)
{
    if (!ok) {
        std::abort();
    }
}

fs::path scratch()
{
    return fs::temp_directory_path() / ("fuzz_pack_open_" + std::to_string(::getpid()) + ".ckpack");
}

// A valid pack with a few cables and curation, rewritten with small pages.
void write_seed(const fs::path& corpus)
{
    const fs::path pack = scratch();
    ck::content::BuildOptions options;
    ck::content::Manifest m;
    m.file = "seed.toml";
    m.title = { { "en", "Seed" } };
    m.sections.push_back({ "s", { { "en", "S" } }, {}, { "99SEED1" }, { 1 }, 1 });
    m.ui["en"] = { { "nav.back", "Back" } };
    options.manifest = m;
    auto writer = ck::content::PackWriter::create(pack, options);
    require(writer.ok());
    for (int i = 1; i <= 3; ++i) {
        ck::cable::Cable c;
        c.id = "99SEED" + std::to_string(i);
        c.date = ck::cable::CableDate { 1990 + i, 2, 3, -1, -1 };
        c.classification = "SECRET";
        c.origin = "Embassy Tokyo";
        c.tags = { "PREL", "JA" };
        c.subject = "SEED SUBJECT " + std::to_string(i);
        c.display_text = "The text of seed cable " + std::to_string(i) + " about whaling and trade.";
        c.refs = { ck::cable::Reference { "", "SEED 1", "99SEED1", {}, ck::cable::ReferenceKind::cable } };
        c.source_file = "seed.txt";
        require(writer->add(c).ok());
    }
    require(writer->commit().ok());
    sqlite3* db = nullptr;
    require(sqlite3_open(pack.c_str(), &db) == SQLITE_OK);
    require(sqlite3_exec(db, "PRAGMA page_size = 1024; VACUUM;", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    fs::create_directories(corpus);
    fs::copy_file(pack, corpus / "seed.ckpack", fs::copy_options::overwrite_existing);
    fs::remove(pack);
}

} // namespace

// The names and signatures are libFuzzer's.
// NOLINTNEXTLINE(readability-identifier-naming)
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    // The first argument that is a folder is the corpus libFuzzer reads after this returns.
    for (int i = 1; i < *argc; ++i) {
        const fs::path arg = (*argv)[i];
        std::error_code ec;
        if ((*argv)[i][0] != '-' && fs::is_directory(arg, ec)) {
            if (fs::is_empty(arg, ec)) {
                write_seed(arg);
            }
            break;
        }
    }
    return 0;
}

// NOLINTNEXTLINE(readability-identifier-naming)
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const fs::path path = scratch();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    {
        auto pack
            = ck::content::Pack::open(path, ck::content::OpenOptions { std::chrono::milliseconds { 500 } });
        if (pack) {
            (void)pack->info();
            (void)pack->languages();
            (void)pack->ui_string("ja", "nav.back");
            if (auto years = pack->years(); years && !years->empty()) {
                (void)pack->cables_in_year(years->front().year, 5, 0);
            }
            (void)pack->cable("99SEED1");
            (void)pack->thread("99SEED1");
            (void)pack->threads();
            (void)pack->ref_counts();
            ck::content::SearchQuery q;
            q.text = "seed whal";
            q.budget = std::chrono::milliseconds { 500 };
            (void)pack->search(q);
            q.tag = "PREL";
            (void)pack->facets(q, ck::content::FacetOptions { std::chrono::milliseconds { 200 }, 10 });
            (void)pack->complete("th", 4);
            (void)pack->check_integrity(ck::content::Pack::Integrity::structure);
        } else {
            require(pack.error().where.rfind("check: ", 0) == 0);
        }
    }
    std::error_code ec;
    fs::remove(path, ec);
    return 0;
}
