// SDL_GetTicks64 never wraps (unlike SDL_GetTicks) and needs no SDL_Init.
#include "platform/sdl_clock.hpp"

#include <SDL2/SDL.h>

namespace ck::platform {

Millis SdlClock::now() const
{
    return Millis { static_cast<Millis::rep>(SDL_GetTicks64()) };
}

} // namespace ck::platform
