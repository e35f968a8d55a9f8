// kiosk: the Cable Kiosk viewer. Live on a display, or headless through SDL's offscreen driver
// replaying a script (the tests, the README's screenshots) or a monkey.
#include "app/kiosk_app.hpp"
#include "app/script.hpp"
#include "bench_trace.hpp"
#include "content/pin.hpp"
#include "content/signing.hpp"
#include "core/log.hpp"
#include "core/log_ring.hpp"
#include "live_loop.hpp"
#include "options.hpp"
#include "platform/display.hpp"
#include "platform/event_pump.hpp"
#include "platform/folder_watch.hpp"
#include "platform/sdl_clock.hpp"
#include "platform/service.hpp"
#include "platform/signals.hpp"
#include "platform/touch_devices.hpp"
#include "presenter.hpp"
#include "script_runner.hpp"
#include "self_test.hpp"
#include "services.hpp"

#include <atomic>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <future>
#include <iostream>
#include <sstream>
#include <termios.h>
#include <unistd.h>

namespace {

using namespace ck;

// A distinct code so that scripts (.ci/start) can tell "no display here" from a failure.
constexpr int exit_no_display = 3;

Result<std::string> read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return make_error("cannot read the file", path);
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

platform::DisplayOptions display_options(const kiosk::Options& o)
{
    platform::DisplayOptions d;
    d.mode = o.headless
        ? platform::DisplayMode::headless
        : (o.fullscreen ? platform::DisplayMode::fullscreen : platform::DisplayMode::windowed);
    d.panel = o.headless ? o.size : o.window;
    d.rotation = *platform::rotation_from_degrees(o.rotate);
    d.renderer = o.renderer == "software" ? platform::RendererKind::software
        : o.renderer == "gles2"           ? platform::RendererKind::gles2
                                          : platform::RendererKind::automatic;
    return d;
}

// With [state] dir, the pack installed in the store (installed from --pack at the first start),
// and the updates that import new ones; without, the --pack file itself (a desktop preview).
struct Exhibit {
    std::unique_ptr<content::Pack> pack;
    std::unique_ptr<app::ExhibitUpdates> updates;
};

std::int64_t wall_seconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Exhibit open_installed(const kiosk::Options& o)
{
    auto store = kiosk::open_store(o);
    if (!store) {
        log::error("kiosk", "the content pack cannot be shown: " + store.error().to_string());
        return {};
    }
    Exhibit e;
    if (auto pack = content::open_current(*store)) {
        e.pack = std::make_unique<content::Pack>(std::move(*pack));
        log::info("kiosk", "showing release " + std::to_string(e.pack->info().sequence));
    } else {
        log::error("kiosk", "the installed pack cannot be shown: " + pack.error().to_string());
    }
    e.updates = std::make_unique<app::ExhibitUpdates>(std::move(*store),
        o.import_dir.empty() ? std::nullopt : std::optional<std::filesystem::path>(o.import_dir),
        wall_seconds);
    return e;
}

std::unique_ptr<content::Pack> open_pack(const kiosk::Options& o)
{
    // A first start verifies a large pack fully, which takes a while: say so in `systemctl status`.
    platform::service::notify_status("checking the pack " + o.pack);
    auto pack = kiosk::open_verified_pack(o.pack, o.pubkey,
        o.state_dir.empty() ? kiosk::state_directory() : std::filesystem::path(o.state_dir));
    if (!pack) {
        // For staff, in the journal; the visitor sees the out-of-order screen.
        log::error("kiosk", "the content pack cannot be shown: " + pack.error().to_string());
        return nullptr;
    }
    // key=value fields, so that `journalctl -u cable-kiosk -g sequence=12` finds the start.
    const content::PackInfo& info = pack->info();
    log::info("kiosk",
        "showing pack=" + o.pack + " sequence=" + std::to_string(info.sequence)
            + " cables=" + std::to_string(info.cables) + " title=\"" + info.title + "\"");
    return std::make_unique<content::Pack>(std::move(*pack));
}

// `kiosk --hash-pin`: a PIN on standard input (not echoed on a terminal) in, the [staff] lines out.
int hash_pin_command()
{
    const bool terminal = isatty(STDIN_FILENO) != 0;
    termios saved {};
    if (terminal) {
        std::fputs("Staff PIN (4 to 12 digits): ", stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string pin;
    std::getline(std::cin, pin);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' ')) {
        pin.pop_back();
    }
    auto hash = content::hash_pin(pin);
    if (!hash) {
        std::fprintf(stderr, "kiosk: --hash-pin: %s\n", hash.error().to_string().c_str());
        return 2;
    }
    std::printf("[staff]\npin_hash = \"%s\"\n", hash->c_str());
    return 0;
}

// What staff mode and the metrics need from the machine: the PIN's hash, where the lockout is
// kept, the checks, our RSS, the touch devices, the pack file's facts, the log's last lines, the
// day and the wall clock.
app::StaffServices staff_services(
    const kiosk::Options& o, const content::Pack* pack, const log::Ring* ring, platform::Display& display)
{
    const Size logical = display.logical_size();
    app::StaffServices s;
    s.pin_hash = o.staff_pin_hash;
    s.lockout_file = (o.state_dir.empty() ? kiosk::state_directory() : std::filesystem::path(o.state_dir))
        / "staff-lockout";
    const auto wall = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
    s.wall_seconds = wall;
    s.today = [] {
        const std::time_t now = std::time(nullptr);
        std::tm local {};
        localtime_r(&now, &local);
        return static_cast<int>((now + local.tm_gmtoff) / 86'400);
    };
    // The checks the Checks screen and the metrics run: the very list `kiosk --self-test` runs,
    // drawing its renderer check on the kiosk's own display.
    s.checks = [&o, &display] { return kiosk::make_self_checks(o, display); };
    s.rss_bytes = [] { return kiosk::resident_bytes(); };
    s.touch_devices = [] { return platform::touch_device_names(); };
    s.rotation = std::to_string(o.rotate);
    const Size panel = o.headless ? o.size : o.window;
    s.mapping = "panel " + std::to_string(static_cast<int>(panel.w)) + "x"
        + std::to_string(static_cast<int>(panel.h)) + " turned " + std::to_string(o.rotate)
        + "° with the picture; touches turned the same way into "
        + std::to_string(static_cast<int>(logical.w)) + "x" + std::to_string(static_cast<int>(logical.h));
    if (pack != nullptr) {
        // The file shown (the installed release with [state] dir), and the key that signed it.
        if (const auto sig = content::read_signature(content::signature_path_for(pack->path()))) {
            content::PublicKey signer;
            signer.key_id = sig->key_id;
            s.signer_key_id = signer.key_id_hex();
        }
        std::error_code ec;
        const auto bytes = std::filesystem::file_size(pack->path(), ec);
        s.pack_file_bytes = ec ? -1 : static_cast<std::int64_t>(bytes);
    }
    s.log = ring;
    s.report_dir = o.import_dir;
    s.metrics_file = o.metrics_textfile;
    return s;
}

void phase(const char* name)
{
    if (auto* trace = kiosk::BenchTrace::get()) {
        trace->phase(name);
    }
}

int run(const kiosk::Options& o)
{
    phase("main");
    // The last log lines for the staff's Log screen: a tee in front of the stderr sink, which
    // stays as it was. Its clock is the app's, once there is one.
    // Atomic: the pack is opened on a second thread (below), and it logs.
    std::atomic<const Clock*> log_clock = nullptr;
    log::Ring ring(300, [&log_clock] {
        const Clock* c = log_clock.load();
        return c != nullptr ? c->now() : Millis { 0 };
    });
    struct RestoreSink {
        log::Sink previous;
        ~RestoreSink() { log::set_sink(std::move(previous)); }
    } restore { log::set_sink({}) };
    log::set_sink(ring.tee(restore.previous));
    // A script is read and checked first: a mistake in it is reported at once (exit 2, naming the
    // line), before fonts, display or a pack's first full verification.
    std::vector<app::script::Line> script_lines;
    const std::vector<app::script::Line>* script = nullptr;
    if (o.headless && o.monkey_events <= 0) {
        const auto source = read_file(o.script);
        if (!source) {
            std::fprintf(stderr, "kiosk: %s\n", source.error().to_string().c_str());
            return 2;
        }
        auto lines = app::script::parse(*source, o.script);
        if (!lines) {
            std::fprintf(stderr, "kiosk: %s\n", lines.error().to_string().c_str());
            return 2;
        }
        script_lines = std::move(*lines);
        script = &script_lines;
    }
    // The pack is opened, and its signature checked, on a second core while this thread loads the
    // fonts and makes the display (which SDL wants on the main thread): a start took the sum of
    // the two. get() below joins it before anything uses the pack; an early return joins it too
    // (the future's destructor waits), so the thread never outlives run().
    std::future<Exhibit> opening = std::async(std::launch::async, [&o] {
        if (!o.state_dir.empty()) {
            return open_installed(o);
        }
        Exhibit e;
        e.pack = open_pack(o);
        return e;
    });
    auto text = kiosk::make_text_stack(o.fonts);
    phase("fonts");
    if (!text) {
        log::error("kiosk", "no usable fonts: " + text.error().to_string());
        return 1;
    }
    auto display = platform::Display::create(display_options(o));
    phase("display");
    if (!display) {
        std::fprintf(stderr,
            "kiosk: no display is available (%s). Run it in a desktop session, on a console with KMS/DRM "
            "access (kiosk --fullscreen), or without a display: kiosk --headless --size 1920x1080 "
            "--script FILE --screenshots DIR\n",
            display.error().to_string().c_str());
        return exit_no_display;
    }
    if (const std::string& fallback = (*display)->info().fallback; !fallback.empty()) {
        // One line for staff: the kiosk works, but every frame costs the CPU (the Pi's GPU idles).
        log::warning("kiosk", fallback + "; drawing with the software renderer instead");
    }
    ManualClock manual(Millis { 1'000 });
    platform::SdlClock real;
    const bool manual_time = o.headless && !o.realtime;
    const Clock& clock = manual_time ? static_cast<const Clock&>(manual) : static_cast<const Clock&>(real);
    log_clock = &clock;

    app::AppOptions app_options;
    app_options.dpi = o.dpi;
    app_options.language = o.lang;
    app_options.idle = o.idle;
    // While the pack is still opening, HarfBuzz's per-face set-up is done here rather than in the
    // first frame (about 1 ms; the layouts are the same either way).
    if (opening.wait_for(std::chrono::seconds { 0 }) != std::future_status::ready) {
        text->fonts->prepare_shaping();
    }
    Exhibit exhibit = opening.get();
    phase("pack");
    app_options.staff = staff_services(o, exhibit.pack.get(), &ring, **display);
    app::KioskApp kiosk_app(std::move(exhibit.pack), text->services(), app_options, clock.now());
    phase("app");
    std::unique_ptr<platform::FolderWatch> watch;
    if (exhibit.updates) {
        app::ExhibitUpdates* updates = exhibit.updates.get();
        kiosk_app.set_exhibit_updates(std::move(exhibit.updates));
        if (!o.import_dir.empty()) {
            auto started = platform::FolderWatch::start(
                o.import_dir, [updates] { updates->check(); }, std::chrono::seconds { 30 });
            if (started) {
                watch = std::move(*started);
            } else {
                log::warning("kiosk", "the import folder is not watched: " + started.error().to_string());
            }
        }
    }
    platform::EventPump pump(**display, clock,
        manual_time ? platform::EventTimes::when_read : platform::EventTimes::as_sdl_saw_them);
    if (!manual_time) {
        // A search answer wakes the sleeping loop at once rather than at the next 16 ms poll.
        kiosk_app.set_wake([] { platform::wake_event_loop(); });
    }
    kiosk::Presenter presenter(**display, *text->glyphs);

    if (!o.headless) {
        return kiosk::run_live(kiosk_app, **display, pump, clock, presenter);
    }
    std::error_code ec;
    std::filesystem::create_directories(o.screenshots.empty() ? "." : o.screenshots, ec);
    kiosk::ScriptRunner runner(kiosk_app, **display, pump, clock, manual_time ? &manual : nullptr, presenter,
        o.screenshots.empty() ? std::filesystem::path(".") : std::filesystem::path(o.screenshots));
    std::unique_ptr<ui::TextChecker> checker;
    if (o.check_text) {
        kiosk_app.set_recording(true);
        checker = std::make_unique<ui::TextChecker>(*text->fonts, *text->glyphs);
        runner.check_text(checker.get());
    }
    runner.random_delays(o.random_delays);
    runner.set_import(o.import_dir);
    if (o.monkey_events > 0) {
        if (auto done = runner.run_monkey(o.monkey_events, o.seed); !done) {
            std::fprintf(stderr, "kiosk: monkey: %s\n", done.error().to_string().c_str());
            return 1;
        }
        return 0;
    }
    if (auto done = runner.run(*script, o.script); !done) {
        std::fprintf(stderr, "kiosk: %s\n", done.error().to_string().c_str());
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    ck::platform::install_kiosk_signal_policy();
    ck::platform::service::use_journal_priorities_if_stderr_is_the_journal();
    ck::kiosk::Options options;
    if (const auto code = ck::kiosk::parse_options(argc, argv, options)) {
        return *code;
    }
    if (options.hash_pin) {
        return hash_pin_command();
    }
    if (!options.config.empty()) {
        if (auto read = ck::kiosk::read_config(options.config, options); !read) {
            std::fprintf(stderr, "kiosk: %s\n", read.error().to_string().c_str());
            return 2;
        }
    }
    if (options.self_test) {
        return ck::kiosk::run_self_test(options);
    }
    return run(options);
}
