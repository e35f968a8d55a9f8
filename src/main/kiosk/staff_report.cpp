#include "staff_report.hpp"

#include "content/atomic_file.hpp"
#include "core/log.hpp"
#include "platform/image.hpp"
#include "self_test.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>

namespace ck::kiosk {

namespace {

std::string stamp_now()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc {};
    gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &utc);
    return buf;
}

Result<int> write_report(
    app::KioskApp& app, platform::Display& display, Presenter& presenter, const std::filesystem::path& folder)
{
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        return make_error("cannot make the folder: " + ec.message(), folder.string());
    }
    SelfTestRun run;
    run.started = std::chrono::system_clock::now();
    run.results = app.staff().last_results();
    if (auto written = content::write_file_atomically(folder / "self-test.json", report_json(run));
        !written) {
        return written.error();
    }
    int files = 1;
    app::StaffMode& staff = app.staff();
    const app::StaffPage shown = staff.page();
    for (int i = 0; i < app::staff_page_count; ++i) {
        const auto page = static_cast<app::StaffPage>(i);
        staff.show_page(page);
        if (auto drawn = presenter.hold(app.build(display.logical_size())); !drawn) {
            staff.show_page(shown);
            return drawn.error();
        }
        const auto png = folder / (std::to_string(i + 1) + "-" + std::string(app::name(page)) + ".png");
        if (auto written = display.write_png(png.string()); !written) {
            staff.show_page(shown);
            return written.error();
        }
        ++files;
    }
    staff.show_page(shown);
    return files;
}

} // namespace

void save_staff_report_if_asked(app::KioskApp& app, platform::Display& display, Presenter& presenter)
{
    if (!app.take_staff_report_request()) {
        return;
    }
    const std::filesystem::path dir = app.staff().services().report_dir;
    const std::filesystem::path folder = dir / ("staff-report-" + stamp_now());
    auto saved = write_report(app, display, presenter, folder);
    if (!saved) {
        log::error("staff", "the staff report cannot be saved: " + saved.error().to_string());
        app.staff().report_saved("Not saved: " + saved.error().to_string());
        return;
    }
    log::info("staff", "staff report saved: " + folder.string());
    app.staff().report_saved("Saved " + std::to_string(*saved) + " files to " + folder.string());
}

} // namespace ck::kiosk
