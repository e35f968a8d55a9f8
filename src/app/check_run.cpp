// A job captures the check by value and the shared results, so the run may be dropped (staff mode
// left, the idle reset) while a check is still running: its lane closes and the answer is dropped.
#include "app/check_run.hpp"

#include <utility>

namespace ck::app {

CheckRun::CheckRun(selfcheck::Checks checks, BackgroundWork& work, Millis started)
    : m_checks(std::move(checks))
    , m_shared(std::make_shared<Shared>())
    , m_lane(work.lane(WorkKind::staff))
    , m_started(started)
{
    m_shared->results.resize(m_checks.size());
}

void CheckRun::advance()
{
    while (m_next_ui < m_checks.size() && !m_checks[m_next_ui].on_ui_thread) {
        ++m_next_ui;
    }
    if (m_next_ui < m_checks.size()) {
        selfcheck::Result result = selfcheck::run(m_checks[m_next_ui]);
        const std::lock_guard lock(m_shared->mutex);
        m_shared->results[m_next_ui] = std::move(result);
        ++m_next_ui;
    }
    if (m_lane.pending()) {
        return;
    }
    while (m_next_background < m_checks.size() && m_checks[m_next_background].on_ui_thread) {
        ++m_next_background;
    }
    if (m_next_background < m_checks.size()) {
        const std::size_t index = m_next_background++;
        m_lane.post([shared = m_shared, check = m_checks[index], index](const JobContext& context) {
            selfcheck::Result result = selfcheck::run(check);
            if (context.cancelled()) {
                return;
            }
            {
                const std::lock_guard lock(shared->mutex);
                shared->results[index] = std::move(result);
            }
            context.ready();
        });
    }
}

bool CheckRun::done() const
{
    const std::lock_guard lock(m_shared->mutex);
    for (const auto& r : m_shared->results) {
        if (!r) {
            return false;
        }
    }
    return true;
}

std::vector<std::optional<selfcheck::Result>> CheckRun::results() const
{
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->results;
}

} // namespace ck::app
