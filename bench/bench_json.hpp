// `--json` for every benchmark program: the figures of one run as one JSON object on stdout, for
// scripts and for comparing runs, while the human table goes to stderr unchanged.
//
// Each program calls `json_report_from_args` first: it removes `--json` from argv (so the
// program's own option parsing never sees it) and, when it was given, points stdout at stderr and
// keeps the real stdout for the report. Figures are recorded where the table lines are printed,
// so the two never disagree; the report is written when the program ends (the static object's
// destructor, which runs on return from main and on exit()).
//
// Shape: {"bench": NAME, "machine": TEXT, "args": [...], "figures": [{"name", "unit", "n",
// "median", "p95", "p99", "min", "max"}], "values": [{"name", "unit", "value"}]}.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

namespace ck::bench {

class JsonReport {
public:
    JsonReport(const JsonReport&) = delete;
    JsonReport& operator=(const JsonReport&) = delete;

    static JsonReport& instance()
    {
        static JsonReport report;
        return report;
    }

    bool enabled() const { return m_out != nullptr; }

    void begin(const char* bench, int argc, char** argv)
    {
        m_doc["bench"] = bench;
        m_doc["machine"] = machine();
        m_doc["args"] = nlohmann::json::array();
        for (int i = 1; i < argc; ++i) {
            m_doc["args"].push_back(argv[i]);
        }
        m_doc["figures"] = nlohmann::json::array();
        m_doc["values"] = nlohmann::json::array();
        std::fflush(stdout);
        const int kept = ::dup(STDOUT_FILENO);
        if (kept < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
            std::fprintf(stderr, "--json: cannot keep stdout for the report\n");
            return;
        }
        m_out = ::fdopen(kept, "w");
    }

    // Samples of one figure (times in the unit given); median and percentiles by nearest rank.
    void figure(const std::string& name, const std::string& unit, std::vector<double> samples)
    {
        if (!enabled()) {
            return;
        }
        std::sort(samples.begin(), samples.end());
        nlohmann::json f { { "name", name }, { "unit", unit }, { "n", samples.size() } };
        if (!samples.empty()) {
            f["median"] = rank(samples, 0.5);
            f["p95"] = rank(samples, 0.95);
            f["p99"] = rank(samples, 0.99);
            f["min"] = samples.front();
            f["max"] = samples.back();
        }
        m_doc["figures"].push_back(std::move(f));
    }

    // One measured value (a rate, a size, a ratio, a percentile computed by the program).
    void value(const std::string& name, const std::string& unit, double v)
    {
        if (enabled()) {
            m_doc["values"].push_back({ { "name", name }, { "unit", unit }, { "value", v } });
        }
    }

    // A value at a fixed place in the object, for the keys scripts read directly
    // ("/classes/rare/ours/p95_ms", "/launch_p95_ms"); see the README for each program's keys.
    void set(const std::string& pointer, double v)
    {
        if (enabled()) {
            m_doc[nlohmann::json::json_pointer(pointer)] = v;
        }
    }

    ~JsonReport()
    {
        if (m_out != nullptr) {
            std::fflush(stdout);
            const std::string text = m_doc.dump() + "\n";
            std::fwrite(text.data(), 1, text.size(), m_out);
            std::fclose(m_out);
        }
    }

private:
    JsonReport() = default;

    static double rank(const std::vector<double>& sorted, double p)
    {
        const auto at = static_cast<std::size_t>(std::lround(p * static_cast<double>(sorted.size() - 1)));
        return sorted[std::min(at, sorted.size() - 1)];
    }

    static std::string machine()
    {
        std::ifstream cpuinfo("/proc/cpuinfo");
        std::string line;
        std::string model;
        while (std::getline(cpuinfo, line)) {
            if (line.rfind("model name", 0) == 0) {
                model = line.substr(line.find(':') + 2);
                break;
            }
        }
        const long cores = ::sysconf(_SC_NPROCESSORS_ONLN);
        return model + ", " + std::to_string(cores) + " cores online";
    }

    nlohmann::json m_doc;
    std::FILE* m_out = nullptr;
};

// The search benchmarks' query classes as JSON keys ("very common" is very_common, "two-word AND"
// is and, "3-letter prefix" is prefix); "" for a row that is not a query class.
inline std::string class_key(const std::string& name)
{
    static const std::pair<const char*, const char*> keys[] = { { "rare", "rare" }, { "mid", "mid" },
        { "frequent", "frequent" }, { "very common", "very_common" }, { "two-word AND", "and" },
        { "phrase", "phrase" }, { "3-letter prefix", "prefix" } };
    for (const auto& [shown, key] : keys) {
        if (name == shown) {
            return key;
        }
    }
    return "";
}

// Removes every "--json" from argv and starts the report when one was there.
inline JsonReport& json_report_from_args(const char* bench, int& argc, char** argv)
{
    bool wanted = false;
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--json") {
            wanted = true;
        } else {
            argv[kept++] = argv[i];
        }
    }
    argc = kept;
    argv[argc] = nullptr;
    JsonReport& report = JsonReport::instance();
    if (wanted) {
        report.begin(bench, argc, argv);
    }
    return report;
}

inline JsonReport& json_report()
{
    return JsonReport::instance();
}

} // namespace ck::bench
