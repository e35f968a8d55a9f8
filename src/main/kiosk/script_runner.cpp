// Touch paths are sampled every 8 ms like a real panel; a `drag` rests 120 ms before lifting so
// it ends at rest, a `fling` lifts while moving. Widgets named by label are found in the frame the
// visitor sees now, in reading order.
#include "script_runner.hpp"

#include "bench_trace.hpp"
#include "core/log.hpp"
#include "live_loop.hpp"
#include "platform/image.hpp"
#include "staff_report.hpp"
#include "ui/widget_tree.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <fstream>
#include <thread>

namespace ck::kiosk {
namespace {

constexpr Millis sample_ms { 8 };
constexpr Millis frame_ms { 16 };
constexpr Millis tap_hold_ms { 60 };
constexpr Millis rest_before_lift_ms { 120 };
// How long a tap on a label waits for its widget to be tappable (a slide lasts 220 ms).
constexpr Millis label_wait_ms { 1000 };

using TouchPhase = platform::EventPump::TouchPhase;

constexpr int max_random_delay_ms = 400;

bool is_touch(const app::script::Command& command)
{
    return std::holds_alternative<app::script::Tap>(command)
        || std::holds_alternative<app::script::LongPress>(command)
        || std::holds_alternative<app::script::Drag>(command)
        || std::holds_alternative<app::script::Pinch>(command)
        || std::holds_alternative<app::script::Back>(command);
}

} // namespace

ScriptRunner::ScriptRunner(app::KioskApp& app, platform::Display& display, platform::EventPump& pump,
    const Clock& clock, ManualClock* manual, Presenter& presenter, std::filesystem::path out_dir)
    : m_app(app)
    , m_display(display)
    , m_pump(pump)
    , m_clock(clock)
    , m_manual(manual)
    , m_presenter(presenter)
    , m_out(std::move(out_dir))
{
}

void ScriptRunner::random_delays(unsigned seed)
{
    if (seed != 0) {
        m_delays.emplace(seed);
    }
}

void ScriptRunner::settle()
{
    BenchTrace* trace = BenchTrace::get();
    const std::int64_t cpu_start = BenchTrace::thread_cpu_ns();
    const std::int64_t process_cpu_start = BenchTrace::process_cpu_ns();
    const platform::PumpResult input = m_pump.poll();
    for (const input::Event& e : input.events) {
        m_app.handle(e);
    }
    m_app.advance(m_clock.now());
    save_staff_report_if_asked(m_app, m_display, m_presenter);
    const ui::Canvas& frame = m_app.build(logical());
    if (m_checker != nullptr && !m_text_failure) {
        if (auto mismatch = m_checker->check(frame)) {
            m_text_failure = "on the " + std::string(m_app.screen_name()) + " screen, " + *mismatch;
        }
    }
    // The monkey draws one built frame in `m_draw_every` (every frame is still built, so hit-testing
    // and the app's state are exactly as live); scripts draw every frame.
    if (m_draw_every > 1 && ++m_settles % m_draw_every != 0) {
        m_app.note_frame(static_cast<double>(BenchTrace::thread_cpu_ns() - cpu_start) / 1e6, false);
        return;
    }
    const auto shown = m_presenter.show(frame, BenchTrace::force_redraw());
    m_app.note_frame(
        static_cast<double>(BenchTrace::thread_cpu_ns() - cpu_start) / 1e6, shown.ok() && *shown);
    if (!shown) {
        log::error("kiosk", "drawing failed: " + shown.error().to_string());
    }
    if (trace != nullptr && shown.ok() && *shown) {
        trace->first_frame();
        trace->frame(
            BenchTrace::thread_cpu_ns() - cpu_start, BenchTrace::process_cpu_ns() - process_cpu_start, true);
    }
}

void ScriptRunner::pass(Millis ms)
{
    if (m_manual == nullptr) {
        // Real time: exactly the live loop, sleeping until input or a timer, until `ms` passed.
        bool terminated = false;
        run_live(m_app, m_display, m_pump, m_clock, m_presenter, m_clock.now() + ms, &terminated, false);
        m_terminated = m_terminated || terminated;
        return;
    }
    const Millis end = m_manual->now() + ms;
    settle();
    while (m_manual->now() < end) {
        Millis step = end - m_manual->now();
        if (m_app.animating()) {
            step = std::min(step, frame_ms);
        }
        if (const auto wake = m_app.next_wakeup()) {
            step = std::min(step, std::max(Millis { 1 }, *wake - m_manual->now()));
        }
        await_background();
        m_manual->advance(step);
        settle();
    }
}

void ScriptRunner::await_background()
{
    // The monkey does not wait: it wants many events, not determinism.
    if (m_draw_every > 1) {
        return;
    }
    constexpr auto limit = std::chrono::seconds(30);
    const auto start = std::chrono::steady_clock::now();
    while (m_app.background_working() && std::chrono::steady_clock::now() - start < limit) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

std::optional<Point> ScriptRunner::find_now(const app::script::Target& target) const
{
    const ui::WidgetTree& tree = m_app.frame().tree();
    const ui::Widget* w = target.by_id ? tree.find_by_id(target.label) : tree.find_by_label(target.label);
    if (w == nullptr) {
        return std::nullopt;
    }
    if (!w->interactive && !w->inert) {
        return w->rect.center(); // text: the tap lands on it as drawn, on whatever holds it
    }
    return tree.hittable_point(*w);
}

Result<Point> ScriptRunner::resolve(const app::script::Target& target)
{
    if (target.by_id || target.by_label) {
        // The widget as drawn in the frame on screen now. While it cannot be hit (under a screen
        // sliding away) the tap waits, frame by frame, as a visitor's finger would; it never
        // lands on whatever else is drawn there.
        for (Millis waited { 0 }; waited <= label_wait_ms; waited += frame_ms) {
            if (const std::optional<Point> at = find_now(target)) {
                return *at;
            }
            pass(frame_ms);
        }
        return make_error(std::string(target.by_id ? "no widget with the id \"" : "no widget labelled \"")
            + target.label + "\" can be tapped on the " + std::string(m_app.screen_name()) + " screen");
    }
    const Size s = logical();
    if (target.point.x < 0 || target.point.y < 0 || target.point.x >= s.w || target.point.y >= s.h) {
        return make_error("the point is outside the " + std::to_string(static_cast<int>(s.w)) + "x"
            + std::to_string(static_cast<int>(s.h)) + " screen");
    }
    return target.point;
}

void ScriptRunner::touch_path(
    std::int64_t finger, Point from, Point to, Millis duration, bool rest_before_lift)
{
    m_pump.inject_touch(TouchPhase::down, finger, from);
    pass(sample_ms);
    const auto steps = std::max<Millis::rep>(1, duration.count() / sample_ms.count());
    for (Millis::rep i = 1; i <= steps; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(steps);
        m_pump.inject_touch(
            TouchPhase::move, finger, { from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t });
        pass(sample_ms);
    }
    if (rest_before_lift) {
        for (Millis rested { 0 }; rested < rest_before_lift_ms; rested += sample_ms) {
            m_pump.inject_touch(TouchPhase::move, finger, to);
            pass(sample_ms);
        }
    }
    m_pump.inject_touch(TouchPhase::up, finger, to);
    pass(sample_ms);
}

Status ScriptRunner::shot(const std::string& name)
{
    settle();
    if (auto drawn = m_presenter.hold(m_app.frame()); !drawn) {
        return drawn;
    }
    return m_display.write_png((m_out / (name + ".png")).string());
}

Status ScriptRunner::dump(const std::string& name)
{
    settle();
    nlohmann::json widgets = nlohmann::json::array();
    for (const ui::Widget& w : m_app.frame().tree().widgets()) {
        widgets.push_back({ { "id", w.id }, { "label", w.label }, { "role", ui::role_name(w.role) },
            { "rect", { w.rect.x, w.rect.y, w.rect.w, w.rect.h } }, { "interactive", w.interactive },
            { "selected", w.selected } });
    }
    const nlohmann::json doc = { { "screen", m_app.screen_name() }, { "size", { logical().w, logical().h } },
        { "language", m_app.language() }, { "large_text", m_app.large_text() },
        { "high_contrast", m_app.high_contrast() }, { "staff", m_app.staff_state() },
        { "widgets", widgets } };
    std::ofstream out(m_out / (name + ".json"));
    out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    if (!out) {
        return make_error("cannot write the dump", (m_out / (name + ".json")).string());
    }
    return {};
}

Status ScriptRunner::execute(const app::script::Command& command)
{
    return std::visit([this](const auto& c) { return perform(c); }, command);
}

Status ScriptRunner::perform(const app::script::Wait& c)
{
    pass(Millis { c.ms });
    return {};
}

Status ScriptRunner::perform(const app::script::Tap& c)
{
    const auto at = resolve(c.target);
    if (!at) {
        return at.error();
    }
    const std::int64_t f = m_next_finger++;
    m_pump.inject_touch(TouchPhase::down, f, *at);
    pass(tap_hold_ms);
    m_pump.inject_touch(TouchPhase::up, f, *at);
    pass(sample_ms);
    return {};
}

Status ScriptRunner::perform(const app::script::LongPress& c)
{
    const auto at = resolve(c.target);
    if (!at) {
        return at.error();
    }
    const std::int64_t f = m_next_finger++;
    m_pump.inject_touch(TouchPhase::down, f, *at);
    pass(Millis { c.ms });
    m_pump.inject_touch(TouchPhase::up, f, *at);
    pass(sample_ms);
    return {};
}

Status ScriptRunner::perform(const app::script::Drag& c)
{
    touch_path(m_next_finger++, c.from, c.to, Millis { c.ms }, !c.fling);
    return {};
}

Status ScriptRunner::perform(const app::script::Pinch& c)
{
    const float d0 = std::min(logical().w, logical().h) * 0.1f;
    const std::int64_t a = m_next_finger++;
    const std::int64_t b = m_next_finger++;
    m_pump.inject_touch(TouchPhase::down, a, { c.center.x - d0, c.center.y });
    m_pump.inject_touch(TouchPhase::down, b, { c.center.x + d0, c.center.y });
    pass(sample_ms);
    const auto steps = std::max(1, c.ms / static_cast<int>(sample_ms.count()));
    for (int i = 1; i <= steps; ++i) {
        const float d = d0 * (1 + (c.scale - 1) * static_cast<float>(i) / static_cast<float>(steps));
        m_pump.inject_touch(TouchPhase::move, a, { c.center.x - d, c.center.y });
        m_pump.inject_touch(TouchPhase::move, b, { c.center.x + d, c.center.y });
        pass(sample_ms);
    }
    const float d = d0 * c.scale;
    m_pump.inject_touch(TouchPhase::up, a, { c.center.x - d, c.center.y });
    m_pump.inject_touch(TouchPhase::up, b, { c.center.x + d, c.center.y });
    pass(sample_ms);
    return {};
}

Status ScriptRunner::perform(const app::script::Back& /*c*/)
{
    const float y = logical().h * 0.5f;
    touch_path(m_next_finger++, { 4, y }, { logical().w * 0.45f, y }, Millis { 160 }, false);
    return {};
}

Status ScriptRunner::perform(const app::script::KeyPress& c)
{
    if (!m_pump.inject_key(c.chord)) {
        return make_error("SDL does not know the key '" + c.chord + "'");
    }
    pass(sample_ms);
    return {};
}

Status ScriptRunner::perform(const app::script::TypeText& c)
{
    m_pump.inject_text(c.text);
    pass(sample_ms);
    return {};
}

Status ScriptRunner::perform(const app::script::Compose& c)
{
    m_pump.inject_editing(c.text, static_cast<int>(c.text.size()));
    pass(sample_ms);
    return {};
}

Status ScriptRunner::perform(const app::script::Wheel& c)
{
    m_pump.inject_wheel(c.at, c.dy);
    pass(sample_ms);
    return {};
}

Status ScriptRunner::perform(const app::script::Shot& c)
{
    return shot(c.name);
}

Status ScriptRunner::perform(const app::script::Dump& c)
{
    return dump(c.name);
}

Status ScriptRunner::perform(const app::script::ExpectScreen& c)
{
    settle();
    if (m_app.screen_name() != c.name) {
        return make_error("expected the " + c.name + " screen, but the " + std::string(m_app.screen_name())
            + " screen is showing");
    }
    return {};
}

Status ScriptRunner::perform(const app::script::ExpectStaff& c)
{
    settle();
    if (m_app.staff_state() != c.state) {
        return make_error(
            "expected staff mode to be '" + c.state + "', but it is '" + m_app.staff_state() + "'");
    }
    return {};
}

Status ScriptRunner::perform(const app::script::ExpectText& c)
{
    settle();
    if (m_app.frame().tree().shows_text(c.text) != c.present) {
        return make_error(std::string(c.present ? "expected" : "did not expect") + " the text \"" + c.text
            + "\" on the " + std::string(m_app.screen_name()) + " screen");
    }
    return {};
}

Status ScriptRunner::perform(const app::script::Storm& c)
{
    std::mt19937 rng(c.seed);
    std::uniform_real_distribution<float> x(0, logical().w - 1);
    std::uniform_real_distribution<float> y(0, logical().h - 1);
    std::vector<std::int64_t> fingers;
    for (int i = 0; i < c.fingers; ++i) {
        fingers.push_back(m_next_finger++);
        m_pump.inject_touch(TouchPhase::down, fingers.back(), { x(rng), y(rng) });
    }
    for (Millis t { 0 }; t < Millis { c.ms }; t += sample_ms) {
        for (const std::int64_t f : fingers) {
            m_pump.inject_touch(TouchPhase::move, f, { x(rng), y(rng) });
        }
        pass(sample_ms);
    }
    std::shuffle(fingers.begin(), fingers.end(), rng);
    for (const std::int64_t f : fingers) {
        m_pump.inject_touch(TouchPhase::up, f, { x(rng), y(rng) });
    }
    pass(sample_ms);
    return {};
}

Status ScriptRunner::perform(const app::script::Open& c)
{
    // A direct open, as a deep link: no slide from the previous screen, so that benchmarks and
    // tours measure the reader, not the transition.
    m_app.open_cable(c.cable);
    m_app.finish_transition();
    pass(Millis { 300 });
    if (m_app.screen_name() != "reader") {
        return make_error("the cable " + c.cable + " did not open");
    }
    return {};
}

void ScriptRunner::set_import(std::filesystem::path import_dir)
{
    m_import_dir = std::move(import_dir);
}

Status ScriptRunner::perform(const app::script::Drop& c)
{
    if (m_import_dir.empty() || m_app.exhibit_updates() == nullptr) {
        return make_error("drop needs an import folder: [import] dir and [state] dir in the --config file");
    }
    const std::filesystem::path pack = c.path;
    // As a stick's files arrive: each under a temporary name, then renamed, the signature first.
    for (const auto& file : { std::filesystem::path(pack.string() + ".minisig"), pack }) {
        const auto tmp = m_import_dir / ("." + file.filename().string() + ".part");
        std::error_code ec;
        std::filesystem::copy_file(file, tmp, std::filesystem::copy_options::overwrite_existing, ec);
        if (!ec) {
            std::filesystem::rename(tmp, m_import_dir / file.filename(), ec);
        }
        if (ec) {
            return make_error("cannot drop " + file.string() + ": " + ec.message());
        }
    }
    m_app.exhibit_updates()->check();
    pass(Millis { 100 });
    return {};
}

Status ScriptRunner::perform(const app::script::ExpectPack& c)
{
    settle();
    const content::Pack* pack = m_app.pack();
    const std::int64_t shown = pack != nullptr ? pack->info().sequence : 0;
    if (shown != c.sequence) {
        return make_error("expected release " + std::to_string(c.sequence) + " to show, but "
            + (pack != nullptr ? "release " + std::to_string(shown) : std::string("no pack")) + " shows");
    }
    return {};
}

Status ScriptRunner::run(const std::vector<app::script::Line>& lines, const std::string& script_name)
{
    settle();
    BenchTrace* trace = BenchTrace::get();
    for (const app::script::Line& line : lines) {
        if (m_terminated) {
            return {}; // SIGTERM: stop cleanly, the script's remaining lines unrun
        }
        if (trace != nullptr) {
            trace->line(line.number, m_presenter.presented());
        }
        if (m_delays && is_touch(line.command)) {
            pass(Millis { std::uniform_int_distribution<int>(0, max_random_delay_ms)(*m_delays) });
        }
        auto done = execute(line.command);
        if (done && m_text_failure) {
            done = make_error("the text check failed: " + *m_text_failure);
        }
        if (!done) {
            return make_error(done.error().to_string(), script_name + ":" + std::to_string(line.number));
        }
    }
    if (trace != nullptr) {
        trace->line(lines.empty() ? 0 : lines.back().number + 1, m_presenter.presented());
    }
    return {};
}

} // namespace ck::kiosk
