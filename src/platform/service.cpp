// libsystemd lives here and nowhere else (the systemd fence in src/CMakeLists.txt). sd_notify's
// failures are not fatal: a supervisor that went away must not stop the exhibit, so the first
// failure is logged once and the kiosk goes on.
#include "platform/service.hpp"

#include "core/log.hpp"

#include <systemd/sd-daemon.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

namespace ck::platform::service {
namespace {

struct State {
    bool ready_sent = false;
    bool failure_logged = false;
    std::string last_status;
    bool watchdog_read = false;
    std::optional<std::chrono::microseconds> watchdog_period;
    std::optional<std::chrono::steady_clock::time_point> last_keep_alive;
};

State& state()
{
    static State s;
    return s;
}

void send(const std::string& message)
{
    const int sent = sd_notify(0, message.c_str());
    if (sent < 0 && !state().failure_logged) {
        state().failure_logged = true;
        log::warning("service", "cannot notify the service manager: " + std::string(std::strerror(-sent)));
    }
}

std::optional<std::chrono::microseconds> watchdog_period()
{
    State& s = state();
    if (!s.watchdog_read) {
        s.watchdog_read = true;
        std::uint64_t usec = 0;
        // > 0 only when $WATCHDOG_USEC is set and $WATCHDOG_PID, if set, is this process.
        if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
            s.watchdog_period = std::chrono::microseconds(usec);
        }
    }
    return s.watchdog_period;
}

} // namespace

void notify_ready()
{
    if (std::exchange(state().ready_sent, true)) {
        return;
    }
    send("READY=1");
}

void notify_status(std::string_view line)
{
    State& s = state();
    if (line == s.last_status) {
        return;
    }
    s.last_status = line;
    send("STATUS=" + s.last_status);
}

void notify_stopping()
{
    send("STOPPING=1\nSTATUS=stopping (SIGTERM)");
}

std::optional<Millis> keep_alive()
{
    const auto period = watchdog_period();
    if (!period) {
        return std::nullopt;
    }
    using namespace std::chrono;
    const auto every = duration_cast<milliseconds>(*period / 2);
    const auto now = steady_clock::now();
    State& s = state();
    if (!s.last_keep_alive || now - *s.last_keep_alive >= every) {
        send("WATCHDOG=1");
        s.last_keep_alive = now;
    }
    const auto left = duration_cast<milliseconds>(*s.last_keep_alive + every - now);
    return Millis { std::max<Millis::rep>(1, left.count()) };
}

} // namespace ck::platform::service
