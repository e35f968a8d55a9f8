// What the composition root hands the staff mode: the PIN hash and where the lockout record lives,
// the self-test's checks, and the few facts only the platform or the file system knows (touch
// devices, our RSS, the pack file's size and signer, the day). Plain values and functions: the app
// stays free of SDL and of the file system's specifics, and the tests pass their own.
#pragma once

#include "core/clock.hpp"
#include "core/self_check.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace ck::log {
class Ring;
}

namespace ck::app {

struct StaffServices {
    // libsodium's Argon2id string (`kiosk --hash-pin`); empty: staff mode is off and the door
    // gesture does nothing.
    std::string pin_hash;
    // Where the wrong-PIN record is kept (the state directory); empty: in memory only (tests).
    std::filesystem::path lockout_file;
    // The self-test's checks (the same list `kiosk --self-test` runs); empty: the Checks screen
    // says there are none.
    std::function<selfcheck::Checks()> checks;
    // Facts for the Performance, Touch trace and Pack screens; each may be empty.
    std::function<std::int64_t()> rss_bytes;
    std::function<std::vector<std::string>()> touch_devices;
    std::string rotation; // "0", "90", "180" or "270" degrees
    std::string mapping; // how a panel point becomes a visitor point, in words
    std::string signer_key_id; // the key id of the pack's signature, hex
    std::int64_t pack_file_bytes = -1;
    // The last log lines (the staff mode's Log screen, the metrics' errors); may be null.
    const log::Ring* log = nullptr;
    // Today's day number (days since 1970, local time) and the wall clock in seconds since 1970;
    // unset in tests that do not care: day 0, time 0.
    std::function<int()> today;
    std::function<std::int64_t()> wall_seconds;
    // With a path, the kiosk rewrites this file every `metrics_every` (node_exporter's textfile
    // collector) and runs the checks once at start, on the background worker, so the file has a
    // self-test result from the first minute.
    std::filesystem::path metrics_file;
    Millis metrics_every { 60'000 };
    // Where "Save a report" writes (the import folder, or a USB stick there); empty: it cannot.
    std::filesystem::path report_dir;
    // How long staff mode stays without a touch.
    Millis staff_timeout { 120'000 };
};

} // namespace ck::app
