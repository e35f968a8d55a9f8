// The typewriter reveals a prefix of one pre-laid-out text, so typing costs no layout per
// character; the screen wakes the loop exactly when the next character is due, and sleeps while
// a finished cable is held.
#include "screens/attract_screen.hpp"

#include "ui/widgets.hpp"

#include <algorithm>

namespace ck::screens {
namespace {

// The lines worth typing: from the date-time group (or the first non-blank line) on, blank runs
// collapsed to one, stopping after max_lines.
std::string typing_text(
    const std::string& display, std::size_t max_lines, std::vector<std::size_t>& line_ends)
{
    std::string out;
    std::size_t pos = 0;
    bool last_blank = true;
    std::size_t lines = 0;
    while (pos < display.size() && lines < max_lines) {
        const std::size_t nl = display.find('\n', pos);
        std::string line = display.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        pos = nl == std::string::npos ? display.size() : nl + 1;
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
            line.pop_back();
        }
        const bool blank = line.empty();
        if (blank && last_blank) {
            continue;
        }
        last_blank = blank;
        out += line;
        out += '\n';
        line_ends.push_back(out.size());
        ++lines;
    }
    while (!line_ends.empty() && out.size() >= 2 && out[out.size() - 2] == '\n') {
        out.pop_back();
        line_ends.pop_back();
    }
    return out;
}

} // namespace

AttractScreen::AttractScreen(content::Pack* pack)
    : m_pack(pack)
{
    if (m_pack != nullptr) {
        for (const content::Featured& f : m_pack->collection().featured) {
            m_featured.push_back(Featured { f.cable, {}, {}, false });
        }
    }
}

void AttractScreen::load(Featured& f)
{
    if (f.loaded || m_pack == nullptr) {
        return;
    }
    f.loaded = true;
    const auto record = m_pack->cable(f.id);
    if (record.ok() && record->has_value()) {
        f.text = typing_text((*record)->cable.display_text, max_lines, f.line_ends);
    }
}

Millis AttractScreen::typing_duration(const Featured& f) const
{
    return Millis { static_cast<Millis::rep>(f.text.size()) * char_ms.count()
        + static_cast<Millis::rep>(f.line_ends.size()) * line_pause_ms.count() };
}

std::size_t AttractScreen::revealed(const Featured& f, Millis elapsed) const
{
    std::size_t begin = 0;
    for (const std::size_t end : f.line_ends) {
        const Millis line_time { static_cast<Millis::rep>(end - begin) * char_ms.count() };
        if (elapsed < line_time) {
            return begin + static_cast<std::size_t>(elapsed / char_ms);
        }
        elapsed -= line_time + line_pause_ms;
        if (elapsed < Millis { 0 }) {
            return end;
        }
        begin = end;
    }
    return f.text.size();
}

void AttractScreen::advance(Millis now)
{
    m_now = now;
    if (m_featured.empty()) {
        return;
    }
    if (m_started < Millis { 0 }) {
        m_started = now;
    }
    load(m_featured[m_index]);
    if (now - m_started >= typing_duration(m_featured[m_index]) + hold_ms) {
        m_index = (m_index + 1) % m_featured.size();
        m_started = now;
        load(m_featured[m_index]);
    }
}

std::optional<Millis> AttractScreen::next_wakeup() const
{
    if (m_featured.empty()) {
        return std::nullopt;
    }
    if (m_started < Millis { 0 }) {
        return m_now;
    }
    const Featured& f = m_featured[m_index];
    const Millis elapsed = m_now - m_started;
    if (elapsed >= typing_duration(f)) {
        return m_started + typing_duration(f) + hold_ms;
    }
    // The next character or line: step a character's time at most.
    return m_now + char_ms - Millis { elapsed.count() % char_ms.count() };
}

namespace {

constexpr float typed_line_height = 1.3f;

// The collection's title, top left (landscape) or across the top (portrait); returns its height.
float build_title(ui::Canvas& canvas, const Env& env, Point at, float width)
{
    const ui::Theme& t = canvas.theme();
    const std::string title
        = env.pack != nullptr ? content::pick(env.pack->collection().title, env.strings.lang()) : "";
    ui::TextSpec spec;
    spec.style = { text::Family::sans, text::Weight::bold,
        t.text_px(t.type().title_mm) * (env.portrait ? 0.8f : 1.0f) };
    spec.color = t.palette().ink;
    spec.background = t.palette().paper;
    spec.role = ui::Role::heading;
    spec.line_height = 1.12f;
    spec.balanced = true;
    return canvas.text("attract.title", title, at, width, spec).h;
}

// The prompt at the bottom, centred; returns its top.
float build_prompt(ui::Canvas& canvas, const Env& env, Rect inner)
{
    const ui::Theme& t = canvas.theme();
    ui::TextSpec prompt;
    prompt.style = { text::Family::sans, text::Weight::semibold, t.text_px(t.type().subheading_mm) };
    prompt.color = t.palette().accent;
    prompt.background = t.palette().paper;
    prompt.align = text::Align::center;
    const std::string touch = env.strings.get("attract.touch");
    const auto prompt_layout
        = canvas.layout(touch, prompt.style, inner.w, text::WrapMode::words, text::Align::center);
    const float prompt_y = inner.bottom() - prompt_layout->size().h;
    canvas.text("attract.prompt", touch, { inner.x, prompt_y }, inner.w, prompt);
    return prompt_y;
}

// The featured cable's teaser under the title; returns its height.
float build_teaser(ui::Canvas& canvas, const std::string& teaser_text, Point at, float width)
{
    const ui::Theme& t = canvas.theme();
    ui::TextSpec teaser;
    teaser.style = { text::Family::sans, text::Weight::regular, t.text_px(t.type().ui_mm) * 1.1f };
    teaser.color = t.palette().secondary;
    teaser.background = t.palette().paper;
    teaser.line_height = 1.4f;
    return canvas.text("attract.teaser", teaser_text, at, width, teaser).h;
}

// A steady caret where the next character will appear (nothing blinks).
void draw_caret(ui::Canvas& canvas, const text::Layout& typed, std::size_t shown, Point origin, float mono_px)
{
    float caret_x = 0;
    float caret_y = 0;
    float caret_h = mono_px * typed_line_height;
    for (const text::LayoutLine& line : typed.lines()) {
        if (shown >= line.byte_begin && shown < line.byte_end) {
            caret_y = line.top;
            caret_h = line.height;
            caret_x = line.x;
            if (shown > line.byte_begin) {
                const auto rects = typed.rects_for_range(line.byte_begin, shown);
                if (!rects.empty()) {
                    caret_x = rects.back().right();
                }
            }
            break;
        }
    }
    canvas.draw().fill_rect(
        { origin.x + caret_x + 2, origin.y + caret_y + caret_h * 0.08f, mono_px * 0.5f, caret_h * 0.84f },
        canvas.theme().palette().accent.with_alpha(140));
}

// The typewriter card: the first `shown` bytes of the cable's lines, and the caret.
void build_card(
    ui::Canvas& canvas, Rect card, const text::TextStyle& mono, const std::string& text, std::size_t shown)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const float card_pad = t.px(8);
    canvas.draw().fill_rounded_rect(card, t.px(t.spacing().corner_mm), p.card);
    canvas.draw().stroke_rounded_rect(card, t.px(t.spacing().corner_mm), std::max(1.0f, t.px(0.25f)), p.rule);
    const int lines_fit
        = std::max(1, static_cast<int>((card.h - 2 * card_pad) / (mono.size_px * typed_line_height)));
    const auto typed = canvas.layout(text, mono, card.w - 2 * card_pad, text::WrapMode::preserve_lines,
        text::Align::start, typed_line_height, lines_fit);
    const Point origin { card.x + card_pad, card.y + card_pad };
    canvas.push_clip(card);
    canvas.draw_layout_prefix(*typed, origin, p.ink, shown);
    if (shown < text.size()) {
        draw_caret(canvas, *typed, shown, origin, mono.size_px);
    }
    canvas.pop_clip();
    ui::Widget typed_widget;
    typed_widget.id = "attract.cable";
    typed_widget.role = ui::Role::text;
    typed_widget.label = text.substr(0, std::min(shown, text.size()));
    typed_widget.rect = card;
    typed_widget.text_color = p.ink;
    typed_widget.background = p.card;
    typed_widget.text_px = mono.size_px;
    canvas.add_widget(std::move(typed_widget));
}

} // namespace

void AttractScreen::build(ui::Canvas& canvas, const Env& env)
{
    const ui::Theme& t = canvas.theme();
    const Rect body = env.body;
    const float margin = t.px(t.spacing().margin_mm) * 1.6f;
    const Rect inner = body.inset(margin, margin);

    ui::Widget region;
    region.id = "attract.enter";
    region.role = ui::Role::region;
    region.label = env.strings.get("attract.touch");
    region.rect = body;
    region.interactive = true;
    canvas.add_widget(region);

    // Landscape: the title and teaser on the left, the typewriter on the right. Portrait: stacked.
    const float title_w = env.portrait ? inner.w : inner.w * 0.38f;
    float y = inner.y;
    y += build_title(canvas, env, { inner.x, y }, title_w);
    y += t.px(t.spacing().section_gap_mm);
    const float prompt_y = build_prompt(canvas, env, inner);
    if (m_featured.empty()) {
        return;
    }
    const Featured& f = m_featured[m_index];
    const content::Featured& meta = env.pack->collection().featured[m_index];
    y += build_teaser(canvas, content::pick(meta.teaser, env.strings.lang()), { inner.x, y }, title_w);
    y += t.px(t.spacing().gap_mm * 2);

    // The typewriter card fills the space above the prompt.
    const float card_bottom = prompt_y - t.px(t.spacing().section_gap_mm);
    const text::TextStyle mono { text::Family::mono, text::Weight::regular, t.text_px(t.type().cable_mm) };
    const float card_pad = t.px(8);
    const float card_x = env.portrait ? inner.x : inner.x + title_w + t.px(t.spacing().section_gap_mm * 1.5f);
    const float card_top = env.portrait ? y : inner.y;
    const float column = std::min(inner.right() - card_x, mono.size_px * 0.6f * 70 + 2 * card_pad);
    // As tall as the typed lines need, centred in the space it has.
    const float wanted = 2 * card_pad + static_cast<float>(max_lines) * mono.size_px * typed_line_height;
    const float room = std::max(0.0f, card_bottom - card_top);
    const float card_h = std::min(room, wanted);
    const Rect card { card_x, card_top + (room - card_h) / 2, column, card_h };
    if (card.h < mono.size_px * 3) {
        return;
    }
    const std::size_t shown = m_started < Millis { 0 } ? 0 : revealed(f, m_now - m_started);
    build_card(canvas, card, mono, f.text, shown);
}

Intent AttractScreen::on_tap(const ui::Widget& /*widget*/, const Env& /*env*/)
{
    return Intent::of(Intent::Kind::enter);
}

} // namespace ck::screens
