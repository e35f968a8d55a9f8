#include "app/idle_policy.hpp"

#include <doctest/doctest.h>

using ck::Millis;
using ck::app::IdleConfig;
using ck::app::IdlePolicy;
using Phase = ck::app::IdlePolicy::Phase;

namespace {

IdleConfig config()
{
    IdleConfig c;
    c.prompt_after = Millis { 60'000 };
    c.prompt_after_reading = Millis { 180'000 };
    c.countdown = Millis { 30'000 };
    return c;
}

} // namespace

TEST_CASE("a quiet visitor is asked whether they are still reading, then the visit expires")
{
    IdlePolicy idle(config());
    idle.activity(Millis { 1'000 });
    CHECK(idle.phase(Millis { 60'999 }) == Phase::active);
    CHECK(idle.phase(Millis { 61'000 }) == Phase::prompting);
    CHECK(idle.seconds_left(Millis { 61'000 }) == 30);
    CHECK(idle.seconds_left(Millis { 61'001 }) == 30);
    CHECK(idle.seconds_left(Millis { 62'000 }) == 29);
    CHECK(idle.phase(Millis { 90'999 }) == Phase::prompting);
    CHECK(idle.phase(Millis { 91'000 }) == Phase::expired);
}

TEST_CASE("one tap during the countdown extends the visit")
{
    IdlePolicy idle(config());
    idle.activity(Millis { 0 });
    CHECK(idle.phase(Millis { 70'000 }) == Phase::prompting);
    idle.activity(Millis { 70'000 });
    CHECK(idle.phase(Millis { 70'001 }) == Phase::active);
    CHECK(idle.phase(Millis { 129'999 }) == Phase::active);
}

TEST_CASE("reading a long cable waits longer before asking")
{
    IdlePolicy idle(config());
    idle.set_reading(true);
    idle.activity(Millis { 0 });
    CHECK(idle.phase(Millis { 120'000 }) == Phase::active);
    CHECK(idle.phase(Millis { 180'000 }) == Phase::prompting);
}

TEST_CASE("the countdown never falls below twenty seconds whatever the configuration says")
{
    IdleConfig c = config();
    c.countdown = Millis { 5'000 };
    IdlePolicy idle(c);
    idle.activity(Millis { 0 });
    CHECK(idle.phase(Millis { 79'999 }) == Phase::prompting);
    CHECK(idle.phase(Millis { 80'000 }) == Phase::expired);
}

TEST_CASE("at rest nothing is scheduled, so an unattended kiosk sleeps")
{
    IdlePolicy idle(config());
    CHECK_FALSE(idle.next_deadline(Millis { 0 }).has_value());
    CHECK(idle.phase(Millis { 10'000'000 }) == Phase::active);
    idle.activity(Millis { 5'000 });
    CHECK(idle.next_deadline(Millis { 5'000 }) == Millis { 65'000 });
    CHECK(idle.next_deadline(Millis { 65'000 }) == Millis { 66'000 });
    CHECK(idle.next_deadline(Millis { 65'250 }) == Millis { 66'000 });
    CHECK(idle.next_deadline(Millis { 94'500 }) == Millis { 95'000 });
    idle.rest();
    CHECK_FALSE(idle.next_deadline(Millis { 94'500 }).has_value());
}
