// The calm "out of order" screen for a missing or bad pack: two lines in both languages, nothing
// technical (the reason goes to the staff log), no way out.
#pragma once

#include "screens/screen.hpp"

namespace ck::screens {

class OutOfOrderScreen final : public Screen {
public:
    [[nodiscard]] ScreenId id() const override { return ScreenId::out_of_order; }
    void build(ui::Canvas& canvas, const Env& env) override;
    Intent on_tap(const ui::Widget& /*widget*/, const Env& /*env*/) override { return Intent::none(); }
    [[nodiscard]] bool shows_navigation() const override { return false; }
};

} // namespace ck::screens
