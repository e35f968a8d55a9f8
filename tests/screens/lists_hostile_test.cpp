// Hostile and empty content in the list screens (HOSTILE_INPUTS b2.27 and fields a damaged or
// crafted pack can hold): every row keeps its text inside its own box and its touch target
// whole, stamps stay in their column, and an empty pack gives calm screens, never an error.
#include "lists_fixture.hpp"
#include "screens/about_screen.hpp"
#include "screens/timeline_screen.hpp"
#include "screens/year_screen.hpp"
#include "ui/accessibility_audit.hpp"

#include <doctest/doctest.h>

using namespace ck;
using namespace ck::screens;

namespace {

cable::Cable make(std::string id, std::optional<cable::CableDate> date)
{
    cable::Cable c;
    c.id = std::move(id);
    c.date = date;
    c.display_text = "1. TEXT";
    c.source_file = c.id + ".txt";
    return c;
}

std::vector<cable::Cable> hostile_cables()
{
    std::vector<cable::Cable> out;
    const cable::CableDate d { 1999, 3, 4, 5, 6 };
    cable::Cable long_marking = make("99HOSTILE1", d);
    long_marking.classification
        = "SECRET//NOFORN//ORCON//REL TO USA, GBR, CAN, AUS, NZL//A CAVEAT NOBODY HAS SEEN BEFORE AND LONG";
    long_marking.subject = "LONG MARKING";
    out.push_back(long_marking);

    cable::Cable unknown_marking = make("99HOSTILE2", d);
    unknown_marking.classification = std::string(300, 'Z');
    unknown_marking.subject = std::string(5000, 'W');
    out.push_back(unknown_marking);

    cable::Cable mixed = make("99HOSTILE3", d);
    mixed.classification = "CONFIDENTIAL";
    mixed.subject = "سفارة ‏RTL‏ 東京 🇯🇵👩‍👩‍👧 e\xCC\x81\xCC\x81\xCC\x81 "
                    "TAB\tNEWLINE\nCR\rNUL-FREE "
                    "\xE2\x80\x8B";
    mixed.from = std::string(400, 'A') + " " + std::string(400, 'B');
    mixed.to = { "AMEMBASSY " + std::string(300, 'C') };
    out.push_back(mixed);

    cable::Cable bare = make("99HOSTILE4", d); // nothing but an id and a date
    out.push_back(bare);

    cable::Cable undated = make("HOSTILE-UNDATED", std::nullopt);
    undated.classification = "UNCLASSIFIED";
    undated.subject = "NO DATE AT ALL";
    out.push_back(undated);
    return out;
}

// Every widget drawn for a row lies inside the row.
void check_rows_contain_their_text(const ui::WidgetTree& tree)
{
    const auto rows = test::with_prefix(tree, "row:");
    REQUIRE_FALSE(rows.empty());
    for (const ui::Widget& w : tree.widgets()) {
        if (w.role != ui::Role::text || w.label.empty()) {
            continue;
        }
        for (const ui::Widget* row : rows) {
            if (row->rect.contains(w.rect.center())) {
                CAPTURE(row->id);
                CAPTURE(w.label.substr(0, 60));
                CHECK(w.rect.x >= row->rect.x - 0.5f);
                CHECK(w.rect.right() <= row->rect.right() + 0.5f);
                CHECK(w.rect.y >= row->rect.y - 0.5f);
                CHECK(w.rect.bottom() <= row->rect.bottom() + 0.5f);
            }
        }
    }
}

} // namespace

TEST_CASE("hostile fields stay inside their rows, and their screens pass the audit")
{
    const test::ScratchDir dir;
    content::Pack pack = test::write_pack(dir.path() / "hostile.ckpack", hostile_cables());
    for (const Size size : { Size { 1920, 1080 }, Size { 1080, 1920 } }) {
        for (const char* lang : { "en", "ja" }) {
            CAPTURE(size.w);
            CAPTURE(lang);
            test::Frame frame(size, lang);
            YearScreen year(&pack, 1999);
            const ui::WidgetTree& tree = frame.build(year, &pack);
            CHECK(test::with_prefix(tree, "row:").size() == 4);
            check_rows_contain_their_text(tree);
            CHECK(ui::audit(tree, frame.theme(), size).empty());
            // A row with no addressees and no subject still reads as something and opens its cable.
            const Intent open = frame.tap(year, &pack, "row:99HOSTILE4");
            CHECK(open.kind == Intent::Kind::open_cable);
            CHECK(open.arg == "99HOSTILE4");

            TimelineScreen timeline(&pack);
            const ui::WidgetTree& t = frame.build(timeline, &pack);
            CHECK(t.find_by_id("year:1999") != nullptr);
            CHECK(ui::audit(t, frame.theme(), size).empty());
            AboutScreen about(&pack, test::background_work());
            CHECK(ui::audit(frame.build(about, &pack), frame.theme(), size).empty());
        }
    }
}

TEST_CASE("a cable without a date never shows as a year of its own")
{
    const test::ScratchDir dir;
    content::Pack pack = test::write_pack(dir.path() / "hostile.ckpack", hostile_cables());
    test::Frame frame({ 1920, 1080 });
    TimelineScreen timeline(&pack);
    const ui::WidgetTree& tree = frame.build(timeline, &pack);
    // The pack's year table holds dated cables only; the chart shows exactly those years.
    const auto cells = test::with_prefix(tree, "year:");
    REQUIRE(cells.size() == 1);
    CHECK(cells[0]->id == "year:1999");
    CHECK(cells[0]->label == "4 cables from 1999");
    CHECK(tree.shows_text("4 cables"));
    CHECK(tree.shows_text("4 cables  ·  1999")); // one year is not written as a range
    CHECK_FALSE(tree.shows_text("1999–1999"));
}

TEST_CASE("an empty pack gives calm list screens")
{
    const test::ScratchDir dir;
    content::Pack pack = test::write_pack(dir.path() / "empty.ckpack", {});
    for (const Size size : { Size { 1920, 1080 }, Size { 1080, 1920 } }) {
        test::Frame frame(size);
        TimelineScreen timeline(&pack);
        const ui::WidgetTree& t = frame.build(timeline, &pack);
        CHECK(t.find_by_id("list.empty") != nullptr);
        CHECK(test::with_prefix(t, "year:").empty());
        YearScreen year(&pack, 1990);
        const ui::WidgetTree& y = frame.build(year, &pack);
        CHECK(y.find_by_id("list.empty") != nullptr);
        CHECK(test::with_prefix(y, "row:").empty());
        AboutScreen about(&pack, test::background_work());
        const ui::WidgetTree& a = frame.build(about, &pack);
        CHECK(ui::audit(a, frame.theme(), size).empty());
    }
}
