// Building a frame: the chrome (banners, navigation bar), the current screen (two screens while
// one slides over the other), and the modal layers (a definition popup, the idle prompt). If the
// glyph atlas had to be cleared half way, the frame is built again so no quad points at a glyph
// that is gone.
#include "app/kiosk_app.hpp"
#include "screens/chrome.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace ck::app {
namespace {

constexpr float parallax = 0.25f; // the screen underneath moves a quarter as far

} // namespace

const ui::Canvas& KioskApp::build(Size size)
{
    m_viewport = size;
    for (int attempt = 0; attempt < 2; ++attempt) {
        // Staff screens keep one look whatever the visitor chose (large text, high contrast).
        m_canvas.begin_frame(m_staff->showing() ? m_staff_theme : *m_theme, size);
        m_canvas.set_pressed(m_pressed);
        const ui::Palette& p = m_theme->palette();
        // The renderer clears to the paper colour: no full-screen rectangle to fill.
        const Rect screen { 0, 0, size.w, size.h };
        if (m_staff->showing()) {
            // Staff mode covers everything; the visitor's screen is not built under it.
            m_staff->build(m_canvas, size,
                StaffView { m_pack.get(), m_frames, m_visits, m_text, m_options.dpi,
                    m_next_pack ? m_next_pack->info().sequence : 0 });
            if (idle_prompt_showing()) {
                build_idle_prompt(screen);
            }
            if (!m_canvas.atlas_reset_during_frame()) {
                break;
            }
            continue;
        }

        screens::Screen& s = current();
        const std::optional<std::string> banner = s.banner();
        const screens::ChromeLayout chrome
            = screens::chrome_layout(*m_theme, size, s.shows_navigation(), banner.has_value());
        m_body = chrome.body;
        const screens::Env e = env(chrome.body, size);

        const bool sliding = m_transition && !m_transition->progress.finished(m_now);
        if (sliding) {
            const float t = m_transition->progress.value(m_now);
            screens::Screen* under = nullptr;
            screens::Screen* over = nullptr;
            float under_x = 0;
            float over_x = 0;
            if (m_transition->forward) {
                under = m_stack.size() > 1 ? m_stack[m_stack.size() - 2].get() : nullptr;
                over = &s;
                under_x = -size.w * parallax * t;
                over_x = size.w * (1 - t);
            } else {
                under = &s;
                over = m_transition->leaving.get();
                under_x = -size.w * parallax * (1 - t);
                over_x = size.w * t;
            }
            // Only the current screen answers touches; the other one is drawn inert, and the
            // screen in front covers the one behind, so a tap hits what is drawn under the finger.
            if (under != nullptr) {
                m_canvas.draw().set_offset({ under_x, 0 });
                m_canvas.tree().set_inert(under != &s);
                under->build(m_canvas, e);
            }
            if (over != nullptr) {
                m_canvas.draw().set_offset({ over_x, 0 });
                m_canvas.draw().fill_rect(chrome.body, p.paper);
                m_canvas.draw().fill_rect({ chrome.body.x - 2, chrome.body.y, 2, chrome.body.h }, p.rule);
                m_canvas.tree().set_inert(false);
                m_canvas.tree().cover(chrome.body.translated(over_x, 0).intersection(chrome.body));
                m_canvas.tree().set_inert(over != &s);
                over->build(m_canvas, e);
            }
            m_canvas.tree().set_inert(false);
            m_canvas.draw().set_offset({ 0, 0 });
        } else {
            s.build(m_canvas, e);
        }

        if (banner) {
            ui::classification_banner(m_canvas, *chrome.top_banner, *banner, "banner.top");
            ui::classification_banner(m_canvas, *chrome.bottom_banner, *banner, "banner.bottom");
        }
        if (chrome.nav_bar) {
            screens::NavState nav;
            nav.can_go_back = m_stack.size() > 1 && s.id() != screens::ScreenId::home;
            nav.at_home = s.id() == screens::ScreenId::home;
            nav.at_search = s.id() == screens::ScreenId::search;
            nav.other_language_label = m_strings->get("nav.language");
            if (nav.other_language_label.empty()) {
                nav.other_language_label = m_language == "ja" ? "English" : "日本語";
            }
            nav.large_text = m_large_text;
            nav.high_contrast = m_high_contrast;
            screens::build_nav_bar(m_canvas, *chrome.nav_bar, nav, *m_strings);
        }
        if (m_popup) {
            build_popup(screen);
        }
        if (idle_prompt_showing()) {
            build_idle_prompt(screen);
        }
        if (!m_canvas.atlas_reset_during_frame()) {
            break;
        }
    }
    return m_canvas;
}

void KioskApp::build_popup(Rect area)
{
    const ui::Theme& t = *m_theme;
    const ui::Palette& p = t.palette();
    m_canvas.tree().begin_modal();
    m_canvas.draw().fill_rect(area, p.scrim);
    ui::Widget scrim;
    scrim.id = "popup.scrim";
    scrim.role = ui::Role::region;
    scrim.label = m_strings->get("reader.close");
    scrim.rect = area;
    scrim.interactive = true;
    m_canvas.add_widget(scrim);

    const float margin = t.px(t.spacing().margin_mm);
    const float width = std::min(area.w - 2 * margin, t.px(150));
    const float pad = t.px(7);
    const float inner = width - 2 * pad;
    const text::TextStyle title_style { text::Family::sans, text::Weight::bold,
        t.text_px(t.type().subheading_mm) };
    const text::TextStyle body_style { text::Family::sans, text::Weight::regular, t.text_px(t.type().ui_mm) };
    const auto title = m_canvas.layout(m_popup->title, title_style, inner);
    const auto body
        = m_canvas.layout(m_popup->body, body_style, inner, text::WrapMode::words, text::Align::start, 1.4f);
    const float button_h = t.px(t.spacing().primary_target_mm);
    const float gap = t.px(t.spacing().gap_mm);
    const float height = pad + (m_popup->title.empty() ? 0 : title->size().h + gap) + body->size().h + 2 * gap
        + button_h + pad;
    const Rect card { area.center().x - width / 2, area.center().y - height / 2, width, height };
    m_canvas.draw().fill_rounded_rect(card, t.px(t.spacing().corner_mm * 1.5f), p.card);

    ui::Widget dialog;
    dialog.id = "popup";
    dialog.role = ui::Role::dialog;
    dialog.label = m_popup->title.empty() ? m_popup->body : m_popup->title;
    dialog.rect = card;
    m_canvas.add_widget(dialog);

    float y = card.y + pad;
    ui::TextSpec spec;
    spec.background = p.card;
    if (!m_popup->title.empty()) {
        spec.style = title_style;
        spec.color = p.ink;
        spec.role = ui::Role::heading;
        y += m_canvas.text("popup.title", m_popup->title, { card.x + pad, y }, inner, spec).h + gap;
    }
    spec.style = body_style;
    spec.color = p.ink;
    spec.role = ui::Role::text;
    spec.line_height = 1.4f;
    y += m_canvas.text("popup.body", m_popup->body, { card.x + pad, y }, inner, spec).h + 2 * gap;

    ui::ButtonSpec close;
    close.id = "popup.close";
    close.label = m_strings->get("reader.close");
    close.icon = ui::Icon::close;
    close.look = ui::Look::filled;
    close.rect = { card.right() - pad - std::max(t.px(36), ui::button_width(m_canvas, close)), y,
        std::max(t.px(36), ui::button_width(m_canvas, close)), button_h };
    ui::button(m_canvas, close);
    if (!m_popup->action_label.empty()) {
        ui::ButtonSpec action;
        action.id = "popup.action";
        action.label = m_popup->action_label;
        action.look = ui::Look::outline;
        action.rect = { card.x + pad, y, ui::button_width(m_canvas, action), button_h };
        ui::button(m_canvas, action);
    }
}

void KioskApp::build_idle_prompt(Rect area)
{
    const ui::Theme& t = *m_theme;
    const ui::Palette& p = t.palette();
    m_canvas.tree().begin_modal();
    m_canvas.draw().fill_rect(area, p.scrim);
    const float width = std::min(area.w - 2 * t.px(t.spacing().margin_mm), t.px(140));
    const float pad = t.px(8);
    const float inner = width - 2 * pad;
    const float button_h = t.px(t.spacing().primary_target_mm + 2);
    const text::TextStyle heading { text::Family::sans, text::Weight::bold, t.text_px(t.type().heading_mm) };
    const text::TextStyle body { text::Family::sans, text::Weight::regular, t.text_px(t.type().ui_mm) };
    const std::string title = m_strings->get("idle.still_reading");
    const std::string line
        = m_strings->format("idle.returning", { { "s", std::to_string(m_idle.seconds_left(m_now)) } });
    const auto title_l = m_canvas.layout(title, heading, inner, text::WrapMode::words, text::Align::center);
    const auto line_l = m_canvas.layout(line, body, inner, text::WrapMode::words, text::Align::center);
    const float gap = t.px(t.spacing().gap_mm);
    const float height = pad + title_l->size().h + gap + line_l->size().h + 2 * gap + button_h + pad;
    const Rect card { area.center().x - width / 2, area.center().y - height / 2, width, height };
    m_canvas.draw().fill_rounded_rect(card, t.px(t.spacing().corner_mm * 1.5f), p.card);

    ui::Widget dialog;
    dialog.id = "idle";
    dialog.role = ui::Role::dialog;
    dialog.label = title;
    dialog.rect = card;
    m_canvas.add_widget(dialog);

    ui::TextSpec spec;
    spec.background = p.card;
    spec.align = text::Align::center;
    spec.style = heading;
    spec.color = p.ink;
    spec.role = ui::Role::heading;
    float y = card.y + pad;
    y += m_canvas.text("idle.title", title, { card.x + pad, y }, inner, spec).h + gap;
    spec.style = body;
    spec.color = p.secondary;
    spec.role = ui::Role::text;
    y += m_canvas.text("idle.countdown", line, { card.x + pad, y }, inner, spec).h + 2 * gap;

    ui::ButtonSpec cont;
    cont.id = "idle.continue";
    cont.label = m_strings->get("idle.continue");
    cont.look = ui::Look::filled;
    const float bw = std::min(inner, std::max(t.px(60), ui::button_width(m_canvas, cont)));
    cont.rect = { card.center().x - bw / 2, y, bw, button_h };
    ui::button(m_canvas, cont);
}

} // namespace ck::app
