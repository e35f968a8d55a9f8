// Benchmark tracing for bench/kiosk_bench (off unless CK_BENCH_TRACE names a file): the moment
// of the first presented frame, the CPU time of each frame, and per script line the process CPU
// time, frames presented and resident memory. CK_BENCH_FORCE_REDRAW=1 redraws unchanged frames
// so that a static frame's cost can be measured. Never records anything a visitor typed.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>

namespace ck::kiosk {

class BenchTrace {
public:
    // The trace of this process, or null when tracing is off.
    static BenchTrace* get();
    static bool force_redraw();

    void first_frame();
    // A named moment of start-up (fonts loaded, pack open, display ready ...).
    void phase(const char* name);
    // `cpu_ns`: the frame loop's thread; `process_cpu_ns`: every thread of the process over the
    // same frame, which counts a renderer's own threads (Mesa's llvmpipe draws on several).
    void frame(std::int64_t cpu_ns, std::int64_t process_cpu_ns, bool presented);
    void line(std::size_t number, std::uint64_t presented_total);

    // CPU time of the calling thread, in nanoseconds.
    static std::int64_t thread_cpu_ns();
    // CPU time of every thread of the process, in nanoseconds.
    static std::int64_t process_cpu_ns();

private:
    explicit BenchTrace(std::FILE* file)
        : m_file(file)
    {
    }
    struct Closer {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };
    std::unique_ptr<std::FILE, Closer> m_file;
    bool m_first_done = false;
    std::size_t m_line = 0;
};

} // namespace ck::kiosk
