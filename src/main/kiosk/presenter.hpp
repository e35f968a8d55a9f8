// Shows the app's frame on the display only when it changed: an idle kiosk presents nothing.
#pragma once

#include "platform/display.hpp"
#include "text/glyph_cache.hpp"
#include "ui/canvas.hpp"

#include <cstdint>
#include <vector>

namespace ck::kiosk {

class Presenter {
public:
    Presenter(platform::Display& display, text::GlyphCache& glyphs)
        : m_display(display)
        , m_glyphs(glyphs)
    {
    }

    // Draws and presents `frame` when it differs from the last one presented (or when forced).
    // Returns whether it presented.
    Result<bool> show(const ui::Canvas& frame, bool force = false);
    // Draws `frame` without presenting (for a screenshot) and leaves it as the last presented.
    Status draw(const ui::Canvas& frame);

    [[nodiscard]] std::uint64_t presented() const { return m_presented; }

private:
    platform::Display& m_display;
    text::GlyphCache& m_glyphs;
    ui::DrawList m_last;
    bool m_has_last = false;
    std::uint64_t m_presented = 0;
    std::vector<Rect> m_dirty;
};

} // namespace ck::kiosk
