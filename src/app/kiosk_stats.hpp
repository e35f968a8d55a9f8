// What the running kiosk counts for staff and for the metrics file: frame times, and visits as
// plain counts. Kept in memory only. No text a visitor typed, and nothing that tells one visit from
// another: visits are counted, their lengths go into 5-second buckets, cables are counted by id (an
// exhibit's cables are public), searches only as "one more" and "one more that found nothing".
// Pure: times and the day are passed in.
#pragma once

#include "core/clock.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ck::app {

// The last frames' times (CPU time to advance, build and draw one frame) and how many were
// presented.
class FrameStats {
public:
    static constexpr std::size_t kept = 300;

    void add(double frame_ms, bool presented, Millis now);
    [[nodiscard]] const std::deque<double>& recent_ms() const { return m_recent; }
    // The q-quantile (0..1) of the kept frames, nullopt when none.
    [[nodiscard]] std::optional<double> quantile(double q) const;
    // Frames presented in the last second before `now`.
    [[nodiscard]] double fps(Millis now) const;
    [[nodiscard]] std::uint64_t presented() const { return m_presented; }
    [[nodiscard]] std::uint64_t built() const { return m_built; }
    [[nodiscard]] double total_ms() const { return m_total_ms; }

private:
    std::deque<double> m_recent;
    std::deque<Millis> m_presented_at;
    std::uint64_t m_presented = 0;
    std::uint64_t m_built = 0;
    double m_total_ms = 0;
};

// Counts over one span (since start, or one day).
struct VisitCounts {
    std::uint64_t visits = 0;
    std::uint64_t cables_opened = 0;
    std::uint64_t searches = 0;
    std::uint64_t searches_nothing_found = 0;
    std::map<std::string, std::uint64_t> opened_by_cable;
    static constexpr std::size_t bucket_s = 5;
    std::array<std::uint32_t, 720> length_buckets {}; // 5 s buckets up to an hour; the last holds longer
    std::uint64_t lengths = 0;

    // The median visit length in seconds (the middle of its bucket), nullopt before any visit ended.
    [[nodiscard]] std::optional<double> median_length_s() const;
    // The `n` most opened cables, most first (ties by id).
    [[nodiscard]] std::vector<std::pair<std::string, std::uint64_t>> most_opened(std::size_t n) const;
};

class VisitStats {
public:
    // `day` is a day number (days since 1970 in local time), from the composition root.
    void visit_started(Millis now, int day);
    // The visit ended (idle reset); its length runs from its start to its last touch.
    void visit_ended(Millis last_activity, int day);
    void cable_opened(const std::string& id, int day);
    void search_done(bool found_something, int day);

    [[nodiscard]] const VisitCounts& since_start() const { return m_all; }
    // Today's counts (empty when `day` is not the day they were counted on).
    [[nodiscard]] VisitCounts today(int day) const;
    [[nodiscard]] bool in_visit() const { return m_started.has_value(); }

private:
    VisitCounts& today_for(int day);

    VisitCounts m_all;
    VisitCounts m_today;
    int m_day = -1;
    std::optional<Millis> m_started;
};

} // namespace ck::app
