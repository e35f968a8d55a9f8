// About: the collection's "about" text in the visitor's language, set as paragraphs whose short
// opening sentence ("Leaked cables.") becomes a run-in head, beside a card of facts read from the
// pack: how many documents, which years, which classification markings, where they were sent from.
#pragma once

#include "core/background_work.hpp"
#include "screens/screen.hpp"
#include "screens/scroll_view.hpp"

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck::screens {

struct AboutParagraph {
    std::string lead; // a short opening sentence shown as a head, without its full stop; may be empty
    std::string body;
    friend bool operator==(const AboutParagraph&, const AboutParagraph&) = default;
};

// Paragraphs are separated by blank lines; line breaks inside one are joined (with a space between
// Latin words, with nothing between CJK characters). A first sentence becomes the lead when it is
// short (at most 5 words and 40 characters; 16 characters without spaces), has no comma or colon,
// and more text follows it.
std::vector<AboutParagraph> about_paragraphs(std::string_view text);

struct Tally {
    std::string label;
    std::int64_t count = 0;
    friend bool operator==(const Tally&, const Tally&) = default;
};

struct CollectionFacts {
    std::int64_t total = 0;
    int first_year = 0;
    int last_year = 0;
    std::vector<Tally> markings; // by stamp marking, most restrictive first; "" for no marking
    std::vector<Tally> origins; // worded as rows word them (short_place), most frequent first
    // Each origin's label -> the origin as the pack stores it ("Embassy Tokyo"), to find its name
    // in the visitor's language (place_names.hpp).
    std::map<std::string, std::string> origins_written;
};

inline constexpr std::size_t about_origins_shown = 5;
// Up to this many cables the facts are counted when the screen is made (a few milliseconds). A
// larger archive's first count reads its whole cable table (seconds on a 250k pack), so it runs as
// a job on the app's BackgroundWork (about lane) with its own connection, and the card appears
// when it is done.
inline constexpr std::int64_t about_sync_facts_max = 20000;

// Merges facet counts by their short wording and orders them: markings from TOP SECRET down to
// UNCLASSIFIED (then others, then no marking), origins by count. `total` fills the "no marking" line.
CollectionFacts facts_from(
    const content::Facets& facets, const std::vector<content::YearCount>& years, std::int64_t total);

// Counts the facts of a pack: facet counts (exact) and years. Empty when the pack cannot say.
std::optional<CollectionFacts> count_facts(content::Pack& pack, const std::atomic<bool>* cancel = nullptr);

class AboutScreen final : public Screen {
public:
    // `sync_facts_max`: the largest pack whose facts are counted at once (tests lower it); a larger
    // one's are counted on `work`, the app's one owner of background work.
    AboutScreen(
        content::Pack* pack, BackgroundWork& work, std::int64_t sync_facts_max = about_sync_facts_max);
    // Closes the lane: a count still running is cancelled, and it keeps its job alive until it stops.
    ~AboutScreen() override = default;
    AboutScreen(const AboutScreen&) = delete;
    AboutScreen& operator=(const AboutScreen&) = delete;
    AboutScreen(AboutScreen&&) = delete;
    AboutScreen& operator=(AboutScreen&&) = delete;

    [[nodiscard]] ScreenId id() const override { return ScreenId::about; }
    void build(ui::Canvas& canvas, const Env& env) override;
    Intent on_tap(const ui::Widget& widget, const Env& env) override;
    Intent on_gesture(const input::Gesture& gesture, const Env& env) override;
    void advance(Millis now) override;
    [[nodiscard]] bool animating() const override;
    [[nodiscard]] bool reading_long_text() const override { return true; }

    // True once the facts card can be shown (at once for a small pack).
    [[nodiscard]] bool facts_ready() const { return m_has_facts; }

private:
    float build_facts(ui::Canvas& canvas, const Env& env, Rect column);
    float build_marking_rows(ui::Canvas& canvas, const Env& env, Rect inner, float y, ui::Color card);
    float build_text(ui::Canvas& canvas, const Env& env, Rect column);

    // The job's hand-over: it fills `facts` and sets `done`; the UI thread takes them in advance().
    struct FactsJob {
        std::atomic<bool> cancel { false };
        std::atomic<bool> done { false };
        std::mutex mutex;
        std::optional<CollectionFacts> facts;
    };

    content::Pack* m_pack;
    BackgroundWork& m_work;
    CollectionFacts m_facts;
    bool m_has_facts = false;
    std::shared_ptr<FactsJob> m_job;
    BackgroundWork::Lane m_lane; // after m_job: closed first when the screen goes
    ScrollView m_side;
    ScrollView m_main;
};

} // namespace ck::screens
