// The reader screen built into a real canvas (real fonts, the real bundled exhibit, or a pack the
// test writes with PackWriter) and checked through its widget tree and what its taps and gestures
// ask for: the decoded header, the text column, glossary terms, references, sizes and scrolling.
#include "content/pack.hpp"
#include "content/pack_writer.hpp"
#include "screens/reader_screen.hpp"
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

// A screen drawn as the app draws it: the body between the navigation bar and the banners.
class Frame {
public:
    explicit Frame(Size viewport, std::string lang = "en", ui::TextScale scale = ui::TextScale::normal,
        ui::ContrastMode contrast = ui::ContrastMode::normal)
        : m_theme(92, contrast, scale)
        , m_canvas(ui::TextServices { *kit().fonts, *kit().layouts, *kit().glyphs }, m_theme, viewport)
        , m_viewport(viewport)
        , m_lang(std::move(lang))
    {
    }

    Env env(content::Pack* pack)
    {
        m_strings = std::make_unique<Strings>(pack, m_lang);
        const bool portrait = m_viewport.h > m_viewport.w;
        const float bar = m_theme.px(19);
        const float banner = m_theme.px(9);
        const Rect body = portrait ? Rect { 0, banner, m_viewport.w, m_viewport.h - bar - 2 * banner }
                                   : Rect { 0, banner + bar, m_viewport.w, m_viewport.h - bar - 2 * banner };
        return make_env(pack, *m_strings, visit, Millis { 0 }, { body, m_viewport, 92 });
    }

    const ui::WidgetTree& build(Screen& screen, content::Pack* pack)
    {
        m_canvas.begin_frame(m_theme, m_viewport);
        screen.build(m_canvas, env(pack));
        return m_canvas.tree();
    }

    [[nodiscard]] const ui::Theme& theme() const { return m_theme; }
    [[nodiscard]] Size viewport() const { return m_viewport; }

    Visit visit;

private:
    ui::Theme m_theme;
    ui::Canvas m_canvas;
    Size m_viewport;
    std::string m_lang;
    std::unique_ptr<Strings> m_strings;
};

const ui::Widget& widget(const ui::WidgetTree& tree, std::string_view id)
{
    const ui::Widget* w = tree.find_by_id(id);
    INFO("widget " << id);
    REQUIRE(w != nullptr);
    return *w;
}

input::Gesture gesture(input::GestureKind kind, Point at, float scale = 1, Point delta = {}, Millis time = {})
{
    input::Gesture g;
    g.kind = kind;
    g.pos = at;
    g.start = at;
    g.scale = scale;
    g.delta = delta;
    g.time = time;
    return g;
}

void pinch(ReaderScreen& screen, Frame& frame, Point at, float scale)
{
    Env env = frame.env(&exhibit());
    screen.on_gesture(gesture(input::GestureKind::pinch_start, at), env);
    screen.on_gesture(gesture(input::GestureKind::pinch_update, at, scale), env);
    screen.on_gesture(gesture(input::GestureKind::pinch_end, at, scale), env);
}

} // namespace

TEST_CASE("the header decodes the cable: date and time, precedence in words, sender, addressees, marking")
{
    struct Case {
        const char* id;
        const char* banner; // empty: no banners
        const char* date;
        const char* precedence; // empty: no precedence row
        const char* from;
        const char* to;
    };
    const Case cases[] = {
        { "1977STATE158046", "CONFIDENTIAL", "7 July 1977, 21:38\xC2\xA0UTC", "Priority",
            "Secretary of State", "Embassy Tokyo" },
        { "09STATE96222", "SECRET//NOFORN", "16 September 2009, 15:15\xC2\xA0UTC", "Immediate",
            "Secretary of State", "" },
        { "85TOKYO364", "CONFIDENTIAL", "8 January 1985, 09:00\xC2\xA0UTC", "Immediate", "Embassy Tokyo",
            "Secretary of State\nUSDOC WASHDC" },
        { "05VIENNA3833", "SECRET", "7 December 2005", "", "", "" },
        { "CIA-RDP80B01676R003100290016-2", "", "25 April 1960", "", "", "" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.id);
        ReaderScreen screen(&exhibit(), c.id);
        REQUIRE(screen.found());
        CHECK(screen.banner().value_or("") == c.banner);
        for (const Size size : { Size { 1920, 1080 }, Size { 1080, 1920 } }) {
            Frame frame(size);
            const ui::WidgetTree& tree = frame.build(screen, &exhibit());
            CHECK(tree.shows_text(c.date));
            CHECK(tree.shows_text("Precedence") == (c.precedence[0] != '\0'));
            if (c.precedence[0] != '\0') {
                CHECK(tree.shows_text(c.precedence));
            }
            if (c.from[0] != '\0') {
                CHECK(tree.shows_text(c.from));
            }
            if (c.to[0] != '\0') {
                CHECK(tree.shows_text(c.to));
            }
            CHECK(widget(tree, "reader.subject").role == ui::Role::heading);
            // An unmarked record says so where the marking would be.
            CHECK(tree.shows_text("No marking") == (c.banner[0] == '\0'));
        }
    }
}

TEST_CASE("Japanese shows the same cable with Japanese labels, date and precedence")
{
    ReaderScreen screen(&exhibit(), "1977STATE158046");
    Frame frame({ 1920, 1080 }, "ja");
    const ui::WidgetTree& tree = frame.build(screen, &exhibit());
    CHECK(tree.shows_text("1977年7月7日 21:38"));
    CHECK(tree.shows_text("優先"));
    CHECK(tree.shows_text("発信"));
    CHECK(tree.shows_text("DIVERSION OF STRATEGIC GOODS")); // the cable stays in its own language
}

TEST_CASE("a long list of copies shows its first three and a button for the rest")
{
    ReaderScreen screen(&exhibit(), "09BEIJING1761");
    Frame frame({ 1920, 1080 });
    const ui::WidgetTree& tree = frame.build(screen, &exhibit());
    const auto copies = [](const ui::WidgetTree& t) {
        for (const ui::Widget& w : t.widgets()) {
            if (w.label.rfind("Embassy Tokyo\n", 0) == 0) {
                return w.label;
            }
        }
        return std::string();
    };
    CHECK(copies(tree) == "Embassy Tokyo\nEmbassy Seoul\nEmbassy Moscow");
    const ui::Widget& more = widget(tree, "reader.more:info");
    CHECK(more.label == "7 more");
    CHECK(more.interactive);
    CHECK(screen.on_tap(more, frame.env(&exhibit())).kind == Intent::Kind::none);
    const ui::WidgetTree& after = frame.build(screen, &exhibit());
    CHECK(after.find_by_id("reader.more:info") == nullptr);
    CHECK(copies(after).size() > 100);
    CHECK(copies(after).find("\nNSC WASHDC") != std::string::npos);
}

TEST_CASE("a chip shows its definition and a reference outside the collection says so")
{
    ReaderScreen screen(&exhibit(), "1977STATE158046");
    Frame frame({ 1920, 1080 });
    const ui::WidgetTree& tree = frame.build(screen, &exhibit());
    const Env env = frame.env(&exhibit());
    struct Case {
        const char* widget;
        Intent::Kind kind;
        const char* arg;
    };
    const Case cases[] = {
        { "reader.tag:0", Intent::Kind::show_definition, "ESTC" },
        { "reader.tag:1", Intent::Kind::show_definition, "COCOM" },
        { "reader.tag:2", Intent::Kind::show_definition, "JA" },
        { "reader.mark:0", Intent::Kind::show_definition, "CONFIDENTIAL" },
        { "reader.ref:0", Intent::Kind::show_notice, "reader.not_in_collection" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.widget);
        const ui::Widget& w = widget(tree, c.widget);
        CHECK(w.interactive);
        const Intent intent = screen.on_tap(w, env);
        CHECK(intent.kind == c.kind);
        CHECK(intent.arg == c.arg);
    }
}

TEST_CASE("a marking the glossary does not explain is a quiet chip that invites no tap")
{
    ReaderScreen screen(&exhibit(), "90TOKYO3841"); // UNCLASSIFIED, FOR OFFICIAL USE ONLY
    Frame frame({ 1920, 1080 });
    const ui::WidgetTree& tree = frame.build(screen, &exhibit());
    CHECK(tree.shows_text("FOR OFFICIAL USE ONLY"));
    CHECK(tree.find_by_id("reader.mark:1") == nullptr);
}

TEST_CASE("glossary terms in the text are targets of 9 mm or more that open their definitions")
{
    ReaderScreen screen(&exhibit(), "85TOKYO364");
    REQUIRE(!screen.terms().empty());
    for (const Size size : { Size { 1920, 1080 }, Size { 1080, 1920 } }) {
        Frame frame(size);
        const ui::WidgetTree& tree = frame.build(screen, &exhibit());
        const Env env = frame.env(&exhibit());
        std::size_t seen = 0;
        bool goj = false;
        for (const ui::Widget& w : tree.widgets()) {
            if (w.id.rfind("term:", 0) != 0) {
                continue;
            }
            ++seen;
            CHECK(w.role == ui::Role::link);
            CHECK(w.interactive);
            if (!w.clipped) {
                CHECK(w.rect.w >= frame.theme().px(9) - 0.5f);
                CHECK(w.rect.h >= frame.theme().px(9) - 0.5f);
            }
            const Intent intent = screen.on_tap(w, env);
            CHECK(intent.kind == Intent::Kind::show_definition);
            CHECK(ui::contains_ignoring_case(w.label, intent.arg.substr(0, intent.arg.find(' '))));
            goj = goj || (w.label == "GOJ" && intent.arg == "GOJ");
        }
        CHECK(seen >= 10);
        CHECK(goj);
    }
}

TEST_CASE("at the default size the text keeps its own lines in a column that holds a teletype line")
{
    for (const Size size : { Size { 1920, 1080 }, Size { 1080, 1920 } }) {
        ReaderScreen screen(&exhibit(), "85TOKYO364");
        Frame frame(size);
        const ui::WidgetTree& tree = frame.build(screen, &exhibit());
        const text::Layout* layout = screen.text_layout();
        REQUIRE(layout != nullptr);
        CHECK_FALSE(screen.large_print());
        CHECK(layout->options().wrap == text::WrapMode::preserve_lines);
        CHECK(layout->options().style.family == text::Family::mono);
        // Every source line starts a line of the layout, and one of a teletype's 69 characters or
        // fewer is never wrapped: the cable's own breaks are kept.
        const std::string text = exhibit().cable("85TOKYO364")->value().cable.display_text;
        std::set<std::size_t> starts;
        for (const text::LayoutLine& line : layout->lines()) {
            starts.insert(line.byte_begin);
        }
        std::size_t begin = 0;
        while (begin < text.size()) {
            const std::size_t end = std::min(text.find('\n', begin), text.size());
            CHECK(starts.count(begin) == 1);
            if (end - begin <= 69) {
                CHECK((starts.upper_bound(begin) == starts.end() || *starts.upper_bound(begin) > end));
            }
            begin = end + 1;
        }
        const float column = layout->options().max_width_px;
        const std::string teletype(69, 'M');
        CHECK(kit().fonts->measure(teletype, layout->options().style) <= column);
        for (const text::LayoutLine& line : layout->lines()) {
            CHECK(line.width <= column + 0.5f);
        }
        const ui::Widget& visible = widget(tree, "reader.text");
        CHECK(visible.label.rfind("O 080900Z JAN 85\nFM AMEMBASSY TOKYO", 0) == 0);
        CHECK(screen.reading_long_text());
    }
}

TEST_CASE("a pinch snaps to a step, reflows to large print past a teletype line, and the step carries")
{
    Frame frame({ 1920, 1080 });
    ReaderScreen screen(&exhibit(), "85TOKYO364");
    frame.build(screen, &exhibit());
    CHECK(screen.size_step() == 2);
    pinch(screen, frame, { 1300, 600 }, 1.5f);
    CHECK(screen.size_step() > 2);
    CHECK(frame.visit.reader_size_step == static_cast<int>(screen.size_step()));
    frame.build(screen, &exhibit());
    CHECK(screen.large_print());
    CHECK(screen.text_layout()->options().style.size_px > frame.theme().text_px(6) * 1.1f);
    // Large print keeps every visible character of the cable.
    const ui::WidgetTree& tree = frame.build(screen, &exhibit());
    CHECK(widget(tree, "reader.text").label.find('\n') != std::string::npos);

    // The next cable opens at the visit's size; the idle reset (a fresh Visit) forgets it.
    ReaderScreen next(&exhibit(), "1977STATE158046");
    frame.build(next, &exhibit());
    CHECK(next.size_step() == screen.size_step());
    CHECK(next.large_print());
    frame.visit = Visit {};
    frame.build(next, &exhibit());
    CHECK(next.size_step() == 2);
    CHECK_FALSE(next.large_print());

    // Pinching in steps down; the smallest step is the floor.
    for (int i = 0; i < 6; ++i) {
        pinch(next, frame, { 1300, 600 }, 0.6f);
    }
    CHECK(next.size_step() == 0);
    frame.build(next, &exhibit());
    CHECK_FALSE(next.large_print());
}

TEST_CASE("large text makes the default size large print; a cancelled pinch changes nothing")
{
    Frame frame({ 1080, 1920 }, "en", ui::TextScale::large);
    ReaderScreen screen(&exhibit(), "85TOKYO364");
    frame.build(screen, &exhibit());
    CHECK(screen.large_print());
    CHECK(screen.text_layout()->options().wrap == text::WrapMode::words);
    const Env env = frame.env(&exhibit());
    screen.on_gesture(gesture(input::GestureKind::pinch_start, { 500, 900 }), env);
    screen.on_gesture(gesture(input::GestureKind::pinch_update, { 500, 900 }, 2.5f), env);
    frame.build(screen, &exhibit());
    CHECK(screen.size_step() > 2); // the live size follows the fingers
    screen.on_gesture(gesture(input::GestureKind::cancel, { 500, 900 }), env);
    CHECK(screen.size_step() == 2);
    CHECK(frame.visit.reader_size_step == 2);
}

TEST_CASE("a drag scrolls the text, also when it starts on the landscape card that fits its column")
{
    Frame frame({ 1920, 1080 });
    ReaderScreen screen(&exhibit(), "08TOKYO1723");
    const std::string top = widget(frame.build(screen, &exhibit()), "reader.text").label;
    Env env = frame.env(&exhibit());
    const auto drag = [&](Point from, float dy) {
        screen.on_gesture(
            gesture(input::GestureKind::drag_start, from, 1, { 0, dy / 2 }, Millis { 10 }), env);
        screen.on_gesture(gesture(input::GestureKind::drag_move, from, 1, { 0, dy / 2 }, Millis { 20 }), env);
        screen.on_gesture(gesture(input::GestureKind::drag_end, from, 1, {}, Millis { 30 }), env);
        screen.advance(Millis { 2000 });
        frame.build(screen, &exhibit());
    };
    drag({ 1400, 800 }, -600);
    CHECK(screen.text_scroll_offset() == doctest::Approx(600).epsilon(0.02));
    CHECK(widget(frame.build(screen, &exhibit()), "reader.text").label != top);
    // On the card, which fits its column and has nothing to scroll: the text scrolls, wherever the
    // visitor's hand happens to be (it once did nothing at all).
    drag({ 300, 800 }, -200);
    CHECK(screen.text_scroll_offset() == doctest::Approx(800).epsilon(0.02));
}

TEST_CASE("a long cable asks the idle policy to wait longer, a short one does not")
{
    Frame frame({ 1920, 1080 });
    ReaderScreen long_one(&exhibit(), "08TOKYO1723");
    frame.build(long_one, &exhibit());
    CHECK(long_one.reading_long_text());
    ReaderScreen short_one(&exhibit(), "1973STATE097844");
    frame.build(short_one, &exhibit());
    CHECK_FALSE(short_one.reading_long_text());
}

TEST_CASE("a cable the pack does not hold shows a calm message and no banner")
{
    for (content::Pack* pack : { &exhibit(), static_cast<content::Pack*>(nullptr) }) {
        ReaderScreen screen(pack, "99NOWHERE1");
        CHECK_FALSE(screen.found());
        CHECK_FALSE(screen.banner().has_value());
        Frame frame({ 1080, 1920 });
        const ui::WidgetTree& tree = frame.build(screen, pack);
        CHECK(tree.shows_text("99NOWHERE1"));
        if (pack != nullptr) {
            CHECK(tree.shows_text("That cable is not in this collection."));
        }
        CHECK(ui::audit(tree, frame.theme(), frame.viewport()).empty());
    }
}

TEST_CASE("every exhibit cable passes the audit: 9 mm targets, 7:1 text and the edge margins")
{
    struct Variant {
        Size size;
        const char* lang = "en";
        ui::TextScale scale = ui::TextScale::normal;
        ui::ContrastMode contrast = ui::ContrastMode::normal;
    };
    const Variant variants[] = {
        { { 1920, 1080 }, "en", ui::TextScale::normal, ui::ContrastMode::normal },
        { { 1080, 1920 }, "ja", ui::TextScale::large, ui::ContrastMode::normal },
        { { 1920, 1080 }, "ja", ui::TextScale::large, ui::ContrastMode::high },
    };
    std::size_t frames = 0;
    auto st = exhibit().for_each_cable([&](const content::CableRecord& record) -> Status {
        for (const Variant& v : variants) {
            ReaderScreen screen(&exhibit(), record.cable.id);
            Frame frame(v.size, v.lang, v.scale, v.contrast);
            const ui::WidgetTree& tree = frame.build(screen, &exhibit());
            std::string problems;
            for (const ui::Finding& f : ui::audit(tree, frame.theme(), frame.viewport())) {
                problems += "\n  " + f.widget + ": " + f.problem;
            }
            INFO(record.cable.id << " " << v.size.w << "x" << v.size.h << " " << v.lang << problems);
            CHECK(problems.empty());
            ++frames;
        }
        return {};
    });
    REQUIRE(st.ok());
    CHECK(frames == 135);
}

TEST_CASE("references in the pack open their cable, and the cable they name links back as cited by")
{
    const std::filesystem::path dir
        = std::filesystem::temp_directory_path() / ("ck-reader-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / "refs.ckpack";
    {
        const auto make = [](const char* id, const char* subject, int day) {
            cable::Cable c;
            c.id = id;
            c.date = cable::CableDate { 2009, 3, day, 10, 0 };
            c.subject = subject;
            c.classification = "CONFIDENTIAL";
            c.from = "AMEMBASSY TOKYO";
            c.display_text = std::string("SUBJECT: ") + subject + "\n\n1. (C) TEXT.";
            return c;
        };
        cable::Cable a = make("09TOKYO100", "FIRST CABLE", 1);
        cable::Cable b = make("09TOKYO200", "SECOND CABLE", 2);
        b.refs.push_back(cable::Reference { "A", "TOKYO 100", "09TOKYO100", {} });
        b.refs.push_back(cable::Reference { "B", "STATE 5", "09STATE5", {} });
        content::BuildOptions options;
        options.builder_version = "reader test";
        auto writer = content::PackWriter::create(path, std::move(options));
        REQUIRE(writer.ok());
        REQUIRE(writer->add(a).ok());
        REQUIRE(writer->add(b).ok());
        REQUIRE(writer->commit().ok());
    }
    auto pack = content::Pack::open(path);
    REQUIRE(pack.ok());
    Frame frame({ 1080, 1920 });

    ReaderScreen second(&*pack, "09TOKYO200");
    const ui::WidgetTree& tree = frame.build(second, &*pack);
    const Env env = frame.env(&*pack);
    const ui::Widget& in_pack = widget(tree, "reader.ref:0");
    CHECK(in_pack.label == "A. TOKYO 100: 1 March 2009  ·  FIRST CABLE");
    Intent intent = second.on_tap(in_pack, env);
    CHECK(intent.kind == Intent::Kind::open_cable);
    CHECK(intent.arg == "09TOKYO100");
    intent = second.on_tap(widget(tree, "reader.ref:1"), env);
    CHECK(intent.kind == Intent::Kind::show_notice);

    ReaderScreen first(&*pack, "09TOKYO100");
    const ui::WidgetTree& back = frame.build(first, &*pack);
    intent = first.on_tap(widget(back, "reader.cited:0"), frame.env(&*pack));
    CHECK(intent.kind == Intent::Kind::open_cable);
    CHECK(intent.arg == "09TOKYO200");
    std::filesystem::remove_all(dir);
}

TEST_CASE("hostile cables: empty text, a 1 MB line, a thousand tags, references and addressees")
{
    const std::filesystem::path dir
        = std::filesystem::temp_directory_path() / ("ck-reader-hostile-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / "hostile.ckpack";
    {
        cable::Cable empty;
        empty.id = "00EMPTY1";
        cable::Cable wide;
        wide.id = "00WIDE1";
        wide.subject = std::string(5000, 'W');
        wide.display_text = std::string(1'000'000, 'X') + "\nGOJ";
        cable::Cable many;
        many.id = "00MANY1";
        many.classification = "SECRET";
        many.display_text = "TAGS: PREL\n";
        for (int i = 0; i < 1000; ++i) {
            many.tags.push_back("T" + std::to_string(i));
            many.refs.push_back(cable::Reference { "", "STATE " + std::to_string(i), "", {} });
            many.info.push_back("AMEMBASSY POST" + std::to_string(i));
            many.display_text += "LINE " + std::to_string(i) + " \xE2\x80\xAE\x1B[2J\n";
        }
        auto writer = content::PackWriter::create(path, content::BuildOptions {});
        REQUIRE(writer.ok());
        for (const cable::Cable* c : { &empty, &wide, &many }) {
            REQUIRE(writer->add(*c).ok());
        }
        REQUIRE(writer->commit().ok());
    }
    auto pack = content::Pack::open(path);
    REQUIRE(pack.ok());
    for (const char* id : { "00EMPTY1", "00WIDE1", "00MANY1" }) {
        CAPTURE(id);
        for (const Size size : { Size { 1920, 1080 }, Size { 1080, 1920 } }) {
            ReaderScreen screen(&*pack, id);
            REQUIRE(screen.found());
            Frame frame(size);
            const ui::WidgetTree& tree = frame.build(screen, &*pack);
            CHECK(tree.widgets().size() < 400); // collapsed lists, visible lines only
            for (const ui::Widget& w : tree.widgets()) {
                CHECK(w.label.size() <= 20'000);
            }
        }
    }
    ReaderScreen many(&*pack, "00MANY1");
    Frame frame({ 1920, 1080 });
    const ui::WidgetTree& tree = frame.build(many, &*pack);
    // This pack has no UI strings: the buttons say how many are hidden in the kiosk's own words.
    CHECK(widget(tree, "reader.more:tags").label == "980 more");
    CHECK(widget(tree, "reader.more:info").label == "997 more");
    std::filesystem::remove_all(dir);
}

TEST_CASE(
    "the Athens reply's reference is shown as possibly the 1973 cable with its reason, never as a link to it")
{
    ReaderScreen screen(&exhibit(), "1974ATHENS02959");
    for (const std::string lang : { "en", "ja" }) {
        CAPTURE(lang);
        Frame frame({ 1920, 1080 }, lang);
        const ui::WidgetTree& tree = frame.build(screen, &exhibit());
        const Env env = frame.env(&exhibit());
        const ui::Widget& ref = widget(tree, "reader.ref:0");
        CHECK(ref.label.find("STATE -097844") != std::string::npos);
        CHECK(ref.label.find("1973STATE097844") != std::string::npos);
        CHECK(ref.label.find(lang == "en" ? "Possibly" : "\xE3\x81\xAE\xE5\x8F\xAF\xE8\x83\xBD\xE6\x80\xA7")
            != std::string::npos); // "の可能性"
        CHECK(ref.label.find(lang == "en" ? "a different year" : "\xE5\xB9\xB4\xE3\x81\x8C")
            != std::string::npos);
        // No widget of the screen opens the 1973 cable: a tap on the reference explains instead.
        for (const ui::Widget& w : tree.widgets()) {
            if (!w.interactive) {
                continue;
            }
            CAPTURE(w.id);
            const Intent intent = screen.on_tap(w, env);
            CHECK_FALSE((intent.kind == Intent::Kind::open_cable && intent.arg == "1973STATE097844"));
        }
        const Intent tapped = screen.on_tap(ref, env);
        CHECK(tapped.kind == Intent::Kind::show_notice);
        CHECK(tapped.arg == "reader.possibly_notice");
    }
}

TEST_CASE("an FBIS item in a REF line is labelled a press report, not a cable outside the collection")
{
    ReaderScreen screen(&exhibit(), "93SEOUL2885");
    Frame frame({ 1920, 1080 });
    const ui::WidgetTree& tree = frame.build(screen, &exhibit());
    const Env env = frame.env(&exhibit());
    for (const char* id : { "reader.ref:0", "reader.ref:1" }) {
        CAPTURE(id);
        const ui::Widget& ref = widget(tree, id);
        CHECK(ref.label.find("FBIS") != std::string::npos);
        CHECK(ref.label.find("Press report (FBIS)") != std::string::npos);
        const Intent tapped = screen.on_tap(ref, env);
        CHECK(tapped.kind == Intent::Kind::show_notice);
        CHECK(tapped.arg == "reader.fbis_notice");
    }
}

TEST_CASE(
    "the conversation card marks the open cable, opens the other steps and says a missing one is not here")
{
    for (const char* lang : { "en", "ja" }) {
        CAPTURE(lang);
        const bool en = std::string(lang) == "en";
        Frame frame({ 1080, 1920 }, lang);
        ReaderScreen screen(&exhibit(), "09TRIPOLI943");
        const ui::WidgetTree& tree = frame.build(screen, &exhibit());
        const Env env = frame.env(&exhibit());
        CHECK(tree.shows_text(en ? "3 of 5 in this conversation" : "このやり取りの5通のうち3通目"));
        const ui::Widget& current = widget(tree, "reader.thread:3");
        CHECK_FALSE(current.interactive);
        CHECK(current.label
            == std::string("LIBYAN MFA BRIEFED ON HEU SECURITY CONCERNS: ")
                + (en ? "1 December 2009  ·  You are reading this" : "2009年12月1日  ·  いま読んでいる電報"));
        CHECK(screen.on_tap(current, env).kind == Intent::Kind::none);
        const ui::Widget& missing = widget(tree, "reader.thread:0");
        CHECK(missing.label
            == std::string("TRIPOLI 870: ")
                + (en ? "2009  ·  Not in this collection" : "2009年  ·  この展示にはありません"));
        Intent intent = screen.on_tap(missing, env);
        CHECK(intent.kind == Intent::Kind::show_notice);
        CHECK(intent.arg == "reader.not_in_collection");
        intent = screen.on_tap(widget(tree, "reader.thread:4"), env);
        CHECK(intent.kind == Intent::Kind::open_cable);
        CHECK(intent.arg == "09TRIPOLI950");
        intent = screen.on_tap(widget(tree, "reader.thread:1"), env);
        CHECK(intent.arg == "09TRIPOLI938");
        // The chain reads top to bottom in date order.
        for (int i = 1; i < 7; ++i) {
            CHECK(widget(tree, "reader.thread:" + std::to_string(i)).rect.y
                > widget(tree, "reader.thread:" + std::to_string(i - 1)).rect.y);
        }
    }
    // A lone cable has no card, in either orientation.
    for (const Size size : { Size { 1080, 1920 }, Size { 1920, 1080 } }) {
        Frame frame(size);
        ReaderScreen lone(&exhibit(), "85TOKYO364");
        const ui::WidgetTree& tree = frame.build(lone, &exhibit());
        CHECK(tree.find_by_id("reader.thread:0") == nullptr);
        CHECK_FALSE(tree.shows_text("in this conversation"));
    }
}
