// The staff mode's "Save a report": the last self-test run as the documented JSON report and a
// picture of each staff screen, drawn by the kiosk's own renderer, in a new folder of the import
// folder (a USB stick mounted there takes it away). Runs on the frame loop between two frames.
#pragma once

#include "app/kiosk_app.hpp"
#include "platform/display.hpp"
#include "presenter.hpp"

#include <string>

namespace ck::kiosk {

// Saves the report if staff asked for one, and tells staff mode where it went (or why not).
void save_staff_report_if_asked(app::KioskApp& app, platform::Display& display, Presenter& presenter);

} // namespace ck::kiosk
