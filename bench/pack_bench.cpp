// pack_bench --src DIR [--manifest FILE] --out PACK [--full-check]: builds a pack the way
// `cablepack build` does (parse every cable file under DIR, stage, sort, write, index, check,
// rename) on one thread, and prints docs/s and MB/s (CPU time, since the machine may be shared,
// and wall time), the share of each phase, the pack's size against the text, the search index's
// size, and the peak RSS. One build is one measurement; run it several times for a median.
#include "bench_json.hpp"
#include "cable/parse.hpp"
#include "content/pack_writer.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <time.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

double cpu_seconds()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
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

} // namespace

int main(int argc, char** argv)
{
    ck::bench::json_report_from_args("pack_bench", argc, argv);
    fs::path src;
    fs::path out;
    fs::path manifest_path;
    bool full_check = false;
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
        } else {
            std::fprintf(stderr, "usage: pack_bench --src DIR [--manifest FILE] --out PACK [--full-check]\n");
            return 2;
        }
    }
    if (src.empty() || out.empty()) {
        std::fprintf(stderr, "usage: pack_bench --src DIR [--manifest FILE] --out PACK [--full-check]\n");
        return 2;
    }
    const double cpu0 = cpu_seconds();
    const double wall0 = wall_seconds();
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(src)) {
        const auto ext = e.path().extension();
        if (e.is_regular_file() && (ext == ".txt" || ext == ".csv")) {
            files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
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
    std::uintmax_t input_bytes = 0;
    std::size_t errors = 0;
    double parse_cpu = 0;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string bytes = ss.str();
        input_bytes += bytes.size();
        const double t = cpu_seconds();
        const auto parsed = ck::cable::parse(bytes, fs::relative(f, src).string());
        parse_cpu += cpu_seconds() - t;
        for (const auto& c : parsed.cables) {
            errors += writer->add(c).ok() ? 0 : 1;
        }
    }
    const double stage_done = cpu_seconds();
    std::map<std::string, double> phase_cpu;
    std::string phase = "staging";
    double phase_start = stage_done;
    auto summary = writer->commit([&](ck::content::BuildPhase p, std::int64_t, std::int64_t) {
        const std::string name(ck::content::to_string(p));
        if (name != phase) {
            const double now = cpu_seconds();
            phase_cpu[phase] += now - phase_start;
            phase = name;
            phase_start = now;
        }
    });
    const double cpu = cpu_seconds() - cpu0;
    const double wall = wall_seconds() - wall0;
    phase_cpu[phase] += cpu_seconds() - phase_start;
    if (!summary) {
        std::fprintf(stderr, "pack_bench: %s\n", summary.error().to_string().c_str());
        return 1;
    }
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
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
        static_cast<long long>(summary->cables), files.size(), input_mb, text_mb, errors);
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
    std::printf("\n  pack %.1f MB = %.2f x text; search index %.1f MB = %.2f x text; cables table %.1f MB\n",
        static_cast<double>(summary->pack_bytes) / 1e6,
        static_cast<double>(summary->pack_bytes) / 1e6 / text_mb, index, index / text_mb,
        tables.count("cables") != 0 ? tables.at("cables") : 0.0);
    const double peak_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
    std::printf("  peak RSS %.0f MiB\n", peak_mib);
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
