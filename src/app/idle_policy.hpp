// Two-tier, reading-aware idle: after a quiet spell (longer while a long cable is open and being
// read) the kiosk asks "Still reading?" with a countdown of at least 20 s and a one-tap extend;
// when the countdown runs out, the visit is reset. Pure: time is passed in.
#pragma once

#include "core/clock.hpp"

#include <optional>

namespace ck::app {

struct IdleConfig {
    Millis prompt_after { 90'000 }; // quiet time before "Still reading?" on ordinary screens
    Millis prompt_after_reading { 240'000 }; // ... while a long cable is open
    Millis countdown { 30'000 }; // the prompt's countdown; never less than min_countdown
    Millis attract_cycle { 0 }; // unused by the policy; the attract screen's own pacing
    static constexpr Millis min_countdown { 20'000 };
};

class IdlePolicy {
public:
    enum class Phase {
        active, // someone is here
        prompting, // "Still reading?" is showing, counting down
        expired, // the countdown ran out: reset the visit now
    };

    explicit IdlePolicy(IdleConfig config = {});

    // Any touch, key or wheel: the visitor is here. Dismisses a prompt.
    void activity(Millis now);
    // Whether a long cable is open (reading-aware timing). Takes effect from the last activity.
    void set_reading(bool reading_long_cable) { m_reading = reading_long_cable; }
    // Nobody is here (the attract screen): the policy rests until the next activity.
    void rest();

    [[nodiscard]] Phase phase(Millis now) const;
    // Whole seconds left on the countdown, rounded up (what the prompt shows).
    [[nodiscard]] int seconds_left(Millis now) const;
    // When the phase next changes, or the countdown's shown second does; nullopt at rest.
    [[nodiscard]] std::optional<Millis> next_deadline(Millis now) const;
    [[nodiscard]] const IdleConfig& config() const { return m_config; }
    // The last touch, key or wheel (the end of a visit, for the staff's visit lengths).
    [[nodiscard]] Millis last_activity() const { return m_last_activity; }

private:
    [[nodiscard]] Millis quiet_limit() const;
    [[nodiscard]] Millis countdown() const;

    IdleConfig m_config;
    Millis m_last_activity { 0 };
    bool m_reading = false;
    bool m_resting = true;
};

} // namespace ck::app
