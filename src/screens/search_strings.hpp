// The search screen's UI strings: from the pack in the visitor's language, falling back to the
// English text compiled in here, so a pack built before a key existed (or an archive pack with no
// curation at all) never shows a blank label or a raw key.
#pragma once

#include "screens/strings.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace ck::screens {

std::string search_text(const Strings& strings, std::string_view key,
    std::initializer_list<std::pair<std::string_view, std::string>> values);

// The English fallback for `key` ("" for a key this screen does not use).
std::string_view search_fallback(std::string_view key);

} // namespace ck::screens
