// Argon2id through crypto_pwhash_str: the salt and the cost parameters travel inside the string,
// so a hash made with other limits still verifies.
#include "content/pin.hpp"

#include <sodium.h>

#include <algorithm>

namespace ck::content {
namespace {

bool sodium_ready()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

constexpr std::string_view argon2id_prefix = "$argon2id$";

} // namespace

bool is_valid_pin(std::string_view pin)
{
    return pin.size() >= pin_min_digits && pin.size() <= pin_max_digits
        && std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<std::string> hash_pin(std::string_view pin)
{
    if (!is_valid_pin(pin)) {
        return make_error("a PIN is 4 to 12 digits (0-9)");
    }
    if (!sodium_ready()) {
        return make_error("libsodium could not start");
    }
    std::string out(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str(out.data(), pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0) {
        return make_error("not enough memory to hash the PIN");
    }
    out.resize(out.find('\0'));
    return out;
}

bool is_pin_hash(std::string_view hash)
{
    return hash.size() < crypto_pwhash_STRBYTES && hash.substr(0, argon2id_prefix.size()) == argon2id_prefix
        && hash.find('\0') == std::string_view::npos;
}

bool verify_pin(std::string_view hash, std::string_view pin)
{
    if (!is_pin_hash(hash) || !is_valid_pin(pin) || !sodium_ready()) {
        return false;
    }
    const std::string h(hash); // NUL-terminated for libsodium
    return crypto_pwhash_str_verify(h.c_str(), pin.data(), pin.size()) == 0;
}

} // namespace ck::content
