#include "text/font_checks.hpp"

#include "core/utf8.hpp"
#include "text/layout.hpp"

#include <cstdio>
#include <map>
#include <utility>

namespace ck::text {

using selfcheck::Check;

namespace {

// Latin, figures, the marks cables use, and Japanese in both scripts: what every kiosk shows.
constexpr std::string_view sample_en
    = "CONFIDENTIAL 08 TOKYO 1723 \xE2\x80\x94 Ambassador's \xE2\x80\x9Creview\xE2\x80\x9D";
constexpr std::string_view sample_ja
    = "\xE6\x97\xA5\xE6\x9C\xAC\xE3\x81\xAE\xE5\xA4\x96\xE4\xBA\xA4 "
      "\xE3\x82\xB1\xE3\x83\xBC\xE3\x83\x96\xE3\x83\xAB"; // 日本の外交 ケーブル

std::string code_point_name(char32_t cp)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    std::string out = buf;
    out += " (";
    utf8::append(out, cp);
    out += ")";
    return out;
}

bool is_cjk(char32_t cp)
{
    return (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xFF00 && cp <= 0xFFEF)
        || (cp >= 0xF900 && cp <= 0xFAFF);
}

// How many glyphs of `text`, shaped in `style`, are a .notdef (glyph 0).
int missing_glyphs(FontSet& fonts, std::string_view text, Family family)
{
    LayoutOptions options;
    options.style = TextStyle { family, Weight::regular, 24.0f };
    const Layout layout = fonts.layout(text, options);
    int missing = 0;
    for (const auto& g : layout.glyphs()) {
        missing += g.glyph == 0 ? 1 : 0;
    }
    return layout.glyphs().empty() ? 1 : missing;
}

selfcheck::Result load(const FontPaths& paths, const Check& self)
{
    auto fonts = FontSet::create(paths);
    if (!fonts) {
        return selfcheck::fail(self,
            "the kiosk's fonts do not load: " + fonts.error().to_string()
                + "; install fonts-inter and fonts-courier-prime (the package depends on them)");
    }
    FontSet& set = **fonts;
    for (const Family family : { Family::sans, Family::mono }) {
        const char* name = family == Family::sans ? "sans (Inter)" : "mono (Courier Prime)";
        if (missing_glyphs(set, sample_en, family) > 0) {
            return selfcheck::fail(self,
                std::string("the ") + name
                    + " face shapes its sample with missing glyphs: the font file is damaged");
        }
        if (missing_glyphs(set, sample_ja, family) > 0) {
            return selfcheck::fail(self,
                std::string("no font draws Japanese in the ") + name
                    + " family: install fonts-ipaexfont-gothic (or fonts-noto-cjk)");
        }
    }
    std::string faces;
    for (std::size_t i = 0; i < set.face_count(); ++i) {
        const auto& info = set.face_info(static_cast<FaceId>(i));
        if (faces.find(info.family_name) == std::string::npos) {
            faces += (faces.empty() ? "" : ", ") + info.family_name;
        }
    }
    return selfcheck::pass(self,
        std::to_string(set.face_count()) + " faces load and shape English and Japanese: " + faces,
        static_cast<double>(set.face_count()), "faces");
}

struct Missing {
    std::string first_where;
    int uses = 0;
};

std::string describe(const std::map<char32_t, Missing>& missing)
{
    std::string out;
    int shown = 0;
    for (const auto& entry : missing) {
        if (shown == 3) {
            out += "; and " + std::to_string(missing.size() - 3) + " more";
            break;
        }
        out += (shown == 0 ? "" : "; ") + code_point_name(entry.first) + " used in "
            + entry.second.first_where
            + (entry.second.uses > 1 ? " and " + std::to_string(entry.second.uses - 1) + " more places" : "");
        ++shown;
    }
    const bool cjk = is_cjk(missing.begin()->first);
    out += cjk ? "; install fonts-ipaexfont-gothic (or fonts-noto-cjk)"
               : "; these show as empty boxes: ask the curator, or add a font that has them";
    return out;
}

selfcheck::Result coverage(const FontPaths& paths, const TextSamples& samples, const Check& self)
{
    auto fonts = FontSet::create(paths);
    if (!fonts) {
        return selfcheck::fail(self, "the fonts do not load (see fonts.load)");
    }
    auto texts = samples();
    if (!texts) {
        return selfcheck::fail(self, "the texts to check cannot be read: " + texts.error().to_string());
    }
    std::map<char32_t, Missing> missing;
    std::map<std::pair<char32_t, Family>, bool> known;
    std::size_t characters = 0;
    for (const auto& sample : *texts) {
        std::size_t pos = 0;
        while (pos < sample.text.size()) {
            const char32_t cp = utf8::decode(sample.text, pos);
            if (!needs_glyph(cp)) {
                continue;
            }
            auto [it, fresh] = known.try_emplace({ cp, sample.family }, false);
            if (fresh) {
                ++characters;
                it->second
                    = (*fonts)->face_for(cp, TextStyle { sample.family, Weight::regular, 24.0f }).has_value();
            }
            if (!it->second) {
                auto& m = missing[cp];
                if (m.uses++ == 0) {
                    m.first_where = sample.where;
                }
            }
        }
    }
    if (!missing.empty()) {
        return selfcheck::fail(self,
            std::to_string(missing.size()) + " characters have no glyph: " + describe(missing),
            static_cast<double>(missing.size()), "characters");
    }
    return selfcheck::pass(self,
        "every one of the " + std::to_string(characters)
            + " distinct characters of the pack and the UI has a glyph",
        0.0, "characters");
}

} // namespace

bool needs_glyph(char32_t cp)
{
    if (cp < 0x21 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD || cp == 0x3000) {
        return false; // controls, spaces, the soft hyphen, the ideographic space
    }
    if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x2060 && cp <= 0x206F)) {
        return false; // spaces, joiners, directional marks
    }
    if ((cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFFD) {
        return false; // variation selectors, the BOM, the replacement the sanitizer drew already
    }
    return true;
}

selfcheck::Check fonts_load_check(FontPaths paths)
{
    return selfcheck::make_check("fonts.load", "Fonts load",
        [paths = std::move(paths)](const Check& self) { return load(paths, self); });
}

selfcheck::Check fonts_coverage_check(FontPaths paths, TextSamples samples)
{
    return selfcheck::make_check("fonts.coverage", "Every character has a glyph",
        [paths = std::move(paths), samples = std::move(samples)](
            const Check& self) { return coverage(paths, samples, self); });
}

} // namespace ck::text
