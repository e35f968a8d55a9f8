// libqrencode behind a value type: the QRcode it returns is owned by a unique_ptr and copied into a
// plain matrix before it is freed, so no libqrencode type leaves this file.
#include "qr/qr_code.hpp"

#include <cerrno>
#include <cstring>
#include <memory>
#include <qrencode.h>
#include <string>

namespace ck::qr {
namespace {

struct QrFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrPtr = std::unique_ptr<QRcode, QrFree>;

} // namespace

Result<QrCode> encode(std::string_view text)
{
    if (text.empty()) {
        return make_error("nothing to encode");
    }
    if (text.size() > max_text_bytes) {
        return make_error("text of " + std::to_string(text.size()) + " bytes is longer than the "
            + std::to_string(max_text_bytes) + " a QR code here may hold");
    }
    // Byte mode (8-bit data) keeps the URL exactly as given: QRencode_string's kanji and
    // alphanumeric hints could change how a phone reads lower-case letters.
    const std::string copy(text);
    errno = 0;
    QrPtr code(QRcode_encodeData(
        static_cast<int>(copy.size()), reinterpret_cast<const unsigned char*>(copy.data()), 0, QR_ECLEVEL_M));
    if (!code) {
        return make_error(std::string("libqrencode could not encode the text: ") + std::strerror(errno));
    }
    QrCode out;
    out.size = code->width;
    out.version = code->version;
    const auto cells = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    out.modules.resize(cells);
    // Bit 0 of each byte is the module's colour; the other bits say what kind of module it is.
    for (std::size_t i = 0; i < cells; ++i) {
        out.modules[i] = static_cast<std::uint8_t>(code->data[i] & 1U);
    }
    return out;
}

} // namespace ck::qr
