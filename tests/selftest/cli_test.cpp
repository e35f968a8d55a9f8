// `kiosk --self-test` as staff and scripts run it: the exit codes, the table, the documented JSON
// report, the Prometheus textfile (judged by Debian's promtool) and faults injected for real: a
// pack signed by another key, a missing font, a read-only and a full state disk (a tmpfs mounted in
// a private mount namespace).
#include "fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <regex>
#include <set>
#include <string>
#include <sys/wait.h>

using ck::test::TempDir;
namespace fs = std::filesystem;

namespace {

using Run = ck::test::CommandRun;

Run shell(const std::string& command, const TempDir& dir)
{
    return ck::test::run_command(command, dir);
}

std::string q(const fs::path& p)
{
    return "'" + p.string() + "'";
}

// The kiosk with its state kept in `dir`, never in the user's home.
std::string kiosk(const TempDir& dir, const std::string& args)
{
    return "XDG_STATE_HOME=" + q(dir / "xdg") + " " + std::string(CK_KIOSK) + " --self-test " + args;
}

// The search.query budget for the tests that expect every check to pass. Natively: none, so the
// kiosk's own default holds. Under an emulator (qemu-user runs the arm64 build 100 to 200 times
// slower than an arm64 board, more on a loaded machine) the tests name a budget explicitly, as
// README's --search-budget documents; the budget's pass, warn and fail are tested in checks_test.
std::string budget()
{
#ifdef CK_SELFTEST_SEARCH_BUDGET_MS
    return " --search-budget " + std::to_string(CK_SELFTEST_SEARCH_BUDGET_MS);
#else
    return "";
#endif
}

// The checks that did not pass, one a line, for the log of a test that failed.
std::string not_passing(const nlohmann::json& report)
{
    std::string lines;
    for (const auto& c : report["checks"]) {
        if (c["status"] != "pass" && c["status"] != "skip") {
            lines += c["id"].get<std::string>() + " " + c["status"].get<std::string>() + ": "
                + c["message"].get<std::string>() + "\n";
        }
    }
    return lines;
}

nlohmann::json check_of(const nlohmann::json& report, const std::string& id)
{
    for (const auto& c : report["checks"]) {
        if (c["id"] == id) {
            return c;
        }
    }
    FAIL("no check " << id << " in the report");
    return {};
}

// How this machine makes a private mount namespace: as an unprivileged user (a user namespace) or
// as root. Empty when it cannot, which fails the tests that need it: they are not optional.
std::string private_mounts(const TempDir& dir)
{
    for (const std::string prefix : { "unshare -Urm", "unshare -m" }) {
        if (shell(prefix + " true", dir).code == 0) {
            return prefix;
        }
    }
    return {};
}

void write_text(const fs::path& path, const std::string& text)
{
    ck::test::write_bytes(path, text);
}

} // namespace

TEST_CASE("kiosk --self-test --json prints the documented report and passes on the bundled exhibit")
{
    TempDir dir;
    const auto run = shell(kiosk(dir, "--json" + budget()), dir);
    INFO(run.err);
    const auto report = nlohmann::json::parse(run.out);
    INFO(not_passing(report));
    CHECK(run.code == 0);
    CHECK(report["schema"] == 1);
    CHECK(report["kiosk"]["version"].is_string());
    CHECK(report["kiosk"]["build"].is_string());
    CHECK(std::regex_match(
        report["started"].get<std::string>(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    CHECK(report["duration_ms"].is_number_integer());
    CHECK((report["result"] == "pass" || report["result"] == "warn"));
    const std::set<std::string> statuses { "pass", "warn", "fail", "skip" };
    std::set<std::string> ids;
    for (const auto& c : report["checks"]) {
        CHECK(c.size() == 6);
        CHECK(c["id"].is_string());
        CHECK(c["title"].is_string());
        CHECK(statuses.count(c["status"].get<std::string>()) == 1);
        CHECK((c["value"].is_null() || c["value"].is_number() || c["value"].is_string()));
        CHECK((c["unit"].is_null() || c["unit"].is_string()));
        CHECK(c["message"].is_string());
        CHECK_FALSE(c["message"].get<std::string>().empty());
        ids.insert(c["id"].get<std::string>());
    }
    for (const char* id : { "pack.present", "pack.signature", "pack.integrity", "pack.schema",
             "pack.sequence", "pack.cables", "search.query", "fonts.load", "fonts.coverage",
             "renderer.readback", "display.mode", "input.touch", "storage.free", "storage.state",
             "storage.import", "memory.available", "board.thermal", "board.power", "clock.year" }) {
        CAPTURE(id);
        CHECK(ids.count(id) == 1);
    }
    CHECK(check_of(report, "pack.cables")["value"].get<double>() >= 40);
    CHECK(check_of(report, "pack.sequence")["value"].is_number());
    CHECK(check_of(report, "fonts.coverage")["status"] == "pass");
    CHECK(check_of(report, "renderer.readback")["status"] == "pass");
}

TEST_CASE("the table has a line per check with its status, value and message, and no colour off a terminal")
{
    TempDir dir;
    const auto run = shell(kiosk(dir, budget()), dir);
    INFO(run.out);
    CHECK(run.code == 0);
    CHECK(run.out.find('\x1b') == std::string::npos);
    CHECK(std::regex_search(run.out, std::regex(R"((^|\n)PASS  pack\.cables +\d+ cables +\d+ cables\n)")));
    CHECK(std::regex_search(
        run.out, std::regex(R"((^|\n)(PASS|WARN)  memory\.available +\d+ MiB +\d+ MiB available)")));
    const bool verdict = run.out.find("every check passed") != std::string::npos
        || run.out.find("working, with warnings") != std::string::npos;
    CHECK(verdict);
}

TEST_CASE("--report writes the JSON report and --metrics a textfile that promtool check metrics accepts")
{
    TempDir dir;
    const auto run = shell(
        kiosk(dir, "--report " + q(dir / "report.json") + " --metrics " + q(dir / "kiosk.prom") + budget()),
        dir);
    INFO(run.out);
    INFO(run.err);
    CHECK(run.code == 0);
    const auto report = nlohmann::json::parse(ck::test::read_bytes(dir / "report.json"));
    CHECK(report["checks"].size() >= 19);
    const std::string metrics = ck::test::read_bytes(dir / "kiosk.prom");
    CHECK(metrics.find("cable_kiosk_selftest_check_ok{check=\"pack.signature\"} 1\n") != std::string::npos);
    CHECK(metrics.find("cable_kiosk_selftest_storage_free_bytes ") != std::string::npos);
    CHECK(metrics.find("cable_kiosk_selftest_search_query_seconds ") != std::string::npos);
    // No temporary file is left beside it for node_exporter to read.
    int files = 0;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        files += entry.path().filename().string().rfind(".kiosk.prom", 0) == 0 ? 1 : 0;
    }
    CHECK(files == 0);
#ifdef CK_PROMTOOL
    const auto lint = shell(std::string(CK_PROMTOOL) + " check metrics < " + q(dir / "kiosk.prom"), dir);
    INFO(lint.out);
    INFO(lint.err);
    CHECK(lint.code == 0);
#else
    FAIL("promtool is not installed: .ci/deps installs Debian's prometheus package");
#endif
}

TEST_CASE("--search-budget sets the budget search.query is judged by, and names it in the message")
{
    TempDir dir;
    const auto run = shell(kiosk(dir, "--json --search-budget 9000"), dir);
    INFO(run.err);
    const auto search = check_of(nlohmann::json::parse(run.out), "search.query");
    CHECK(search["status"] == "pass");
    CHECK(search["unit"] == "ms");
    CHECK(search["message"].get<std::string>().find("(budget 9000 ms)") != std::string::npos);
    // The default, when the option is not given, is the kiosk's own.
    const auto plain = shell(kiosk(dir, "--json"), dir);
    CHECK(check_of(nlohmann::json::parse(plain.out), "search.query")["message"].get<std::string>().find(
              "(budget 100 ms)")
        != std::string::npos);
}

TEST_CASE(
    "a pack signed by a key the kiosk does not trust exits 1 and names the key and the trusted key file")
{
    TempDir dir;
    REQUIRE(shell(std::string(CK_CABLEPACK) + " keygen --out " + q(dir / "other"), dir).code == 0);
    const auto run = shell(kiosk(dir, "--pubkey " + q(dir / "other.pub")), dir);
    CHECK(run.code == 1);
    CHECK(std::regex_search(run.out,
        std::regex("FAIL  pack\\.signature +[0-9A-F]{16} +signed by key [0-9A-F]{16}, which this kiosk does "
                   "not trust; "
                   "load a pack signed with one of the keys in [^ ]*other\\.pub")));
    CHECK(run.out.find("a check FAILED") != std::string::npos);
}

TEST_CASE("a missing pack exits 1 with pack.present naming the path")
{
    TempDir dir;
    const auto run = shell(kiosk(dir, "--json --pack " + q(dir / "gone.ckpack")), dir);
    CHECK(run.code == 1);
    const auto report = nlohmann::json::parse(run.out);
    CHECK(report["result"] == "fail");
    CHECK(check_of(report, "pack.present")["status"] == "fail");
    CHECK(check_of(report, "pack.present")["message"].get<std::string>().find("gone.ckpack")
        != std::string::npos);
}

TEST_CASE(
    "a configured font that is missing fails fonts.load, and fonts without Japanese fail fonts.coverage")
{
    TempDir dir;
    write_text(dir / "kiosk.toml", "[fonts]\nmono = \"/usr/share/fonts/none/Missing.ttf\"\n");
    const auto missing = shell(kiosk(dir, "--json --config " + q(dir / "kiosk.toml")), dir);
    CHECK(missing.code == 1);
    const auto r1 = nlohmann::json::parse(missing.out);
    CHECK(check_of(r1, "fonts.load")["status"] == "fail");
    CHECK(check_of(r1, "fonts.load")["message"].get<std::string>().find("/usr/share/fonts/none/Missing.ttf")
        != std::string::npos);

    write_text(dir / "latin.toml", "[fonts]\nfallbacks = []\n");
    const auto latin = shell(kiosk(dir, "--json --config " + q(dir / "latin.toml")), dir);
    CHECK(latin.code == 1);
    const auto r2 = nlohmann::json::parse(latin.out);
    const auto coverage = check_of(r2, "fonts.coverage");
    CHECK(coverage["status"] == "fail");
    // A Japanese UI string of the kiosk itself, named with its code point and where it is used.
    CHECK(std::regex_search(
        coverage["message"].get<std::string>(), std::regex(R"(U\+[0-9A-F]{4} \(.+\) used in )")));
    CHECK(coverage["message"].get<std::string>().find("(ja)") != std::string::npos);
}

TEST_CASE("a read-only state folder fails storage.state and a full disk fails storage.free and storage.state")
{
    TempDir dir;
    const std::string ns = private_mounts(dir);
    REQUIRE_MESSAGE(
        !ns.empty(), "neither unshare -Urm nor unshare -m works here; the storage faults need a tmpfs");
    fs::create_directories(dir / "ro");
    fs::create_directories(dir / "full");
    write_text(dir / "ro.toml", "[state]\ndir = \"" + (dir / "ro").string() + "\"\n");
    write_text(dir / "full.toml", "[state]\ndir = \"" + (dir / "full").string() + "\"\n");
    const auto ro = shell(ns + " sh -c "
            + q("mount -t tmpfs -o ro,size=1m tmpfs '" + (dir / "ro").string() + "' && "
                + kiosk(dir, "--json --config '" + (dir / "ro.toml").string() + "'")),
        dir);
    INFO(ro.err);
    CHECK(ro.code == 1);
    const auto r1 = nlohmann::json::parse(ro.out);
    CHECK(check_of(r1, "storage.state")["status"] == "fail");
    CHECK(check_of(r1, "storage.state")["message"].get<std::string>().find("Read-only file system")
        != std::string::npos);

    // A 512 KiB disk filled to the last block.
    const auto full = shell(ns + " sh -c "
            + q("mount -t tmpfs -o size=512k tmpfs '" + (dir / "full").string() + "' && (dd if=/dev/zero of='"
                + (dir / "full" / "filler").string() + "' bs=4k 2>/dev/null || true) && "
                + kiosk(dir, "--json --config '" + (dir / "full.toml").string() + "'")),
        dir);
    INFO(full.err);
    CHECK(full.code == 1);
    const auto r2 = nlohmann::json::parse(full.out);
    CHECK(check_of(r2, "storage.free")["status"] == "fail");
    CHECK(check_of(r2, "storage.free")["message"].get<std::string>().find("the disk is full")
        != std::string::npos);
    CHECK(check_of(r2, "storage.state")["status"] == "fail");
    CHECK(check_of(r2, "storage.state")["message"].get<std::string>().find("No space left on device")
        != std::string::npos);
}

TEST_CASE("the self-test exits 2 when it cannot run: an unreadable config or a usage mistake")
{
    TempDir dir;
    CHECK(shell(kiosk(dir, "--config " + q(dir / "absent.toml")), dir).code == 2);
    write_text(dir / "bad.toml", "[fonts]\nsans = 12\n");
    const auto bad = shell(kiosk(dir, "--config " + q(dir / "bad.toml")), dir);
    CHECK(bad.code == 2);
    CHECK(bad.err.find("bad.toml:2") != std::string::npos);
    CHECK(shell(std::string(CK_KIOSK) + " --json", dir).code == 2);
    CHECK(shell(kiosk(dir, "--search-budget 0"), dir).code == 2);
    CHECK(shell(std::string(CK_KIOSK) + " --search-budget 500", dir).code == 2);
}
