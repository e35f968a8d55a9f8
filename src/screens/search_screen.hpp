// Search by touch: a text field, the on-screen keyboard (a USB keyboard and an input method work
// too), completions for the word being typed, results as you type with the query's words marked,
// filter chips with counts, and a friendly "nothing found" with something to try. Searches run on
// a SearchWorker (lanes of the app's BackgroundWork) so typing never waits for the pack; what a
// visitor types lives only in this screen's memory and goes with it (back, home, idle reset).
// The class is split by concern: search_screen.cpp is the controller (state, input, requests to
// the worker, applying its answers), search_kana.cpp the Japanese keyboard's kana and terms, and
// search_layout.cpp builds the frame.
#pragma once

#include "screens/kana_input.hpp"
#include "screens/screen.hpp"
#include "screens/scroll_view.hpp"
#include "screens/search_field.hpp"
#include "screens/search_filters.hpp"
#include "screens/search_view.hpp"
#include "screens/search_worker.hpp"
#include "ui/keyboard.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck::screens {

// What the screen shows from the latest applied response.
struct ShownResults {
    bool have = false; // a response to the current query (or an earlier one) has arrived
    bool failed = false;
    std::string text; // the text the shown results answer
    content::SearchResults results; // hits of every page loaded so far
    std::vector<SubjectMarks> marks;
    std::vector<content::Completion> completions;
    std::vector<Suggestion> suggestions;
    std::vector<content::FacetCount> top_tags;
    std::optional<content::Facets> facets;
};

class SearchScreen final : public Screen {
public:
    static constexpr std::size_t page_size = 20;
    static constexpr std::size_t max_results = 200; // "Show more" stops here: refine instead

    // `work` is the app's one owner of background work; it must outlive the screen's requests
    // (the app declares it before its screens).
    SearchScreen(content::Pack* pack, BackgroundWork& work, const std::string& initial_text);

    [[nodiscard]] ScreenId id() const override { return ScreenId::search; }
    void build(ui::Canvas& canvas, const Env& env) override;
    Intent on_tap(const ui::Widget& widget, const Env& env) override;
    Intent on_gesture(const input::Gesture& gesture, const Env& env) override;
    Intent on_text(std::string_view utf8, const Env& env) override;
    Intent on_key(const input::KeyEvent& key, const Env& env) override;
    void on_composition(std::string_view utf8) override;
    void advance(Millis now) override;
    [[nodiscard]] bool animating() const override;
    void await_background(std::chrono::milliseconds limit) override;
    void frame_done() override;
    [[nodiscard]] std::optional<SearchOutcome> search_outcome() const override
    {
        if (!m_shown.have || m_shown.failed || m_shown.results.empty_query || m_field.text().empty()) {
            return std::nullopt;
        }
        return SearchOutcome { m_answered, m_shown.results.total > 0, m_serial };
    }

    // For tests and the bench.
    [[nodiscard]] const SearchField& field() const { return m_field; }
    [[nodiscard]] const SearchFilters& filters() const { return m_filters; }
    [[nodiscard]] const ShownResults& shown() const { return m_shown; }
    // True while the newest query has not been answered yet.
    [[nodiscard]] bool waiting() const { return m_answered < m_generation; }
    [[nodiscard]] bool keyboard_visible() const { return m_keyboard_visible; }
    [[nodiscard]] SearchWorker* worker() { return m_worker.get(); }
    [[nodiscard]] const KanaInput& kana() const { return m_kana; }
    [[nodiscard]] ui::KeyboardLayout keyboard_layout() const { return m_layout; }

private:
    // Widget id prefixes the layout draws and the controller answers.
    static constexpr std::string_view complete_prefix = "complete:";
    static constexpr std::string_view suggest_prefix = "suggest:";
    static constexpr std::string_view tag_prefix = "tag:";
    static constexpr std::string_view kana_prefix = "kana:"; // a term offered for the typed kana

    struct Areas;

    // Controller (search_screen.cpp).

    void search();
    void load_more();
    void apply(SearchResponse&& response);
    void press_key(const ui::KeyboardKey& key);
    // The Japanese keyboard (search_kana.cpp): the layout follows the UI language; typed kana waits
    // beside the box (shown underlined, not searched) until a term is chosen or it is committed.
    void follow_language(const Env& env);
    bool press_kana_key(const ui::KeyboardKey& key);
    void commit_kana();
    void show_kana();
    std::vector<ChipSpec> kana_chips() const;
    std::optional<std::string> typed_reading() const;

    // Layout (search_layout.cpp).
    Areas areas(ui::Canvas& canvas, const Env& env);
    float build_filters(ui::Canvas& canvas, const Env& env, Rect area);
    float build_results(ui::Canvas& canvas, const Env& env, Rect column);
    float build_status(ui::Canvas& canvas, const Env& env, Rect area);
    float build_empty_or_nothing(ui::Canvas& canvas, const Env& env, Rect column);
    std::vector<ChipSpec> completion_chips() const;
    ui::KeyboardLabels keyboard_labels(const Env& env) const;

    content::Pack* m_pack;
    BackgroundWork& m_work;
    std::unique_ptr<SearchWorker> m_worker;
    SearchField m_field;
    FieldScroll m_field_scroll;
    SearchFilters m_filters;
    ShownResults m_shown;
    ScrollView m_results;
    std::vector<float> m_row_heights; // as last drawn, 0 until a row is first near the view
    std::string m_rows_key; // the width, text size and language the heights were measured at
    ui::Keyboard m_keyboard;
    bool m_keyboard_visible = true;
    ui::KeyboardLayout m_layout = ui::KeyboardLayout::latin;
    std::string m_layout_lang; // the UI language the layout was chosen for
    KanaInput m_kana;
    bool m_portrait = false;
    std::uint64_t m_generation = 0; // of the newest request
    std::uint64_t m_answered = 0; // newest generation with a response applied
    std::uint64_t m_serial = 0; // this screen among every search screen made (SearchOutcome::screen)
    std::uint64_t m_scrolled_for = 0; // generation whose first answer reset the list's scroll
    content::SearchQuery m_last_query; // what was last submitted (to skip unchanged searches)
    bool m_submitted = false;
    bool m_facets_current = false; // the facets shown belong to the current query
};

} // namespace ck::screens
