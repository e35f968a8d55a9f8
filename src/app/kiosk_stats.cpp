#include "app/kiosk_stats.hpp"

#include <algorithm>
#include <cmath>

namespace ck::app {

void FrameStats::add(double frame_ms, bool presented, Millis now)
{
    ++m_built;
    m_total_ms += frame_ms;
    m_recent.push_back(frame_ms);
    while (m_recent.size() > kept) {
        m_recent.pop_front();
    }
    if (presented) {
        ++m_presented;
        m_presented_at.push_back(now);
    }
    while (!m_presented_at.empty() && now - m_presented_at.front() >= Millis { 1000 }) {
        m_presented_at.pop_front();
    }
}

std::optional<double> FrameStats::quantile(double q) const
{
    if (m_recent.empty()) {
        return std::nullopt;
    }
    std::vector<double> sorted(m_recent.begin(), m_recent.end());
    std::sort(sorted.begin(), sorted.end());
    const double rank = std::clamp(q, 0.0, 1.0) * static_cast<double>(sorted.size() - 1);
    return sorted[static_cast<std::size_t>(std::lround(rank))];
}

double FrameStats::fps(Millis now) const
{
    return static_cast<double>(std::count_if(
        m_presented_at.begin(), m_presented_at.end(), [&](Millis t) { return now - t < Millis { 1000 }; }));
}

std::optional<double> VisitCounts::median_length_s() const
{
    if (lengths == 0) {
        return std::nullopt;
    }
    const std::uint64_t middle = (lengths + 1) / 2;
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < length_buckets.size(); ++i) {
        seen += length_buckets[i];
        if (seen >= middle) {
            return (static_cast<double>(i) + 0.5) * bucket_s;
        }
    }
    return static_cast<double>(length_buckets.size() * bucket_s);
}

std::vector<std::pair<std::string, std::uint64_t>> VisitCounts::most_opened(std::size_t n) const
{
    std::vector<std::pair<std::string, std::uint64_t>> all(opened_by_cable.begin(), opened_by_cable.end());
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (all.size() > n) {
        all.resize(n);
    }
    return all;
}

VisitCounts& VisitStats::today_for(int day)
{
    if (day != m_day) {
        m_today = VisitCounts {};
        m_day = day;
    }
    return m_today;
}

VisitCounts VisitStats::today(int day) const
{
    return day == m_day ? m_today : VisitCounts {};
}

void VisitStats::visit_started(Millis now, int day)
{
    m_started = now;
    ++m_all.visits;
    ++today_for(day).visits;
}

void VisitStats::visit_ended(Millis last_activity, int day)
{
    if (!m_started) {
        return;
    }
    const auto seconds = std::max<Millis::rep>(0, (last_activity - *m_started).count() / 1000);
    const std::size_t bucket = std::min<std::size_t>(
        static_cast<std::size_t>(seconds) / VisitCounts::bucket_s, m_all.length_buckets.size() - 1);
    for (VisitCounts* c : { &m_all, &today_for(day) }) {
        ++c->length_buckets[bucket];
        ++c->lengths;
    }
    m_started.reset();
}

void VisitStats::cable_opened(const std::string& id, int day)
{
    for (VisitCounts* c : { &m_all, &today_for(day) }) {
        ++c->cables_opened;
        ++c->opened_by_cable[id];
    }
}

void VisitStats::search_done(bool found_something, int day)
{
    for (VisitCounts* c : { &m_all, &today_for(day) }) {
        ++c->searches;
        if (!found_something) {
            ++c->searches_nothing_found;
        }
    }
}

} // namespace ck::app
