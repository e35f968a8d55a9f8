// Guided tours through the app, as a visitor takes them on the real exhibit: a tour card on the
// home screen starts the tour at its first stop; Next and Previous move one stop and never past an
// end, however quickly they are tapped; "Leave tour" ends it in one tap and keeps the cable open;
// Back from a stop, Home and the idle reset end it too.
#include "screens/chrome.hpp"
#include "support/app_harness.hpp"
#include "ui/accessibility_audit.hpp"

#include <doctest/doctest.h>

using ck::Millis;
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

void start_libya_tour(AppHarness& h)
{
    h.tap({ 500, 500 }); // wakes the kiosk to the home screen
    h.wait(Millis { 400 });
    h.tap_id("tour:libya-last-uranium");
    h.wait(Millis { 400 });
}

} // namespace

TEST_CASE("a tour card on the home screen opens the tour's first stop with its card")
{
    AppHarness h({ 1920, 1080 }, quick_idle());
    start_libya_tour(h);
    CHECK(h.app().screen() == ScreenId::reader);
    REQUIRE(h.app().tour().active());
    CHECK(h.app().tour().tour() == "libya-last-uranium");
    CHECK(h.app().tour().stop() == 0);
    CHECK(h.frame().tree().shows_text("Stop 1 of 5"));
    CHECK(h.frame().tree().shows_text("LIBYA HALTS HIGHLY ENRICHED URANIUM"));
    // The introduction rides on the first stop's card only.
    CHECK(h.frame().tree().shows_text("In November 2009 Libya stopped the flight"));
    const ck::ui::Widget* previous = h.frame().tree().find_by_id("tour.previous");
    REQUIRE(previous != nullptr);
    CHECK(previous->disabled);
    CHECK_FALSE(previous->interactive);
}

TEST_CASE("next and previous move the tour one stop at a time and open each stop's cable in place")
{
    AppHarness h({ 1920, 1080 }, quick_idle());
    start_libya_tour(h);
    const std::size_t depth = h.app().stack_depth();
    h.tap_id("tour.next");
    CHECK(h.app().tour().stop() == 1);
    CHECK(h.frame().tree().shows_text("Stop 2 of 5"));
    CHECK(h.frame().tree().shows_text("LIBYANS SEEK RENEWED COMMITMENT"));
    CHECK_FALSE(h.frame().tree().shows_text("In November 2009 Libya stopped the flight"));
    CHECK(h.app().stack_depth() == depth); // a stop replaces the stop before
    h.tap_id("tour.previous");
    CHECK(h.app().tour().stop() == 0);
    CHECK(h.frame().tree().shows_text("Stop 1 of 5"));
}

TEST_CASE("next tapped quickly lands one stop further per tap and never past the last stop")
{
    AppHarness h({ 1080, 1920 }, quick_idle());
    start_libya_tour(h);
    for (int i = 0; i < 3; ++i) {
        h.tap_id("tour.next"); // no wait between taps
    }
    CHECK(h.app().tour().stop() == 3);
    CHECK(h.frame().tree().shows_text("Stop 4 of 5"));
    for (int i = 0; i < 4; ++i) {
        h.tap_id("tour.next");
    }
    CHECK(h.app().tour().stop() == 4);
    CHECK(h.frame().tree().shows_text("Stop 5 of 5"));
    CHECK(h.frame().tree().shows_text("FINAL HEU SHIPMENT DEPARTS LIBYA"));
    const ck::ui::Widget* next = h.frame().tree().find_by_id("tour.next");
    REQUIRE(next != nullptr);
    CHECK(next->disabled);
    CHECK(h.app().tour().active());
}

TEST_CASE("leaving the tour is one tap: the card goes and the cable stays open")
{
    AppHarness h({ 1920, 1080 }, quick_idle());
    start_libya_tour(h);
    h.tap_id("tour.next");
    h.tap_id("tour.leave");
    CHECK_FALSE(h.app().tour().active());
    CHECK(h.app().screen() == ScreenId::reader);
    CHECK(h.frame().tree().shows_text("LIBYANS SEEK RENEWED COMMITMENT"));
    CHECK(h.frame().tree().find_by_id("tour.next") == nullptr);
    CHECK_FALSE(h.frame().tree().shows_text("Stop 2 of 5"));
}

TEST_CASE("back from a stop, home and the idle reset each end the tour")
{
    SUBCASE("back")
    {
        AppHarness h({ 1920, 1080 }, quick_idle());
        start_libya_tour(h);
        h.tap_id("tour.next");
        h.tap_id(ck::screens::nav_id::back);
        h.wait(Millis { 400 });
        CHECK(h.app().screen() == ScreenId::home);
        CHECK_FALSE(h.app().tour().active());
    }
    SUBCASE("home")
    {
        AppHarness h({ 1920, 1080 }, quick_idle());
        start_libya_tour(h);
        h.tap_id(ck::screens::nav_id::home);
        CHECK_FALSE(h.app().tour().active());
    }
    SUBCASE("the idle reset")
    {
        AppHarness h({ 1920, 1080 }, quick_idle());
        start_libya_tour(h);
        h.tap_id("tour.next");
        REQUIRE(h.app().tour().active());
        h.wait(Millis { 120'000 + 25'000 + 1'000 });
        CHECK(h.app().screen() == ScreenId::attract);
        CHECK_FALSE(h.app().tour().active());
        // The next visitor's reader of that cable carries no tour card.
        h.app().open_cable("09TRIPOLI941");
        h.wait(Millis { 400 });
        CHECK(h.frame().tree().find_by_id("tour.next") == nullptr);
    }
}

TEST_CASE("a reference opened from a stop has no tour card, and back returns to the stop, tour intact")
{
    AppHarness h({ 1920, 1080 }, quick_idle());
    start_libya_tour(h);
    h.tap_id("tour.next"); // 09TRIPOLI941 cites TRIPOLI 938
    h.app().open_cable("09TRIPOLI938");
    h.wait(Millis { 400 });
    CHECK(h.frame().tree().find_by_id("tour.next") == nullptr);
    h.tap_id(ck::screens::nav_id::back);
    h.wait(Millis { 400 });
    CHECK(h.app().tour().active());
    CHECK(h.app().tour().stop() == 1);
    CHECK(h.frame().tree().shows_text("Stop 2 of 5"));
}

TEST_CASE("the tour cards and every stop's card pass the audit in both orientations, languages and contrasts")
{
    struct Variant {
        ck::Size size;
        bool japanese;
        bool high_contrast;
    };
    const Variant variants[] = {
        { { 1920, 1080 }, false, false },
        { { 1080, 1920 }, false, false },
        { { 1920, 1080 }, true, false },
        { { 1080, 1920 }, true, true },
    };
    for (const Variant& v : variants) {
        AppHarness h(v.size, quick_idle());
        h.tap({ 500, 500 });
        h.wait(Millis { 400 });
        if (v.japanese) {
            h.tap_id(ck::screens::nav_id::language);
        }
        if (v.high_contrast) {
            h.tap_id(ck::screens::nav_id::high_contrast);
        }
        const auto check = [&](const std::string& where) {
            const auto findings = ck::ui::audit(h.frame().tree(), h.frame().theme(), h.frame().viewport());
            std::string found;
            for (const auto& f : findings) {
                found += "\n  " + f.widget + ": " + f.problem;
            }
            INFO(where << " " << v.size.w << "x" << v.size.h << (v.japanese ? " ja" : " en")
                       << (v.high_contrast ? " high-contrast" : "") << found);
            CHECK(findings.empty());
        };
        check("home");
        h.tap_id("tour:how-to-read-a-cable");
        h.wait(Millis { 400 });
        for (int stop = 0; stop < 6; ++stop) {
            check("stop " + std::to_string(stop + 1));
            h.tap_id("tour.next");
            h.wait(Millis { 100 });
        }
    }
}
