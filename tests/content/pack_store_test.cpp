// The pack store (issue 12): an import copies, checks completely and installs atomically, keeps
// the previous pack, and survives every fault: a source that changes or fails while it is copied,
// a process killed at each named step (a real SIGKILL in a forked child), leftovers of a killed
// import, and the hostile packs of HOSTILE_INPUTS b2.
#include "content/pack_store.hpp"
#include "content/signing.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <fstream>
#include <map>
#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

using ck::test::TempDir;
namespace fs = std::filesystem;
using namespace ck::content;

namespace {

struct Curator {
    KeyPair keys;
    std::string name = "museum-2026";
};

Curator curator()
{
    auto keys = generate_key_pair();
    REQUIRE(keys);
    return { *keys };
}

// A signed pack of release `sequence` in `dir`, named `file`.
fs::path drop(const fs::path& dir, const std::string& file, std::int64_t sequence, const Curator& c)
{
    fs::create_directories(dir);
    const fs::path pack = dir / file;
    auto cables = ck::test::sample_cables();
    if (sequence % 2 == 0) {
        cables.pop_back(); // releases differ in content too
    }
    ck::test::build_pack(pack, cables, ck::test::sample_manifest(), sequence);
    const auto info = ck::test::open_pack(pack).info();
    auto sig = sign_file(pack, c.keys.secret_key, pack_trusted_comment(info, file));
    REQUIRE(sig);
    ck::test::write_bytes(signature_path_for(pack), format_signature(*sig));
    return pack;
}

PackStore store_at(const fs::path& state, const Curator& c, StoreHooks hooks = {})
{
    auto store = PackStore::open(state, { TrustedKey { c.name, c.keys.public_key } }, std::move(hooks));
    REQUIRE(store);
    return std::move(*store);
}

std::int64_t current_sequence(const PackStore& store)
{
    REQUIRE(store.record().current);
    auto pack = open_current(store);
    REQUIRE(pack);
    CHECK(pack->info().sequence == store.record().current->sequence);
    return pack->info().sequence;
}

bool has_leftovers(const fs::path& state)
{
    return !fs::is_empty(state / "staging");
}

} // namespace

TEST_CASE("a newer signed pack is installed, the one before is kept, and an older or equal one is refused")
{
    TempDir dir;
    const auto c = curator();
    auto store = store_at(dir / "state", c);
    CHECK(store.current_path().empty());
    auto first = store.import(drop(dir / "usb", "exhibit-3.ckpack", 3, c));
    CHECK(first.outcome == ImportOutcome::installed);
    CHECK(current_sequence(store) == 3);
    auto second = store.import(drop(dir / "usb", "exhibit-4.ckpack", 4, c));
    CHECK(second.outcome == ImportOutcome::installed);
    CHECK(second.reason == "release 4 signed by museum-2026 is installed");
    CHECK(current_sequence(store) == 4);
    REQUIRE(store.record().previous);
    CHECK(store.record().previous->sequence == 3);
    CHECK(store.record().current->source == "exhibit-4.ckpack");

    const auto older = store.import(drop(dir / "usb2", "exhibit-2.ckpack", 2, c));
    CHECK(older.outcome == ImportOutcome::refused);
    CHECK(older.reason.find("release 2 is not newer than release 4") != std::string::npos);
    // The release shown, dropped again: answered from its signature, without copying it.
    const auto same = store.import(dir / "usb" / "exhibit-4.ckpack");
    CHECK(same.outcome == ImportOutcome::ignored);
    CHECK(same.reason == "release 4 is installed already");
    CHECK(current_sequence(store) == 4);
    CHECK_FALSE(has_leftovers(dir / "state"));
    // Only the current and the previous pair stay on the disk.
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir / "state" / "packs")) {
        files += e.path().extension() == ".ckpack" ? 1 : 0;
    }
    CHECK(files == 2);
}

TEST_CASE(
    "the installed releases and the highest sequence survive a restart, so a rollback attack stays refused")
{
    TempDir dir;
    const auto c = curator();
    {
        auto store = store_at(dir / "state", c);
        REQUIRE(store.import(drop(dir / "usb", "a.ckpack", 5, c)).outcome == ImportOutcome::installed);
    }
    auto again = store_at(dir / "state", c);
    CHECK(current_sequence(again) == 5);
    CHECK(again.record().highest_sequence == 5);
    CHECK(again.import(drop(dir / "usb", "b.ckpack", 4, c)).outcome == ImportOutcome::refused);
    const auto record = read_store_record(dir / "state");
    REQUIRE(record);
    CHECK(record->current->sequence == 5);
}

TEST_CASE(
    "staff's rollback installs the kept pack on purpose, and the release rolled back from cannot return")
{
    TempDir dir;
    const auto c = curator();
    auto store = store_at(dir / "state", c);
    REQUIRE(store.import(drop(dir / "usb", "a.ckpack", 3, c)).outcome == ImportOutcome::installed);
    REQUIRE(store.import(drop(dir / "usb", "b.ckpack", 4, c)).outcome == ImportOutcome::installed);
    const auto back = store.roll_back();
    CHECK(back.outcome == ImportOutcome::installed);
    CHECK(back.reason == "rolled back to release 3 on purpose");
    CHECK(current_sequence(store) == 3);
    CHECK(store.record().previous->sequence == 4);
    // Release 4 is still kept (as the previous one): dropping it again changes nothing.
    CHECK(store.import(dir / "usb" / "b.ckpack").outcome == ImportOutcome::ignored);
    CHECK(current_sequence(store) == 3);
    // Staff may change their mind: the kept, newer release comes back the same way.
    const auto forward = store.roll_back();
    CHECK(forward.reason == "returned to release 4 on purpose");
    CHECK(current_sequence(store) == 4);
    CHECK(store.roll_back().reason == "rolled back to release 3 on purpose");
    CHECK(store.import(drop(dir / "usb", "c.ckpack", 5, c)).outcome == ImportOutcome::installed);
    CHECK(current_sequence(store) == 5);
}

TEST_CASE("a rollback without a previous pack is refused and changes nothing")
{
    TempDir dir;
    const auto c = curator();
    auto store = store_at(dir / "state", c);
    REQUIRE(store.import(drop(dir / "usb", "a.ckpack", 3, c)).outcome == ImportOutcome::installed);
    CHECK(store.roll_back().outcome == ImportOutcome::refused);
    CHECK(current_sequence(store) == 3);
}

TEST_CASE("a source that grows, shrinks or fails while it is copied is refused and the installed pack stays")
{
    struct Fault {
        const char* name;
        const char* expected;
    };
    for (const Fault f : { Fault { "grows", "changed while it was copied" },
             Fault { "shrinks", "changed while it was copied" }, Fault { "EIO", "Input/output error" } }) {
        CAPTURE(f.name);
        TempDir dir;
        const auto c = curator();
        {
            auto store = store_at(dir / "state", c);
            REQUIRE(store.import(drop(dir / "usb", "a.ckpack", 3, c)).outcome == ImportOutcome::installed);
        }
        const fs::path source = drop(dir / "usb", "b.ckpack", 4, c);
        const std::string name = f.name;
        StoreHooks hooks;
        bool once = false;
        hooks.during_copy = [&](std::uint64_t) -> ck::Status {
            if (std::exchange(once, true)) {
                return {};
            }
            if (name == "grows") {
                std::ofstream(source, std::ios::app) << std::string(4096, 'x');
            } else if (name == "shrinks") {
                fs::resize_file(source, fs::file_size(source) / 2);
            } else {
                return ck::make_error("Input/output error");
            }
            return {};
        };
        auto store = store_at(dir / "state", c, hooks);
        const auto r = store.import(source);
        CHECK(r.outcome == ImportOutcome::refused);
        CHECK(r.reason.find(f.expected) != std::string::npos);
        CHECK(current_sequence(store) == 3);
        CHECK_FALSE(has_leftovers(dir / "state"));
    }
}

TEST_CASE("a kiosk killed at any step of an import restarts on the old pack or the new one, both whole")
{
    for (const char* point : { "copying", "copied", "checked", "staged", "recorded", "stamped" }) {
        CAPTURE(point);
        TempDir dir;
        const auto c = curator();
        {
            auto store = store_at(dir / "state", c);
            REQUIRE(store.import(drop(dir / "usb", "a.ckpack", 3, c)).outcome == ImportOutcome::installed);
        }
        const fs::path source = drop(dir / "usb", "b.ckpack", 4, c);
        const std::string at = point;
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            StoreHooks hooks;
            hooks.after_step = [&](std::string_view step) {
                if (step == at) {
                    ::raise(SIGKILL);
                }
            };
            hooks.during_copy = [&](std::uint64_t) -> ck::Status {
                if (at == "copying") {
                    ::raise(SIGKILL);
                }
                return {};
            };
            auto store = PackStore::open(dir / "state", { TrustedKey { c.name, c.keys.public_key } }, hooks);
            if (store) {
                (void)store->import(source);
            }
            ::_exit(0);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        REQUIRE(WIFSIGNALED(status));
        CHECK(WTERMSIG(status) == SIGKILL);
        auto store = store_at(dir / "state", c);
        const std::int64_t shown = current_sequence(store);
        const bool before_switch = at == "copying" || at == "copied" || at == "checked" || at == "staged";
        CHECK(shown == (before_switch ? 3 : 4));
        CHECK_FALSE(has_leftovers(dir / "state"));
        // A killed import is not half-remembered: the same drop installs (or is known) afterwards.
        const auto retry = store.import(source);
        CHECK(current_sequence(store) == 4);
        CHECK((retry.outcome == ImportOutcome::installed) == before_switch);
    }
}

TEST_CASE("leftovers of a killed import are removed at start and the record is kept")
{
    TempDir dir;
    const auto c = curator();
    {
        auto store = store_at(dir / "state", c);
        REQUIRE(store.import(drop(dir / "usb", "a.ckpack", 3, c)).outcome == ImportOutcome::installed);
    }
    ck::test::write_bytes(dir / "state" / "staging" / "incoming.ckpack", "half a pack");
    ck::test::write_bytes(dir / "state" / "packs" / "r9-000000000000.ckpack", "an orphan");
    ck::test::write_bytes(dir / "state" / "packs" / "r9-000000000000.stamp.tmp", "a stamp being written");
    ck::test::write_bytes(dir / "state" / ".installed.Ab12Cd", "a record being written");
    auto store = store_at(dir / "state", c);
    CHECK(current_sequence(store) == 3);
    CHECK_FALSE(has_leftovers(dir / "state"));
    CHECK_FALSE(fs::exists(dir / "state" / "packs" / "r9-000000000000.ckpack"));
    CHECK_FALSE(fs::exists(dir / "state" / "packs" / "r9-000000000000.stamp.tmp"));
    CHECK_FALSE(fs::exists(dir / "state" / ".installed.Ab12Cd"));
}

TEST_CASE("hostile packs are refused with their reason: unknown key, another pack's signature, appended "
          "bytes, a truncated signature")
{
    TempDir dir;
    const auto c = curator();
    auto store = store_at(dir / "state", c);
    REQUIRE(store.import(drop(dir / "usb", "a.ckpack", 3, c)).outcome == ImportOutcome::installed);

    const auto stranger = curator();
    const auto unknown = store.import(drop(dir / "x1", "b.ckpack", 4, stranger));
    CHECK(unknown.outcome == ImportOutcome::refused);
    CHECK(unknown.reason.find("which this kiosk does not trust") != std::string::npos);

    // Mix and match: release 6's signature beside release 5.
    const fs::path five = drop(dir / "x2", "five.ckpack", 5, c);
    const fs::path six = drop(dir / "x3", "six.ckpack", 6, c);
    fs::copy_file(signature_path_for(six), signature_path_for(five), fs::copy_options::overwrite_existing);
    CHECK(store.import(five).outcome == ImportOutcome::refused);

    const fs::path appended = drop(dir / "x4", "c.ckpack", 7, c);
    std::ofstream(appended, std::ios::app) << "tail";
    CHECK(store.import(appended).outcome == ImportOutcome::refused);

    const fs::path cut = drop(dir / "x5", "d.ckpack", 8, c);
    const std::string sig = ck::test::read_bytes(signature_path_for(cut));
    ck::test::write_bytes(signature_path_for(cut), sig.substr(0, sig.size() / 2));
    const auto truncated = store.import(cut);
    CHECK(truncated.outcome == ImportOutcome::refused);
    CHECK(truncated.reason.find("signature") != std::string::npos);

    CHECK(current_sequence(store) == 3);
    CHECK_FALSE(has_leftovers(dir / "state"));
}

TEST_CASE("the import folder offers pack pairs once and names why everything else is ignored")
{
    TempDir dir;
    const auto c = curator();
    const fs::path in = dir / "import";
    drop(in, "exhibit.ckpack", 3, c);
    drop(dir / "outside", "elsewhere.ckpack", 4, c);
    ck::test::write_bytes(in / "notes.txt", "hello");
    ck::test::write_bytes(in / "lonely.ckpack", "not signed");
    ck::test::write_bytes(in / "orphan.ckpack.minisig", "no pack");
    ck::test::write_bytes(in / "empty.ckpack", "");
    ck::test::write_bytes(in / "empty.ckpack.minisig", "sig");
    ck::test::write_bytes(in / ".exhibit-5.ckpack.part", "being fetched");
    fs::create_directories(in / "folder.ckpack");
    fs::create_symlink(dir / "outside" / "elsewhere.ckpack", in / "link.ckpack");
    ck::test::write_bytes(in / "link.ckpack.minisig", "sig");

    ImportFolder folder(in);
    std::map<std::string, std::string> seen;
    for (const auto& e : folder.poll(1ULL << 40U)) {
        seen[e.path.filename().string()] = e.ignored;
    }
    // Half a pair waits one more look: its other half may be arriving.
    CHECK(seen.count("lonely.ckpack") == 0);
    CHECK(seen.count("orphan.ckpack.minisig") == 0);
    for (const auto& e : folder.poll(1ULL << 40U)) {
        seen[e.path.filename().string()] = e.ignored;
    }
    CHECK(seen.at("exhibit.ckpack").empty());
    CHECK(seen.at("notes.txt").find("not a pack") != std::string::npos);
    CHECK(seen.at("lonely.ckpack").find("has no signature") != std::string::npos);
    CHECK(seen.at("orphan.ckpack.minisig") == "a signature with no pack");
    CHECK(seen.at("empty.ckpack") == "empty (0 bytes)");
    CHECK(seen.at("folder.ckpack") == "a folder");
    CHECK(seen.at("link.ckpack") == "a link pointing out of the import folder");
    CHECK(seen.count("exhibit.ckpack.minisig") == 0);
    CHECK(seen.count(".exhibit-5.ckpack.part") == 0);
    // Nothing is offered twice while it stays the same file.
    CHECK(folder.poll(1ULL << 40U).empty());
    // A pack bigger than the free space is ignored, not copied until the disk fills.
    ImportFolder small(in);
    bool too_big = false;
    for (const auto& e : small.poll(1024)) {
        too_big = too_big
            || (e.path.filename() == "exhibit.ckpack" && e.ignored.find("bigger") != std::string::npos);
    }
    CHECK(too_big);
}

TEST_CASE("two packs dropped at once end with the newer one current and the other kept or refused")
{
    TempDir dir;
    const auto c = curator();
    auto store = store_at(dir / "state", c);
    REQUIRE(store.import(drop(dir / "usb", "base.ckpack", 2, c)).outcome == ImportOutcome::installed);
    const fs::path in = dir / "import";
    drop(in, "a-newer.ckpack", 6, c);
    drop(in, "b-older.ckpack", 5, c);
    ImportFolder folder(in);
    for (const auto& e : folder.poll(1ULL << 40U)) {
        if (e.ignored.empty()) {
            (void)store.import(e.path);
        }
    }
    CHECK(current_sequence(store) == 6);
}

namespace {

// In a forked child (single-threaded, as unshare needs): a private mount namespace, as root or
// through a user namespace, so that a small tmpfs can be mounted without touching the machine.
bool private_mounts()
{
    if (::unshare(CLONE_NEWNS) == 0) {
        return ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
    }
    const uid_t uid = ::getuid();
    const gid_t gid = ::getgid();
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
        return false;
    }
    ck::test::write_bytes("/proc/self/setgroups", "deny");
    ck::test::write_bytes("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1");
    ck::test::write_bytes("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1");
    return ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
}

} // namespace

TEST_CASE("a disk that fills up during an import refuses it as full and keeps the installed pack")
{
    TempDir dir;
    const auto c = curator();
    const fs::path first = drop(dir / "usb", "a.ckpack", 3, c);
    const fs::path second = drop(dir / "usb", "b.ckpack", 4, c);
    const fs::path state = dir / "state";
    fs::create_directories(state);
    const fs::path answer = dir / "answer.txt";
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        if (!private_mounts()
            || ::mount("tmpfs", state.c_str(), "tmpfs", 0, ("size=" + std::to_string(4U << 20U)).c_str())
                != 0) {
            ::_exit(77);
        }
        auto store = PackStore::open(state, { TrustedKey { c.name, c.keys.public_key } });
        if (!store || store->import(first).outcome != ImportOutcome::installed) {
            ::_exit(2);
        }
        StoreHooks hooks;
        // Mid-copy, something else takes the last of the disk (a log, another copy).
        hooks.during_copy = [&](std::uint64_t) -> ck::Status {
            std::ofstream filler(state / "filler", std::ios::binary);
            const std::string block(64 * 1024, 'x');
            while (filler.write(block.data(), static_cast<std::streamsize>(block.size()))) { }
            return {};
        };
        auto full = PackStore::open(state, { TrustedKey { c.name, c.keys.public_key } }, hooks);
        const auto r = full->import(second);
        auto shown = open_current(*full);
        const bool kept = shown && shown->info().sequence == 3 && fs::is_empty(state / "staging");
        ck::test::write_bytes(
            answer, std::string(name(r.outcome)) + "\n" + r.reason + "\n" + (kept ? "kept" : "lost"));
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE_MESSAGE(
        WEXITSTATUS(status) != 77, "no private mount namespace here (unshare); the test needs one");
    REQUIRE(WEXITSTATUS(status) == 0);
    const std::string said = ck::test::read_bytes(answer);
    INFO(said);
    CHECK(said.rfind("refused\n", 0) == 0);
    // Wherever the disk ran out (the copy's last block, its sync, the record), the reason says so.
    const bool full = said.find("disk is full") != std::string::npos
        || said.find("No space left on device") != std::string::npos;
    CHECK(full);
    CHECK(said.find("\nkept") != std::string::npos);
}
