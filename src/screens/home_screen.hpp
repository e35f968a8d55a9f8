// Home: the exhibit's title and introduction, the sections as large cards with their captions,
// counts and years, the curator's guided tours, and the ways in (search, the timeline, "About this
// collection").
#pragma once

#include "screens/screen.hpp"
#include "screens/scroll_view.hpp"

#include <string>
#include <vector>

namespace ck::screens {

class HomeScreen final : public Screen {
public:
    explicit HomeScreen(content::Pack* pack);

    [[nodiscard]] ScreenId id() const override { return ScreenId::home; }
    void build(ui::Canvas& canvas, const Env& env) override;
    Intent on_tap(const ui::Widget& widget, const Env& env) override;
    Intent on_gesture(const input::Gesture& gesture, const Env& env) override;
    void advance(Millis now) override { m_scroll.advance(now); }
    [[nodiscard]] bool animating() const override { return m_scroll.animating(); }

private:
    struct SectionFacts {
        std::size_t cables = 0;
        int first_year = 0;
        int last_year = 0;
    };

    float build_intro(ui::Canvas& canvas, const Env& env, Rect column);
    float build_ways(ui::Canvas& canvas, const Env& env, Rect column);
    float build_cards(ui::Canvas& canvas, const Env& env, Rect area);
    // The guided tours, one card each, above the sections (home_tours.cpp); 0 when there are none.
    float build_tours(ui::Canvas& canvas, const Env& env, Rect area);

    content::Pack* m_pack;
    std::vector<SectionFacts> m_facts;
    ScrollView m_scroll;
};

} // namespace ck::screens
