// The reader's QR block (screens/reader_qr.hpp) on the real bundled exhibit: which cables show a
// code, its size in whole pixels per module at several panel densities, and the tile's place on
// the pixel grid in both orientations. The code itself is read back by zbarimg in the e2e tests.
#include "content/pack.hpp"
#include "screens/reader_qr.hpp"
#include "screens/reader_screen.hpp"
#include "support/exhibit_pack.hpp"
#include "text/font_set.hpp"
#include "text/glyph_cache.hpp"
#include "text/layout_cache.hpp"

#include <doctest/doctest.h>

#include <cmath>

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

// The reader built once at `viewport` and `dpi`, as the app lays out its body (bar and banners
// outside); returns the widget tree.
ui::WidgetTree build_reader(ReaderScreen& screen, Size viewport, float dpi, Visit& visit)
{
    ui::Theme theme(dpi, ui::ContrastMode::normal, ui::TextScale::normal);
    ui::Canvas canvas(ui::TextServices { *kit().fonts, *kit().layouts, *kit().glyphs }, theme, viewport);
    Strings strings(&exhibit(), "en");
    const bool portrait = viewport.h > viewport.w;
    const float bar = theme.px(19);
    const float banner = theme.px(9);
    const Rect body = portrait ? Rect { 0, banner, viewport.w, viewport.h - bar - 2 * banner }
                               : Rect { 0, banner + bar, viewport.w, viewport.h - bar - 2 * banner };
    canvas.begin_frame(theme, viewport);
    screen.build(canvas, make_env(&exhibit(), strings, visit, Millis { 0 }, { body, viewport, dpi }));
    return canvas.tree();
}

} // namespace

TEST_CASE("a cable with a public page shows its code and a seed document shows none")
{
    const std::pair<const char*, const char*> cases[] = {
        // A cablegate page (a cable outside any conversation, so the whole card column fits).
        { "07MOSCOW104", "https://cablegate.wikileaks.org/cable/2007/01/07MOSCOW104.html" },
        { "85TOKYO364", "https://wikileaks.org/plusd/cables/85TOKYO364_a.html" },
        { "CIA-RDP80B01676R003100290016-2",
            "https://www.cia.gov/readingroom/document/cia-rdp80b01676r003100290016-2" },
        { "1977STATE158046", "" },
        { "001_cafc2fa6b2b6242c", "" },
    };
    for (const auto& [id, url] : cases) {
        INFO(id);
        ReaderScreen reader(&exhibit(), id);
        REQUIRE(reader.found());
        Visit visit;
        // A tall landscape panel: the whole card column, the code at its end, is in view.
        const ui::WidgetTree tree = build_reader(reader, { 1920, 1900 }, 92, visit);
        const ui::Widget* qr = tree.find_by_id("reader.qr");
        if (std::string(url).empty()) {
            CHECK(reader.qr() == nullptr);
            CHECK(qr == nullptr);
            CHECK(tree.find_by_id("reader.qr_caption") == nullptr);
        } else {
            REQUIRE(reader.qr() != nullptr);
            CHECK(reader.qr()->url() == url);
            REQUIRE(qr != nullptr);
            CHECK(qr->label == std::string("QR code: ") + url);
            CHECK(tree.find_by_id("reader.qr_caption") != nullptr);
        }
    }
}

TEST_CASE("modules are whole pixels, at least two, making a code 25 to 38 mm wide at any density")
{
    for (const float dpi : { 92.0f, 110.0f, 141.0f, 160.0f, 220.0f }) {
        for (const int modules : { 29, 37, 41, 45, 49 }) {
            INFO(dpi << " dpi, " << modules << " modules");
            const float px_per_mm = dpi / 25.4f;
            const int px = ReaderQr::module_px(px_per_mm, modules);
            CHECK(px >= 2);
            const float mm = static_cast<float>(px * modules) / px_per_mm;
            // Below 25 mm only when the next whole pixel would overshoot 38 mm.
            if (mm < ReaderQr::min_width_mm) {
                CHECK(static_cast<float>((px + 1) * modules) / px_per_mm > ReaderQr::max_width_mm);
                CHECK(mm > 20.0f);
            } else {
                CHECK(mm <= ReaderQr::max_width_mm);
            }
        }
    }
}

// (In portrait the code ends the document, out of view until the visitor scrolls there: the e2e
// scan tests fling to it and read it.)
TEST_CASE("the tile sits on the pixel grid with its quiet zone, at the panel's density")
{
    const std::pair<Size, float> panels[]
        = { { { 1920, 1080 }, 92.0f }, { { 2560, 1440 }, 122.0f }, { { 3840, 2160 }, 184.0f } };
    for (const auto& [viewport, dpi] : panels) {
        INFO(viewport.w << "x" << viewport.h << " at " << dpi << " dpi");
        ReaderScreen reader(&exhibit(), "85TOKYO364");
        Visit visit;
        const ui::WidgetTree tree = build_reader(reader, viewport, dpi, visit);
        const ui::Widget* qr = tree.find_by_id("reader.qr");
        REQUIRE(qr != nullptr);
        const int total = reader.qr()->code().size + 2 * qr::quiet_zone_modules;
        const int module = ReaderQr::module_px(dpi / 25.4f, total);
        CHECK(qr->rect.w == doctest::Approx(module * total));
        CHECK(qr->rect.h == doctest::Approx(module * total));
        CHECK(qr->rect.x == std::round(qr->rect.x));
        CHECK(qr->rect.y == std::round(qr->rect.y));
        const float mm = qr->rect.w * 25.4f / dpi;
        CHECK(mm > 24.0f);
        CHECK(mm < ReaderQr::max_width_mm);
    }
}
