// Guided tours in the app: the visit's TourWalk (core/tour_walk.hpp) moves on the reader's tour
// card and the home screen's tour cards; each stop opens the reader of its cable in place of the
// stop before (no slide: the card stays under the finger, so quick taps on Next land on Next).
#include "app/kiosk_app.hpp"

namespace ck::app {
namespace {

const content::Tour* find_tour(const content::Pack* pack, const std::string& id)
{
    if (pack == nullptr) {
        return nullptr;
    }
    for (const content::Tour& tour : pack->collection().tours) {
        if (tour.id == id) {
            return &tour;
        }
    }
    return nullptr;
}

} // namespace

void KioskApp::apply_tour(const screens::Intent& intent)
{
    using Kind = screens::Intent::Kind;
    TourWalk& walk = m_visit.tour;
    if (intent.kind == Kind::tour_leave) {
        walk.leave();
        m_tour_screen = nullptr;
        return;
    }
    if (intent.kind == Kind::start_tour) {
        const content::Tour* tour = find_tour(m_pack.get(), intent.arg);
        if (tour == nullptr || !walk.start(tour->id, tour->stops.size())) {
            return;
        }
        auto screen = make_screen(screens::ScreenId::reader, tour->stops.front().cable);
        if (!screen) {
            walk.leave();
            return;
        }
        m_visits.cable_opened(tour->stops.front().cable, today());
        push(std::move(screen));
        m_tour_screen = m_stack.back().get();
        return;
    }
    // Next and Previous come from the card of the stop on screen; any other screen on top (a
    // reference opened from a stop) has no card, so the tour moves only from its own reader.
    if (m_tour_screen != &current()) {
        return;
    }
    const bool moved = intent.kind == Kind::tour_next ? walk.next() : walk.previous();
    const content::Tour* tour = find_tour(m_pack.get(), walk.tour());
    if (!moved || tour == nullptr || walk.stop() >= tour->stops.size()) {
        return;
    }
    const std::string& cable = tour->stops[walk.stop()].cable;
    auto screen = make_screen(screens::ScreenId::reader, cable);
    if (!screen) {
        return;
    }
    m_visits.cable_opened(cable, today());
    m_transition.reset();
    m_stack.back() = std::move(screen);
    m_tour_screen = m_stack.back().get();
    ++m_navigations;
}

void KioskApp::end_tour_leaving(const screens::Screen* leaving)
{
    if (leaving != nullptr && leaving == m_tour_screen) {
        m_visit.tour.leave();
        m_tour_screen = nullptr;
    }
}

} // namespace ck::app
