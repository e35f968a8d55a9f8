// Plain geometry in logical pixels (what the visitor sees, after rotation). No dependencies.
#pragma once

#include <algorithm>

namespace ck {

struct Point {
    float x = 0;
    float y = 0;
    friend bool operator==(const Point&, const Point&) = default;
    Point operator+(Point o) const { return { x + o.x, y + o.y }; }
    Point operator-(Point o) const { return { x - o.x, y - o.y }; }
    Point operator*(float s) const { return { x * s, y * s }; }
};

struct Size {
    float w = 0;
    float h = 0;
    friend bool operator==(const Size&, const Size&) = default;
};

struct Rect {
    float x = 0;
    float y = 0;
    float w = 0;
    float h = 0;
    friend bool operator==(const Rect&, const Rect&) = default;

    [[nodiscard]] float right() const { return x + w; }
    [[nodiscard]] float bottom() const { return y + h; }
    [[nodiscard]] Point center() const { return { x + w / 2, y + h / 2 }; }
    [[nodiscard]] bool empty() const { return w <= 0 || h <= 0; }
    [[nodiscard]] bool contains(Point p) const { return p.x >= x && p.y >= y && p.x < x + w && p.y < y + h; }
    [[nodiscard]] bool contains_rect(const Rect& o) const
    {
        return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom();
    }
    [[nodiscard]] bool intersects(const Rect& o) const
    {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }
    [[nodiscard]] Rect intersection(const Rect& o) const
    {
        const float nx = std::max(x, o.x);
        const float ny = std::max(y, o.y);
        const float nr = std::min(right(), o.right());
        const float nb = std::min(bottom(), o.bottom());
        return { nx, ny, std::max(0.0f, nr - nx), std::max(0.0f, nb - ny) };
    }
    [[nodiscard]] Rect inset(float dx, float dy) const { return { x + dx, y + dy, w - 2 * dx, h - 2 * dy }; }
    [[nodiscard]] Rect translated(float dx, float dy) const { return { x + dx, y + dy, w, h }; }
};

} // namespace ck
