// Encoding and line-ending normalization of cable files.
#include "cable/text_normalize.hpp"

#include "core/utf8.hpp"

#include <algorithm>

namespace ck::cable {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// Code points that never belong in displayed cable text: C1 controls, bidirectional embeddings
// and overrides (a U+202E in a subject would reverse what a visitor reads), and stray BOMs.
bool is_unwanted(char32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0xFEFF;
}

// Decides between UTF-8 and CP1252 for bytes that are not well-formed UTF-8: a file with more
// well-formed multi-byte sequences than broken ones is UTF-8 with damage, anything else is a
// single-byte legacy encoding (where a lone 0xB6 is a pilcrow, not an error).
InputEncoding classify(std::string_view bytes)
{
    std::size_t good = 0;
    std::size_t bad = 0;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const std::size_t before = pos;
        const char32_t cp = utf8::decode(bytes, pos);
        if (cp == utf8::replacement_char && pos - before == 1) {
            ++bad;
        } else {
            ++good;
        }
    }
    if (bad == 0) {
        return InputEncoding::utf8;
    }
    return good > bad ? InputEncoding::utf8_repaired : InputEncoding::cp1252;
}

// One pass over well-formed (or repaired) UTF-8: line endings, control characters, unwanted code
// points. ASCII bytes take the fast path.
void filter(std::string_view in, NormalizedText& out)
{
    std::string& text = out.text;
    text.reserve(in.size());
    std::size_t pos = 0;
    while (pos < in.size()) {
        const auto c = static_cast<unsigned char>(in[pos]);
        if (c >= 0x20 && c < 0x7F) {
            text.push_back(static_cast<char>(c));
            ++pos;
            continue;
        }
        if (c < 0x80) {
            ++pos;
            if (c == '\n' || c == '\t') {
                text.push_back(static_cast<char>(c));
            } else if (c == '\r') {
                text.push_back('\n');
                if (pos < in.size() && in[pos] == '\n') {
                    ++pos;
                }
            } else {
                ++out.dropped_controls; // NUL, form feed, vertical tab, ESC, DEL, ...
            }
            continue;
        }
        const std::size_t before = pos;
        const char32_t cp = utf8::decode(in, pos);
        if (cp == utf8::replacement_char && pos - before == 1) {
            ++out.replaced;
            utf8::append(text, cp);
        } else if (is_unwanted(cp)) {
            ++out.dropped_controls;
        } else {
            text.append(in.substr(before, pos - before));
        }
    }
}

} // namespace

NormalizedText normalize_input(std::string_view bytes)
{
    NormalizedText out;
    if (bytes.substr(0, utf8_bom.size()) == utf8_bom) {
        bytes.remove_prefix(utf8_bom.size());
        out.had_bom = true;
    }
    out.encoding = classify(bytes);
    if (out.encoding == InputEncoding::cp1252) {
        filter(utf8::from_cp1252(bytes), out);
    } else {
        filter(bytes, out);
    }
    return out;
}

bool looks_binary(std::string_view bytes)
{
    constexpr std::size_t sample_bytes = 64 * 1024;
    const std::string_view sample = bytes.substr(0, std::min(bytes.size(), sample_bytes));
    std::size_t controls = 0;
    for (const char ch : sample) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') {
            ++controls;
        }
    }
    // Real cables carry the odd NUL or escape; a tenth of the bytes is an executable or an image.
    return !sample.empty() && controls * 10 > sample.size();
}

} // namespace ck::cable
