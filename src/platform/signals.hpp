// Process signals for a kiosk: SIGTERM (from systemd) is the only way to stop it, cleanly; the
// job-control and terminal signals a keyboard can raise (Ctrl+C, Ctrl+\, Ctrl+Z) are ignored.
#pragma once

#include <cstdint>

namespace ck::platform {

// Call first thing in main(), before any thread exists: ignores SIGINT, SIGQUIT, SIGTSTP,
// SIGTTIN, SIGTTOU and SIGHUP, blocks SIGTERM in every thread and starts one thread that waits
// for it with sigwait() and then wakes the event loop with an SDL event.
void install_kiosk_signal_policy();

// True once SIGTERM has arrived.
bool termination_requested();

// Sleeps until SIGTERM arrives or `timeout` passes (forever when negative); true on SIGTERM.
// For drivers with no input devices of their own (offscreen), this is the whole of waiting.
bool wait_for_termination(std::int64_t timeout_ms);

// The SDL user-event type the watcher pushes (registered on first use).
std::uint32_t termination_event_type();

} // namespace ck::platform
