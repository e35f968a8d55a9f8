// pack_bench --src DIR [--manifest FILE] --out PACK [--full-check]: builds a pack the way
// `cablepack build` does (parse every cable file under DIR, stage, sort, write, index, check,
// rename) with the parsing on both cores and decoding ahead of the writer on the second, and prints docs/s
// and MB/s (CPU time, since the machine may be shared, and wall time), the share of each phase, the pack's
// size against the text, the search index's size, and the peak RSS. One build is one measurement; run it
// several times for a median.
#include "bench_json.hpp"
#include "cable/parse.hpp"
#include "content/pack_writer.hpp"
#include "core/ordered_ahead.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <time.h>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace {

double cpu_seconds()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double thread_cpu_seconds()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double wall_seconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::map<std::string, double> table_megabytes(const fs::path& pack)
{
    std::map<std::string, double> out;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(pack.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT name, sum(pgsize) FROM dbstat GROUP BY name", -1, &st, nullptr)
            == SQLITE_OK) {
            while (sqlite3_step(st) == SQLITE_ROW) {
                out[reinterpret_cast<const char*>(sqlite3_column_text(st, 0))]
                    = static_cast<double>(sqlite3_column_int64(st, 1)) / 1e6;
            }
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

// A field of /proc/self/status in MiB ("VmRSS:", "VmHWM:"); 0 where /proc says nothing.
double status_mib(const char* field)
{
    double kib = 0;
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind(field, 0) == 0) {
            kib = std::strtod(line.c_str() + std::strlen(field), nullptr);
        }
    }
    return kib / 1024.0;
}

// The process's RSS now (MiB).
double current_rss_mib()
{
    return status_mib("VmRSS:");
}

// The process's peak RSS since the last reset (VmHWM, MiB), then reset to the current RSS, so each
// phase of the build reports its own peak.
double take_phase_peak_mib()
{
    const double mib = status_mib("VmHWM:");
    std::ofstream("/proc/self/clear_refs") << "5";
    return mib;
}

} // namespace

int main(int argc, char** argv)
{
    ck::bench::json_report_from_args("pack_bench", argc, argv);
    fs::path src;
    fs::path out;
    fs::path manifest_path;
    bool full_check = false;
    bool trace_memory = false; // each phase's progress with the RSS, to stderr, at most once a second
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--src" && i + 1 < argc) {
            src = argv[++i];
        } else if (arg == "--out" && i + 1 < argc) {
            out = argv[++i];
        } else if (arg == "--manifest" && i + 1 < argc) {
            manifest_path = argv[++i];
        } else if (arg == "--full-check") {
            full_check = true;
        } else if (arg == "--trace-memory") {
            trace_memory = true;
        } else {
            std::fprintf(stderr,
                "usage: pack_bench --src DIR [--manifest FILE] --out PACK [--full-check] [--trace-memory]\n");
            return 2;
        }
    }
    if (src.empty() || out.empty()) {
        std::fprintf(stderr,
            "usage: pack_bench --src DIR [--manifest FILE] --out PACK [--full-check] [--trace-memory]\n");
        return 2;
    }
    const double cpu0 = cpu_seconds();
    const double wall0 = wall_seconds();
    // The files' names relative to DIR, in one block of text (a vector of filesystem::path cost
    // about 340 bytes a file, 60 MB of the peak at 250k), sorted.
    std::string names;
    std::vector<std::pair<std::size_t, std::size_t>> files; // (offset, size) in `names`
    for (const auto& e : fs::recursive_directory_iterator(src)) {
        const auto ext = e.path().extension();
        if (e.is_regular_file() && (ext == ".txt" || ext == ".csv")) {
            const std::string rel = fs::relative(e.path(), src).string();
            files.emplace_back(names.size(), rel.size());
            names += rel;
        }
    }
    const auto name_of = [&](const std::pair<std::size_t, std::size_t>& f) {
        return std::string_view(names).substr(f.first, f.second);
    };
    std::sort(
        files.begin(), files.end(), [&](const auto& a, const auto& b) { return name_of(a) < name_of(b); });
    ck::content::BuildOptions options;
    options.builder_version = ck::content::builder_version();
    options.full_index_check = full_check;
    if (!manifest_path.empty()) {
        auto m = ck::content::read_manifest(manifest_path);
        if (!m) {
            std::fprintf(stderr, "pack_bench: %s\n", m.error().to_string().c_str());
            return 1;
        }
        options.manifest = std::move(*m);
    }
    auto writer = ck::content::PackWriter::create(out, options);
    if (!writer) {
        std::fprintf(stderr, "pack_bench: %s\n", writer.error().to_string().c_str());
        return 1;
    }
    // Files are read and parsed on both cores, in order (every other one on a second thread, at
    // most 4 files ahead), as `cablepack build` does; the writer stages them on this thread.
    struct Parsed {
        std::size_t bytes = 0;
        ck::cable::ParseOutput output;
    };
    std::atomic<std::int64_t> parse_ns { 0 };
    ck::OrderedAhead<Parsed> ahead(
        files.size(),
        [&](std::size_t i) {
            const std::string name(name_of(files[i]));
            std::ifstream in(src / name, std::ios::binary);
            std::stringstream ss;
            ss << in.rdbuf();
            const std::string bytes = ss.str();
            const double t = thread_cpu_seconds();
            Parsed p { bytes.size(), ck::cable::parse(bytes, name) };
            parse_ns += static_cast<std::int64_t>((thread_cpu_seconds() - t) * 1e9);
            return p;
        },
        4, true);
    std::uintmax_t input_bytes = 0;
    std::size_t errors = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const Parsed parsed = ahead.take();
        input_bytes += parsed.bytes;
        for (const auto& c : parsed.output.cables) {
            errors += writer->add(c).ok() ? 0 : 1;
        }
    }
    // Every file has been taken (the parsing thread is done with the list), and the build's phases
    // need the memory: cablepack build frees its list here too.
    const std::size_t file_count = files.size();
    std::string().swap(names);
    std::vector<std::pair<std::size_t, std::size_t>>().swap(files);
    const double parse_cpu = static_cast<double>(parse_ns.load()) / 1e9;
    const double stage_done = cpu_seconds();
    std::map<std::string, double> phase_cpu;
    std::map<std::string, double> phase_wall;
    std::map<std::string, double> phase_peak;
    phase_peak["staging"] = take_phase_peak_mib();
    std::string phase = "staging";
    double phase_start = stage_done;
    phase_wall["parse and staging"] = wall_seconds() - wall0;
    double phase_wall_start = wall_seconds();
    double last_trace = 0;
    auto summary = writer->commit([&](ck::content::BuildPhase p, std::int64_t done, std::int64_t total) {
        const std::string name(ck::content::to_string(p));
        if (trace_memory && (name != phase || wall_seconds() - last_trace >= 1.0)) {
            last_trace = wall_seconds();
            std::fprintf(stderr, "trace: %8.1f s %-11s %10lld / %-10lld RSS %7.1f MiB\n", last_trace - wall0,
                name.c_str(), static_cast<long long>(done), static_cast<long long>(total), current_rss_mib());
        }
        if (name != phase) {
            const double now = cpu_seconds();
            phase_cpu[phase] += now - phase_start;
            phase_wall[phase] += wall_seconds() - phase_wall_start;
            phase_peak[phase] = std::max(phase_peak[phase], take_phase_peak_mib());
            phase = name;
            phase_start = now;
            phase_wall_start = wall_seconds();
        }
    });
    const double cpu = cpu_seconds() - cpu0;
    const double wall = wall_seconds() - wall0;
    phase_cpu[phase] += cpu_seconds() - phase_start;
    phase_wall[phase] += wall_seconds() - phase_wall_start;
    phase_peak[phase] = std::max(phase_peak[phase], take_phase_peak_mib());
    if (!summary) {
        std::fprintf(stderr, "pack_bench: %s\n", summary.error().to_string().c_str());
        return 1;
    }
    const auto tables = table_megabytes(out);
    double index = 0;
    for (const auto& [name, mb] : tables) {
        if (name.rfind("search_", 0) == 0) {
            index += mb;
        }
    }
    const double text_mb = static_cast<double>(summary->text_bytes) / 1e6;
    const double input_mb = static_cast<double>(input_bytes) / 1e6;
    std::printf("pack_bench: %lld cables from %zu files (%.1f MB input, %.1f MB display text), %zu errors\n",
        static_cast<long long>(summary->cables), file_count, input_mb, text_mb, errors);
    std::printf("  CPU  %.1f s: %.0f docs/s, %.1f MB/s of input\n", cpu,
        static_cast<double>(summary->cables) / cpu, input_mb / cpu);
    std::printf("  wall %.1f s: %.0f docs/s (the machine may be shared)\n", wall,
        static_cast<double>(summary->cables) / wall);
    std::printf("  CPU by phase: parse %.1f s, staging %.1f s", parse_cpu, stage_done - cpu0 - parse_cpu);
    for (const auto& [name, seconds] : phase_cpu) {
        if (name != "staging" || seconds > 0.05) {
            std::printf(", %s %.1f s", name.c_str(), seconds);
        }
    }
    // Wall by phase shows what the second core hides: a phase on two threads takes less wall than CPU.
    std::printf("\n  wall by phase:");
    const char* separator = " ";
    for (const auto& [name, seconds] : phase_wall) {
        if (seconds > 0.05) {
            std::printf("%s%s %.1f s", separator, name.c_str(), seconds);
            separator = ", ";
        }
    }
    std::printf("\n  pack %.1f MB = %.2f x text; search index %.1f MB = %.2f x text; cables table %.1f MB\n",
        static_cast<double>(summary->pack_bytes) / 1e6,
        static_cast<double>(summary->pack_bytes) / 1e6 / text_mb, index, index / text_mb,
        tables.count("cables") != 0 ? tables.at("cables") : 0.0);
    // The peak is the highest of the phases' (getrusage's ru_maxrss follows the resets).
    double peak_mib = 0;
    std::printf("  peak RSS by phase:");
    for (const auto& [name, mib] : phase_peak) {
        peak_mib = std::max(peak_mib, mib);
        std::printf(" %s %.0f", name.c_str(), mib);
    }
    std::printf(" MiB\n  peak RSS %.0f MiB\n", peak_mib);
    auto& json = ck::bench::json_report();
    json.value("cables", "cables", static_cast<double>(summary->cables));
    json.value("build CPU", "s", cpu);
    json.value("build wall", "s", wall);
    json.value("build rate, CPU", "cables/s", static_cast<double>(summary->cables) / cpu);
    json.value("pack size", "MB", static_cast<double>(summary->pack_bytes) / 1e6);
    json.value("search index size", "MB", index);
    json.value("peak RSS", "MiB", peak_mib);
    json.set("/docs", static_cast<double>(summary->cables));
    json.set("/docs_per_s_wall", static_cast<double>(summary->cables) / wall);
    json.set("/docs_per_s_cpu", static_cast<double>(summary->cables) / cpu);
    json.set("/peak_rss_mib", peak_mib);
    return 0;
}
