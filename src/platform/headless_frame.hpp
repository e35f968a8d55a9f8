// The headless kiosk's frame (Display::create): the software renderer draws into pixels of our
// own instead of the window's surface. Private to the platform layer.
#pragma once

#include "core/result.hpp"
#include "platform/sdl_handles.hpp"

#include <cstddef>

namespace ck::platform {

// A headless frame's pixels, mapped on their own and asked of the kernel in huge pages; unmapped
// when it goes.
struct FrameMemory {
    FrameMemory() = default;
    FrameMemory(const FrameMemory&) = delete;
    FrameMemory& operator=(const FrameMemory&) = delete;
    FrameMemory(FrameMemory&&) = delete;
    FrameMemory& operator=(FrameMemory&&) = delete;
    ~FrameMemory();
    void* base = nullptr;
    std::size_t size = 0;
};

// Headless, the software renderer draws into a frame of our own instead of the window's surface:
// no one sees the window, and SDL zeroes a new window surface page by page (8 MiB at 1080p, 2,025
// page faults). Ours is mapped apart and asked for in 2 MiB pages (MADV_HUGEPAGE, where
// transparent huge pages are on "madvise"), so it faults in four pages; the kernel still zeroes
// them, so the gain is about 1 ms of a 40 ms start on the shared VM (README, kiosk_bench). Where the
// kernel gives small pages it is no worse than the window's.
Status make_headless_frame(FrameMemory& memory, SurfacePtr& surface, int w, int h);

} // namespace ck::platform
