// The reader's conversation card: the thread the open cable belongs to (the cables it cites and
// that cite it, followed both ways) as one chain in date order on a rail, the open cable marked
// ("3 of 5 in this conversation"), every other cable a link, and a cable the collection lacks a
// quiet placeholder with its post, number and year. Read once from the pack (one query), never
// per frame; no SQL, no SDL.
#pragma once

#include "content/pack.hpp"
#include "screens/screen.hpp"

#include <memory>
#include <optional>
#include <string>

namespace ck::screens {

class ReaderThread {
public:
    explicit ReaderThread(content::Thread thread);

    // The card for a cable, or null when it has no thread (or the pack cannot say).
    static std::unique_ptr<ReaderThread> load(content::Pack& pack, const std::string& cable_id);

    // The card at the top-left of `column`; returns its height. A column with a height is taken to be
    // the measured height.
    float build(ui::Canvas& canvas, const Env& env, Rect column);
    [[nodiscard]] float measure(ui::Canvas& canvas, const Env& env, float width);

    // The answer to a tap on one of the card's widgets; nullopt when the widget is not its own.
    [[nodiscard]] std::optional<Intent> on_tap(const ui::Widget& widget) const;

    [[nodiscard]] const content::Thread& thread() const { return m_thread; }

    // Steps read on either side of the open cable: a long thread shows the part around it.
    static constexpr std::size_t radius = 6;

private:
    struct Metrics;
    // A step is measured, then its background drawn (under the rail), then the rest of it.
    enum class Pass { measure, background, draw };
    float contents(ui::Canvas& canvas, const Env& env, Rect column, bool draw);
    // Returns the step's height; `dot_y` (when given) gets its dot's centre below `at`.
    float build_step(ui::Canvas& canvas, const Env& env, const Metrics& m, Point at, float width,
        std::size_t index, Pass pass, float* dot_y);
    enum class Dot { current, cable, missing };
    static void draw_current_row(ui::Canvas& canvas, const Metrics& m, Rect row);
    static void draw_dot(ui::Canvas& canvas, const Metrics& m, Point at, Dot kind, ui::Color behind);
    [[nodiscard]] std::string step_title(const content::ThreadStep& step) const;
    [[nodiscard]] std::string step_detail(const Env& env, std::size_t index) const;

    content::Thread m_thread;
};

} // namespace ck::screens
