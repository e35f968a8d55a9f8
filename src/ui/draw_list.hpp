// The draw list: what a frame looks like, as plain data (Dear ImGui's draw data, SDL's render
// queue). Screens append shapes and glyph quads; the platform layer executes it with
// SDL_RenderGeometry, one call per command. Two frames that look the same compare equal, which is
// how the frame loop knows it need not present.
#pragma once

#include "core/geometry.hpp"
#include "ui/color.hpp"

#include <cmath>
#include <cstdint>
#include <vector>

namespace ck::ui {

enum class TextureId : std::uint8_t {
    none, // solid colour
    atlas, // the glyph atlas; u, v in atlas texels, alpha from the atlas' coverage
};

struct Vertex {
    float x = 0;
    float y = 0;
    std::uint32_t color = 0; // Color::packed()
    float u = 0; // texels, not normalized: the platform knows the texture's size
    float v = 0;
    friend bool operator==(const Vertex&, const Vertex&) = default;
};

// A run of triangles sharing one texture and one clip rectangle.
struct DrawCommand {
    TextureId texture = TextureId::none;
    std::uint32_t first_index = 0;
    std::uint32_t index_count = 0;
    bool clipped = false; // when set, nothing outside `clip` is drawn (an empty clip draws nothing)
    Rect clip;
    friend bool operator==(const DrawCommand&, const DrawCommand&) = default;
};

class DrawList {
public:
    void clear();

    // Everything drawn until the matching pop is clipped to `rect` (intersected with any outer clip).
    void push_clip(Rect rect);
    void pop_clip();
    // Subsequent primitives are moved by `offset` (screen transitions slide whole screens).
    // Whole pixels only (a scroll or a slide stops at fractions): shapes snapped to the pixel grid
    // stay on it, and the software renderer (which truncates fractions) and GLES2 (which rounds
    // them) draw them alike. Down, as the software renderer always placed them.
    void set_offset(Point offset) { m_offset = { std::floor(offset.x), std::floor(offset.y) }; }
    [[nodiscard]] Point offset() const { return m_offset; }

    void fill_rect(Rect rect, Color color);
    void fill_rounded_rect(Rect rect, float radius, Color color);
    void stroke_rounded_rect(Rect rect, float radius, float width, Color color);
    void line(Point a, Point b, float width, Color color);
    void fill_circle(Point center, float radius, Color color);
    void stroke_circle(Point center, float radius, float width, Color color);
    void fill_triangle(Point a, Point b, Point c, Color color);
    // A textured quad: `dst` on screen, `src` in texels of `texture`, coverage tinted by `color`.
    void textured_quad(Rect dst, Rect src, Color color, TextureId texture);

    [[nodiscard]] const std::vector<Vertex>& vertices() const { return m_vertices; }
    [[nodiscard]] const std::vector<std::uint32_t>& indices() const { return m_indices; }
    [[nodiscard]] const std::vector<DrawCommand>& commands() const { return m_commands; }
    [[nodiscard]] bool empty() const { return m_commands.empty(); }

    friend bool operator==(const DrawList& a, const DrawList& b)
    {
        return a.m_commands == b.m_commands && a.m_indices == b.m_indices && a.m_vertices == b.m_vertices;
    }

private:
    // Starts (or continues) a command for `texture` under the current clip and reserves
    // `vertex_count` vertices; returns the index of the first one.
    std::uint32_t begin(TextureId texture, std::size_t vertex_count);
    void add_vertex(Point p, std::uint32_t color, float u = 0, float v = 0);
    void add_triangle(std::uint32_t a, std::uint32_t b, std::uint32_t c);
    // The outline of a rounded rectangle as a closed polygon (clockwise from the top-left arc).
    // `segments` arcs per corner; 0 picks a count from the radius.
    void rounded_outline(Rect rect, float radius, std::vector<Point>& out, int segments = 0) const;

    std::vector<Vertex> m_vertices;
    std::vector<std::uint32_t> m_indices;
    std::vector<DrawCommand> m_commands;
    std::vector<Rect> m_clip_stack;
    Point m_offset;
    std::vector<Point> m_scratch;
};

} // namespace ck::ui
