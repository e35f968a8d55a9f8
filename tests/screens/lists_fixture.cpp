// The fixture opens real packs and real fonts; nothing stands in for the product.
#include "lists_fixture.hpp"

#include "content/pack_writer.hpp"
#include "support/exhibit_pack.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

namespace ck::test {
namespace {

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

} // namespace

content::Pack& exhibit()
{
    static content::Pack pack = [] {
        auto opened = content::Pack::open(exhibit_pack_path());
        REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().to_string()));
        return std::move(*opened);
    }();
    return pack;
}

BackgroundWork& background_work()
{
    static BackgroundWork work;
    return work;
}

Frame::Frame(Size viewport, std::string lang, ui::TextScale scale)
    : m_theme(92, ui::ContrastMode::normal, scale)
    , m_canvas(ui::TextServices { *kit().fonts, *kit().layouts, *kit().glyphs }, m_theme, viewport)
    , m_viewport(viewport)
    , m_lang(std::move(lang))
{
    const float bar = m_theme.px(19);
    m_body = m_viewport.h > m_viewport.w ? Rect { 0, 0, m_viewport.w, m_viewport.h - bar }
                                         : Rect { 0, bar, m_viewport.w, m_viewport.h - bar };
}

screens::Env Frame::env(content::Pack* pack, const screens::Strings& strings) const
{
    return screens::make_env(pack, strings, m_visit, Millis { 0 }, { m_body, m_viewport, 92 });
}

const ui::WidgetTree& Frame::build(screens::Screen& screen, content::Pack* pack)
{
    const screens::Strings strings(pack, m_lang);
    m_canvas.begin_frame(m_theme, m_viewport);
    screen.build(m_canvas, env(pack, strings));
    return m_canvas.tree();
}

screens::Intent Frame::tap(screens::Screen& screen, content::Pack* pack, std::string_view id)
{
    const ui::Widget* w = m_canvas.tree().find_by_id(id);
    REQUIRE_MESSAGE(w != nullptr, "no widget " << std::string(id));
    const screens::Strings strings(pack, m_lang);
    return screen.on_tap(*w, env(pack, strings));
}

void Frame::scroll(screens::Screen& screen, content::Pack* pack, Point at, float dy)
{
    input::Gesture g;
    g.kind = input::GestureKind::scroll;
    g.pos = at;
    g.delta = { 0, dy };
    const screens::Strings strings(pack, m_lang);
    screen.on_gesture(g, env(pack, strings));
}

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

ScratchDir::ScratchDir()
{
    static int counter = 0;
    m_path = std::filesystem::temp_directory_path()
        / ("ck-lists-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(m_path);
    std::filesystem::create_directories(m_path);
}

ScratchDir::~ScratchDir()
{
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

content::Pack write_pack(const std::filesystem::path& path, const std::vector<cable::Cable>& cables)
{
    content::BuildOptions options;
    options.builder_version = "lists test";
    const content::Collection& words = exhibit().collection();
    content::Manifest manifest;
    manifest.file = "lists-test.toml";
    manifest.title = words.title;
    manifest.introduction = words.introduction;
    manifest.about = words.about;
    manifest.ui = words.ui;
    options.manifest = std::move(manifest);
    auto writer = content::PackWriter::create(path, options);
    REQUIRE_MESSAGE(writer.ok(), (writer.ok() ? "" : writer.error().to_string()));
    for (const cable::Cable& c : cables) {
        const auto added = writer->add(c);
        REQUIRE_MESSAGE(added.ok(), (added.ok() ? "" : added.error().to_string()));
    }
    const auto summary = writer->commit();
    REQUIRE_MESSAGE(summary.ok(), (summary.ok() ? "" : summary.error().to_string()));
    auto opened = content::Pack::open(path);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().to_string()));
    return std::move(*opened);
}

} // namespace ck::test
