// The section, timeline, year and about screens built into a real canvas (real fonts, the real
// bundled exhibit or a pack written by the test), checked through their widget trees: what is
// listed, in which order, what a tap asks for, sizes, and paging through a large year.
#include "content/pack.hpp"
#include "content/pack_writer.hpp"
#include "screens/about_screen.hpp"
#include "screens/chrome.hpp"
#include "screens/section_screen.hpp"
#include "screens/timeline_screen.hpp"
#include "screens/year_screen.hpp"
#include "support/app_harness.hpp"
#include "support/exhibit_pack.hpp"
#include "text/font_set.hpp"
#include "text/glyph_cache.hpp"
#include "text/layout_cache.hpp"
#include "ui/accessibility_audit.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <unistd.h>

using namespace ck;
using namespace ck::screens;

namespace {

content::Pack& exhibit()
{
    static content::Pack pack = [] {
        auto opened = content::Pack::open(test::exhibit_pack_path());
        REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().to_string()));
        return std::move(*opened);
    }();
    return pack;
}

// Fonts and caches shared by every frame of the process, as in the kiosk.
struct TextKit {
    std::unique_ptr<text::FontSet> fonts;
    std::unique_ptr<text::LayoutCache> layouts;
    std::unique_ptr<text::GlyphCache> glyphs;
    TextKit()
    {
        auto created = text::FontSet::create(text::FontPaths::debian_defaults());
        REQUIRE_MESSAGE(created.ok(), (created.ok() ? "" : created.error().to_string()));
        fonts = std::move(*created);
        layouts = std::make_unique<text::LayoutCache>(*fonts);
        glyphs = std::make_unique<text::GlyphCache>(*fonts);
    }
};

TextKit& kit()
{
    static TextKit k;
    return k;
}

// One screen drawn into a canvas of `viewport`, its body below a bar as the app lays it out.
class Frame {
public:
    explicit Frame(Size viewport, std::string lang = "en", ui::TextScale scale = ui::TextScale::normal)
        : m_theme(92, ui::ContrastMode::normal, scale)
        , m_canvas(ui::TextServices { *kit().fonts, *kit().layouts, *kit().glyphs }, m_theme, viewport)
        , m_viewport(viewport)
        , m_lang(std::move(lang))
    {
    }

    const ui::WidgetTree& build(Screen& screen, content::Pack* pack)
    {
        const Strings strings(pack, m_lang);
        const bool portrait = m_viewport.h > m_viewport.w;
        const float bar = m_theme.px(19);
        const Rect body = portrait ? Rect { 0, 0, m_viewport.w, m_viewport.h - bar }
                                   : Rect { 0, bar, m_viewport.w, m_viewport.h - bar };
        Visit visit;
        const Env env { pack, strings, Millis { 0 }, body, m_viewport, 92, portrait, &visit };
        m_canvas.begin_frame(m_theme, m_viewport);
        screen.build(m_canvas, env);
        m_body = body;
        return m_canvas.tree();
    }

    Intent tap(Screen& screen, content::Pack* pack, std::string_view id)
    {
        const ui::Widget* w = m_canvas.tree().find_by_id(id);
        REQUIRE_MESSAGE(w != nullptr, "no widget " << std::string(id));
        const Strings strings(pack, m_lang);
        Visit visit;
        const Env env { pack, strings, Millis { 0 }, m_body, m_viewport, 92, m_viewport.h > m_viewport.w,
            &visit };
        return screen.on_tap(*w, env);
    }

    // A mouse wheel turn over the body: scrolls the view under it without animation.
    void scroll(Screen& screen, content::Pack* pack, Point at, float dy)
    {
        input::Gesture g;
        g.kind = input::GestureKind::scroll;
        g.pos = at;
        g.delta = { 0, dy };
        const Strings strings(pack, m_lang);
        Visit visit;
        const Env env { pack, strings, Millis { 0 }, m_body, m_viewport, 92, m_viewport.h > m_viewport.w,
            &visit };
        screen.on_gesture(g, env);
    }

    [[nodiscard]] const ui::Theme& theme() const { return m_theme; }
    [[nodiscard]] Rect body() const { return m_body; }

private:
    ui::Theme m_theme;
    ui::Canvas m_canvas;
    Size m_viewport;
    std::string m_lang;
    Rect m_body;
};

std::vector<const ui::Widget*> with_prefix(const ui::WidgetTree& tree, std::string_view prefix)
{
    std::vector<const ui::Widget*> out;
    for (const ui::Widget& w : tree.widgets()) {
        if (w.id.substr(0, prefix.size()) == prefix) {
            out.push_back(&w);
        }
    }
    return out;
}

} // namespace

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
        { "ja", "08TOKYO1723", { "2008年6月24日", "Embassy Tokyo → Washington", "CONFIDENTIAL" } },
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
            CHECK(cell->label == (std::string(lang) == "en" ? "11 cables from 2009" : "2009年の電報 11通"));
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
    const std::filesystem::path dir
        = std::filesystem::temp_directory_path() / ("ck-lists-year-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::filesystem::path path = dir / "year.ckpack";
    constexpr int cables = 1500;
    {
        content::BuildOptions options;
        options.builder_version = "lists test";
        options.full_index_check = false;
        auto writer = content::PackWriter::create(path, options);
        REQUIRE(writer.ok());
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
            REQUIRE(writer->add(c).ok());
        }
        REQUIRE(writer->commit().ok());
    }
    auto opened = content::Pack::open(path);
    REQUIRE(opened.ok());
    content::Pack pack = std::move(*opened);

    YearScreen screen(&pack, 1990);
    CHECK(screen.count() == cables);
    Frame frame({ 1080, 1920 });
    auto rows = with_prefix(frame.build(screen, &pack), "row:");
    REQUIRE_FALSE(rows.empty());
    std::vector<std::string> seen;
    for (const auto* r : rows) {
        seen.push_back(r->id);
    }
    CHECK(std::is_sorted(
        rows.begin(), rows.end(), [](const auto* a, const auto* b) { return a->rect.y < b->rect.y; }));
    // Scroll a long way in steps, as a fling would: every frame holds at most the pages it keeps.
    for (int step = 0; step < 60; ++step) {
        frame.scroll(screen, &pack, frame.body().center(), -4000);
        rows = with_prefix(frame.build(screen, &pack), "row:");
        CHECK(screen.pages_held() <= year_pages_kept);
    }
    // At the end, the last cables of the year are on screen.
    frame.scroll(screen, &pack, frame.body().center(), -1e9f);
    rows = with_prefix(frame.build(screen, &pack), "row:");
    REQUIRE_FALSE(rows.empty());
    const auto dates = pack.cables_in_year(1990, 1, cables - 1);
    REQUIRE(dates.ok());
    REQUIRE(dates->size() == 1);
    CHECK(rows.back()->id == "row:" + dates->front().id);
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

TEST_CASE("the about screen sets its paragraphs with heads, and its facts come from the pack")
{
    for (const Size size : { Size { 1920, 1080 }, Size { 1080, 20000 } }) {
        AboutScreen screen(&exhibit());
        Frame frame(size);
        const ui::WidgetTree& tree = frame.build(screen, &exhibit());
        CHECK(tree.shows_text("About this collection"));
        CHECK(tree.shows_text("40 documents"));
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
    AboutScreen screen(&exhibit());
    Frame frame({ 1080, 20000 }, "ja");
    const ui::WidgetTree& tree = frame.build(screen, &exhibit());
    CHECK(tree.shows_text("文書40点"));
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
            // Small or large-print screens may hold the target further down: scroll to it.
            for (int i = 0; i < 12 && h.frame().tree().find_by_id(id) == nullptr; ++i) {
                h.drag({ v.size.w / 2, v.size.h * 0.7f }, { v.size.w / 2, v.size.h * 0.3f }, Millis { 300 });
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
