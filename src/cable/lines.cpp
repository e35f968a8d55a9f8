// Splitting normalized text into numbered lines.
#include "cable/lines.hpp"

#include "cable/text_util.hpp"

namespace ck::cable {

Lines split_lines(std::string_view text, std::size_t first_number)
{
    Lines lines;
    lines.reserve(text.size() / 48 + 1);
    std::size_t start = 0;
    std::size_t number = first_number;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        lines.push_back(Line { text::trim_right(text.substr(start, end - start)), number });
        ++number;
        if (end == text.size()) {
            break;
        }
        start = end + 1;
    }
    // A final newline does not start another line.
    if (!lines.empty() && lines.back().text.empty() && !text.empty() && text.back() == '\n') {
        lines.pop_back();
    }
    return lines;
}

} // namespace ck::cable
