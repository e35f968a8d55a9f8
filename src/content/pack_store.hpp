// The packs a kiosk has installed, in its state folder, and the only way a new one gets there: an
// import that copies, checks completely and installs atomically, keeping the previous pack for a
// one-touch rollback. Whatever fails, and wherever the process is killed, the store afterwards
// names a complete, verified pack (or none, before the first install).
//
// STATE/packs/  r<sequence>-<hash12>.ckpack and .minisig, one pair per release kept
// STATE/installed   which pair is current, which is previous, the highest release ever installed
// STATE/staging/    the copy an import works on; anything left here at start is removed
//
// The record is one small file replaced atomically (temp, fsync, rename, fsync the folder): it is
// the only switch, so the pack and its signature never change under a reader one at a time.
#pragma once

#include "content/import_folder.hpp"
#include "content/pack_types.hpp"
#include "content/verify.hpp"
#include "core/result.hpp"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck::content {

struct InstalledRelease {
    std::string name; // "r5-0123456789ab": the file stem in STATE/packs
    std::int64_t sequence = 0;
    std::string content_hash;
    std::string signer; // the trusted key's name
    std::string source; // the file it was imported from ("exhibit-2027.ckpack")
};

struct StoreRecord {
    std::optional<InstalledRelease> current;
    std::optional<InstalledRelease> previous;
    // A new pack must be newer than every pack ever installed here, so a release staff rolled
    // back from, or an old one dropped again, is refused (HOSTILE_INPUTS b2.15).
    std::int64_t highest_sequence = 0;
};

enum class ImportOutcome {
    installed,
    refused, // a pack pair that fails a check: logged, shown to staff
    ignored, // not a pack pair, or already seen: one log line, never retried
};
std::string_view name(ImportOutcome outcome);

struct ImportResult {
    ImportOutcome outcome = ImportOutcome::refused;
    std::string file; // the source's file name
    std::string reason; // for staff: why refused or ignored; what was installed
    std::optional<PackInfo> info; // of the pack imported, once it could be read
};

// Where a test injects faults: after each named step ("copied", "checked", "synced", "staged",
// "recorded", "stamped"), and after each block of the copy (to grow, truncate or fail the source).
struct StoreHooks {
    std::function<void(std::string_view step)> after_step;
    std::function<Status(std::uint64_t copied_bytes)> during_copy;
};

class Pack;

class PackStore {
public:
    // Opens (or makes) the store in `state_dir`, removing what a killed import left: staging files,
    // temporary records and stamps, and pack files the record does not name.
    static Result<PackStore> open(
        std::filesystem::path state_dir, std::vector<TrustedKey> keys, StoreHooks hooks = {});

    [[nodiscard]] const StoreRecord& record() const { return m_record; }
    [[nodiscard]] std::filesystem::path state_dir() const { return m_dir; }
    [[nodiscard]] std::filesystem::path pack_path(const InstalledRelease& release) const;
    // The current pack's path; empty before the first install.
    [[nodiscard]] std::filesystem::path current_path() const;
    [[nodiscard]] std::filesystem::path stamp_path(const InstalledRelease& release) const;
    [[nodiscard]] const std::vector<TrustedKey>& keys() const { return m_keys; }
    // Room left where the packs are kept.
    [[nodiscard]] std::uint64_t free_bytes() const;

    // Copies `pack` (with PACK.minisig beside it) into staging, checks the signature against the
    // trusted keys, that it is newer than every pack installed here, its integrity and schema, then
    // installs it as current and keeps the current one as previous. `cancel` stops it between
    // blocks (nothing is installed).
    ImportResult import(const std::filesystem::path& pack, const std::atomic<bool>* cancel = nullptr);

    // Staff's rollback: the previous pack becomes current again, on purpose, although older; the
    // one rolled back from is kept as previous. Checks the kept pack fully first.
    ImportResult roll_back();

private:
    PackStore() = default;
    Status write_record(const StoreRecord& record);
    Status recover();
    void step(std::string_view name) const;
    [[nodiscard]] std::optional<ImportResult> answer_from_signature(const std::filesystem::path& pack) const;
    ImportResult install_staged(const std::filesystem::path& staged, const std::filesystem::path& staged_sig,
        const std::string& source, const VerifyReport& report, const TrustedKey& signer);

    std::filesystem::path m_dir;
    std::vector<TrustedKey> m_keys;
    StoreHooks m_hooks;
    StoreRecord m_record;
};

// Where the store in `state_dir` keeps a release's pack and its stamp (for readers that must not
// touch the store, such as the self-test).
std::filesystem::path release_pack_path(
    const std::filesystem::path& state_dir, const InstalledRelease& release);
std::filesystem::path release_stamp_path(
    const std::filesystem::path& state_dir, const InstalledRelease& release);

// Reads STATE/installed (what `cablepack verify --installed STATE_DIR` checks against).
Result<StoreRecord> read_store_record(const std::filesystem::path& state_dir);

// Opens the store's current pack: by its verified stamp, else verified fully (and stamped again).
Result<Pack> open_current(const PackStore& store);

} // namespace ck::content
