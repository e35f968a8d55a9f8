// The facts are counted once, when the screen is made, from the pack's facet counts (exact: the
// counts are one walk over in-memory arrays, fast even for a large archive); the text is laid out
// by the layout cache like any other.
#include "screens/about_screen.hpp"

#include "core/ascii.hpp"
#include "screens/cable_row.hpp"
#include "screens/place_names.hpp"
#include "screens/section_screen.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>

namespace ck::screens {
namespace {

using ascii::trim;

std::size_t code_points(std::string_view s)
{
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Joins the lines of one paragraph: a space between Latin text, nothing between CJK characters.
std::string join_lines(std::string_view paragraph)
{
    std::string out;
    std::size_t pos = 0;
    while (pos <= paragraph.size()) {
        const std::size_t nl = std::min(paragraph.find('\n', pos), paragraph.size());
        const std::string_view line = trim(paragraph.substr(pos, nl - pos));
        if (!line.empty()) {
            const bool ascii_seam = !out.empty()
                && (static_cast<unsigned char>(out.back()) < 0x80
                    || static_cast<unsigned char>(line.front()) < 0x80);
            out += ascii_seam ? " " : "";
            out += line;
        }
        pos = nl + 1;
    }
    return out;
}

AboutParagraph split_lead(std::string paragraph)
{
    AboutParagraph p;
    const std::size_t latin = paragraph.find(". ");
    const std::size_t cjk = paragraph.find("。");
    const std::size_t end = std::min(latin, cjk);
    if (end == std::string::npos) {
        p.body = std::move(paragraph);
        return p;
    }
    const std::size_t stop_size = end == cjk ? std::string_view("。").size() : 1;
    const std::string_view lead = trim(std::string_view(paragraph).substr(0, end));
    const std::string_view rest = trim(std::string_view(paragraph).substr(end + stop_size));
    const std::size_t words = static_cast<std::size_t>(std::count(lead.begin(), lead.end(), ' ')) + 1;
    const std::size_t chars = code_points(lead);
    const bool punctuated = lead.find_first_of(",:;") != std::string_view::npos
        || lead.find("、") != std::string_view::npos || lead.find("：") != std::string_view::npos;
    const bool short_enough = words <= 5 && chars <= 40 && (words > 1 || chars <= 16);
    if (lead.empty() || rest.empty() || punctuated || !short_enough) {
        p.body = std::move(paragraph);
        return p;
    }
    p.lead = std::string(lead);
    p.body = std::string(rest);
    return p;
}

int marking_rank(std::string_view marking)
{
    static constexpr std::array<std::string_view, 7> order
        = { "TOP SECRET", "SECRET", "CONFIDENTIAL", "LOU", "SBU", "FOUO", "UNCLASSIFIED" };
    if (marking.empty()) {
        return static_cast<int>(order.size()) + 1;
    }
    const auto it = std::find(order.begin(), order.end(), marking);
    return it == order.end() ? static_cast<int>(order.size()) : static_cast<int>(it - order.begin());
}

} // namespace

std::vector<AboutParagraph> about_paragraphs(std::string_view text)
{
    std::vector<AboutParagraph> out;
    std::string current;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t nl = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, nl - pos);
        if (trim(line).empty()) {
            if (std::string joined = join_lines(current); !joined.empty()) {
                out.push_back(split_lead(std::move(joined)));
            }
            current.clear();
        } else {
            current += line;
            current += '\n';
        }
        pos = nl + 1;
    }
    if (std::string joined = join_lines(current); !joined.empty()) {
        out.push_back(split_lead(std::move(joined)));
    }
    return out;
}

CollectionFacts facts_from(
    const content::Facets& facets, const std::vector<content::YearCount>& years, std::int64_t total)
{
    CollectionFacts f;
    f.total = total;
    for (const content::YearCount& y : years) {
        if (y.year > 0 && y.cables > 0) {
            f.first_year = f.first_year == 0 ? y.year : std::min(f.first_year, y.year);
            f.last_year = std::max(f.last_year, y.year);
        }
    }
    std::map<std::string, std::int64_t> markings;
    std::int64_t marked = 0;
    for (const content::FacetCount& c : facets.classification) {
        const std::string marking = stamp_marking(c.value);
        if (!marking.empty() && c.count > 0) {
            markings[marking] += c.count;
            marked += c.count;
        }
    }
    if (total > marked) {
        markings[""] += total - marked;
    }
    for (const auto& [label, count] : markings) {
        f.markings.push_back({ label, count });
    }
    std::stable_sort(f.markings.begin(), f.markings.end(),
        [](const Tally& a, const Tally& b) { return marking_rank(a.label) < marking_rank(b.label); });

    std::map<std::string, std::int64_t> origins;
    for (const content::FacetCount& c : facets.origin) {
        if (std::string place = short_place(c.value); !place.empty() && c.count > 0) {
            origins[place] += c.count;
            f.origins_written.emplace(place, c.value);
        }
    }
    for (const auto& [label, count] : origins) {
        f.origins.push_back({ label, count });
    }
    std::stable_sort(
        f.origins.begin(), f.origins.end(), [](const Tally& a, const Tally& b) { return a.count > b.count; });
    if (f.origins.size() > about_origins_shown) {
        f.origins.resize(about_origins_shown);
    }
    return f;
}

namespace {

// An origin of the facts in the visitor's language (the names table), else as rows word it.
std::string origin_name(const Strings& strings, const CollectionFacts& facts, const std::string& label)
{
    const auto it = facts.origins_written.find(label);
    return place_name(strings, it == facts.origins_written.end() ? label : it->second, label);
}

} // namespace

std::optional<CollectionFacts> count_facts(content::Pack& pack, const std::atomic<bool>* cancel)
{
    content::FacetOptions options;
    options.budget = std::chrono::milliseconds { 0 }; // exact
    options.max_values = 200;
    auto facets = pack.facets(content::SearchQuery {}, options, cancel);
    auto years = pack.years();
    if (!facets.ok() || !years.ok()) {
        return std::nullopt; // the card is left out; the pack's own checks report the fault
    }
    return facts_from(*facets, *years, pack.info().cables);
}

AboutScreen::AboutScreen(content::Pack* pack, BackgroundWork& work, std::int64_t sync_facts_max)
    : m_pack(pack)
    , m_work(work)
{
    if (m_pack == nullptr) {
        return;
    }
    if (m_pack->info().cables <= sync_facts_max) {
        if (auto facts = count_facts(*m_pack)) {
            m_facts = std::move(*facts);
            m_has_facts = true;
        }
        return;
    }
    m_job = std::make_shared<FactsJob>();
    m_lane = m_work.lane(WorkKind::about);
    // The job opens its own connection on the worker thread and shares only the hand-over.
    m_lane.post([job = m_job, path = m_pack->path()](const JobContext& ctx) {
        std::optional<CollectionFacts> facts;
        if (!ctx.cancelled()) {
            content::OpenOptions options;
            options.curation = false; // counts only
            auto own = content::Pack::open(path, options);
            if (own.ok() && !ctx.cancelled()) {
                facts = count_facts(*own, ctx.cancel_flag());
            }
        }
        {
            const std::lock_guard<std::mutex> lock(job->mutex);
            job->facts = std::move(facts);
        }
        job->done.store(true);
        ctx.ready();
    });
}

float AboutScreen::build_marking_rows(ui::Canvas& canvas, const Env& env, Rect inner, float y, ui::Color card)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const CableRowMetrics m = cable_row_metrics(canvas, env.strings.lang());
    const text::TextStyle label_style { text::Family::sans, text::Weight::regular,
        t.text_px(t.type().caption_mm) };
    const text::TextStyle count_style { text::Family::sans, text::Weight::semibold, label_style.size_px };
    const std::string unmarked = env.strings.get("about.unmarked");
    float stamp_w = 0;
    for (const Tally& tally : m_facts.markings) {
        stamp_w = std::max(stamp_w,
            tally.label.empty()
                ? std::min(m.left_w, canvas.text().fonts.measure(unmarked, label_style))
                : std::min(
                    m.left_w, canvas.text().fonts.measure(tally.label, m.stamp_style) + 2 * m.stamp_pad_x));
    }
    const float count_w = canvas.text().fonts.measure(group_digits(m_facts.total), count_style) + t.px(2);
    const float bar_x = inner.x + stamp_w + t.px(3);
    const float bar_room = std::max(t.px(6), inner.right() - count_w - t.px(2.5f) - bar_x);
    std::int64_t most = 1;
    for (const Tally& tally : m_facts.markings) {
        most = std::max(most, tally.count);
    }
    const float line_h = std::max(m.stamp_h, label_style.size_px * 1.35f);
    ui::TextSpec spec;
    spec.style = label_style;
    spec.color = p.secondary;
    spec.background = card;
    spec.max_lines = 1;
    spec.line_height = 1.35f;
    for (const Tally& tally : m_facts.markings) {
        const float mid = y + line_h / 2;
        const float text_top = mid - label_style.size_px * 1.35f / 2;
        ui::Color bar = p.secondary;
        if (tally.label.empty()) {
            spec.style = label_style;
            spec.color = p.secondary;
            spec.align = text::Align::start;
            canvas.text({}, unmarked, { inner.x, text_top }, stamp_w + t.px(1), spec);
        } else {
            draw_stamp(canvas, m, { inner.x, mid - m.stamp_h / 2 }, tally.label);
            bar = t.banner(tally.label).background;
        }
        const float share = static_cast<float>(tally.count) / static_cast<float>(most);
        const float bar_h = std::max(2.0f, t.px(1.6f));
        canvas.draw().fill_rounded_rect(
            { bar_x, mid - bar_h / 2, std::max(bar_h, bar_room * share), bar_h }, bar_h / 2, bar);
        spec.style = count_style;
        spec.color = p.ink;
        spec.align = text::Align::end;
        canvas.text({}, group_digits(tally.count), { inner.right() - count_w, text_top }, count_w, spec);
        y += line_h + t.px(2.2f);
    }
    return y;
}

float AboutScreen::build_facts(ui::Canvas& canvas, const Env& env, Rect column)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const float pad = t.px(5.5f);
    const Rect inner { column.x + pad, column.y + pad, column.w - 2 * pad, 0 };
    // The card is drawn first and its height is known only at the end: draw the content, then
    // put the card behind it by measuring in a first pass.
    const auto body = [&](bool draw) {
        float y = inner.y;
        ui::TextSpec eyebrow = page_eyebrow_spec(t);
        eyebrow.background = p.card;
        ui::TextSpec big;
        big.style = { text::Family::sans, text::Weight::bold, t.text_px(t.type().subheading_mm) };
        big.color = p.ink;
        big.background = p.card;
        big.line_height = 1.2f;
        big.role = ui::Role::heading;
        ui::TextSpec plain = page_prose_spec(t);
        plain.background = p.card;
        plain.line_height = 1.35f;
        const auto put = [&](std::string_view str, const ui::TextSpec& spec) {
            const float h = draw ? canvas.text({}, str, { inner.x, y }, inner.w, spec).h
                                 : canvas
                                       .layout(str, spec.style, inner.w, spec.wrap, spec.align,
                                           spec.line_height, spec.max_lines)
                                       ->size()
                                       .h;
            y += h;
        };
        put(env.strings.get("about.in_collection"), eyebrow);
        y += t.px(1.5f);
        put(env.strings.format(m_facts.total == 1 ? "about.documents_one" : "about.documents",
                { { "n", group_digits(m_facts.total) } }),
            big);
        if (m_facts.first_year > 0) {
            plain.color = p.secondary;
            put(year_span(env.strings, m_facts.first_year, m_facts.last_year), plain);
        }
        const float rule = std::max(1.0f, t.px(0.25f));
        const auto divider = [&]() {
            y += t.px(4);
            if (draw) {
                canvas.draw().fill_rect({ inner.x, y, inner.w, rule }, p.rule);
            }
            y += rule + t.px(4);
        };
        if (!m_facts.markings.empty()) {
            divider();
            put(env.strings.get("about.markings"), eyebrow);
            y += t.px(2.5f);
            if (draw) {
                y = build_marking_rows(canvas, env, inner, y, p.card) - t.px(2.2f);
            } else {
                const CableRowMetrics m = cable_row_metrics(canvas, env.strings.lang());
                const float line_h = std::max(m.stamp_h, t.text_px(t.type().caption_mm) * 1.35f);
                y += static_cast<float>(m_facts.markings.size()) * (line_h + t.px(2.2f)) - t.px(2.2f);
            }
        }
        if (!m_facts.origins.empty()) {
            divider();
            put(env.strings.get("about.origins"), eyebrow);
            y += t.px(1.5f);
            ui::TextSpec name = plain;
            name.color = p.ink;
            name.max_lines = 1;
            ui::TextSpec count = name;
            count.style.weight = text::Weight::semibold;
            count.color = p.secondary;
            count.align = text::Align::end;
            const float count_w = t.px(22);
            for (const Tally& o : m_facts.origins) {
                if (draw) {
                    canvas.text({}, group_digits(o.count), { inner.right() - count_w, y }, count_w, count);
                    canvas.text({}, origin_name(env.strings, m_facts, o.label), { inner.x, y },
                        inner.w - count_w - t.px(2), name);
                }
                y += name.style.size_px * name.line_height + t.px(0.8f);
            }
        }
        return y + pad - column.y;
    };
    const float h = body(false);
    canvas.draw().fill_rounded_rect({ column.x, column.y, column.w, h }, t.px(t.spacing().corner_mm), p.card);
    canvas.draw().stroke_rounded_rect({ column.x, column.y, column.w, h }, t.px(t.spacing().corner_mm),
        std::max(1.0f, t.px(0.25f)), p.rule);
    body(true);
    return h;
}

float AboutScreen::build_text(ui::Canvas& canvas, const Env& env, Rect column)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    ui::TextSpec prose = page_prose_spec(t);
    prose.line_height = 1.55f;
    const float width = std::min(column.w, prose_measure(t));
    ui::TextSpec lead;
    lead.style = { text::Family::sans, text::Weight::bold, t.text_px(t.type().ui_mm * 1.08f) };
    lead.color = p.ink;
    lead.background = p.paper;
    lead.role = ui::Role::heading;
    lead.line_height = 1.3f;
    lead.balanced = true;
    float y = column.y;
    const auto paragraphs = about_paragraphs(content::pick(m_pack->collection().about, env.strings.lang()));
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        const AboutParagraph& para = paragraphs[i];
        if (i > 0) {
            y += t.px(para.lead.empty() ? 4.5f : 7.0f);
        }
        if (!para.lead.empty()) {
            y += canvas.text({}, para.lead, { column.x, y }, width, lead).h + t.px(1.2f);
        }
        // An opening paragraph without a head is the lede, set a step larger.
        ui::TextSpec body = prose;
        if (i == 0 && para.lead.empty()) {
            body.style.size_px = t.text_px(t.type().ui_mm * 1.05f);
            body.line_height = 1.45f;
        }
        y += canvas.text({}, para.body, { column.x, y }, width, body).h;
    }
    return y - column.y;
}

void AboutScreen::build(ui::Canvas& canvas, const Env& env)
{
    if (m_pack == nullptr) {
        return;
    }
    const ui::Theme& t = canvas.theme();
    const float margin = t.px(t.spacing().margin_mm);
    const PageColumns cols = page_columns(t, env);
    const auto heading = [&](Rect column) {
        return page_heading(canvas, "about.title", env.strings.get("about.title"), { column.x, column.y },
                   column.w, page_heading_spec(t))
                   .h
            + t.px(t.spacing().gap_mm * 2);
    };
    if (cols.split) {
        m_side.begin(canvas, cols.side_view);
        float y = cols.side.y + heading(cols.side);
        if (m_has_facts) {
            y += build_facts(canvas, env, { cols.side.x, y, cols.side.w, 0 });
        }
        m_side.end(canvas, y + margin);
        m_main.begin(canvas, cols.main_view);
        const float text_h = build_text(canvas, env, cols.main);
        m_main.end(canvas, cols.main.y + text_h + margin);
        return;
    }
    m_main.begin(canvas, cols.main_view);
    float y = cols.main.y + heading(cols.main);
    if (m_has_facts) {
        // As wide as the text below it, so the card and the text share a right edge.
        const float w = std::min(cols.main.w, prose_measure(t));
        y += build_facts(canvas, env, { cols.main.x, y, w, 0 }) + t.px(t.spacing().section_gap_mm);
    }
    y += build_text(canvas, env, { cols.main.x, y, cols.main.w, 0 });
    m_main.end(canvas, y + margin);
}

Intent AboutScreen::on_tap(const ui::Widget& /*widget*/, const Env& /*env*/)
{
    return Intent::none();
}

Intent AboutScreen::on_gesture(const input::Gesture& gesture, const Env& /*env*/)
{
    if (!m_main.on_gesture(gesture)) {
        m_side.on_gesture(gesture);
    }
    return Intent::none();
}

void AboutScreen::advance(Millis now)
{
    m_side.advance(now);
    m_main.advance(now);
    if (m_job && m_job->done.load()) {
        {
            const std::lock_guard<std::mutex> lock(m_job->mutex);
            if (m_job->facts) {
                m_facts = std::move(*m_job->facts);
                m_has_facts = true;
            }
        }
        m_job.reset(); // after the unlock: this may be the hand-over's last owner, mutex and all
    }
}

bool AboutScreen::animating() const
{
    // While the facts are counted, a loop that the worker cannot wake keeps polling so that the
    // card appears when they are; one it can wake sleeps until then.
    return m_side.animating() || m_main.animating() || (m_job != nullptr && !m_work.wakes_loop());
}

} // namespace ck::screens
