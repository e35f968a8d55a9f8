// New exhibits arriving while the kiosk runs (issue 12): the import folder is checked on the
// background work's import lane, each pack pair imported into the store (copied, checked
// completely, installed atomically), and an installed pack handed to the kiosk, which switches to
// it at the next moment between visits, never in the middle of one. Staff's rollback and reload
// run on the same lane, one after another, never cancelling an import half-way.
#pragma once

#include "content/pack.hpp"
#include "content/pack_store.hpp"
#include "core/background_work.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ck::app {

struct ImportRecord {
    std::int64_t unix_seconds = 0;
    content::ImportResult result;
    std::string changes; // against the pack shown before: "3 cables added, ..." (installed only)
};

class ExhibitUpdates {
public:
    // `import_dir` unset: no folder is watched (rollback and reload still work). `wall_now` gives
    // the time recorded in the history, in seconds since 1970.
    ExhibitUpdates(content::PackStore store, std::optional<std::filesystem::path> import_dir,
        std::function<std::int64_t()> wall_now);
    ~ExhibitUpdates();
    ExhibitUpdates(const ExhibitUpdates&) = delete;
    ExhibitUpdates& operator=(const ExhibitUpdates&) = delete;
    ExhibitUpdates(ExhibitUpdates&&) = delete;
    ExhibitUpdates& operator=(ExhibitUpdates&&) = delete;

    // The lane the work runs on (the kiosk's import lane); nothing runs before.
    void attach(BackgroundWork::Lane lane);

    // Thread-safe (the folder watcher calls it): look at the import folder again soon.
    void check();
    // Staff: go back to the previous pack, on purpose.
    void roll_back();
    // Staff: open the installed pack again and show it at the next moment between visits.
    void reload();

    // The pack to show next, once installed and opened; the kiosk takes it between visits.
    std::unique_ptr<content::Pack> take_ready();
    [[nodiscard]] bool has_ready() const;
    // Newest first, at most 50 entries.
    [[nodiscard]] std::vector<ImportRecord> history() const;
    [[nodiscard]] content::StoreRecord record() const;
    [[nodiscard]] bool busy() const;

    // Internal: what the worker and the UI thread share (named here for the worker's functions).
    struct Shared;

private:
    void kick();
    std::shared_ptr<Shared> m_shared;
    BackgroundWork::Lane m_lane;
};

} // namespace ck::app
