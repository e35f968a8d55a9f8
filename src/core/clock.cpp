// The one real clock of the standard library; SDL's clock lives in the platform layer.
#include "core/clock.hpp"

namespace ck {

Millis SteadyClock::now() const
{
    return std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now().time_since_epoch());
}

} // namespace ck
