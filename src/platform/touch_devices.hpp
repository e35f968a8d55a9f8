// The touch devices SDL sees now, by name and kind, for the staff's Touch trace screen. Plain
// strings: no SDL type leaves this folder.
#pragma once

#include <string>
#include <vector>

namespace ck::platform {

// "NAME (direct)" for each touch device; empty when there is none (a desktop, the offscreen driver).
std::vector<std::string> touch_device_names();

} // namespace ck::platform
