// Ed25519 signatures in minisign's formats, through libsodium: key files minisign reads and
// writes (unencrypted secret keys; an encrypted one gets a clear error), and .minisig files with
// the prehashed "ED" algorithm (Ed25519 over BLAKE2b-512 of the file) and a trusted comment
// signed by the global signature. Nothing here knows about packs.
#pragma once

#include "core/result.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace ck::content {

using KeyId = std::array<std::uint8_t, 8>;

struct PublicKey {
    KeyId key_id {};
    std::array<std::uint8_t, 32> key {};
    // As minisign prints it: the 64-bit little-endian key id in upper-case hex.
    [[nodiscard]] std::string key_id_hex() const;
};

// A secret key; its bytes are wiped when it is destroyed.
class SecretKey {
public:
    SecretKey() = default;
    ~SecretKey();
    SecretKey(const SecretKey&);
    SecretKey& operator=(const SecretKey&);
    SecretKey(SecretKey&&) noexcept;
    SecretKey& operator=(SecretKey&&) noexcept;

    KeyId key_id {};
    std::array<std::uint8_t, 64> key {}; // libsodium's Ed25519 secret key (seed + public key)
    [[nodiscard]] PublicKey public_key() const;
};

struct KeyPair {
    PublicKey public_key;
    SecretKey secret_key;
};

Result<KeyPair> generate_key_pair();

// File texts, two lines each, as minisign writes them.
std::string format_public_key(const PublicKey& key);
std::string format_secret_key(const SecretKey& key);
// Accepts a public key file, or the bare base64 line minisign prints.
Result<PublicKey> parse_public_key(std::string_view text);
Result<SecretKey> parse_secret_key(std::string_view text);
Result<PublicKey> read_public_key(const std::filesystem::path& path);
Result<SecretKey> read_secret_key(const std::filesystem::path& path);
// Writes BASENAME.pub and BASENAME.key (mode 0600); refuses to overwrite an existing key.
Status write_key_pair(const KeyPair& pair, const std::filesystem::path& basename);

enum class SignatureAlgorithm { prehashed, legacy }; // "ED" and "Ed"

struct Signature {
    std::string untrusted_comment;
    SignatureAlgorithm algorithm = SignatureAlgorithm::prehashed;
    KeyId key_id {};
    std::array<std::uint8_t, 64> signature {};
    std::string trusted_comment;
    std::array<std::uint8_t, 64> global_signature {};
};

inline constexpr std::size_t signature_file_max_bytes = 8192;

std::string format_signature(const Signature& sig);
Result<Signature> parse_signature(std::string_view text);
Result<Signature> read_signature(const std::filesystem::path& path);

// BLAKE2b-512 of a file, read in blocks; `cancel` stops it between blocks.
Result<std::array<std::uint8_t, 64>> hash_file(
    const std::filesystem::path& path, const std::atomic<bool>* cancel = nullptr);

// Signs a file (prehashed ED) with a trusted comment; the trusted comment must be one line.
Result<Signature> sign_file(const std::filesystem::path& path, const SecretKey& key,
    std::string_view trusted_comment,
    std::string_view untrusted_comment = "signature from cablepack secret key");

// Where a signature check failed, as Error::where.
namespace signature_check {
inline constexpr std::string_view format = "check: signature file";
inline constexpr std::string_view algorithm = "check: signature algorithm";
inline constexpr std::string_view key = "check: signing key";
inline constexpr std::string_view file = "check: signature";
inline constexpr std::string_view trusted_comment = "check: trusted comment";
} // namespace signature_check

// Checks the algorithm (only ED is accepted), the key id, the signature over the file's hash and
// the global signature over the signature and the trusted comment.
Status verify_signature(const std::filesystem::path& path, const Signature& sig, const PublicKey& key,
    const std::atomic<bool>* cancel = nullptr);

} // namespace ck::content
