// The search screen's controller: its state, input handling and requests to the worker. A
// keystroke edits the field at once and submits a search; the answer is applied in advance()
// whenever the worker has one. The frame is built in search_layout.cpp.
#include "screens/search_screen.hpp"

#include <algorithm>
#include <atomic>

namespace ck::screens {
namespace {

bool same_query(const content::SearchQuery& a, const content::SearchQuery& b)
{
    return a.text == b.text && a.year_from == b.year_from && a.year_to == b.year_to
        && a.classification == b.classification && a.origin == b.origin && a.tag == b.tag
        && a.offset == b.offset;
}

} // namespace

SearchScreen::SearchScreen(content::Pack* pack, BackgroundWork& work, const std::string& initial_text)
    : m_pack(pack)
    , m_work(work)
{
    static std::atomic<std::uint64_t> made { 0 };
    m_serial = ++made;
    if (m_pack != nullptr) {
        m_worker = std::make_unique<SearchWorker>(m_work, m_pack->path(), m_pack->info().content_hash);
    }
    m_field.set_text(initial_text);
    search();
}

void SearchScreen::search()
{
    if (!m_worker) {
        return;
    }
    content::SearchQuery query;
    query.text = m_field.text();
    m_filters.apply_to(query);
    query.limit = page_size;
    if (m_submitted && same_query(query, m_last_query)) {
        return;
    }
    m_last_query = query;
    m_submitted = true;
    m_facets_current = false;
    m_generation = m_worker->submit(SearchRequest { query, true });
}

void SearchScreen::load_more()
{
    if (!m_worker || !m_shown.have) {
        return;
    }
    content::SearchQuery query = m_last_query;
    query.offset = m_shown.results.hits.size();
    query.limit = std::min(page_size, max_results - std::min(max_results, query.offset));
    if (query.limit == 0 || same_query(query, m_last_query)) {
        return;
    }
    m_last_query = query;
    // Counts still on their way for the first page would be dropped with it: ask again.
    m_generation = m_worker->submit(SearchRequest { query, !m_facets_current });
}

void SearchScreen::apply(SearchResponse&& r)
{
    if (r.generation != m_generation) {
        return;
    }
    m_answered = r.generation;
    m_shown.have = true;
    if (r.query.offset > 0) {
        // A next page: its hits join the list already shown (a failed one adds nothing).
        if (r.failed) {
            return;
        }
        m_shown.results.total = r.results.total;
        m_shown.results.total_is_estimate = r.results.total_is_estimate;
        if (r.facets) {
            m_filters.remember_years(*r.facets);
            m_shown.facets = std::move(r.facets);
            m_facets_current = true;
        }
        for (std::size_t i = 0; i < r.results.hits.size(); ++i) {
            m_shown.results.hits.push_back(std::move(r.results.hits[i]));
            m_shown.marks.push_back(
                i < r.subject_marks.size() ? std::move(r.subject_marks[i]) : SubjectMarks {});
        }
        return;
    }
    m_shown.failed = r.failed;
    m_shown.text = r.query.text;
    m_shown.results = std::move(r.results);
    m_shown.marks = std::move(r.subject_marks);
    m_row_heights.clear();
    m_shown.completions = std::move(r.completions);
    m_shown.suggestions = std::move(r.suggestions);
    if (!r.top_tags.empty()) {
        m_shown.top_tags = std::move(r.top_tags);
    }
    if (r.facets) {
        m_filters.remember_years(*r.facets);
        m_shown.facets = std::move(r.facets);
        m_facets_current = true;
    }
    if (m_scrolled_for != r.generation) {
        m_scrolled_for = r.generation;
        m_results.reset();
    }
}

void SearchScreen::advance(Millis now)
{
    m_results.advance(now);
    if (!m_worker) {
        return;
    }
    while (auto response = m_worker->take()) {
        apply(std::move(*response));
    }
}

bool SearchScreen::animating() const
{
    // Without a wake-up from the worker, the loop keeps polling while a search runs; with one, it
    // sleeps until the answer (or input) arrives, which also shows the answer sooner.
    return m_results.animating() || (m_worker && m_worker->busy() && !m_work.wakes_loop());
}

void SearchScreen::await_background(std::chrono::milliseconds limit)
{
    if (m_worker && waiting()) {
        (void)m_worker->wait_for_answer(limit);
    }
}

void SearchScreen::frame_done()
{
    if (m_worker) {
        m_worker->frame_done();
    }
}

void SearchScreen::press_key(const ui::KeyboardKey& key)
{
    if (press_kana_key(key)) {
        return;
    }
    switch (key.action) {
    case ui::KeyAction::insert:
        m_field.insert(key.text);
        break;
    case ui::KeyAction::space:
        m_field.insert(" ");
        break;
    case ui::KeyAction::backspace:
        m_field.backspace();
        break;
    case ui::KeyAction::hide:
        m_keyboard_visible = false;
        return;
    case ui::KeyAction::mode:
    case ui::KeyAction::mark:
        return; // handled by press_kana_key
    }
    search();
}

Intent SearchScreen::on_tap(const ui::Widget& widget, const Env& /*env*/)
{
    const std::string& id = widget.id;
    if (const ui::KeyboardKey* key = m_keyboard.find(id); key != nullptr && m_keyboard_visible) {
        press_key(*key);
        return Intent::none();
    }
    if (id.starts_with("row:")) {
        return Intent::of(Intent::Kind::open_cable, id.substr(4));
    }
    if (id.starts_with(kana_prefix)) {
        // A term offered for the kana typed replaces it and is searched.
        m_kana.clear();
        m_field.set_composition({});
        m_field.insert(std::string_view(id).substr(kana_prefix.size()));
        search();
        return Intent::none();
    }
    commit_kana();
    if (id == "search.field" || id == "search.show_keyboard") {
        m_keyboard_visible = true;
    } else if (id == "search.clear_text") {
        m_field.clear();
    } else if (id.starts_with(complete_prefix)) {
        m_field.complete_word(std::string_view(id).substr(complete_prefix.size()));
    } else if (id.starts_with(suggest_prefix)) {
        m_field.set_text(std::string_view(id).substr(suggest_prefix.size()));
    } else if (id.starts_with(tag_prefix)) {
        // A topic to start from: the tag alone, with nothing typed to narrow it to nothing.
        m_field.clear();
        m_filters.clear();
        m_filters.set_tag(id.substr(tag_prefix.size()));
    } else if (const auto group = group_from_id(id)) {
        m_filters.toggle_group(*group);
    } else if (id == "filter.clear") {
        m_filters.clear();
    } else if (id.starts_with("chip:")) {
        const bool decade = id.starts_with("chip:decade:");
        m_filters.tap_chip(id);
        if (!decade) {
            m_filters.close_groups();
        }
    } else if (id == "search.more") {
        load_more();
        return Intent::none();
    }
    search();
    return Intent::none();
}

Intent SearchScreen::on_gesture(const input::Gesture& gesture, const Env& /*env*/)
{
    m_results.on_gesture(gesture);
    return Intent::none();
}

Intent SearchScreen::on_text(std::string_view utf8, const Env& /*env*/)
{
    commit_kana();
    if (m_field.insert(utf8)) {
        search();
    }
    return Intent::none();
}

Intent SearchScreen::on_key(const input::KeyEvent& key, const Env& /*env*/)
{
    using K = input::Key;
    bool edited = false;
    if (key.key == K::backspace && m_kana.backspace()) {
        show_kana(); // the kana typed on the screen's keyboard goes first
        return Intent::none();
    }
    if (key.key != K::backspace) {
        commit_kana();
    }
    switch (key.key) {
    case K::backspace:
        edited = m_field.backspace();
        break;
    case K::delete_forward:
        edited = m_field.delete_forward();
        break;
    case K::left:
        m_field.move_left();
        break;
    case K::right:
        m_field.move_right();
        break;
    case K::home:
        m_field.move_home();
        break;
    case K::end:
        m_field.move_end();
        break;
    case K::enter:
        // The results are already there; Return only puts the on-screen keyboard away.
        if (m_portrait) {
            m_keyboard_visible = false;
        }
        break;
    case K::up:
    case K::page_up:
    case K::down:
    case K::page_down: {
        const float step = m_results.viewport().h * (key.key == K::up || key.key == K::down ? 0.15f : 0.85f);
        const float dir = key.key == K::up || key.key == K::page_up ? -1.0f : 1.0f;
        m_results.scroll_to(m_results.offset() + dir * step);
        break;
    }
    case K::other:
    case K::escape:
    case K::tab:
    case K::space:
        // Space arrives as text; Tab and unnamed keys mean nothing in a search box.
        break;
    }
    if (edited) {
        search();
    }
    return Intent::none();
}

void SearchScreen::on_composition(std::string_view utf8)
{
    m_field.set_composition(utf8);
}

} // namespace ck::screens
