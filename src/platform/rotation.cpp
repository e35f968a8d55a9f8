// Quarter turns only: exact, so a glyph's pixels land on pixels at every rotation.
#include "platform/rotation.hpp"

namespace ck::platform {

std::optional<Rotation> rotation_from_degrees(int degrees)
{
    switch (degrees) {
    case 0:
        return Rotation::r0;
    case 90:
        return Rotation::r90;
    case 180:
        return Rotation::r180;
    case 270:
        return Rotation::r270;
    default:
        return std::nullopt;
    }
}

ViewTransform::ViewTransform(Size panel, Rotation rotation)
    : m_panel(panel)
    , m_rotation(rotation)
{
}

Size ViewTransform::logical() const
{
    switch (m_rotation) {
    case Rotation::r0:
    case Rotation::r180:
        return m_panel;
    case Rotation::r90:
    case Rotation::r270:
        return { m_panel.h, m_panel.w };
    }
    return m_panel;
}

Point ViewTransform::to_panel(Point p) const
{
    const Size l = logical();
    switch (m_rotation) {
    case Rotation::r0:
        return p;
    case Rotation::r90:
        return { l.h - p.y, p.x };
    case Rotation::r180:
        return { l.w - p.x, l.h - p.y };
    case Rotation::r270:
        return { p.y, l.w - p.x };
    }
    return p;
}

Point ViewTransform::to_logical(Point q) const
{
    const Size l = logical();
    switch (m_rotation) {
    case Rotation::r0:
        return q;
    case Rotation::r90:
        return { q.y, l.h - q.x };
    case Rotation::r180:
        return { l.w - q.x, l.h - q.y };
    case Rotation::r270:
        return { l.w - q.y, q.x };
    }
    return q;
}

} // namespace ck::platform
