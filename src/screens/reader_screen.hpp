// The reader, the heart of the kiosk: one cable with its decoded header card and its text in the
// typewriter face, at its own line breaks. Drag and fling scroll it, a pinch changes the text
// size in steps (reflowing to large print when a teletype line no longer fits), glossary terms in
// the text and the header's chips open their definitions, references open other cables.
// Landscape sets the card beside the text; portrait stacks them in one scrolling column.
#pragma once

#include "input/step_zoom.hpp"
#include "screens/reader_header.hpp"
#include "screens/reader_qr.hpp"
#include "screens/reader_terms.hpp"
#include "screens/reader_text.hpp"
#include "screens/reader_thread.hpp"
#include "screens/reader_tour_card.hpp"
#include "screens/screen.hpp"
#include "screens/scroll_view.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ck::screens {

class ReaderScreen final : public Screen {
public:
    // Reads the cable once; a cable the pack does not hold (or cannot read) shows a calm message.
    ReaderScreen(content::Pack* pack, std::string cable_id);
    ~ReaderScreen() override;
    ReaderScreen(const ReaderScreen&) = delete;
    ReaderScreen& operator=(const ReaderScreen&) = delete;

    [[nodiscard]] ScreenId id() const override { return ScreenId::reader; }
    void build(ui::Canvas& canvas, const Env& env) override;
    Intent on_tap(const ui::Widget& widget, const Env& env) override;
    Intent on_gesture(const input::Gesture& gesture, const Env& env) override;
    void advance(Millis now) override;
    [[nodiscard]] bool animating() const override;
    [[nodiscard]] std::optional<std::string> banner() const override;
    [[nodiscard]] bool reading_long_text() const override { return m_long; }

    // For tests and diagnostics.
    [[nodiscard]] bool found() const { return m_record.has_value(); }
    [[nodiscard]] const std::vector<reader::TermMatch>& terms() const { return m_terms; }
    [[nodiscard]] std::size_t size_step() const { return m_pinching ? m_live_step : m_step; }
    [[nodiscard]] bool large_print() const { return m_shown.large; }
    [[nodiscard]] const ReaderQr* qr() const { return m_qr.get(); }
    [[nodiscard]] float text_scroll_offset() const { return m_text_scroll.offset(); }
    // The layout drawn last, and where its top-left was on screen at scroll offset 0.
    [[nodiscard]] const text::Layout* text_layout() const { return m_shown.layout.get(); }

private:
    struct Geometry {
        bool two_columns = false;
        Rect card_view; // landscape: the left column's scroll view
        Rect text_view; // the text's scroll view (portrait: everything)
        float column_x = 0; // in the text view's content coordinates
        float column_w = 0; // the sheet's width (and the card's, in portrait)
        float card_w = 0; // landscape
        float margin = 0;
        float margin_left = 0; // landscape: where the card starts in its view
        float gap = 0;
        float sheet_pad = 0;
        float text_w = 0;
    };
    // The cable text as laid out for the current frame.
    struct Shown {
        std::shared_ptr<const text::Layout> layout;
        bool large = false;
        Point origin; // the text's top-left in the text view's content coordinates
    };
    // Where the reader was when the size began to change: a display-text byte and its height in
    // the view, so the same words stay under the fingers as the text grows or shrinks.
    struct Anchor {
        std::size_t display_offset = 0;
        float view_y = 0;
        bool pending = false;
    };
    struct VisibleTerm {
        Rect rect; // content coordinates
        float underline_y = 0;
        std::uint32_t match = 0;
    };

    [[nodiscard]] Geometry plan(const ui::Theme& theme, const Env& env) const;
    void lay_out_text(ui::Canvas& canvas, const Geometry& g);
    float build_notices(ui::Canvas& canvas, const Env& env, Point at, float width, bool draw);
    float build_sheet(ui::Canvas& canvas, Point at, const Geometry& g);
    void build_portrait(ui::Canvas& canvas, const Env& env, const Geometry& g);
    void build_landscape(ui::Canvas& canvas, const Env& env, const Geometry& g);
    void build_missing(ui::Canvas& canvas, const Env& env);
    void build_size_indicator(ui::Canvas& canvas, const Env& env, const Geometry& g);
    [[nodiscard]] std::vector<VisibleTerm> visible_terms(const Rect& visible) const;
    void apply_anchor(ui::Canvas& canvas, const Geometry& g, float content_height);
    void capture_anchor(Point screen_point);
    void set_step(std::size_t step, const Env& env);
    [[nodiscard]] const std::vector<reader::TermMatch>& shown_terms() const;

    content::Pack* m_pack;
    std::string m_id;
    std::optional<content::CableRecord> m_record;
    std::unique_ptr<ReaderHeader> m_header;
    std::unique_ptr<ReaderThread> m_thread; // null when the cable belongs to no conversation
    std::unique_ptr<ReaderQr> m_qr; // null: the cable has no public page, no code is shown
    std::string m_banner;
    std::vector<reader::TermMatch> m_terms; // in the display text
    std::optional<reader::LargePrint> m_large; // made the first time large print is needed
    std::vector<reader::TermMatch> m_large_terms; // the same matches in the large-print text

    ScrollView m_text_scroll;
    ScrollView m_card_scroll;
    bool m_two_columns = false;
    Shown m_shown;
    bool m_long = false;

    std::size_t m_step = reader::default_size_step;
    input::StepZoom m_zoom;
    bool m_pinching = false;
    std::size_t m_live_step = reader::default_size_step;
    std::optional<Anchor> m_anchor;

    ReaderTourCard m_tour_card;
    std::optional<ReaderTourCard::Here> m_tour_here; // this frame's tour stop, when it is this cable
};

} // namespace ck::screens
