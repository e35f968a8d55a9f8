#include "platform/touch_devices.hpp"

#include <SDL2/SDL.h>

namespace ck::platform {

std::vector<std::string> touch_device_names()
{
    std::vector<std::string> names;
    const int count = SDL_GetNumTouchDevices();
    for (int i = 0; i < count; ++i) {
        const SDL_TouchID id = SDL_GetTouchDevice(i);
        const char* name = SDL_GetTouchName(i);
        std::string kind;
        switch (SDL_GetTouchDeviceType(id)) {
        case SDL_TOUCH_DEVICE_DIRECT:
            kind = "direct";
            break;
        case SDL_TOUCH_DEVICE_INDIRECT_ABSOLUTE:
            kind = "indirect, absolute";
            break;
        case SDL_TOUCH_DEVICE_INDIRECT_RELATIVE:
            kind = "indirect, relative";
            break;
        case SDL_TOUCH_DEVICE_INVALID:
            kind = "unknown kind";
            break;
        }
        names.push_back(std::string(name != nullptr && *name != '\0' ? name : "unnamed") + " (" + kind + ")");
    }
    return names;
}

} // namespace ck::platform
