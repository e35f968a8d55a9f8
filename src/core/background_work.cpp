// The handshake is the one the search worker always had: post() stores the job and raises its
// lane's cancel flag under the mutex; the worker takes a job and lowers that flag under the same
// mutex, so a flag raised after the take always belongs to a newer job and cancels exactly the
// job it should. Jobs run outside the lock, and whatever a job captured is destroyed outside it
// too (a job may hold the last reference to its client's state, a pack connection included).
#include "core/background_work.hpp"

#include "core/log.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <vector>

namespace ck {

std::string_view name(WorkKind kind)
{
    switch (kind) {
    case WorkKind::search:
        return "search";
    case WorkKind::facets:
        return "facets";
    case WorkKind::about:
        return "about";
    case WorkKind::import:
        return "import";
    case WorkKind::staff:
        return "staff";
    }
    return "?";
}

struct BackgroundWork::Slot {
    explicit Slot(WorkKind k)
        : kind(k)
    {
    }
    const WorkKind kind;
    // Guarded by Shared::mutex, except `cancel`, which the running job reads without it.
    Job waiting; // empty: none
    std::uint64_t waiting_order = 0; // first come, first served among lanes of one kind
    bool running = false;
    bool closed = false;
    std::atomic<bool> cancel { false };
};

struct BackgroundWork::Shared {
    mutable std::mutex mutex;
    std::condition_variable work_arrived;
    mutable std::condition_variable job_ended;
    std::vector<std::shared_ptr<Slot>> slots; // open lanes, and closed ones whose job still runs
    std::function<void()> wake;
    bool ready_unwoken = false; // a job said "ready" while no wake was set
    std::array<Stats, work_kind_count> stats {};
    std::uint64_t order = 0;
    bool stopping = false;

    Stats& stats_of(WorkKind kind) { return stats[static_cast<std::size_t>(kind)]; }

    // Under the lock: takes the slot's waiting job out (to be destroyed after unlocking) and
    // raises the flag of its running one.
    Job cancel_locked(Slot& slot)
    {
        Job dropped = std::move(slot.waiting);
        slot.waiting = nullptr;
        if (dropped) {
            ++stats_of(slot.kind).dropped;
        }
        if (slot.running && !slot.cancel.load()) {
            slot.cancel.store(true);
            ++stats_of(slot.kind).cancelled;
        }
        return dropped;
    }

    void forget_locked(const Slot& slot)
    {
        std::erase_if(slots, [&](const std::shared_ptr<Slot>& s) { return s.get() == &slot; });
    }

    [[nodiscard]] bool pending_locked() const
    {
        return std::any_of(slots.begin(), slots.end(),
            [](const std::shared_ptr<Slot>& s) { return s->running || static_cast<bool>(s->waiting); });
    }

    void ready()
    {
        std::function<void()> call;
        {
            const std::lock_guard lock(mutex);
            call = wake;
            ready_unwoken = !call;
        }
        if (call) {
            call();
        }
    }
};

BackgroundWork::Lane::Lane(std::shared_ptr<Shared> shared, std::shared_ptr<Slot> slot)
    : m_shared(std::move(shared))
    , m_slot(std::move(slot))
{
}

BackgroundWork::Lane& BackgroundWork::Lane::operator=(Lane&& other) noexcept
{
    if (this != &other) {
        close();
        m_shared = std::move(other.m_shared);
        m_slot = std::move(other.m_slot);
    }
    return *this;
}

bool BackgroundWork::Lane::post(Job job)
{
    if (!m_slot || !job) {
        return false;
    }
    bool accepted = false;
    Job dropped; // destroyed after the lock is released
    {
        const std::lock_guard lock(m_shared->mutex);
        if (m_slot->closed || m_shared->stopping) {
            dropped = std::move(job);
        } else {
            dropped = m_shared->cancel_locked(*m_slot);
            m_slot->waiting = std::move(job);
            m_slot->waiting_order = ++m_shared->order;
            ++m_shared->stats_of(m_slot->kind).posted;
            accepted = true;
        }
    }
    if (accepted) {
        m_shared->work_arrived.notify_one();
    }
    return accepted;
}

void BackgroundWork::Lane::cancel()
{
    if (!m_slot) {
        return;
    }
    Job dropped;
    {
        const std::lock_guard lock(m_shared->mutex);
        dropped = m_shared->cancel_locked(*m_slot);
    }
    m_shared->job_ended.notify_all(); // a waiting job dropped may leave nothing pending
}

void BackgroundWork::Lane::close()
{
    if (!m_slot) {
        return;
    }
    Job dropped;
    {
        const std::lock_guard lock(m_shared->mutex);
        if (m_slot->closed) {
            return;
        }
        m_slot->closed = true;
        dropped = m_shared->cancel_locked(*m_slot);
        if (!m_slot->running) {
            m_shared->forget_locked(*m_slot); // else the worker forgets it when its job returns
        }
    }
    m_shared->job_ended.notify_all();
}

bool BackgroundWork::Lane::pending() const
{
    if (!m_slot) {
        return false;
    }
    const std::lock_guard lock(m_shared->mutex);
    return m_slot->running || static_cast<bool>(m_slot->waiting);
}

BackgroundWork::BackgroundWork(std::function<void()> wake)
    : m_shared(std::make_shared<Shared>())
{
    m_shared->wake = std::move(wake);
    m_thread = std::thread([this] { run(); });
}

BackgroundWork::~BackgroundWork()
{
    std::vector<Job> dropped;
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->stopping = true;
        for (const std::shared_ptr<Slot>& slot : m_shared->slots) {
            dropped.push_back(m_shared->cancel_locked(*slot));
        }
    }
    m_shared->work_arrived.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
    dropped.clear();
    const std::lock_guard lock(m_shared->mutex);
    m_shared->slots.clear(); // lanes that outlive the owner keep only their own slot
    m_shared->job_ended.notify_all();
}

BackgroundWork::Lane BackgroundWork::lane(WorkKind kind)
{
    auto slot = std::make_shared<Slot>(kind);
    {
        const std::lock_guard lock(m_shared->mutex);
        if (m_shared->stopping) {
            slot->closed = true;
        } else {
            m_shared->slots.push_back(slot);
        }
    }
    return Lane(m_shared, std::move(slot));
}

void BackgroundWork::set_wake(std::function<void()> wake)
{
    bool call = false;
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->wake = wake;
        call = m_shared->ready_unwoken && wake;
        m_shared->ready_unwoken = m_shared->ready_unwoken && !wake;
    }
    // A result published before the wake was set must not wait for the next input.
    if (call) {
        wake();
    }
}

bool BackgroundWork::wakes_loop() const
{
    const std::lock_guard lock(m_shared->mutex);
    return static_cast<bool>(m_shared->wake);
}

bool BackgroundWork::pending() const
{
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->pending_locked();
}

bool BackgroundWork::wait_idle(std::chrono::milliseconds limit) const
{
    std::unique_lock lock(m_shared->mutex);
    return m_shared->job_ended.wait_for(lock, limit, [this] { return !m_shared->pending_locked(); });
}

BackgroundWork::Stats BackgroundWork::stats(WorkKind kind) const
{
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->stats[static_cast<std::size_t>(kind)];
}

void BackgroundWork::run()
{
    Shared& shared = *m_shared;
    const std::function<void()> ready = [&shared] { shared.ready(); };
    while (true) {
        std::shared_ptr<Slot> slot;
        Job job;
        {
            std::unique_lock lock(shared.mutex);
            const auto next = [&] {
                std::shared_ptr<Slot> best;
                for (const std::shared_ptr<Slot>& s : shared.slots) {
                    if (s->waiting
                        && (!best || s->kind < best->kind
                            || (s->kind == best->kind && s->waiting_order < best->waiting_order))) {
                        best = s;
                    }
                }
                return best;
            };
            shared.work_arrived.wait(lock, [&] { return shared.stopping || (slot = next()) != nullptr; });
            if (shared.stopping) {
                return;
            }
            job = std::move(slot->waiting);
            slot->waiting = nullptr;
            slot->cancel.store(false);
            slot->running = true;
            ++shared.stats_of(slot->kind).started;
        }
        try {
            job(JobContext(slot->cancel, ready));
        } catch (const std::exception& e) {
            log::error("work",
                std::string("a background job of kind ") + std::string(name(slot->kind))
                    + " failed: " + e.what());
        } catch (...) {
            log::error(
                "work", std::string("a background job of kind ") + std::string(name(slot->kind)) + " failed");
        }
        job = nullptr; // what it captured goes here, on this thread, outside the lock
        {
            const std::lock_guard lock(shared.mutex);
            slot->running = false;
            ++shared.stats_of(slot->kind).finished;
            if (slot->closed) {
                shared.forget_locked(*slot);
            }
        }
        shared.job_ended.notify_all();
    }
}

} // namespace ck
