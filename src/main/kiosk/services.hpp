// What the kiosk needs before its first frame: fonts and the caches in front of them, and the
// pack, verified (fully the first time, by its stamp afterwards).
#pragma once

#include "content/pack.hpp"
#include "content/pack_store.hpp"
#include "content/verify.hpp"
#include "core/result.hpp"
#include "options.hpp"
#include "text/font_set.hpp"
#include "text/glyph_cache.hpp"
#include "text/layout_cache.hpp"
#include "ui/canvas.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace ck::kiosk {

struct TextStack {
    std::unique_ptr<text::FontSet> fonts;
    std::unique_ptr<text::LayoutCache> layouts;
    std::unique_ptr<text::GlyphCache> glyphs;

    [[nodiscard]] ui::TextServices services() const { return { *fonts, *layouts, *glyphs }; }
};

// Debian's fonts, else a second set of common Debian faces; an error only when neither loads.
// `configured`: the [fonts] of the configuration file, which replace Debian's.
Result<TextStack> make_text_stack(const std::optional<text::FontPaths>& configured = std::nullopt);

// Where the kiosk keeps its verification stamps and their key: $STATE_DIRECTORY (systemd), else
// $XDG_STATE_HOME/cable-kiosk, else ~/.local/state/cable-kiosk. Never anything a visitor typed.
std::filesystem::path state_directory();

// Where the verification stamp of `pack` lives in `state_dir`.
std::filesystem::path stamp_path(const std::filesystem::path& pack, const std::filesystem::path& state_dir);

// Our resident set size in bytes (/proc/self/statm), 0 when it cannot be read.
std::int64_t resident_bytes();

// Opens the pack after checking its signature with `pubkey`. The first start (or any change to
// the file) verifies fully and records a stamp; later starts check the stamp only.
Result<content::Pack> open_verified_pack(const std::filesystem::path& pack,
    const std::filesystem::path& pubkey, const std::filesystem::path& state_dir);

// The keys the kiosk trusts: [pack] trusted_keys, else the one in --pubkey. An error names the
// config line or the file.
Result<std::vector<content::TrustedKey>> trusted_keys(const Options& options);

// With [state] dir: the store of installed packs, where the first start installs the bundled (or
// --pack) pack with the same checks as any import.
Result<content::PackStore> open_store(const Options& options);

} // namespace ck::kiosk
