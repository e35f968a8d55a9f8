// Shared by the list screens' tests: the real bundled exhibit, fonts shared by every frame, and a
// Frame that builds one screen into a real canvas the way the app lays out its body.
#pragma once

#include "content/pack.hpp"
#include "core/background_work.hpp"
#include "screens/screen.hpp"
#include "text/font_set.hpp"
#include "text/glyph_cache.hpp"
#include "text/layout_cache.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace ck::test {

// The bundled exhibit, built from content_pack/ once per process.
content::Pack& exhibit();
// One owner of background work for the whole process, as the app has one.
BackgroundWork& background_work();

class Frame {
public:
    explicit Frame(Size viewport, std::string lang = "en", ui::TextScale scale = ui::TextScale::normal);

    const ui::WidgetTree& build(screens::Screen& screen, content::Pack* pack);
    // The screen's answer to a tap on the widget with this id (which must be on screen).
    screens::Intent tap(screens::Screen& screen, content::Pack* pack, std::string_view id);
    // A mouse wheel turn at `at`: scrolls the view under it without animation.
    void scroll(screens::Screen& screen, content::Pack* pack, Point at, float dy);

    [[nodiscard]] const ui::Theme& theme() const { return m_theme; }
    [[nodiscard]] Rect body() const { return m_body; }

private:
    [[nodiscard]] screens::Env env(content::Pack* pack, const screens::Strings& strings) const;

    ui::Theme m_theme;
    ui::Canvas m_canvas;
    Size m_viewport;
    std::string m_lang;
    Rect m_body;
    mutable screens::Visit m_visit;
};

std::vector<const ui::Widget*> with_prefix(const ui::WidgetTree& tree, std::string_view prefix);

// A folder under the system temp folder, removed with everything in it when destroyed.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    ScratchDir(ScratchDir&&) = delete;
    ScratchDir& operator=(ScratchDir&&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// Writes a pack of `cables` at `path` with the real PackWriter (fails the test on error), with a
// manifest that carries only the exhibit's texts and UI strings (no sections), so the screens speak.
content::Pack write_pack(const std::filesystem::path& path, const std::vector<cable::Cable>& cables);

} // namespace ck::test
