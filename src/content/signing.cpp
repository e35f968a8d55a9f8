// minisign-compatible keys and signatures on libsodium. Formats (minisign's own documentation):
//   public key:  "Ed" | key id (8) | Ed25519 public key (32)
//   secret key:  "Ed" | kdf ("\0\0" none, "Sc" scrypt) | "B2" | salt (32) | opslimit (8) | memlimit (8)
//                | key id (8) | Ed25519 secret key (64) | checksum BLAKE2b-256("Ed" | key id | sk) (32)
//   signature:   "ED" | key id (8) | Ed25519(BLAKE2b-512(file)) (64); global signature is
//                Ed25519(signature (64) | trusted comment bytes)
// each base64-encoded under an "untrusted comment: " line (and a "trusted comment: " line).
#include "content/signing.hpp"

#include <sodium.h>

#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>
#include <vector>

namespace ck::content {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view untrusted_prefix = "untrusted comment: ";
constexpr std::string_view trusted_prefix = "trusted comment: ";
constexpr std::size_t public_key_bytes = 2 + 8 + 32;
constexpr std::size_t secret_key_bytes = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32;
constexpr std::size_t signature_bytes = 2 + 8 + 64;
constexpr std::size_t hash_block_bytes = 1U << 20U;

bool init_sodium()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

std::string to_base64(const std::uint8_t* data, std::size_t size)
{
    std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1); // the terminating NUL
    return out;
}

// Strict base64 (no spaces inside), exactly `size` bytes.
bool from_base64(std::string_view text, std::uint8_t* out, std::size_t size)
{
    std::size_t written = 0;
    const char* end = nullptr;
    std::vector<std::uint8_t> buffer(text.size());
    if (sodium_base642bin(buffer.data(), buffer.size(), text.data(), text.size(), nullptr, &written, &end,
            sodium_base64_VARIANT_ORIGINAL)
            != 0
        || end != text.data() + text.size() || written != size) {
        return false;
    }
    std::copy(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(size), out);
    return true;
}

// Lines without their line ends ("\n" or "\r\n"); trailing spaces are kept so base64 stays strict.
std::vector<std::string_view> lines_of(std::string_view text)
{
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    }
    return lines;
}

Result<std::string> read_small_file(const fs::path& path, std::size_t max_bytes, std::string_view what)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return make_error("cannot read the " + std::string(what), path.string());
    }
    std::string text(max_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) {
        return make_error("the " + std::string(what) + " is too large", path.string());
    }
    return text;
}

std::string key_id_hex(const KeyId& id)
{
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < id.size(); ++i) {
        v |= static_cast<std::uint64_t>(id[i]) << (8U * i);
    }
    std::array<char, 20> buf {};
    std::snprintf(buf.data(), buf.size(), "%016llX", static_cast<unsigned long long>(v));
    return buf.data();
}

std::array<std::uint8_t, 32> secret_checksum(const SecretKey& key)
{
    std::array<std::uint8_t, 32> sum {};
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, sum.size());
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>("Ed"), 2);
    crypto_generichash_update(&st, key.key_id.data(), key.key_id.size());
    crypto_generichash_update(&st, key.key.data(), key.key.size());
    crypto_generichash_final(&st, sum.data(), sum.size());
    return sum;
}

} // namespace

std::string PublicKey::key_id_hex() const
{
    return ck::content::key_id_hex(key_id);
}

SecretKey::~SecretKey()
{
    sodium_memzero(key.data(), key.size());
}
SecretKey::SecretKey(const SecretKey&) = default;
SecretKey& SecretKey::operator=(const SecretKey&) = default;
SecretKey::SecretKey(SecretKey&& other) noexcept
    : key_id(other.key_id)
    , key(other.key)
{
    sodium_memzero(other.key.data(), other.key.size());
}
SecretKey& SecretKey::operator=(SecretKey&& other) noexcept
{
    key_id = other.key_id;
    key = other.key;
    sodium_memzero(other.key.data(), other.key.size());
    return *this;
}

PublicKey SecretKey::public_key() const
{
    PublicKey pk;
    pk.key_id = key_id;
    crypto_sign_ed25519_sk_to_pk(pk.key.data(), key.data());
    return pk;
}

Result<KeyPair> generate_key_pair()
{
    if (!init_sodium()) {
        return make_error("libsodium failed to initialise", "keygen");
    }
    KeyPair pair;
    crypto_sign_keypair(pair.public_key.key.data(), pair.secret_key.key.data());
    randombytes_buf(pair.secret_key.key_id.data(), pair.secret_key.key_id.size());
    pair.public_key.key_id = pair.secret_key.key_id;
    return pair;
}

std::string format_public_key(const PublicKey& key)
{
    std::array<std::uint8_t, public_key_bytes> raw {};
    raw[0] = 'E';
    raw[1] = 'd';
    std::copy(key.key_id.begin(), key.key_id.end(), raw.begin() + 2);
    std::copy(key.key.begin(), key.key.end(), raw.begin() + 10);
    return std::string(untrusted_prefix) + "minisign public key " + key.key_id_hex() + "\n"
        + to_base64(raw.data(), raw.size()) + "\n";
}

std::string format_secret_key(const SecretKey& key)
{
    std::array<std::uint8_t, secret_key_bytes> raw {};
    raw[0] = 'E';
    raw[1] = 'd';
    raw[4] = 'B'; // kdf "\0\0": not encrypted
    raw[5] = '2';
    std::size_t at = 6 + 32 + 8 + 8;
    std::copy(key.key_id.begin(), key.key_id.end(), raw.begin() + static_cast<std::ptrdiff_t>(at));
    at += 8;
    std::copy(key.key.begin(), key.key.end(), raw.begin() + static_cast<std::ptrdiff_t>(at));
    at += 64;
    const auto sum = secret_checksum(key);
    std::copy(sum.begin(), sum.end(), raw.begin() + static_cast<std::ptrdiff_t>(at));
    std::string text = std::string(untrusted_prefix) + "minisign secret key (not encrypted)\n"
        + to_base64(raw.data(), raw.size()) + "\n";
    sodium_memzero(raw.data(), raw.size());
    return text;
}

Result<PublicKey> parse_public_key(std::string_view text)
{
    const Error bad = make_error("not a minisign public key", "public key");
    auto lines = lines_of(text);
    std::string_view b64;
    if (lines.size() == 1) {
        b64 = lines[0];
    } else if (lines.size() >= 2 && lines[0].substr(0, untrusted_prefix.size()) == untrusted_prefix) {
        b64 = lines[1];
    } else {
        return bad;
    }
    std::array<std::uint8_t, public_key_bytes> raw {};
    if (!from_base64(b64, raw.data(), raw.size()) || raw[0] != 'E' || raw[1] != 'd') {
        return bad;
    }
    PublicKey key;
    std::copy(raw.begin() + 2, raw.begin() + 10, key.key_id.begin());
    std::copy(raw.begin() + 10, raw.end(), key.key.begin());
    return key;
}

Result<SecretKey> parse_secret_key(std::string_view text)
{
    const Error bad = make_error("not a minisign secret key", "secret key");
    auto lines = lines_of(text);
    if (lines.size() < 2 || lines[0].substr(0, untrusted_prefix.size()) != untrusted_prefix) {
        return bad;
    }
    std::array<std::uint8_t, secret_key_bytes> raw {};
    if (!from_base64(lines[1], raw.data(), raw.size()) || raw[0] != 'E' || raw[1] != 'd' || raw[4] != 'B'
        || raw[5] != '2') {
        sodium_memzero(raw.data(), raw.size());
        return bad;
    }
    if (raw[2] != 0 || raw[3] != 0) {
        sodium_memzero(raw.data(), raw.size());
        return make_error(
            "the secret key is encrypted with a password; cablepack signs with unencrypted keys "
            "(make one with `cablepack keygen` or `minisign -G -W`, or remove the password with "
            "`minisign -C -W`)",
            "secret key");
    }
    SecretKey key;
    std::size_t at = 6 + 32 + 8 + 8;
    std::copy(raw.begin() + static_cast<std::ptrdiff_t>(at),
        raw.begin() + static_cast<std::ptrdiff_t>(at + 8), key.key_id.begin());
    at += 8;
    std::copy(raw.begin() + static_cast<std::ptrdiff_t>(at),
        raw.begin() + static_cast<std::ptrdiff_t>(at + 64), key.key.begin());
    at += 64;
    const auto expected = secret_checksum(key);
    bool zero = true;
    for (std::size_t i = 0; i < 32; ++i) {
        zero = zero && raw[at + i] == 0;
    }
    // minisign 0.11 leaves the checksum zero in unencrypted keys; any other value must match.
    const bool matches = sodium_memcmp(expected.data(), raw.data() + at, 32) == 0;
    sodium_memzero(raw.data(), raw.size());
    if (!zero && !matches) {
        return make_error("the secret key's checksum does not match (damaged key file)", "secret key");
    }
    return key;
}

Result<PublicKey> read_public_key(const fs::path& path)
{
    auto text = read_small_file(path, 4096, "public key");
    if (!text) {
        return text.error();
    }
    auto key = parse_public_key(*text);
    return key ? key : Result<PublicKey>(Error { key.error().message, path.string() });
}

Result<SecretKey> read_secret_key(const fs::path& path)
{
    auto text = read_small_file(path, 4096, "secret key");
    if (!text) {
        return text.error();
    }
    auto key = parse_secret_key(*text);
    sodium_memzero(text->data(), text->size());
    return key ? key : Result<SecretKey>(Error { key.error().message, path.string() });
}

Status write_key_pair(const KeyPair& pair, const fs::path& basename)
{
    const fs::path pub = basename.string() + ".pub";
    const fs::path sec = basename.string() + ".key";
    for (const auto& path : { pub, sec }) {
        std::error_code ec;
        if (fs::exists(path, ec)) {
            return make_error("refusing to overwrite an existing key file", path.string());
        }
    }
    const std::string secret = format_secret_key(pair.secret_key);
    const int fd = ::open(sec.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return make_error("cannot create the secret key file", sec.string());
    }
    const bool written = ::write(fd, secret.data(), secret.size()) == static_cast<ssize_t>(secret.size());
    ::close(fd);
    if (!written) {
        return make_error("cannot write the secret key file", sec.string());
    }
    std::ofstream out(pub, std::ios::binary);
    out << format_public_key(pair.public_key);
    if (!out.flush()) {
        return make_error("cannot write the public key file", pub.string());
    }
    return {};
}

std::string format_signature(const Signature& sig)
{
    std::array<std::uint8_t, signature_bytes> raw {};
    raw[0] = 'E';
    raw[1] = sig.algorithm == SignatureAlgorithm::prehashed ? 'D' : 'd';
    std::copy(sig.key_id.begin(), sig.key_id.end(), raw.begin() + 2);
    std::copy(sig.signature.begin(), sig.signature.end(), raw.begin() + 10);
    return std::string(untrusted_prefix) + sig.untrusted_comment + "\n" + to_base64(raw.data(), raw.size())
        + "\n" + std::string(trusted_prefix) + sig.trusted_comment + "\n"
        + to_base64(sig.global_signature.data(), sig.global_signature.size()) + "\n";
}

Result<Signature> parse_signature(std::string_view text)
{
    const auto fail = [](std::string message) {
        return make_error(std::move(message), std::string(signature_check::format));
    };
    if (text.size() > signature_file_max_bytes) {
        return fail("the signature file is too large");
    }
    auto lines = lines_of(text);
    while (!lines.empty() && lines.back().empty()) {
        lines.pop_back();
    }
    if (lines.size() != 4) {
        return fail("a signature file has 4 lines, this one has " + std::to_string(lines.size()));
    }
    if (lines[0].substr(0, untrusted_prefix.size()) != untrusted_prefix
        || lines[2].substr(0, trusted_prefix.size()) != trusted_prefix) {
        return fail("the comment lines are missing");
    }
    Signature sig;
    sig.untrusted_comment = lines[0].substr(untrusted_prefix.size());
    sig.trusted_comment = lines[2].substr(trusted_prefix.size());
    std::array<std::uint8_t, signature_bytes> raw {};
    if (!from_base64(lines[1], raw.data(), raw.size())) {
        return fail("the signature line is not valid base64 of the right length");
    }
    if (!from_base64(lines[3], sig.global_signature.data(), sig.global_signature.size())) {
        return fail("the global signature line is not valid base64 of the right length");
    }
    if (raw[0] != 'E' || (raw[1] != 'D' && raw[1] != 'd')) {
        return make_error("unknown signature algorithm", std::string(signature_check::algorithm));
    }
    sig.algorithm = raw[1] == 'D' ? SignatureAlgorithm::prehashed : SignatureAlgorithm::legacy;
    std::copy(raw.begin() + 2, raw.begin() + 10, sig.key_id.begin());
    std::copy(raw.begin() + 10, raw.end(), sig.signature.begin());
    return sig;
}

Result<Signature> read_signature(const fs::path& path)
{
    auto text = read_small_file(path, signature_file_max_bytes, "signature file");
    if (!text) {
        return Error { text.error().message + " (" + path.string() + ")",
            std::string(signature_check::format) };
    }
    return parse_signature(*text);
}

Result<std::array<std::uint8_t, 64>> hash_file(const fs::path& path, const std::atomic<bool>* cancel)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return make_error("cannot read the file to hash", path.string());
    }
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, 64);
    std::vector<std::uint8_t> block(hash_block_bytes);
    for (;;) {
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
            ::close(fd);
            return make_error("cancelled", "hash");
        }
        const ssize_t n = ::read(fd, block.data(), block.size());
        if (n < 0) {
            ::close(fd);
            return make_error("read error while hashing", path.string());
        }
        if (n == 0) {
            break;
        }
        crypto_generichash_update(&st, block.data(), static_cast<std::size_t>(n));
    }
    ::close(fd);
    std::array<std::uint8_t, 64> digest {};
    crypto_generichash_final(&st, digest.data(), digest.size());
    return digest;
}

Result<Signature> sign_file(const fs::path& path, const SecretKey& key, std::string_view trusted_comment,
    std::string_view untrusted_comment)
{
    if (!init_sodium()) {
        return make_error("libsodium failed to initialise", "sign");
    }
    if (trusted_comment.find_first_of("\r\n") != std::string_view::npos
        || untrusted_comment.find_first_of("\r\n") != std::string_view::npos) {
        return make_error("a comment must be one line", "sign");
    }
    auto digest = hash_file(path);
    if (!digest) {
        return digest.error();
    }
    Signature sig;
    sig.untrusted_comment = untrusted_comment;
    sig.trusted_comment = trusted_comment;
    sig.key_id = key.key_id;
    crypto_sign_detached(sig.signature.data(), nullptr, digest->data(), digest->size(), key.key.data());
    std::vector<std::uint8_t> global(sig.signature.begin(), sig.signature.end());
    global.insert(global.end(), trusted_comment.begin(), trusted_comment.end());
    crypto_sign_detached(sig.global_signature.data(), nullptr, global.data(), global.size(), key.key.data());
    return sig;
}

Status verify_signature(
    const fs::path& path, const Signature& sig, const PublicKey& key, const std::atomic<bool>* cancel)
{
    if (!init_sodium()) {
        return make_error("libsodium failed to initialise", "verify");
    }
    if (sig.algorithm != SignatureAlgorithm::prehashed) {
        return make_error("legacy (non-prehashed) Ed signature; packs must be signed with prehashed ED",
            std::string(signature_check::algorithm));
    }
    if (sig.key_id != key.key_id) {
        return make_error(
            "signed by key " + key_id_hex(sig.key_id) + ", not by the trusted key " + key.key_id_hex(),
            std::string(signature_check::key));
    }
    auto digest = hash_file(path, cancel);
    if (!digest) {
        return digest.error();
    }
    if (crypto_sign_verify_detached(sig.signature.data(), digest->data(), digest->size(), key.key.data())
        != 0) {
        return make_error("the signature does not match the file", std::string(signature_check::file));
    }
    std::vector<std::uint8_t> global(sig.signature.begin(), sig.signature.end());
    global.insert(global.end(), sig.trusted_comment.begin(), sig.trusted_comment.end());
    if (crypto_sign_verify_detached(sig.global_signature.data(), global.data(), global.size(), key.key.data())
        != 0) {
        return make_error("the trusted comment was changed (global signature)",
            std::string(signature_check::trusted_comment));
    }
    return {};
}

} // namespace ck::content
