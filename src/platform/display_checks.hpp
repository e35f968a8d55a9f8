// The self-test's checks of what SDL drives: renderer.readback (a frame drawn with the display's
// own renderer and read back, pixel by pixel), display.mode (the modes, the one chosen, rotation
// and DPI) and input.touch (the touchscreens the kernel lists). The display checks run on the
// thread that owns the display: the kiosk's frame loop, or the self-test's main thread.
#pragma once

#include "core/self_check.hpp"
#include "platform/display.hpp"

#include <filesystem>

namespace ck::platform {

// Draws a known pattern (solid blocks of each primary and grey, and a textured quad from a known
// atlas) into the display's back buffer, reads it back and compares. In a running kiosk the next
// frame draws over it before it is ever presented.
selfcheck::Check renderer_readback_check(Display& display);

// `configured_dpi`: the kiosk's --dpi, which sizes every touch target in millimetres.
selfcheck::Check display_mode_check(const Display& display, float configured_dpi);

// Touchscreens as the kernel lists them in `proc_root`/bus/input/devices (devices with direct
// multi-touch positions). `kiosk_mode`: none is a failure, not a warning.
selfcheck::Check input_touch_check(std::filesystem::path proc_root, bool kiosk_mode);

} // namespace ck::platform
