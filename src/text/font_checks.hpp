// The self-test's font checks. fonts.load: each face of the kiosk's set loads and shapes a sample
// in both families and in Japanese. fonts.coverage: every character the pack's text and the UI
// strings use has a glyph in the chain that draws it (mono for cables, sans for the UI), so no
// visitor ever sees a missing-glyph box. Each check loads its own FontSet from the paths, so it
// may run on the background worker while the kiosk draws with its own.
#pragma once

#include "core/result.hpp"
#include "core/self_check.hpp"
#include "text/font_set.hpp"

#include <functional>
#include <string>
#include <vector>

namespace ck::text {

// A text the kiosk shows and where it comes from ("the UI strings (ja)", "cable 08TOKYO1723").
struct TextSample {
    std::string where;
    std::string text;
    Family family = Family::sans;
};

using TextSamples = std::function<Result<std::vector<TextSample>>()>;

selfcheck::Check fonts_load_check(FontPaths paths);
selfcheck::Check fonts_coverage_check(FontPaths paths, TextSamples samples);

// Characters that draw nothing or are drawn by the layout itself (controls, spaces, joiners,
// variation selectors): never a coverage failure.
bool needs_glyph(char32_t cp);

} // namespace ck::text
