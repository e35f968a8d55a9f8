// The import folder's watch: inotify says "look again" when a pack is written or moved in, and the
// periodic look covers what inotify cannot see.
#include "platform/folder_watch.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct Calls {
    std::mutex mutex;
    std::condition_variable cv;
    int count = 0;
    void hit()
    {
        const std::lock_guard lock(mutex);
        ++count;
        cv.notify_all();
    }
    int now()
    {
        const std::lock_guard lock(mutex);
        return count;
    }
    // Waits (at most 10 s, a hang guard, not a timing assertion) for more than `seen` calls.
    bool more_than(int seen)
    {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, std::chrono::seconds { 10 }, [&] { return count > seen; });
    }
};

fs::path temp_folder()
{
    std::string pattern = (fs::temp_directory_path() / "ck-watch-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    return pattern;
}

} // namespace

TEST_CASE("the folder watch says look again when a file is written, moved in or removed")
{
    const fs::path dir = temp_folder();
    Calls calls;
    {
        auto watch = ck::platform::FolderWatch::start(
            dir / "import", [&] { calls.hit(); }, std::chrono::hours { 1 });
        REQUIRE(watch);
        CHECK(fs::is_directory(dir / "import")); // made when missing
        std::ofstream(dir / "import" / "a.ckpack") << "pack";
        CHECK(calls.more_than(0));
        const int after_write = calls.now();
        std::ofstream(dir / "b.tmp") << "pack";
        fs::rename(dir / "b.tmp", dir / "import" / "b.ckpack");
        CHECK(calls.more_than(after_write));
        const int after_move = calls.now();
        fs::remove(dir / "import" / "a.ckpack");
        CHECK(calls.more_than(after_move));
    }
    fs::remove_all(dir);
}

TEST_CASE("the folder watch looks again periodically without any event, and stops when destroyed")
{
    const fs::path dir = temp_folder();
    Calls calls;
    {
        auto watch = ck::platform::FolderWatch::start(
            dir, [&] { calls.hit(); }, std::chrono::milliseconds { 20 });
        REQUIRE(watch);
        CHECK(calls.more_than(2));
    }
    const int stopped_at = calls.now();
    std::ofstream(dir / "late.ckpack") << "pack";
    ::usleep(100'000);
    CHECK(calls.now() == stopped_at);
    fs::remove_all(dir);
}
