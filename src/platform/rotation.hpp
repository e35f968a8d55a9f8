// The one mapping between the panel (pixels as the display reports them) and the visitor's view
// (logical pixels). Drawing and touch use the same object, so `--rotate` turns both together.
// Pure arithmetic; no SDL.
#pragma once

#include "core/geometry.hpp"

#include <optional>

namespace ck::platform {

enum class Rotation { r0, r90, r180, r270 };

std::optional<Rotation> rotation_from_degrees(int degrees);

class ViewTransform {
public:
    ViewTransform(Size panel, Rotation rotation);

    [[nodiscard]] Size panel() const { return m_panel; }
    // The screen as the visitor sees it: the panel turned a quarter for 90 and 270.
    [[nodiscard]] Size logical() const;
    [[nodiscard]] Rotation rotation() const { return m_rotation; }

    // Content is turned clockwise by the rotation: logical (0,0) is the panel's top-right corner
    // at 90 degrees.
    [[nodiscard]] Point to_panel(Point logical) const;
    [[nodiscard]] Point to_logical(Point panel) const;

private:
    Size m_panel;
    Rotation m_rotation;
};

} // namespace ck::platform
