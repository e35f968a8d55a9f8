// Builds layouts: cuts the text into paragraphs by wrap mode, shapes each paragraph word by word
// through the shaping cache, breaks it greedily at libunibreak's UAX #14 opportunities (between
// grapheme clusters when a word alone is wider than the column), places the glyphs, then applies
// max_lines with an ellipsis and the alignment. Runs at layout time only, never per frame.
#include "core/utf8.hpp"
#include "text/font_internal.hpp"

#include <linebreak.h>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace ck::text {

namespace {

constexpr int tab_columns = 8;
constexpr float min_size_px = 1.0f;
constexpr float max_size_px = 2048.0f;

bool is_terminator(char32_t cp)
{
    return (cp >= 0x0A && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

// Controls and bidi formatting characters: never drawn and never obeyed (there is no bidi
// reordering, so an override cannot turn a subject line around).
bool is_hidden(char32_t cp)
{
    return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

bool is_blank(char32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000 || is_hidden(cp);
}

// Spaces at the end of a line hang past the column: they take no width in fitting or alignment.
bool hangs(char32_t cp)
{
    return cp == ' ' || cp == 0x3000;
}

// Debian 12's libunibreak (1.1) aborts on an assertion for regional indicators (its pair table
// predates them) and takes U+FFFF for its end-of-text marker. Flags break like ideographs (the
// glyph cluster filter keeps a pair together) and U+FFFF like the replacement character.
char32_t unibreak_safe(char32_t cp)
{
    if (cp >= 0x1F1E6 && cp <= 0x1F1FF) {
        return 0x5B57;
    }
    return cp == 0xFFFF ? 0xFFFD : cp;
}

float sanitized(float value, float fallback, float lo, float hi)
{
    return std::isnan(value) ? fallback : std::clamp(value, lo, hi);
}

struct Cp {
    char32_t cp = 0;
    std::uint32_t byte = 0;
};

struct SourceLine {
    std::size_t begin = 0; // code point indices
    std::size_t content_end = 0;
    std::size_t end = 0; // after the terminator
};

struct Paragraph {
    std::uint32_t byte_begin = 0;
    std::uint32_t content_end = 0;
    std::uint32_t byte_end = 0;
};

} // namespace

class LayoutBuilder {
public:
    LayoutBuilder(FontSet::Impl& fonts, std::string_view text, const LayoutOptions& options);
    Layout build();
    float measure();

private:
    void decode();
    void split_lines();
    [[nodiscard]] std::uint32_t byte_of(std::size_t cp_index) const;
    [[nodiscard]] bool is_blank_line(const SourceLine& line) const;
    void preserve_paragraphs();
    void reflow_paragraphs();
    void append(char32_t cp, std::uint32_t byte);
    void shape_paragraph();
    void finish_paragraph(const Paragraph& para);
    void break_paragraph(const Paragraph& para);
    [[nodiscard]] std::size_t trimmed(std::size_t s, std::size_t e) const;
    [[nodiscard]] float width(std::size_t s, std::size_t e) const
    {
        return m_prefix[trimmed(s, e)] - m_prefix[s];
    }
    void emit_line(const Paragraph& para, std::size_t s, std::size_t e);
    void apply_ellipsis();
    void align();

    FontSet::Impl& m_fonts;
    std::string_view m_text;
    std::size_t m_chain = 0;
    float m_size_px = 16;
    float m_max_width = unlimited_width_px;
    float m_pitch = 0;
    float m_ascent = 0;
    float m_half_leading = 0;
    Layout m_layout;
    bool m_done = false;

    std::vector<Cp> m_cps;
    std::vector<SourceLine> m_source_lines;

    // The paragraph being laid out: its code points after hiding and tab expansion, the source
    // byte of each, its shaped glyphs, and (when it must wrap) pen positions and boundaries.
    std::u32string m_chars;
    std::vector<std::uint32_t> m_bytes;
    int m_column = 0;
    std::vector<ShapedGlyph> m_shaped;
    std::size_t m_glyph_cursor = 0;
    std::vector<float> m_prefix;
    std::vector<char> m_boundary;
    std::vector<char> m_breaks;
    std::vector<std::size_t> m_opportunities;
};

LayoutBuilder::LayoutBuilder(FontSet::Impl& fonts, std::string_view text, const LayoutOptions& options)
    : m_fonts(fonts)
    , m_text(text.substr(0, std::min<std::size_t>(text.size(), 0xFFFFFFF0u)))
{
    m_layout.m_options = options;
    m_layout.m_text_size = m_text.size();
    m_chain = chain_index(options.style);
    m_size_px = sanitized(options.style.size_px, 16.0f, min_size_px, max_size_px);
    m_max_width
        = std::isnan(options.max_width_px) ? unlimited_width_px : std::max(1.0f, options.max_width_px);
    const Typeface& primary = m_fonts.faces[m_fonts.chains[m_chain].front()];
    m_ascent = primary.ascender_em * m_size_px;
    const float content = (primary.ascender_em + primary.descender_em) * m_size_px;
    const float factor = sanitized(options.line_height, 0.0f, 0.0f, 10.0f);
    m_pitch = factor > 0 ? factor * m_size_px : content + primary.line_gap_em * m_size_px;
    m_half_leading = (m_pitch - content) / 2;
}

void LayoutBuilder::decode()
{
    m_cps.reserve(m_text.size());
    std::size_t pos = 0;
    while (pos < m_text.size()) {
        const auto byte = static_cast<std::uint32_t>(pos);
        const auto c = static_cast<unsigned char>(m_text[pos]);
        if (c < 0x80) {
            m_cps.push_back({ c, byte });
            ++pos;
        } else {
            m_cps.push_back({ utf8::decode(m_text, pos), byte });
        }
    }
}

void LayoutBuilder::split_lines()
{
    std::size_t begin = 0;
    for (std::size_t i = 0; i < m_cps.size(); ++i) {
        if (!is_terminator(m_cps[i].cp)) {
            continue;
        }
        std::size_t end = i + 1;
        if (m_cps[i].cp == '\r' && end < m_cps.size() && m_cps[end].cp == '\n') {
            ++end;
        }
        m_source_lines.push_back({ begin, i, end });
        begin = end;
        i = end - 1;
    }
    // A final terminator ends the last line; it does not start an empty one.
    if (begin < m_cps.size() || m_source_lines.empty()) {
        m_source_lines.push_back({ begin, m_cps.size(), m_cps.size() });
    }
}

std::uint32_t LayoutBuilder::byte_of(std::size_t cp_index) const
{
    return cp_index < m_cps.size() ? m_cps[cp_index].byte : static_cast<std::uint32_t>(m_text.size());
}

bool LayoutBuilder::is_blank_line(const SourceLine& line) const
{
    for (std::size_t i = line.begin; i < line.content_end; ++i) {
        if (!is_blank(m_cps[i].cp)) {
            return false;
        }
    }
    return true;
}

void LayoutBuilder::append(char32_t cp, std::uint32_t byte)
{
    if (is_hidden(cp)) {
        return;
    }
    if (cp == '\t') {
        const int spaces = tab_columns - m_column % tab_columns;
        for (int i = 0; i < spaces; ++i) {
            m_chars.push_back(U' ');
            m_bytes.push_back(byte);
        }
        m_column += spaces;
        return;
    }
    m_chars.push_back(cp);
    m_bytes.push_back(byte);
    ++m_column;
}

void LayoutBuilder::preserve_paragraphs()
{
    for (const SourceLine& line : m_source_lines) {
        m_chars.clear();
        m_bytes.clear();
        m_column = 0;
        for (std::size_t i = line.begin; i < line.content_end; ++i) {
            append(m_cps[i].cp, m_cps[i].byte);
        }
        finish_paragraph({ byte_of(line.begin), byte_of(line.content_end), byte_of(line.end) });
        if (m_done) {
            return;
        }
    }
}

// Paragraphs are runs of non-blank lines, joined with one space (standing for the trailing
// blanks, the terminator and the next line's indentation); a run of blank lines becomes one
// empty line.
void LayoutBuilder::reflow_paragraphs()
{
    const auto& lines = m_source_lines;
    std::size_t i = 0;
    while (i < lines.size() && !m_done) {
        m_chars.clear();
        m_bytes.clear();
        m_column = 0;
        std::size_t j = i;
        if (is_blank_line(lines[i])) {
            while (j < lines.size() && is_blank_line(lines[j])) {
                ++j;
            }
            const std::uint32_t begin = byte_of(lines[i].begin);
            finish_paragraph({ begin, begin, byte_of(lines[j - 1].end) });
            i = j;
            continue;
        }
        std::size_t previous_end = 0;
        while (j < lines.size() && !is_blank_line(lines[j])) {
            std::size_t b = lines[j].begin;
            std::size_t ce = lines[j].content_end;
            while (ce > b && is_blank(m_cps[ce - 1].cp)) {
                --ce;
            }
            if (j > i) {
                while (b < ce && is_blank(m_cps[b].cp)) {
                    ++b;
                }
                append(U' ', byte_of(previous_end));
            }
            for (std::size_t k = b; k < ce; ++k) {
                append(m_cps[k].cp, m_cps[k].byte);
            }
            previous_end = ce;
            ++j;
        }
        finish_paragraph({ byte_of(lines[i].begin), byte_of(previous_end), byte_of(lines[j - 1].end) });
        i = j;
    }
}

void LayoutBuilder::shape_paragraph()
{
    m_shaped.clear();
    m_glyph_cursor = 0;
    const std::u32string_view chars = m_chars;
    std::size_t i = 0;
    while (i < chars.size()) {
        const bool space = chars[i] == U' ';
        std::size_t j = i + 1;
        while (j < chars.size() && (chars[j] == U' ') == space) {
            ++j;
        }
        m_fonts.shape(m_chain, chars.substr(i, j - i), static_cast<std::uint32_t>(i), m_shaped);
        i = j;
    }
}

std::size_t LayoutBuilder::trimmed(std::size_t s, std::size_t e) const
{
    while (e > s && hangs(m_chars[e - 1])) {
        --e;
    }
    return e;
}

void LayoutBuilder::finish_paragraph(const Paragraph& para)
{
    shape_paragraph();
    const std::size_t n = m_chars.size();
    const std::size_t t = trimmed(0, n);
    float natural = 0;
    for (const ShapedGlyph& g : m_shaped) {
        if (g.cluster < t) {
            natural += g.advance_em;
        }
    }
    if (natural * m_size_px <= m_max_width) {
        emit_line(para, 0, n);
        return;
    }
    break_paragraph(para);
}

// Greedy breaking: each line takes the last break opportunity that still fits; when none fits
// (a word wider than the column) it takes as many whole clusters as fit, at least one.
void LayoutBuilder::break_paragraph(const Paragraph& para)
{
    const std::size_t n = m_chars.size();
    m_prefix.assign(n + 1, 0.0f);
    m_boundary.assign(n + 1, 0);
    m_boundary[0] = 1;
    m_boundary[n] = 1;
    for (const ShapedGlyph& g : m_shaped) {
        m_prefix[g.cluster + 1] += g.advance_em * m_size_px;
        m_boundary[g.cluster] = 1;
    }
    for (std::size_t i = 0; i < n; ++i) {
        m_prefix[i + 1] += m_prefix[i];
    }
    static std::once_flag unibreak_ready;
    std::call_once(unibreak_ready, [] { init_linebreak(); });
    m_breaks.assign(n, LINEBREAK_NOBREAK);
    static_assert(sizeof(char32_t) == sizeof(utf32_t));
    std::basic_string<utf32_t> utf32;
    utf32.reserve(n);
    for (const char32_t cp : m_chars) {
        utf32.push_back(unibreak_safe(cp));
    }
    set_linebreaks_utf32(utf32.data(), n, nullptr, m_breaks.data());
    m_opportunities.clear();
    for (std::size_t p = 1; p < n; ++p) {
        const char brk = m_breaks[p - 1];
        if ((brk == LINEBREAK_ALLOWBREAK || brk == LINEBREAK_MUSTBREAK) && m_boundary[p] != 0) {
            m_opportunities.push_back(p);
        }
    }
    std::size_t s = 0;
    std::size_t k = 0;
    while (!m_done) {
        if (width(s, n) <= m_max_width) {
            emit_line(para, s, n);
            return;
        }
        while (k < m_opportunities.size() && m_opportunities[k] <= s) {
            ++k;
        }
        std::size_t e = s;
        for (std::size_t kk = k; kk < m_opportunities.size() && width(s, m_opportunities[kk]) <= m_max_width;
             ++kk) {
            e = m_opportunities[kk];
        }
        if (e == s) {
            auto next = [&](std::size_t i) {
                do {
                    ++i;
                } while (i < n && m_boundary[i] == 0);
                return i;
            };
            e = next(s);
            for (std::size_t c = next(e); c < n && width(s, c) <= m_max_width; c = next(c)) {
                e = c;
            }
        }
        emit_line(para, s, e);
        s = e;
    }
}

void LayoutBuilder::emit_line(const Paragraph& para, std::size_t s, std::size_t e)
{
    auto& lines = m_layout.m_lines;
    if (m_layout.m_options.max_lines > 0
        && lines.size() == static_cast<std::size_t>(m_layout.m_options.max_lines)) {
        m_layout.m_truncated = true;
        m_done = true;
        return;
    }
    const std::size_t n = m_chars.size();
    const std::size_t t = trimmed(s, e);
    LayoutLine line;
    line.byte_begin = s == 0 ? para.byte_begin : m_bytes[s];
    line.byte_end = e == n ? para.byte_end : m_bytes[e];
    line.content_end = t == e ? (e == n ? para.content_end : m_bytes[e]) : m_bytes[t];
    line.top = static_cast<float>(lines.size()) * m_pitch;
    line.baseline = line.top + m_half_leading + m_ascent;
    line.height = m_pitch;
    line.glyph_begin = static_cast<std::uint32_t>(m_layout.m_glyphs.size());
    float pen = 0;
    while (m_glyph_cursor < m_shaped.size() && m_shaped[m_glyph_cursor].cluster < e) {
        const ShapedGlyph& g = m_shaped[m_glyph_cursor++];
        if (g.cluster < t) {
            line.width = pen + g.advance_em * m_size_px;
        }
        m_layout.m_glyphs.push_back({ g.face, g.glyph, pen + g.x_offset_em * m_size_px,
            line.baseline - g.y_offset_em * m_size_px, g.advance_em * m_size_px, m_bytes[g.cluster] });
        pen += g.advance_em * m_size_px;
    }
    line.glyph_end = static_cast<std::uint32_t>(m_layout.m_glyphs.size());
    lines.push_back(line);
}

void LayoutBuilder::apply_ellipsis()
{
    auto& glyphs = m_layout.m_glyphs;
    LayoutLine& line = m_layout.m_lines.back();
    std::vector<ShapedGlyph> shaped;
    m_fonts.shape(m_chain, U"\u2026", 0, shaped);
    float ellipsis = 0;
    for (const ShapedGlyph& g : shaped) {
        ellipsis += g.advance_em * m_size_px;
    }
    auto is_space_at = [&](std::uint32_t byte) {
        return byte < m_text.size()
            && (m_text[byte] == ' ' || m_text[byte] == '\t' || m_text.substr(byte, 3) == "\u3000");
    };
    // Drop whole clusters from the end until the ellipsis fits and the line does not end in a space.
    std::size_t end = line.glyph_end;
    float pen = 0;
    for (std::size_t i = line.glyph_begin; i < end; ++i) {
        pen += glyphs[i].advance;
    }
    std::uint32_t cut = line.content_end;
    while (end > line.glyph_begin) {
        const std::uint32_t cluster = glyphs[end - 1].cluster;
        if (pen + ellipsis <= m_max_width && !is_space_at(cluster) && cluster < cut) {
            break;
        }
        while (end > line.glyph_begin && glyphs[end - 1].cluster == cluster) {
            pen -= glyphs[--end].advance;
        }
        cut = cluster;
    }
    glyphs.resize(end);
    for (const ShapedGlyph& g : shaped) {
        glyphs.push_back({ g.face, g.glyph, pen + g.x_offset_em * m_size_px,
            line.baseline - g.y_offset_em * m_size_px, g.advance_em * m_size_px, cut });
        pen += g.advance_em * m_size_px;
    }
    line.glyph_end = static_cast<std::uint32_t>(glyphs.size());
    line.byte_end = cut;
    line.content_end = cut;
    line.width = pen;
    line.ellipsis = true;
}

void LayoutBuilder::align()
{
    float widest = 0;
    for (const LayoutLine& line : m_layout.m_lines) {
        widest = std::max(widest, line.width);
    }
    m_layout.m_size = { widest, static_cast<float>(m_layout.m_lines.size()) * m_pitch };
    const float column = std::isinf(m_max_width) ? widest : m_max_width;
    for (LayoutLine& line : m_layout.m_lines) {
        switch (m_layout.m_options.align) {
        case Align::start:
            line.x = 0;
            break;
        case Align::center:
            line.x = std::max(0.0f, (column - line.width) / 2);
            break;
        case Align::end:
            line.x = std::max(0.0f, column - line.width);
            break;
        }
        if (line.x != 0) {
            for (std::uint32_t i = line.glyph_begin; i < line.glyph_end; ++i) {
                m_layout.m_glyphs[i].x += line.x;
            }
        }
    }
}

Layout LayoutBuilder::build()
{
    decode();
    split_lines();
    m_layout.m_glyphs.reserve(m_cps.size());
    m_layout.m_lines.reserve(m_source_lines.size());
    switch (m_layout.m_options.wrap) {
    case WrapMode::words:
    case WrapMode::preserve_lines:
        preserve_paragraphs();
        break;
    case WrapMode::reflow:
        reflow_paragraphs();
        break;
    }
    if (m_layout.m_truncated) {
        apply_ellipsis();
    }
    align();
    return std::move(m_layout);
}

float LayoutBuilder::measure()
{
    decode();
    m_column = 0;
    for (const Cp& c : m_cps) {
        append(is_terminator(c.cp) ? U' ' : c.cp, c.byte);
    }
    shape_paragraph();
    const std::size_t t = trimmed(0, m_chars.size());
    float width = 0;
    for (const ShapedGlyph& g : m_shaped) {
        if (g.cluster < t) {
            width += g.advance_em * m_size_px;
        }
    }
    return width;
}

Layout FontSet::Impl::lay_out(std::string_view text, const LayoutOptions& options)
{
    return LayoutBuilder(*this, text, options).build();
}

float FontSet::Impl::measure(std::string_view text, const TextStyle& style)
{
    LayoutOptions options;
    options.style = style;
    return LayoutBuilder(*this, text, options).measure();
}

} // namespace ck::text
