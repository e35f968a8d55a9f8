#include "content/pack_store.hpp"

#include "content/atomic_file.hpp"
#include "content/pack.hpp"
#include "content/signing.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <system_error>
#include <unistd.h>

namespace ck::content {

namespace fs = std::filesystem;

std::string_view name(ImportOutcome outcome)
{
    switch (outcome) {
    case ImportOutcome::installed:
        return "installed";
    case ImportOutcome::refused:
        return "refused";
    case ImportOutcome::ignored:
        return "ignored";
    }
    return "refused";
}

namespace {

// strerror's text, without strerror's shared buffer (the worker thread reports errors too).
std::string errno_message(int e)
{
    return std::error_code(e, std::generic_category()).message();
}

constexpr std::string_view record_magic = "cable-kiosk-store 1";
constexpr std::size_t copy_block = 1U << 20U;

std::string mib(std::uint64_t bytes)
{
    return std::to_string((bytes + (1U << 19U)) >> 20U) + " MiB";
}

ImportResult refused(const fs::path& source, std::string reason, std::optional<PackInfo> info = std::nullopt)
{
    return { ImportOutcome::refused, source.filename().string(), std::move(reason), std::move(info) };
}

std::string release_line(std::string_view role, const InstalledRelease& r)
{
    std::string line(role);
    for (const std::string* field : { &r.name, &r.content_hash, &r.signer, &r.source }) {
        line += '\t';
        line += *field;
    }
    return line + '\t' + std::to_string(r.sequence) + '\n';
}

std::string record_text(const StoreRecord& record)
{
    std::string text = std::string(record_magic) + "\n";
    text += "highest\t" + std::to_string(record.highest_sequence) + "\n";
    if (record.current) {
        text += release_line("current", *record.current);
    }
    if (record.previous) {
        text += release_line("previous", *record.previous);
    }
    return text;
}

std::vector<std::string> split_tabs(const std::string& line)
{
    std::vector<std::string> out;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, '\t')) {
        out.push_back(field);
    }
    return out;
}

Result<StoreRecord> parse_record(const std::string& text, const fs::path& file)
{
    std::istringstream in(text);
    std::string line;
    int number = 0;
    StoreRecord record;
    while (std::getline(in, line)) {
        ++number;
        const std::string where = file.string() + ":" + std::to_string(number);
        if (number == 1) {
            if (line != record_magic) {
                return make_error("not a kiosk's record of installed packs", where);
            }
            continue;
        }
        const auto fields = split_tabs(line);
        if (fields.size() == 2 && fields[0] == "highest") {
            record.highest_sequence = std::stoll(fields[1]);
        } else if (fields.size() == 6 && (fields[0] == "current" || fields[0] == "previous")) {
            InstalledRelease r { fields[1], std::stoll(fields[5]), fields[2], fields[3], fields[4] };
            (fields[0] == "current" ? record.current : record.previous) = r;
        } else {
            return make_error("a line the kiosk does not write", where);
        }
    }
    return record;
}

Status sync_path(const fs::path& path, bool folder)
{
    const int fd = ::open(path.c_str(), (folder ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) {
        return make_error(std::string("cannot open to sync: ") + errno_message(errno), path.string());
    }
    const int rc = ::fsync(fd);
    const int saved = errno;
    ::close(fd);
    return rc == 0 ? Status {}
                   : Status(make_error(std::string("cannot sync: ") + errno_message(saved), path.string()));
}

struct Identity {
    dev_t dev = 0;
    ino_t ino = 0;
    off_t size = 0;
    std::int64_t mtime_ns = 0;
    friend bool operator==(const Identity&, const Identity&) = default;
};

Identity identity_of(const struct stat& st)
{
    return { st.st_dev, st.st_ino, st.st_size,
        static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec };
}

std::uint64_t free_bytes_at(const fs::path& dir)
{
    struct statvfs st { };
    if (::statvfs(dir.c_str(), &st) != 0) {
        return 0;
    }
    return static_cast<std::uint64_t>(st.f_bavail) * st.f_frsize;
}

// Copies `source` to `target` (created, synced), refusing a source that changes while it is read
// (it grew, was truncated or replaced) and reporting a read error or a full disk as such.
Status copy_checked(const fs::path& source, const fs::path& target, std::uint64_t limit,
    const StoreHooks& hooks, const std::atomic<bool>* cancel)
{
    const int in = ::open(source.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) {
        return make_error(std::string("cannot be read: ") + errno_message(errno));
    }
    struct stat before { };
    ::fstat(in, &before);
    if (static_cast<std::uint64_t>(before.st_size) > limit) {
        ::close(in);
        return make_error("is bigger (" + mib(static_cast<std::uint64_t>(before.st_size))
            + ") than the room left (" + mib(limit) + ")");
    }
    const int out = ::open(target.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0) {
        ::close(in);
        return make_error(std::string("cannot be staged: ") + errno_message(errno), target.string());
    }
    auto close_both = [&](Status s) {
        ::close(in);
        ::close(out);
        return s;
    };
    std::vector<char> buf(copy_block);
    std::uint64_t copied = 0;
    for (;;) {
        if (cancel != nullptr && cancel->load()) {
            return close_both(make_error("the import was cancelled"));
        }
        const ssize_t n = ::read(in, buf.data(), buf.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return close_both(make_error(std::string("could not be read to the end: ") + errno_message(errno)
                + " after " + mib(copied) + "; the stick or share may be failing"));
        }
        if (n == 0) {
            break;
        }
        for (ssize_t done = 0; done < n;) {
            const ssize_t w = ::write(out, buf.data() + done, static_cast<std::size_t>(n - done));
            if (w < 0 && errno == EINTR) {
                continue;
            }
            if (w <= 0) {
                const int e = w < 0 ? errno : ENOSPC;
                return close_both(
                    make_error(e == ENOSPC ? "does not fit: the kiosk's disk is full"
                                           : std::string("cannot be staged: ") + errno_message(e)));
            }
            done += w;
        }
        copied += static_cast<std::uint64_t>(n);
        if (copied > static_cast<std::uint64_t>(before.st_size)) {
            break; // still being written: refused below, never chased to the end of a growing file
        }
        if (hooks.during_copy) {
            if (auto injected = hooks.during_copy(copied); !injected) {
                return close_both(make_error("could not be read to the end: " + injected.error().message));
            }
        }
    }
    struct stat after { };
    const bool gone = ::stat(source.c_str(), &after) != 0;
    if (gone || !(identity_of(after) == identity_of(before))
        || copied != static_cast<std::uint64_t>(before.st_size)) {
        return close_both(
            make_error("changed while it was copied (it grew, shrank or was replaced); copy it to "
                       "the import folder again, completely"));
    }
    if (::fsync(out) != 0) {
        const int e = errno;
        return close_both(make_error(e == ENOSPC ? "does not fit: the kiosk's disk is full"
                                                 : std::string("cannot be synced: ") + errno_message(e)));
    }
    return close_both({});
}

std::string not_newer(std::int64_t sequence, std::int64_t highest)
{
    return "release " + std::to_string(sequence) + " is not newer than release " + std::to_string(highest)
        + ", the newest installed here; a kiosk only goes back by staff's rollback";
}

std::string release_name(const PackInfo& info)
{
    return "r" + std::to_string(info.sequence) + "-" + info.content_hash.substr(0, 12);
}

} // namespace

Result<StoreRecord> read_store_record(const fs::path& state_dir)
{
    const fs::path file = state_dir / "installed";
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return StoreRecord {};
    }
    std::ostringstream text;
    text << in.rdbuf();
    try {
        return parse_record(text.str(), file);
    } catch (const std::exception&) {
        return make_error("a number in the record cannot be read", file.string());
    }
}

Result<PackStore> PackStore::open(fs::path state_dir, std::vector<TrustedKey> keys, StoreHooks hooks)
{
    PackStore store;
    store.m_dir = std::move(state_dir);
    store.m_keys = std::move(keys);
    store.m_hooks = std::move(hooks);
    std::error_code ec;
    for (const char* sub : { "packs", "staging" }) {
        fs::create_directories(store.m_dir / sub, ec);
        if (ec) {
            return make_error(
                "cannot create the state folder: " + ec.message(), (store.m_dir / sub).string());
        }
    }
    auto record = read_store_record(store.m_dir);
    if (!record) {
        return record.error();
    }
    store.m_record = *record;
    if (auto recovered = store.recover(); !recovered) {
        return recovered.error();
    }
    return store;
}

fs::path release_pack_path(const fs::path& state_dir, const InstalledRelease& release)
{
    return state_dir / "packs" / (release.name + ".ckpack");
}

fs::path release_stamp_path(const fs::path& state_dir, const InstalledRelease& release)
{
    return state_dir / "packs" / (release.name + ".stamp");
}

fs::path PackStore::pack_path(const InstalledRelease& release) const
{
    return release_pack_path(m_dir, release);
}

fs::path PackStore::current_path() const
{
    return m_record.current ? pack_path(*m_record.current) : fs::path();
}

fs::path PackStore::stamp_path(const InstalledRelease& release) const
{
    return release_stamp_path(m_dir, release);
}

std::uint64_t PackStore::free_bytes() const
{
    return free_bytes_at(m_dir);
}

void PackStore::step(std::string_view step_name) const
{
    if (m_hooks.after_step) {
        m_hooks.after_step(step_name);
    }
}

Status PackStore::write_record(const StoreRecord& record)
{
    if (auto written = write_file_atomically(m_dir / "installed", record_text(record)); !written) {
        return written;
    }
    m_record = record;
    return {};
}

// What a killed import leaves is removed: the staging folder's files, temporary files of the
// record and the stamps, and every file in packs/ that the record does not name. A record naming a
// pack whose files are gone (a disk repaired by fsck) falls back to the other one it names.
Status PackStore::recover()
{
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_dir / "staging", ec)) {
        fs::remove_all(entry.path(), ec);
    }
    for (const auto& entry : fs::directory_iterator(m_dir, ec)) {
        const std::string n = entry.path().filename().string();
        if (n.rfind(".installed.", 0) == 0 || (n.size() > 4 && n.substr(n.size() - 4) == ".tmp")) {
            fs::remove(entry.path(), ec);
        }
    }
    StoreRecord record = m_record;
    auto whole = [&](const std::optional<InstalledRelease>& r) {
        return r && fs::exists(pack_path(*r), ec) && fs::exists(signature_path_for(pack_path(*r)), ec);
    };
    if (!whole(record.current)) {
        record.current = whole(record.previous) ? record.previous : std::nullopt;
        record.previous.reset();
    }
    if (!whole(record.previous)) {
        record.previous.reset();
    }
    std::set<std::string> kept;
    for (const auto* r : { &record.current, &record.previous }) {
        if (*r) {
            kept.insert((*r)->name);
        }
    }
    for (const auto& entry : fs::directory_iterator(m_dir / "packs", ec)) {
        const std::string n = entry.path().filename().string();
        const std::string stem = n.substr(0, n.find('.'));
        if (kept.count(stem) == 0) {
            fs::remove(entry.path(), ec);
        }
    }
    if (record_text(record) != record_text(m_record)) {
        return write_record(record);
    }
    return {};
}

// What the signature says, before anything is copied: a release installed already, or one not
// newer, is answered without reading the pack. The claim is not trusted for anything else: a pack
// that passes here is copied and checked completely.
std::optional<ImportResult> PackStore::answer_from_signature(const fs::path& pack) const
{
    auto said = read_signature(signature_path_for(pack));
    if (!said || find_signer(m_keys, *said) == nullptr) {
        return std::nullopt; // a stranger's claim is not worth an answer: the checks refuse it
    }
    auto claimed = parse_pack_trusted_comment(said->trusted_comment);
    if (!claimed) {
        return std::nullopt;
    }
    for (const auto* r : { &m_record.current, &m_record.previous }) {
        if (*r && (*r)->sequence == claimed->sequence && (*r)->content_hash == claimed->content_hash) {
            return ImportResult { ImportOutcome::ignored, pack.filename().string(),
                "release " + std::to_string(claimed->sequence) + " is installed already", std::nullopt };
        }
    }
    if (claimed->sequence <= m_record.highest_sequence) {
        return refused(pack, not_newer(claimed->sequence, m_record.highest_sequence));
    }
    return std::nullopt;
}

ImportResult PackStore::import(const fs::path& pack, const std::atomic<bool>* cancel)
{
    const fs::path staged = m_dir / "staging" / "incoming.ckpack";
    const fs::path staged_sig = signature_path_for(staged);
    auto clean = [&](ImportResult r) {
        std::error_code ec;
        fs::remove(staged, ec);
        fs::remove(staged_sig, ec);
        return r;
    };
    if (auto early = answer_from_signature(pack)) {
        return *early;
    }
    const std::uint64_t room = free_bytes_at(m_dir);
    if (auto copied
        = copy_checked(signature_path_for(pack), staged_sig, signature_file_max_bytes, {}, cancel);
        !copied) {
        return clean(refused(pack, "its signature " + copied.error().message));
    }
    if (auto copied = copy_checked(pack, staged, room, m_hooks, cancel); !copied) {
        return clean(refused(pack, "the pack " + copied.error().message));
    }
    step("copied");
    auto sig = read_signature(staged_sig);
    if (!sig) {
        return clean(refused(pack, "its signature file is damaged: " + sig.error().message));
    }
    const TrustedKey* signer = find_signer(m_keys, *sig);
    if (signer == nullptr) {
        PublicKey unknown;
        unknown.key_id = sig->key_id;
        return clean(
            refused(pack, "signed by key " + unknown.key_id_hex() + ", which this kiosk does not trust"));
    }
    VerifyOptions quick;
    quick.integrity = false;
    const VerifyReport report = verify_pack(staged, staged_sig, signer->key, quick, cancel);
    if (!report.ok()) {
        return clean(refused(pack, report.error().to_string(), report.info));
    }
    const PackInfo& info = *report.info;
    if (info.sequence <= m_record.highest_sequence) {
        return clean(refused(pack, not_newer(info.sequence, m_record.highest_sequence), info));
    }
    auto opened = Pack::open(staged, OpenOptions { std::chrono::milliseconds { 0 } });
    if (!opened) {
        return clean(refused(pack, "it cannot be read: " + opened.error().to_string(), info));
    }
    if (auto whole = opened->check_integrity(Pack::Integrity::full, cancel); !whole) {
        return clean(refused(pack, "it is damaged: " + whole.error().to_string(), info));
    }
    step("checked");
    return clean(install_staged(staged, staged_sig, pack.filename().string(), report, *signer));
}

ImportResult PackStore::install_staged(const fs::path& staged, const fs::path& staged_sig,
    const std::string& source, const VerifyReport& report, const TrustedKey& signer)
{
    const PackInfo& info = *report.info;
    InstalledRelease release { release_name(info), info.sequence, info.content_hash, signer.name, source };
    const fs::path target = pack_path(release);
    std::error_code ec;
    fs::rename(staged_sig, signature_path_for(target), ec);
    if (!ec) {
        fs::rename(staged, target, ec);
    }
    if (ec) {
        return refused(source, "it cannot be moved into place: " + ec.message(), info);
    }
    if (auto synced = sync_path(m_dir / "packs", true); !synced) {
        return refused(source, synced.error().to_string(), info);
    }
    step("staged");
    StoreRecord next = m_record;
    next.previous = m_record.current;
    next.current = release;
    next.highest_sequence = std::max(m_record.highest_sequence, info.sequence);
    if (auto written = write_record(next); !written) {
        fs::remove(target, ec);
        fs::remove(signature_path_for(target), ec);
        return refused(
            source, "the record of installed packs cannot be written: " + written.error().to_string(), info);
    }
    step("recorded");
    if (auto key = load_or_create_stamp_key(m_dir / "stamp.key")) {
        (void)write_stamp(stamp_path(release), target, signature_path_for(target), report, *key);
    }
    step("stamped");
    (void)recover(); // the pack before the previous one goes
    return { ImportOutcome::installed, source,
        "release " + std::to_string(info.sequence) + " signed by " + signer.name + " is installed", info };
}

ImportResult PackStore::roll_back()
{
    if (!m_record.previous) {
        return { ImportOutcome::refused, "", "there is no previous pack to go back to", std::nullopt };
    }
    const InstalledRelease back = *m_record.previous;
    const fs::path pack = pack_path(back);
    auto sig = read_signature(signature_path_for(pack));
    const TrustedKey* signer = sig ? find_signer(m_keys, *sig) : nullptr;
    if (signer == nullptr) {
        return refused(pack, "the previous pack is not signed by a key this kiosk still trusts");
    }
    const VerifyReport report = verify_pack(pack, signature_path_for(pack), signer->key);
    if (!report.ok()) {
        return refused(
            pack, "the previous pack no longer verifies: " + report.error().to_string(), report.info);
    }
    StoreRecord next = m_record;
    next.current = back;
    next.previous = m_record.current;
    if (auto written = write_record(next); !written) {
        return refused(pack, written.error().to_string(), report.info);
    }
    if (auto key = load_or_create_stamp_key(m_dir / "stamp.key")) {
        (void)write_stamp(stamp_path(back), pack, signature_path_for(pack), report, *key);
    }
    return { ImportOutcome::installed, back.source,
        (back.sequence < m_record.previous->sequence ? "rolled back to release " : "returned to release ")
            + std::to_string(back.sequence) + " on purpose",
        report.info };
}

Result<Pack> open_current(const PackStore& store)
{
    const auto& current = store.record().current;
    if (!current) {
        return make_error("no pack is installed yet", store.state_dir().string());
    }
    const fs::path pack = store.pack_path(*current);
    const fs::path sig = signature_path_for(pack);
    auto key = load_or_create_stamp_key(store.state_dir() / "stamp.key");
    if (key) {
        if (auto quick = open_stamped(pack, sig, store.stamp_path(*current), *key)) {
            return std::move(*quick);
        }
    }
    auto signature = read_signature(sig);
    if (!signature) {
        return signature.error();
    }
    const TrustedKey* signer = find_signer(store.keys(), *signature);
    if (signer == nullptr) {
        return make_error("the installed pack is not signed by a key this kiosk trusts", pack.string());
    }
    const VerifyReport report = verify_pack(pack, sig, signer->key);
    if (!report.ok()) {
        return report.error();
    }
    if (key) {
        (void)write_stamp(store.stamp_path(*current), pack, sig, report, *key);
    }
    return Pack::open(pack);
}

} // namespace ck::content
