// libFuzzer target for the cable parser: any bytes in, never a crash, a hang or invalid output.
// Invariants checked on every input: cables' text fields are valid UTF-8, paragraphs point inside
// the display text, and every diagnostic names a file. Seed corpus: the real files in
// content_pack/cables/.
#include "cable/parse.hpp"
#include "core/utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void require(bool ok)
{
    if (!ok) {
        std::abort();
    }
}

} // namespace

// The name and signature are libFuzzer's.
// NOLINTNEXTLINE(readability-identifier-naming)
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const ck::cable::ParseOutput out = ck::cable::parse(bytes, "fuzz.txt");
    for (const ck::cable::Cable& c : out.cables) {
        require(ck::utf8::is_valid(c.display_text));
        require(ck::utf8::is_valid(c.subject));
        require(ck::utf8::is_valid(c.id));
        for (const std::string& t : c.tags) {
            require(ck::utf8::is_valid(t));
        }
        std::size_t lines = 1;
        for (const char ch : c.display_text) {
            lines += ch == '\n' ? 1 : 0;
        }
        for (const ck::cable::Paragraph& p : c.paragraphs) {
            require(p.line >= 1 && p.line <= lines && !p.number.empty());
        }
    }
    for (const ck::cable::Diagnostic& d : out.diagnostics) {
        require(d.file == "fuzz.txt" && !d.message.empty());
    }
    return 0;
}
