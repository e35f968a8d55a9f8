#include "app/exhibit_updates.hpp"

#include "content/pack_diff.hpp"
#include "core/log.hpp"

#include <algorithm>

namespace ck::app {

struct ExhibitUpdates::Shared {
    explicit Shared(content::PackStore s)
        : store(std::move(s))
    {
    }
    // The store and the folder are used by the worker only, one job at a time.
    content::PackStore store;
    std::optional<content::ImportFolder> folder;
    std::function<std::int64_t()> wall_now;

    mutable std::mutex mutex;
    bool check_asked = false;
    bool rollback_asked = false;
    bool reload_asked = false;
    bool running = false; // a job is posted or running: requests join it
    std::vector<ImportRecord> history;
    content::StoreRecord record;
    std::unique_ptr<content::Pack> ready;
};

namespace {

constexpr std::size_t history_limit = 50;

void remember(std::vector<ImportRecord>& history, ImportRecord entry)
{
    history.insert(history.begin(), std::move(entry));
    if (history.size() > history_limit) {
        history.pop_back();
    }
}

std::string changes_against(const std::filesystem::path& before, content::Pack& after)
{
    if (before.empty()) {
        return {};
    }
    auto old_pack = content::Pack::open(before, content::OpenOptions { std::chrono::milliseconds { 0 } });
    if (!old_pack) {
        return {};
    }
    auto diff = content::diff_packs(*old_pack, after);
    return diff ? diff->summary() : std::string();
}

} // namespace

ExhibitUpdates::ExhibitUpdates(content::PackStore store, std::optional<std::filesystem::path> import_dir,
    std::function<std::int64_t()> wall_now)
    : m_shared(std::make_shared<Shared>(std::move(store)))
{
    if (import_dir) {
        m_shared->folder.emplace(*import_dir);
    }
    m_shared->wall_now = std::move(wall_now);
    m_shared->record = m_shared->store.record();
}

ExhibitUpdates::~ExhibitUpdates()
{
    m_lane.close();
}

void ExhibitUpdates::attach(BackgroundWork::Lane lane)
{
    m_lane = std::move(lane);
    check();
}

void ExhibitUpdates::check()
{
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->check_asked = true;
    }
    kick();
}

void ExhibitUpdates::roll_back()
{
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->rollback_asked = true;
    }
    kick();
}

void ExhibitUpdates::reload()
{
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->reload_asked = true;
    }
    kick();
}

namespace {

// One request at a time, in the order: rollback, reload, the folder. The job loops until no
// request is left, so a request made while it runs is never lost and never cancels it.
void work(const std::shared_ptr<ExhibitUpdates::Shared>& s, const JobContext& ctx);

} // namespace

void ExhibitUpdates::kick()
{
    if (!m_lane) {
        return;
    }
    {
        const std::lock_guard lock(m_shared->mutex);
        if (m_shared->running) {
            return;
        }
        m_shared->running = true;
    }
    auto shared = m_shared;
    if (!m_lane.post([shared](const JobContext& ctx) { work(shared, ctx); })) {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->running = false;
    }
}

namespace {

std::unique_ptr<content::Pack> open_installed(content::PackStore& store)
{
    auto pack = content::open_current(store);
    if (!pack) {
        log::error("import", "the installed pack cannot be opened: " + pack.error().to_string());
        return nullptr;
    }
    return std::make_unique<content::Pack>(std::move(*pack));
}

void log_result(const content::ImportResult& r)
{
    const std::string line = std::string(content::name(r.outcome)) + " " + r.file + ": " + r.reason;
    if (r.outcome == content::ImportOutcome::installed) {
        log::info("import", line);
    } else {
        log::warning("import", line);
    }
}

// Handles one request; false when none was left.
bool one_request(const std::shared_ptr<ExhibitUpdates::Shared>& s, const JobContext& ctx)
{
    bool rollback = false;
    bool reload = false;
    bool check = false;
    {
        const std::lock_guard lock(s->mutex);
        rollback = std::exchange(s->rollback_asked, false);
        reload = !rollback && std::exchange(s->reload_asked, false);
        check = !rollback && !reload && std::exchange(s->check_asked, false);
        if (!rollback && !reload && !check) {
            s->running = false;
            return false;
        }
    }
    std::vector<ImportRecord> done;
    std::unique_ptr<content::Pack> ready;
    const std::filesystem::path shown_before = s->store.current_path();
    auto installed = [&](content::ImportResult r) {
        log_result(r);
        ImportRecord entry { s->wall_now(), std::move(r), {} };
        if (entry.result.outcome == content::ImportOutcome::installed) {
            ready = open_installed(s->store);
            if (ready) {
                entry.changes = changes_against(shown_before, *ready);
            }
        }
        done.push_back(std::move(entry));
    };
    if (rollback) {
        installed(s->store.roll_back());
    } else if (reload) {
        ready = open_installed(s->store);
    } else if (s->folder) {
        for (const auto& entry : s->folder->poll(s->store.free_bytes())) {
            if (ctx.cancelled()) {
                break;
            }
            if (!entry.ignored.empty()) {
                content::ImportResult r { content::ImportOutcome::ignored, entry.path.filename().string(),
                    entry.ignored, {} };
                log_result(r);
                done.push_back({ s->wall_now(), std::move(r), {} });
                continue;
            }
            installed(s->store.import(entry.path, ctx.cancel_flag()));
        }
    }
    {
        const std::lock_guard lock(s->mutex);
        for (auto& e : done) {
            remember(s->history, std::move(e));
        }
        s->record = s->store.record();
        if (ready) {
            s->ready = std::move(ready);
        }
    }
    ctx.ready();
    return true;
}

void work(const std::shared_ptr<ExhibitUpdates::Shared>& s, const JobContext& ctx)
{
    while (!ctx.cancelled() && one_request(s, ctx)) { }
    const std::lock_guard lock(s->mutex);
    s->running = false;
}

} // namespace

std::unique_ptr<content::Pack> ExhibitUpdates::take_ready()
{
    const std::lock_guard lock(m_shared->mutex);
    return std::move(m_shared->ready);
}

bool ExhibitUpdates::has_ready() const
{
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->ready != nullptr;
}

std::vector<ImportRecord> ExhibitUpdates::history() const
{
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->history;
}

content::StoreRecord ExhibitUpdates::record() const
{
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->record;
}

bool ExhibitUpdates::busy() const
{
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->running;
}

} // namespace ck::app
