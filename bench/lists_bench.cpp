// lists_bench --pack PACK [--size WxH] [--frames N]: the list screens on a real pack. For the
// timeline, About, the busiest year and the first section: the time to make the screen (its pack
// reads) and the CPU time to build one frame into a canvas (layout, widgets, draw list; rendering
// is not included), as medians and p95 over N frames; and for the busiest year, frames while the
// list scrolls at a fling's pace and in long jumps, which read pages of rows from the pack.
// For About, also the time until its facts are counted (on a worker for a large pack). Opens the
// pack without the kiosk's signature check.
#include "bench_common.hpp"
#include "bench_json.hpp"
#include "content/pack.hpp"
#include "screens/about_screen.hpp"
#include "screens/section_screen.hpp"
#include "screens/timeline_screen.hpp"
#include "screens/year_screen.hpp"
#include "text/glyph_cache.hpp"
#include "text/layout_cache.hpp"
#include "ui/canvas.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace ck;
using Wall = std::chrono::steady_clock;

double wall_ms_since(Wall::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Wall::now() - t0).count();
}

struct Kit {
    std::unique_ptr<text::FontSet> fonts;
    std::unique_ptr<text::LayoutCache> layouts;
    std::unique_ptr<text::GlyphCache> glyphs;
    ui::Theme theme { 92, ui::ContrastMode::normal, ui::TextScale::normal };
    std::unique_ptr<ui::Canvas> canvas;
    Size viewport;
    Rect body;
    screens::Visit visit;
};

// One frame of `screen`, as the app would build it; returns the thread CPU time in ms.
double frame(Kit& kit, screens::Screen& screen, content::Pack& pack, const screens::Strings& strings)
{
    const screens::Env env
        = screens::make_env(&pack, strings, kit.visit, Millis { 0 }, { kit.body, kit.viewport, 92 });
    const double t0 = bench::thread_cpu_ms();
    kit.canvas->begin_frame(kit.theme, kit.viewport);
    screen.build(*kit.canvas, env);
    return bench::thread_cpu_ms() - t0;
}

// The JSON figure's name is the screen or scroll the lines below it belong to, then the line's.
std::string g_heading;

void report(const char* what, const std::vector<double>& ms)
{
    bench::json_report().figure(g_heading + ": " + what, "ms", ms);
    std::printf("  %-44s median %7.3f ms   p95 %7.3f ms   (%zu frames)\n", what,
        bench::rank_percentile(ms, 0.5), bench::rank_percentile(ms, 0.95), ms.size());
}

void scroll(screens::Screen& screen, content::Pack& pack, const screens::Strings& strings, Kit& kit, float dy)
{
    input::Gesture g;
    g.kind = input::GestureKind::scroll;
    g.pos = kit.body.center();
    g.delta = { 0, -dy };
    const screens::Env env
        = screens::make_env(&pack, strings, kit.visit, Millis { 0 }, { kit.body, kit.viewport, 92 });
    screen.on_gesture(g, env);
}

template <class Make>
void steady_frames(
    const char* name, Kit& kit, content::Pack& pack, const screens::Strings& strings, int frames, Make make)
{
    const auto t0 = Wall::now();
    auto screen = make();
    const double made = wall_ms_since(t0);
    const auto t1 = Wall::now();
    frame(kit, *screen, pack, strings);
    const double first = wall_ms_since(t1);
    std::vector<double> ms;
    for (int i = 0; i < frames; ++i) {
        ms.push_back(frame(kit, *screen, pack, strings));
    }
    std::printf("%s: made in %.1f ms (wall), first frame %.1f ms (wall)\n", name, made, first);
    g_heading = name;
    bench::json_report().value(g_heading + ": made (wall)", "ms", made);
    bench::json_report().value(g_heading + ": first frame (wall)", "ms", first);
    report("frame, nothing changed (CPU)", ms);
}

} // namespace

int main(int argc, char** argv)
{
    ck::bench::json_report_from_args("lists_bench", argc, argv);
    std::string pack_path;
    Size size { 1920, 1080 };
    int frames = 200;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--pack") {
            pack_path = argv[i + 1];
        } else if (arg == "--size") {
            int w = 0;
            int h = 0;
            if (std::sscanf(argv[i + 1], "%dx%d", &w, &h) == 2) {
                size = { static_cast<float>(w), static_cast<float>(h) };
            }
        } else if (arg == "--frames") {
            frames = std::max(1, std::atoi(argv[i + 1]));
        }
    }
    if (pack_path.empty()) {
        std::fprintf(stderr, "usage: lists_bench --pack PACK [--size WxH] [--frames N]\n");
        return 2;
    }
    auto opened = content::Pack::open(pack_path);
    if (!opened) {
        std::fprintf(stderr, "lists_bench: %s\n", opened.error().to_string().c_str());
        return 1;
    }
    content::Pack pack = std::move(*opened);
    auto fonts = text::FontSet::create(text::FontPaths::debian_defaults());
    if (!fonts) {
        std::fprintf(stderr, "lists_bench: %s\n", fonts.error().to_string().c_str());
        return 1;
    }
    Kit kit;
    kit.fonts = std::move(*fonts);
    kit.layouts = std::make_unique<text::LayoutCache>(*kit.fonts);
    kit.glyphs = std::make_unique<text::GlyphCache>(*kit.fonts);
    kit.canvas = std::make_unique<ui::Canvas>(
        ui::TextServices { *kit.fonts, *kit.layouts, *kit.glyphs }, kit.theme, size);
    kit.viewport = size;
    const float bar = kit.theme.px(19);
    kit.body = size.h > size.w ? Rect { 0, 0, size.w, size.h - bar } : Rect { 0, bar, size.w, size.h - bar };
    const screens::Strings strings(&pack, "en");
    std::printf("lists_bench: %s, %lld cables, %dx%d\n", pack_path.c_str(),
        static_cast<long long>(pack.info().cables), static_cast<int>(size.w), static_cast<int>(size.h));

    BackgroundWork work; // the bench's one owner of background work, as the app has one
    steady_frames("timeline", kit, pack, strings, frames,
        [&] { return std::make_unique<screens::TimelineScreen>(&pack); });
    {
        // A large pack counts its facts on a worker: time until the card can be shown.
        const auto t0 = Wall::now();
        screens::AboutScreen about(&pack, work);
        while (!about.facts_ready() && about.animating()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            about.advance(Millis { 0 });
        }
        const double ready_ms = wall_ms_since(t0);
        std::printf("about: facts ready after %.1f ms (wall)%s\n", ready_ms,
            about.facts_ready() ? "" : " (none: the pack could not count them)");
        if (about.facts_ready()) {
            bench::json_report().value("about: facts ready (wall)", "ms", ready_ms);
        }
    }
    steady_frames("about", kit, pack, strings, frames,
        [&] { return std::make_unique<screens::AboutScreen>(&pack, work); });
    if (!pack.collection().sections.empty()) {
        const std::string id = pack.collection().sections.front().id;
        const std::string label = "section " + id;
        steady_frames(label.c_str(), kit, pack, strings, frames,
            [&] { return std::make_unique<screens::SectionScreen>(&pack, id); });
    }

    const auto years = pack.years();
    if (!years || years->empty()) {
        return 0;
    }
    const auto busiest = *std::max_element(years->begin(), years->end(),
        [](const content::YearCount& a, const content::YearCount& b) { return a.cables < b.cables; });
    char name[64];
    std::snprintf(
        name, sizeof name, "year %d (%lld cables)", busiest.year, static_cast<long long>(busiest.cables));
    steady_frames(name, kit, pack, strings, frames,
        [&] { return std::make_unique<screens::YearScreen>(&pack, busiest.year); });

    // Scrolling: a fling moves some 80 px a frame; a long jump lands where no page is held yet.
    for (const float step : { 80.0f, 25000.0f }) {
        screens::YearScreen year(&pack, busiest.year);
        frame(kit, year, pack, strings);
        std::vector<double> cpu;
        std::vector<double> wall;
        for (int i = 0; i < frames; ++i) {
            scroll(year, pack, strings, kit, step);
            const auto t0 = Wall::now();
            cpu.push_back(frame(kit, year, pack, strings));
            wall.push_back(wall_ms_since(t0));
        }
        std::printf("year %d, scrolling %.0f px a frame (%zu pages held at the end):\n", busiest.year, step,
            year.pages_held());
        g_heading = "busiest year scrolling " + std::to_string(static_cast<int>(step)) + " px a frame";
        report("frame (CPU)", cpu);
        report("frame (wall, pack reads included)", wall);
    }
    return 0;
}
