// The section, timeline, year and about screens built into a real canvas (real fonts, the real
// bundled exhibit or a pack written by the test), checked through their widget trees: what is
// listed, in which order, what a tap asks for, sizes, and paging through a large year.
#include "content/pack_writer.hpp"
#include "lists_fixture.hpp"
#include "screens/about_screen.hpp"
#include "screens/chrome.hpp"
#include "screens/factory.hpp"
#include "screens/section_screen.hpp"
#include "screens/timeline_screen.hpp"
#include "screens/year_screen.hpp"
#include "support/app_harness.hpp"
#include "ui/accessibility_audit.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <set>

using namespace ck;
using namespace ck::screens;
using ck::test::exhibit;
using ck::test::Frame;
using ck::test::with_prefix;

TEST_CASE("a section lists its cables in the curator's order, each row opening its cable")
{
    for (const content::Section& section : exhibit().collection().sections) {
        CAPTURE(section.id);
        SectionScreen screen(&exhibit(), section.id);
        Frame frame({ 1920, 20000 }); // tall enough to show every row at once
        const auto rows = with_prefix(frame.build(screen, &exhibit()), "row:");
        REQUIRE(rows.size() == section.cables.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            CHECK(rows[i]->id == "row:" + section.cables[i]);
            CHECK(rows[i]->role == ui::Role::link);
            const Intent intent = frame.tap(screen, &exhibit(), rows[i]->id);
            CHECK(intent.kind == Intent::Kind::open_cable);
            CHECK(intent.arg == section.cables[i]);
            if (i > 0) {
                CHECK(rows[i]->rect.y >= rows[i - 1]->rect.bottom() - 0.5f); // no overlap
            }
            CHECK(rows[i]->rect.h >= frame.theme().px(14) - 0.5f);
        }
        CHECK(frame.build(screen, &exhibit()).shows_text(content::pick(section.title, "en")));
    }
}

TEST_CASE("a row reads its date, route, marking and subject, in the visitor's language")
{
    struct Case {
        const char* lang;
        const char* cable; // found in whichever section lists it
        std::vector<std::string> parts;
    };
    const Case cases[] = {
        { "en", "08TOKYO1723",
            { "24 Jun 2008", "Embassy Tokyo → Washington", "CONFIDENTIAL: GOJ PROPOSAL FOR TRILATERAL" } },
        // In Japanese the posts are named from the pack's names table (content_pack/names_ja.tsv).
        { "ja", "08TOKYO1723", { "2008年6月24日", "在東京米国大使館 → 国務長官", "CONFIDENTIAL" } },
        { "en", "1977STATE158046",
            { "7 Jul 1977", "Washington → Embassy Tokyo", "CONFIDENTIAL: DIVERSION OF STRATEGIC GOODS" } },
    };
    for (const Case& c : cases) {
        CAPTURE(c.cable);
        CAPTURE(c.lang);
        bool found_section = false;
        for (const content::Section& s : exhibit().collection().sections) {
            if (std::find(s.cables.begin(), s.cables.end(), c.cable) == s.cables.end()) {
                continue;
            }
            found_section = true;
            SectionScreen screen(&exhibit(), s.id);
            Frame frame({ 1920, 20000 }, c.lang);
            const ui::Widget* row = frame.build(screen, &exhibit()).find_by_id(std::string("row:") + c.cable);
            REQUIRE(row != nullptr);
            for (const std::string& part : c.parts) {
                CHECK_MESSAGE(row->label.find(part) != std::string::npos, row->label << " lacks " << part);
            }
            break;
        }
        CHECK(found_section);
    }
}

TEST_CASE("the timeline has one tappable cell per year with cables, in both orientations")
{
    const auto years = exhibit().years();
    REQUIRE(years.ok());
    std::set<std::string> expected;
    for (const content::YearCount& y : *years) {
        if (y.year > 0 && y.cables > 0) {
            expected.insert("year:" + std::to_string(y.year));
        }
    }
    for (const Size size : { Size { 1920, 1080 }, Size { 1080, 1920 } }) {
        for (const char* lang : { "en", "ja" }) {
            CAPTURE(size.w);
            CAPTURE(lang);
            TimelineScreen screen(&exhibit());
            Frame frame(size, lang);
            const ui::WidgetTree& tree = frame.build(screen, &exhibit());
            std::set<std::string> cells;
            for (const ui::Widget* w : with_prefix(tree, "year:")) {
                cells.insert(w->id);
                CHECK(w->interactive);
                CHECK(w->rect.w >= frame.theme().px(9) - 0.5f);
                CHECK(w->rect.h >= frame.theme().px(9) - 0.5f);
                // Whole cells fit on the screen without scrolling at the exhibit's size.
                CHECK(w->rect.y >= frame.body().y);
                CHECK(w->rect.bottom() <= frame.body().bottom());
            }
            CHECK(cells == expected);
            const Intent intent = frame.tap(screen, &exhibit(), "year:2009");
            CHECK(intent.kind == Intent::Kind::open_year);
            CHECK(intent.number == 2009);
            const ui::Widget* cell = tree.find_by_id("year:2009");
            REQUIRE(cell != nullptr);
            CHECK(cell->label == (std::string(lang) == "en" ? "16 cables from 2009" : "2009年の電報 16通"));
        }
    }
}

TEST_CASE("the year screen lists a year's cables and steps to the years around it in place")
{
    YearScreen screen(&exhibit(), 1977);
    Frame frame({ 1920, 1080 });
    auto rows = with_prefix(frame.build(screen, &exhibit()), "row:");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]->id == "row:1977STATE158046");
    CHECK(frame.tap(screen, &exhibit(), "year.previous").kind == Intent::Kind::none);
    CHECK(screen.year() == 1976);
    frame.build(screen, &exhibit());
    frame.tap(screen, &exhibit(), "year.next");
    frame.build(screen, &exhibit());
    frame.tap(screen, &exhibit(), "year.next");
    CHECK(screen.year() == 1983);
    rows = with_prefix(frame.build(screen, &exhibit()), "row:");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]->id == "row:001_cafc2fa6b2b6242c");

    YearScreen last(&exhibit(), 2010);
    const ui::WidgetTree& tree = frame.build(last, &exhibit());
    CHECK(tree.find_by_id("year.next") == nullptr);
    CHECK(tree.find_by_id("year.previous") != nullptr);
    CHECK(tree.shows_text("4 cables from 2010"));
}

TEST_CASE("a large year is read a page at a time, in date order, with bounded memory")
{
    constexpr int cables = 1500;
    std::vector<cable::Cable> all;
    for (int i = 0; i < cables; ++i) {
        cable::Cable c;
        char id[32];
        std::snprintf(id, sizeof id, "90TOKYO%04d", i);
        c.id = id;
        c.date = cable::CableDate { 1990, 1 + (i * 12) / cables, 1 + i % 28, i % 24, i % 60 };
        c.from = "AMEMBASSY TOKYO";
        c.to = { "SECSTATE WASHDC" };
        c.origin = "Embassy Tokyo";
        c.classification = i % 3 == 0 ? "SECRET" : "CONFIDENTIAL";
        c.subject = "SUBJECT NUMBER " + std::to_string(i);
        c.display_text = "1. TEXT " + std::to_string(i);
        c.source_file = c.id + ".txt";
        all.push_back(std::move(c));
    }
    const test::ScratchDir dir;
    content::Pack pack = test::write_pack(dir.path() / "year.ckpack", all);
    const auto order = pack.cables_in_year(1990, cables, 0); // the pack's own date order
    REQUIRE(order.ok());
    REQUIRE(order->size() == static_cast<std::size_t>(cables));
    const auto index_of = [&](const ui::Widget* w) {
        for (std::size_t i = 0; i < order->size(); ++i) {
            if (w->id == "row:" + (*order)[i].id) {
                return static_cast<long>(i);
            }
        }
        return -1L;
    };

    YearScreen screen(&pack, 1990);
    CHECK(screen.count() == cables);
    Frame frame({ 1080, 1920 });
    auto rows = with_prefix(frame.build(screen, &pack), "row:");
    REQUIRE(rows.size() >= 5);
    // Whatever part of the year is on screen, its rows are consecutive cables in date order, top
    // to bottom; scrolling a long way in steps (as a fling would) never holds more than the pages kept.
    for (int step = 0; step <= 60; ++step) {
        CAPTURE(step);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            CHECK(index_of(rows[i]) == index_of(rows[0]) + static_cast<long>(i));
            if (i > 0) {
                CHECK(rows[i]->rect.y > rows[i - 1]->rect.y);
            }
        }
        CHECK(screen.pages_held() <= year_pages_kept);
        if (step == 0) {
            CHECK(index_of(rows[0]) == 0);
        }
        frame.scroll(screen, &pack, frame.body().center(), -4000);
        rows = with_prefix(frame.build(screen, &pack), "row:");
        REQUIRE_FALSE(rows.empty());
    }
    CHECK(index_of(rows[0]) > 1000); // 60 steps of 4,000 px went far down the list
    // At the end, the year's last cable is the last row.
    frame.scroll(screen, &pack, frame.body().center(), -1e9f);
    rows = with_prefix(frame.build(screen, &pack), "row:");
    REQUIRE_FALSE(rows.empty());
    CHECK(index_of(rows.back()) == cables - 1);
}

TEST_CASE("the about screen sets its paragraphs with heads, and its facts come from the pack")
{
    for (const Size size : { Size { 1920, 1080 }, Size { 1080, 20000 } }) {
        AboutScreen screen(&exhibit(), test::background_work());
        Frame frame(size);
        const ui::WidgetTree& tree = frame.build(screen, &exhibit());
        CHECK(tree.shows_text("About this collection"));
        CHECK(tree.shows_text("45 documents"));
        CHECK(tree.shows_text("1960–2010"));
        CHECK(tree.shows_text("Washington"));
        bool head = false;
        for (const ui::Widget& w : tree.widgets()) {
            head = head || (w.role == ui::Role::heading && w.label == "Leaked cables");
        }
        if (size.h > 10000) {
            CHECK(head); // tall enough to show every paragraph
        }
    }
    AboutScreen screen(&exhibit(), test::background_work());
    Frame frame({ 1080, 20000 }, "ja");
    const ui::WidgetTree& tree = frame.build(screen, &exhibit());
    CHECK(tree.shows_text("文書45点"));
    // The most frequent origins are named in Japanese from the pack's names table.
    CHECK(tree.shows_text("在東京米国大使館"));
    CHECK(tree.shows_text("在ソウル米国大使館"));
    CHECK_FALSE(tree.shows_text("Embassy Tokyo"));
    bool head = false;
    for (const ui::Widget& w : tree.widgets()) {
        head = head || (w.role == ui::Role::heading && w.label == "流出した電報");
    }
    CHECK(head);
}

TEST_CASE("the list screens pass the accessibility audit in every orientation, language and mode")
{
    struct Variant {
        Size size;
        bool japanese;
        bool large_text;
        bool high_contrast;
        float dpi;
    };
    const Variant variants[] = {
        { { 1920, 1080 }, false, false, false, 92 },
        { { 1080, 1920 }, false, false, false, 92 },
        { { 1920, 1080 }, true, false, false, 92 },
        { { 1080, 1920 }, true, true, false, 92 },
        { { 1920, 1080 }, false, true, true, 92 },
        { { 3840, 2160 }, false, false, false, 185 },
        { { 1280, 800 }, false, false, false, 150 },
    };
    for (const Variant& v : variants) {
        app::AppOptions options;
        options.dpi = v.dpi;
        test::AppHarness h(v.size, options);
        h.wait(Millis { 3000 });
        h.tap({ v.size.w / 2, v.size.h / 2 });
        h.wait(Millis { 400 });
        if (v.japanese) {
            h.tap_id(nav_id::language);
        }
        if (v.large_text) {
            h.tap_id(nav_id::large_text);
        }
        if (v.high_contrast) {
            h.tap_id(nav_id::high_contrast);
        }
        const auto check = [&](const std::string& where) {
            const auto findings = ui::audit(h.frame().tree(), h.frame().theme(), h.frame().viewport());
            std::string found;
            for (const auto& f : findings) {
                found += "\n  " + f.widget + ": " + f.problem;
            }
            INFO(where << " " << v.size.w << "x" << v.size.h << (v.japanese ? " ja" : " en")
                       << (v.large_text ? " large" : "") << (v.high_contrast ? " high-contrast" : "")
                       << found);
            CHECK(findings.empty());
        };
        const auto go = [&](const std::string& id, std::string_view screen) {
            // Small or large-print screens may hold the target further down: scroll to it. Home
            // keeps its scroll position, so a target above what is shown is found scrolling back up.
            for (int i = 0; i < 24 && h.frame().tree().find_by_id(id) == nullptr; ++i) {
                const float from = i < 12 ? 0.7f : 0.3f;
                h.drag({ v.size.w / 2, v.size.h * from }, { v.size.w / 2, v.size.h * (1 - from) },
                    Millis { 300 });
                h.wait(Millis { 800 });
            }
            h.tap_id(id);
            h.wait(Millis { 400 });
            REQUIRE(h.app().screen_name() == screen);
        };
        const auto home = [&]() {
            h.tap_id(nav_id::home);
            h.wait(Millis { 400 });
        };
        go("section:" + exhibit().collection().sections.front().id, "section");
        check("section");
        home();
        go("home.timeline", "timeline");
        check("timeline");
        go("year:2009", "year");
        check("year");
        home();
        go("home.about", "about");
        check("about");
        home();
    }
}

TEST_CASE("a large pack's facts are counted on the background work, and leaving early stops it")
{
    // Every pack counts as large here, so the exhibit takes the background path.
    BackgroundWork work;
    {
        AboutScreen screen(&exhibit(), work, 0);
        Frame frame({ 1920, 1080 });
        CHECK_FALSE(screen.facts_ready());
        CHECK(screen.animating()); // no wake is set: the loop keeps polling while the count runs
        CHECK_FALSE(frame.build(screen, &exhibit()).shows_text("45 documents"));
        REQUIRE(work.wait_idle(std::chrono::seconds(20)));
        screen.advance(Millis { 16 });
        REQUIRE(screen.facts_ready());
        CHECK_FALSE(screen.animating());
        const ui::WidgetTree& tree = frame.build(screen, &exhibit());
        CHECK(tree.shows_text("45 documents"));
        CHECK(tree.shows_text("Classification markings"));
        CHECK(work.stats(WorkKind::about).finished == 1);
    }
    // Made and dropped at once (an idle reset): each screen's job is dropped unrun or cancelled.
    for (int i = 0; i < 20; ++i) {
        AboutScreen screen(&exhibit(), work, 0);
    }
    REQUIRE(work.wait_idle(std::chrono::seconds(20)));
    const BackgroundWork::Stats stats = work.stats(WorkKind::about);
    CHECK(stats.posted == 21);
    CHECK(stats.started + stats.dropped == 21);
    CHECK(stats.finished == stats.started);
}

TEST_CASE("with a wake set, the about screen sleeps while its facts are counted and is woken for them")
{
    std::atomic<int> woken { 0 };
    BackgroundWork work([&woken] { ++woken; });
    AboutScreen screen(&exhibit(), work, 0);
    CHECK_FALSE(screen.animating()); // nothing to poll: the wake brings the facts
    REQUIRE(work.wait_idle(std::chrono::seconds(20)));
    CHECK(woken.load() == 1);
    screen.advance(Millis { 16 });
    CHECK(screen.facts_ready());
}

TEST_CASE("a section of one year's cables shows that year once on the home screen, in both languages")
{
    // The Libya section's five cables are all of 2009; the others span several years.
    for (const char* lang : { "en", "ja" }) {
        CAPTURE(lang);
        const ScreenServices services { &exhibit(), test::background_work(), std::nullopt };
        const auto home = make_screen(ScreenId::home, "", 0, services);
        REQUIRE(home != nullptr);
        Frame frame({ 1080, 6000 }, lang);
        const ui::WidgetTree& tree = frame.build(*home, &exhibit());
        const bool en = std::string(lang) == "en";
        CHECK(tree.shows_text(en ? "5 cables  ·  2009" : "5通  ·  2009年"));
        CHECK_FALSE(tree.shows_text(en ? "2009–2009" : "2009–2009年"));
        CHECK(tree.shows_text(en ? "13 cables  ·  1993–2010" : "13通  ·  1993–2010年"));
    }
}
