// Small helpers shared by the in-process benchmarks (search, keystroke, lists): thread CPU time,
// nearest-rank percentiles and a seeded generator, so each figure is computed the same way.
// (bench_util.hpp serves the benchmarks that run the kiosk as a child process.)
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <time.h>
#include <vector>

namespace ck::bench {

// CPU time of the calling thread, in milliseconds.
inline double thread_cpu_ms()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// The sample at rank p (0..1) of `v`, nearest rank; 0 for no samples.
inline double rank_percentile(std::vector<double> v, double p)
{
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    const auto at = static_cast<std::size_t>(std::lround(p * static_cast<double>(v.size() - 1)));
    return v[std::min(at, v.size() - 1)];
}

// A deterministic generator (PCG-style LCG step), so a seed names the same queries on any machine.
class Rng {
public:
    explicit Rng(std::uint64_t s)
        : m_s(s)
    {
    }
    std::size_t below(std::size_t n)
    {
        m_s = m_s * 6364136223846793005ULL + 1442695040888963407ULL;
        return n == 0 ? 0 : static_cast<std::size_t>((m_s >> 33U) % n);
    }

private:
    std::uint64_t m_s;
};

} // namespace ck::bench
