// Verifying a signed pack, and the "verified stamp" that lets a kiosk start without re-hashing a
// multi-GB pack. Full verification (on import and in the self-test): signature, trusted comment,
// open checks, integrity, content hash. The stamp records that result bound to the file's
// identity and to a secret key local to the kiosk; the start-up check costs a stat and 192 KiB of
// hashing, and any swapped or rewritten file fails it. See src/content/README.md.
#pragma once

#include "content/pack.hpp"
#include "content/signing.hpp"

#include <array>
#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ck::content {

// The trusted comment cablepack writes into a pack's signature: it binds the signature to the
// pack's sequence number and content hash, so a validly signed old pack cannot pass as another.
std::string pack_trusted_comment(const PackInfo& info, std::string_view file_name);

struct TrustedPackComment {
    std::int64_t sequence = 0;
    std::string content_hash;
};
Result<TrustedPackComment> parse_pack_trusted_comment(std::string_view comment);

// A key a kiosk trusts, with the name staff know it by ("museum-2026"), so a curator can rotate keys.
struct TrustedKey {
    std::string name;
    PublicKey key;
};

// The trusted key that made `signature`, or null.
const TrustedKey* find_signer(const std::vector<TrustedKey>& keys, const Signature& signature);

// The pack a kiosk has installed, against which a new one is checked (HOSTILE_INPUTS b2.15-16).
struct InstalledPack {
    std::int64_t sequence = 0;
    std::string content_hash;
    // A kiosk's store: the sequence is the highest it ever installed, and a new pack must be
    // strictly newer (the same release is not installed twice).
    bool strictly_newer = false;
};

struct VerifyOptions {
    std::optional<InstalledPack> installed;
    bool integrity = true; // the slow checks (integrity_check, FTS5, content hash)
};

struct VerifyStep {
    std::string name; // "signature", "trusted comment", "open", "rollback", "integrity"
    bool ok = false;
    std::string detail;
};

struct VerifyReport {
    std::vector<VerifyStep> steps; // in order; stops at the first failure
    std::optional<PackInfo> info;
    std::string key_id;
    std::string trusted_comment;
    [[nodiscard]] bool ok() const;
    // The first failed step as an Error ("check: <name>": detail).
    [[nodiscard]] Error error() const;
};

// PACK.minisig beside PACK.
std::filesystem::path signature_path_for(const std::filesystem::path& pack);

VerifyReport verify_pack(const std::filesystem::path& pack, const std::filesystem::path& signature,
    const PublicKey& key, const VerifyOptions& options = {}, const std::atomic<bool>* cancel = nullptr);

// A secret local to one kiosk (32 random bytes in a mode-0600 file), keying the stamp's MAC.
struct StampKey {
    std::array<std::uint8_t, 32> bytes {};
};
Result<StampKey> load_or_create_stamp_key(const std::filesystem::path& path);

// A stamp's MAC: keyed BLAKE2b-256, in hex, of the stamp's text before its "mac " line. Public so
// that tests can make the stamps another kiosk's build would have written.
std::string stamp_mac(const std::string& body, const StampKey& key);

// Records a successful full verification of `pack` (report.ok() must hold), with this build's
// schema::fingerprint().
Status write_stamp(const std::filesystem::path& stamp, const std::filesystem::path& pack,
    const std::filesystem::path& signature, const VerifyReport& report, const StampKey& key);

// The cheap start-up path: checks the stamp against the file's identity, the signature file and
// the pack's first, middle and last 64 KiB, opens the pack, and checks that its sequence and
// content hash are the stamped ones. Any mismatch is an error naming what changed: then verify
// fully again. The schema check of the open is skipped when the stamp was made against this
// build's schema fingerprint; a stamp of format 1, or from before an upgrade of the kiosk or of
// SQLite, has the schema checked and is written again in the current format.
Result<Pack> open_stamped(const std::filesystem::path& pack, const std::filesystem::path& signature,
    const std::filesystem::path& stamp, const StampKey& key, const OpenOptions& options = {});

} // namespace ck::content
