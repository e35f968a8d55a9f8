// Small helpers shared by the kiosk benchmarks: spawning a process and measuring it from
// outside (peak RSS of one process or a whole tree, CPU from schedstat), reading the kiosk's
// bench trace, and statistics that print medians and percentiles.
#pragma once

#include "cable/cable.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ck::bench {

struct ChildResult {
    int exit_code = -1;
    std::int64_t spawn_ns = 0; // CLOCK_MONOTONIC just before the spawn
    long max_rss_kib = 0;
};

ChildResult spawn_and_wait(const std::vector<std::string>& args, const std::vector<std::string>& extra_env);

struct TraceFrame {
    std::size_t line = 0;
    std::int64_t cpu_ns = 0;
    std::int64_t mono_ns = 0;
    std::int64_t process_cpu_ns = 0; // every thread of the kiosk over the frame
};

struct Trace {
    std::int64_t first_frame_ns = 0;
    std::vector<TraceFrame> frames;
};

Trace read_trace(const std::filesystem::path& path);

struct IdleSample {
    std::int64_t cpu_ns = 0;
    std::int64_t window_ns = 0;
    int frames = 0;
};

// Starts the process, waits `settle_ms` after its last script line began, then measures the
// CPU of all its threads and the frames it presented over `window_ms`.
IdleSample sample_idle(const std::vector<std::string>& args, const std::vector<std::string>& env,
    const std::filesystem::path& trace, int settle_ms, int window_ms);

struct TreeResult {
    bool ok = false;
    long peak_tree_rss_kib = 0; // the largest sum of RSS over the process and its descendants
    // The largest sum of PSS over the same tree (sampled every 20 ms): each shared page counted
    // once, split between the processes that map it, so a multi-process browser is not charged
    // its shared libraries once per process as the RSS sum does.
    long peak_tree_pss_kib = 0;
};

// Spawns, and waits until `file` exists with a stable non-zero size; then ends the tree and waits
// until its processes have let go of their memory, so the next run starts on a quiet machine.
TreeResult spawn_tree_until_file(const std::vector<std::string>& args, const std::filesystem::path& file,
    const std::vector<std::string>& extra_env = {});

// Spawns and times it to `file` written whole (closed after writing, or renamed into place), told
// by inotify, with nothing sampled beside it; ends the tree as above. Milliseconds, or -1 if the
// file never came.
double spawn_timed_until_file(const std::vector<std::string>& args, const std::filesystem::path& file,
    const std::vector<std::string>& extra_env = {});

void write_cable_html(
    const std::filesystem::path& path, const cable::Cable& cable, const std::string& font_path);
std::string longest_cable(const std::string& pack_path);
std::string machine_description();

double median(std::vector<double> v);
double percentile(std::vector<double> v, double p);
void print_stats(const char* what, const std::vector<double>& values, const char* unit);

} // namespace ck::bench
