// The app as a visitor meets it, without a window: real fonts, the real exhibit, a manual clock.
#include "content/pack_writer.hpp"
#include "screens/chrome.hpp"
#include "support/app_harness.hpp"
#include "ui/accessibility_audit.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

using ck::Millis;
using ck::Point;
using ck::screens::ScreenId;
using ck::test::AppHarness;

namespace {

ck::app::AppOptions quick_idle()
{
    ck::app::AppOptions o;
    o.idle.prompt_after = Millis { 60'000 };
    o.idle.prompt_after_reading = Millis { 120'000 };
    o.idle.countdown = Millis { 25'000 };
    return o;
}

} // namespace

TEST_CASE("the first touch on the attract screen opens home and presses nothing beneath it")
{
    AppHarness h;
    h.wait(Millis { 2000 });
    CHECK(h.app().screen() == ScreenId::attract);
    // Where home's "Search the cables" button will be.
    h.tap(Point { 887, 127 });
    h.wait(Millis { 400 });
    CHECK(h.app().screen() == ScreenId::home);
    CHECK(h.app().stack_depth() == 1);
    CHECK_FALSE(h.app().has_active_press());
}

TEST_CASE("a quiet visitor is asked whether they are still reading, and one tap keeps the visit")
{
    AppHarness h({ 1920, 1080 }, quick_idle());
    h.tap(Point { 500, 500 });
    h.wait(Millis { 59'000 });
    CHECK_FALSE(h.app().idle_prompt_showing());
    h.wait(Millis { 2'000 });
    REQUIRE(h.app().idle_prompt_showing());
    CHECK(h.frame().tree().shows_text("Still reading?"));
    h.tap(Point { 100, 900 });
    CHECK_FALSE(h.app().idle_prompt_showing());
    CHECK(h.app().screen() == ScreenId::home);
}

TEST_CASE("the idle reset returns to attract and forgets everything about the visit")
{
    AppHarness h({ 1920, 1080 }, quick_idle());
    h.tap(Point { 500, 500 });
    h.tap_id(ck::screens::nav_id::language);
    h.tap_id(ck::screens::nav_id::large_text);
    h.tap_id(ck::screens::nav_id::high_contrast);
    CHECK(h.app().language() == "ja");
    CHECK(h.app().large_text());
    CHECK(h.app().high_contrast());
    h.wait(Millis { 60'000 + 25'000 + 1'000 });
    CHECK(h.app().screen() == ScreenId::attract);
    CHECK(h.app().stack_depth() == 1);
    CHECK(h.app().language() == "en");
    CHECK_FALSE(h.app().large_text());
    CHECK_FALSE(h.app().high_contrast());
    CHECK_FALSE(h.app().idle_prompt_showing());
    // At rest on the attract screen nothing is scheduled but the typewriter.
    h.wait(Millis { 600'000 });
    CHECK(h.app().screen() == ScreenId::attract);
}

TEST_CASE("no key or chord quits, leaves or disturbs the kiosk")
{
    AppHarness h;
    h.tap(Point { 500, 500 });
    REQUIRE(h.app().screen() == ScreenId::home);
    using ck::input::Key;
    struct Chord {
        Key key;
        const char* name;
        ck::input::Modifiers mods;
    };
    const Chord chords[] = {
        { Key::other, "C", { false, true, false, false } },
        { Key::other, "F4", { false, false, true, false } },
        { Key::other, "F1", { false, true, true, false } },
        { Key::escape, "Escape", {} },
        { Key::other, "F11", {} },
        { Key::tab, "Tab", { false, false, true, false } },
        { Key::other, "Q", { false, true, false, false } },
        { Key::other, "W", { false, true, false, false } },
        { Key::other, "Z", { false, true, false, false } },
        { Key::other, "\\", { false, true, false, false } },
        { Key::other, "D", { false, true, false, false } },
        { Key::other, "Left GUI", { false, false, false, true } },
        { Key::other, "Menu", {} },
        { Key::other, "Delete", { false, true, true, false } },
    };
    for (const Chord& c : chords) {
        CAPTURE(c.name);
        h.key(c.key, c.name, c.mods);
        CHECK(h.app().screen() == ScreenId::home);
    }
}

TEST_CASE("a ten-finger storm and a resting palm leave no stuck press")
{
    AppHarness h;
    h.tap(Point { 500, 500 });
    for (int round = 0; round < 5; ++round) {
        for (std::int64_t f = 0; f < 10; ++f) {
            h.app().handle(ck::input::PointerEvent { ck::input::PointerEvent::Kind::down, 1000 + f,
                Point { 100.0f + 150 * f, 300.0f + 20 * round }, h.now(), ck::input::PointerSource::touch });
        }
        h.wait(Millis { 700 });
        for (std::int64_t f = 9; f >= 0; --f) {
            h.app().handle(ck::input::PointerEvent { ck::input::PointerEvent::Kind::up, 1000 + f,
                Point { 200, 200 }, h.now(), ck::input::PointerSource::touch });
        }
        h.wait(Millis { 50 });
        CHECK_FALSE(h.app().has_active_press());
    }
    CHECK(h.app().screen() == ScreenId::home);
}

TEST_CASE("without a pack the kiosk shows its calm out-of-order screen and nothing technical")
{
    AppHarness h({ 1920, 1080 }, {}, false);
    CHECK(h.app().screen() == ScreenId::out_of_order);
    CHECK(h.frame().tree().shows_text("This exhibit is resting"));
    CHECK(h.frame().tree().shows_text("係員にお声がけください"));
    for (const char* word : { "error", "sqlite", "/", "pack", "exception", "check:" }) {
        CAPTURE(word);
        CHECK_FALSE(h.frame().tree().shows_text(word));
    }
    h.tap(Point { 960, 540 });
    CHECK(h.app().screen() == ScreenId::out_of_order);
}

TEST_CASE("a pack with no cables puts the kiosk out of order, as no pack does")
{
    const auto folder
        = std::filesystem::temp_directory_path() / ("ck_empty_pack_" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    const auto path = folder / "empty.ckpack";
    {
        auto writer = ck::content::PackWriter::create(path, {});
        REQUIRE(writer.ok());
        REQUIRE(writer->commit().ok());
    }
    {
        AppHarness h({ 1920, 1080 }, {}, true, path);
        CHECK(h.app().screen() == ScreenId::out_of_order);
        CHECK(h.frame().tree().shows_text("This exhibit is resting"));
        h.tap(Point { 960, 540 });
        CHECK(h.app().screen() == ScreenId::out_of_order);
    }
    std::filesystem::remove_all(folder);
}

namespace {

float reader_text_px(AppHarness& kiosk)
{
    const ck::ui::Widget* text = kiosk.frame().tree().find_by_id("reader.text");
    REQUIRE(text != nullptr);
    return text->text_px;
}

} // namespace

TEST_CASE("the reader's text size carries from one cable to the next, through the app, until the reset")
{
    AppHarness kiosk({ 1920, 1080 }, quick_idle());
    kiosk.app().open_cable("85TOKYO364");
    kiosk.app().finish_transition();
    kiosk.wait(Millis { 300 });
    REQUIRE(kiosk.app().screen() == ScreenId::reader);
    const float normal = reader_text_px(kiosk);
    kiosk.pinch({ 1300, 600 }, 1.5f, Millis { 200 });
    kiosk.wait(Millis { 400 });
    const float enlarged = reader_text_px(kiosk);
    CHECK(enlarged > normal * 1.1f);

    kiosk.app().open_cable("1977STATE158046");
    kiosk.app().finish_transition();
    kiosk.wait(Millis { 300 });
    REQUIRE(kiosk.app().screen() == ScreenId::reader);
    CHECK(reader_text_px(kiosk) == doctest::Approx(enlarged));

    kiosk.app().reset_visit();
    kiosk.app().open_cable("1977STATE158046");
    kiosk.app().finish_transition();
    kiosk.wait(Millis { 300 });
    CHECK(reader_text_px(kiosk) == doctest::Approx(normal));
}

TEST_CASE("the app's one owner of background work serves the search and the about screen")
{
    ck::app::AppOptions options = quick_idle();
    options.about_sync_facts_max = 0; // the exhibit's About counts go to the background too
    AppHarness kiosk({ 1920, 1080 }, options);
    const ck::BackgroundWork& work = kiosk.app().background_work();
    kiosk.tap(Point { 500, 500 });
    REQUIRE(kiosk.app().screen() == ScreenId::home);
    kiosk.tap_id("home.about");
    kiosk.settle_background();
    kiosk.wait(Millis { 400 });
    REQUIRE(kiosk.app().screen() == ScreenId::about);
    CHECK(kiosk.frame().tree().shows_text("45 documents"));
    CHECK(work.stats(ck::WorkKind::about).finished == 1);

    kiosk.tap_id(ck::screens::nav_id::home);
    kiosk.tap_id("home.search");
    kiosk.type("whaling");
    kiosk.settle_background();
    kiosk.wait(Millis { 400 }); // the slide ends
    REQUIRE(kiosk.app().screen() == ScreenId::search);
    CHECK(kiosk.frame().tree().find_by_id("search.count") != nullptr);
    const ck::BackgroundWork::Stats search = work.stats(ck::WorkKind::search);
    const ck::BackgroundWork::Stats facets = work.stats(ck::WorkKind::facets);
    CHECK(search.started >= 1);
    CHECK(search.finished == search.started);
    CHECK(facets.finished >= 1); // the filter chips' counts came on their own lane
    CHECK(work.stats(ck::WorkKind::import).posted == 0);
    CHECK_FALSE(kiosk.app().background_working());
}

TEST_CASE("a screen that goes while its background job runs (back, idle reset) leaves nothing behind")
{
    ck::app::AppOptions options = quick_idle();
    options.about_sync_facts_max = 0;
    AppHarness kiosk({ 1920, 1080 }, options);
    kiosk.tap(Point { 500, 500 });
    for (int round = 0; round < 5; ++round) {
        kiosk.tap_id("home.about");
        kiosk.tap_id(ck::screens::nav_id::back); // at once: the count may still be running
        kiosk.tap_id("home.search");
        kiosk.type("embassy");
        kiosk.app().reset_visit(); // the idle reset, with a search (or its counts) in flight
        kiosk.tap(Point { 500, 500 });
    }
    kiosk.settle_background();
    CHECK_FALSE(kiosk.app().background_working());
    const ck::BackgroundWork& work = kiosk.app().background_work();
    for (const ck::WorkKind kind : { ck::WorkKind::search, ck::WorkKind::facets, ck::WorkKind::about }) {
        const ck::BackgroundWork::Stats stats = work.stats(kind);
        INFO(ck::name(kind));
        CHECK(stats.started + stats.dropped == stats.posted); // every job ran or was dropped unrun
        CHECK(stats.finished == stats.started);
    }
    CHECK(work.stats(ck::WorkKind::about).posted == 5);
    CHECK(kiosk.app().screen() == ScreenId::home);
}
