// What every screen is: it builds its part of a frame into a Canvas (draw list + widget tree) and
// answers taps and gestures with an Intent for the app to carry out. Screens read content through
// the Pack's plain-value API and know nothing of SDL or SQL.
#pragma once

#include "content/pack.hpp"
#include "core/clock.hpp"
#include "core/tour_walk.hpp"
#include "input/gesture.hpp"
#include "screens/strings.hpp"
#include "ui/canvas.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ck::screens {

enum class ScreenId { attract, home, section, reader, timeline, year, about, search, out_of_order };
std::string_view name(ScreenId id);

// Settings that belong to the visit rather than to one screen: they carry from cable to cable
// and are forgotten at the idle reset (the app owns them and resets them).
struct Visit {
    int reader_size_step = 2; // index into the reader's text-size steps (pinch changes it)
    TourWalk tour; // the guided tour being taken, if any (reader_tour_card.hpp)
};

// The frame's context: where to draw, in which language, at what time, with which content.
// Made only by make_env, which the app and the tests share, so no field is ever left unset.
struct Env {
    content::Pack* pack = nullptr; // null on the out-of-order screen
    const Strings& strings;
    Visit& visit;
    Millis now { 0 };
    Rect body; // the screen's area (the navigation bar and banners are outside it)
    Size viewport; // the whole screen
    float dpi = 92;
    bool portrait = false;
};

// Where a frame is drawn: the screen's area inside the chrome, the whole screen, its density.
struct EnvGeometry {
    Rect body;
    Size viewport;
    float dpi = 92;
};

[[nodiscard]] Env make_env(
    content::Pack* pack, const Strings& strings, Visit& visit, Millis now, const EnvGeometry& geometry);

// What a screen asks the app to do.
struct Intent {
    enum class Kind {
        none,
        enter, // leave the attract loop for the home screen
        home,
        back,
        open_section, // arg: section id
        open_cable, // arg: cable id
        open_timeline,
        open_year, // number: the year
        open_about,
        open_search, // arg: optional text to search for
        show_definition, // arg: glossary term
        show_notice, // arg: UI string key of a short message
        start_tour, // arg: tour id; opens its first stop
        tour_next, // the reader's tour card: the next stop, the previous one, leave the tour
        tour_previous,
        tour_leave,
    };
    Kind kind = Kind::none;
    std::string arg;
    int number = 0;

    static Intent none() { return {}; }
    static Intent of(Kind kind, std::string arg = {}, int number = 0)
    {
        return { kind, std::move(arg), number };
    }
};

// How long the loop may hold a frame for a worker's answer after input. A search answered within
// it shows with its letter (keystroke to results: one software-rendered frame instead of two); a
// slower one costs at most this much more, since its results frame waits for the answer anyway
// once the held time and the letter's frame (about 5 ms) have passed. A quarter of a 60 Hz frame.
inline constexpr std::chrono::milliseconds background_coalesce { 4 };

struct SearchOutcome {
    std::uint64_t answer = 0; // grows with each new query the screen answers
    bool found = false;
    // Which search screen answered: unique for the process (a new screen may be allocated where
    // an old one was, so its address is no identity).
    std::uint64_t screen = 0;
};

class Screen {
public:
    virtual ~Screen() = default;

    [[nodiscard]] virtual ScreenId id() const = 0;
    // Builds the screen inside env.body.
    virtual void build(ui::Canvas& canvas, const Env& env) = 0;
    // A tap on one of this screen's widgets.
    virtual Intent on_tap(const ui::Widget& widget, const Env& env) = 0;
    // A gesture that did not land on a widget (drags, flings, pinches, taps on empty space).
    virtual Intent on_gesture(const input::Gesture& /*gesture*/, const Env& /*env*/)
    {
        return Intent::none();
    }
    // Typed text and keys, for screens with a text field.
    virtual Intent on_text(std::string_view /*utf8*/, const Env& /*env*/) { return Intent::none(); }
    virtual Intent on_key(const input::KeyEvent& /*key*/, const Env& /*env*/) { return Intent::none(); }
    virtual void on_composition(std::string_view /*utf8*/) { }

    // Animation: the app keeps drawing while this is true and sleeps otherwise.
    virtual void advance(Millis /*now*/) { }
    [[nodiscard]] virtual bool animating() const { return false; }
    // A timer the screen needs (the attract loop's typing), or nullopt.
    [[nodiscard]] virtual std::optional<Millis> next_wakeup() const { return std::nullopt; }
    // Screens own no threads: they ask the app's BackgroundWork (given to them by the factory) for
    // work, and it wakes the loop when an answer is ready and tells the app whether work is pending.
    // Waits up to `limit` (real time) for the answer the screen asked the worker for. The live
    // loop calls it after input that started work, so that a typed letter and the results it
    // brings usually appear in one frame instead of two (see background_coalesce).
    virtual void await_background(std::chrono::milliseconds /*limit*/) { }
    // The loop has finished a frame of this screen (drawn and presented, or found unchanged): work
    // held back until its answer was on screen may go on (the search screen's facet counts).
    virtual void frame_done() { }

    // The classification whose banners frame this screen, if any.
    [[nodiscard]] virtual std::optional<std::string> banner() const { return std::nullopt; }
    // True while a long cable is open: the idle policy waits longer.
    [[nodiscard]] virtual bool reading_long_text() const { return false; }
    // On the search screen: the answer shown for the visitor's query (which answer, and whether it
    // found anything); nullopt when no query has an answer yet, and on every other screen. The app
    // counts searches from it; the text itself never leaves the search screen.
    [[nodiscard]] virtual std::optional<SearchOutcome> search_outcome() const { return std::nullopt; }
    // Whether the navigation bar is shown (not on the attract and out-of-order screens).
    [[nodiscard]] virtual bool shows_navigation() const { return true; }
};

} // namespace ck::screens
