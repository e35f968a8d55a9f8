// SDL's monotonic millisecond clock, for the live kiosk. Tests and scripts use ManualClock.
#pragma once

#include "core/clock.hpp"

namespace ck::platform {

class SdlClock final : public Clock {
public:
    [[nodiscard]] Millis now() const override;
};

} // namespace ck::platform
