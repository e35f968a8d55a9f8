// The self-test's checks of the content pack and its search: pack.present, pack.signature,
// pack.integrity, pack.schema, pack.sequence, pack.cables and search.query. They share one probe
// of the pack (read the signature once, open once), run on any thread, and never write: the
// self-test may run while the kiosk shows the same pack.
#pragma once

#include "content/signing.hpp"
#include "content/verify.hpp"
#include "core/self_check.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ck::content {

struct PackCheckInputs {
    std::filesystem::path pack;
    std::filesystem::path signature; // PACK.minisig
    std::vector<TrustedKey> trusted_keys;
    // Where staff find or change the trusted keys, for the messages ("/etc/cable-kiosk/...").
    std::string keys_location;
    // The kiosk's verification stamp for this pack and the key that makes it; unset: always
    // check integrity fully.
    std::optional<std::filesystem::path> stamp;
    std::optional<std::filesystem::path> stamp_key;
    // search.query passes within this, warns within 4 times it, fails beyond.
    std::chrono::milliseconds search_budget { 100 };
};

selfcheck::Checks pack_checks(const PackCheckInputs& inputs);

class Pack;
// Every text of the pack a visitor can be shown, with where it comes from ("cable 08TOKYO1723",
// "the glossary (ja): GOJ"); `cable_text` is true for a cable's own text (set in the typewriter
// face). For the font coverage check.
using ShownText = std::function<void(const std::string& where, const std::string& text, bool cable_text)>;
Status for_each_shown_text(Pack& pack, const ShownText& fn);

} // namespace ck::content
