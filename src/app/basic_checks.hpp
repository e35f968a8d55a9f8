// A few real self-test checks the app can make on its own: the loaded pack's file, its sequence
// and cable count, and the clock's year. The composition root hands the staff mode the full list
// of `kiosk --self-test` (main/kiosk/self_test.hpp) once it exists; these keep the same ids, so
// staff and scripts read the same names either way.
#pragma once

#include "content/pack.hpp"
#include "core/self_check.hpp"

#include <cstdint>
#include <functional>

namespace ck::app {

// `pack` may be null (the out-of-order screen): the pack checks then fail with a message staff can
// act on. The checks copy what they need, so they may run on the worker after the pack is gone.
selfcheck::Checks basic_checks(const content::Pack* pack, std::function<std::int64_t()> wall_seconds);

// The year of `seconds` since 1970 (UTC).
int year_of(std::int64_t seconds);

} // namespace ck::app
