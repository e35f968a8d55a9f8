// The one owner of background work: lanes replace their waiting job and cancel their running one,
// more urgent kinds run first, the owner joins with a job running, and a client may go while its
// job runs. Deterministic: jobs block on latches the test opens, never on sleeps or time limits.
#include "core/background_work.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using ck::BackgroundWork;
using ck::JobContext;
using ck::WorkKind;

namespace {

// A one-shot signal between the test and a job.
class Latch {
public:
    void open()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_cv.notify_all();
    }
    void wait()
    {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [this] { return m_open; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_open = false;
};

// Blocks the worker: the job says it started, then waits until the test opens the gate.
ck::Job gate_job(Latch& started, Latch& gate)
{
    return [&started, &gate](const JobContext&) {
        started.open();
        gate.wait();
    };
}

// Runs until cancelled, then records that it saw the flag.
ck::Job until_cancelled(Latch& started, std::atomic<bool>& saw_cancel)
{
    return [&started, &saw_cancel](const JobContext& ctx) {
        started.open();
        while (!ctx.cancelled()) {
            std::this_thread::yield();
        }
        saw_cancel.store(true);
    };
}

// Records the order jobs ran in (only the worker thread writes, the test reads after wait_idle).
struct Log {
    std::mutex mutex;
    std::vector<std::string> ran;
    ck::Job job(std::string name)
    {
        return [this, name = std::move(name)](const JobContext&) {
            const std::lock_guard lock(mutex);
            ran.push_back(name);
        };
    }
};

constexpr auto patience = std::chrono::seconds(60); // a bound for a hang, never a measurement

} // namespace

TEST_CASE("background work: a lane's newer job replaces its waiting job, which never runs")
{
    BackgroundWork work;
    Latch started;
    Latch gate;
    BackgroundWork::Lane blocker = work.lane(WorkKind::import);
    BackgroundWork::Lane lane = work.lane(WorkKind::search);
    Log log;
    REQUIRE(blocker.post(gate_job(started, gate)));
    started.wait(); // the worker is busy: what follows waits
    REQUIRE(lane.post(log.job("first")));
    REQUIRE(lane.post(log.job("second")));
    REQUIRE(lane.post(log.job("third")));
    CHECK(lane.pending());
    CHECK(work.pending());
    gate.open();
    REQUIRE(work.wait_idle(patience));
    CHECK(log.ran == std::vector<std::string> { "third" });
    const BackgroundWork::Stats stats = work.stats(WorkKind::search);
    CHECK(stats.posted == 3);
    CHECK(stats.dropped == 2);
    CHECK(stats.started == 1);
    CHECK(stats.finished == 1);
    CHECK(stats.cancelled == 0);
    CHECK_FALSE(lane.pending());
    CHECK_FALSE(work.pending());
}

TEST_CASE("background work: a newer job cancels the running one through its flag, and runs uncancelled")
{
    BackgroundWork work;
    BackgroundWork::Lane lane = work.lane(WorkKind::search);
    Latch started;
    std::atomic<bool> saw_cancel { false };
    std::atomic<bool> second_cancelled { true };
    REQUIRE(lane.post(until_cancelled(started, saw_cancel)));
    started.wait();
    CHECK_FALSE(saw_cancel.load());
    REQUIRE(lane.post([&](const JobContext& ctx) { second_cancelled.store(ctx.cancelled()); }));
    REQUIRE(work.wait_idle(patience));
    CHECK(saw_cancel.load());
    CHECK_FALSE(second_cancelled.load()); // the flag was lowered when the newer job was taken
    const BackgroundWork::Stats stats = work.stats(WorkKind::search);
    CHECK(stats.cancelled == 1);
    CHECK(stats.started == 2);
    CHECK(stats.finished == 2);
}

TEST_CASE("background work: lanes are independent; a job on one never cancels another lane's")
{
    BackgroundWork work;
    BackgroundWork::Lane mine = work.lane(WorkKind::search);
    BackgroundWork::Lane other = work.lane(WorkKind::search); // a second search screen's lane
    Latch started;
    Latch gate;
    std::atomic<bool> cancelled_seen { false };
    REQUIRE(mine.post([&](const JobContext& ctx) {
        started.open();
        gate.wait();
        cancelled_seen.store(ctx.cancelled());
    }));
    started.wait();
    Log log;
    REQUIRE(other.post(log.job("other")));
    gate.open();
    REQUIRE(work.wait_idle(patience));
    CHECK_FALSE(cancelled_seen.load());
    CHECK(log.ran == std::vector<std::string> { "other" });
}

TEST_CASE("background work: when several lanes wait, the more urgent kind runs first")
{
    BackgroundWork work;
    Latch started;
    Latch gate;
    BackgroundWork::Lane blocker = work.lane(WorkKind::import);
    REQUIRE(blocker.post(gate_job(started, gate)));
    started.wait();
    Log log;
    BackgroundWork::Lane import = work.lane(WorkKind::import);
    BackgroundWork::Lane about = work.lane(WorkKind::about);
    BackgroundWork::Lane facets = work.lane(WorkKind::facets);
    BackgroundWork::Lane search = work.lane(WorkKind::search);
    BackgroundWork::Lane later_search = work.lane(WorkKind::search);
    REQUIRE(import.post(log.job("import")));
    REQUIRE(about.post(log.job("about")));
    REQUIRE(facets.post(log.job("facets")));
    REQUIRE(search.post(log.job("search")));
    REQUIRE(later_search.post(log.job("later search")));
    gate.open();
    REQUIRE(work.wait_idle(patience));
    CHECK(log.ran == std::vector<std::string> { "search", "later search", "facets", "about", "import" });
}

TEST_CASE("background work: cancel drops the waiting job and stops the running one; the lane stays usable")
{
    BackgroundWork work;
    BackgroundWork::Lane lane = work.lane(WorkKind::facets);
    Latch started;
    std::atomic<bool> saw_cancel { false };
    REQUIRE(lane.post(until_cancelled(started, saw_cancel)));
    started.wait();
    lane.cancel();
    REQUIRE(work.wait_idle(patience));
    CHECK(saw_cancel.load());
    Log log;
    REQUIRE(lane.post(log.job("after")));
    REQUIRE(work.wait_idle(patience));
    CHECK(log.ran == std::vector<std::string> { "after" });
}

TEST_CASE("background work: the owner's destructor cancels the running job, drops the waiting ones and joins")
{
    Latch started;
    std::atomic<bool> saw_cancel { false };
    Log log;
    BackgroundWork::Lane survivor;
    {
        BackgroundWork work;
        BackgroundWork::Lane running = work.lane(WorkKind::search);
        BackgroundWork::Lane waiting = work.lane(WorkKind::about);
        REQUIRE(running.post(until_cancelled(started, saw_cancel)));
        started.wait();
        REQUIRE(waiting.post(log.job("never")));
        survivor = work.lane(WorkKind::import);
    } // joins here: the running job must see its flag, or this never returns
    CHECK(saw_cancel.load());
    CHECK(log.ran.empty());
    // A lane that outlives its owner does nothing, and says so.
    CHECK_FALSE(survivor.post(log.job("too late")));
    CHECK_FALSE(survivor.pending());
}

TEST_CASE("background work: a client that goes while its job runs leaves the job its state until it returns")
{
    BackgroundWork work;
    struct ClientState {
        std::vector<int> answers;
    };
    Latch started;
    Latch gate;
    std::atomic<bool> saw_cancel { false };
    std::weak_ptr<ClientState> watch;
    {
        auto state = std::make_shared<ClientState>();
        watch = state;
        BackgroundWork::Lane lane = work.lane(WorkKind::search);
        REQUIRE(lane.post([state, &started, &gate, &saw_cancel](const JobContext& ctx) {
            started.open();
            gate.wait();
            saw_cancel.store(ctx.cancelled());
            state->answers.push_back(42); // the client is gone; its state is not
        }));
        started.wait();
    } // the client (its lane and its reference) goes: back, home or the idle reset
    CHECK_FALSE(watch.expired()); // the running job still holds it
    gate.open();
    REQUIRE(work.wait_idle(patience));
    CHECK(saw_cancel.load());
    CHECK(watch.expired()); // released with the job, on the worker thread
    CHECK(work.stats(WorkKind::search).cancelled == 1);
}

TEST_CASE("background work: a result made ready wakes the loop through the one wake, even one set later")
{
    std::atomic<int> woken { 0 };
    {
        BackgroundWork work([&woken] { ++woken; });
        CHECK(work.wakes_loop());
        BackgroundWork::Lane lane = work.lane(WorkKind::about);
        REQUIRE(lane.post([](const JobContext& ctx) { ctx.ready(); }));
        REQUIRE(work.wait_idle(patience));
        CHECK(woken.load() == 1);
    }
    woken.store(0);
    BackgroundWork work;
    CHECK_FALSE(work.wakes_loop());
    BackgroundWork::Lane lane = work.lane(WorkKind::search);
    REQUIRE(lane.post([](const JobContext& ctx) { ctx.ready(); }));
    REQUIRE(work.wait_idle(patience));
    work.set_wake([&woken] { ++woken; });
    CHECK(woken.load() == 1); // the answer published before the wake was set is not left asleep
    work.set_wake([&woken] { ++woken; });
    CHECK(woken.load() == 1); // and only once
}

TEST_CASE("background work: a job that throws is logged and the worker carries on")
{
    BackgroundWork work;
    BackgroundWork::Lane lane = work.lane(WorkKind::import);
    REQUIRE(lane.post([](const JobContext&) { throw std::runtime_error("disk on fire"); }));
    REQUIRE(work.wait_idle(patience));
    Log log;
    REQUIRE(lane.post(log.job("next")));
    REQUIRE(work.wait_idle(patience));
    CHECK(log.ran == std::vector<std::string> { "next" });
}
