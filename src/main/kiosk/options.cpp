// CLI11 for the command line, toml++ for the configuration file (both Debian packages).
#include "options.hpp"

#include "content/pin.hpp"

#include <CLI/CLI.hpp>
#include <toml++/toml.h>

#include <cstdio>
#include <functional>
#include <map>
#include <set>

namespace ck::kiosk {
namespace {

bool parse_size(const std::string& text, Size& out)
{
    unsigned w = 0;
    unsigned h = 0;
    char x = 0;
    char extra = 0;
    if (std::sscanf(text.c_str(), "%u%c%u%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X') || w < 64
        || h < 64 || w > 16384 || h > 16384) {
        return false;
    }
    out = { static_cast<float>(w), static_cast<float>(h) };
    return true;
}

CLI::Validator size_validator()
{
    return CLI::Validator(
        [](std::string& value) {
            Size s;
            return parse_size(value, s) ? std::string() : std::string("expected WxH, e.g. 1920x1080");
        },
        "WxH");
}

using LineOf = std::function<std::string(const toml::node&)>;

// The tables and keys the configuration file may hold.
const std::map<std::string, std::set<std::string>>& known_keys()
{
    static const std::map<std::string, std::set<std::string>> keys {
        { "idle", { "prompt_after_s", "prompt_after_reading_s", "countdown_s" } },
        { "state", { "dir" } },
        { "import", { "dir" } },
        { "fonts", { "sans", "mono", "fallbacks" } },
        { "pack", { "trusted_keys" } },
        { "staff", { "pin_hash" } },
        { "metrics", { "textfile" } },
        // [fleet] belongs to the pack fetcher (cable-kiosk-fetch), which shares this file.
        { "fleet", { "url", "pubkey" } },
    };
    return keys;
}

std::string joined(const std::set<std::string>& names)
{
    std::string out;
    for (const auto& n : names) {
        out += (out.empty() ? "" : ", ") + n;
    }
    return out;
}

Status check_known_keys(const toml::table& t, const LineOf& line_of)
{
    std::set<std::string> tables;
    for (const auto& entry : known_keys()) {
        tables.insert("[" + entry.first + "]");
    }
    for (const auto& [key, node] : t) {
        const auto table = known_keys().find(std::string(key.str()));
        if (table == known_keys().end() || !node.is_table()) {
            return make_error("unknown key '" + std::string(key.str()) + "' (the file holds the tables "
                    + joined(tables) + ")",
                line_of(node));
        }
        for (const auto& [inner, value] : *node.as_table()) {
            const std::string name(inner.str());
            if (table->second.count(name) == 0) {
                return make_error(
                    "unknown key '" + table->first + "." + name + "' (known: " + joined(table->second) + ")",
                    line_of(value));
            }
        }
    }
    return {};
}

Status read_path(const toml::table& t, std::string_view key, std::string& out, const LineOf& line_of)
{
    const toml::node* node = t.at_path(key).node();
    if (node == nullptr) {
        return {};
    }
    const auto v = node->value<std::string>();
    if (!v || v->empty()) {
        return make_error(std::string(key) + " must be a path in quotes", line_of(*node));
    }
    out = *v;
    return {};
}

// [fonts]: sans and mono replace the two families' faces (every weight falls back to the one given);
// fallbacks replaces the chain after them (CJK first).
Status read_fonts(const toml::table& t, Options& o, const LineOf& line_of)
{
    if (t.at_path("fonts").node() == nullptr) {
        return {};
    }
    text::FontPaths paths = text::FontPaths::debian_defaults();
    std::string sans;
    std::string mono;
    if (auto s = read_path(t, "fonts.sans", sans, line_of); !s) {
        return s;
    }
    if (auto s = read_path(t, "fonts.mono", mono, line_of); !s) {
        return s;
    }
    if (!sans.empty()) {
        paths.sans_regular = { sans, 0 };
        paths.sans_medium = paths.sans_semibold = paths.sans_bold = {};
    }
    if (!mono.empty()) {
        paths.mono_regular = { mono, 0 };
        paths.mono_bold = {};
    }
    if (const toml::node* node = t.at_path("fonts.fallbacks").node(); node != nullptr) {
        const toml::array* list = node->as_array();
        if (list == nullptr) {
            return make_error(
                "fonts.fallbacks must be a list of paths: [\"/usr/share/fonts/...\"]", line_of(*node));
        }
        paths.fallbacks.clear();
        for (const auto& item : *list) {
            const auto v = item.value<std::string>();
            if (!v || v->empty()) {
                return make_error("fonts.fallbacks must hold paths in quotes", line_of(item));
            }
            paths.fallbacks.push_back({ *v, 0 });
        }
    }
    o.fonts = paths;
    return {};
}

// [pack] trusted_keys = [{ name = "museum-2026", key = "RWT..." }, ...]
Status read_trusted_keys(const toml::table& t, Options& o, const LineOf& line_of)
{
    const toml::node* node = t.at_path("pack.trusted_keys").node();
    if (node == nullptr) {
        return {};
    }
    const toml::array* list = node->as_array();
    const std::string shape
        = "pack.trusted_keys must be a list of { name = \"...\", key = \"RW...\" } (the key "
          "line of a minisign .pub file)";
    if (list == nullptr || list->empty()) {
        return make_error(shape, line_of(*node));
    }
    for (const auto& item : *list) {
        const toml::table* entry = item.as_table();
        const auto name = entry != nullptr ? entry->at_path("name").value<std::string>() : std::nullopt;
        const auto key = entry != nullptr ? entry->at_path("key").value<std::string>() : std::nullopt;
        if (!name || !key || name->empty() || key->empty() || entry->size() != 2) {
            return make_error(shape, line_of(item));
        }
        o.trusted_keys.push_back({ *name, *key, line_of(item) });
    }
    return {};
}

Status read_paths(const toml::table& t, Options& o, const LineOf& line_of)
{
    if (auto s = read_trusted_keys(t, o, line_of); !s) {
        return s;
    }
    if (auto s = read_path(t, "state.dir", o.state_dir, line_of); !s) {
        return s;
    }
    if (auto s = read_path(t, "import.dir", o.import_dir, line_of); !s) {
        return s;
    }
    return read_fonts(t, o, line_of);
}

} // namespace

std::optional<int> parse_options(int argc, char** argv, Options& o)
{
    CLI::App cli { "kiosk: the Cable Kiosk viewer" };
    std::string window;
    std::string size;
    cli.add_option("--pack", o.pack, "The content pack (default: the bundled, signed exhibit)");
    cli.add_option("--pubkey", o.pubkey, "The public key the pack must be signed with");
    auto* full = cli.add_flag("--fullscreen", o.fullscreen, "Fill the display");
    cli.add_option("--window", window, "A window of WxH pixels (desktop)")
        ->check(size_validator())
        ->excludes(full);
    cli.add_option("--rotate", o.rotate, "Turn the display and the touch mapping together")
        ->check(CLI::IsMember({ 0, 90, 180, 270 }));
    cli.add_option("--dpi", o.dpi, "Pixels per inch of the panel; sizes follow it")
        ->check(CLI::Range(40.0f, 600.0f));
    cli.add_option("--lang", o.lang, "The language a visit starts in")->check(CLI::IsMember({ "en", "ja" }));
    cli.add_option("--renderer", o.renderer, "auto, software or gles2")
        ->check(CLI::IsMember({ "auto", "software", "gles2" }));
    cli.add_option("--config", o.config, "A TOML configuration file (idle times)");
    auto* headless = cli.add_flag("--headless", o.headless, "Run through SDL's offscreen driver");
    cli.add_option("--size", size, "The display mode as the panel reports it (headless)")
        ->check(size_validator())
        ->needs(headless);
    cli.add_option("--script", o.script, "Replay this script (headless)")->needs(headless);
    cli.add_option("--screenshots", o.screenshots, "Where shots and dumps go (headless)")->needs(headless);
    cli.add_flag("--realtime", o.realtime, "Use the real clock, so that a wait really waits")
        ->needs(headless);
    cli.add_flag("--check-text", o.check_text, "Check on every frame that each text drawn is its own")
        ->needs(headless);
    cli.add_option("--random-delays", o.random_delays, "Seed for random pauses before each touch (scripts)")
        ->needs(headless);
    cli.add_option("--monkey", o.monkey_events, "Replay N random touch and key events (headless)")
        ->needs(headless)
        ->check(CLI::Range(1L, 100'000'000L));
    cli.add_option("--seed", o.seed, "Seed of the monkey's random events");
    auto* self_test = cli.add_flag("--self-test", o.self_test,
                             "Check the pack, fonts, display, storage and board, then exit")
                          ->excludes(headless);
    cli.add_flag("--json", o.json, "Print the self-test's report as JSON")->needs(self_test);
    cli.add_option("--metrics", o.metrics_file, "Write the self-test's results as Prometheus text to FILE")
        ->needs(self_test);
    cli.add_option("--report", o.report_file, "Write the self-test's JSON report to FILE")->needs(self_test);
    cli.add_option(
           "--search-budget", o.search_budget_ms, "The search.query check's budget in ms (warns past it)")
        ->needs(self_test)
        ->check(CLI::Range(1, 60'000));
    cli.add_flag("--hash-pin", o.hash_pin, "Read a staff PIN on standard input and print the [staff] lines");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (!window.empty()) {
        parse_size(window, o.window);
    }
    if (!size.empty()) {
        parse_size(size, o.size);
    }
    if (o.hash_pin) {
        return std::nullopt;
    }
    if (o.headless && o.script.empty() && o.monkey_events == 0) {
        std::fputs("kiosk: --headless needs --script FILE (or --monkey N)\n", stderr);
        return 2;
    }
    if (!o.script.empty() && o.screenshots.empty()) {
        std::fputs("kiosk: --script needs --screenshots DIR\n", stderr);
        return 2;
    }
    return std::nullopt;
}

Status read_config(const std::string& path, Options& o)
{
    toml::table t;
    try {
        t = toml::parse_file(path);
    } catch (const toml::parse_error& err) {
        return make_error(
            std::string(err.description()), path + ":" + std::to_string(err.source().begin.line));
    }
    // Every key must be one we read: a misspelt key would otherwise leave a default in force
    // without a word.
    const auto line_of
        = [&](const toml::node& node) { return path + ":" + std::to_string(node.source().begin.line); };
    if (auto known = check_known_keys(t, line_of); !known) {
        return known;
    }
    if (const toml::node* hash = t.at_path("staff.pin_hash").node()) {
        const auto text = hash->value<std::string>();
        if (!text || !content::is_pin_hash(*text)) {
            return make_error("staff.pin_hash must be the line `kiosk --hash-pin` prints (an Argon2id hash)",
                line_of(*hash));
        }
        o.staff_pin_hash = *text;
    }
    for (const char* key : { "fleet.url", "fleet.pubkey" }) {
        if (const toml::node* node = t.at_path(key).node(); node != nullptr && !node->is_string()) {
            return make_error(
                "[fleet] holds url = \"https://...\" and pubkey = \"FILE\", both strings", line_of(*node));
        }
    }
    if (const toml::node* file = t.at_path("metrics.textfile").node()) {
        const auto text = file->value<std::string>();
        if (!text || text->empty()) {
            return make_error("metrics.textfile must be the path of the file to write", line_of(*file));
        }
        o.metrics_textfile = *text;
    }
    const auto seconds = [&](std::string_view key, Millis& out) -> Status {
        const toml::node* node = t.at_path(key).node();
        if (node == nullptr) {
            return {};
        }
        const auto v = node->value<double>();
        // The countdown gives a reader time to notice and tap: never under 20 s.
        const double least = key == "idle.countdown_s" ? 20 : 1;
        if (!v || *v < least || *v > 86'400) {
            return make_error(std::string(key) + " must be a number of seconds between "
                    + std::to_string(static_cast<int>(least)) + " and 86400",
                line_of(*node));
        }
        out = Millis { static_cast<Millis::rep>(*v * 1000) };
        return {};
    };
    for (const auto& [key, target] :
        { std::pair<std::string_view, Millis*> { "idle.prompt_after_s", &o.idle.prompt_after },
            { "idle.prompt_after_reading_s", &o.idle.prompt_after_reading },
            { "idle.countdown_s", &o.idle.countdown } }) {
        if (auto s = seconds(key, *target); !s) {
            return s;
        }
    }
    return read_paths(t, o, line_of);
}

} // namespace ck::kiosk
