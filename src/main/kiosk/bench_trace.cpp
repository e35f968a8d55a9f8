// CLOCK_MONOTONIC is shared with the benchmark process, so "first frame minus spawn time" is a
// launch time measured across processes.
#include "bench_trace.hpp"

#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <sys/resource.h>

namespace ck::kiosk {
namespace {

std::int64_t monotonic_ns()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

std::int64_t process_cpu_ns()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

long rss_kib()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::stol(line.substr(6));
        }
    }
    return 0;
}

} // namespace

BenchTrace* BenchTrace::get()
{
    static BenchTrace* trace = []() -> BenchTrace* {
        const char* path = std::getenv("CK_BENCH_TRACE");
        if (path == nullptr || *path == '\0') {
            return nullptr;
        }
        std::FILE* f = std::fopen(path, "a");
        return f == nullptr ? nullptr : new BenchTrace(f); // lives for the whole process
    }();
    return trace;
}

bool BenchTrace::force_redraw()
{
    static const bool force = [] {
        const char* v = std::getenv("CK_BENCH_FORCE_REDRAW");
        return v != nullptr && std::strcmp(v, "1") == 0;
    }();
    return force;
}

std::int64_t BenchTrace::thread_cpu_ns()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

void BenchTrace::first_frame()
{
    if (m_first_done) {
        return;
    }
    m_first_done = true;
    std::fprintf(m_file.get(), "first_frame mono_ns=%lld\n", static_cast<long long>(monotonic_ns()));
    std::fflush(m_file.get());
}

void BenchTrace::phase(const char* name)
{
    std::fprintf(m_file.get(), "phase %s mono_ns=%lld\n", name, static_cast<long long>(monotonic_ns()));
}

std::int64_t BenchTrace::process_cpu_ns()
{
    return ck::kiosk::process_cpu_ns();
}

void BenchTrace::frame(std::int64_t cpu_ns, std::int64_t process_cpu_ns, bool presented)
{
    std::fprintf(m_file.get(), "frame line=%zu cpu_ns=%lld presented=%d mono_ns=%lld proc_cpu_ns=%lld\n",
        m_line, static_cast<long long>(cpu_ns), presented ? 1 : 0, static_cast<long long>(monotonic_ns()),
        static_cast<long long>(process_cpu_ns));
    std::fflush(m_file.get());
}

void BenchTrace::line(std::size_t number, std::uint64_t presented_total)
{
    m_line = number;
    std::fprintf(m_file.get(), "line n=%zu mono_ns=%lld proc_cpu_ns=%lld presented=%llu rss_kib=%ld\n",
        number, static_cast<long long>(monotonic_ns()), static_cast<long long>(process_cpu_ns()),
        static_cast<unsigned long long>(presented_total), rss_kib());
    std::fflush(m_file.get());
}

} // namespace ck::kiosk
