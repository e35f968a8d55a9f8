// A sigwait() thread rather than a signal handler: SDL_PushEvent is thread-safe but not
// async-signal-safe, and a dedicated thread lets an idle kiosk sleep in SDL_WaitEvent with no
// polling timeout at all.
#include "platform/signals.hpp"

#include <SDL2/SDL.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <pthread.h>
#include <thread>

namespace ck::platform {
namespace {

std::atomic<bool> g_terminate { false };
bool g_wake = false; // guarded by g_mutex
std::mutex g_mutex;
std::condition_variable g_changed;

void wait_for_sigterm()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    int received = 0;
    while (sigwait(&set, &received) == 0) {
        if (received == SIGTERM) {
            {
                const std::lock_guard lock(g_mutex);
                g_terminate.store(true);
            }
            g_changed.notify_all();
            SDL_Event e {};
            e.type = termination_event_type();
            SDL_PushEvent(&e);
            return;
        }
    }
}

} // namespace

std::uint32_t termination_event_type()
{
    static const Uint32 type = SDL_RegisterEvents(1);
    return type;
}

void install_kiosk_signal_policy()
{
    for (const int sig : { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGHUP }) {
        std::signal(sig, SIG_IGN);
    }
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    (void)termination_event_type();
    (void)wake_event_type();
    std::thread(wait_for_sigterm).detach();
}

bool termination_requested()
{
    return g_terminate.load();
}

std::uint32_t wake_event_type()
{
    static const Uint32 type = SDL_RegisterEvents(1);
    return type;
}

void wake_event_loop()
{
    {
        const std::lock_guard lock(g_mutex);
        g_wake = true;
    }
    g_changed.notify_all();
    SDL_Event e {};
    e.type = wake_event_type();
    SDL_PushEvent(&e);
}

bool wait_for_termination_or_wake(std::int64_t timeout_ms)
{
    std::unique_lock lock(g_mutex);
    const auto done = [] { return g_terminate.load() || g_wake; };
    if (timeout_ms < 0) {
        g_changed.wait(lock, done);
    } else {
        g_changed.wait_for(lock, std::chrono::milliseconds(timeout_ms), done);
    }
    g_wake = false;
    return g_terminate.load();
}

} // namespace ck::platform
