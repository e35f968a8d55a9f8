// Loads the kiosk's typefaces (FreeType for rasterizing, HarfBuzz for shaping, both over one
// memory-mapped blob per file), builds the fallback chains, and renders single glyphs.
#include "text/font_set.hpp"

#include "core/log.hpp"
#include "text/font_internal.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace ck::text {

namespace {

constexpr char inter_dir[] = "/usr/share/fonts/opentype/inter/";
constexpr char courier_dir[] = "/usr/share/fonts/opentype/courier-prime/";

Result<Typeface> load_typeface(FT_Library library, const FontFile& file, FaceRole role, Weight weight)
{
    std::error_code ec;
    if (file.path.empty() || !std::filesystem::is_regular_file(file.path, ec)) {
        return make_error("font file not found", file.path);
    }
    Typeface face;
    face.file = file;
    face.blob.reset(hb_blob_create_from_file_or_fail(file.path.c_str()));
    if (!face.blob || hb_blob_get_length(face.blob.get()) == 0) {
        return make_error("font file cannot be read", file.path);
    }
    unsigned int length = 0;
    const char* data = hb_blob_get_data(face.blob.get(), &length);
    FT_Face ft_face = nullptr;
    if (FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(data), static_cast<FT_Long>(length),
            file.face_index, &ft_face)
        != 0) {
        return make_error("not a font FreeType can open", file.path);
    }
    face.ft_face.reset(ft_face);
    if ((ft_face->face_flags & FT_FACE_FLAG_SCALABLE) == 0) {
        return make_error("not a scalable font", file.path);
    }
    face.hb_face.reset(hb_face_create(face.blob.get(), static_cast<unsigned int>(file.face_index)));
    face.hb_font.reset(hb_font_create(face.hb_face.get()));
    const unsigned int upem = std::max(16u, hb_face_get_upem(face.hb_face.get()));
    hb_font_set_scale(face.hb_font.get(), static_cast<int>(upem), static_cast<int>(upem));
    face.units_per_em = static_cast<float>(upem);

    hb_font_extents_t extents {};
    if (hb_font_get_h_extents(face.hb_font.get(), &extents) != 0 && extents.ascender > 0) {
        face.ascender_em = static_cast<float>(extents.ascender) / face.units_per_em;
        face.descender_em = static_cast<float>(-extents.descender) / face.units_per_em;
        face.line_gap_em = static_cast<float>(std::max(0, extents.line_gap)) / face.units_per_em;
    }
    face.info.family_name = ft_face->family_name != nullptr ? ft_face->family_name : "";
    face.info.path = file.path;
    face.info.role = role;
    face.info.weight = weight;
    return face;
}

// The face of `weight` in a family, or the family's regular face when that weight is missing.
FaceId pick(const std::array<int, 4>& by_weight, Weight weight)
{
    const int id = by_weight[static_cast<std::size_t>(weight)];
    return static_cast<FaceId>(id >= 0 ? id : by_weight[0]);
}

GlyphBitmap hollow_box(float size_px)
{
    GlyphBitmap box;
    box.width = std::max(3, static_cast<int>(std::lround(size_px * 0.5f)));
    box.height = std::max(4, static_cast<int>(std::lround(size_px * 0.7f)));
    box.left = std::max(0, static_cast<int>(std::lround(size_px * 0.05f)));
    box.top = box.height;
    const int stroke = std::max(1, static_cast<int>(std::lround(size_px / 16.0f)));
    box.coverage.assign(static_cast<std::size_t>(box.width) * static_cast<std::size_t>(box.height), 0);
    for (int y = 0; y < box.height; ++y) {
        for (int x = 0; x < box.width; ++x) {
            const bool edge = x < stroke || y < stroke || x >= box.width - stroke || y >= box.height - stroke;
            box.coverage[static_cast<std::size_t>(y) * static_cast<std::size_t>(box.width)
                + static_cast<std::size_t>(x)]
                = edge ? 255 : 0;
        }
    }
    return box;
}

} // namespace

FontPaths FontPaths::debian_defaults()
{
    FontPaths paths;
    paths.sans_regular = { std::string(inter_dir) + "Inter-Regular.otf" };
    paths.sans_medium = { std::string(inter_dir) + "Inter-Medium.otf" };
    paths.sans_semibold = { std::string(inter_dir) + "Inter-SemiBold.otf" };
    paths.sans_bold = { std::string(inter_dir) + "Inter-Bold.otf" };
    paths.mono_regular = { std::string(courier_dir) + "Courier Prime.otf" };
    paths.mono_bold = { std::string(courier_dir) + "Courier Prime Bold.otf" };
    paths.fallbacks = {
        { "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf" },
        { "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0 },
    };
    return paths;
}

FontSet::FontSet(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}

FontSet::~FontSet() = default;

Result<std::unique_ptr<FontSet>> FontSet::create(const FontPaths& paths)
{
    auto impl = std::make_unique<Impl>();
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) {
        return make_error("FreeType could not start", "fonts");
    }
    impl->ft_library.reset(library);
    impl->buffer.reset(hb_buffer_create());

    // Loads a file once; the same file named twice shares one FaceId. -1 when it cannot be used.
    auto add = [&](const FontFile& file, FaceRole role, Weight weight, bool required) -> Result<int> {
        for (std::size_t i = 0; i < impl->faces.size(); ++i) {
            if (impl->faces[i].file == file) {
                return static_cast<int>(i);
            }
        }
        auto face = load_typeface(library, file, role, weight);
        if (!face) {
            if (required) {
                return face.error();
            }
            log::debug("text", "font unavailable, skipped: " + face.error().to_string());
            return -1;
        }
        impl->faces.push_back(std::move(face.value()));
        return static_cast<int>(impl->faces.size() - 1);
    };

    std::array<int, 4> sans {};
    std::array<int, 4> mono {};
    const std::array<const FontFile*, 4> sans_files { &paths.sans_regular, &paths.sans_medium,
        &paths.sans_semibold, &paths.sans_bold };
    const std::array<const FontFile*, 4> mono_files { &paths.mono_regular, &paths.mono_regular,
        &paths.mono_bold, &paths.mono_bold };
    for (std::size_t w = 0; w < 4; ++w) {
        const auto weight = static_cast<Weight>(w);
        auto s = add(*sans_files[w], FaceRole::sans, weight, w == 0);
        auto m = add(*mono_files[w], FaceRole::mono, weight, w == 0);
        if (!s) {
            return s.error();
        }
        if (!m) {
            return m.error();
        }
        sans[w] = *s;
        mono[w] = *m;
    }
    std::vector<FaceId> fallbacks;
    for (const auto& file : paths.fallbacks) {
        auto f = add(file, FaceRole::fallback, Weight::regular, false);
        if (f && *f >= 0) {
            fallbacks.push_back(static_cast<FaceId>(*f));
        }
    }
    for (std::size_t w = 0; w < 4; ++w) {
        const auto weight = static_cast<Weight>(w);
        auto& sans_chain = impl->chains[chain_index({ Family::sans, weight, 1 })];
        auto& mono_chain = impl->chains[chain_index({ Family::mono, weight, 1 })];
        sans_chain = { pick(sans, weight) };
        mono_chain = { pick(mono, weight), pick(sans, weight) };
        for (auto* chain : { &sans_chain, &mono_chain }) {
            for (FaceId f : fallbacks) {
                if (std::find(chain->begin(), chain->end(), f) == chain->end()) {
                    chain->push_back(f);
                }
            }
        }
    }
    return std::unique_ptr<FontSet>(new FontSet(std::move(impl)));
}

FontMetrics FontSet::metrics(const TextStyle& style) const
{
    const Typeface& face = m_impl->faces[primary_face(style)];
    return { face.ascender_em * style.size_px, face.descender_em * style.size_px,
        face.line_gap_em * style.size_px };
}

Layout FontSet::layout(std::string_view text, const LayoutOptions& options)
{
    return m_impl->lay_out(text, options);
}

float FontSet::measure(std::string_view text, const TextStyle& style)
{
    return m_impl->measure(text, style);
}

Result<GlyphBitmap> FontSet::rasterize(FaceId face_id, GlyphId glyph, float size_px)
{
    if (face_id >= m_impl->faces.size()) {
        return make_error("no such face", "rasterize");
    }
    Typeface& face = m_impl->faces[face_id];
    FT_Face ft = face.ft_face.get();
    const auto size_64ths
        = static_cast<std::uint32_t>(std::clamp(std::lround(size_px * 64.0f), 64L, 64L * 2048));
    if (face.ft_size_64ths != size_64ths) {
        if (FT_Set_Char_Size(ft, 0, static_cast<FT_F26Dot6>(size_64ths), 72, 72) != 0) {
            return make_error("FreeType cannot set the size", face.info.path);
        }
        face.ft_size_64ths = size_64ths;
    }
    if (FT_Load_Glyph(ft, glyph, FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP) != 0) {
        return make_error("FreeType cannot load the glyph", face.info.path);
    }
    FT_GlyphSlot slot = ft->glyph;
    if (slot->format == FT_GLYPH_FORMAT_OUTLINE && slot->outline.n_contours == 0) {
        if (glyph == 0) {
            return hollow_box(size_px); // an empty .notdef still has to show that something is missing
        }
        return GlyphBitmap {};
    }
    if (FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0) {
        return make_error("FreeType cannot render the glyph", face.info.path);
    }
    const FT_Bitmap& bitmap = slot->bitmap;
    if (bitmap.pixel_mode != FT_PIXEL_MODE_GRAY) {
        return make_error("unexpected bitmap format", face.info.path);
    }
    GlyphBitmap out;
    out.width = static_cast<int>(bitmap.width);
    out.height = static_cast<int>(bitmap.rows);
    out.left = slot->bitmap_left;
    out.top = slot->bitmap_top;
    out.coverage.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
    for (int y = 0; y < out.height; ++y) {
        const unsigned char* row = bitmap.pitch >= 0
            ? bitmap.buffer + static_cast<std::ptrdiff_t>(y) * bitmap.pitch
            : bitmap.buffer + static_cast<std::ptrdiff_t>(out.height - 1 - y) * -bitmap.pitch;
        std::copy_n(row, out.width, out.coverage.begin() + static_cast<std::ptrdiff_t>(y) * out.width);
    }
    return out;
}

std::size_t FontSet::face_count() const
{
    return m_impl->faces.size();
}

const FaceInfo& FontSet::face_info(FaceId face) const
{
    CK_ASSERT(face < m_impl->faces.size());
    return m_impl->faces[face].info;
}

FaceId FontSet::primary_face(const TextStyle& style) const
{
    return m_impl->chains[chain_index(style)].front();
}

std::vector<FaceId> FontSet::chain(const TextStyle& style) const
{
    return m_impl->chains[chain_index(style)];
}

std::optional<FaceId> FontSet::face_for(char32_t cp, const TextStyle& style) const
{
    for (const FaceId f : m_impl->chains[chain_index(style)]) {
        if (m_impl->faces[f].covers(cp)) {
            return f;
        }
    }
    return std::nullopt;
}

void FontSet::prepare_shaping()
{
    m_impl->prepare_shaping();
}

ShapeCacheStats FontSet::shape_cache_stats() const
{
    ShapeCacheStats stats = m_impl->shape_stats;
    stats.entries = m_impl->shape_cache.size();
    return stats;
}

} // namespace ck::text
