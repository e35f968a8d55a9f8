// The self-test's checks of the machine: storage.free, storage.state, storage.import,
// memory.available, board.thermal, board.power and clock.year. They read the kernel's files under
// a root that tests replace with a tree of their own (a Raspberry Pi that overheats, a board that
// is under-voltage), and write only a probe file they remove.
#pragma once

#include "core/self_check.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>

namespace ck::platform {

struct MachinePaths {
    std::filesystem::path proc = "/proc";
    std::filesystem::path sys = "/sys";
};

struct StorageLimits {
    std::uint64_t warn_below_bytes = 256ULL << 20; // room for two packs of the bundled kind and logs
    std::uint64_t fail_below_bytes = 32ULL << 20;
};

// Free space where the state lives (packs, stamps, counters).
selfcheck::Check storage_free_check(std::filesystem::path state_dir, StorageLimits limits = {});
// The folder exists (or can be made) and a file can be written, synced and renamed in it.
selfcheck::Check storage_state_check(std::filesystem::path state_dir);
// The import folder, when one is configured (the staff's new exhibits arrive there); else skip.
selfcheck::Check storage_import_check(std::optional<std::filesystem::path> import_dir);

selfcheck::Check memory_available_check(MachinePaths paths = {});

// On a Raspberry Pi (the device tree says so): the SoC temperature, and the firmware's throttling
// and under-voltage flags. Elsewhere: skip.
selfcheck::Check board_thermal_check(MachinePaths paths = {});
selfcheck::Check board_power_check(MachinePaths paths = {});

// A sane year from the wall clock (`now`, injected): before the kiosk's release year or absurdly
// late is a warning, never a failure (Pis before the 5 have no RTC).
selfcheck::Check clock_year_check(
    std::function<std::chrono::system_clock::time_point()> now, int release_year);

} // namespace ck::platform
