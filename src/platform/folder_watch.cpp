#include "platform/folder_watch.hpp"

#include <array>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace ck::platform {

struct FolderWatch::Impl {
    int inotify = -1;
    int stop = -1;
    std::function<void()> changed;
    std::chrono::milliseconds rescan { 30'000 };
    std::thread thread;

    ~Impl()
    {
        if (stop >= 0) {
            const std::uint64_t one = 1;
            // Kept in a variable: a (void) cast does not silence GCC's unused-result warning,
            // which _FORTIFY_SOURCE (the Debian package's hardening flags) turns on.
            const ssize_t written = ::write(stop, &one, sizeof one);
            static_cast<void>(written);
        }
        if (thread.joinable()) {
            thread.join();
        }
        for (const int fd : { inotify, stop }) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
    }

    void run() const
    {
        std::array<char, 4096> events {};
        for (;;) {
            std::array<pollfd, 2> fds { { { stop, POLLIN, 0 }, { inotify, POLLIN, 0 } } };
            const int n = ::poll(fds.data(), inotify >= 0 ? 2 : 1, static_cast<int>(rescan.count()));
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n > 0 && (fds[0].revents & POLLIN) != 0) {
                return;
            }
            if (n > 0 && (fds[1].revents & POLLIN) != 0) {
                // Drain: one look covers every event that arrived together.
                while (::read(inotify, events.data(), events.size()) > 0) { }
            }
            changed();
        }
    }
};

FolderWatch::FolderWatch(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}

FolderWatch::~FolderWatch() = default;

Result<std::unique_ptr<FolderWatch>> FolderWatch::start(
    std::filesystem::path dir, std::function<void()> changed, std::chrono::milliseconds rescan)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    auto impl = std::make_unique<Impl>();
    impl->changed = std::move(changed);
    impl->rescan = rescan;
    impl->stop = ::eventfd(0, EFD_CLOEXEC);
    if (impl->stop < 0) {
        return make_error("cannot make the watch's stop signal: "
            + std::error_code(errno, std::generic_category()).message());
    }
    impl->inotify = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (impl->inotify >= 0
        && ::inotify_add_watch(
               impl->inotify, dir.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM)
            < 0) {
        // Not fatal: the periodic look still finds new packs, later.
        ::close(impl->inotify);
        impl->inotify = -1;
    }
    Impl* raw = impl.get();
    impl->thread = std::thread([raw] { raw->run(); });
    return std::unique_ptr<FolderWatch>(new FolderWatch(std::move(impl)));
}

} // namespace ck::platform
