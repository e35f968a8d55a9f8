// How many wrong PINs staff entry forgives: five in a row lock entry for a minute, and each later
// lockout lasts twice the one before (at most a day), until a right PIN clears the record. Pure:
// time is injected, and the record is plain text the app keeps in the state directory, so that a
// restart never clears it. The kiosk has no trustworthy wall clock across a restart (Pis before the
// 5 have no RTC), so the record holds how long the lockout still had to run when it was written,
// and a restart serves that time again in full: a restart can lengthen a lockout, never shorten it.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"

#include <string>
#include <string_view>

namespace ck::app {

struct LockoutConfig {
    int attempts = 5; // wrong PINs in a row before a lockout
    Millis first_lockout { 60'000 };
    Millis longest_lockout { 24 * 3600 * 1000 };
};

class StaffLockout {
public:
    explicit StaffLockout(LockoutConfig config = {});

    // True while entry is locked.
    [[nodiscard]] bool locked(Millis now) const;
    // Time left on the lockout (zero when not locked).
    [[nodiscard]] Millis remaining(Millis now) const;
    // Wrong PINs so far towards the next lockout.
    [[nodiscard]] int failures() const { return m_failures; }
    // How many lockouts came before (the next one lasts first_lockout * 2^lockouts).
    [[nodiscard]] int lockouts() const { return m_lockouts; }
    // How long the next lockout would last.
    [[nodiscard]] Millis next_lockout() const;

    // A wrong PIN. Returns true when it started a lockout.
    bool wrong(Millis now);
    // The right PIN: the record is cleared.
    void right();

    // The record as text ("failures N\nlockouts N\nremaining_ms N\n"), and read back at start:
    // a remaining lockout starts again at `now`. A record that cannot be read locks entry for the
    // first lockout's time, so damaging the file gains nothing.
    [[nodiscard]] std::string save(Millis now) const;
    static StaffLockout load(std::string_view text, Millis now, LockoutConfig config = {});

private:
    LockoutConfig m_config;
    int m_failures = 0;
    int m_lockouts = 0;
    Millis m_until { 0 };
};

} // namespace ck::app
