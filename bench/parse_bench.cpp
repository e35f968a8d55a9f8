// Cable parser benchmark: every file of the bundled corpus parsed over and over until at least
// 100 MB have gone through the parser, on one core. Prints the medians of several runs in MB/s and
// cables/s, timed by this thread's CPU clock (the machine is shared; wall time would measure the
// neighbours). Run the release build from the repository root:
//   build/release/bench/parse_bench [content_pack/cables] [runs]
#include "bench_json.hpp"
#include "cable/parse.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr double bytes_per_mb = 1e6;
constexpr std::size_t target_bytes = 100'000'000;

double thread_cpu_seconds()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct Source {
    std::string name;
    std::string bytes;
};

std::vector<Source> load_corpus(const std::filesystem::path& dir)
{
    std::vector<Source> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file() && entry.path().extension() == ".txt") {
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            files.push_back(Source { entry.path().filename().string(), bytes.str() });
        }
    }
    std::sort(files.begin(), files.end(), [](const Source& a, const Source& b) { return a.name < b.name; });
    return files;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    ck::bench::json_report_from_args("parse_bench", argc, argv);
    const std::filesystem::path dir = argc > 1 ? argv[1] : "content_pack/cables";
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const std::vector<Source> corpus = load_corpus(dir);
    std::size_t corpus_bytes = 0;
    for (const Source& s : corpus) {
        corpus_bytes += s.bytes.size();
    }
    if (corpus_bytes == 0) {
        std::fprintf(stderr, "parse_bench: no .txt files under %s\n", dir.c_str());
        return 1;
    }
    const std::size_t rounds = (target_bytes + corpus_bytes - 1) / corpus_bytes;
    std::vector<double> mb_per_s;
    std::vector<double> cables_per_s;
    for (int r = 0; r < runs; ++r) {
        std::size_t cables = 0;
        std::size_t bytes = 0;
        const double start = thread_cpu_seconds();
        for (std::size_t k = 0; k < rounds; ++k) {
            for (const Source& s : corpus) {
                cables += ck::cable::parse(s.bytes, s.name).cables.size();
                bytes += s.bytes.size();
            }
        }
        const double seconds = thread_cpu_seconds() - start;
        mb_per_s.push_back(static_cast<double>(bytes) / bytes_per_mb / seconds);
        cables_per_s.push_back(static_cast<double>(cables) / seconds);
    }
    std::printf("parse_bench: %zu files, %.1f KB, repeated %zu times = %.1f MB per run, %d runs, one core\n",
        corpus.size(), static_cast<double>(corpus_bytes) / 1e3, rounds,
        static_cast<double>(corpus_bytes * rounds) / bytes_per_mb, runs);
    std::printf("median: %.1f MB/s, %.0f cables/s\n", median(mb_per_s), median(cables_per_s));
    ck::bench::json_report().figure("parse throughput, one core", "MB/s", mb_per_s);
    ck::bench::json_report().figure("parse rate, one core", "cables/s", cables_per_s);
    return 0;
}
