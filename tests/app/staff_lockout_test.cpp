// Wrong PINs: five lock staff entry, each lockout lasts twice the one before, a right PIN clears
// the record, and the record survives a restart (saved as text, loaded with a new clock origin).
#include "app/staff_lockout.hpp"

#include <doctest/doctest.h>

using ck::Millis;
using ck::app::StaffLockout;

namespace {

constexpr Millis minute { 60'000 };

void wrongs(StaffLockout& l, int n, Millis now)
{
    for (int i = 0; i < n; ++i) {
        l.wrong(now);
    }
}

} // namespace

TEST_CASE("four wrong PINs do not lock staff entry and the fifth locks it for a minute")
{
    StaffLockout l;
    const Millis now { 5'000 };
    wrongs(l, 4, now);
    CHECK_FALSE(l.locked(now));
    CHECK(l.failures() == 4);
    CHECK(l.wrong(now));
    CHECK(l.locked(now));
    CHECK(l.remaining(now) == minute);
    CHECK(l.locked(now + minute - Millis { 1 }));
    CHECK_FALSE(l.locked(now + minute));
}

TEST_CASE("each lockout lasts twice the one before, up to a day")
{
    StaffLockout l;
    Millis now { 0 };
    const Millis expected[] = { minute, 2 * minute, 4 * minute, 8 * minute };
    for (const Millis length : expected) {
        wrongs(l, 5, now);
        CHECK(l.remaining(now) == length);
        now += length;
        CHECK_FALSE(l.locked(now));
    }
    for (int i = 0; i < 20; ++i) {
        wrongs(l, 5, now);
        now += l.remaining(now);
    }
    wrongs(l, 5, now);
    CHECK(l.remaining(now) == Millis { 24 * 3600 * 1000 });
}

TEST_CASE("a wrong PIN typed while locked is not counted and does not lengthen the lockout")
{
    StaffLockout l;
    wrongs(l, 5, Millis { 0 });
    wrongs(l, 7, Millis { 1'000 });
    CHECK(l.remaining(Millis { 1'000 }) == minute - Millis { 1'000 });
    CHECK(l.failures() == 0);
}

TEST_CASE("the right PIN clears the wrong PINs and the doubling")
{
    StaffLockout l;
    wrongs(l, 5, Millis { 0 });
    wrongs(l, 3, minute);
    l.right();
    CHECK(l.failures() == 0);
    CHECK(l.lockouts() == 0);
    wrongs(l, 5, 2 * minute);
    CHECK(l.remaining(2 * minute) == minute);
}

TEST_CASE("a lockout survives a restart and is served again in full from the new start")
{
    StaffLockout before;
    wrongs(before, 5, Millis { 10'000 });
    wrongs(before, 5, Millis { 10'000 } + minute); // the second lockout: two minutes
    const std::string record = before.save(Millis { 10'000 } + minute + Millis { 30'000 });
    CHECK(record == "failures 0\nlockouts 2\nremaining_ms 90000\n");
    // After the restart the clock starts again anywhere.
    const Millis boot { 3'000 };
    StaffLockout after = StaffLockout::load(record, boot);
    CHECK(after.locked(boot));
    CHECK(after.remaining(boot) == Millis { 90'000 });
    CHECK(after.lockouts() == 2);
    // The next lockout keeps doubling from where it was.
    const Millis later = boot + Millis { 90'000 };
    wrongs(after, 5, later);
    CHECK(after.remaining(later) == 4 * minute);
}

TEST_CASE("wrong PINs short of a lockout are kept over a restart")
{
    StaffLockout before;
    wrongs(before, 3, Millis { 0 });
    StaffLockout after = StaffLockout::load(before.save(Millis { 0 }), Millis { 0 });
    CHECK(after.failures() == 3);
    CHECK_FALSE(after.wrong(Millis { 0 }));
    CHECK(after.wrong(Millis { 0 }));
}

TEST_CASE("a damaged lockout record locks entry for the first lockout rather than forgetting it")
{
    for (const std::string text :
        { "", "failures x", "failures 1\nlockouts 1\n", "remaining_ms -5\nfailures 0\nlockouts 0" }) {
        CAPTURE(text);
        const StaffLockout l = StaffLockout::load(text, Millis { 100 });
        CHECK(l.locked(Millis { 100 }));
        CHECK(l.remaining(Millis { 100 }) == minute);
    }
}
