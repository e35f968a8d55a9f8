// Each self-test check where it lives: passing on a good setup, failing (or warning) with its own
// message when its fault is injected.
#include "content/pack_checks.hpp"
#include "content/signing.hpp"
#include "content/verify.hpp"
#include "core/self_check.hpp"
#include "core/self_check_metrics.hpp"
#include "fixture.hpp"
#include "platform/display.hpp"
#include "platform/display_checks.hpp"
#include "platform/system_checks.hpp"
#include "text/font_checks.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <map>

using ck::test::TempDir;
namespace fs = std::filesystem;
namespace sc = ck::selfcheck;

namespace {

std::map<std::string, sc::Result> run_all(const sc::Checks& checks)
{
    std::map<std::string, sc::Result> out;
    for (const auto& check : checks) {
        out[check.id] = sc::run(check);
    }
    return out;
}

bool says(const sc::Result& r, const std::string& text)
{
    return r.message.find(text) != std::string::npos;
}

void write(const fs::path& path, const std::string& text)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

// A signed pack of the sample cables, with its key pair, in `dir`.
struct SignedPack {
    fs::path pack;
    ck::content::KeyPair keys;
};

SignedPack signed_pack(const TempDir& dir, const std::string& name = "exhibit.ckpack")
{
    SignedPack s;
    s.pack = dir / name;
    ck::test::build_pack(s.pack, ck::test::sample_cables(), ck::test::sample_manifest(), 7);
    auto keys = ck::content::generate_key_pair();
    REQUIRE(keys);
    s.keys = *keys;
    const auto info = ck::test::open_pack(s.pack).info();
    auto sig
        = ck::content::sign_file(s.pack, s.keys.secret_key, ck::content::pack_trusted_comment(info, name));
    REQUIRE(sig);
    ck::test::write_bytes(ck::content::signature_path_for(s.pack), ck::content::format_signature(*sig));
    return s;
}

ck::content::PackCheckInputs inputs_for(const SignedPack& s, const ck::content::PublicKey& trusted)
{
    ck::content::PackCheckInputs in;
    in.pack = s.pack;
    in.signature = ck::content::signature_path_for(s.pack);
    in.trusted_keys.push_back({ "museum-2026", trusted });
    in.keys_location = "/etc/cable-kiosk/trusted-keys";
    in.search_budget = std::chrono::milliseconds { 5000 };
    return in;
}

} // namespace

TEST_CASE(
    "the pack checks pass on a good signed pack and report its sequence, cable count and a timed search")
{
    TempDir dir;
    const auto s = signed_pack(dir);
    const auto r = run_all(ck::content::pack_checks(inputs_for(s, s.keys.public_key)));
    for (const char* id : { "pack.present", "pack.signature", "pack.integrity", "pack.schema",
             "pack.sequence", "pack.cables", "search.query" }) {
        CAPTURE(id);
        REQUIRE(r.count(id) == 1);
        CHECK(r.at(id).status == sc::Status::pass);
    }
    CHECK(std::get<double>(r.at("pack.sequence").value) == 7);
    CHECK(
        std::get<double>(r.at("pack.cables").value) == static_cast<double>(ck::test::sample_cables().size()));
    CHECK(r.at("search.query").unit == "ms");
    CHECK(says(r.at("pack.integrity"), "checked fully"));
}

TEST_CASE("a missing pack fails pack.present with its path and skips the checks that need it")
{
    TempDir dir;
    const auto s = signed_pack(dir);
    auto in = inputs_for(s, s.keys.public_key);
    in.pack = dir / "nowhere.ckpack";
    in.signature = dir / "nowhere.ckpack.minisig";
    const auto r = run_all(ck::content::pack_checks(in));
    CHECK(r.at("pack.present").status == sc::Status::fail);
    CHECK(says(r.at("pack.present"), (dir / "nowhere.ckpack").string()));
    CHECK(r.at("pack.signature").status == sc::Status::skip);
    CHECK(r.at("pack.cables").status == sc::Status::skip);
}

TEST_CASE("a pack without its signature file fails pack.present naming the missing .minisig")
{
    TempDir dir;
    const auto s = signed_pack(dir);
    fs::remove(ck::content::signature_path_for(s.pack));
    const auto r = run_all(ck::content::pack_checks(inputs_for(s, s.keys.public_key)));
    CHECK(r.at("pack.present").status == sc::Status::fail);
    CHECK(says(r.at("pack.present"), ".minisig"));
}

TEST_CASE("a pack signed by another key fails pack.signature naming that key and where the trusted keys are")
{
    TempDir dir;
    const auto s = signed_pack(dir);
    auto other = ck::content::generate_key_pair();
    REQUIRE(other);
    const auto r = run_all(ck::content::pack_checks(inputs_for(s, other->public_key)));
    const auto& sig = r.at("pack.signature");
    CHECK(sig.status == sc::Status::fail);
    CHECK(says(sig, "signed by key " + s.keys.public_key.key_id_hex() + ", which this kiosk does not trust"));
    CHECK(says(sig, "/etc/cable-kiosk/trusted-keys"));
    CHECK(std::get<std::string>(sig.value) == s.keys.public_key.key_id_hex());
    // Nothing is read from a pack no trusted key vouches for.
    CHECK(r.at("pack.sequence").status == sc::Status::skip);
}

TEST_CASE("a pack changed after signing fails pack.signature and tells staff to copy it again")
{
    TempDir dir;
    const auto s = signed_pack(dir);
    std::string bytes = ck::test::read_bytes(s.pack);
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x5A);
    ck::test::write_bytes(s.pack, bytes);
    const auto r = run_all(ck::content::pack_checks(inputs_for(s, s.keys.public_key)));
    CHECK(r.at("pack.signature").status == sc::Status::fail);
    CHECK(says(r.at("pack.signature"), "copy it again"));
}

TEST_CASE("a corrupt pack signed as it is fails pack.integrity though its signature holds")
{
    TempDir dir;
    auto s = signed_pack(dir);
    const auto info = ck::test::open_pack(s.pack).info();
    // Damage the middle of the database (every page from 40% to 60% of the file, past the header
    // and the schema page), then sign the damaged file: only the integrity check can tell.
    std::string bytes = ck::test::read_bytes(s.pack);
    for (std::size_t i = bytes.size() * 2 / 5; i < bytes.size() * 3 / 5; i += 7) {
        bytes[i] = static_cast<char>(bytes[i] ^ 0xA5);
    }
    ck::test::write_bytes(s.pack, bytes);
    auto sig = ck::content::sign_file(
        s.pack, s.keys.secret_key, ck::content::pack_trusted_comment(info, "exhibit.ckpack"));
    REQUIRE(sig);
    ck::test::write_bytes(ck::content::signature_path_for(s.pack), ck::content::format_signature(*sig));
    const auto r = run_all(ck::content::pack_checks(inputs_for(s, s.keys.public_key)));
    CHECK(r.at("pack.signature").status == sc::Status::pass);
    CHECK(r.at("pack.integrity").status == sc::Status::fail);
    CHECK(says(r.at("pack.integrity"), "damaged"));
}

TEST_CASE("a signed file that is not a pack fails pack.schema with what the kiosk reads")
{
    TempDir dir;
    auto s = signed_pack(dir);
    ck::test::write_bytes(s.pack, "SQLite format 3 is what this is not");
    auto sig = ck::content::sign_file(s.pack, s.keys.secret_key, "sequence:7 content:00");
    REQUIRE(sig);
    ck::test::write_bytes(ck::content::signature_path_for(s.pack), ck::content::format_signature(*sig));
    const auto r = run_all(ck::content::pack_checks(inputs_for(s, s.keys.public_key)));
    CHECK(r.at("pack.schema").status == sc::Status::fail);
    CHECK(says(r.at("pack.schema"), "cannot read the pack"));
}

TEST_CASE("a search slower than four times its budget fails search.query with the time it took")
{
    TempDir dir;
    const auto s = signed_pack(dir);
    auto in = inputs_for(s, s.keys.public_key);
    in.search_budget = std::chrono::milliseconds { 0 };
    const auto r = run_all(ck::content::pack_checks(in));
    CHECK(r.at("search.query").status == sc::Status::fail);
    CHECK(says(r.at("search.query"), "budget 0 ms"));
}

TEST_CASE("the kiosk's fonts load and shape English and Japanese")
{
    const auto r = sc::run(ck::text::fonts_load_check(ck::text::FontPaths::debian_defaults()));
    CHECK(r.status == sc::Status::pass);
    CHECK(says(r, "IPAexGothic"));
}

TEST_CASE("a missing font fails fonts.load naming the file")
{
    auto paths = ck::text::FontPaths::debian_defaults();
    paths.mono_regular = { "/nonexistent/CourierPrime-Regular.ttf", 0 };
    const auto r = sc::run(ck::text::fonts_load_check(paths));
    CHECK(r.status == sc::Status::fail);
    CHECK(says(r, "/nonexistent/CourierPrime-Regular.ttf"));
}

TEST_CASE(
    "fonts without Japanese fail fonts.load and fonts.coverage names each character and where it is used")
{
    auto paths = ck::text::FontPaths::debian_defaults();
    paths.fallbacks.clear();
    const auto load = sc::run(ck::text::fonts_load_check(paths));
    CHECK(load.status == sc::Status::fail);
    CHECK(says(load, "fonts-ipaexfont-gothic"));
    const auto coverage = sc::run(ck::text::fonts_coverage_check(paths, [] {
        return ck::Result<std::vector<ck::text::TextSample>>(std::vector<ck::text::TextSample> {
            { "cable 08TOKYO1723", "EMBASSY TOKYO", ck::text::Family::mono },
            { "the pack's UI string home.title (ja)", "\xE6\x97\xA5\xE6\x9C\xAC", ck::text::Family::sans },
        });
    }));
    CHECK(coverage.status == sc::Status::fail);
    CHECK(says(coverage, "U+65E5"));
    CHECK(says(coverage, "home.title (ja)"));
    CHECK(std::get<double>(coverage.value) == 2);
}

TEST_CASE("fonts.coverage passes when every character has a glyph and ignores spaces and joiners")
{
    const auto r = sc::run(ck::text::fonts_coverage_check(ck::text::FontPaths::debian_defaults(), [] {
        return ck::Result<std::vector<ck::text::TextSample>>(std::vector<ck::text::TextSample> {
            { "cable", "SECRET \xE2\x80\x94 TOKYO\xE2\x80\x8B 1977", ck::text::Family::mono },
            { "ui", "\xE6\x97\xA5\xE6\x9C\xAC\xE3\x80\x80\xE3\x82\xB1\xE3\x83\xBC\xE3\x83\x96\xE3\x83\xAB",
                ck::text::Family::sans },
        });
    }));
    CHECK(r.status == sc::Status::pass);
}

TEST_CASE(
    "the renderer reads back exactly what it was told to draw, and a display too small fails display.mode")
{
    ck::platform::DisplayOptions options;
    options.mode = ck::platform::DisplayMode::headless;
    options.panel = { 640, 480 };
    auto display = ck::platform::Display::create(options);
    REQUIRE(display);
    const auto readback = sc::run(ck::platform::renderer_readback_check(**display));
    CHECK(readback.status == sc::Status::pass);
    CHECK(says(readback, "read back exactly"));
    const auto mode = sc::run(ck::platform::display_mode_check(**display, 92));
    CHECK(mode.status == sc::Status::fail);
    CHECK(says(mode, "too small"));
    CHECK(std::get<std::string>(mode.value) == "640x480");
}

TEST_CASE(
    "a touchscreen the kernel lists passes input.touch and none fails it in kiosk mode, warns on a desktop")
{
    TempDir dir;
    write(dir / "proc/bus/input/devices",
        "I: Bus=0003 Vendor=0eef Product=0001 Version=0100\n"
        "N: Name=\"Power Button\"\nB: EV=3\nB: KEY=10000000000000 0\n\n"
        "I: Bus=0003 Vendor=0eef Product=c000 Version=0111\n"
        "N: Name=\"eGalax Inc. eGalaxTouch EXC3000\"\n"
        "B: PROP=2\nB: EV=1b\nB: ABS=260800000000003\n\n");
    const auto found = sc::run(ck::platform::input_touch_check(dir / "proc", true));
    CHECK(found.status == sc::Status::pass);
    CHECK(says(found, "eGalaxTouch"));
    write(dir / "proc2/bus/input/devices", "N: Name=\"Power Button\"\nB: EV=3\n\n");
    CHECK(sc::run(ck::platform::input_touch_check(dir / "proc2", true)).status == sc::Status::fail);
    CHECK(sc::run(ck::platform::input_touch_check(dir / "proc2", false)).status == sc::Status::warn);
}

TEST_CASE("storage.state passes on a writable folder and storage.import skips until a folder is configured")
{
    TempDir dir;
    CHECK(sc::run(ck::platform::storage_state_check(dir / "state")).status == sc::Status::pass);
    CHECK(fs::is_directory(dir / "state"));
    CHECK(fs::is_empty(dir / "state")); // the probe is gone
    CHECK(sc::run(ck::platform::storage_import_check(std::nullopt)).status == sc::Status::skip);
    CHECK(sc::run(ck::platform::storage_import_check(dir / "import")).status == sc::Status::pass);
}

TEST_CASE("a state folder under a file fails storage.state with the path")
{
    TempDir dir;
    write(dir / "file", "x");
    const auto r = sc::run(ck::platform::storage_state_check(dir / "file" / "state"));
    CHECK(r.status == sc::Status::fail);
    CHECK(says(r, (dir / "file" / "state").string()));
}

TEST_CASE("storage.free measures the file system of a folder not yet made")
{
    TempDir dir;
    const auto r = sc::run(ck::platform::storage_free_check(dir / "not" / "yet"));
    CHECK(r.status != sc::Status::fail);
    CHECK(std::get<double>(r.value) > 0);
    CHECK(r.unit == "bytes");
}

TEST_CASE("memory.available reads the kernel's figures and fails when almost nothing is left")
{
    TempDir dir;
    write(dir / "proc/meminfo",
        "MemTotal:        3884000 kB\nMemFree:           20000 kB\nMemAvailable:      40000 kB\n");
    write(dir / "proc/self/status", "Name:\tkiosk\nVmRSS:\t   61440 kB\n");
    ck::platform::MachinePaths paths { dir / "proc", dir / "sys" };
    const auto low = sc::run(ck::platform::memory_available_check(paths));
    CHECK(low.status == sc::Status::fail);
    CHECK(says(low, "39 MiB available of 3793 MiB"));
    CHECK(says(low, "60 MiB (RSS)"));
    CHECK(sc::run(ck::platform::memory_available_check()).status != sc::Status::fail);
}

TEST_CASE("the board checks skip off a Raspberry Pi and read the SoC temperature and power flags on one")
{
    TempDir dir;
    ck::platform::MachinePaths paths { dir / "proc", dir / "sys" };
    write(dir / "proc/cpuinfo", "processor : 0\n");
    CHECK(sc::run(ck::platform::board_thermal_check(paths)).status == sc::Status::skip);
    CHECK(sc::run(ck::platform::board_power_check(paths)).status == sc::Status::skip);

    write(dir / "proc/device-tree/model", std::string("Raspberry Pi 4 Model B Rev 1.5") + '\0');
    write(dir / "sys/class/thermal/thermal_zone0/temp", "52100\n");
    write(dir / "sys/devices/platform/soc/soc:firmware/get_throttled", "0\n");
    const auto cool = sc::run(ck::platform::board_thermal_check(paths));
    CHECK(cool.status == sc::Status::pass);
    CHECK(std::get<double>(cool.value) == doctest::Approx(52.1));
    CHECK(sc::run(ck::platform::board_power_check(paths)).status == sc::Status::pass);

    write(dir / "sys/class/thermal/thermal_zone0/temp", "86300\n");
    const auto hot = sc::run(ck::platform::board_thermal_check(paths));
    CHECK(hot.status == sc::Status::fail);
    CHECK(says(hot, "86.3"));

    write(dir / "sys/devices/platform/soc/soc:firmware/get_throttled", "50005\n");
    const auto under = sc::run(ck::platform::board_power_check(paths));
    CHECK(under.status == sc::Status::fail);
    CHECK(says(under, "under-voltage now (0x50005)"));
    write(dir / "sys/devices/platform/soc/soc:firmware/get_throttled", "50000\n");
    CHECK(sc::run(ck::platform::board_power_check(paths)).status == sc::Status::warn);
}

TEST_CASE("the mainline kernel's under-voltage alarm fails board.power on a Pi without the firmware file")
{
    TempDir dir;
    ck::platform::MachinePaths paths { dir / "proc", dir / "sys" };
    write(dir / "proc/device-tree/model", "Raspberry Pi 3 Model B Plus Rev 1.3");
    write(dir / "sys/class/hwmon/hwmon0/name", "cpu_thermal\n");
    write(dir / "sys/class/hwmon/hwmon1/name", "rpi_volt\n");
    write(dir / "sys/class/hwmon/hwmon1/in0_lcrit_alarm", "1\n");
    CHECK(sc::run(ck::platform::board_power_check(paths)).status == sc::Status::fail);
    write(dir / "sys/class/hwmon/hwmon1/in0_lcrit_alarm", "0\n");
    CHECK(sc::run(ck::platform::board_power_check(paths)).status == sc::Status::pass);
}

TEST_CASE("a wrong clock is a warning, never a failure, and a right one passes with its year")
{
    using namespace std::chrono;
    const auto epoch = [] { return system_clock::time_point {}; };
    const auto r1970 = sc::run(ck::platform::clock_year_check(epoch, 2026));
    CHECK(r1970.status == sc::Status::warn);
    CHECK(says(r1970, "1970-01-01"));
    const auto now = sc::run(
        ck::platform::clock_year_check([] { return system_clock::from_time_t(1'800'000'000); }, 2026));
    CHECK(now.status == sc::Status::pass);
    CHECK(std::get<double>(now.value) == 2027);
}

TEST_CASE("a check that throws fails with what it threw, and the verdict is the worst status")
{
    const auto broken = sc::make_check("x.broken", "Broken",
        [](const sc::Check&) -> sc::Result { throw std::runtime_error("no such file"); });
    const auto r = sc::run(broken);
    CHECK(r.status == sc::Status::fail);
    CHECK(says(r, "no such file"));
    std::vector<sc::Result> results(3);
    results[0].status = sc::Status::pass;
    results[1].status = sc::Status::skip;
    results[2].status = sc::Status::warn;
    CHECK(sc::overall(results) == sc::Status::warn);
    results[1].status = sc::Status::fail;
    CHECK(sc::overall(results) == sc::Status::fail);
}

TEST_CASE("numeric results become gauges named with base units")
{
    sc::Result r;
    r.id = "search.query";
    r.value = 12.5;
    r.unit = "ms";
    CHECK(sc::value_metric_name(r) == "cable_kiosk_selftest_search_query_seconds");
    ck::prometheus::Text text;
    sc::write_metrics({ r }, text);
    CHECK(text.str().find("cable_kiosk_selftest_search_query_seconds 0.0125\n") != std::string::npos);
    CHECK(text.str().find("cable_kiosk_selftest_check_ok{check=\"search.query\"} 1\n") != std::string::npos);
    r.value = std::string("abc");
    CHECK(sc::value_metric_name(r).empty());
}
