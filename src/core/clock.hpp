// Time is injected, never read from a global: screens, gestures and idle timers take a Clock, so
// tests and the headless script mode drive them with a ManualClock.
#pragma once

#include <chrono>

namespace ck {

using Millis = std::chrono::milliseconds;

class Clock {
public:
    virtual ~Clock() = default;
    // Monotonic time since an arbitrary origin.
    [[nodiscard]] virtual Millis now() const = 0;
};

// The clock of the script mode and the tests: time moves only when told to.
class ManualClock final : public Clock {
public:
    explicit ManualClock(Millis start = Millis { 0 })
        : m_now(start)
    {
    }
    [[nodiscard]] Millis now() const override { return m_now; }
    void advance(Millis by) { m_now += by; }
    void set(Millis to) { m_now = to; }

private:
    Millis m_now;
};

// std::chrono::steady_clock, for programs that are not tests.
class SteadyClock final : public Clock {
public:
    [[nodiscard]] Millis now() const override;
};

} // namespace ck
