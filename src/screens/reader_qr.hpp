// "Take this cable home": the reader's QR code of the cable's public page (the permalink the pack
// carries, content/permalink.hpp), dark modules on a light tile with its quiet zone, beside a
// one-line caption. Drawn as crisp squares of whole pixels, 25 to 38 mm wide at the panel's DPI
// (whole pixels per module decide where), which a phone camera reads from 40 cm. The kiosk never
// goes online: the phone does.
#pragma once

#include "qr/qr_code.hpp"
#include "screens/screen.hpp"

#include <memory>
#include <string>

namespace ck::screens {

class ReaderQr {
public:
    // The block for a cable, or null when the cable has no permalink (or it cannot be encoded):
    // then the reader shows no code at all.
    static std::unique_ptr<ReaderQr> make(content::Pack& pack, const std::string& cable_id);

    // The block's height for a column `width` wide; build draws it at the top-left of `column`.
    [[nodiscard]] float measure(ui::Canvas& canvas, const Env& env, float width) const;
    float build(ui::Canvas& canvas, const Env& env, Rect column) const;

    [[nodiscard]] const std::string& url() const { return m_url; }
    [[nodiscard]] const qr::QrCode& code() const { return m_code; }

    // Pixels per module at `px_per_mm`: whole pixels, the smallest that makes the code (with its
    // quiet zone, `modules` wide in all) at least min_width_mm, unless that overshoots
    // max_width_mm, then one less (never below 2: a phone cannot resolve single-pixel modules).
    // Rounding up rather than to the nearest: from 40 cm a larger code is read more surely (the
    // rule of thumb is a tenth of the distance), and the card column has the room.
    [[nodiscard]] static int module_px(float px_per_mm, int modules);
    static constexpr float min_width_mm = 25.0f;
    static constexpr float max_width_mm = 38.0f;

private:
    ReaderQr(std::string url, qr::QrCode code);
    struct Metrics;
    float lay_out(ui::Canvas& canvas, const Env& env, Rect column, bool draw) const;
    void draw_code(ui::Canvas& canvas, Point at, int module) const;

    std::string m_url;
    qr::QrCode m_code;
};

} // namespace ck::screens
