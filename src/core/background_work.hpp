// The app's one owner of background work: one worker thread and lanes that screens (and later the
// staff import) post jobs to. A lane holds at most one waiting job and one running one: a newer
// job replaces the waiting job and cancels the running one through an atomic flag, so a lane is
// one slot deep whatever the rate of requests. Knows nothing of SQLite or SDL: a job that needs
// the pack opens its own connection on the worker thread, and a job says "ready" to wake the loop.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <thread>

namespace ck {

// What a lane is for. When several lanes have a job waiting, the worker takes the first kind in
// this order: what a visitor is typing, then what completes the search they see, then the About
// screen's counts, then the staff's imports, which never hurry, then the staff's self-test checks
// (one check a job, so a visitor's search waits for at most one check).
enum class WorkKind { search, facets, about, import, staff };
inline constexpr std::size_t work_kind_count = 5;
std::string_view name(WorkKind kind);

// What a running job sees of the owner.
class JobContext {
public:
    JobContext(const std::atomic<bool>& cancel, std::function<void()> ready)
        : m_cancel(cancel)
        , m_ready(std::move(ready))
    {
    }
    // True once a newer job on the same lane arrived, the lane closed or the owner is stopping:
    // the job should stop at its next step and publish nothing.
    [[nodiscard]] bool cancelled() const { return m_cancel.load(); }
    // The flag itself, for APIs that poll it (the pack's search and facet counts).
    [[nodiscard]] const std::atomic<bool>* cancel_flag() const { return &m_cancel; }
    // A result is ready for the UI thread: wakes the event loop (through the owner's one wake).
    void ready() const { m_ready(); }

private:
    const std::atomic<bool>& m_cancel;
    std::function<void()> m_ready;
};

using Job = std::function<void(const JobContext&)>;

class BackgroundWork {
    struct Shared;
    struct Slot;

public:
    // A place to post jobs of one kind, owned by whoever asks for the work (a screen, a worker).
    // Closing it (or destroying it) drops its waiting job and cancels its running one; what the
    // running job captured lives until it returns, so a client may go at any time (back, idle
    // reset) without waiting for its job. A lane may outlive its owner: it then does nothing.
    class Lane {
    public:
        Lane() = default;
        ~Lane() { close(); }
        Lane(const Lane&) = delete;
        Lane& operator=(const Lane&) = delete;
        Lane(Lane&& other) noexcept = default;
        Lane& operator=(Lane&& other) noexcept;

        // Queues `job` in place of any waiting one and cancels the running one. Safe from any
        // thread, a job of this lane included. False when the lane is closed or the owner stops.
        bool post(Job job);
        // Drops the waiting job and cancels the running one; the lane stays usable.
        void cancel();
        // cancel(), and every later post() is refused. Does not wait for the running job.
        void close();
        // True while a job of this lane waits or runs.
        [[nodiscard]] bool pending() const;
        [[nodiscard]] explicit operator bool() const { return m_slot != nullptr; }

    private:
        friend class BackgroundWork;
        Lane(std::shared_ptr<Shared> shared, std::shared_ptr<Slot> slot);
        std::shared_ptr<Shared> m_shared;
        std::shared_ptr<Slot> m_slot;
    };

    // Starts the worker thread. `wake` is called from it whenever a job says a result is ready.
    explicit BackgroundWork(std::function<void()> wake = {});
    // Drops every waiting job, cancels the running one and joins the thread.
    ~BackgroundWork();
    BackgroundWork(const BackgroundWork&) = delete;
    BackgroundWork& operator=(const BackgroundWork&) = delete;
    BackgroundWork(BackgroundWork&&) = delete;
    BackgroundWork& operator=(BackgroundWork&&) = delete;

    [[nodiscard]] Lane lane(WorkKind kind);

    // How the worker wakes the event loop (platform::wake_event_loop in the live kiosk). A result
    // reported ready before the wake was set wakes it at once.
    void set_wake(std::function<void()> wake);
    // True when a wake is set: a client may then sleep until its answer instead of polling.
    [[nodiscard]] bool wakes_loop() const;

    // True while any lane has a job waiting or running. The script runner on the manual clock
    // waits for this in real time, so what a script sees never depends on the machine's load.
    [[nodiscard]] bool pending() const;
    // Waits up to `limit` (real time) until nothing is pending; true if nothing is.
    bool wait_idle(std::chrono::milliseconds limit) const;

    // What happened on the lanes of one kind, for tests, the bench and diagnostics.
    struct Stats {
        std::uint64_t posted = 0;
        std::uint64_t dropped = 0; // waiting jobs dropped unrun: replaced by a newer one, cancelled or closed
        std::uint64_t started = 0;
        std::uint64_t cancelled = 0; // running jobs told to stop
        std::uint64_t finished = 0; // jobs that returned, cancelled or not
    };
    [[nodiscard]] Stats stats(WorkKind kind) const;

private:
    void run();

    std::shared_ptr<Shared> m_shared;
    std::thread m_thread; // last: started once m_shared exists
};

} // namespace ck
