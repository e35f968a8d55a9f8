// The headless script mode: each command of a script becomes input through SDL's own queue (the
// same path as a finger), the manual clock moves in frame-sized steps while something animates,
// and `shot`, `dump` and `expect` look at the frame the visitor would see.
#pragma once

#include "app/kiosk_app.hpp"
#include "app/script.hpp"
#include "core/clock.hpp"
#include "platform/display.hpp"
#include "platform/event_pump.hpp"
#include "presenter.hpp"
#include "ui/text_check.hpp"

#include <filesystem>
#include <optional>
#include <random>
#include <string>

namespace ck::kiosk {

class ScriptRunner {
public:
    // `manual` is the clock the app and pump were given in manual mode, or null with --realtime
    // (then `clock` is the real one and waits really wait).
    ScriptRunner(app::KioskApp& app, platform::Display& display, platform::EventPump& pump,
        const Clock& clock, ManualClock* manual, Presenter& presenter, std::filesystem::path out_dir);

    // Runs every line; the first failure is returned with the script's name and line.
    Status run(const std::vector<app::script::Line>& lines, const std::string& script_name);

    // The monkey: `events` random touches, drags, pinches, storms and keys from `seed`.
    Status run_monkey(long events, unsigned seed);

    // Checks every built frame with `checker` (the app must record its text runs); the first
    // mismatch fails the script at the line that was running.
    void check_text(ui::TextChecker* checker) { m_checker = checker; }
    // With a seed other than 0, a random pause of 0 to 400 ms comes before each touch command.
    void random_delays(unsigned seed);
    // Where `drop` puts packs: the configured [import] dir.
    void set_import(std::filesystem::path import_dir);

private:
    Status execute(const app::script::Command& command);
    Status perform(const app::script::Wait& c);
    Status perform(const app::script::Tap& c);
    Status perform(const app::script::LongPress& c);
    Status perform(const app::script::Drag& c);
    Status perform(const app::script::Pinch& c);
    Status perform(const app::script::Back& c);
    Status perform(const app::script::KeyPress& c);
    Status perform(const app::script::TypeText& c);
    Status perform(const app::script::Compose& c);
    Status perform(const app::script::Wheel& c);
    Status perform(const app::script::Shot& c);
    Status perform(const app::script::Dump& c);
    Status perform(const app::script::ExpectScreen& c);
    Status perform(const app::script::ExpectText& c);
    Status perform(const app::script::ExpectStaff& c);
    Status perform(const app::script::Storm& c);
    Status perform(const app::script::Open& c);
    Status perform(const app::script::Drop& c);
    Status perform(const app::script::ExpectPack& c);
    // Lets `ms` pass: pumps input into the app and moves animations; never skips a timer.
    void pass(Millis ms);
    // Feeds whatever is queued in SDL into the app and builds the frame.
    void settle();
    // On the manual clock, waits in real time (bounded) for the screen's worker thread, so that a
    // script's `wait` means the same on a loaded CI machine as on a quiet one.
    void await_background();
    Result<Point> resolve(const app::script::Target& target);
    [[nodiscard]] std::optional<Point> find_now(const app::script::Target& target) const;
    void touch_path(std::int64_t finger, Point from, Point to, Millis duration, bool rest_before_lift);
    Status shot(const std::string& name);
    Status dump(const std::string& name);
    [[nodiscard]] Size logical() const { return m_display.logical_size(); }

    app::KioskApp& m_app;
    std::filesystem::path m_import_dir;
    platform::Display& m_display;
    platform::EventPump& m_pump;
    const Clock& m_clock;
    ManualClock* m_manual;
    Presenter& m_presenter;
    std::filesystem::path m_out;
    std::int64_t m_next_finger = 100;
    bool m_terminated = false;
    unsigned m_draw_every = 1;
    unsigned long m_settles = 0;
    std::mt19937 m_rng;
    ui::TextChecker* m_checker = nullptr;
    std::optional<std::string> m_text_failure;
    std::optional<std::mt19937> m_delays;
};

} // namespace ck::kiosk
