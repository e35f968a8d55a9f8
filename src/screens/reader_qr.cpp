// The QR block's layout: a card holding the light tile and, beside it (or under it, in a column
// too narrow for both), the caption and the page's host name. Modules are snapped to the screen's
// pixel grid, and each row's run of dark modules is one rectangle, so the code costs a few
// hundred quads and never blurs, whatever the scroll offset.
#include "screens/reader_qr.hpp"

#include "core/log.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace ck::screens {
namespace {

// The code is printed, not themed: a camera needs dark modules on a light ground, so the tile
// stays white and the modules near-black in every theme, the dark and high-contrast ones too.
constexpr ui::Color tile_light = ui::Color::hex(0xFFFFFF);
constexpr ui::Color module_dark = ui::Color::hex(0x111111);

// "cablegate.wikileaks.org" from "https://cablegate.wikileaks.org/cable/...": where the phone goes.
std::string host_of(const std::string& url)
{
    const auto start = url.find("://");
    const std::size_t from = start == std::string::npos ? 0 : start + 3;
    const std::string host = url.substr(from, url.find('/', from) - from);
    return host.rfind("www.", 0) == 0 ? host.substr(4) : host;
}

} // namespace

struct ReaderQr::Metrics {
    float pad = 0;
    float gap = 0;
    float rule = 1;
    float corner = 0;
    float min_caption_w = 0; // narrower than this beside the tile, the caption goes under it
    ui::TextSpec caption;
    ui::TextSpec host;
    ui::Palette palette;

    explicit Metrics(const ui::Theme& t)
        : pad(t.px(5))
        , gap(t.px(5))
        , rule(std::max(1.0f, t.px(0.25f)))
        , corner(t.px(t.spacing().corner_mm))
        , min_caption_w(t.px(45))
        , palette(t.palette())
    {
        caption.style = { text::Family::sans, text::Weight::semibold, t.text_px(t.type().ui_mm * 0.9f) };
        caption.color = palette.ink;
        caption.background = palette.card;
        caption.line_height = 1.35f;
        host = caption;
        caption.balanced = true; // two even lines rather than a word alone on the second
        host.style = { text::Family::sans, text::Weight::regular, t.text_px(t.type().caption_mm) };
        host.color = palette.secondary;
    }
};

std::unique_ptr<ReaderQr> ReaderQr::make(content::Pack& pack, const std::string& cable_id)
{
    auto url = pack.permalink(cable_id);
    if (!url) {
        log::warning(
            "reader", "the permalink of " + cable_id + " cannot be read: " + url.error().to_string());
        return nullptr;
    }
    if (!*url) {
        return nullptr;
    }
    auto code = qr::encode(**url);
    if (!code) {
        log::warning(
            "reader", "the permalink of " + cable_id + " cannot be encoded: " + code.error().message);
        return nullptr;
    }
    return std::unique_ptr<ReaderQr>(new ReaderQr(std::move(**url), std::move(*code)));
}

ReaderQr::ReaderQr(std::string url, qr::QrCode code)
    : m_url(std::move(url))
    , m_code(std::move(code))
{
}

int ReaderQr::module_px(float px_per_mm, int modules)
{
    const float n = static_cast<float>(std::max(1, modules));
    int px = static_cast<int>(std::ceil(min_width_mm * px_per_mm / n));
    if (static_cast<float>(px) * n > max_width_mm * px_per_mm) {
        px -= 1;
    }
    return std::max(2, px);
}

float ReaderQr::measure(ui::Canvas& canvas, const Env& env, float width) const
{
    return lay_out(canvas, env, { 0, 0, width, 0 }, false);
}

float ReaderQr::build(ui::Canvas& canvas, const Env& env, Rect column) const
{
    return lay_out(canvas, env, column, true);
}

float ReaderQr::lay_out(ui::Canvas& canvas, const Env& env, Rect column, bool draw) const
{
    const ui::Theme& t = canvas.theme();
    const Metrics m(t);
    const int total = m_code.size + 2 * qr::quiet_zone_modules;
    const int module = module_px(t.px(1.0f), total);
    const float tile = static_cast<float>(module * total);
    const std::string caption = env.strings.get("reader.qr_caption");
    const std::string host = host_of(m_url);
    const float beside_w = column.w - 2 * m.pad - tile - m.gap;
    const bool beside = beside_w >= m.min_caption_w;
    const float text_w = beside ? beside_w : column.w - 2 * m.pad;
    const auto measure_text = [&](const std::string& s, const ui::TextSpec& spec) {
        return canvas
            .layout(s, spec.style, text_w, text::WrapMode::words, text::Align::start, spec.line_height)
            ->size()
            .h;
    };
    const float text_h = measure_text(caption, m.caption) + t.px(1.2f) + measure_text(host, m.host);
    const float inner_h = beside ? std::max(tile, text_h) : tile + m.gap + text_h;
    const float height = std::ceil(inner_h + 2 * m.pad);
    if (!draw) {
        return height;
    }
    const Rect card { column.x, column.y, column.w, height };
    canvas.draw().fill_rounded_rect(card, m.corner, m.palette.card);
    canvas.draw().stroke_rounded_rect(card, m.corner, m.rule, m.palette.rule);
    const Point tile_at { card.x + m.pad, card.y + m.pad + (beside ? (inner_h - tile) / 2 : 0) };
    draw_code(canvas, tile_at, module);
    Point text_at = beside ? Point { tile_at.x + tile + m.gap, card.y + m.pad + (inner_h - text_h) / 2 }
                           : Point { card.x + m.pad, tile_at.y + tile + m.gap };
    text_at.y += canvas.text("reader.qr_caption", caption, text_at, text_w, m.caption).h + t.px(1.2f);
    canvas.text("reader.qr_host", host, text_at, text_w, m.host);
    return height;
}

void ReaderQr::draw_code(ui::Canvas& canvas, Point at, int module) const
{
    // Snap the tile's corner to a whole screen pixel (the draw offset of a scroll view or a sliding
    // screen may not be whole), so every module edge falls on the pixel grid.
    const Point offset = canvas.draw().offset();
    const float x0 = std::round(offset.x + at.x) - offset.x;
    const float y0 = std::round(offset.y + at.y) - offset.y;
    const int total = m_code.size + 2 * qr::quiet_zone_modules;
    const auto m = static_cast<float>(module);
    const Rect tile { x0, y0, m * static_cast<float>(total), m * static_cast<float>(total) };
    canvas.draw().fill_rect(tile, tile_light);
    const float origin_x = x0 + m * qr::quiet_zone_modules;
    const float origin_y = y0 + m * qr::quiet_zone_modules;
    for (int y = 0; y < m_code.size; ++y) {
        for (int x = 0; x < m_code.size;) {
            if (!m_code.dark(x, y)) {
                ++x;
                continue;
            }
            const int run_start = x;
            while (x < m_code.size && m_code.dark(x, y)) {
                ++x;
            }
            canvas.draw().fill_rect(
                { origin_x + m * static_cast<float>(run_start), origin_y + m * static_cast<float>(y),
                    m * static_cast<float>(x - run_start), m },
                module_dark);
        }
    }
    ui::Widget w;
    w.id = "reader.qr";
    w.role = ui::Role::region;
    w.label = "QR code: " + m_url;
    w.rect = tile.translated(offset.x, offset.y);
    canvas.add_widget(std::move(w));
}

} // namespace ck::screens
