// The kiosk app's side for staff: what it counts (searches that found something or nothing, each
// visit's last answer on the search screen once), the Prometheus text file written on the worker,
// and a new exhibit taken between visits. Split from kiosk_app.cpp, which routes input and screens.
#include "app/kiosk_app.hpp"
#include "app/kiosk_metrics.hpp"
#include "content/atomic_file.hpp"
#include "core/log.hpp"
#include "core/log_ring.hpp"

#include <utility>

namespace ck::app {

int KioskApp::today() const
{
    return m_options.staff.today ? m_options.staff.today() : 0;
}

void KioskApp::note_search_outcome(bool leaving)
{
    if (m_stack.empty()) {
        return; // the first reset, before any screen
    }
    const screens::Screen* s = &current();
    const bool on_search = !leaving && s->id() == screens::ScreenId::search;
    if (m_search_screen != nullptr && (m_search_screen != s || !on_search)) {
        // The visitor left the search screen: its last answer counts once.
        if (m_search_seen) {
            const std::pair<std::uint64_t, std::uint64_t> key { m_search_seen->screen,
                m_search_seen->answer };
            if (m_search_counted != key) {
                m_visits.search_done(m_search_seen->found, today());
                m_search_counted = key;
            }
        }
        m_search_screen = nullptr;
        m_search_seen.reset();
    }
    if (on_search) {
        if (m_search_screen != s) {
            m_search_seen.reset();
        }
        m_search_screen = s;
        if (const auto outcome = s->search_outcome()) {
            m_search_seen = outcome;
        }
    }
}

std::string KioskApp::metrics() const
{
    MetricsInput in;
    in.start_time_s = m_start_wall_s;
    in.frames = &m_frames;
    if (m_pack) {
        in.pack_sequence = m_pack->info().sequence;
    }
    in.visits = m_visits.since_start();
    if (m_options.staff.log != nullptr) {
        in.errors_by_kind = m_options.staff.log->errors_by_component();
    }
    in.self_test = m_staff->last_results();
    if (m_staff->last_results_at() && m_options.staff.wall_seconds) {
        in.self_test_time_s = m_start_wall_s + (*m_staff->last_results_at() - m_started_at).count() / 1000;
    }
    return metrics_text(in);
}

void KioskApp::tick_metrics()
{
    if (m_options.staff.metrics_file.empty() || !m_next_metrics || m_now < *m_next_metrics) {
        return;
    }
    m_next_metrics = m_now + m_options.staff.metrics_every;
    if (!m_metrics_lane) {
        m_metrics_lane = m_work.lane(WorkKind::staff);
    }
    // Written on the worker: an fsync on an SD card must not hold a frame.
    m_metrics_lane.post([path = m_options.staff.metrics_file, text = metrics()](const JobContext&) {
        if (auto written = content::write_file_atomically(path, text); !written) {
            log::error("metrics", "cannot write the metrics file: " + written.error().to_string());
        }
    });
}

void KioskApp::set_exhibit_updates(std::unique_ptr<ExhibitUpdates> updates)
{
    m_updates = std::move(updates);
    m_staff->set_updates(m_updates.get());
    if (m_updates) {
        m_updates->attach(m_work.lane(WorkKind::import));
    }
}

void KioskApp::take_new_pack()
{
    if (m_updates) {
        if (auto ready = m_updates->take_ready()) {
            m_next_pack = std::move(ready);
        }
    }
    // Never in the middle of a visit: on the attract loop with no finger down, or at once when
    // nothing could be shown before.
    const bool between_visits = current().id() == screens::ScreenId::attract && !m_transition && !m_popup
        && m_gestures.contact_count() == 0;
    if (!m_next_pack || !(between_visits || current().id() == screens::ScreenId::out_of_order)) {
        return;
    }
    // The screens point into the pack: they go before it does.
    m_stack.clear();
    m_transition.reset();
    m_pack = std::move(m_next_pack);
    reset_visit();
}

} // namespace ck::app
