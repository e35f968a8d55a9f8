// A renderer's frame streamed into a PNG a band of rows at a time (Display::write_png), read back
// the fastest way the renderer allows. Private to the platform layer.
#pragma once

#include "core/result.hpp"
#include "platform/rotation.hpp"

#include <SDL2/SDL.h>

#include <string>

namespace ck::platform {

// Writes the frame `r` holds (drawn through `view`) as an upright PNG of the logical size; the file
// appears whole or not at all. `target`: the surface a software renderer draws into (its pixel
// order is read back as it is), or null.
Status write_frame_png(
    SDL_Renderer* r, const SDL_Surface* target, const ViewTransform& view, const std::string& path);

} // namespace ck::platform
