// The staff mode's own texts, in English and Japanese. They are compiled in, not taken from the
// pack: staff mode must read the same whatever pack is loaded, or when none could be.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace ck::app {

// `key`'s text in `lang` ("en" or "ja"; anything else reads English). An unknown key is a bug:
// it returns the key itself, which the tests look for.
std::string staff_text(std::string_view lang, std::string_view key);
// The same with {name} placeholders filled in.
std::string staff_format(std::string_view lang, std::string_view key,
    std::initializer_list<std::pair<std::string_view, std::string>> values);

} // namespace ck::app
