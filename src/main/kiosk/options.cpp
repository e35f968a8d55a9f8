// CLI11 for the command line, toml++ for the configuration file (both Debian packages).
#include "options.hpp"

#include <CLI/CLI.hpp>
#include <toml++/toml.h>

#include <cstdio>

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
    for (const auto& [key, node] : t) {
        // [fleet] belongs to the pack fetcher (cable-kiosk-fetch), which shares this file; the
        // kiosk only checks that its keys are known strings.
        if (key.str() == "fleet" && node.is_table()) {
            for (const auto& [inner, value] : *node.as_table()) {
                if ((inner.str() != "url" && inner.str() != "pubkey") || !value.is_string()) {
                    return make_error(
                        "[fleet] holds url = \"https://...\" and pubkey = \"FILE\", both strings",
                        line_of(value));
                }
            }
            continue;
        }
        if (key.str() != "idle" || !node.is_table()) {
            return make_error(
                "unknown key '" + std::string(key.str()) + "' (the file holds [idle] and [fleet] tables)",
                line_of(node));
        }
        for (const auto& [inner, value] : *node.as_table()) {
            const std::string name(inner.str());
            if (name != "prompt_after_s" && name != "prompt_after_reading_s" && name != "countdown_s") {
                return make_error("unknown key 'idle." + name
                        + "' (known: prompt_after_s, prompt_after_reading_s, countdown_s)",
                    line_of(value));
            }
        }
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
    return {};
}

} // namespace ck::kiosk
