// A pack built without a manifest (the reading-room archive) gets a complete, generic kiosk: the
// kiosk's own UI strings in both languages, a title, decade cards on home and a featured attract
// loop. The archive is written here from the bundled exhibit's cables, with no curation at all.
#include "content/pack_writer.hpp"
#include "lists_fixture.hpp"
#include "screens/factory.hpp"
#include "screens/strings.hpp"

#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <set>

using namespace ck;
using namespace ck::screens;
using ck::test::Frame;

namespace {

content::Pack& archive()
{
    static test::ScratchDir dir;
    static content::Pack pack = [] {
        std::vector<cable::Cable> cables;
        REQUIRE(test::exhibit()
                    .for_each_cable([&](const content::CableRecord& r) -> Status {
                        cables.push_back(r.cable);
                        return {};
                    })
                    .ok());
        content::BuildOptions options;
        options.builder_version = "archive test";
        auto writer = content::PackWriter::create(dir.path() / "archive.ckpack", options);
        REQUIRE(writer.ok());
        for (const cable::Cable& c : cables) {
            REQUIRE(writer->add(c).ok());
        }
        REQUIRE(writer->commit().ok());
        auto opened = content::Pack::open(dir.path() / "archive.ckpack");
        REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().to_string()));
        return std::move(*opened);
    }();
    return pack;
}

// A screen of the archive pack, made as the app makes it.
std::unique_ptr<Screen> archive_screen(ScreenId id, int number = 0)
{
    const ScreenServices services { &archive(), test::background_work(), std::nullopt };
    auto screen = make_screen(id, "", number, services);
    REQUIRE(screen != nullptr);
    return screen;
}

const ui::Widget* widget(const ui::WidgetTree& tree, std::string_view id)
{
    const ui::Widget* w = tree.find_by_id(id);
    REQUIRE_MESSAGE(w != nullptr, "no widget " << std::string(id));
    return w;
}

} // namespace

TEST_CASE("the kiosk's default UI strings are the bundled manifest's, key for key, in both languages")
{
    const auto& ui = test::exhibit().collection().ui;
    REQUIRE(ui.count("en") == 1);
    REQUIRE(ui.count("ja") == 1);
    for (const auto& [lang, strings] : ui) {
        for (const auto& [key, text] : strings) {
            CAPTURE(lang);
            CAPTURE(key);
            CHECK(has_builtin_string(lang, key));
            CHECK(builtin_string(lang, key) == text);
        }
    }
    // And nothing more: every default is one of the manifest's, or a kiosk-only key in both languages.
    std::map<std::string, std::set<std::string>> langs_of;
    for_each_builtin_string([&](std::string_view lang, std::string_view key, std::string_view) {
        langs_of[std::string(key)].insert(std::string(lang));
    });
    for (const auto& [key, langs] : langs_of) {
        CAPTURE(key);
        CHECK(langs == std::set<std::string> { "en", "ja" });
    }
    CHECK(langs_of.size() >= ui.at("en").size());
}

TEST_CASE("without [ui] strings in the pack every label comes from the kiosk, in the visitor's language")
{
    REQUIRE(archive().collection().ui.empty());
    const Strings en(&archive(), "en");
    const Strings ja(&archive(), "ja");
    CHECK(en.get("home.search") == "Search the cables");
    CHECK(ja.get("home.search") == "電報を検索");
    CHECK(en.get("attract.touch") == "Touch anywhere to explore the cables");
    CHECK(ja.get("attract.touch") == "画面にふれて、電報をご覧ください");
    CHECK(ja.format("section.count", { { "n", "3" } }) == "3通");
    CHECK(en.get("reader.language_value").empty()); // deliberately empty in English
    CHECK(en.get("no.such.key").empty()); // never the raw key
}

TEST_CASE(
    "an archive's attract screen shows a title, a teaser and the prompt at both sizes, in both languages")
{
    const auto& featured = archive().collection().featured;
    REQUIRE(featured.size() >= 4);
    for (const char* lang : { "en", "ja" }) {
        for (const Size size : { Size { 1920, 1080 }, Size { 1080, 1920 } }) {
            CAPTURE(lang);
            CAPTURE(size.w);
            const bool en = std::string(lang) == "en";
            const auto attract = archive_screen(ScreenId::attract);
            attract->advance(Millis { 0 });
            Frame frame(size, lang);
            const ui::WidgetTree& tree = frame.build(*attract, &archive());
            CHECK(widget(tree, "attract.title")->label
                == (en ? "Diplomatic cables, 1960–2010" : "外交電報 1960–2010"));
            const std::string teaser = content::pick(featured[0].teaser, lang);
            CHECK(teaser.find(en ? ": " : "年：") == 4); // "1960: SUBJECT", the earliest first
            CHECK(widget(tree, "attract.teaser")->label == teaser);
            CHECK(widget(tree, "attract.prompt")->label
                == (en ? "Touch anywhere to explore the cables" : "画面にふれて、電報をご覧ください"));
        }
    }
}

TEST_CASE("an archive's home screen labels its three ways in and shows a card per decade, which opens its "
          "first year")
{
    for (const char* lang : { "en", "ja" }) {
        for (const Size size : { Size { 1920, 1080 }, Size { 1080, 1920 } }) {
            CAPTURE(lang);
            CAPTURE(size.w);
            const bool en = std::string(lang) == "en";
            const auto home = archive_screen(ScreenId::home);
            Frame frame(size, lang);
            const ui::WidgetTree& tree = frame.build(*home, &archive());
            CHECK(widget(tree, "home.search")->label == (en ? "Search the cables" : "電報を検索"));
            CHECK(widget(tree, "home.timeline")->label == (en ? "Timeline" : "年表"));
            CHECK(widget(tree, "home.about")->label == (en ? "About this collection" : "この展示について"));
            CHECK(tree.shows_text(en ? "The 1970s" : "1970年代"));
            CHECK(tree.shows_text(en ? "4 cables  ·  1973–1977" : "4通  ·  1973–1977年"));
            const Intent go = frame.tap(*home, &archive(), "section:decade-2000");
            // A decade opens the year screen at its first year, which pages through any number.
            CHECK(go.kind == Intent::Kind::open_year);
            CHECK(go.number == 2002);
        }
    }
}

TEST_CASE("an archive's About, timeline, years and search work without curated text, in both languages")
{
    for (const char* lang : { "en", "ja" }) {
        CAPTURE(lang);
        const bool en = std::string(lang) == "en";
        Frame frame({ 1920, 1080 }, lang);
        // About: no curated text, but the counted facts.
        const auto about = archive_screen(ScreenId::about);
        const ui::WidgetTree& about_tree = frame.build(*about, &archive());
        CHECK(about_tree.shows_text(en ? "About this collection" : "この展示について"));
        CHECK(about_tree.shows_text(en ? "45 documents" : "文書45点"));
        CHECK(about_tree.shows_text(en ? "Classification markings" : "秘密区分の表示"));
        // Timeline: labelled, with its hint.
        const auto timeline = archive_screen(ScreenId::timeline);
        const ui::WidgetTree& timeline_tree = frame.build(*timeline, &archive());
        CHECK(timeline_tree.shows_text(
            en ? "Touch a year to see its cables." : "年にふれると、その年の電報を一覧できます。"));
        // A year of the archive lists its cables.
        const auto year = archive_screen(ScreenId::year, 1977);
        const ui::WidgetTree& year_tree = frame.build(*year, &archive());
        CHECK(year_tree.find_by_id("row:1977STATE158046") != nullptr);
        // Search: the placeholder in the visitor's language.
        const auto search = archive_screen(ScreenId::search);
        const ui::WidgetTree& search_tree = frame.build(*search, &archive());
        CHECK(search_tree.shows_text(en ? "Type a word, a name or a place" : "言葉、人名、地名を入力"));
    }
}
