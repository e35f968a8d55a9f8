// Failures here are for staff: they are logged with their reason and the visitor sees the calm
// out-of-order screen.
#include "services.hpp"

#include "content/verify.hpp"
#include "core/hash.hpp"
#include "core/log.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <system_error>
#include <unistd.h>

namespace ck::kiosk {

Result<TextStack> make_text_stack(const std::optional<text::FontPaths>& configured)
{
    auto fonts = text::FontSet::create(configured ? *configured : text::FontPaths::debian_defaults());
    if (!fonts) {
        log::warning("kiosk", "fonts: " + fonts.error().to_string() + "; trying DejaVu");
        text::FontPaths dejavu;
        dejavu.sans_regular = { "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0 };
        dejavu.sans_bold = { "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 0 };
        dejavu.mono_regular = { "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 0 };
        dejavu.mono_bold = { "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf", 0 };
        dejavu.fallbacks = text::FontPaths::debian_defaults().fallbacks;
        fonts = text::FontSet::create(dejavu);
        if (!fonts) {
            return fonts.error();
        }
    }
    TextStack stack;
    stack.fonts = std::move(*fonts);
    stack.layouts = std::make_unique<text::LayoutCache>(*stack.fonts);
    stack.glyphs = std::make_unique<text::GlyphCache>(*stack.fonts);
    return stack;
}

std::filesystem::path state_directory()
{
    // NOLINTNEXTLINE(concurrency-mt-unsafe): read at start-up; no thread of ours sets variables
    if (const char* systemd = std::getenv("STATE_DIRECTORY"); systemd != nullptr && *systemd != '\0') {
        return std::filesystem::path(systemd);
    }
    // NOLINTNEXTLINE(concurrency-mt-unsafe): read at start-up; no thread of ours sets variables
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg != nullptr && *xdg != '\0') {
        return std::filesystem::path(xdg) / "cable-kiosk";
    }
    // NOLINTNEXTLINE(concurrency-mt-unsafe): read at start-up; no thread of ours sets variables
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        return std::filesystem::path(home) / ".local" / "state" / "cable-kiosk";
    }
    return std::filesystem::temp_directory_path() / "cable-kiosk";
}

std::filesystem::path stamp_path(const std::filesystem::path& pack, const std::filesystem::path& state_dir)
{
    // One stamp per pack file: two packs with the same name in different folders must not take
    // turns overwriting one stamp (each start would verify fully again).
    const std::string where = std::filesystem::absolute(pack).lexically_normal().string();
    char tag[17];
    std::snprintf(tag, sizeof tag, "%016llx", static_cast<unsigned long long>(fnv1a(where)));
    return state_dir / (pack.filename().string() + "." + tag + ".stamp");
}

std::int64_t resident_bytes()
{
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (f == nullptr) {
        return 0;
    }
    long long size = 0;
    long long resident = 0;
    const int read = std::fscanf(f, "%lld %lld", &size, &resident);
    std::fclose(f);
    return read == 2 ? resident * sysconf(_SC_PAGESIZE) : 0;
}

Result<content::Pack> open_verified_pack(const std::filesystem::path& pack,
    const std::filesystem::path& pubkey, const std::filesystem::path& state_dir)
{
    const auto key = content::read_public_key(pubkey);
    if (!key) {
        return key.error();
    }
    std::error_code ec;
    std::filesystem::create_directories(state_dir, ec);
    if (ec) {
        return make_error("cannot create the state directory: " + ec.message(), state_dir.string());
    }
    const auto stamp_key = content::load_or_create_stamp_key(state_dir / "stamp.key");
    if (!stamp_key) {
        return stamp_key.error();
    }
    const std::filesystem::path signature = content::signature_path_for(pack);
    const std::filesystem::path stamp = stamp_path(pack, state_dir);
    auto quick = content::open_stamped(pack, signature, stamp, *stamp_key);
    if (quick) {
        return std::move(*quick);
    }
    log::info("kiosk", "pack stamp not valid (" + quick.error().to_string() + "); verifying fully");
    const content::VerifyReport report = content::verify_pack(pack, signature, *key);
    if (!report.ok()) {
        return report.error();
    }
    if (auto written = content::write_stamp(stamp, pack, signature, report, *stamp_key); !written) {
        log::warning("kiosk", "cannot record the verification stamp: " + written.error().to_string());
    }
    return content::Pack::open(pack);
}

Result<std::vector<content::TrustedKey>> trusted_keys(const Options& o)
{
    std::vector<content::TrustedKey> keys;
    for (const auto& line : o.trusted_keys) {
        auto key = content::parse_public_key(line.key);
        if (!key) {
            return make_error("pack.trusted_keys: the key of \"" + line.name
                    + "\" is not a minisign public key (the second line of its .pub file)",
                line.where);
        }
        keys.push_back({ line.name, *key });
    }
    if (keys.empty()) {
        auto key = content::read_public_key(o.pubkey);
        if (!key) {
            return key.error();
        }
        keys.push_back({ std::filesystem::path(o.pubkey).filename().string(), *key });
    }
    return keys;
}

Result<content::PackStore> open_store(const Options& o)
{
    auto keys = trusted_keys(o);
    if (!keys) {
        return keys.error();
    }
    auto store = content::PackStore::open(o.state_dir, *keys);
    if (!store) {
        return store.error();
    }
    if (!store->record().current) {
        const auto first = store->import(o.pack);
        if (first.outcome != content::ImportOutcome::installed) {
            return make_error("the first pack cannot be installed: " + first.reason, o.pack);
        }
        log::info("kiosk", "first start: " + first.reason + " from " + o.pack);
    }
    return store;
}

} // namespace ck::kiosk
