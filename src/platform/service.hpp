// The service manager as the kiosk sees it: readiness, a status line for `systemctl status`, the
// watchdog's keep-alive and the stop, sent to systemd over $NOTIFY_SOCKET (libsystemd's
// sd_notify). Without a supervisor ($NOTIFY_SOCKET unset) every call does nothing, so the kiosk
// runs the same from a terminal, a desktop or a test. Main thread only.
#pragma once

#include "core/clock.hpp"

#include <optional>
#include <string_view>

namespace ck::platform::service {

// READY=1, once per process: the first frame is on the screen.
void notify_ready();

// STATUS=LINE, a sentence a person can read ("pack ...: showing the attract loop"). A repeat of
// the line sent last is not sent again, so the frame loop may call this on every frame.
void notify_status(std::string_view line);

// STOPPING=1: SIGTERM arrived and the kiosk is stopping.
void notify_stopping();

// The watchdog keep-alive (WATCHDOG=1), for the frame loop. Sends one when half the watchdog
// period (systemd's WatchdogSec=, read once with sd_watchdog_enabled) has passed since the last,
// and returns how long the loop may sleep before the next one is due; nullopt when no watchdog
// is asked for. A loop that waits at most that long pings while idle, so only a frozen loop
// misses the deadline.
std::optional<Millis> keep_alive();

} // namespace ck::platform::service
