// Watches the import folder with inotify, on a thread of its own that only says "look again":
// the import itself runs on the kiosk's background work. A periodic look catches what inotify
// cannot see (a USB stick mounted over the folder sends no event).
#pragma once

#include "core/result.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>

namespace ck::platform {

class FolderWatch {
public:
    // `changed` is called from the watch's thread when a file in `dir` is written and closed,
    // moved in, or removed, and every `rescan` in any case. The folder is made if it is missing.
    static Result<std::unique_ptr<FolderWatch>> start(
        std::filesystem::path dir, std::function<void()> changed, std::chrono::milliseconds rescan);
    ~FolderWatch(); // stops the thread and waits for it
    FolderWatch(const FolderWatch&) = delete;
    FolderWatch& operator=(const FolderWatch&) = delete;
    FolderWatch(FolderWatch&&) = delete;
    FolderWatch& operator=(FolderWatch&&) = delete;

    struct Impl;

private:
    explicit FolderWatch(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace ck::platform
