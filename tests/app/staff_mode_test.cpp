// Staff mode in the whole app, without a window: the door gesture, the PIN pad (verified with the
// real Argon2id), the lockout kept in a file across a restart, the two-minute timeout, the idle
// reset, and counts that never carry what a visitor typed.
#include "app/basic_checks.hpp"
#include "content/pin.hpp"
#include "screens/chrome.hpp"
#include "support/app_harness.hpp"
#include "ui/accessibility_audit.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using ck::Millis;
using ck::Point;
using ck::screens::ScreenId;
using ck::test::AppHarness;

namespace {

const std::string& pin_hash()
{
    static const std::string hash = *ck::content::hash_pin("2468");
    return hash;
}

std::filesystem::path fresh_folder()
{
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() / ("ck-staff-test-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    return dir;
}

ck::app::AppOptions staff_options(const std::filesystem::path& lockout = {})
{
    ck::app::AppOptions o;
    o.staff.pin_hash = pin_hash();
    o.staff.lockout_file = lockout;
    o.staff.checks
        = [] { return ck::app::basic_checks(nullptr, [] { return std::int64_t { 1'790'000'000 }; }); };
    return o;
}

void open_door(AppHarness& h)
{
    h.hold(Point { 20, 20 }, Millis { 2100 });
    h.tap(Point { 1900, 20 });
    h.tap(Point { 1900, 1060 });
    h.tap(Point { 20, 1060 });
}

void type_pin(AppHarness& h, std::string_view pin)
{
    for (const char digit : pin) {
        h.tap_id("staff.pin." + std::string(1, digit));
    }
    h.tap_id("staff.pin.ok");
    h.settle_background();
}

std::string read(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("without a PIN hash the door gesture opens nothing")
{
    AppHarness h;
    open_door(h);
    CHECK(h.app().staff_state() == "off");
    CHECK_FALSE(h.frame().tree().shows_text("Enter the staff PIN"));
}

TEST_CASE(
    "the door gesture opens a masked PIN pad, and the right PIN opens the staff screens with the checks run")
{
    AppHarness h({ 1920, 1080 }, staff_options());
    open_door(h);
    REQUIRE(h.app().staff_state() == "pin");
    CHECK(h.frame().tree().shows_text("Enter the staff PIN"));
    h.tap_id("staff.pin.2");
    h.tap_id("staff.pin.4");
    const ck::ui::Widget* field = h.frame().tree().find_by_id("staff.pin.field");
    REQUIRE(field != nullptr);
    CHECK(field->label == "**"); // dots, never the digits
    CHECK_FALSE(h.frame().tree().shows_text("24"));
    h.tap_id("staff.pin.6");
    h.tap_id("staff.pin.8");
    h.tap_id("staff.pin.ok");
    h.settle_background();
    REQUIRE(h.app().staff_state() == "checks");
    // One check a job, each posted in a frame once the one before has finished.
    for (int i = 0; i < 8; ++i) {
        h.settle_background();
    }
    // The checks ran: with no pack, the pack check fails with a message staff can act on.
    CHECK(h.frame().tree().shows_text("no content pack could be opened"));
    CHECK(h.frame().tree().shows_text("the clock says 2026"));
    REQUIRE(h.app().staff().last_results().size() == 4);
    CHECK(h.app().staff().last_results()[0].status == ck::selfcheck::Status::fail);
    // Every page opens from its tab.
    for (const char* page :
        { "display", "trace", "accuracy", "pack", "performance", "log", "visits", "actions", "checks" }) {
        CAPTURE(page);
        h.tap_id(std::string("staff.tab.") + page);
        CHECK(h.app().staff_state() == page);
    }
    h.tap_id("staff.leave");
    CHECK(h.app().staff_state() == "off");
    CHECK(h.app().screen() == ScreenId::home);
}

TEST_CASE("a wrong PIN says how many tries are left, five lock entry, and the lockout survives a restart")
{
    const auto dir = fresh_folder();
    const auto record = dir / "staff-lockout";
    {
        AppHarness h({ 1920, 1080 }, staff_options(record));
        open_door(h);
        type_pin(h, "1111");
        CHECK(h.app().staff_state() == "pin");
        CHECK(h.frame().tree().shows_text("Wrong PIN. 4 more tries"));
        for (int i = 0; i < 4; ++i) {
            type_pin(h, "1111");
        }
        CHECK(h.app().staff_state() == "locked");
        CHECK(h.frame().tree().shows_text("Try again in 1 min"));
        // While locked the right PIN is not even taken.
        type_pin(h, "2468");
        CHECK(h.app().staff_state() == "locked");
        CHECK(read(record) == "failures 0\nlockouts 1\nremaining_ms 60000\n");
    }
    // A restart: a new app, a new clock origin, the same state directory.
    AppHarness h({ 1920, 1080 }, staff_options(record));
    open_door(h);
    CHECK(h.app().staff_state() == "locked");
    h.wait(Millis { 20'000 });
    h.tap(Point { 960, 100 }); // a touch keeps the PIN pad open
    h.wait(Millis { 20'000 });
    h.tap(Point { 960, 100 });
    h.wait(Millis { 21'000 });
    REQUIRE(h.app().staff_state() == "pin");
    type_pin(h, "2468");
    CHECK(h.app().staff_state() == "checks");
    CHECK(read(record) == "failures 0\nlockouts 0\nremaining_ms 0\n");
    std::filesystem::remove_all(dir);
}

TEST_CASE("the second lockout lasts twice the first")
{
    AppHarness h({ 1920, 1080 }, staff_options());
    open_door(h);
    for (int i = 0; i < 5; ++i) {
        type_pin(h, "1357");
    }
    // Counted from the frame that received the answer: within a frame of a minute.
    REQUIRE(h.app().staff().lockout().remaining(h.now()) > Millis { 59'900 });
    REQUIRE(h.app().staff().lockout().remaining(h.now()) <= Millis { 60'000 });
    h.tap(Point { 960, 100 });
    h.wait(Millis { 25'000 });
    h.tap(Point { 960, 100 });
    h.wait(Millis { 25'000 });
    h.tap(Point { 960, 100 });
    h.wait(Millis { 11'000 });
    REQUIRE(h.app().staff_state() == "pin");
    for (int i = 0; i < 5; ++i) {
        type_pin(h, "1357");
    }
    CHECK(h.app().staff().lockout().remaining(h.now()) > Millis { 119'900 });
    CHECK(h.app().staff().lockout().remaining(h.now()) <= Millis { 120'000 });
}

TEST_CASE("staff mode leaves by itself after two minutes without a touch")
{
    ck::app::AppOptions o = staff_options();
    o.idle.prompt_after = Millis { 600'000 };
    AppHarness h({ 1920, 1080 }, o);
    open_door(h);
    type_pin(h, "2468");
    REQUIRE(h.app().staff_state() == "checks");
    h.wait(Millis { 100'000 });
    h.tap_id("staff.tab.pack");
    h.wait(Millis { 119'000 });
    CHECK(h.app().staff_state() == "pack");
    h.wait(Millis { 2'000 });
    CHECK(h.app().staff_state() == "off");
    CHECK_FALSE(h.frame().tree().shows_text("Staff mode"));
}

TEST_CASE("the idle reset always ends staff mode, and the next visitor finds the attract loop")
{
    ck::app::AppOptions o = staff_options();
    o.idle.prompt_after = Millis { 30'000 };
    o.idle.countdown = Millis { 20'000 };
    AppHarness h({ 1920, 1080 }, o);
    open_door(h);
    type_pin(h, "2468");
    REQUIRE(h.app().staff_state() == "checks");
    h.wait(Millis { 51'000 });
    CHECK(h.app().staff_state() == "off");
    CHECK(h.app().screen() == ScreenId::attract);
}

TEST_CASE("the PIN pad closes by itself when nobody answers it")
{
    AppHarness h({ 1920, 1080 }, staff_options());
    open_door(h);
    h.tap_id("staff.pin.1");
    h.wait(Millis { 31'000 });
    CHECK(h.app().staff_state() == "off");
    open_door(h);
    const ck::ui::Widget* field = h.frame().tree().find_by_id("staff.pin.field");
    REQUIRE(field != nullptr);
    CHECK(field->label.empty()); // the digit typed before is gone
}

TEST_CASE(
    "visits, opened cables and searches are counted, and no typed text reaches the counts or the metrics")
{
    ck::app::AppOptions o = staff_options();
    o.staff.metrics_file = fresh_folder() / "kiosk.prom";
    o.idle.prompt_after = Millis { 20'000 };
    o.idle.countdown = Millis { 20'000 };
    AppHarness h({ 1920, 1080 }, o);
    h.tap(Point { 960, 540 });
    h.tap_id(ck::screens::nav_id::search);
    h.wait(Millis { 400 });
    h.type("zebraquokka");
    h.settle_background();
    h.wait(Millis { 600 });
    h.tap_id(ck::screens::nav_id::home);
    h.wait(Millis { 400 });
    h.tap_id(ck::screens::nav_id::search);
    h.wait(Millis { 400 });
    h.type("korea");
    h.settle_background();
    h.wait(Millis { 600 });
    h.app().open_cable("1977STATE158046");
    h.wait(Millis { 400 });
    h.wait(Millis { 45'000 }); // the idle reset ends the visit
    REQUIRE(h.app().screen() == ScreenId::attract);
    const ck::app::VisitCounts& c = h.app().visit_stats().since_start();
    CHECK(c.visits == 1);
    CHECK(c.searches == 2);
    CHECK(c.searches_nothing_found == 1);
    CHECK(c.cables_opened == 1);
    CHECK(c.opened_by_cable.count("1977STATE158046") == 1);
    CHECK(c.lengths == 1);
    const std::string metrics = h.app().metrics();
    CHECK(metrics.find("cable_kiosk_searches_total 2\n") != std::string::npos);
    CHECK(metrics.find("cable_kiosk_searches_no_result_total 1\n") != std::string::npos);
    CHECK(metrics.find("cable_kiosk_visits_total 1\n") != std::string::npos);
    CHECK(metrics.find("zebraquokk") == std::string::npos);
    CHECK(metrics.find("korea") == std::string::npos);
    // The file written every minute holds the same, and nothing typed either.
    h.wait(Millis { 61'000 });
    h.settle_background();
    const std::string file = read(o.staff.metrics_file);
    CHECK(file.find("cable_kiosk_searches_total 2\n") != std::string::npos);
    CHECK(file.find("zebraquokk") == std::string::npos);
    std::filesystem::remove_all(o.staff.metrics_file.parent_path());
}

TEST_CASE("every staff screen passes the accessibility audit and shows no raw text key, in both languages "
          "and orientations")
{
    for (const ck::Size size : { ck::Size { 1920, 1080 }, ck::Size { 1080, 1920 } }) {
        AppHarness h(size, staff_options());
        const float w = size.w;
        const float hgt = size.h;
        h.hold(Point { 20, 20 }, Millis { 2100 });
        h.tap(Point { w - 20, 20 });
        h.tap(Point { w - 20, hgt - 20 });
        h.tap(Point { 20, hgt - 20 });
        REQUIRE(h.app().staff_state() == "pin");
        for (const char* lang : { "en", "ja" }) {
            if (std::string(lang) == "ja") {
                h.tap_id("staff.language");
            }
            for (const char* page : { "checks", "display", "trace", "accuracy", "pack", "performance", "log",
                     "visits", "actions" }) {
                if (h.app().staff_state() == "pin") {
                    type_pin(h, "2468");
                    for (int i = 0; i < 8; ++i) {
                        h.settle_background();
                    }
                }
                h.tap_id(std::string("staff.tab.") + page);
                const auto& frame = h.frame();
                const auto findings = ck::ui::audit(frame.tree(), frame.theme(), frame.viewport());
                std::string problems;
                for (const auto& f : findings) {
                    problems += "\n  " + f.widget + ": " + f.problem;
                }
                std::string raw_keys;
                for (const ck::ui::Widget& wd : frame.tree().widgets()) {
                    // A missing text shows as its key, e.g. "visits.median". (Check ids such as
                    // "pack.present" are shown on purpose.)
                    bool key_like = false;
                    for (const char* prefix : { "pin.", "tab.", "checks.", "status.", "display.", "trace.",
                             "accuracy.", "perf.", "log.", "visits.", "actions." }) {
                        key_like = key_like || wd.label.rfind(prefix, 0) == 0;
                    }
                    key_like = key_like && wd.label.find(' ') == std::string::npos;
                    if (key_like) {
                        raw_keys += " " + wd.label;
                    }
                }
                INFO(size.w << "x" << size.h << " " << std::string(lang) << " " << std::string(page)
                            << problems << raw_keys);
                CHECK(findings.empty());
                CHECK(raw_keys.empty());
            }
        }
    }
}

TEST_CASE("the locked PIN pad passes the accessibility audit, its keys drawn as disabled")
{
    AppHarness h({ 1920, 1080 }, staff_options());
    open_door(h);
    for (int i = 0; i < 5; ++i) {
        type_pin(h, "1111");
    }
    REQUIRE(h.app().staff_state() == "locked");
    const auto& frame = h.frame();
    const ck::ui::Widget* key = frame.tree().find_by_id("staff.pin.5");
    REQUIRE(key != nullptr);
    CHECK(key->disabled);
    const auto findings = ck::ui::audit(frame.tree(), frame.theme(), frame.viewport());
    std::string problems;
    for (const auto& f : findings) {
        problems += "\n  " + f.widget + ": " + f.problem;
    }
    INFO(problems);
    CHECK(findings.empty());
}

TEST_CASE("a long list of checks scrolls by drag, and every check can be brought into view")
{
    ck::app::AppOptions o = staff_options();
    o.staff.checks = [] {
        ck::selfcheck::Checks many;
        for (int i = 0; i < 40; ++i) {
            ck::selfcheck::Check c { "test.check" + std::to_string(i), "Check number " + std::to_string(i),
                false, {} };
            c.run = [c] {
                return ck::selfcheck::warn(c, "a message long enough to take a line of its own here");
            };
            many.push_back(c);
        }
        return many;
    };
    AppHarness h({ 1080, 1920 }, o);
    h.hold(Point { 20, 20 }, Millis { 2100 });
    h.tap(Point { 1060, 20 });
    h.tap(Point { 1060, 1900 });
    h.tap(Point { 20, 1900 });
    type_pin(h, "2468");
    for (int i = 0; i < 50; ++i) {
        h.settle_background();
    }
    REQUIRE(h.app().staff().last_results().size() == 40);
    CHECK(h.frame().tree().find_by_id("staff.check:test.check0") != nullptr);
    CHECK(h.frame().tree().find_by_id("staff.check:test.check39") == nullptr);
    for (int i = 0; i < 6; ++i) {
        h.drag(Point { 540, 1700 }, Point { 540, 500 }, Millis { 300 });
    }
    CHECK(h.frame().tree().find_by_id("staff.check:test.check39") != nullptr);
    CHECK(h.frame().tree().find_by_id("staff.check:test.check0") == nullptr);
    CHECK(h.app().staff_state() == "checks");
}

TEST_CASE("staff mode opens on the out-of-order screen too, and says that no pack is loaded")
{
    AppHarness h({ 1920, 1080 }, staff_options(), false);
    REQUIRE(h.app().screen() == ScreenId::out_of_order);
    open_door(h);
    type_pin(h, "2468");
    REQUIRE(h.app().staff_state() == "checks");
    h.tap_id("staff.tab.pack");
    CHECK(h.frame().tree().shows_text("No content pack is loaded"));
    h.tap_id("staff.leave");
    CHECK(h.app().screen() == ScreenId::out_of_order);
}

TEST_CASE("staff screens keep their own look when the visitor chose large text and high contrast")
{
    AppHarness h({ 1920, 1080 }, staff_options());
    h.tap(Point { 960, 540 });
    h.tap_id(ck::screens::nav_id::large_text);
    h.tap_id(ck::screens::nav_id::high_contrast);
    REQUIRE(h.frame().theme().text_scale() == ck::ui::TextScale::large);
    open_door(h);
    type_pin(h, "2468");
    REQUIRE(h.app().staff_state() == "checks");
    CHECK(h.frame().theme().text_scale() == ck::ui::TextScale::normal);
    CHECK(h.frame().theme().contrast() == ck::ui::ContrastMode::normal);
    h.tap_id("staff.leave");
    // The visitor's choices are still theirs.
    CHECK(h.frame().theme().text_scale() == ck::ui::TextScale::large);
    CHECK(h.app().high_contrast());
}

TEST_CASE("the door's steps press nothing on the visitor's screen, even a control in a corner")
{
    AppHarness h({ 1920, 1080 }, staff_options());
    h.tap(Point { 960, 540 });
    h.tap_id(ck::screens::nav_id::large_text); // a larger bar reaches further into the corners
    open_door(h);
    REQUIRE(h.app().staff_state() == "pin");
    h.tap_id("staff.pin.cancel");
    CHECK(h.app().large_text());
    CHECK_FALSE(h.app().high_contrast());
    CHECK(h.app().language() == "en");
    CHECK(h.app().screen() == ScreenId::home);
    CHECK_FALSE(h.app().has_active_press());
}
