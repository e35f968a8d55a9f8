// Lookups are a map search per name in the pack's collection, read once when the pack opened.
#include "screens/place_names.hpp"

namespace ck::screens {

std::string place_name(const Strings& strings, std::string_view written, std::string_view shown)
{
    if (std::string local = strings.name_of(written); !local.empty()) {
        return local;
    }
    if (std::string local = strings.name_of(shown); !local.empty()) {
        return local;
    }
    return std::string(shown);
}

std::vector<std::string> place_names(
    const Strings& strings, const std::vector<std::string>& written, const std::vector<std::string>& shown)
{
    if (written.size() != shown.size()) {
        return shown;
    }
    std::vector<std::string> out;
    out.reserve(shown.size());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        out.push_back(place_name(strings, written[i], shown[i]));
    }
    return out;
}

} // namespace ck::screens
