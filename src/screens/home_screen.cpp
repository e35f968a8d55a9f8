// Landscape puts the introduction beside the cards; portrait stacks them. Section facts (count,
// years) are read once when the screen is made, not per frame.
#include "screens/home_screen.hpp"

#include "screens/cable_row.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cstdlib>

namespace ck::screens {
namespace {

int year_of(const std::string& iso_date)
{
    return iso_date.size() >= 4 ? std::atoi(iso_date.substr(0, 4).c_str()) : 0;
}

} // namespace

HomeScreen::HomeScreen(content::Pack* pack)
    : m_pack(pack)
{
    if (m_pack == nullptr) {
        return;
    }
    for (const content::Section& section : m_pack->collection().sections) {
        SectionFacts facts;
        if (section.decade_cables > 0) {
            // An archive's decade carries its counts: it lists no cables to read.
            facts.cables = static_cast<std::size_t>(section.decade_cables);
            facts.first_year = section.first_year;
            facts.last_year = section.last_year;
            m_facts.push_back(facts);
            continue;
        }
        facts.cables = section.cables.size();
        const auto summaries = m_pack->summaries(section.cables);
        if (summaries.ok()) {
            for (const content::CableSummary& s : *summaries) {
                const int y = year_of(s.date);
                if (y > 0) {
                    facts.first_year = facts.first_year == 0 ? y : std::min(facts.first_year, y);
                    facts.last_year = std::max(facts.last_year, y);
                }
            }
        }
        m_facts.push_back(facts);
    }
}

float HomeScreen::build_intro(ui::Canvas& canvas, const Env& env, Rect column)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const std::string& lang = env.strings.lang();
    float y = column.y;
    ui::TextSpec title;
    title.style = { text::Family::sans, text::Weight::bold, t.text_px(t.type().heading_mm) };
    title.color = p.ink;
    title.background = p.paper;
    title.role = ui::Role::heading;
    title.line_height = 1.15f;
    title.balanced = true;
    y += canvas
             .text("home.title", content::pick(m_pack->collection().title, lang), { column.x, y }, column.w,
                 title)
             .h;
    y += t.px(t.spacing().gap_mm * 1.5f);

    ui::TextSpec intro;
    intro.style = { text::Family::sans, text::Weight::regular, t.text_px(t.type().ui_mm * 0.92f) };
    intro.color = p.ink;
    intro.background = p.paper;
    intro.line_height = 1.5f;
    y += canvas
             .text("home.introduction", content::pick(m_pack->collection().introduction, lang),
                 { column.x, y }, column.w, intro)
             .h;
    y += t.px(t.spacing().section_gap_mm);

    return y - t.px(t.spacing().section_gap_mm) - column.y;
}

float HomeScreen::build_ways(ui::Canvas& canvas, const Env& env, Rect column)
{
    const ui::Theme& t = canvas.theme();
    float y = column.y;
    const float h = t.px(t.spacing().primary_target_mm);
    const float gap = t.px(t.spacing().target_gap_mm * 2);
    struct Way {
        const char* id;
        const char* key;
        ui::Icon icon;
        ui::Look look;
    };
    const Way ways[] = { { "home.search", "home.search", ui::Icon::search, ui::Look::filled },
        { "home.timeline", "home.timeline", ui::Icon::forward, ui::Look::outline },
        { "home.about", "home.about", ui::Icon::forward, ui::Look::outline } };
    float x = column.x;
    for (const Way& way : ways) {
        ui::ButtonSpec b;
        b.id = way.id;
        b.label = env.strings.get(way.key);
        b.icon = way.icon;
        b.look = way.look;
        const float w = std::min(column.w, ui::button_width(canvas, b));
        if (x > column.x && x + w > column.right()) {
            x = column.x;
            y += h + gap;
        }
        b.rect = { x, y, w, h };
        ui::button(canvas, b);
        x += w + gap;
    }
    return y + h - column.y;
}

float HomeScreen::build_cards(ui::Canvas& canvas, const Env& env, Rect area)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const auto& sections = m_pack->collection().sections;
    const std::string& lang = env.strings.lang();
    const float gap = t.px(t.spacing().gap_mm * 1.5f);
    const int columns = area.w > t.px(320) ? 2 : 1;
    const float card_w = (area.w - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float pad = t.px(5.5f);
    const text::TextStyle title_style { text::Family::sans, text::Weight::bold,
        t.text_px(t.type().subheading_mm * 0.85f) };
    const text::TextStyle caption_style { text::Family::sans, text::Weight::regular,
        t.text_px(t.type().caption_mm) };
    const text::TextStyle meta_style { text::Family::sans, text::Weight::semibold,
        t.text_px(t.type().caption_mm) };

    float y = area.y;
    for (std::size_t row = 0; row * static_cast<std::size_t>(columns) < sections.size(); ++row) {
        // All cards of a row share the tallest card's height.
        float row_h = 0;
        std::vector<float> heights;
        for (int c = 0; c < columns; ++c) {
            const std::size_t i = row * static_cast<std::size_t>(columns) + static_cast<std::size_t>(c);
            if (i >= sections.size()) {
                break;
            }
            const auto title = canvas.layout(content::pick(sections[i].title, lang), title_style,
                card_w - 2 * pad, text::WrapMode::words, text::Align::start, 1.2f, 2);
            const auto caption = canvas.layout(content::pick(sections[i].caption, lang), caption_style,
                card_w - 2 * pad, text::WrapMode::words, text::Align::start, 1.4f, 3);
            const float h = pad + title->size().h + t.px(2) + caption->size().h + t.px(3)
                + meta_style.size_px * 1.3f + pad;
            row_h = std::max(row_h, h);
        }
        for (int c = 0; c < columns; ++c) {
            const std::size_t i = row * static_cast<std::size_t>(columns) + static_cast<std::size_t>(c);
            if (i >= sections.size()) {
                break;
            }
            const content::Section& s = sections[i];
            const Rect card { area.x + static_cast<float>(c) * (card_w + gap), y, card_w, row_h };
            const std::string id = "section:" + s.id;
            const bool pressed = canvas.is_pressed(id);
            canvas.draw().fill_rounded_rect(
                card, t.px(t.spacing().corner_mm), pressed ? p.accent_soft : p.card);
            canvas.draw().stroke_rounded_rect(
                card, t.px(t.spacing().corner_mm), std::max(1.0f, t.px(0.25f)), p.rule);
            const ui::Color bg = pressed ? p.accent_soft : p.card;
            float cy = card.y + pad;
            ui::TextSpec spec;
            spec.background = bg;
            spec.style = title_style;
            spec.color = p.ink;
            spec.max_lines = 2;
            spec.line_height = 1.2f;
            spec.role = ui::Role::heading;
            spec.balanced = true;
            cy += canvas.text({}, content::pick(s.title, lang), { card.x + pad, cy }, card.w - 2 * pad, spec)
                      .h
                + t.px(2);
            spec.style = caption_style;
            spec.color = p.secondary;
            spec.max_lines = 3;
            spec.line_height = 1.4f;
            spec.role = ui::Role::text;
            spec.balanced = false;
            canvas.text({}, content::pick(s.caption, lang), { card.x + pad, cy }, card.w - 2 * pad, spec);
            const SectionFacts& facts = m_facts[i];
            std::string meta = cable_count(env.strings, facts.cables);
            if (facts.first_year > 0) {
                // One year is "2009", not "2009–2009" (a section of one year's cables).
                meta += "  ·  " + year_span(env.strings, facts.first_year, facts.last_year);
            }
            spec.style = meta_style;
            spec.color = p.accent;
            spec.max_lines = 1;
            canvas.text({}, meta, { card.x + pad, card.bottom() - pad - meta_style.size_px * 1.3f },
                card.w - 2 * pad, spec);
            ui::Widget w;
            w.id = id;
            w.role = ui::Role::card;
            w.label = content::pick(s.title, lang);
            w.rect = card.translated(canvas.draw().offset().x, canvas.draw().offset().y);
            w.interactive = true;
            canvas.add_widget(std::move(w));
        }
        y += row_h + gap;
    }
    return y - gap - area.y;
}

void HomeScreen::build(ui::Canvas& canvas, const Env& env)
{
    if (m_pack == nullptr) {
        return;
    }
    const ui::Theme& t = canvas.theme();
    const float margin = t.px(t.spacing().margin_mm);
    m_scroll.begin(canvas, env.body);
    const Rect inner { margin, margin, env.body.w - 2 * margin, env.body.h - 2 * margin };
    float height = 0;
    const float section_gap = t.px(t.spacing().section_gap_mm);
    if (env.portrait || inner.w < t.px(300)) {
        float y = inner.y + build_intro(canvas, env, inner) + section_gap;
        y += build_ways(canvas, env, { inner.x, y, inner.w, 0 }) + section_gap * 1.5f;
        if (const float tours_h = build_tours(canvas, env, { inner.x, y, inner.w, 0 }); tours_h > 0) {
            y += tours_h + section_gap;
        }
        y += build_cards(canvas, env, { inner.x, y, inner.w, 0 });
        height = y + margin;
    } else {
        const float left_w = inner.w * 0.36f;
        const float gap = section_gap * 1.5f;
        const Rect right { inner.x + left_w + gap, inner.y, inner.w - left_w - gap, 0 };
        const float intro_h = build_intro(canvas, env, { inner.x, inner.y, left_w, inner.h });
        float right_h = build_ways(canvas, env, right) + section_gap;
        if (const float tours_h = build_tours(canvas, env, { right.x, right.y + right_h, right.w, 0 });
            tours_h > 0) {
            right_h += tours_h + section_gap;
        }
        right_h += build_cards(canvas, env, { right.x, right.y + right_h, right.w, 0 });
        height = inner.y + std::max(intro_h, right_h) + margin;
    }
    m_scroll.end(canvas, height);
}

Intent HomeScreen::on_tap(const ui::Widget& widget, const Env& /*env*/)
{
    if (widget.id == "home.search") {
        return Intent::of(Intent::Kind::open_search);
    }
    if (widget.id == "home.timeline") {
        return Intent::of(Intent::Kind::open_timeline);
    }
    if (widget.id == "home.about") {
        return Intent::of(Intent::Kind::open_about);
    }
    if (widget.id.rfind("tour:", 0) == 0) {
        return Intent::of(Intent::Kind::start_tour, widget.id.substr(5));
    }
    if (widget.id.rfind("section:", 0) == 0) {
        const std::string id = widget.id.substr(8);
        // An archive's decade opens its first year, whose screen pages through any number of
        // cables and steps on to the next years.
        for (const content::Section& s :
            m_pack != nullptr ? m_pack->collection().sections : std::vector<content::Section> {}) {
            if (s.id == id && s.decade_cables > 0) {
                return Intent::of(Intent::Kind::open_year, {}, s.first_year);
            }
        }
        return Intent::of(Intent::Kind::open_section, id);
    }
    return Intent::none();
}

Intent HomeScreen::on_gesture(const input::Gesture& gesture, const Env& /*env*/)
{
    m_scroll.on_gesture(gesture);
    return Intent::none();
}

} // namespace ck::screens
