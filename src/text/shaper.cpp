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

void FontSet::Impl::shape(
    std::size_t chain, std::u32string_view text, std::uint32_t base, std::vector<ShapedGlyph>& out)
{
    if (text.size() > max_cached_segment_chars) {
        shape_uncached(chain, text, base, out);
        return;
    }
    const ShapeKeyView key { static_cast<std::uint8_t>(chain), text };
    auto it = shape_cache.find(key);
    if (it == shape_cache.end()) {
        ++shape_stats.misses;
        if (shape_cache.size() >= max_shape_cache_entries) {
            shape_cache.clear(); // a simple bound: words come back on the next layout
        }
        std::vector<ShapedGlyph> glyphs;
        shape_uncached(chain, text, 0, glyphs);
        it = shape_cache.emplace(ShapeKey { key.chain, std::u32string(text) }, std::move(glyphs)).first;
    } else {
        ++shape_stats.hits;
    }
    for (ShapedGlyph g : it->second) {
        g.cluster += base;
        out.push_back(g);
    }
}

} // namespace ck::text
