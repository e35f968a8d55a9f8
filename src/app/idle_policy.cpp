// The whole policy is arithmetic on the time of the last activity; nothing is stored per tick,
// so the loop can sleep until next_deadline() and an idle kiosk uses no CPU.
#include "app/idle_policy.hpp"

#include <algorithm>

namespace ck::app {

IdlePolicy::IdlePolicy(IdleConfig config)
    : m_config(config)
{
}

void IdlePolicy::activity(Millis now)
{
    m_last_activity = now;
    m_resting = false;
}

void IdlePolicy::rest()
{
    m_resting = true;
}

Millis IdlePolicy::quiet_limit() const
{
    return m_reading ? std::max(m_config.prompt_after_reading, m_config.prompt_after) : m_config.prompt_after;
}

Millis IdlePolicy::countdown() const
{
    return std::max(m_config.countdown, IdleConfig::min_countdown);
}

IdlePolicy::Phase IdlePolicy::phase(Millis now) const
{
    if (m_resting) {
        return Phase::active;
    }
    const Millis quiet = now - m_last_activity;
    if (quiet < quiet_limit()) {
        return Phase::active;
    }
    return quiet < quiet_limit() + countdown() ? Phase::prompting : Phase::expired;
}

int IdlePolicy::seconds_left(Millis now) const
{
    if (phase(now) != Phase::prompting) {
        return 0;
    }
    const Millis left = m_last_activity + quiet_limit() + countdown() - now;
    return static_cast<int>((left.count() + 999) / 1000);
}

std::optional<Millis> IdlePolicy::next_deadline(Millis now) const
{
    if (m_resting) {
        return std::nullopt;
    }
    const Millis prompt_at = m_last_activity + quiet_limit();
    const Millis expire_at = prompt_at + countdown();
    switch (phase(now)) {
    case Phase::active:
        return prompt_at;
    case Phase::prompting: {
        // Wake when the displayed second changes, and exactly at expiry.
        const Millis left = expire_at - now;
        const Millis into_second { left.count() % 1000 == 0 ? 1000 : left.count() % 1000 };
        return std::min(expire_at, now + into_second);
    }
    case Phase::expired:
        return now;
    }
    return std::nullopt;
}

} // namespace ck::app
