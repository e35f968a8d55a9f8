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
// Sleeps until SIGTERM, a wake_event_loop() call or the timeout (< 0: none); true on SIGTERM.
bool wait_for_termination_or_wake(std::int64_t timeout_ms);

// Wakes the event loop from any thread (a worker's answer is ready): ends the current
// wait_for_termination_or_wake() and queues an SDL event that carries nothing, so that SDL_WaitEvent returns.
void wake_event_loop();
std::uint32_t wake_event_type();

// The SDL user-event type the watcher pushes (registered on first use).
std::uint32_t termination_event_type();

} // namespace ck::platform
