// Opening packs of uncertain provenance (HOSTILE_INPUTS b2 items that apply to a pack file on
// disk): each hostile file ends in an error naming the failed check, never a crash or a hang.
#include "content/pack.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>

using namespace ck;
using ck::test::TempDir;
namespace fs = std::filesystem;

namespace {

// Runs SQL on a copy of a good pack, as an attacker with the file would.
void tamper(const fs::path& path, const std::string& sql_text)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql_text.c_str(), nullptr, nullptr, &message);
    INFO(sql_text << " -> " << (message != nullptr ? message : ""));
    sqlite3_free(message);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

void set_byte(const fs::path& path, std::size_t at, unsigned char value)
{
    std::string bytes = test::read_bytes(path);
    REQUIRE(at < bytes.size());
    bytes[at] = static_cast<char>(value);
    test::write_bytes(path, bytes);
}

struct Packs {
    TempDir dir;
    fs::path good;
    Packs()
        : good(dir / "good.ckpack")
    {
        test::build_pack(good, test::sample_cables(), test::sample_manifest());
    }
    fs::path copy(const std::string& name) const
    {
        const fs::path out = dir / name;
        fs::copy_file(good, out, fs::copy_options::overwrite_existing);
        return out;
    }
};

void expect_refused(const fs::path& path, std::string_view check, std::string_view says)
{
    auto pack = content::Pack::open(path);
    REQUIRE_FALSE(pack.ok());
    CAPTURE(pack.error().to_string());
    CHECK(pack.error().where == check);
    CHECK(pack.error().message.find(says) != std::string::npos);
}

} // namespace

TEST_CASE("a good pack opens and passes every integrity check")
{
    Packs p;
    auto pack = test::open_pack(p.good);
    auto st = pack.check_integrity();
    CHECK_MESSAGE(st.ok(), (st.ok() ? "" : st.error().to_string()));
}

TEST_CASE("files that are not packs are refused before SQLite reads them")
{
    Packs p;
    struct Case {
        const char* name;
        std::string bytes;
        std::string_view check;
        const char* says;
    };
    const std::string good = test::read_bytes(p.good);
    std::string not_sqlite = good;
    not_sqlite.replace(0, 6, "SQLitX");
    const Case cases[] = {
        { "empty", "", content::check::file, "too short" },
        { "text", std::string(4096, 'a'), content::check::header, "not an SQLite database" },
        { "not sqlite magic", not_sqlite, content::check::header, "not an SQLite database" },
        { "truncated mid-page", good.substr(0, good.size() - 100), content::check::header, "truncated" },
        { "truncated by a page", good.substr(0, good.size() - 4096), content::check::header, "truncated" },
        { "bytes appended (a polyglot)", good + "#!/bin/sh\nrm -rf /\n", content::check::header, "appended" },
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const auto path = p.dir / "x.ckpack";
        test::write_bytes(path, c.bytes);
        expect_refused(path, c.check, c.says);
    }
    expect_refused(p.dir / "missing.ckpack", content::check::file, "no pack file");
    expect_refused(p.dir.path(), content::check::file, "not a regular file");
}

TEST_CASE("header fields that lie about the file are refused (HOSTILE_INPUTS b2.2, b2.7)")
{
    Packs p;
    struct Case {
        const char* name;
        std::size_t at;
        unsigned char value;
        const char* says;
    };
    const Case cases[] = {
        { "WAL mode write version", 18, 2, "rollback-journal" },
        { "WAL mode read version", 19, 2, "rollback-journal" },
        { "page size 512", 16, 0x02, "bytes but the header says" }, // 0x0200 with byte 17 = 0
        { "page size 65536", 16, 0x00, "invalid page size" }, // 0x0010 is 16: invalid
        { "page size not a power of two", 17, 0x10, "invalid page size" }, // 0x1010
        { "page count claiming 4 TB", 28, 0x7f, "bytes but the header says" },
        { "stale page count (change counter differs)", 27, 0x55, "page count is not valid" },
        { "reserved bytes per page", 20, 8, "unexpected values" },
        { "text encoding UTF-16", 59, 2, "UTF-8" },
        { "another application's database", 68, 0x00, "application id" },
        { "a future schema version", 63, 9,
            "schema version 9; this build reads version 7: the pack is newer" },
        { "a pack of schema version 2 (before vocab.offered)", 63, 2,
            "schema version 2; this build reads version 7: the pack is older than this kiosk; rebuild it" },
        { "a pack of schema version 3 (before permalinks)", 63, 3,
            "schema version 3; this build reads version 7: the pack is older than this kiosk; rebuild it" },
        { "a pack of schema version 4 (before threads)", 63, 4,
            "schema version 4; this build reads version 7: the pack is older than this kiosk; rebuild it" },
        { "a pack of schema version 5 (before tours)", 63, 5,
            "schema version 5; this build reads version 7: the pack is older than this kiosk; rebuild it" },
        { "a pack of schema version 6 (before impacts)", 63, 6,
            "schema version 6; this build reads version 7: the pack is older than this kiosk; rebuild it" },
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const auto path = p.copy("h.ckpack");
        set_byte(path, c.at, c.value);
        expect_refused(path, content::check::header, c.says);
    }
}

TEST_CASE("a hot journal or WAL file beside a pack is ignored, and refused by the writable integrity check")
{
    Packs p;
    const auto path = p.copy("side.ckpack");
    const std::string before = test::read_bytes(path);
    test::write_bytes(path.string() + "-journal", std::string(8192, '\x5a'));
    test::write_bytes(path.string() + "-wal", std::string(8192, '\x5a'));
    {
        auto pack = test::open_pack(path);
        CHECK(pack.info().cables == 7);
        CHECK(pack.cable("08TOKYO1723")->has_value());
        auto st = pack.check_integrity();
        REQUIRE_FALSE(st.ok());
        CHECK(st.error().where == content::check::fts_integrity);
        CHECK(st.error().message.find("side file") != std::string::npos);
    }
    CHECK(test::read_bytes(path) == before);
}

TEST_CASE("schemas other than ours are refused before any table is used (HOSTILE_INPUTS b2.3-b2.5, b2.8)")
{
    Packs p;
    const std::pair<const char*, const char*> cases[] = {
        { "a trigger", "CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END;" },
        { "a view", "CREATE VIEW v AS SELECT 1;" },
        { "a recursive view in place of a table",
            "DROP TABLE featured; CREATE VIEW featured(pos, cable) AS WITH RECURSIVE c(x) AS (SELECT 1 UNION "
            "ALL SELECT "
            "x+1 FROM c) SELECT x, x FROM c;" },
        { "an extra table", "CREATE TABLE extra(x);" },
        { "a generated column", "CREATE TABLE g(a INTEGER, b INTEGER GENERATED ALWAYS AS (a * 2));" },
        { "a CHECK constraint", "CREATE TABLE c(a INTEGER CHECK (a > 0));" },
        { "an index on an expression", "CREATE INDEX e ON cables(abs(year));" },
        { "an FTS5 table with an unknown tokenizer",
            "CREATE VIRTUAL TABLE evil USING fts5(x, tokenize='porter');" },
        { "an rtree table", "CREATE VIRTUAL TABLE r USING rtree(id, a, b);" },
        { "an fts3 table", "CREATE VIRTUAL TABLE f3 USING fts3(x);" },
        { "a dropped unique index (two rows could share an id)",
            "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, 'id TEXT NOT NULL "
            "UNIQUE', 'id "
            "TEXT NOT NULL') WHERE name = 'cables'; PRAGMA writable_schema = OFF;" },
        { "2,000 columns", nullptr },
        { "a CHECK nested 1,000 deep", nullptr },
    };
    for (const auto& [name, sql_text] : cases) {
        const auto shown = name; // clang 14 cannot capture a structured binding
        CAPTURE(shown);
        const auto path = p.copy("s.ckpack");
        std::string text = sql_text != nullptr ? sql_text : "";
        if (std::string(name) == "2,000 columns") {
            text = "CREATE TABLE wide(c0";
            for (int i = 1; i < 2000; ++i) {
                text += ", c" + std::to_string(i);
            }
            text += ");";
        } else if (std::string(name) == "a CHECK nested 1,000 deep") {
            // Written straight into sqlite_schema, as a crafted file would hold it: SQLite itself
            // would refuse to create it.
            text = "PRAGMA writable_schema = ON; INSERT INTO sqlite_schema VALUES ('table', 'deep', 'deep', "
                   "0, "
                   "'CREATE TABLE deep(a INTEGER CHECK ("
                + std::string(1000, '(') + "a" + std::string(1000, ')')
                + " > 0))'); PRAGMA writable_schema = OFF;";
        }
        tamper(path, text);
        auto pack = content::Pack::open(path);
        REQUIRE_FALSE(pack.ok());
        CAPTURE(pack.error().to_string());
        // Either the header (a tampering tool may bump nothing there) or, normally, the schema.
        CHECK(pack.error().where == content::check::schema);
    }
}

TEST_CASE("an FTS5 index that disagrees with the cables it indexes fails the integrity check (b2.6)")
{
    Packs p;
    const auto path = p.copy("stale.ckpack");
    tamper(path, "UPDATE cables SET subject = 'FORGED WORDS ENTIRELY' WHERE id = '08TOKYO1723';");
    auto pack = test::open_pack(path);
    // Only the full check re-reads the rows; the structural one (a build's) cannot see this.
    CHECK_FALSE(pack.check_integrity(content::Pack::Integrity::full).ok());
    auto st = pack.check_integrity();
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().where == content::check::fts_integrity);
}

TEST_CASE("rows changed behind the content hash fail the integrity check")
{
    Packs p;
    const auto path = p.copy("forged.ckpack");
    // A field no index covers, so only the content hash can notice.
    tamper(path, "UPDATE cables SET signature = 'FORGED' WHERE id = '08TOKYO1723';");
    auto pack = test::open_pack(path);
    auto st = pack.check_integrity();
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().where == content::check::content_hash);
}

TEST_CASE("a b-tree page overwritten with garbage fails the integrity check without a crash (b2.1)")
{
    Packs p;
    const std::string good = test::read_bytes(p.good);
    const std::size_t page_size = (static_cast<std::size_t>(static_cast<unsigned char>(good[16])) << 8U)
        | static_cast<unsigned char>(good[17]);
    REQUIRE(page_size >= 512);
    const std::size_t pages = good.size() / page_size;
    int refused = 0;
    for (std::size_t page = 1; page < pages; ++page) {
        CAPTURE(page);
        // An empty table's leaf (the impacts table of a small pack) has no cells: bytes 8 to 40
        // are free space there, and garbage in free space is no damage.
        const auto type = static_cast<unsigned char>(good[page * page_size]);
        const bool empty_leaf = (type == 0x0a || type == 0x0d) && good[page * page_size + 3] == 0
            && good[page * page_size + 4] == 0;
        if (empty_leaf) {
            continue;
        }
        const auto path = p.dir / "corrupt.ckpack";
        std::string bytes = good;
        // Cell pointers past the page end, in the style of SQLite's corrupt7.test (on an overflow
        // page the same bytes are text, which the content hash catches).
        for (std::size_t i = 8; i < 40; ++i) {
            bytes[page * page_size + i] = static_cast<char>(0xff);
        }
        test::write_bytes(path, bytes);
        auto pack = content::Pack::open(path);
        if (!pack.ok()) {
            ++refused; // the damage hit the schema or the metadata
            continue;
        }
        // Whatever a damaged page does to reads, it is an error value; integrity fails.
        (void)pack->cable("08TOKYO1723");
        content::SearchQuery q;
        q.text = "japan";
        (void)pack->search(q);
        auto st = pack->check_integrity();
        refused += st.ok() ? 0 : 1;
        CHECK_FALSE(st.ok());
    }
    CHECK(refused > 0);
}

TEST_CASE("a value beyond the lowered length limit is refused when read, not allocated (b2.8)")
{
    Packs p;
    const auto path = p.copy("big.ckpack");
    tamper(path, "UPDATE cables SET display_text = printf('%.*c', 140000000, 'x') WHERE id = '85TOKYO364';");
    auto pack = test::open_pack(path);
    auto record = pack.cable("85TOKYO364");
    REQUIRE_FALSE(record.ok());
    CHECK(record.error().message.find("too big") != std::string::npos);
    CHECK(pack.cable("08TOKYO1723").ok());
}

TEST_CASE("metadata that is missing or malformed is refused naming the metadata check")
{
    Packs p;
    const std::pair<const char*, const char*> cases[] = {
        { "no sequence", "DELETE FROM meta WHERE key = 'sequence';" },
        { "negative sequence", "UPDATE meta SET value = '-5' WHERE key = 'sequence';" },
        { "sequence not a number", "UPDATE meta SET value = '12abc' WHERE key = 'sequence';" },
        { "a short content hash", "UPDATE meta SET value = 'abc' WHERE key = 'content_hash';" },
        { "another schema version in meta", "UPDATE meta SET value = '99' WHERE key = 'schema_version';" },
    };
    for (const auto& [name, sql_text] : cases) {
        const auto shown = name; // clang 14 cannot capture a structured binding
        CAPTURE(shown);
        const auto path = p.copy("m.ckpack");
        tamper(path, sql_text);
        expect_refused(path, content::check::metadata, "");
    }
}

TEST_CASE("build times of 1970 and 2099 open alike: nothing depends on the clock (b2.25)")
{
    TempDir dir;
    for (const std::int64_t t : { std::int64_t { 0 }, std::int64_t { 4102444800 } }) {
        content::BuildOptions options;
        options.build_time = t;
        auto w = content::PackWriter::create(dir / "t.ckpack", options);
        REQUIRE(w.ok());
        REQUIRE(w->add(test::sample_cables()[0]).ok());
        REQUIRE(w->commit().ok());
        CHECK(test::open_pack(dir / "t.ckpack").info().build_time == t);
    }
}

TEST_CASE("a cable count or row number that the file cannot hold is refused, not allocated")
{
    Packs p;
    const auto count = p.copy("count.ckpack");
    tamper(count, "UPDATE meta SET value = '1000000000000' WHERE key = 'cables';");
    expect_refused(count, content::check::metadata, "does not fit");
    const auto rows = p.copy("rows.ckpack");
    tamper(rows, "UPDATE cables SET num = 4611686018427387904 WHERE id = '85TOKYO364';");
    auto pack = test::open_pack(rows);
    content::SearchQuery q;
    auto f = pack.facets(q);
    REQUIRE_FALSE(f.ok());
    CHECK(f.error().message.find("do not fit") != std::string::npos);
}
