// `cablepack build SRC... [--manifest FILE] [--variants FILE] --out PACK [--sequence N] [--keep-going]
// [--warnings] [--json]`
//
// SRC is a cable file, or a folder read recursively for cable files (.txt, .text, .html, .htm,
// .csv, .md; hidden files, README, LICENSE and CMakeLists files and everything else, such as the manifest or
// a SOURCES.tsv, are skipped as cables; a SOURCES.tsv gives each of its files' documents a public page,
// content/permalink.hpp). Every bad file is reported as "file:line: error: ...", all of them. Without
// --keep-going any error fails the build and nothing is written; with it, the cables that could be read are
// built and the exit code is still 1. A progress bar shows on a terminal, plain lines otherwise; a summary
// ends the run. Exit codes: 0 ok, 1 bad input or a failed check, 2 usage.
#include "cable/limits.hpp"
#include "cable/parse.hpp"
#include "cablepack/cmd_shared.hpp"
#include "cablepack/commands.hpp"
#include "cablepack/source_tables.hpp"
#include "content/manifest.hpp"
#include "content/name_tables.hpp"
#include "content/pack_writer.hpp"
#include "content/variants.hpp"
#include "core/ascii.hpp"
#include "core/ordered_ahead.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ck::cablepack {
namespace {

namespace fs = std::filesystem;

// Files parsed ahead of the writer: enough to keep the second core busy; a CSV file of 500 cables
// parses to several MB, so a deeper queue would show in the peak memory.
constexpr std::size_t parse_ahead_files = 4;
using Clock = std::chrono::steady_clock;

// The files to read, sorted by name. A 2M-cable archive has 1.4M files: each is kept as its name
// in one block of text plus 16 bytes (a filesystem::path and a name cost about 400 bytes a file,
// half a gigabyte at that size).
class InputList {
public:
    // `name` as recorded in the pack: relative to `base` (the SRC folder's parent).
    void add(const fs::path& base, std::string_view name)
    {
        if (m_bases.empty() || m_bases.back() != base) {
            m_bases.push_back(base);
        }
        m_entries.push_back({ m_text.size(), static_cast<std::uint32_t>(name.size()),
            static_cast<std::uint32_t>(m_bases.size() - 1) });
        m_text.append(name);
    }
    void sort()
    {
        std::sort(m_entries.begin(), m_entries.end(),
            [this](const Entry& a, const Entry& b) { return text(a) < text(b); });
    }
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }
    [[nodiscard]] std::string name(std::size_t i) const { return std::string(text(m_entries[i])); }
    [[nodiscard]] fs::path path(std::size_t i) const
    {
        return m_bases[m_entries[i].base] / text(m_entries[i]);
    }

private:
    struct Entry {
        std::size_t at = 0;
        std::uint32_t size = 0;
        std::uint32_t base = 0;
    };
    [[nodiscard]] std::string_view text(const Entry& e) const
    {
        return std::string_view(m_text).substr(e.at, e.size);
    }
    std::string m_text;
    std::vector<Entry> m_entries;
    std::vector<fs::path> m_bases;
};

bool is_cable_file(const fs::path& path)
{
    const std::string name = path.filename().string();
    if (name.empty() || name[0] == '.') {
        return false;
    }
    std::string ext = path.extension().string();
    std::string stem = path.stem().string();
    for (auto* s : { &ext, &stem }) {
        *s = ascii::to_lower(*s);
    }
    for (const char* doc :
        { "readme", "license", "licence", "changelog", "contributing", "notice", "cmakelists" }) {
        if (stem == doc) {
            return false;
        }
    }
    for (const char* e : { ".txt", ".text", ".html", ".htm", ".csv", ".md" }) {
        if (ext == e) {
            return true;
        }
    }
    return false;
}

// Every input file, sorted by recorded name so the build never depends on folder order.
ck::Result<InputList> collect(const std::vector<std::string>& sources)
{
    InputList out;
    for (const std::string& source : sources) {
        const fs::path root(source);
        std::error_code ec;
        if (fs::is_directory(root, ec)) {
            const fs::path base = fs::absolute(root).lexically_normal().parent_path();
            const fs::path named = base.empty() ? fs::absolute(root) : base;
            fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
            for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                const bool hidden = it->path().filename().string().rfind('.', 0) == 0;
                if (it->is_directory(ec) && hidden) {
                    it.disable_recursion_pending();
                    continue;
                }
                if (it->is_regular_file(ec) && is_cable_file(it->path())) {
                    const fs::path abs = fs::absolute(it->path()).lexically_normal();
                    out.add(named, abs.lexically_relative(named).generic_string());
                }
            }
            if (ec) {
                return ck::make_error("cannot read the folder: " + ec.message(), source);
            }
        } else if (fs::exists(root, ec)) {
            const fs::path abs = fs::absolute(root).lexically_normal();
            out.add(abs.parent_path(), abs.filename().string());
        } else {
            return ck::make_error("no such file or folder", source);
        }
    }
    out.sort();
    return out;
}

class Progress {
public:
    explicit Progress(std::size_t total)
        : m_total(total)
        , m_terminal(stderr_is_terminal())
        , m_start(Clock::now())
        , m_last(m_start)
    {
    }

    void files(std::size_t done, std::int64_t cables)
    {
        const auto now = Clock::now();
        if (done != m_total
            && now - m_last < (m_terminal ? std::chrono::milliseconds(100) : std::chrono::seconds(5))) {
            return;
        }
        m_last = now;
        const double seconds = std::chrono::duration<double>(now - m_start).count();
        const double rate = seconds > 0 ? static_cast<double>(cables) / seconds : 0.0;
        if (m_terminal) {
            constexpr int width = 30;
            const int filled = m_total == 0 ? width : static_cast<int>(width * done / m_total);
            std::fprintf(stderr, "\r[%s%s] %zu/%zu files, %lld cables, %.0f cables/s ",
                std::string(static_cast<std::size_t>(filled), '#').c_str(),
                std::string(static_cast<std::size_t>(width - filled), '.').c_str(), done, m_total,
                static_cast<long long>(cables), rate);
            if (done == m_total) {
                std::fputc('\n', stderr);
            }
        } else {
            std::fprintf(
                stderr, "parsed %zu/%zu files, %lld cables\n", done, m_total, static_cast<long long>(cables));
        }
        std::fflush(stderr);
    }

    void phase(content::BuildPhase phase)
    {
        if (m_phase != phase) {
            m_phase = phase;
            std::fprintf(stderr, "%s...\n", std::string(content::to_string(phase)).c_str());
        }
    }

private:
    std::size_t m_total;
    bool m_terminal;
    Clock::time_point m_start;
    Clock::time_point m_last;
    std::optional<content::BuildPhase> m_phase;
};

void report(const ck::cable::Diagnostic& d)
{
    const char* kind = d.severity == ck::cable::Diagnostic::Severity::error ? "error" : "warning";
    std::fprintf(stderr, "%s:%zu: %s: %s\n", d.file.c_str(), d.line, kind, d.message.c_str());
}

// "file:line: check: id missing, subject low-confidence": a document whose key fields (id, date,
// subject) the parser left empty or could read only with low confidence, for the curator to check
// by hand against the source. Empty when there is nothing to check.
std::string fields_to_check(const ck::cable::Cable& c)
{
    std::string what;
    const auto note = [&](std::string_view field, bool present, ck::cable::Confidence level) {
        if (present && level != ck::cable::Confidence::low) {
            return;
        }
        what.append(what.empty() ? "" : ", ").append(field).append(present ? " low-confidence" : " missing");
    };
    note("id", !c.id.empty(), c.confidence.id);
    note("date", c.date.has_value(), c.confidence.date);
    note("subject", !c.subject.empty(), c.confidence.subject);
    if (what.empty()) {
        return {};
    }
    return c.source_file + ":" + std::to_string(c.source_line) + ": check: " + what;
}

void print_checks(const std::vector<std::string>& checks)
{
    if (checks.empty()) {
        return;
    }
    std::fprintf(
        stderr, "%zu document(s) to check by hand (key fields missing or low-confidence):\n", checks.size());
    for (const std::string& line : checks) {
        std::fprintf(stderr, "  %s\n", line.c_str());
    }
}

struct BuildArgs {
    std::vector<std::string> sources;
    std::string manifest;
    std::string variants;
    std::string names_ja;
    std::string readings_ja;
    std::string out;
    std::int64_t sequence = 1;
    bool keep_going = false;
    bool warnings = false;
    bool json = false;
    bool strict = false;
};

// What a build counted, for the summary line and --json.
struct Tally {
    std::size_t files = 0;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t bad_files = 0;
    std::size_t duplicates = 0;
    std::size_t unlisted = 0; // parser warnings not printed (without --warnings)
    std::vector<std::string> problems; // "file:line: error|warning: ..." as printed, for --json
};

// The --json summary on stdout, for scripts: whether a pack was written, the counts, the
// references, the sizes and the content hash; `problem` says why when nothing was written.
void print_build_json(const BuildArgs& args, const Tally& t, const content::BuildSummary* summary,
    const std::vector<std::string>& checks, double seconds, const std::string& problem)
{
    nlohmann::json out;
    out["ok"] = summary != nullptr && t.errors == 0;
    out["written"] = summary != nullptr;
    out["pack"] = args.out;
    out["files"] = t.files;
    out["errors"] = t.errors;
    out["warnings"] = t.warnings;
    out["duplicates"] = t.duplicates;
    out["seconds"] = seconds;
    out["checks"] = checks;
    out["problems"] = t.problems;
    if (!problem.empty()) {
        out["problem"] = problem;
    }
    if (summary != nullptr) {
        out["cables"] = summary->cables;
        out["refs"] = { { "total", summary->refs_total }, { "in_pack", summary->refs_resolved },
            { "possible", summary->refs_possible }, { "fbis", summary->refs_fbis } };
        out["text_bytes"] = summary->text_bytes;
        out["pack_bytes"] = summary->pack_bytes;
        out["content_hash"] = summary->content_hash;
    }
    print_json(out);
}

// A problem for the --json report (and printed when `print`). Without --json none is kept: a large
// archive's warnings would otherwise be held until the build ends.
void note_problem(const BuildArgs& args, Tally& tally, std::string line, bool print)
{
    if (print) {
        std::fprintf(stderr, "%s\n", line.c_str());
    }
    if (args.json) {
        tally.problems.push_back(std::move(line));
    }
}

// A curation gap (a missing translation, a cable in no section) is a warning, or with --strict an
// error that fails the build; printed as "file:line: warning|error: ..." either way.
void report_gap(const BuildArgs& args, Tally& tally, const std::string& where, const std::string& message)
{
    const char* kind = args.strict ? "error" : "warning";
    note_problem(args, tally, where + ": " + kind + ": " + message, true);
    (args.strict ? tally.errors : tally.warnings) += 1;
}

// The id a cable is stored and named under in the manifest: its own, else its file's stem.
std::string stored_id(const ck::cable::Cable& c)
{
    return c.id.empty() ? fs::path(c.source_file).stem().string() : c.id;
}

// The cable's public page from its file's SOURCES.tsv line. A line describes its file's one
// document; in a file of several, only the cable it names by id.
void set_permalink(content::PackWriter& writer, const SourceTables& tables, const ck::cable::Cable& c,
    std::size_t cables_in_file)
{
    const auto it = tables.find(c.source_file);
    if (it == tables.end() || (cables_in_file > 1 && it->second.doc_id != stored_id(c))) {
        return;
    }
    content::SourceRow row = it->second;
    if (row.doc_id.empty()) {
        row.doc_id = stored_id(c);
    }
    if (content::Permalink link = content::permalink_for(row); !link.url.empty()) {
        writer.set_permalink(stored_id(c), std::move(link.url));
    }
}

// Reads --names and --readings into the options; prints every problem and returns false on any.
bool read_name_tables(const BuildArgs& args, content::BuildOptions& options)
{
    std::vector<ck::Error> problems;
    if (!args.names_ja.empty()) {
        if (auto names = content::read_names(args.names_ja, &problems)) {
            options.names_ja = std::move(*names);
        }
    }
    if (!args.readings_ja.empty()) {
        if (auto readings = content::read_readings(args.readings_ja, &problems)) {
            options.readings_ja = std::move(*readings);
        }
    }
    for (const auto& e : problems) {
        std::fprintf(stderr, "%s: error: %s\n", e.where.c_str(), e.message.c_str());
    }
    if (!problems.empty()) {
        print_error("build", "the names or readings table has errors; nothing was written");
    }
    return problems.empty();
}

int run_build(const BuildArgs& args)
{
    const auto start = Clock::now();
    content::BuildOptions options;
    options.sequence = args.sequence;
    options.build_time = content::build_time_from_environment();
    options.builder_version = content::builder_version();
    if (!args.manifest.empty()) {
        std::vector<ck::Error> problems;
        auto manifest = content::read_manifest(args.manifest, &problems);
        if (!manifest) {
            for (const auto& e : problems) {
                std::fprintf(stderr, "%s: error: %s\n", e.where.c_str(), e.message.c_str());
            }
            print_error("build", "the manifest has errors; nothing was written");
            return exit_failed;
        }
        options.manifest = std::move(*manifest);
    }
    if (!args.variants.empty()) {
        std::vector<ck::Error> problems;
        auto variants = content::read_variants(args.variants, &problems);
        if (!variants) {
            for (const auto& e : problems) {
                std::fprintf(stderr, "%s: error: %s\n", e.where.c_str(), e.message.c_str());
            }
            print_error("build", "the variants list has errors; nothing was written");
            return exit_failed;
        }
        options.variants = std::move(*variants);
    }
    if (!read_name_tables(args, options)) {
        return exit_failed;
    }
    auto inputs = collect(args.sources);
    if (!inputs) {
        print_error(inputs.error());
        return exit_failed;
    }
    auto source_tables = read_source_tables(args.sources);
    if (!source_tables) {
        print_error(source_tables.error());
        return exit_failed;
    }
    // The writer takes the options; the manifest is kept for the curation checks.
    const std::optional<content::Manifest> options_manifest = options.manifest;
    auto writer = content::PackWriter::create(args.out, std::move(options));
    if (!writer) {
        print_error(writer.error());
        return exit_failed;
    }
    Tally tally;
    tally.files = inputs->size();
    std::size_t& errors = tally.errors;
    std::size_t& warnings = tally.warnings;
    std::size_t& bad_files = tally.bad_files;
    std::size_t& duplicates = tally.duplicates;
    const auto seconds_so_far = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    std::set<std::string> placed; // ids the manifest's sections show
    if (options_manifest) {
        for (const ck::Error& gap : content::translation_gaps(*options_manifest)) {
            report_gap(args, tally, gap.where, gap.message);
        }
        for (const auto& section : options_manifest->sections) {
            placed.insert(section.cables.begin(), section.cables.end());
        }
    }
    std::vector<std::string> checks;
    Progress progress(inputs->size());
    // Files are read and parsed on both cores (every other one on a second thread, a few files
    // ahead) and taken here in order, so what is staged and reported never depends on timing.
    ck::OrderedAhead<ck::cable::ParseOutput> ahead(
        inputs->size(),
        [&](std::size_t i) {
            const std::string name = inputs->name(i);
            ck::cable::ParseOutput parsed;
            if (auto bytes = read_input(inputs->path(i), ck::cable::limits::max_input_bytes)) {
                parsed = ck::cable::parse(*bytes, name);
            } else {
                parsed.diagnostics.push_back(
                    { ck::cable::Diagnostic::Severity::error, name, 0, bytes.error().message });
            }
            return parsed;
        },
        parse_ahead_files, true);
    for (std::size_t i = 0; i < inputs->size(); ++i) {
        const ck::cable::ParseOutput parsed = ahead.take();
        bool file_bad = false;
        for (const auto& d : parsed.diagnostics) {
            const bool is_error = d.severity == ck::cable::Diagnostic::Severity::error;
            errors += is_error ? 1 : 0;
            warnings += is_error ? 0 : 1;
            file_bad = file_bad || is_error;
            if (is_error || args.warnings) {
                report(d);
            } else {
                ++tally.unlisted;
            }
            note_problem(args, tally,
                d.file + ":" + std::to_string(d.line) + (is_error ? ": error: " : ": warning: ") + d.message,
                false);
        }
        for (const auto& c : parsed.cables) {
            if (std::string check = fields_to_check(c); !check.empty()) {
                checks.push_back(std::move(check));
            }
            auto added = writer->add(c);
            if (added && !added->duplicate) {
                set_permalink(*writer, *source_tables, c, parsed.cables.size());
            }
            if (!added) {
                std::fprintf(
                    stderr, "%s: error: %s\n", added.error().where.c_str(), added.error().message.c_str());
                note_problem(args, tally, added.error().where + ": error: " + added.error().message, false);
                ++errors;
                file_bad = true;
            } else if (!added->duplicate && options_manifest && !placed.contains(stored_id(c))) {
                report_gap(args, tally, c.source_file + ":" + std::to_string(c.source_line),
                    stored_id(c)
                        + " is in no section of the manifest: visitors find it only by search and the "
                          "timeline");
            } else if (added->duplicate) {
                // Both paths, so the curator can remove either copy.
                note_problem(args, tally,
                    c.source_file + ":" + std::to_string(c.source_line) + ": warning: the same document as "
                        + added->first + "; stored once",
                    true);
                ++duplicates;
            }
        }
        bad_files += file_bad ? 1 : 0;
        progress.files(i + 1, writer->staged());
    }
    if (errors > 0 && !args.keep_going) {
        const std::string in_files = bad_files > 0 ? " in " + std::to_string(bad_files) + " file(s)" : "";
        const std::string problem = std::to_string(errors) + " error(s)" + in_files
            + "; nothing was written (use --keep-going to build the rest)";
        print_error("build", problem);
        if (args.json) {
            print_build_json(args, tally, nullptr, checks, seconds_so_far(), problem);
        }
        return exit_failed;
    }
    // A pack without cables is a mistake (a mistyped path, the wrong folder): the kiosk would show
    // it as out of order, so the build refuses it instead of signing an empty exhibit.
    if (writer->staged() == 0) {
        const std::string problem = "no cables found in " + std::to_string(inputs->size())
            + " file(s) read; nothing was written. Give the folder or files that hold the cables"
              " (.txt, .text, .html, .htm, .csv or .md)";
        print_error("build", problem);
        if (args.json) {
            print_build_json(args, tally, nullptr, checks, seconds_so_far(), problem);
        }
        return exit_failed;
    }
    // The file list is done with (2M files: about 75 MB); the writer's phases need the memory.
    *inputs = InputList {};
    auto summary = writer->commit(
        [&](content::BuildPhase phase, std::int64_t, std::int64_t) { progress.phase(phase); });
    if (!summary) {
        // A manifest error lists every missing cable, one "file:line: ..." per line.
        print_error(summary.error());
        if (args.json) {
            print_build_json(args, tally, nullptr, checks, seconds_so_far(), summary.error().to_string());
        }
        return exit_failed;
    }
    const double seconds = seconds_so_far();
    std::fprintf(stderr,
        "built %s: %lld cables from %zu files in %.1f s (%.0f cables/s); %zu error(s), %zu warning(s)%s%s\n"
        "  references: %lld, %lld naming a cable in the pack, %lld possibly one, %lld FBIS press items\n"
        "  text %.1f MB, pack %.1f MB; content hash %s\n",
        args.out.c_str(), static_cast<long long>(summary->cables), tally.files, seconds,
        seconds > 0 ? static_cast<double>(summary->cables) / seconds : 0.0, errors, warnings,
        tally.unlisted > 0 ? " (--warnings lists the parser's)" : "",
        duplicates > 0 ? ("; " + std::to_string(duplicates) + " duplicate document(s) stored once").c_str()
                       : "",
        static_cast<long long>(summary->refs_total), static_cast<long long>(summary->refs_resolved),
        static_cast<long long>(summary->refs_possible), static_cast<long long>(summary->refs_fbis),
        static_cast<double>(summary->text_bytes) / 1e6, static_cast<double>(summary->pack_bytes) / 1e6,
        summary->content_hash.c_str());
    print_checks(checks);
    if (args.json) {
        print_build_json(args, tally, &*summary, checks, seconds, {});
    }
    return errors > 0 ? exit_failed : exit_ok;
}

} // namespace

void register_build(CLI::App& app, Runner& run)
{
    CLI::App* cmd = app.add_subcommand("build", "Build a content pack from cable files and a manifest");
    auto args = std::make_shared<BuildArgs>();
    cmd->add_option("SRC", args->sources, "Cable files, or folders searched recursively for cable files")
        ->required();
    cmd->add_option("--manifest", args->manifest, "The curator's collection.toml (without it: the archive)");
    cmd->add_option("--variants", args->variants,
        "Groups of forms search treats as one, one group a line (fibre, fiber); stored in the pack");
    cmd->add_option("--names-ja", args->names_ja,
        "Japanese names of origins and addressees: English form, tab, Japanese form (names_ja.tsv)");
    cmd->add_option("--readings-ja", args->readings_ja,
        "Kana readings of search terms for the Japanese keyboard: term, tab, hiragana (readings_ja.tsv)");
    cmd->add_option("--out", args->out, "The pack to write (replaced atomically)")->required();
    cmd->add_option("--sequence", args->sequence,
           "Release number, bound into the signature (verify --installed refuses a lower one)")
        ->check(CLI::Range(std::int64_t { 0 }, std::int64_t { 9007199254740991 }));
    cmd->add_flag(
        "--keep-going", args->keep_going, "Build the cables that could be read despite errors (exit 1)");
    cmd->add_flag("--warnings", args->warnings, "Also list parser warnings");
    cmd->add_flag("--strict", args->strict,
        "Make curation gaps (a missing translation, a cable in no section) errors that fail the build");
    cmd->add_flag(
        "--json", args->json, "Also print a summary as JSON on stdout (counts, warnings, content hash)");
    cmd->callback([&run, args] { run = [args] { return run_build(*args); }; });
}

} // namespace ck::cablepack
