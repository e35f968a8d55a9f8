// The staff PIN's hash: Argon2id through libsodium; only digits of a sensible length are PINs, and
// only the right PIN verifies.
#include "content/pin.hpp"

#include <doctest/doctest.h>

#include <string>

TEST_CASE("a PIN hashed with Argon2id verifies, and no other PIN does")
{
    const auto hash = ck::content::hash_pin("482913");
    REQUIRE(hash.ok());
    CHECK(hash->rfind("$argon2id$", 0) == 0);
    CHECK(hash->find("482913") == std::string::npos);
    CHECK(ck::content::is_pin_hash(*hash));
    CHECK(ck::content::verify_pin(*hash, "482913"));
    CHECK_FALSE(ck::content::verify_pin(*hash, "482914"));
    CHECK_FALSE(ck::content::verify_pin(*hash, "48291"));
    // Two hashes of one PIN differ (a new salt each time) and both verify.
    const auto again = ck::content::hash_pin("482913");
    REQUIRE(again.ok());
    CHECK(*again != *hash);
    CHECK(ck::content::verify_pin(*again, "482913"));
}

TEST_CASE("only 4 to 12 digits are a PIN")
{
    for (const char* bad : { "", "123", "1234567890123", "12a4", "12 34", "１２３４" }) {
        CAPTURE(bad);
        CHECK_FALSE(ck::content::is_valid_pin(bad));
        CHECK_FALSE(ck::content::hash_pin(bad).ok());
    }
    CHECK(ck::content::is_valid_pin("0000"));
    CHECK(ck::content::is_valid_pin("123456789012"));
}

TEST_CASE("a string that is not an Argon2id hash never verifies")
{
    for (const char* bad :
        { "", "1234", "$argon2i$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA", "$2y$10$abcdefghijklmnopqrstuv" }) {
        CAPTURE(bad);
        CHECK_FALSE(ck::content::is_pin_hash(bad));
        CHECK_FALSE(ck::content::verify_pin(bad, "1234"));
    }
}
