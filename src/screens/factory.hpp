// Makes a screen by id. The app knows screens only through this and screen.hpp.
#pragma once

#include "core/background_work.hpp"
#include "screens/screen.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace ck::screens {

// What a screen is made with and may keep for its life. Background work comes through here, not
// through Env: a screen asks for work when it is made (a search for its initial text, the About
// counts), before any frame, and Env is the context of one frame. The app owns `work` and
// declares it before its screens, so it outlives every request they make.
struct ScreenServices {
    content::Pack* pack = nullptr; // null: only the out-of-order screen can be made
    BackgroundWork& work;
    // The largest pack whose About counts are made at once (default: the About screen's own);
    // tests lower it to send the counts to `work`.
    std::optional<std::int64_t> about_sync_facts_max;
};

// `arg` is a section id, cable id or search text; `number` a year. Returns null for a screen
// that cannot be made (e.g. no pack).
std::unique_ptr<Screen> make_screen(
    ScreenId id, const std::string& arg, int number, const ScreenServices& services);

} // namespace ck::screens
