// The self-test's wiring and its three outputs. The checks themselves are in content (the pack,
// search), text (fonts) and platform (renderer, display, touch, storage, memory, board, clock).
#include "self_test.hpp"

#include "content/atomic_file.hpp"
#include "content/pack.hpp"
#include "content/pack_checks.hpp"
#include "content/signing.hpp"
#include "content/verify.hpp"
#include "core/self_check_metrics.hpp"
#include "platform/display_checks.hpp"
#include "platform/system_checks.hpp"
#include "screens/strings.hpp"
#include "services.hpp"
#include "text/font_checks.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <unistd.h>

#ifndef CK_VERSION
#define CK_VERSION "0"
#endif
#ifndef CK_BUILD
#define CK_BUILD "unknown"
#endif

namespace ck::kiosk {

namespace fs = std::filesystem;

namespace {

fs::path state_dir_of(const Options& o)
{
    return o.state_dir.empty() ? state_directory() : fs::path(o.state_dir);
}

// The pack the kiosk shows: with [state] dir, the release installed there (read, never changed:
// the kiosk may be running); else --pack.
content::PackCheckInputs pack_inputs(const Options& o)
{
    content::PackCheckInputs in;
    const fs::path state = state_dir_of(o);
    in.pack = o.pack;
    in.stamp = stamp_path(o.pack, state);
    if (!o.state_dir.empty()) {
        auto record = content::read_store_record(state);
        in.pack = record && record->current ? content::release_pack_path(state, *record->current)
                                            : state / "packs" / "(none installed yet)";
        if (record && record->current) {
            in.stamp = content::release_stamp_path(state, *record->current);
        }
    }
    in.signature = content::signature_path_for(in.pack);
    in.search_budget = std::chrono::milliseconds { o.search_budget_ms };
    in.stamp_key = state / "stamp.key";
    in.keys_location = o.trusted_keys.empty() ? fs::absolute(o.pubkey).lexically_normal().string()
                                              : "[pack] trusted_keys of " + o.config;
    if (auto keys = trusted_keys(o)) {
        in.trusted_keys = *keys;
    }
    return in;
}

// The texts the fonts must draw: the compiled-in UI strings and everything the pack can show.
text::TextSamples shown_texts(const Options& o)
{
    return [pack_path = pack_inputs(o).pack]() -> Result<std::vector<text::TextSample>> {
        std::vector<text::TextSample> samples;
        screens::for_each_builtin_string([&](std::string_view lang, std::string_view key,
                                             std::string_view value) {
            samples.push_back({ "the kiosk's UI string " + std::string(key) + " (" + std::string(lang) + ")",
                std::string(value), text::Family::sans });
        });
        auto pack = content::Pack::open(pack_path, content::OpenOptions { std::chrono::milliseconds { 0 } });
        if (!pack) {
            // pack.present and pack.schema say why; the UI strings are still checked.
            return samples;
        }
        auto walked = content::for_each_shown_text(
            *pack, [&](const std::string& where, const std::string& value, bool cable) {
                samples.push_back({ where, value, cable ? text::Family::mono : text::Family::sans });
            });
        if (!walked) {
            return walked.error();
        }
        return samples;
    };
}

} // namespace

selfcheck::Checks make_self_checks(const Options& o, platform::Display& display)
{
    selfcheck::Checks checks = content::pack_checks(pack_inputs(o));
    const text::FontPaths fonts = o.fonts ? *o.fonts : text::FontPaths::debian_defaults();
    checks.push_back(text::fonts_load_check(fonts));
    checks.push_back(text::fonts_coverage_check(fonts, shown_texts(o)));
    checks.push_back(platform::renderer_readback_check(display));
    checks.push_back(platform::display_mode_check(display, o.dpi));
    checks.push_back(platform::input_touch_check("/proc", o.fullscreen));
    const fs::path state = state_dir_of(o);
    checks.push_back(platform::storage_free_check(state));
    checks.push_back(platform::storage_state_check(state));
    checks.push_back(platform::storage_import_check(
        o.import_dir.empty() ? std::nullopt : std::optional<fs::path>(o.import_dir)));
    checks.push_back(platform::memory_available_check());
    checks.push_back(platform::board_thermal_check());
    checks.push_back(platform::board_power_check());
    checks.push_back(
        platform::clock_year_check([] { return std::chrono::system_clock::now(); }, release_year));
    return checks;
}

namespace {

std::string iso8601(std::chrono::system_clock::time_point t)
{
    const std::time_t s = std::chrono::system_clock::to_time_t(t);
    std::tm utc {};
    gmtime_r(&s, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

nlohmann::json value_json(const selfcheck::Value& v)
{
    if (const auto* d = std::get_if<double>(&v)) {
        return *d;
    }
    if (const auto* s = std::get_if<std::string>(&v)) {
        return *s;
    }
    return nullptr;
}

// A value as people read it: MiB for bytes, one decimal for ms and degrees.
std::string value_text(const selfcheck::Result& r)
{
    char buf[64];
    if (const auto* d = std::get_if<double>(&r.value)) {
        if (r.unit == "bytes") {
            std::snprintf(buf, sizeof buf, "%.0f MiB", *d / (1024.0 * 1024.0));
        } else if (r.unit == "ms") {
            std::snprintf(buf, sizeof buf, "%.1f ms", *d);
        } else if (r.unit == "celsius") {
            std::snprintf(buf, sizeof buf,
                "%.1f \xC2\xB0"
                "C",
                *d);
        } else if (r.unit.empty() || r.unit == "year") {
            std::snprintf(buf, sizeof buf, "%.0f", *d);
        } else {
            std::snprintf(buf, sizeof buf, "%.0f %s", *d, r.unit.c_str());
        }
        return buf;
    }
    if (const auto* s = std::get_if<std::string>(&r.value)) {
        return s->size() > 16 ? s->substr(0, 15) + "\xE2\x80\xA6" : *s;
    }
    return "";
}

// Columns by display width (the values may hold a multi-byte ° or …).
std::string padded(const std::string& text, std::size_t width)
{
    std::size_t shown = 0;
    for (const unsigned char c : text) {
        shown += (c & 0xC0) != 0x80 ? 1 : 0;
    }
    return text + std::string(shown < width ? width - shown : 1, ' ');
}

} // namespace

std::string report_json(const SelfTestRun& run)
{
    nlohmann::json checks = nlohmann::json::array();
    for (const auto& r : run.results) {
        checks.push_back({ { "id", r.id }, { "title", r.title }, { "status", selfcheck::name(r.status) },
            { "value", value_json(r.value) },
            { "unit", r.unit.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.unit) },
            { "message", r.message } });
    }
    const nlohmann::json report = {
        { "schema", 1 },
        { "kiosk", { { "version", CK_VERSION }, { "build", CK_BUILD } } },
        { "started", iso8601(run.started) },
        { "duration_ms", static_cast<std::int64_t>(std::llround(run.duration_ms)) },
        { "result", selfcheck::name(selfcheck::overall(run.results)) },
        { "checks", checks },
    };
    return report.dump(2) + "\n";
}

std::string report_table(const SelfTestRun& run, bool colour)
{
    std::string out;
    for (const auto& r : run.results) {
        std::string status(selfcheck::name(r.status));
        for (auto& c : status) {
            c = static_cast<char>(c - 'a' + 'A');
        }
        const char* code = r.status == selfcheck::Status::pass ? "32"
            : r.status == selfcheck::Status::warn              ? "33"
            : r.status == selfcheck::Status::fail              ? "1;31"
                                                               : "2";
        out += colour ? "\x1b[" + std::string(code) + "m" + padded(status, 6) + "\x1b[0m" : padded(status, 6);
        out += padded(r.id, 19) + padded(value_text(r), 17) + r.message + "\n";
    }
    char tail[160];
    const auto verdict = selfcheck::overall(run.results);
    std::snprintf(tail, sizeof tail, "\n%s in %.0f ms: %s\n", iso8601(run.started).c_str(), run.duration_ms,
        verdict == selfcheck::Status::fail       ? "a check FAILED; the kiosk needs attention"
            : verdict == selfcheck::Status::warn ? "working, with warnings"
                                                 : "every check passed");
    return out + tail;
}

std::string report_metrics(const SelfTestRun& run)
{
    prometheus::Text text;
    text.family("cable_kiosk_build_info", "gauge", "The kiosk's version and build, as labels.");
    text.sample("cable_kiosk_build_info", { { "version", CK_VERSION }, { "build", CK_BUILD } }, 1);
    text.family("cable_kiosk_selftest_ok", "gauge", "1 when no self-test check failed.");
    text.sample(
        "cable_kiosk_selftest_ok", selfcheck::overall(run.results) == selfcheck::Status::fail ? 0 : 1);
    text.family("cable_kiosk_selftest_last_run_timestamp_seconds", "gauge",
        "When the self-test last ran (Unix time).");
    text.sample("cable_kiosk_selftest_last_run_timestamp_seconds",
        static_cast<double>(
            std::chrono::duration_cast<std::chrono::seconds>(run.started.time_since_epoch()).count()));
    text.family("cable_kiosk_selftest_duration_seconds", "gauge", "How long the self-test took.");
    text.sample("cable_kiosk_selftest_duration_seconds", run.duration_ms / 1000.0);
    selfcheck::write_metrics(run.results, text);
    return text.str();
}

namespace {

platform::DisplayOptions self_test_display(const Options& o, bool real)
{
    platform::DisplayOptions d;
    d.mode = real ? platform::DisplayMode::fullscreen : platform::DisplayMode::headless;
    d.panel = real ? o.window : o.size;
    d.rotation = *platform::rotation_from_degrees(o.rotate);
    d.renderer = o.renderer == "software" ? platform::RendererKind::software
        : o.renderer == "gles2"           ? platform::RendererKind::gles2
                                          : platform::RendererKind::automatic;
    return d;
}

// The real display in kiosk mode (--fullscreen), when the kiosk itself does not hold it; else SDL's
// offscreen driver, which checks the renderer the kiosk's screenshots use.
Result<std::unique_ptr<platform::Display>> open_display(const Options& o)
{
    if (o.fullscreen) {
        if (auto real = platform::Display::create(self_test_display(o, true))) {
            return real;
        }
    }
    return platform::Display::create(self_test_display(o, false));
}

bool colour_terminal()
{
    // NOLINTNEXTLINE(concurrency-mt-unsafe): read at start-up; no thread of ours sets variables
    const char* term = std::getenv("TERM");
    // NOLINTNEXTLINE(concurrency-mt-unsafe): as above
    const char* no_colour = std::getenv("NO_COLOR");
    return ::isatty(STDOUT_FILENO) != 0 && term != nullptr && std::string_view(term) != "dumb"
        && (no_colour == nullptr || *no_colour == '\0');
}

} // namespace

int run_self_test(const Options& o)
{
    SelfTestRun run;
    run.started = std::chrono::system_clock::now();
    const auto t0 = std::chrono::steady_clock::now();
    auto display = open_display(o);
    if (!display) {
        std::fprintf(stderr, "kiosk: the self-test cannot run: %s\n", display.error().to_string().c_str());
        return 2;
    }
    for (const auto& check : make_self_checks(o, **display)) {
        run.results.push_back(selfcheck::run(check));
    }
    run.duration_ms
        = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const std::string json = report_json(run);
    std::fputs(o.json ? json.c_str() : report_table(run, colour_terminal()).c_str(), stdout);
    std::fflush(stdout);
    int code = selfcheck::overall(run.results) == selfcheck::Status::fail ? 1 : 0;
    if (!o.report_file.empty()) {
        if (auto written = content::write_file_atomically(o.report_file, json); !written) {
            std::fprintf(
                stderr, "kiosk: the report cannot be written: %s\n", written.error().to_string().c_str());
            code = 2;
        }
    }
    if (!o.metrics_file.empty()) {
        if (auto written = content::write_file_atomically(o.metrics_file, report_metrics(run)); !written) {
            std::fprintf(
                stderr, "kiosk: the metrics cannot be written: %s\n", written.error().to_string().c_str());
            code = 2;
        }
    }
    return code;
}

} // namespace ck::kiosk
