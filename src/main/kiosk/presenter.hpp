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
    // Makes the display hold `frame` to be read (a screenshot): draws it, unless what the display
    // holds is already this frame, drawn and not lost to a present (a whole frame's rasterising,
    // most of the time of a screenshot taken just after the frame was shown).
    Status hold(const ui::Canvas& frame);

    [[nodiscard]] std::uint64_t presented() const { return m_presented; }

private:
    platform::Display& m_display;
    text::GlyphCache& m_glyphs;
    ui::DrawList m_last;
    bool m_has_last = false;
    // The display holds m_last, drawn with the atlas at m_last_generation.
    bool m_holds_last = false;
    std::uint64_t m_last_generation = 0;
    std::uint64_t m_presented = 0;
    std::vector<Rect> m_dirty;
};

} // namespace ck::kiosk
