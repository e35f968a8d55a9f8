// posix_spawn and /proc: nothing here needs more than the C library.
#include "bench_util.hpp"

#include "bench_json.hpp"
#include "content/pack.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <poll.h>
#include <spawn.h>
#include <sstream>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace ck::bench {
namespace {

std::int64_t now_ns()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

pid_t spawn(const std::vector<std::string>& args, const std::vector<std::string>& extra_env)
{
    std::vector<std::string> env_store;
    for (char** e = environ; *e != nullptr; ++e) {
        env_store.emplace_back(*e);
    }
    env_store.insert(env_store.end(), extra_env.begin(), extra_env.end());
    std::vector<char*> envp;
    envp.reserve(env_store.size() + 1);
    for (auto& e : env_store) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);
    std::vector<std::string> arg_store = args;
    std::vector<char*> argv;
    argv.reserve(arg_store.size() + 1);
    for (auto& a : arg_store) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

std::vector<pid_t> tree_of(pid_t root)
{
    std::map<pid_t, pid_t> parent;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || !std::isdigit(static_cast<unsigned char>(name[0]))) {
            continue;
        }
        std::ifstream stat(entry.path() / "stat");
        std::string text;
        std::getline(stat, text);
        const auto close = text.rfind(')');
        if (close == std::string::npos) {
            continue;
        }
        std::istringstream rest(text.substr(close + 2));
        char state = 0;
        pid_t ppid = 0;
        rest >> state >> ppid;
        parent[std::stoi(name)] = ppid;
    }
    std::vector<pid_t> out = { root };
    for (std::size_t i = 0; i < out.size(); ++i) {
        for (const auto& [pid, pp] : parent) {
            if (pp == out[i]) {
                out.push_back(pid);
            }
        }
    }
    return out;
}

namespace {

// Whether `pid` still holds its memory: it runs, or is exiting (a zombie has let go of it).
bool holds_memory(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!std::getline(stat, text)) {
        return false;
    }
    const auto close = text.rfind(')');
    return close != std::string::npos && close + 2 < text.size() && text[close + 2] != 'Z'
        && text[close + 2] != 'X';
}

// Until every process of a killed tree has let go of its memory (at most 10 s). A browser killed
// with 1 GiB mapped spends tens of milliseconds of kernel time unmapping it after SIGKILL, in its
// orphaned children too: the next program timed must not start beside that.
void wait_until_gone(const std::vector<pid_t>& tree)
{
    for (int i = 0; i < 5000; ++i) {
        if (std::none_of(tree.begin(), tree.end(), holds_memory)) {
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

// Kills the tree of `pid` (not yet reaped), reaps it, and waits until its processes are gone.
void end_tree(pid_t pid)
{
    const std::vector<pid_t> tree = tree_of(pid);
    for (const pid_t p : tree) {
        kill(p, SIGKILL);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    wait_until_gone(tree);
}

} // namespace

long rss_kib_of(pid_t pid)
{
    std::ifstream statm("/proc/" + std::to_string(pid) + "/statm");
    long size = 0;
    long resident = 0;
    statm >> size >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

long pss_kib_of(pid_t pid)
{
    std::ifstream rollup("/proc/" + std::to_string(pid) + "/smaps_rollup");
    std::string line;
    while (std::getline(rollup, line)) {
        if (line.rfind("Pss:", 0) == 0) {
            return std::atol(line.c_str() + 4);
        }
    }
    return 0;
}

std::int64_t schedstat_ns(pid_t pid)
{
    std::int64_t total = 0;
    const std::string task_dir = "/proc/" + std::to_string(pid) + "/task";
    std::error_code ec;
    for (const auto& task : std::filesystem::directory_iterator(task_dir, ec)) {
        std::ifstream in(task.path() / "schedstat");
        std::int64_t run = 0;
        in >> run;
        total += run;
    }
    return total;
}

std::string html_escape(const std::string& s)
{
    std::string out;
    for (const char c : s) {
        switch (c) {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace

ChildResult spawn_and_wait(const std::vector<std::string>& args, const std::vector<std::string>& extra_env)
{
    ChildResult r;
    r.spawn_ns = now_ns();
    const pid_t pid = spawn(args, extra_env);
    if (pid < 0) {
        return r;
    }
    int status = 0;
    rusage usage {};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) { }
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.max_rss_kib = usage.ru_maxrss;
    return r;
}

Trace read_trace(const std::filesystem::path& path)
{
    Trace t;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        long long a = 0;
        long long b = 0;
        long long c = 0;
        long long d = 0;
        int presented = 0;
        if (std::sscanf(line.c_str(), "first_frame mono_ns=%lld", &a) == 1) {
            t.first_frame_ns = a;
        } else if (std::sscanf(line.c_str(),
                       "frame line=%lld cpu_ns=%lld presented=%d mono_ns=%lld proc_cpu_ns=%lld", &a, &b,
                       &presented, &c, &d)
            >= 3) {
            t.frames.push_back({ static_cast<std::size_t>(a), b, c, d });
        }
    }
    return t;
}

IdleSample sample_idle(const std::vector<std::string>& args, const std::vector<std::string>& env,
    const std::filesystem::path& trace, int settle_ms, int window_ms)
{
    IdleSample s;
    const pid_t pid = spawn(args, env);
    if (pid < 0) {
        return s;
    }
    // Wait for the script's last line (the long wait) to begin.
    std::size_t lines_seen = 0;
    for (int i = 0; i < 3000 && lines_seen < 2; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        std::ifstream in(trace);
        std::string line;
        lines_seen = 0;
        while (std::getline(in, line)) {
            lines_seen += line.rfind("line n=", 0) == 0 ? 1 : 0;
        }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(settle_ms));
    const auto frames_before = read_trace(trace).frames.size();
    const std::int64_t cpu0 = schedstat_ns(pid);
    const std::int64_t t0 = now_ns();
    std::this_thread::sleep_for(std::chrono::milliseconds(window_ms));
    s.cpu_ns = schedstat_ns(pid) - cpu0;
    s.window_ns = now_ns() - t0;
    s.frames = static_cast<int>(read_trace(trace).frames.size() - frames_before);
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    return s;
}

TreeResult spawn_tree_until_file(const std::vector<std::string>& args, const std::filesystem::path& file,
    const std::vector<std::string>& extra_env)
{
    TreeResult r;
    const pid_t pid = spawn(args, extra_env);
    if (pid < 0) {
        return r;
    }
    std::uintmax_t last_size = 0;
    int stable = 0;
    for (int i = 0; i < 60000; ++i) {
        long sum = 0;
        long pss = 0;
        const bool sample_pss = i % 10 == 0; // smaps_rollup walks page tables: not every 2 ms
        for (const pid_t p : tree_of(pid)) {
            sum += rss_kib_of(p);
            pss += sample_pss ? pss_kib_of(p) : 0;
        }
        r.peak_tree_rss_kib = std::max(r.peak_tree_rss_kib, sum);
        r.peak_tree_pss_kib = std::max(r.peak_tree_pss_kib, pss);
        std::error_code ec;
        const auto size = std::filesystem::file_size(file, ec);
        if (!ec && size > 0) {
            if (size == last_size && ++stable >= 2) {
                r.ok = true;
                break;
            }
            last_size = size;
        }
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            r.ok = std::filesystem::exists(file);
            return r;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    end_tree(pid);
    return r;
}

double spawn_timed_until_file(const std::vector<std::string>& args, const std::filesystem::path& file,
    const std::vector<std::string>& extra_env)
{
    // Told by the kernel when the file is closed after writing or renamed into place: no polling
    // latency, and nothing of ours runs beside the program while it is timed.
    const int watch = inotify_init1(IN_CLOEXEC);
    if (watch < 0 || inotify_add_watch(watch, file.parent_path().c_str(), IN_CLOSE_WRITE | IN_MOVED_TO) < 0) {
        if (watch >= 0) {
            close(watch);
        }
        return -1;
    }
    const std::int64_t t0 = now_ns();
    const pid_t pid = spawn(args, extra_env);
    double elapsed_ms = -1;
    alignas(inotify_event) char buffer[4096];
    for (int waited = 0; pid >= 0 && elapsed_ms < 0 && waited < 60000; waited += 50) {
        pollfd ready { watch, POLLIN, 0 };
        if (poll(&ready, 1, 50) > 0) {
            const std::int64_t seen = now_ns();
            const ssize_t n = read(watch, buffer, sizeof buffer);
            for (ssize_t at = 0; n > 0 && at < n;) {
                const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
                if (event->len > 0 && file.filename() == event->name) {
                    elapsed_ms = static_cast<double>(seen - t0) / 1e6;
                }
                at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            }
            continue;
        }
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            close(watch);
            return -1; // ended without writing the file
        }
    }
    close(watch);
    if (pid >= 0) {
        end_tree(pid);
    }
    return elapsed_ms;
}

void write_cable_html(
    const std::filesystem::path& path, const cable::Cable& cable, const std::string& font_path)
{
    std::ofstream out(path);
    out << "<!doctype html><html><head><meta charset=\"utf-8\"><style>"
        << "@font-face{font-family:'Courier Prime';src:url('file://" << font_path << "');}"
        << "body{margin:0;background:#F4EFE4;color:#1C1B19;}"
        << "pre{font-family:'Courier Prime',monospace;font-size:22px;line-height:1.4;margin:36px 120px;}"
        << "</style></head><body><pre>" << html_escape(cable.display_text) << "</pre></body></html>\n";
}

std::string longest_cable(const std::string& pack_path)
{
    auto pack = content::Pack::open(pack_path);
    std::string best;
    std::size_t best_size = 0;
    if (pack) {
        (void)pack->for_each_cable([&](const content::CableRecord& r) -> Status {
            if (r.cable.display_text.size() > best_size && !r.cable.ocr) {
                best_size = r.cable.display_text.size();
                best = r.cable.id;
            }
            return {};
        });
    }
    return best;
}

std::string machine_description()
{
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    std::string model = "unknown CPU";
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("model name", 0) == 0) {
            model = line.substr(line.find(':') + 2);
            break;
        }
    }
    return model + ", " + std::to_string(std::thread::hardware_concurrency()) + " cores";
}

double median(std::vector<double> v)
{
    return percentile(std::move(v), 50);
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    const double rank = p / 100.0 * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(rank);
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (rank - static_cast<double>(lo));
}

void print_stats(const char* what, const std::vector<double>& values, const char* unit)
{
    json_report().figure(what, unit, values);
    if (values.empty()) {
        std::printf("%-44s no samples\n", what);
        return;
    }
    std::printf("%-44s p50 %8.2f  p95 %8.2f  max %8.2f %s  (n=%zu)\n", what, percentile(values, 50),
        percentile(values, 95), *std::max_element(values.begin(), values.end()), unit, values.size());
}

} // namespace ck::bench
