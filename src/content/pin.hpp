// The staff PIN: hashed with libsodium's crypto_pwhash_str (Argon2id, interactive limits), so the
// configuration file holds only the hash. libsodium belongs to this folder; the app asks here.
#pragma once

#include "core/result.hpp"

#include <string>
#include <string_view>

namespace ck::content {

// A PIN is 4 to 12 ASCII digits: what the on-screen PIN pad can type.
inline constexpr std::size_t pin_min_digits = 4;
inline constexpr std::size_t pin_max_digits = 12;
[[nodiscard]] bool is_valid_pin(std::string_view pin);

// The Argon2id hash of `pin` in libsodium's string form ("$argon2id$v=19$m=...").
Result<std::string> hash_pin(std::string_view pin);

// Whether `hash` is a hash string this kiosk can verify (Argon2id, as hash_pin makes).
[[nodiscard]] bool is_pin_hash(std::string_view hash);

// True when `pin` matches `hash`. Slow on purpose (tens to hundreds of milliseconds): run it off the
// UI thread.
[[nodiscard]] bool verify_pin(std::string_view hash, std::string_view pin);

} // namespace ck::content
