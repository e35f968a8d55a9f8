// The guided tour's card in the reader: which tour, "Stop 2 of 5", the curator's note (and, at
// the first stop, the tour's introduction), Previous, Next and "Leave tour". It shows only while
// the visit's tour (Visit::tour) stands at a stop of the cable the reader shows; the app moves the
// tour on the intents the card answers with. Landscape sets it above the header card; portrait
// pins it below the text, within a thumb's reach, so the buttons never scroll away.
#pragma once

#include "screens/screen.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace ck::screens {

class ReaderTourCard {
public:
    // The tour and stop the visit stands at, when that stop is `cable`; nullopt otherwise.
    struct Here {
        const content::Tour* tour = nullptr;
        const content::TourStop* stop = nullptr;
        std::size_t index = 0;
        std::size_t count = 0;
    };
    [[nodiscard]] static std::optional<Here> here(const Env& env, std::string_view cable);

    // The card's height at `width`; draws it at `rect` (its height from measure).
    float measure(ui::Canvas& canvas, const Env& env, const Here& here, float width);
    void build(ui::Canvas& canvas, const Env& env, const Here& here, Rect rect);
    // The intent of a tap on one of the card's buttons; nullopt for any other widget.
    [[nodiscard]] static std::optional<Intent> on_tap(const ui::Widget& widget);

    // The byte in the display text where the stop's paragraph begins, the first time a stop with a
    // paragraph is shown (so the reader opens there once, and then the visitor scrolls freely).
    std::optional<std::size_t> take_paragraph_offset(const Here& here, const cable::Cable& cable);

private:
    float lay_out(ui::Canvas& canvas, const Env& env, const Here& here, Rect rect, bool draw);
    float build_buttons(
        ui::Canvas& canvas, const Env& env, const Here& here, Point at, float width, bool draw);

    bool m_paragraph_taken = false;
};

} // namespace ck::screens
