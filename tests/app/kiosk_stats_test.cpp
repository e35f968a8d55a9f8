// The counts staff see and the metrics carry: frame-time quantiles and fps, visits in 5-second
// buckets, the most opened cables, and today's counts starting over on a new day.
#include "app/kiosk_metrics.hpp"
#include "app/kiosk_stats.hpp"

#include <doctest/doctest.h>

using ck::Millis;
using ck::app::FrameStats;
using ck::app::VisitStats;

TEST_CASE("frame-time quantiles cover only the last 300 frames, and fps counts the last second")
{
    FrameStats f;
    for (int i = 0; i < 300; ++i) {
        f.add(100.0, false, Millis { i });
    }
    for (int i = 1; i <= 300; ++i) {
        f.add(static_cast<double>(i), i % 2 == 0, Millis { 1000 + i * 10 });
    }
    CHECK(f.recent_ms().size() == 300);
    CHECK(*f.quantile(0.0) == 1.0);
    CHECK(*f.quantile(1.0) == 300.0);
    CHECK(*f.quantile(0.5) == doctest::Approx(150.0).epsilon(0.01));
    CHECK(f.built() == 600);
    CHECK(f.presented() == 150);
    // Presented frames in the last second: every other one of the last 100 frames (10 ms apart).
    CHECK(f.fps(Millis { 4000 }) == 50);
}

TEST_CASE("the median visit length comes from 5-second buckets, and a visit ends at its last touch")
{
    VisitStats v;
    const int lengths_s[] = { 12, 40, 300, 41, 7 };
    Millis now { 0 };
    for (const int s : lengths_s) {
        v.visit_started(now, 1);
        v.visit_ended(now + Millis { s * 1000 }, 1);
        now += Millis { 1'000'000 };
    }
    CHECK(v.since_start().visits == 5);
    REQUIRE(v.since_start().median_length_s().has_value());
    CHECK(*v.since_start().median_length_s() == 42.5); // 40 and 41 share the 40-45 s bucket
}

TEST_CASE("the ten most opened cables are counted by id, most first")
{
    VisitStats v;
    for (int i = 0; i < 12; ++i) {
        for (int n = 0; n <= i; ++n) {
            v.cable_opened("C" + std::to_string(i), 1);
        }
    }
    const auto top = v.since_start().most_opened(10);
    REQUIRE(top.size() == 10);
    CHECK(top.front().first == "C11");
    CHECK(top.front().second == 12);
    CHECK(top.back().first == "C2");
    CHECK(v.since_start().cables_opened == 78);
}

TEST_CASE("today's counts start over on a new day while the counts since start go on")
{
    VisitStats v;
    v.visit_started(Millis { 0 }, 100);
    v.search_done(false, 100);
    v.search_done(true, 100);
    CHECK(v.today(100).searches == 2);
    CHECK(v.today(100).searches_nothing_found == 1);
    v.visit_started(Millis { 10 }, 101);
    CHECK(v.today(101).visits == 1);
    CHECK(v.today(101).searches == 0);
    CHECK(v.today(100).visits == 0); // yesterday is gone
    CHECK(v.since_start().visits == 2);
    CHECK(v.since_start().searches == 2);
}

TEST_CASE("the metrics text names every family once, escapes label values and counts in seconds")
{
    FrameStats f;
    f.add(4.0, true, Millis { 0 });
    f.add(8.0, true, Millis { 10 });
    ck::app::MetricsInput in;
    in.start_time_s = 1'700'000'000;
    in.frames = &f;
    in.pack_sequence = 7;
    in.errors_by_kind = { { "odd\"kind", 2 } };
    ck::selfcheck::Result r;
    r.id = "pack.signature";
    r.status = ck::selfcheck::Status::fail;
    in.self_test = { r };
    const std::string text = ck::app::metrics_text(in);
    CHECK(text.find("cable_kiosk_start_time_seconds 1700000000\n") != std::string::npos);
    CHECK(text.find("cable_kiosk_frame_time_seconds_sum 0.012\n") != std::string::npos);
    CHECK(text.find("cable_kiosk_frame_time_seconds_count 2\n") != std::string::npos);
    CHECK(text.find("cable_kiosk_frames_presented_total 2\n") != std::string::npos);
    CHECK(text.find("cable_kiosk_pack_sequence 7\n") != std::string::npos);
    CHECK(text.find("cable_kiosk_errors_total{kind=\"odd\\\"kind\"} 2\n") != std::string::npos);
    CHECK(text.find("cable_kiosk_selftest_check_ok{check=\"pack.signature\"} 0\n") != std::string::npos);
    CHECK(text.find("cable_kiosk_selftest_check_status{check=\"pack.signature\",status=\"fail\"} 1\n")
        != std::string::npos);
    std::size_t helps = 0;
    for (std::size_t at = text.find("# HELP cable_kiosk_visits_total"); at != std::string::npos;
         at = text.find("# HELP cable_kiosk_visits_total", at + 1)) {
        ++helps;
    }
    CHECK(helps == 1);
}
