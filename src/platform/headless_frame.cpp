// The headless frame (headless_frame.hpp): mapped, trimmed to 2 MiB boundaries, asked for in
// huge pages, faulted in, and wrapped in an SDL surface for the software renderer.
#include "platform/headless_frame.hpp"

#include <cstdint>
#include <string>
#include <sys/mman.h>

namespace ck::platform {

FrameMemory::~FrameMemory()
{
    if (base != nullptr) {
        munmap(base, size);
    }
}

Status make_headless_frame(FrameMemory& memory, SurfacePtr& surface, int w, int h)
{
    constexpr std::size_t huge = std::size_t { 2 } << 20U;
    const std::size_t pitch = static_cast<std::size_t>(w) * 4;
    const std::size_t bytes = (pitch * static_cast<std::size_t>(h) + huge - 1) / huge * huge;
    // Map one huge page more, then trim both ends to a 2 MiB boundary.
    void* raw = mmap(nullptr, bytes + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) {
        return make_error("cannot map the headless frame (" + std::to_string(bytes) + " bytes)");
    }
    const auto start = reinterpret_cast<std::uintptr_t>(raw);
    const std::uintptr_t aligned = (start + huge - 1) / huge * huge;
    if (aligned > start) {
        munmap(raw, aligned - start);
    }
    if (const std::size_t tail = start + bytes + huge - (aligned + bytes); tail > 0) {
        munmap(reinterpret_cast<void*>(aligned + bytes), tail);
    }
    memory.base = reinterpret_cast<void*>(aligned);
    memory.size = bytes;
    (void)madvise(memory.base, bytes, MADV_HUGEPAGE); // a hint: small pages are fine too
    // Fault the huge pages in now, while the pack is still opening on another thread, rather than
    // in the first frame (a touch per 2 MiB; with small pages, four pages).
    for (std::size_t at = 0; at < bytes; at += huge) {
        static_cast<volatile std::uint8_t*>(memory.base)[at] = 0;
    }
    surface.reset(SDL_CreateRGBSurfaceWithFormatFrom(
        memory.base, w, h, 32, static_cast<int>(pitch), SDL_PIXELFORMAT_XRGB8888));
    if (!surface) {
        return make_error(std::string("cannot make the headless frame: ") + SDL_GetError());
    }
    return {};
}

} // namespace ck::platform
