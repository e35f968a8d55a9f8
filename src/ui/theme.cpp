// Colour values chosen so every text/background pair used on screen reaches WCAG AAA (7:1);
// tests/ui computes the ratios from these values rather than trusting this comment.
#include "ui/theme.hpp"

namespace ck::ui {
namespace {

Palette paper_palette()
{
    return Palette {
        .paper = Color::hex(0xF4EFE4),
        .card = Color::hex(0xFBF8F1),
        .bar = Color::hex(0xEAE3D3),
        .ink = Color::hex(0x1C1B19),
        .secondary = Color::hex(0x4A463F),
        .rule = Color::hex(0xD3CAB6),
        .accent = Color::hex(0x0B4F5C),
        .accent_soft = Color::hex(0xE1EBEA),
        .on_accent = Color::hex(0xFFFFFF),
        .disabled = Color::hex(0x8C857A),
        .highlight = Color::hex(0xFFE27A),
        .scrim = Color { 0x1C, 0x1B, 0x19, 150 },
    };
}

// Pure black on white; the accent, highlight and banners stay, every grey but the disabled one goes.
// There is no soft tint here (white on white): selected and pressed states show by their marks.
Palette high_contrast_palette()
{
    return Palette {
        .paper = Color::hex(0xFFFFFF),
        .card = Color::hex(0xFFFFFF),
        .bar = Color::hex(0xFFFFFF),
        .ink = Color::hex(0x000000),
        .secondary = Color::hex(0x000000),
        .rule = Color::hex(0x000000),
        .accent = Color::hex(0x0B4F5C),
        .accent_soft = Color::hex(0xFFFFFF),
        .on_accent = Color::hex(0xFFFFFF),
        .disabled = Color::hex(0x6F6F6F), // the one grey left: "off" must not look like black "on"
        .highlight = Color::hex(0xFFE27A),
        .scrim = Color { 0, 0, 0, 190 },
    };
}

} // namespace

Theme::Theme(float dpi, ContrastMode contrast, TextScale scale)
    : m_dpi(dpi)
    , m_contrast(contrast)
    , m_scale(scale)
    , m_palette(contrast == ContrastMode::high ? high_contrast_palette() : paper_palette())
{
}

BannerColors Theme::banner(std::string_view classification) const
{
    const Color white = Color::hex(0xFFFFFF);
    if (classification.starts_with("TOP SECRET")) {
        return { Color::hex(0xF2A33A), Color::hex(0x1C1B19) };
    }
    if (classification.starts_with("SECRET")) {
        return { Color::hex(0x9B1B1B), white };
    }
    if (classification.starts_with("CONFIDENTIAL")) {
        return { Color::hex(0x1F4FA0), white };
    }
    if (classification.starts_with("UNCLASSIFIED")) {
        return { Color::hex(0x1B5E20), white };
    }
    // Limited Official Use, caveat-only markings and documents with no marking at all.
    return { Color::hex(0x4D4D4D), white };
}

} // namespace ck::ui
