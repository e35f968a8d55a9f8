// Each check reads its fact when it runs (the file's size and presence, the clock), not when the
// list is made; the pack's metadata was read and checked when it was opened.
#include "app/basic_checks.hpp"

#include <chrono>
#include <filesystem>
#include <system_error>

namespace ck::app {

int year_of(std::int64_t seconds)
{
    const std::chrono::sys_days days { std::chrono::floor<std::chrono::days>(
        std::chrono::sys_seconds { std::chrono::seconds { seconds } }) };
    return static_cast<int>(std::chrono::year_month_day { days }.year());
}

selfcheck::Checks basic_checks(const content::Pack* pack, std::function<std::int64_t()> wall_seconds)
{
    const bool have = pack != nullptr;
    const content::PackInfo info = have ? pack->info() : content::PackInfo {};
    const std::filesystem::path path = have ? pack->path() : std::filesystem::path {};
    selfcheck::Checks checks;
    checks.push_back({ "pack.present", "Content pack", false, {} });
    checks.back().run = [have, path, check = checks.back()]() {
        if (!have) {
            return selfcheck::fail(check,
                "no content pack could be opened; the Log screen says why (missing, corrupt or signed by "
                "another key); load a good pack");
        }
        std::error_code ec;
        const auto bytes = std::filesystem::file_size(path, ec);
        if (ec) {
            return selfcheck::fail(check, "the pack file " + path.string() + " is gone: " + ec.message());
        }
        return selfcheck::pass(check, path.string(), static_cast<double>(bytes), "bytes");
    };
    checks.push_back({ "pack.sequence", "Pack sequence number", false, {} });
    checks.back().run = [have, info, check = checks.back()]() {
        if (!have) {
            return selfcheck::skip(check, "no pack is loaded");
        }
        return selfcheck::pass(check, "release " + std::to_string(info.sequence) + " of the exhibit",
            static_cast<double>(info.sequence));
    };
    checks.push_back({ "pack.cables", "Cables in the pack", false, {} });
    checks.back().run = [have, info, check = checks.back()]() {
        if (!have) {
            return selfcheck::skip(check, "no pack is loaded");
        }
        if (info.cables <= 0) {
            return selfcheck::fail(check, "the pack holds no cables; load the exhibit's pack", 0.0, "cables");
        }
        return selfcheck::pass(
            check, std::to_string(info.cables) + " cables", static_cast<double>(info.cables), "cables");
    };
    checks.push_back({ "clock.year", "Clock", false, {} });
    checks.back().run = [wall_seconds, check = checks.back()]() {
        if (!wall_seconds) {
            return selfcheck::skip(check, "no wall clock was given");
        }
        const int year = year_of(wall_seconds());
        if (year < 2024 || year > 2100) {
            return selfcheck::warn(check,
                "the clock says " + std::to_string(year)
                    + "; set the date (boards without a clock battery forget it)",
                static_cast<double>(year));
        }
        return selfcheck::pass(check, "the clock says " + std::to_string(year), static_cast<double>(year));
    };
    return checks;
}

} // namespace ck::app
