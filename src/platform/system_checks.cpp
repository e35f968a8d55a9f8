#include "platform/system_checks.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/statvfs.h>
#include <system_error>
#include <unistd.h>

namespace ck::platform {

using selfcheck::Check;
namespace fs = std::filesystem;

namespace {

// strerror's text, without strerror's shared buffer (the worker thread reports errors too).
std::string errno_message(int e)
{
    return std::error_code(e, std::generic_category()).message();
}

std::string mib(std::uint64_t bytes)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

// The nearest folder that exists: free space is the file system's, and a folder not yet made
// will be made on it.
fs::path existing_ancestor(fs::path p)
{
    std::error_code ec;
    while (!p.empty() && !fs::exists(p, ec)) {
        if (p == p.parent_path()) {
            break;
        }
        p = p.parent_path();
    }
    return p.empty() ? fs::path(".") : p;
}

selfcheck::Result free_space(const fs::path& dir, const StorageLimits& limits, const Check& self)
{
    const fs::path where = existing_ancestor(dir);
    struct statvfs st { };
    if (::statvfs(where.c_str(), &st) != 0) {
        return selfcheck::fail(
            self, "cannot read the free space of " + where.string() + ": " + errno_message(errno));
    }
    const std::uint64_t free_bytes = static_cast<std::uint64_t>(st.f_bavail) * st.f_frsize;
    const std::uint64_t total = static_cast<std::uint64_t>(st.f_blocks) * st.f_frsize;
    const std::string said
        = mib(free_bytes) + " free of " + mib(total) + " where the state lives (" + dir.string() + ")";
    const auto value = static_cast<double>(free_bytes);
    if (free_bytes < limits.fail_below_bytes) {
        return selfcheck::fail(self,
            said
                + ": the disk is full; a new exhibit cannot be installed. Remove old logs or "
                  "packs from the data partition",
            value, "bytes");
    }
    if (free_bytes < limits.warn_below_bytes) {
        return selfcheck::warn(
            self, said + ": too little room to install a new exhibit beside the current one", value, "bytes");
    }
    return selfcheck::pass(self, said, value, "bytes");
}

// Writes and syncs a block of a realistic size, so that a disk with a few bytes left fails here,
// not during an import; the reason when it cannot, else empty.
std::string write_probe(const fs::path& probe)
{
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        return errno_message(errno);
    }
    const std::string block(64 * 1024, 'x');
    std::size_t done = 0;
    std::string problem;
    while (done < block.size()) {
        const ssize_t n = ::write(fd, block.data() + done, block.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            problem = errno_message(n < 0 ? errno : ENOSPC);
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (problem.empty() && ::fsync(fd) != 0) {
        problem = errno_message(errno);
    }
    ::close(fd);
    return problem;
}

// Makes the folder if needed and writes a probe file the way the kiosk writes its state.
selfcheck::Result writable(const fs::path& dir, const std::string& what, const Check& self)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        return selfcheck::fail(self,
            "the " + what + " " + dir.string() + " cannot be created: " + ec.message()
                + "; check that the data partition is mounted and writable");
    }
    const fs::path probe = dir / (".selftest-probe-" + std::to_string(::getpid()));
    if (const std::string problem = write_probe(probe); !problem.empty()) {
        fs::remove(probe, ec);
        return selfcheck::fail(self,
            "the " + what + " " + dir.string() + " is not writable: " + problem
                + "; check that the data partition is mounted read-write and not full");
    }
    fs::remove(probe, ec);
    return selfcheck::pass(self, dir.string() + " is writable", dir.string());
}

std::optional<std::uint64_t> meminfo_kib(const fs::path& file, const std::string& key)
{
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + ":", 0) == 0) {
            std::istringstream words(line.substr(key.size() + 1));
            std::uint64_t kib = 0;
            if (words >> kib) {
                return kib;
            }
        }
    }
    return std::nullopt;
}

selfcheck::Result memory(const MachinePaths& paths, const Check& self)
{
    const auto available = meminfo_kib(paths.proc / "meminfo", "MemAvailable");
    const auto total = meminfo_kib(paths.proc / "meminfo", "MemTotal");
    if (!available || !total) {
        return selfcheck::fail(self, "cannot read " + (paths.proc / "meminfo").string());
    }
    const auto rss = meminfo_kib(paths.proc / "self" / "status", "VmRSS");
    const auto pss = meminfo_kib(paths.proc / "self" / "smaps_rollup", "Pss");
    std::string said = mib(*available * 1024) + " available of " + mib(*total * 1024);
    if (rss) {
        said += "; this process uses " + mib(*rss * 1024) + " (RSS)";
    }
    if (pss) {
        said += ", " + mib(*pss * 1024) + " (PSS)";
    }
    const auto value = static_cast<double>(*available * 1024);
    if (*available < 64 * 1024) {
        return selfcheck::fail(
            self, said + ": the kiosk may be stopped by the kernel; restart the board", value, "bytes");
    }
    if (*available < 192 * 1024) {
        return selfcheck::warn(
            self, said + ": little memory left; large searches may be slow", value, "bytes");
    }
    return selfcheck::pass(self, said, value, "bytes");
}

std::string read_line(const fs::path& file)
{
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    // The device tree's strings end in NUL.
    while (!line.empty() && (line.back() == '\0' || line.back() == '\n' || line.back() == ' ')) {
        line.pop_back();
    }
    return line;
}

std::optional<std::string> raspberry_pi(const MachinePaths& paths)
{
    std::string model = read_line(paths.proc / "device-tree" / "model");
    if (model.empty()) {
        model = read_line(paths.sys / "firmware" / "devicetree" / "base" / "model");
    }
    if (model.find("Raspberry Pi") == std::string::npos) {
        return std::nullopt;
    }
    return model;
}

selfcheck::Result thermal(const MachinePaths& paths, const Check& self)
{
    const auto pi = raspberry_pi(paths);
    if (!pi) {
        return selfcheck::skip(self, "not a Raspberry Pi");
    }
    const std::string text = read_line(paths.sys / "class" / "thermal" / "thermal_zone0" / "temp");
    if (text.empty()) {
        return selfcheck::warn(self, *pi + ": the SoC temperature cannot be read (no thermal zone)");
    }
    const double celsius = std::stod(text) / 1000.0;
    char said[128];
    std::snprintf(said, sizeof said,
        "%s: SoC at %.1f \xC2\xB0"
        "C",
        pi->c_str(), celsius);
    if (celsius >= 85.0) {
        return selfcheck::fail(self,
            std::string(said) + ": the board throttles itself; give the case air or a heatsink", celsius,
            "celsius");
    }
    if (celsius >= 75.0) {
        return selfcheck::warn(self,
            std::string(said)
                + ": close to throttling (80 \xC2\xB0"
                  "C); check the case's airflow",
            celsius, "celsius");
    }
    return selfcheck::pass(self, said, celsius, "celsius");
}

// The firmware's throttled word: the Raspberry Pi kernel's sysfs file, else the mainline hwmon's
// under-voltage alarm.
std::optional<unsigned long> throttled_word(const MachinePaths& paths)
{
    const std::string text
        = read_line(paths.sys / "devices" / "platform" / "soc" / "soc:firmware" / "get_throttled");
    if (!text.empty()) {
        return std::stoul(text, nullptr, 16);
    }
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(paths.sys / "class" / "hwmon", ec)) {
        if (read_line(entry.path() / "name") == "rpi_volt") {
            const std::string alarm = read_line(entry.path() / "in0_lcrit_alarm");
            return alarm == "1" ? 0x1UL : 0x0UL;
        }
    }
    return std::nullopt;
}

selfcheck::Result power(const MachinePaths& paths, const Check& self)
{
    const auto pi = raspberry_pi(paths);
    if (!pi) {
        return selfcheck::skip(self, "not a Raspberry Pi");
    }
    const auto word = throttled_word(paths);
    if (!word) {
        return selfcheck::warn(self, *pi + ": the firmware's power flags cannot be read");
    }
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%lx", *word);
    // Bits 0-3 hold now; bits 16-19 have happened since boot.
    if ((*word & 0x1UL) != 0) {
        return selfcheck::fail(self,
            *pi + ": under-voltage now (" + hex + "); use the official power supply (5.1 V, 3 A for a Pi 4)",
            hex);
    }
    if ((*word & 0x6UL) != 0) {
        return selfcheck::fail(
            self, *pi + ": throttled now (" + hex + "); check the power supply and the cooling", hex);
    }
    if ((*word & 0x70000UL) != 0) {
        return selfcheck::warn(self,
            *pi + ": under-voltage or throttling happened since boot (" + hex + "); check the power supply",
            hex);
    }
    return selfcheck::pass(self, *pi + ": no under-voltage or throttling since boot", hex);
}

selfcheck::Result clock_year(
    const std::function<std::chrono::system_clock::time_point()>& now, int release_year, const Check& self)
{
    const std::time_t t = std::chrono::system_clock::to_time_t(now());
    std::tm utc {};
    gmtime_r(&t, &utc);
    const int year = utc.tm_year + 1900;
    char said[96];
    std::snprintf(said, sizeof said, "%04d-%02d-%02d %02d:%02d UTC", year, utc.tm_mon + 1, utc.tm_mday,
        utc.tm_hour, utc.tm_min);
    if (year < release_year || year > release_year + 30) {
        return selfcheck::warn(self,
            std::string("the clock says ") + said
                + ", which cannot be right; the kiosk works, but the logs' and metrics' times are wrong. "
                  "Connect the "
                  "network once (NTP) or set the time",
            static_cast<double>(year), "year");
    }
    return selfcheck::pass(self, said, static_cast<double>(year), "year");
}

} // namespace

selfcheck::Check storage_free_check(fs::path state_dir, StorageLimits limits)
{
    return selfcheck::make_check("storage.free", "Free space",
        [dir = std::move(state_dir), limits](const Check& self) { return free_space(dir, limits, self); });
}

selfcheck::Check storage_state_check(fs::path state_dir)
{
    return selfcheck::make_check("storage.state", "State folder writable",
        [dir = std::move(state_dir)](const Check& self) { return writable(dir, "state folder", self); });
}

selfcheck::Check storage_import_check(std::optional<fs::path> import_dir)
{
    return selfcheck::make_check(
        "storage.import", "Import folder writable", [dir = std::move(import_dir)](const Check& self) {
            if (!dir) {
                return selfcheck::skip(self, "no import folder is configured ([import] dir)");
            }
            return writable(*dir, "import folder", self);
        });
}

selfcheck::Check memory_available_check(MachinePaths paths)
{
    return selfcheck::make_check("memory.available", "Memory",
        [paths = std::move(paths)](const Check& self) { return memory(paths, self); });
}

selfcheck::Check board_thermal_check(MachinePaths paths)
{
    return selfcheck::make_check("board.thermal", "Board temperature",
        [paths = std::move(paths)](const Check& self) { return thermal(paths, self); });
}

selfcheck::Check board_power_check(MachinePaths paths)
{
    return selfcheck::make_check("board.power", "Board power",
        [paths = std::move(paths)](const Check& self) { return power(paths, self); });
}

selfcheck::Check clock_year_check(
    std::function<std::chrono::system_clock::time_point()> now, int release_year)
{
    return selfcheck::make_check(
        "clock.year", "Clock", [now = std::move(now), release_year](const Check& self) {
            return clock_year(now, release_year, self);
        });
}

} // namespace ck::platform
