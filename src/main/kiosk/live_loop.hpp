// The live kiosk: wait for input or the next timer, let the app react, present what changed.
#pragma once

#include "app/kiosk_app.hpp"
#include "core/clock.hpp"
#include "platform/display.hpp"
#include "platform/event_pump.hpp"
#include "presenter.hpp"

namespace ck::kiosk {

// Runs until SIGTERM (the only way a kiosk stops) or until `stop_at` passes on `clock`.
// Returns the process exit code.
// `terminated`, when given, tells whether it stopped because of SIGTERM; `redraw_first` presents the
// first frame even if it did not change (a fresh start, not a continuation).
int run_live(app::KioskApp& app, platform::Display& display, platform::EventPump& pump, const Clock& clock,
    Presenter& presenter, std::optional<Millis> stop_at = std::nullopt, bool* terminated = nullptr,
    bool redraw_first = true);

} // namespace ck::kiosk
