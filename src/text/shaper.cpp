// Shaping with HarfBuzz: text is cut into runs by font coverage (one face per grapheme cluster,
// the first in the style's chain that has all of it) and by script before shaping, so Japanese in
// a sans string shapes with the CJK face. Results are cached per word, at em scale.
#include "text/font_internal.hpp"
#include "text/grapheme_rules.hpp"

#include <algorithm>

namespace ck::text {

namespace {

constexpr std::size_t max_cached_segment_chars = 48;
constexpr std::size_t max_shape_cache_entries = 32768;

bool is_default_ignorable(char32_t cp)
{
    return cp == 0x00AD || cp == 0x034F || cp == 0x061C || (cp >= 0x115F && cp <= 0x1160)
        || (cp >= 0x17B4 && cp <= 0x17B5) || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x200B && cp <= 0x200F)
        || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164
        || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0x1BCA0 && cp <= 0x1BCA3)
        || (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE0FFF);
}

// True when the face can draw the whole cluster, composing a base with its marks (NFD "e" + U+0301
// is drawn as the face's precomposed "é") where the face lacks the separate mark.
bool covers_cluster(const Typeface& face, std::u32string_view cluster)
{
    hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
    hb_codepoint_t composed = 0;
    bool have_base = false;
    for (const char32_t cp : cluster) {
        if (is_default_ignorable(cp)) {
            continue;
        }
        if (face.covers(cp)) {
            composed = cp;
            have_base = true;
            continue;
        }
        hb_codepoint_t pair = 0;
        if (!have_base || hb_unicode_compose(unicode, composed, cp, &pair) == 0 || !face.covers(pair)) {
            return false;
        }
        composed = pair;
    }
    return true;
}

FaceId choose_face(
    const std::vector<Typeface>& faces, const std::vector<FaceId>& chain, std::u32string_view cluster)
{
    for (const FaceId f : chain) {
        if (covers_cluster(faces[f], cluster)) {
            return f;
        }
    }
    for (const FaceId f : chain) {
        if (faces[f].covers(cluster.front())) {
            return f;
        }
    }
    return chain.front(); // nothing has it: the primary face's .notdef box
}

// Kana and ideographs shape alike and mix in every Japanese sentence: one run, not one per script.
hb_script_t script_group(hb_script_t script)
{
    if (script == HB_SCRIPT_HIRAGANA || script == HB_SCRIPT_KATAKANA || script == HB_SCRIPT_BOPOMOFO) {
        return HB_SCRIPT_HAN;
    }
    return script;
}

bool is_neutral(hb_script_t script)
{
    return script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_UNKNOWN;
}

struct Run {
    std::size_t begin = 0;
    std::size_t end = 0;
    FaceId face = 0;
    hb_script_t script = HB_SCRIPT_COMMON;
};

// Cuts text into runs of one face and one script group; neutral characters (spaces, digits,
// punctuation, marks) join the run before them, or the first real script after them.
std::vector<Run> itemize(
    const std::vector<Typeface>& faces, const std::vector<FaceId>& chain, std::u32string_view text)
{
    hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
    std::vector<Run> runs;
    GraphemeSegmenter segmenter;
    std::size_t cluster_begin = 0;
    auto close_cluster = [&](std::size_t end) {
        const std::u32string_view cluster = text.substr(cluster_begin, end - cluster_begin);
        const FaceId face = choose_face(faces, chain, cluster);
        hb_script_t script = HB_SCRIPT_COMMON;
        for (const char32_t cp : cluster) {
            const hb_script_t s = script_group(hb_unicode_script(unicode, cp));
            if (!is_neutral(s)) {
                script = s;
                break;
            }
        }
        if (!runs.empty() && runs.back().face == face
            && (is_neutral(script) || is_neutral(runs.back().script) || runs.back().script == script)) {
            runs.back().end = end;
            if (is_neutral(runs.back().script)) {
                runs.back().script = script;
            }
        } else {
            runs.push_back({ cluster_begin, end, face, script });
        }
        cluster_begin = end;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (segmenter.boundary_before(text[i]) && i > 0) {
            close_cluster(i);
        }
    }
    if (!text.empty()) {
        close_cluster(text.size());
    }
    return runs;
}

// Words are short: a plain loop beats a call to memcmp.
bool equal_keys(std::u32string_view text, const char32_t* key)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != key[i]) {
            return false;
        }
    }
    return true;
}

} // namespace

void FontSet::Impl::shape_uncached(
    std::size_t chain, std::u32string_view text, std::uint32_t base, std::vector<ShapedGlyph>& out)
{
    if (text.empty()) {
        return;
    }
    std::vector<hb_codepoint_t> codepoints(text.begin(), text.end());
    hb_buffer_t* buf = buffer.get();
    for (const Run& run : itemize(faces, chains[chain], text)) {
        const Typeface& face = faces[run.face];
        hb_buffer_clear_contents(buf);
        hb_buffer_add_codepoints(buf, codepoints.data(), static_cast<int>(codepoints.size()),
            static_cast<unsigned int>(run.begin), static_cast<int>(run.end - run.begin));
        hb_buffer_set_direction(buf, HB_DIRECTION_LTR); // no bidi reordering: see the README
        hb_buffer_set_script(buf, is_neutral(run.script) ? HB_SCRIPT_LATIN : run.script);
        hb_buffer_set_language(buf, hb_language_get_default());
        hb_buffer_set_flags(buf, HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES);
        hb_shape(face.hb_font.get(), buf, nullptr, 0);
        unsigned int count = 0;
        const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
        const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
        const float per_unit = 1.0f / face.units_per_em;
        for (unsigned int i = 0; i < count; ++i) {
            out.push_back({ run.face, info[i].codepoint, static_cast<float>(pos[i].x_advance) * per_unit,
                static_cast<float>(pos[i].x_offset) * per_unit,
                static_cast<float>(pos[i].y_offset) * per_unit, info[i].cluster + base });
        }
    }
}

void FontSet::Impl::prepare_shaping()
{
    // Samples in the scripts each face is asked for (shape_uncached() sets the same properties):
    // the plans HarfBuzz caches on the face are keyed on script, direction and language.
    // (Kana shape in Han runs: script_group().)
    static constexpr std::array<std::pair<std::u32string_view, hb_script_t>, 2> samples { {
        { U"Ag 19,", HB_SCRIPT_LATIN },
        { U"\u65e5\u672c\u306e\u30ab\u30ca", HB_SCRIPT_HAN },
    } };
    hb_buffer_t* buf = buffer.get();
    for (const Typeface& face : faces) {
        for (const auto& [text, script] : samples) {
            if (script != HB_SCRIPT_LATIN && face.info.role != FaceRole::fallback) {
                continue;
            }
            const std::vector<hb_codepoint_t> codepoints(text.begin(), text.end());
            hb_buffer_clear_contents(buf);
            hb_buffer_add_codepoints(buf, codepoints.data(), static_cast<int>(codepoints.size()), 0,
                static_cast<int>(codepoints.size()));
            hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
            hb_buffer_set_script(buf, script);
            hb_buffer_set_language(buf, hb_language_get_default());
            hb_buffer_set_flags(buf, HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES);
            hb_shape(face.hb_font.get(), buf, nullptr, 0);
        }
    }
    hb_buffer_clear_contents(buf);
}

std::uint64_t ShapeCache::hash(std::uint8_t chain, std::u32string_view text)
{
    std::uint64_t h = 0xcbf29ce484222325ull ^ chain;
    for (const char32_t cp : text) {
        h = (h ^ cp) * 0x100000001b3ull;
    }
    return h ^ (h >> 29);
}

ShapeCache::Found ShapeCache::find(std::uint8_t chain, std::u32string_view text, std::uint64_t hash) const
{
    if (m_slots.empty()) {
        return {};
    }
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash & mask; m_slots[i].used; i = (i + 1) & mask) {
        const Slot& slot = m_slots[i];
        if (slot.hash == hash && slot.chain == chain && slot.key_length == text.size()
            && equal_keys(text, m_keys.data() + slot.key_offset)) {
            return { true, m_glyphs.data() + slot.glyph_offset, slot.glyph_count };
        }
    }
    return {};
}

void ShapeCache::insert(
    std::uint8_t chain, std::u32string_view text, std::uint64_t hash, const std::vector<ShapedGlyph>& glyphs)
{
    if (m_count + 1 > max_shape_cache_entries) {
        clear(); // a simple bound: words come back on the next layout
    }
    if ((m_count + 1) * 2 > m_slots.size()) {
        grow();
    }
    const Slot slot { hash, static_cast<std::uint32_t>(m_keys.size()),
        static_cast<std::uint32_t>(m_glyphs.size()), static_cast<std::uint16_t>(text.size()),
        static_cast<std::uint16_t>(glyphs.size()), chain, true };
    m_keys.insert(m_keys.end(), text.begin(), text.end());
    m_glyphs.insert(m_glyphs.end(), glyphs.begin(), glyphs.end());
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hash & mask;
    while (m_slots[i].used) {
        i = (i + 1) & mask;
    }
    m_slots[i] = slot;
    ++m_count;
}

void ShapeCache::grow()
{
    std::vector<Slot> old(std::max<std::size_t>(1024, m_slots.size() * 2));
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot& slot : old) {
        if (slot.used) {
            std::size_t i = slot.hash & mask;
            while (m_slots[i].used) {
                i = (i + 1) & mask;
            }
            m_slots[i] = slot;
        }
    }
}

void ShapeCache::clear()
{
    m_slots.clear();
    m_keys.clear();
    m_glyphs.clear();
    m_count = 0;
}

void FontSet::Impl::shape(
    std::size_t chain, std::u32string_view text, std::uint32_t base, std::vector<ShapedGlyph>& out)
{
    if (text.find_first_not_of(U' ') == std::u32string_view::npos) {
        // Spaces do not interact: each is the chain's one shaped space.
        auto& space = space_glyphs[chain];
        if (space.empty()) {
            shape_uncached(chain, U" ", 0, space);
        }
        for (std::uint32_t i = 0; i < text.size(); ++i) {
            for (ShapedGlyph g : space) {
                g.cluster = base + i;
                out.push_back(g);
            }
        }
        return;
    }
    if (text.size() > max_cached_segment_chars) {
        shape_uncached(chain, text, base, out);
        return;
    }
    const auto key_chain = static_cast<std::uint8_t>(chain);
    const std::uint64_t hash = ShapeCache::hash(key_chain, text);
    ShapeCache::Found found = shape_cache.find(key_chain, text, hash);
    if (!found.hit) {
        ++shape_stats.misses;
        std::vector<ShapedGlyph> glyphs;
        shape_uncached(chain, text, 0, glyphs);
        shape_cache.insert(key_chain, text, hash, glyphs);
        found = shape_cache.find(key_chain, text, hash);
    } else {
        ++shape_stats.hits;
    }
    const std::size_t first = out.size();
    out.insert(out.end(), found.glyphs, found.glyphs + found.count);
    for (std::size_t i = first; i < out.size(); ++i) {
        out[i].cluster += base;
    }
}

} // namespace ck::text
