// Makes a screen by id. The app knows screens only through this and screen.hpp.
#pragma once

#include "screens/screen.hpp"

#include <memory>
#include <string>

namespace ck::screens {

// `arg` is a section id, cable id or search text; `number` a year. Returns null for a screen
// that cannot be made (e.g. no pack).
std::unique_ptr<Screen> make_screen(ScreenId id, const std::string& arg, int number, content::Pack* pack);

} // namespace ck::screens
