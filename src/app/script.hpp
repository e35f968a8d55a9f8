// The headless script format (one command a line, `#` comments), parsed into plain values. The
// kiosk's script runner replays them through the same path as live input; this file only reads
// text, so every malformed line gets an error naming its line before anything runs.
#pragma once

#include "core/geometry.hpp"
#include "core/result.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ck::app::script {

// Where a touch lands: logical pixels, the first visible widget whose label contains `label`
// (`tap "LABEL"`), or the widget with exactly this id (`tap @ID`, for generated scripts).
struct Target {
    bool by_label = false;
    bool by_id = false;
    Point point;
    std::string label; // or the id
};

struct Wait {
    int ms = 0;
};
struct Tap {
    Target target;
};
struct LongPress {
    Target target;
    int ms = 0;
};
struct Drag {
    Point from;
    Point to;
    int ms = 0;
    bool fling = false;
};
struct Pinch {
    Point center;
    float scale = 1;
    int ms = 0;
};
struct Back { };
struct KeyPress {
    std::string chord;
};
struct TypeText {
    std::string text;
};
struct Compose {
    std::string text;
}; // an IME composition in progress (SDL_TEXTEDITING)
struct Wheel {
    Point at;
    float dy = 0;
}; // a mouse wheel turn (desktop)
struct Shot {
    std::string name;
};
struct Dump {
    std::string name;
};
struct ExpectScreen {
    std::string name;
};
struct ExpectText {
    std::string text;
    bool present = true;
};
// Staff mode's state: "off", "pin", "locked", "pattern" (a display test pattern), "targets" (the
// touch accuracy targets), or the page showing ("checks", "display", "trace", "accuracy", "pack",
// "performance", "log", "visits", "actions").
struct ExpectStaff {
    std::string state;
};
struct Storm {
    int fingers = 10;
    int ms = 500;
    unsigned seed = 1;
}; // random multi-finger contact
struct Open {
    std::string cable; // opens a cable's reader directly (benchmarks, generated tours)
};

// A curator's pack pair arriving in the import folder, as a USB stick or the fetcher brings it.
struct Drop {
    std::string path; // PACK (with PACK.minisig beside it); a relative path starts in the working folder
};
struct ExpectPack {
    std::int64_t sequence = 0; // the release the kiosk shows
};

using Command = std::variant<Wait, Tap, LongPress, Drag, Pinch, Back, KeyPress, TypeText, Compose, Wheel,
    Shot, Dump, ExpectScreen, ExpectText, ExpectStaff, Storm, Open, Drop, ExpectPack>;

struct Line {
    std::size_t number = 0; // 1-based line in the file
    std::string text; // the line as written, for messages
    Command command;
};

// Parses a whole script; the first malformed line fails it with "NAME:LINE: what is wrong".
Result<std::vector<Line>> parse(std::string_view text, std::string_view name);

// One line (without the newline); used by parse() and by the tests.
Result<Command> parse_line(std::string_view line);

} // namespace ck::app::script
