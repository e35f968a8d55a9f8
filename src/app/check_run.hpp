// One run of the self-test's checks inside the running kiosk, shown as results arrive: checks that
// may leave the UI thread run one per job on the app's BackgroundWork (the `staff` lane, after
// every visitor's kind), so a visitor's search waits for one check at most; checks that draw with
// the display's renderer run in the frame, one per frame.
#pragma once

#include "core/background_work.hpp"
#include "core/clock.hpp"
#include "core/self_check.hpp"

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace ck::app {

class CheckRun {
public:
    CheckRun(selfcheck::Checks checks, BackgroundWork& work, Millis started);

    // On the UI thread, once a frame: starts the next background check when none runs, and runs
    // the next UI-thread check.
    void advance();
    [[nodiscard]] bool done() const;
    [[nodiscard]] Millis started() const { return m_started; }
    [[nodiscard]] const selfcheck::Checks& checks() const { return m_checks; }
    // In the checks' order; nullopt for a check that has not finished.
    [[nodiscard]] std::vector<std::optional<selfcheck::Result>> results() const;

private:
    struct Shared {
        std::mutex mutex;
        std::vector<std::optional<selfcheck::Result>> results;
    };
    selfcheck::Checks m_checks;
    std::shared_ptr<Shared> m_shared;
    BackgroundWork::Lane m_lane;
    std::size_t m_next_background = 0;
    std::size_t m_next_ui = 0;
    Millis m_started;
};

} // namespace ck::app
