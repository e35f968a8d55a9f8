// Full verification of a signed pack and the verified stamp. The file's identity (device, inode,
// size, modification and change times) is taken before hashing and again at the end, so a file
// rewritten during verification fails (HOSTILE_INPUTS b2.18).
#include "content/verify.hpp"

#include "content/schema.hpp"

#include <sodium.h>

#include <charconv>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace ck::content {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t stamp_sample_bytes = 64U << 10U;
constexpr std::string_view stamp_magic = "cable-kiosk-stamp ";

struct FileIdentity {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::int64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    friend bool operator==(const FileIdentity&, const FileIdentity&) = default;
};

Result<FileIdentity> identity_of(const fs::path& path)
{
    struct stat st { };
    if (::stat(path.c_str(), &st) != 0) {
        return make_error("cannot stat the file", path.string());
    }
    FileIdentity id;
    id.device = static_cast<std::uint64_t>(st.st_dev);
    id.inode = static_cast<std::uint64_t>(st.st_ino);
    id.size = static_cast<std::int64_t>(st.st_size);
    id.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    id.ctime_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
    return id;
}

std::string hex(const std::uint8_t* data, std::size_t size)
{
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

// BLAKE2b-256 of the first, middle and last 64 KiB of a file (the whole file when small).
Result<std::string> sample_hash(const fs::path& path, std::int64_t size)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return make_error("cannot read the pack", path.string());
    }
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, 32);
    std::vector<char> block(stamp_sample_bytes);
    const auto sample = static_cast<std::int64_t>(stamp_sample_bytes);
    for (const std::int64_t at : { std::int64_t { 0 }, std::max<std::int64_t>(0, size / 2 - sample / 2),
             std::max<std::int64_t>(0, size - sample) }) {
        in.clear();
        in.seekg(at);
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(block.data()),
            static_cast<unsigned long long>(in.gcount()));
    }
    std::array<std::uint8_t, 32> digest {};
    crypto_generichash_final(&st, digest.data(), digest.size());
    return hex(digest.data(), digest.size());
}

Result<std::string> small_file_hash(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return make_error("cannot read the signature file", path.string());
    }
    std::string text(signature_file_max_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    std::array<std::uint8_t, 32> digest {};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(text.data()),
        text.size(), nullptr, 0);
    return hex(digest.data(), digest.size());
}

// What a stamp records of the schema check: format 2 names the schema fingerprint the pack was
// checked against; format 1 (before 2026-12-07) names none.
struct StampSchema {
    std::int64_t format = 2;
    std::string fingerprint;
};

StampSchema current_stamp_schema()
{
    return { 2, schema::fingerprint() };
}

std::string stamp_body(const fs::path& pack, const FileIdentity& id, const PackInfo& info,
    const std::string& sig_hash, const std::string& sample, const StampSchema& schema)
{
    std::ostringstream out;
    out << stamp_magic << schema.format << "\n"
        << "pack " << fs::absolute(pack).string() << "\n"
        << "file " << id.device << " " << id.inode << " " << id.size << " " << id.mtime_ns << " "
        << id.ctime_ns << "\n"
        << "sequence " << info.sequence << "\n"
        << "content_hash " << info.content_hash << "\n"
        << "signature " << sig_hash << "\n"
        << "sample " << sample << "\n";
    if (schema.format >= 2) {
        out << "schema " << schema.fingerprint << "\n";
    }
    return out.str();
}

bool parse_int(std::string_view text, std::int64_t& out)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc {} && end == text.data() + text.size();
}

// What a stamp body claims that is known only once the pack is open (its sequence and content
// hash), and its format and schema fingerprint; false for a body of no known format.
bool stamp_claims(const std::string& body, PackInfo& info, StampSchema& schema)
{
    const auto value_of = [&](std::string_view key) -> std::string {
        const std::string line_start = "\n" + std::string(key) + " ";
        const std::size_t at = body.find(line_start);
        if (at == std::string::npos) {
            return {};
        }
        const std::size_t from = at + line_start.size();
        return body.substr(from, body.find('\n', from) - from);
    };
    if (body.rfind(stamp_magic, 0) != 0
        || !parse_int(std::string_view(body).substr(stamp_magic.size(), 1), schema.format)
        || (schema.format != 1 && schema.format != 2)) {
        return false;
    }
    schema.fingerprint = schema.format >= 2 ? value_of("schema") : std::string();
    info.content_hash = value_of("content_hash");
    return parse_int(value_of("sequence"), info.sequence) && !info.content_hash.empty();
}

// Writes a stamp's body and its MAC through a temporary beside it.
Status write_stamp_body(const fs::path& stamp, const std::string& body, const StampKey& key)
{
    const fs::path tmp = stamp.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << body << "mac " << stamp_mac(body, key) << "\n";
        if (!out.flush()) {
            return make_error("cannot write the stamp", stamp.string());
        }
    }
    std::error_code ec;
    fs::rename(tmp, stamp, ec);
    return ec ? Status(make_error("cannot write the stamp: " + ec.message(), stamp.string())) : Status {};
}

} // namespace

std::string stamp_mac(const std::string& body, const StampKey& key)
{
    std::array<std::uint8_t, 32> mac {};
    crypto_generichash(mac.data(), mac.size(), reinterpret_cast<const unsigned char*>(body.data()),
        body.size(), key.bytes.data(), key.bytes.size());
    return hex(mac.data(), mac.size());
}

std::string pack_trusted_comment(const PackInfo& info, std::string_view file_name)
{
    // minisign's own keys (timestamp, file) first, so `minisign -V` shows a familiar line.
    std::string name(file_name);
    for (char& c : name) {
        c = (c == '\t' || c == '\n' || c == '\r') ? '_' : c;
    }
    return "timestamp:" + std::to_string(info.build_time) + "\tfile:" + name
        + "\tsequence:" + std::to_string(info.sequence) + "\tcontent_hash:" + info.content_hash;
}

Result<TrustedPackComment> parse_pack_trusted_comment(std::string_view comment)
{
    TrustedPackComment out;
    bool has_sequence = false;
    bool has_hash = false;
    while (!comment.empty()) {
        const std::size_t tab = comment.find('\t');
        const std::string_view field = comment.substr(0, tab);
        comment = tab == std::string_view::npos ? std::string_view() : comment.substr(tab + 1);
        const std::size_t colon = field.find(':');
        if (colon == std::string_view::npos) {
            continue;
        }
        const std::string_view key = field.substr(0, colon);
        const std::string_view value = field.substr(colon + 1);
        if (key == "sequence") {
            has_sequence = !has_sequence && parse_int(value, out.sequence) && out.sequence >= 0;
            if (!has_sequence) {
                return make_error(
                    "the trusted comment has a bad or repeated sequence", "check: trusted comment");
            }
        } else if (key == "content_hash") {
            has_hash = !has_hash && value.size() == 64;
            out.content_hash = value;
            if (!has_hash) {
                return make_error(
                    "the trusted comment has a bad or repeated content hash", "check: trusted comment");
            }
        }
    }
    if (!has_sequence || !has_hash) {
        return make_error(
            "the trusted comment does not name the pack's sequence and content hash (not signed by "
            "cablepack sign?)",
            "check: trusted comment");
    }
    return out;
}

bool VerifyReport::ok() const
{
    if (steps.empty()) {
        return false;
    }
    for (const auto& step : steps) {
        if (!step.ok) {
            return false;
        }
    }
    return true;
}

Error VerifyReport::error() const
{
    for (const auto& step : steps) {
        if (!step.ok) {
            return make_error(step.detail, "check: " + step.name);
        }
    }
    return make_error("no check ran", "verify");
}

const TrustedKey* find_signer(const std::vector<TrustedKey>& keys, const Signature& signature)
{
    for (const auto& trusted : keys) {
        if (trusted.key.key_id == signature.key_id) {
            return &trusted;
        }
    }
    return nullptr;
}

fs::path signature_path_for(const fs::path& pack)
{
    return fs::path(pack.string() + ".minisig");
}

namespace {

// The signature binds the pack it was made for: the same sequence and content hash.
Status binding_of(const PackInfo& info, const TrustedPackComment& trusted)
{
    if (info.sequence == trusted.sequence && info.content_hash == trusted.content_hash) {
        return {};
    }
    return make_error("the signature was made for sequence " + std::to_string(trusted.sequence) + " / "
            + trusted.content_hash.substr(0, 12) + "…, the pack is sequence " + std::to_string(info.sequence)
            + " / " + info.content_hash.substr(0, 12) + "…",
        "check: trusted comment");
}

// A new pack never rolls the installed one back (HOSTILE_INPUTS b2.15-16).
Status order_against(const PackInfo& info, const InstalledPack& installed)
{
    if (installed.strictly_newer && info.sequence <= installed.sequence) {
        return make_error("release " + std::to_string(info.sequence) + " is not newer than release "
                + std::to_string(installed.sequence) + ", the newest the kiosk has installed",
            "check: rollback");
    }
    if (info.sequence < installed.sequence) {
        return make_error("sequence " + std::to_string(info.sequence) + " is older than the installed "
                + std::to_string(installed.sequence),
            "check: rollback");
    }
    if (info.sequence == installed.sequence && info.content_hash != installed.content_hash) {
        return make_error("same sequence as the installed pack but different content", "check: rollback");
    }
    return {};
}

} // namespace

VerifyReport verify_pack(const fs::path& pack, const fs::path& signature, const PublicKey& key,
    const VerifyOptions& options, const std::atomic<bool>* cancel)
{
    VerifyReport report;
    report.key_id = key.key_id_hex();
    auto step = [&](std::string name, const Status& status, std::string ok_detail = {}) {
        // A check's own name is the step; the detail keeps only what else the error says.
        std::string detail = std::move(ok_detail);
        if (!status.ok()) {
            const Error& e = status.error();
            detail = e.where.rfind("check: ", 0) == 0 ? e.message : e.to_string();
        }
        report.steps.push_back(VerifyStep { std::move(name), status.ok(), std::move(detail) });
        return status.ok();
    };
    auto before = identity_of(pack);
    if (!step("file", before ? Status {} : Status(before.error()))) {
        return report;
    }
    auto sig = read_signature(signature);
    if (!step("signature file", sig ? Status {} : Status(sig.error()))) {
        return report;
    }
    report.trusted_comment = sig->trusted_comment;
    if (!step("signature", verify_signature(pack, *sig, key, cancel),
            "prehashed Ed25519 by key " + key.key_id_hex())) {
        return report;
    }
    auto trusted = parse_pack_trusted_comment(sig->trusted_comment);
    if (!step("trusted comment", trusted ? Status {} : Status(trusted.error()))) {
        return report;
    }
    auto opened = Pack::open(pack, OpenOptions { std::chrono::milliseconds { 0 } });
    if (!step("open", opened ? Status {} : Status(opened.error()), "header, schema and metadata")) {
        return report;
    }
    const PackInfo& info = opened->info();
    report.info = info;
    if (!step("binding", binding_of(info, *trusted),
            "sequence " + std::to_string(info.sequence) + ", content hash matches")) {
        return report;
    }
    if (options.installed && !step("rollback", order_against(info, *options.installed))) {
        return report;
    }
    if (options.integrity
        && !step("integrity", opened->check_integrity(Pack::Integrity::full, cancel),
            "integrity_check, FTS5, content hash")) {
        return report;
    }
    auto after = identity_of(pack);
    Status same = after && *after == *before
        ? Status {}
        : Status(make_error("the file changed during verification", pack.string()));
    step("unchanged", same);
    return report;
}

Result<StampKey> load_or_create_stamp_key(const fs::path& path)
{
    StampKey key;
    std::ifstream in(path, std::ios::binary);
    if (in) {
        in.read(reinterpret_cast<char*>(key.bytes.data()), static_cast<std::streamsize>(key.bytes.size()));
        if (in.gcount() != static_cast<std::streamsize>(key.bytes.size())) {
            return make_error("the stamp key file is damaged", path.string());
        }
        return key;
    }
    if (sodium_init() < 0) {
        return make_error("libsodium failed to initialise", "stamp key");
    }
    randombytes_buf(key.bytes.data(), key.bytes.size());
    const fs::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(
            reinterpret_cast<const char*>(key.bytes.data()), static_cast<std::streamsize>(key.bytes.size()));
        if (!out.flush()) {
            return make_error("cannot write the stamp key", path.string());
        }
    }
    std::error_code ec;
    fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write, ec);
    fs::rename(tmp, path, ec);
    if (ec) {
        return make_error("cannot write the stamp key: " + ec.message(), path.string());
    }
    return key;
}

Status write_stamp(const fs::path& stamp, const fs::path& pack, const fs::path& signature,
    const VerifyReport& report, const StampKey& key)
{
    if (!report.ok() || !report.info) {
        return make_error("only a fully verified pack can be stamped", stamp.string());
    }
    auto id = identity_of(pack);
    auto sig_hash = small_file_hash(signature);
    if (!id || !sig_hash) {
        return id ? sig_hash.error() : id.error();
    }
    auto sample = sample_hash(pack, id->size);
    if (!sample) {
        return sample.error();
    }
    return write_stamp_body(
        stamp, stamp_body(pack, *id, *report.info, *sig_hash, *sample, current_stamp_schema()), key);
}

Result<Pack> open_stamped(const fs::path& pack, const fs::path& signature, const fs::path& stamp,
    const StampKey& key, const OpenOptions& options)
{
    const auto fail = [](std::string message) { return make_error(std::move(message), "check: stamp"); };
    std::ifstream in(stamp, std::ios::binary);
    if (!in) {
        return fail("no verified stamp; verify the pack fully");
    }
    std::string text(4096, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    const std::size_t mac_at = text.rfind("mac ");
    if (mac_at == std::string::npos || text.size() < mac_at + 4 + 64) {
        return fail("the stamp is damaged");
    }
    const std::string body = text.substr(0, mac_at);
    const std::string mac = text.substr(mac_at + 4, 64);
    const std::string expected_mac = stamp_mac(body, key);
    if (sodium_memcmp(mac.data(), expected_mac.data(), 64) != 0) {
        return fail("the stamp was not written by this kiosk (MAC)");
    }
    auto id = identity_of(pack);
    auto sig_hash = small_file_hash(signature);
    if (!id || !sig_hash) {
        return fail("the pack or its signature is missing");
    }
    auto sample = sample_hash(pack, id->size);
    if (!sample) {
        return sample.error();
    }
    // Everything but the pack's own metadata is compared before it is opened, with the sequence and
    // content hash the stamp claims; the claims are compared with the pack's once it is open.
    PackInfo claimed;
    StampSchema recorded;
    if (!stamp_claims(body, claimed, recorded)
        || stamp_body(pack, *id, claimed, *sig_hash, *sample, recorded) != body) {
        return fail("the pack, its signature or its metadata changed since it was verified");
    }
    // The file is the one verified fully. If that verification's schema check was made against this
    // build's schema and SQLite, it holds still, and the open skips it. A stamp of the first format,
    // or one written before the kiosk or SQLite was upgraded, does not prove it: the schema is
    // checked again (as every open did before) and the stamp is written again in the current format.
    const StampSchema current = current_stamp_schema();
    OpenOptions checked = options;
    checked.schema_proven_by_stamp
        = recorded.format == current.format && recorded.fingerprint == current.fingerprint;
    auto opened = Pack::open(pack, checked);
    if (!opened) {
        return opened.error();
    }
    if (stamp_body(pack, *id, opened->info(), *sig_hash, *sample, recorded) != body) {
        return fail("the pack, its signature or its metadata changed since it was verified");
    }
    auto after = identity_of(pack);
    if (!after || !(*after == *id)) {
        return fail("the pack changed while it was opened");
    }
    if (!checked.schema_proven_by_stamp) {
        // Best effort: a stamp left as it was only costs the next start the schema check again.
        (void)write_stamp_body(
            stamp, stamp_body(pack, *id, opened->info(), *sig_hash, *sample, current), key);
    }
    return opened;
}

} // namespace ck::content
