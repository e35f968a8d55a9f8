// The kiosk's command line (the contract in issue 6) and its configuration file.
#pragma once

#include "app/idle_policy.hpp"
#include "core/geometry.hpp"
#include "core/result.hpp"
#include "text/font_set.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ck::kiosk {

struct Options {
    std::string pack = CK_DEFAULT_PACK;
    std::string pubkey = CK_DEFAULT_PUBKEY;
    bool fullscreen = false;
    Size window { 1920, 1080 };
    int rotate = 0;
    float dpi = 92;
    std::string lang = "en";
    std::string renderer = "auto";
    std::string config;

    // Headless script mode.
    bool headless = false;
    Size size { 1920, 1080 };
    std::string script;
    std::string screenshots;
    bool realtime = false;
    // Checks on every frame that each text drawn is the text its screen asked for (ui/text_check).
    bool check_text = false;
    // Before each touch command, lets a random 0 to 400 ms pass (seeded): the walks without waits,
    // replayed with a visitor's uneven rhythm. 0 means no delays.
    unsigned random_delays = 0;
    // Monkey mode (headless): random touches and keys.
    long monkey_events = 0;
    unsigned seed = 1;

    app::IdleConfig idle;

    // The self-test (`--self-test`): checks, prints a table (or JSON) and exits 0, 1 or 2.
    bool self_test = false;
    bool json = false;
    std::string metrics_file; // Prometheus textfile, written atomically
    std::string report_file; // the JSON report, written atomically
    // search.query passes within this, warns within 4 times it, fails beyond. The default is a
    // frame's worth on a Raspberry Pi; a slower machine that is not a kiosk (an emulator) names
    // its own, explicitly.
    int search_budget_ms = 100;

    // From the configuration file.
    std::string state_dir; // [state] dir; empty: state_directory()
    std::string import_dir; // [import] dir; empty: none
    std::optional<text::FontPaths> fonts; // [fonts]; unset: Debian's defaults
    // [pack] trusted_keys: each a name and the key line of a minisign .pub file. Empty: the key in
    // --pubkey is the one trusted key.
    struct TrustedKeyLine {
        std::string name;
        std::string key;
        std::string where; // FILE:LINE, for errors
    };
    std::vector<TrustedKeyLine> trusted_keys;
    // [staff] pin_hash: libsodium's Argon2id string; empty: staff mode is off.
    std::string staff_pin_hash;
    // [metrics] textfile: rewritten every 60 s for node_exporter; empty: no metrics file.
    std::string metrics_textfile;
    // --hash-pin: read a PIN on stdin, print the configuration lines, exit.
    bool hash_pin = false;
};

// Parses argv. Returns the exit code to use when the program should stop now (help, usage error).
std::optional<int> parse_options(int argc, char** argv, Options& options);

// Reads idle times, the staff PIN's hash and the metrics file from a TOML configuration file.
Status read_config(const std::string& path, Options& options);

} // namespace ck::kiosk
