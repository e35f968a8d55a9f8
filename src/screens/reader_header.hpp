// The reader's header card and end matter: the cable decoded for a visitor (subject, date and
// time, precedence in words, sender and addressees, classification and tags as chips that open
// their definitions) and the links onward (references, "cited by"). Builds into a Canvas; reads
// the pack only when made, never per frame.
#pragma once

#include "content/pack.hpp"
#include "screens/screen.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ck::screens {

class ReaderHeader {
public:
    // `record` must outlive the header (the reader screen owns both).
    ReaderHeader(const content::CableRecord& record, content::Pack& pack);

    // The card at the top-left of `column`; returns the height it took. A column with a height
    // is taken to be the card's measured height (saves measuring twice).
    float build_card(ui::Canvas& canvas, const Env& env, Rect column);
    [[nodiscard]] float measure_card(ui::Canvas& canvas, const Env& env, float width);
    // References and "cited by" as a card of links; returns its height, 0 when there are none.
    float build_links(ui::Canvas& canvas, const Env& env, Rect column);
    [[nodiscard]] float measure_links(ui::Canvas& canvas, const Env& env, float width);
    [[nodiscard]] bool has_links() const { return !m_refs.empty() || !m_cited.empty(); }

    // The answer to a tap on one of the header's widgets; nullopt when the widget is not its own.
    std::optional<Intent> on_tap(const ui::Widget& widget);

    // Lists longer than this show their first few and a button for the rest.
    static constexpr std::size_t collapse_after = 4;
    static constexpr std::size_t collapsed_shows = 3;
    static constexpr std::size_t links_collapse_after = 8;
    static constexpr std::size_t links_collapsed_shows = 6;
    static constexpr std::size_t chips_collapse_after = 24;
    static constexpr std::size_t chips_collapsed_shows = 20;

private:
    struct Link {
        std::string id; // widget id
        std::string label; // "A. STATE 156889", "1977STATE158046"
        std::string title; // the linked cable's subject, empty when not in the pack
        std::string date; // ISO, for "cited by"
        std::string target; // pack id, empty when not in the pack
        // A reference with no target: a cable the source page offers ("possibly", with the
        // strings key of its reason), or an FBIS press report. A tap shows `notice`.
        std::string possibly;
        std::string reason_key;
        bool press = false;
        std::string notice = "reader.not_in_collection";
    };
    static void describe_unresolved(const content::ResolvedReference& r, Link& link);
    [[nodiscard]] static std::string link_detail(const Env& env, const Link& link);
    struct Chip {
        std::string label;
        bool defined = false; // the glossary explains it: tapping shows the definition
    };
    struct Metrics;
    class Pen; // measures, and on the drawing pass also draws

    // The card's and the links' contents; each returns its height.
    float card_contents(Pen& pen, const Env& env, Rect column);
    float links_contents(Pen& pen, const Env& env, Rect column);
    // Each returns the height it took below `at`.
    float build_rows(Pen& pen, const Env& env, const Metrics& m, Point at, float width);
    float build_row(Pen& pen, const Env& env, const Metrics& m, Point at, float width,
        const std::vector<std::string>& lines, std::string_view more_id, bool show_all);
    float build_chips(Pen& pen, const Env& env, const Metrics& m, Point at, float width,
        const std::vector<Chip>& chips, std::string_view id_prefix, std::string_view more_id, bool show_all);
    float build_more(Pen& pen, const Env& env, const Metrics& m, Point at, float width, std::string_view id,
        std::size_t hidden);
    float build_link_list(Pen& pen, const Env& env, const Metrics& m, Point at, float width,
        const std::string& heading, const std::vector<Link>& links, bool show_all, std::string_view more_id);
    float build_link(Pen& pen, const Env& env, const Metrics& m, Point at, float width, const Link& link);
    [[nodiscard]] Chip chip(std::string label) const;

    const content::CableRecord& m_record;
    std::vector<std::string> m_defined; // glossary terms in upper case, sorted
    std::string m_from; // the sender in words ("Embassy Tokyo"), else as written
    std::vector<std::string> m_to; // worded addressees
    std::vector<std::string> m_info;
    std::vector<Chip> m_marks; // classification and caveats
    std::vector<Chip> m_tags;
    std::vector<Link> m_refs;
    std::vector<Link> m_cited;
    bool m_all_to = false;
    bool m_all_info = false;
    bool m_all_refs = false;
    bool m_all_cited = false;
    bool m_all_marks = false;
    bool m_all_tags = false;
};

} // namespace ck::screens
