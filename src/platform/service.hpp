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

// Under systemd, where stderr is the journal ($JOURNAL_STREAM names stderr's device and inode),
// replaces the log sink with one that starts each line with its sd-daemon priority (<3> error,
// <4> warning, <6> info, <7> debug), so that `journalctl -p warning` selects by level. Elsewhere
// (a terminal, `kiosk 2>file` from a service's shell) the plain format stays. Call once, first
// thing in main().
void use_journal_priorities_if_stderr_is_the_journal();

} // namespace ck::platform::service
