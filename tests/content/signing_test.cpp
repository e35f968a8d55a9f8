// Signing and verification: minisign reads ours and we read minisign's, every single-byte flip of
// a signed pack or its signature is rejected, and HOSTILE_INPUTS b2.12-b2.17 end in clear errors.
#include "content/signing.hpp"
#include "content/verify.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <random>

using namespace ck;
using ck::test::TempDir;
namespace fs = std::filesystem;

namespace {

int shell(const std::string& command)
{
    const int rc = std::system((command + " >/dev/null 2>&1").c_str()); // NOLINT(concurrency-mt-unsafe)
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

bool have_minisign()
{
    return shell("minisign -v") == 0 || shell("command -v minisign") == 0;
}

struct Signed {
    TempDir dir;
    fs::path pack;
    fs::path sig;
    content::KeyPair keys;
    Signed()
        : pack(dir / "p.ckpack")
        , sig(dir / "p.ckpack.minisig")
    {
        test::build_pack(pack, test::sample_cables(), test::sample_manifest(), 5);
        auto k = content::generate_key_pair();
        REQUIRE(k.ok());
        keys = std::move(*k);
        sign(pack, sig);
    }
    void sign(const fs::path& what, const fs::path& where) const
    {
        const auto info = test::open_pack(what).info();
        auto s = content::sign_file(
            what, keys.secret_key, content::pack_trusted_comment(info, what.filename().string()));
        REQUIRE(s.ok());
        test::write_bytes(where, content::format_signature(*s));
    }
    content::VerifyReport verify(const content::VerifyOptions& options = {}) const
    {
        return content::verify_pack(pack, sig, keys.public_key, options);
    }
};

// A signed pack verified fully and stamped with a kiosk's key.
struct Stamped {
    Signed s;
    content::VerifyReport report = s.verify();
    content::StampKey key;
    fs::path stamp = s.dir / "p.stamp";
    Stamped()
    {
        REQUIRE(report.ok());
        auto k = content::load_or_create_stamp_key(s.dir / "stamp.key");
        REQUIRE(k.ok());
        key = *k;
        REQUIRE(content::write_stamp(stamp, s.pack, s.sig, report, key).ok());
    }
};

std::string failed_step(const content::VerifyReport& r)
{
    for (const auto& s : r.steps) {
        if (!s.ok) {
            return s.name;
        }
    }
    return "";
}

} // namespace

TEST_CASE("a signed pack verifies fully, and the report lists every check")
{
    Signed s;
    auto r = s.verify();
    CHECK(r.ok());
    REQUIRE(r.info.has_value());
    CHECK(r.info->sequence == 5);
    std::vector<std::string> names;
    for (const auto& step : r.steps) {
        names.push_back(step.name);
    }
    CHECK(names
        == std::vector<std::string> { "file", "signature file", "signature", "trusted comment", "open",
            "binding", "integrity", "unchanged" });
}

TEST_CASE("minisign verifies our signatures and signs with our keys; we verify minisign's")
{
    REQUIRE_MESSAGE(have_minisign(), "the minisign program is needed (.ci/deps installs it)");
    Signed s;
    test::write_bytes(s.dir / "k.pub", content::format_public_key(s.keys.public_key));
    CHECK(shell("minisign -V -p '" + (s.dir / "k.pub").string() + "' -m '" + s.pack.string() + "'") == 0);
    // Our secret key file, used by minisign itself.
    REQUIRE(content::write_key_pair(s.keys, s.dir / "ours").ok());
    const auto by_minisign = s.dir / "by-minisign.minisig";
    const auto comment = content::pack_trusted_comment(test::open_pack(s.pack).info(), "p.ckpack");
    REQUIRE(shell("minisign -S -s '" + (s.dir / "ours.key").string() + "' -m '" + s.pack.string() + "' -x '"
                + by_minisign.string() + "' -t '" + comment + "'")
        == 0);
    CHECK(content::verify_pack(s.pack, by_minisign, s.keys.public_key).ok());
    // A key pair made by minisign -G -W, a signature made by minisign -S.
    REQUIRE(shell("minisign -G -W -p '" + (s.dir / "m.pub").string() + "' -s '" + (s.dir / "m.key").string()
                + "'")
        == 0);
    const auto theirs = s.dir / "theirs.minisig";
    REQUIRE(shell("minisign -S -s '" + (s.dir / "m.key").string() + "' -m '" + s.pack.string() + "' -x '"
                + theirs.string() + "' -t '" + comment + "'")
        == 0);
    auto their_key = content::read_public_key(s.dir / "m.pub");
    REQUIRE(their_key.ok());
    CHECK(content::verify_pack(s.pack, theirs, *their_key).ok());
    // And we sign with minisign's secret key.
    auto their_secret = content::read_secret_key(s.dir / "m.key");
    REQUIRE(their_secret.ok());
    CHECK(their_secret->public_key().key == their_key->key);
}

TEST_CASE("flipping any single byte of a signed pack is rejected")
{
    Signed s;
    const std::string good = test::read_bytes(s.pack);
    // Every byte of the first page (the header), the first bytes of every page, and 300 more.
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < 4096; ++i) {
        positions.push_back(i);
    }
    for (std::size_t p = 4096; p < good.size(); p += 4096) {
        positions.push_back(p);
        positions.push_back(p + 100);
    }
    std::mt19937 rng(7);
    for (int i = 0; i < 300; ++i) {
        positions.push_back(rng() % good.size());
    }
    content::VerifyOptions quick;
    quick.integrity = false;
    for (const std::size_t at : positions) {
        std::string bytes = good;
        bytes[at] = static_cast<char>(bytes[at] ^ 0x01);
        test::write_bytes(s.pack, bytes);
        auto r = s.verify(quick);
        CAPTURE(at);
        CHECK_FALSE(r.ok());
        CHECK(failed_step(r) == "signature");
    }
    test::write_bytes(s.pack, good);
    CHECK(s.verify().ok());
}

TEST_CASE("flipping any single byte of the signature file is rejected")
{
    Signed s;
    const std::string good = test::read_bytes(s.sig);
    content::VerifyOptions quick;
    quick.integrity = false;
    for (std::size_t at = 0; at < good.size(); ++at) {
        std::string bytes = good;
        bytes[at] = static_cast<char>(bytes[at] ^ 0x01);
        test::write_bytes(s.sig, bytes);
        auto r = s.verify(quick);
        CAPTURE(at);
        // The untrusted comment is not signed: changing it is harmless by design.
        const bool in_untrusted_comment
            = at >= std::string("untrusted comment: ").size() && at < good.find('\n');
        CHECK(r.ok() == in_untrusted_comment);
    }
}

TEST_CASE("signature files that are wrong in form or origin get clear errors (b2.12, b2.13)")
{
    Signed s;
    const std::string good = test::read_bytes(s.sig);
    auto lines = [&] {
        std::vector<std::string> out;
        std::size_t at = 0;
        while (at < good.size()) {
            const std::size_t nl = good.find('\n', at);
            out.push_back(good.substr(at, nl - at));
            at = nl + 1;
        }
        return out;
    }();
    REQUIRE(lines.size() == 4);
    // A legacy (non-prehashed) Ed signature of the same file, made with the same key.
    auto legacy = [&] {
        auto sig = content::parse_signature(good);
        REQUIRE(sig.ok());
        sig->algorithm = content::SignatureAlgorithm::legacy;
        return content::format_signature(*sig);
    }();
    struct Case {
        const char* name;
        std::string text;
        const char* step;
        bool ok;
    };
    const Case cases[] = {
        { "CRLF line ends", lines[0] + "\r\n" + lines[1] + "\r\n" + lines[2] + "\r\n" + lines[3] + "\r\n", "",
            true },
        { "truncated", good.substr(0, good.size() / 2), "signature file", false },
        { "empty", "", "signature file", false },
        { "whitespace inside base64",
            lines[0] + "\n" + lines[1].substr(0, 10) + " " + lines[1].substr(10) + "\n" + lines[2] + "\n"
                + lines[3] + "\n",
            "signature file", false },
        { "changed trusted comment",
            lines[0] + "\n" + lines[1] + "\n" + lines[2].substr(0, lines[2].size() - 1)
                + (lines[2].back() == '0' ? "1\n" : "0\n") + lines[3] + "\n",
            "signature", false },
        { "legacy Ed algorithm", legacy, "signature", false },
        { "a 1 MB signature file", good + std::string(1 << 20, 'A'), "signature file", false },
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        test::write_bytes(s.sig, c.text);
        auto r = s.verify();
        CHECK(r.ok() == c.ok);
        if (!c.ok) {
            CHECK(failed_step(r) == c.step);
            CHECK_FALSE(r.error().message.empty());
        }
    }
    test::write_bytes(s.sig, good);
    // Another key: the key id differs.
    auto other = content::generate_key_pair();
    REQUIRE(other.ok());
    auto r = content::verify_pack(s.pack, s.sig, other->public_key);
    CHECK(failed_step(r) == "signature");
    CHECK(r.error().message.find("not by the trusted key") != std::string::npos);
    // Another key that claims our key id: the signature itself fails.
    auto impostor = other->public_key;
    impostor.key_id = s.keys.public_key.key_id;
    CHECK(failed_step(content::verify_pack(s.pack, s.sig, impostor)) == "signature");
}

TEST_CASE(
    "a signature of another pack, or one whose trusted comment names another pack, is refused (b2.12, b2.17)")
{
    Signed s;
    // Another valid pack, signed with the same key: its signature does not fit this pack.
    auto cables = test::sample_cables();
    cables.pop_back();
    test::build_pack(s.dir / "other.ckpack", cables, std::nullopt, 6);
    s.sign(s.dir / "other.ckpack", s.dir / "other.minisig");
    CHECK(
        failed_step(content::verify_pack(s.pack, s.dir / "other.minisig", s.keys.public_key)) == "signature");
    // A valid signature of this file whose trusted comment names another sequence and content.
    content::PackInfo lie = test::open_pack(s.pack).info();
    lie.sequence = 99;
    auto forged
        = content::sign_file(s.pack, s.keys.secret_key, content::pack_trusted_comment(lie, "p.ckpack"));
    REQUIRE(forged.ok());
    test::write_bytes(s.sig, content::format_signature(*forged));
    auto r = s.verify();
    CHECK(failed_step(r) == "binding");
    // A trusted comment without our fields (minisign's default).
    auto plain = content::sign_file(s.pack, s.keys.secret_key, "timestamp:1\tfile:p.ckpack");
    REQUIRE(plain.ok());
    test::write_bytes(s.sig, content::format_signature(*plain));
    CHECK(failed_step(s.verify()) == "trusted comment");
}

TEST_CASE("an older or same-numbered different pack is refused against the installed one (b2.15, b2.16)")
{
    Signed s;
    const auto info = test::open_pack(s.pack).info();
    struct Case {
        const char* name;
        std::int64_t installed_sequence;
        std::string installed_hash;
        bool ok;
    };
    const Case cases[] = {
        { "newer than installed", 4, std::string(64, 'a'), true },
        { "same pack again", 5, info.content_hash, true },
        { "rollback to an older sequence", 6, info.content_hash, false },
        { "same sequence, different content", 5, std::string(64, 'b'), false },
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        content::VerifyOptions options;
        options.installed = content::InstalledPack { c.installed_sequence, c.installed_hash };
        auto r = s.verify(options);
        CHECK(r.ok() == c.ok);
        if (!c.ok) {
            CHECK(failed_step(r) == "rollback");
        }
    }
}

TEST_CASE("an encrypted secret key gets a clear error; damaged key files are refused")
{
    REQUIRE_MESSAGE(have_minisign(), "the minisign program is needed (.ci/deps installs it)");
    TempDir dir;
    REQUIRE(shell("printf 'pw\\npw\\n' | minisign -G -p '" + (dir / "e.pub").string() + "' -s '"
                + (dir / "e.key").string() + "'")
        == 0);
    auto key = content::read_secret_key(dir / "e.key");
    REQUIRE_FALSE(key.ok());
    CHECK(key.error().message.find("encrypted") != std::string::npos);
    auto pub = content::read_public_key(dir / "e.pub");
    CHECK(pub.ok());
    for (const char* junk : { "", "untrusted comment: x\n", "untrusted comment: x\nAAAA\n", "RWQ=\n" }) {
        CHECK_FALSE(content::parse_secret_key(junk).ok());
        CHECK_FALSE(content::parse_public_key(junk).ok());
    }
    auto pair = content::generate_key_pair();
    REQUIRE(pair.ok());
    std::string text = content::format_secret_key(pair->secret_key);
    text[text.size() - 10] = text[text.size() - 10] == 'A' ? 'B' : 'A'; // inside the checksum
    auto damaged = content::parse_secret_key(text);
    REQUIRE_FALSE(damaged.ok());
    CHECK(damaged.error().message.find("checksum") != std::string::npos);
    REQUIRE(content::write_key_pair(*pair, dir / "k").ok());
    CHECK(fs::status(dir / "k.key").permissions() == (fs::perms::owner_read | fs::perms::owner_write));
    CHECK_FALSE(content::write_key_pair(*pair, dir / "k").ok()); // never overwrites a key
}

TEST_CASE(
    "a stamp of the first format, or from before an upgrade of the schema or SQLite, opens the pack with "
    "its schema checked and is written again in the current format")
{
    Stamped st;
    const Signed& s = st.s;
    const fs::path& stamp = st.stamp;
    const content::StampKey& key = st.key;
    const std::string written = test::read_bytes(stamp);
    REQUIRE(written.rfind("cable-kiosk-stamp 2\n", 0) == 0);
    const std::size_t schema_at = written.find("\nschema ");
    REQUIRE(schema_at != std::string::npos);
    CHECK(written.substr(schema_at + 8, 64).find_first_not_of("0123456789abcdef") == std::string::npos);
    // Re-MACed with this kiosk's key, as this kiosk's older build would have written them.
    const auto remac = [&](const std::string& text) {
        test::write_bytes(stamp, text + "mac " + content::stamp_mac(text, key) + "\n");
    };
    const std::string body = written.substr(0, written.rfind("mac "));
    std::string other_schema = body;
    other_schema.replace(schema_at + 8, 64, std::string(64, '0'));
    std::string first_format = body.substr(0, schema_at + 1);
    first_format.replace(0, 19, "cable-kiosk-stamp 1");
    const std::pair<const char*, std::string> older[]
        = { { "another schema", other_schema }, { "the first format", first_format } };
    for (const auto& c : older) {
        CAPTURE(c.first);
        remac(c.second);
        auto r = content::open_stamped(s.pack, s.sig, stamp, key);
        REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().to_string()));
        CHECK(r->info().sequence == 5);
        CHECK(test::read_bytes(stamp) == written); // as write_stamp writes it now
    }
    // A format this kiosk does not know, or an older stamp whose other lines do not match, is refused.
    std::string unknown = body;
    unknown.replace(0, 19, "cable-kiosk-stamp 3");
    std::string moved = first_format;
    moved.replace(moved.find("sequence 5"), 10, "sequence 4");
    for (const std::string& text : { unknown, moved }) {
        remac(text);
        auto r = content::open_stamped(s.pack, s.sig, stamp, key);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().where == "check: stamp");
    }
}

TEST_CASE("the verified stamp opens an unchanged pack cheaply and refuses any swapped or rewritten file")
{
    Stamped st;
    Signed& s = st.s;
    const auto& report = st.report;
    const fs::path& stamp = st.stamp;
    const content::StampKey& key = st.key;
    auto opened = content::open_stamped(s.pack, s.sig, stamp, key);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().to_string()));
    CHECK(opened->info().sequence == 5);

    auto reload = content::load_or_create_stamp_key(s.dir / "stamp.key");
    REQUIRE(reload.ok());
    CHECK(reload->bytes == key.bytes);

    const std::string pack_bytes = test::read_bytes(s.pack);
    const std::string sig_bytes = test::read_bytes(s.sig);
    struct Case {
        const char* name;
        std::function<void()> change;
    };
    const Case cases[] = {
        { "a byte rewritten in place in the middle",
            [&] {
                std::string b = pack_bytes;
                b[b.size() / 3] = static_cast<char>(b[b.size() / 3] ^ 1);
                std::fstream f(s.pack, std::ios::in | std::ios::out | std::ios::binary);
                f.seekp(static_cast<std::streamoff>(b.size() / 3));
                f.put(b[b.size() / 3]);
            } },
        { "the same bytes copied over as a new file",
            [&] {
                fs::copy_file(s.pack, s.dir / "copy", fs::copy_options::overwrite_existing);
                fs::rename(s.dir / "copy", s.pack);
            } },
        { "another valid pack swapped in with its own signature",
            [&] {
                auto cables = test::sample_cables();
                cables.pop_back();
                test::build_pack(s.dir / "o.ckpack", cables, std::nullopt, 6);
                s.sign(s.dir / "o.ckpack", s.dir / "o.minisig");
                fs::rename(s.dir / "o.ckpack", s.pack);
                fs::rename(s.dir / "o.minisig", s.sig);
            } },
        { "the signature file replaced", [&] { test::write_bytes(s.sig, sig_bytes + "\n"); } },
        { "the stamp edited",
            [&] {
                std::string t = test::read_bytes(stamp);
                t.replace(t.find("sequence 5"), 10, "sequence 6");
                test::write_bytes(stamp, t);
            } },
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        REQUIRE(content::write_stamp(stamp, s.pack, s.sig, report, key).ok());
        c.change();
        auto r = content::open_stamped(s.pack, s.sig, stamp, key);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().where == "check: stamp");
        test::write_bytes(s.pack, pack_bytes);
        test::write_bytes(s.sig, sig_bytes);
    }
    // Another kiosk's key does not accept this stamp.
    REQUIRE(content::write_stamp(stamp, s.pack, s.sig, report, key).ok());
    content::StampKey other = key;
    other.bytes[0] ^= 1;
    CHECK_FALSE(content::open_stamped(s.pack, s.sig, stamp, other).ok());
    CHECK(content::open_stamped(s.pack, s.sig, stamp, key).ok());
}
