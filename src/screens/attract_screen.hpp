// The attract loop, while nobody is there: the exhibit's title and a featured cable being typed
// out line by line in the typewriter face at a human pace, cycling through the featured cables
// with their teasers. A touch anywhere invites the visitor in (the app swallows that touch).
#pragma once

#include "screens/screen.hpp"

#include <string>
#include <vector>

namespace ck::screens {

class AttractScreen final : public Screen {
public:
    explicit AttractScreen(content::Pack* pack);

    [[nodiscard]] ScreenId id() const override { return ScreenId::attract; }
    void build(ui::Canvas& canvas, const Env& env) override;
    Intent on_tap(const ui::Widget& widget, const Env& env) override;
    void advance(Millis now) override;
    [[nodiscard]] std::optional<Millis> next_wakeup() const override;
    [[nodiscard]] bool shows_navigation() const override { return false; }

    // Typing pace (VISUAL.md: 15-25 characters a second, a pause at each line end).
    static constexpr Millis char_ms { 50 };
    static constexpr Millis line_pause_ms { 380 };
    static constexpr Millis hold_ms { 6000 };
    static constexpr std::size_t max_lines = 16;

private:
    struct Featured {
        std::string id;
        std::string text; // the lines typed out
        std::vector<std::size_t> line_ends; // byte offset after each line
        bool loaded = false;
    };

    void load(Featured& f);
    // Bytes revealed `elapsed` after typing began, and when the next one appears.
    [[nodiscard]] std::size_t revealed(const Featured& f, Millis elapsed) const;
    [[nodiscard]] Millis typing_duration(const Featured& f) const;

    content::Pack* m_pack;
    std::vector<Featured> m_featured;
    std::size_t m_index = 0;
    Millis m_started { -1 };
    Millis m_now { 0 };
};

} // namespace ck::screens
