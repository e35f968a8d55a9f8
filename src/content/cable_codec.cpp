// Binary staging form of a Cable: every string as a varint length and its bytes, every list as a
// varint count. A version byte leads, so a stale staging file can never be misread.
#include "content/cable_codec.hpp"

#include <cstdint>

namespace ck::content::codec {
namespace {

constexpr unsigned char codec_version = 2;

// A new field in Cable must be stored by the pack (schema, this codec, TableWriter, the reader and
// the content hash); this trips on LP64 builds when the struct changes, as a reminder. The one
// exception is Cable::confidence: a note for the curator at parse and build time, which the kiosk
// never shows, so the pack does not carry it.
static_assert(sizeof(void*) != 8 || sizeof(cable::Cable) == 648,
    "ck::cable::Cable changed: store the new field in the pack, then update this size");
static_assert(sizeof(void*) != 8 || sizeof(cable::Reference) == 128,
    "ck::cable::Reference changed: store the new field in the pack, then update this size");

class Writer {
public:
    void number(std::uint64_t v)
    {
        while (v >= 0x80) {
            m_out.push_back(static_cast<char>((v & 0x7fU) | 0x80U));
            v >>= 7U;
        }
        m_out.push_back(static_cast<char>(v));
    }
    void text(std::string_view s)
    {
        number(s.size());
        m_out.append(s);
    }
    void list(const std::vector<std::string>& items)
    {
        number(items.size());
        for (const auto& s : items) {
            text(s);
        }
    }
    std::string take() { return std::move(m_out); }
    void byte(unsigned char b) { m_out.push_back(static_cast<char>(b)); }

private:
    std::string m_out;
};

class Reader {
public:
    explicit Reader(std::string_view in)
        : m_in(in)
    {
    }
    bool number(std::uint64_t& v)
    {
        v = 0;
        for (unsigned shift = 0; shift < 64; shift += 7) {
            if (m_pos >= m_in.size()) {
                return false;
            }
            const auto b = static_cast<unsigned char>(m_in[m_pos++]);
            v |= static_cast<std::uint64_t>(b & 0x7fU) << shift;
            if ((b & 0x80U) == 0) {
                return true;
            }
        }
        return false;
    }
    bool text(std::string& s)
    {
        std::uint64_t n = 0;
        if (!number(n) || n > m_in.size() - m_pos) {
            return false;
        }
        s.assign(m_in.substr(m_pos, n));
        m_pos += n;
        return true;
    }
    bool count(std::size_t& n)
    {
        std::uint64_t v = 0;
        // A list can never have more items than bytes remain.
        if (!number(v) || v > m_in.size() - m_pos) {
            return false;
        }
        n = static_cast<std::size_t>(v);
        return true;
    }
    bool list(std::vector<std::string>& items)
    {
        std::size_t n = 0;
        if (!count(n)) {
            return false;
        }
        items.resize(n);
        for (auto& s : items) {
            if (!text(s)) {
                return false;
            }
        }
        return true;
    }
    [[nodiscard]] bool at_end() const { return m_pos == m_in.size(); }

private:
    std::string_view m_in;
    std::size_t m_pos = 0;
};

std::uint64_t pack_date(const std::optional<cable::CableDate>& date)
{
    if (!date) {
        return 0;
    }
    // Zig-zag free: every field is small and non-negative except hour/minute (-1), shifted by 1.
    return 1U + (static_cast<std::uint64_t>(date->year) << 28U)
        + (static_cast<std::uint64_t>(date->month) << 24U) + (static_cast<std::uint64_t>(date->day) << 16U)
        + (static_cast<std::uint64_t>(date->hour + 1) << 8U) + static_cast<std::uint64_t>(date->minute + 1);
}

std::optional<cable::CableDate> unpack_date(std::uint64_t v)
{
    if (v == 0) {
        return std::nullopt;
    }
    v -= 1;
    cable::CableDate d;
    d.year = static_cast<int>(v >> 28U);
    d.month = static_cast<int>((v >> 24U) & 0x0fU);
    d.day = static_cast<int>((v >> 16U) & 0xffU);
    d.hour = static_cast<int>((v >> 8U) & 0xffU) - 1;
    d.minute = static_cast<int>(v & 0xffU) - 1;
    return d;
}

} // namespace

std::string encode(const cable::Cable& c)
{
    Writer w;
    w.byte(codec_version);
    w.text(c.id);
    w.number(pack_date(c.date));
    for (const std::string* s :
        { &c.precedence, &c.from, &c.origin, &c.classification, &c.eo_line, &c.declassification, &c.subject,
            &c.classified_by, &c.signature, &c.display_text, &c.source_file }) {
        w.text(*s);
    }
    w.list(c.to);
    w.list(c.info);
    w.list(c.caveats);
    w.list(c.tags);
    w.list(c.excluded);
    w.number(c.refs.size());
    for (const auto& r : c.refs) {
        w.text(r.label);
        w.text(r.text);
        w.text(r.id);
        w.list(r.alternatives);
        w.number(static_cast<std::uint64_t>(r.kind));
    }
    w.number(c.paragraphs.size());
    for (const auto& p : c.paragraphs) {
        w.text(p.number);
        w.text(p.portion_mark);
        w.number(p.line);
    }
    w.number(c.attributes.size());
    for (const auto& a : c.attributes) {
        w.text(a.key);
        w.text(a.value);
    }
    w.number(static_cast<std::uint64_t>(c.format));
    w.number((c.ocr ? 1U : 0U) | (c.partial_extract ? 2U : 0U));
    w.number(c.source_line);
    return w.take();
}

namespace {

// Each part of a record as encode() wrote it; false on any malformed or truncated value.
bool read_header(Reader& r, cable::Cable& c)
{
    std::uint64_t date = 0;
    if (!r.text(c.id) || !r.number(date)) {
        return false;
    }
    c.date = unpack_date(date);
    for (std::string* s :
        { &c.precedence, &c.from, &c.origin, &c.classification, &c.eo_line, &c.declassification, &c.subject,
            &c.classified_by, &c.signature, &c.display_text, &c.source_file }) {
        if (!r.text(*s)) {
            return false;
        }
    }
    return r.list(c.to) && r.list(c.info) && r.list(c.caveats) && r.list(c.tags) && r.list(c.excluded);
}

bool read_refs(Reader& r, cable::Cable& c)
{
    std::size_t n = 0;
    if (!r.count(n)) {
        return false;
    }
    c.refs.resize(n);
    for (auto& ref : c.refs) {
        std::uint64_t kind = 0;
        if (!r.text(ref.label) || !r.text(ref.text) || !r.text(ref.id) || !r.list(ref.alternatives)
            || !r.number(kind) || kind > static_cast<std::uint64_t>(cable::ReferenceKind::other)) {
            return false;
        }
        ref.kind = static_cast<cable::ReferenceKind>(kind);
    }
    return true;
}

bool read_paragraphs_and_attributes(Reader& r, cable::Cable& c)
{
    std::size_t n = 0;
    if (!r.count(n)) {
        return false;
    }
    c.paragraphs.resize(n);
    for (auto& p : c.paragraphs) {
        std::uint64_t line = 0;
        if (!r.text(p.number) || !r.text(p.portion_mark) || !r.number(line)) {
            return false;
        }
        p.line = static_cast<std::size_t>(line);
    }
    if (!r.count(n)) {
        return false;
    }
    c.attributes.resize(n);
    for (auto& a : c.attributes) {
        if (!r.text(a.key) || !r.text(a.value)) {
            return false;
        }
    }
    return true;
}

// Format, flags and source line, which end the record.
bool read_trailer(Reader& r, cable::Cable& c)
{
    std::uint64_t format = 0;
    std::uint64_t flags = 0;
    std::uint64_t line = 0;
    if (!r.number(format) || !r.number(flags) || !r.number(line) || !r.at_end()
        || format > static_cast<std::uint64_t>(cable::SourceFormat::other)) {
        return false;
    }
    c.format = static_cast<cable::SourceFormat>(format);
    c.ocr = (flags & 1U) != 0;
    c.partial_extract = (flags & 2U) != 0;
    c.source_line = static_cast<std::size_t>(line);
    return true;
}

} // namespace

Result<cable::Cable> decode(std::string_view bytes)
{
    if (bytes.empty() || static_cast<unsigned char>(bytes[0]) != codec_version) {
        return make_error("corrupt staging record", "staging");
    }
    Reader r(bytes.substr(1));
    cable::Cable c;
    if (!read_header(r, c) || !read_refs(r, c) || !read_paragraphs_and_attributes(r, c)
        || !read_trailer(r, c)) {
        return make_error("corrupt staging record", "staging");
    }
    return c;
}

} // namespace ck::content::codec
