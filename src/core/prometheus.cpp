#include "core/prometheus.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace ck::prometheus {

std::string escape_label_value(std::string_view value)
{
    std::string out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '"') {
            out += "\\\"";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

std::string escape_help(std::string_view help)
{
    std::string out;
    for (const char c : help) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

std::string format_value(double value)
{
    if (std::isnan(value)) {
        return "NaN";
    }
    if (std::isinf(value)) {
        return value > 0 ? "+Inf" : "-Inf";
    }
    std::array<char, 64> buf {};
    // Whole numbers as integers: to_chars' shortest form would write 1700000000 as 1.7e+09.
    constexpr double exact_integers = 9007199254740992.0; // 2^53
    if (std::trunc(value) == value && std::fabs(value) < exact_integers) {
        const auto [end, ec]
            = std::to_chars(buf.data(), buf.data() + buf.size(), static_cast<long long>(value));
        return ec == std::errc {} ? std::string(buf.data(), end) : std::string("NaN");
    }
    const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value);
    if (ec != std::errc {}) {
        return "NaN";
    }
    return { buf.data(), end };
}

void Text::family(std::string_view name, std::string_view type, std::string_view help)
{
    m_text.append("# HELP ").append(name).append(" ").append(escape_help(help)).append("\n");
    m_text.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void Text::sample(std::string_view name, const std::vector<Label>& labels, double value)
{
    m_text.append(name);
    if (!labels.empty()) {
        m_text += '{';
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (i > 0) {
                m_text += ',';
            }
            m_text.append(labels[i].name)
                .append("=\"")
                .append(escape_label_value(labels[i].value))
                .append("\"");
        }
        m_text += '}';
    }
    m_text.append(" ").append(format_value(value)).append("\n");
}

} // namespace ck::prometheus
