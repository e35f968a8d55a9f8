// The kiosk's benchmarks (issue 6), run against the real `kiosk` binary, headless, as processes:
//   launch   spawn to first presented frame (CLOCK_MONOTONIC shared with the child), p50/p95
//   frame    CPU time of whole frames (events + build + draw + present) with the software
//            renderer: a dense 1080p reader redrawn, and a scrolling reader
//   idle     CPU of the process (from /proc/<pid>/schedstat) and frames presented while the
//            reader sits untouched for 10 s
//   rss      peak RSS after opening every cable of the pack in turn
//   chromium Debian's chromium, headless, showing the same cable as a static HTML page in the same
//            font: spawn to screenshot and peak RSS of its whole process tree, against ours
// Figures are medians and p95 over repeated runs; the machine is shared, so ratios are measured
// in the same run.
#include "bench_json.hpp"
#include "bench_util.hpp"
#include "content/pack.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace ck::bench;

namespace {

struct Setup {
    std::string kiosk;
    std::string pack;
    std::string pubkey;
    std::string cable;
    std::string chromium = "/usr/bin/chromium";
    std::string font = "/usr/share/fonts/opentype/courier-prime/Courier Prime.otf";
    int runs = 20;
    fs::path work;
    std::vector<std::string> only;
    std::string screenshots_script = CK_SCREENSHOTS_SCRIPT;
};

struct KioskRun {
    Trace trace;
    ChildResult child;
};

KioskRun run_kiosk(const Setup& s, const std::string& script_text, const std::vector<std::string>& extra_env,
    const std::vector<std::string>& extra_args = {})
{
    const fs::path script = s.work / "bench.script";
    std::ofstream(script) << script_text;
    const fs::path trace = s.work / "trace.txt";
    fs::remove(trace);
    std::vector<std::string> env
        = { "CK_BENCH_TRACE=" + trace.string(), "XDG_STATE_HOME=" + (s.work / "state").string() };
    env.insert(env.end(), extra_env.begin(), extra_env.end());
    std::vector<std::string> args = { s.kiosk, "--headless", "--size", "1920x1080", "--pack", s.pack,
        "--pubkey", s.pubkey, "--script", script.string(), "--screenshots", (s.work / "shots").string() };
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    KioskRun run;
    run.child = spawn_and_wait(args, env);
    run.trace = read_trace(trace);
    return run;
}

void bench_launch(const Setup& s)
{
    run_kiosk(s, "wait 1\n", {}); // verifies the pack once and records its stamp
    std::vector<double> ms;
    std::vector<double> rss;
    for (int i = 0; i < s.runs; ++i) {
        const KioskRun r = run_kiosk(s, "wait 1\n", {});
        if (r.child.exit_code != 0 || r.trace.first_frame_ns == 0) {
            std::fprintf(stderr, "launch: the kiosk failed (exit %d)\n", r.child.exit_code);
            return;
        }
        ms.push_back(static_cast<double>(r.trace.first_frame_ns - r.child.spawn_ns) / 1e6);
        rss.push_back(static_cast<double>(r.child.max_rss_kib) / 1024.0);
    }
    print_stats("launch to first presented frame", ms, "ms");
    json_report().set("/launch_p95_ms", percentile(ms, 95));
    print_stats("  peak RSS of those runs", rss, "MiB");
}

// The reader's first frame: the CPU of the frames the `open` line (line 1) presented, which build
// the reader (its cable, its conversation card) and draw it once; one sample per kiosk run.
void bench_open(const Setup& s)
{
    std::vector<double> cpu;
    for (int i = 0; i < s.runs; ++i) {
        const KioskRun r = run_kiosk(s, "open " + s.cable + "\nwait 100\n", {});
        double sum = 0;
        for (const auto& f : r.trace.frames) {
            sum += f.line == 1 ? static_cast<double>(f.cpu_ns) / 1e6 : 0;
        }
        if (sum > 0) {
            cpu.push_back(sum);
        }
    }
    print_stats("reader's first frame after open, CPU", cpu, "ms");
}

void bench_frames(const Setup& s)
{
    bench_open(s);
    std::ostringstream script;
    script << "open " << s.cable << "\nwait 500\n";
    // A static dense frame, redrawn from scratch 200 times (forced present).
    for (int i = 0; i < 200; ++i) {
        script << "wait 16\n";
    }
    const KioskRun still = run_kiosk(s, script.str(), { "CK_BENCH_FORCE_REDRAW=1" });
    std::vector<double> cpu;
    for (const auto& f : still.trace.frames) {
        if (f.line >= 3) {
            cpu.push_back(static_cast<double>(f.cpu_ns) / 1e6);
        }
    }
    print_stats("dense 1080p reader frame, CPU", cpu, "ms");

    // Scrolling: slow drags up and down the text, a new frame every 8 ms sample.
    std::ostringstream scroll;
    scroll << "open " << s.cable << "\nwait 500\n";
    for (int i = 0; i < 6; ++i) {
        scroll << "drag 1300 900 1300 300 600\nwait 100\ndrag 1300 300 1300 900 600\nwait 100\n";
    }
    const KioskRun moving = run_kiosk(s, scroll.str(), {});
    cpu.clear();
    for (const auto& f : moving.trace.frames) {
        if (f.line >= 3) {
            cpu.push_back(static_cast<double>(f.cpu_ns) / 1e6);
        }
    }
    print_stats("scrolling reader frame, CPU", cpu, "ms");
}

// The GPU path (issue 18): every frame of the README's screenshot script (its screens, and the
// slides between them), redrawn whole, once with SDL's software renderer and once with GLES2.
// Process CPU, not the frame loop's thread: Mesa's llvmpipe rasterizes on threads of its own. On
// this machine GLES2 runs on llvmpipe, which is CPU rendering: not what a Pi's GPU costs.
void bench_renderers(const Setup& s)
{
    std::ifstream in(s.screenshots_script);
    const std::string script((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (script.empty()) {
        std::fprintf(stderr, "renderers: cannot read %s\n", s.screenshots_script.c_str());
        return;
    }
    for (const char* renderer : { "software", "gles2" }) {
        const KioskRun r = run_kiosk(s, script, { "CK_BENCH_FORCE_REDRAW=1" }, { "--renderer", renderer });
        std::vector<double> cpu;
        for (const auto& f : r.trace.frames) {
            cpu.push_back(static_cast<double>(f.process_cpu_ns) / 1e6);
        }
        if (r.child.exit_code != 0 || cpu.empty()) {
            std::fprintf(
                stderr, "renderers: the kiosk failed with %s (exit %d)\n", renderer, r.child.exit_code);
            continue;
        }
        print_stats(
            (std::string("screenshot screens, ") + renderer + ", process CPU per frame").c_str(), cpu, "ms");
        json_report().set(std::string("/frame_cpu_") + renderer + "_p50_ms", percentile(cpu, 50));
        json_report().set(std::string("/frame_cpu_") + renderer + "_p95_ms", percentile(cpu, 95));
    }
}

void bench_idle(const Setup& s)
{
    const fs::path script = s.work / "idle.script";
    std::ofstream(script) << "open " << s.cable << "\nwait 14000\n";
    const fs::path trace = s.work / "idle-trace.txt";
    fs::remove(trace);
    const std::vector<std::string> args
        = { s.kiosk, "--headless", "--realtime", "--size", "1920x1080", "--pack", s.pack, "--pubkey",
              s.pubkey, "--script", script.string(), "--screenshots", (s.work / "shots").string() };
    const std::vector<std::string> env
        = { "CK_BENCH_TRACE=" + trace.string(), "XDG_STATE_HOME=" + (s.work / "state").string() };
    const IdleSample sample = sample_idle(args, env, trace, /*settle_ms=*/2500, /*window_ms=*/10000);
    std::printf("%-44s %8.3f ms CPU in %.1f s = %.4f %% of a core; %d frames presented\n",
        "reader untouched for 10 s", sample.cpu_ns / 1e6, sample.window_ns / 1e9,
        100.0 * static_cast<double>(sample.cpu_ns) / static_cast<double>(sample.window_ns), sample.frames);
    json_report().value("reader untouched for 10 s: CPU", "% of a core",
        100.0 * static_cast<double>(sample.cpu_ns) / static_cast<double>(sample.window_ns));
    json_report().value("reader untouched for 10 s: frames presented", "frames", sample.frames);
}

void bench_rss(const Setup& s)
{
    auto pack = ck::content::Pack::open(s.pack);
    if (!pack) {
        std::fprintf(stderr, "rss: %s\n", pack.error().to_string().c_str());
        return;
    }
    std::ostringstream script;
    int cables = 0;
    (void)pack->for_each_cable([&](const ck::content::CableRecord& r) -> ck::Status {
        script << "open " << r.cable.id << "\nwait 200\nfling 1300 900 1300 200 120\nwait 800\n";
        ++cables;
        return {};
    });
    const KioskRun r = run_kiosk(s, script.str(), {});
    std::printf("%-44s %8.1f MiB (after %d cables; exit %d)\n", "peak RSS, every cable opened",
        r.child.max_rss_kib / 1024.0, cables, r.child.exit_code);
    json_report().value("peak RSS, every cable opened", "MiB", r.child.max_rss_kib / 1024.0);
    json_report().set("/peak_rss_mib", r.child.max_rss_kib / 1024.0);
}

void bench_chromium(const Setup& s)
{
    if (!fs::exists(s.chromium)) {
        std::printf("chromium: %s is not installed; skipped\n", s.chromium.c_str());
        return;
    }
    auto pack = ck::content::Pack::open(s.pack);
    if (!pack) {
        return;
    }
    const auto record = pack->cable(s.cable);
    if (!record.ok() || !record->has_value()) {
        std::fprintf(stderr, "chromium: no cable %s\n", s.cable.c_str());
        return;
    }
    const fs::path html = s.work / "cable.html";
    write_cable_html(html, (*record)->cable, s.font);
    std::vector<double> chrome_ms;
    std::vector<double> chrome_rss;
    std::vector<double> ours_ms;
    std::vector<double> ours_rss;
    std::vector<double> chrome_pss;
    std::vector<double> ours_pss;
    const int runs = std::max(5, s.runs / 2);
    const fs::path shot = s.work / "chromium.png";
    const fs::path ours_shot = s.work / "shots" / "cable.png";
    std::ofstream(s.work / "ours.script") << "open " << s.cable << "\nshot cable\n";
    const auto chromium_args = [&](int i) {
        return std::vector<std::string> { s.chromium, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + (s.work / ("chromium-profile-" + std::to_string(i))).string(),
            "--window-size=1920,1080", "--hide-scrollbars", "--screenshot=" + shot.string(),
            "file://" + html.string() };
    };
    const std::vector<std::string> ours_args
        = { s.kiosk, "--headless", "--size", "1920x1080", "--pack", s.pack, "--pubkey", s.pubkey, "--script",
              (s.work / "ours.script").string(), "--screenshots", (s.work / "shots").string() };
    const std::vector<std::string> ours_env = { "XDG_STATE_HOME=" + (s.work / "state").string() };
    // Each run twice, alternating the programs: once timed with nothing of ours running beside it
    // (sampling /proc every few milliseconds takes CPU from a 40 ms program on two cores), once
    // sampled for memory. Every run starts after the last one's processes have gone.
    for (int i = 0; i < runs; ++i) {
        fs::remove(shot);
        if (const double ms = spawn_timed_until_file(chromium_args(i), shot); ms > 0) {
            chrome_ms.push_back(ms);
        }
        fs::remove_all(s.work / ("chromium-profile-" + std::to_string(i)));
        fs::remove(ours_shot);
        if (const double ms = spawn_timed_until_file(ours_args, ours_shot, ours_env); ms > 0) {
            ours_ms.push_back(ms);
        }
        fs::remove(shot);
        const TreeResult c = spawn_tree_until_file(chromium_args(i), shot);
        fs::remove_all(s.work / ("chromium-profile-" + std::to_string(i)));
        if (c.ok) {
            chrome_rss.push_back(c.peak_tree_rss_kib / 1024.0);
            chrome_pss.push_back(c.peak_tree_pss_kib / 1024.0);
        }
        fs::remove(ours_shot);
        const TreeResult o = spawn_tree_until_file(ours_args, ours_shot, ours_env);
        if (o.ok) {
            ours_rss.push_back(o.peak_tree_rss_kib / 1024.0);
            ours_pss.push_back(o.peak_tree_pss_kib / 1024.0);
        }
    }
    print_stats("chromium: spawn to screenshot", chrome_ms, "ms");
    print_stats("kiosk:    spawn to screenshot", ours_ms, "ms");
    print_stats("chromium: peak RSS (all processes)", chrome_rss, "MiB");
    print_stats("kiosk:    peak RSS", ours_rss, "MiB");
    print_stats("chromium: peak PSS (all processes)", chrome_pss, "MiB");
    print_stats("kiosk:    peak PSS", ours_pss, "MiB");
    if (!chrome_ms.empty() && !ours_ms.empty()) {
        // Memory is compared by PSS: the RSS sum counts every shared page once per process.
        const double speed = median(chrome_ms) / median(ours_ms);
        const double memory = median(chrome_pss) / median(ours_pss);
        std::printf(
            "ratio (median): %.1fx faster to the screenshot, %.1fx less memory (PSS; %.1fx by summed RSS)\n",
            speed, memory, median(chrome_rss) / median(ours_rss));
        json_report().value("chromium / kiosk, spawn to screenshot (median)", "x", speed);
        json_report().value("chromium / kiosk, peak PSS (median)", "x", memory);
        json_report().set("/chromium_time_ratio", speed);
        json_report().set("/chromium_pss_ratio", memory);
    }
}

} // namespace

int main(int argc, char** argv)
{
    ck::bench::json_report_from_args("kiosk_bench", argc, argv);
    Setup s;
    CLI::App cli { "kiosk_bench: launch, frame, idle, memory and chromium figures for the kiosk" };
    cli.add_option("--kiosk", s.kiosk, "The kiosk binary")->required();
    cli.add_option("--pack", s.pack, "The pack")->required();
    cli.add_option("--pubkey", s.pubkey, "Its public key")->required();
    cli.add_option("--cable", s.cable, "A dense cable to read (default: the pack's longest)");
    cli.add_option("--runs", s.runs, "Runs per figure");
    cli.add_option("--chromium", s.chromium, "Chromium for the comparison");
    cli.add_option("--only", s.only, "launch, frame, renderers, idle, rss, chromium");
    cli.add_option("--screenshots-script", s.screenshots_script, "The screens the renderers figure draws");
    CLI11_PARSE(cli, argc, argv);
    s.work = fs::temp_directory_path() / ("ck-kiosk-bench-" + std::to_string(::getpid()));
    fs::create_directories(s.work / "shots");
    if (s.cable.empty()) {
        s.cable = longest_cable(s.pack);
    }
    std::printf("kiosk_bench: %s, pack %s, cable %s, %d runs\n", machine_description().c_str(),
        s.pack.c_str(), s.cable.c_str(), s.runs);
    const auto wanted = [&](const char* name) {
        return s.only.empty() || std::find(s.only.begin(), s.only.end(), name) != s.only.end();
    };
    if (wanted("launch")) {
        bench_launch(s);
    }
    if (wanted("frame")) {
        bench_frames(s);
    }
    if (wanted("renderers")) {
        bench_renderers(s);
    }
    if (wanted("idle")) {
        bench_idle(s);
    }
    if (wanted("rss")) {
        bench_rss(s);
    }
    if (wanted("chromium")) {
        bench_chromium(s);
    }
    fs::remove_all(s.work);
    return 0;
}
