// The doubling is capped before it can overflow: 2^20 minutes is far beyond a day.
#include "app/staff_lockout.hpp"

#include <algorithm>
#include <charconv>
#include <sstream>

namespace ck::app {

StaffLockout::StaffLockout(LockoutConfig config)
    : m_config(config)
{
}

bool StaffLockout::locked(Millis now) const
{
    return now < m_until;
}

Millis StaffLockout::remaining(Millis now) const
{
    return locked(now) ? m_until - now : Millis { 0 };
}

Millis StaffLockout::next_lockout() const
{
    const int doublings = std::min(m_lockouts, 20);
    return std::min(m_config.longest_lockout, Millis { m_config.first_lockout.count() << doublings });
}

bool StaffLockout::wrong(Millis now)
{
    if (locked(now)) {
        return false; // the PIN pad takes no PIN while locked; nothing to count
    }
    if (++m_failures < m_config.attempts) {
        return false;
    }
    m_until = now + next_lockout();
    m_failures = 0;
    ++m_lockouts;
    return true;
}

void StaffLockout::right()
{
    m_failures = 0;
    m_lockouts = 0;
    m_until = Millis { 0 };
}

std::string StaffLockout::save(Millis now) const
{
    return "failures " + std::to_string(m_failures) + "\nlockouts " + std::to_string(m_lockouts)
        + "\nremaining_ms " + std::to_string(remaining(now).count()) + "\n";
}

StaffLockout StaffLockout::load(std::string_view text, Millis now, LockoutConfig config)
{
    StaffLockout lock(config);
    int fields = 0;
    std::istringstream in { std::string(text) };
    std::string key;
    long long value = 0;
    while (in >> key >> value) {
        if (value < 0) {
            break;
        }
        if (key == "failures") {
            lock.m_failures = static_cast<int>(std::min<long long>(value, config.attempts - 1));
            ++fields;
        } else if (key == "lockouts") {
            lock.m_lockouts = static_cast<int>(std::min<long long>(value, 64));
            ++fields;
        } else if (key == "remaining_ms") {
            lock.m_until = now + std::min(Millis { value }, config.longest_lockout);
            ++fields;
        }
    }
    if (fields != 3) {
        lock.m_until = now + config.first_lockout;
    }
    return lock;
}

} // namespace ck::app
