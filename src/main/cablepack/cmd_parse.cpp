// `cablepack parse FILE... [--keep-going] [--display-text]`: JSON Lines on stdout, one object per
// cable; every problem on stderr as "file:line: error: ..." or "file:line: warning: ...". Line 0
// means the file as a whole (it could not be read, is empty, too large or not text).
//
// Exit codes: 0 every file parsed; 1 some input could not be parsed; 2 usage. Without
// --keep-going the command stops at the first file with an error and prints none of that file's
// cables (so the output holds only fully parsed files); with --keep-going it prints every cable it
// could read, from every file, and still exits 1.
#include "cable/limits.hpp"
#include "cable/parse.hpp"
#include "cablepack/cable_json.hpp"
#include "cablepack/commands.hpp"
#include "core/result.hpp"

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

namespace ck::cablepack {
namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// The file's bytes, or the reason it cannot be read.
ck::Result<std::string> read_file(const std::string& path)
{
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec) {
        return ck::make_error("cannot read: " + ec.message());
    }
    if (std::filesystem::is_directory(status)) {
        return ck::make_error("cannot read: is a directory");
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > ck::cable::limits::max_input_bytes) {
        return ck::make_error("the file is " + std::to_string(size) + " bytes; files over "
            + std::to_string(ck::cable::limits::max_input_bytes) + " bytes are not parsed");
    }
    const FilePtr file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        return ck::make_error("cannot read: " + std::generic_category().message(errno));
    }
    std::string bytes;
    std::vector<char> buffer(64 * 1024);
    while (true) {
        const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file.get());
        bytes.append(buffer.data(), n);
        if (bytes.size() > ck::cable::limits::max_input_bytes) {
            return ck::make_error("the file is over " + std::to_string(ck::cable::limits::max_input_bytes)
                + " bytes; it is not parsed");
        }
        if (n < buffer.size()) {
            break;
        }
    }
    if (std::ferror(file.get()) != 0) {
        return ck::make_error("cannot read: " + std::generic_category().message(errno));
    }
    return bytes;
}

void print_diagnostic(const ck::cable::Diagnostic& d)
{
    const char* kind = d.severity == ck::cable::Diagnostic::Severity::error ? "error" : "warning";
    std::fprintf(stderr, "%s:%zu: %s: %s\n", d.file.c_str(), d.line, kind, d.message.c_str());
}

int run_parse(const std::vector<std::string>& files, bool keep_going, JsonText text)
{
    int status = exit_ok;
    for (const std::string& path : files) {
        ck::cable::ParseOutput parsed;
        if (auto bytes = read_file(path)) {
            parsed = ck::cable::parse(*bytes, path);
        } else {
            parsed.diagnostics.push_back(ck::cable::Diagnostic {
                ck::cable::Diagnostic::Severity::error, path, 0, bytes.error().message });
        }
        for (const ck::cable::Diagnostic& d : parsed.diagnostics) {
            print_diagnostic(d);
        }
        const bool failed = parsed.has_errors();
        if (failed) {
            status = exit_failed;
            if (!keep_going) {
                return status;
            }
        }
        for (const ck::cable::Cable& c : parsed.cables) {
            const std::string line = to_json_line(cable_to_json(c, text));
            std::fwrite(line.data(), 1, line.size(), stdout);
            std::fputc('\n', stdout);
        }
        std::fflush(stdout);
    }
    return status;
}

} // namespace

void register_parse(CLI::App& app, Runner& run)
{
    CLI::App* cmd
        = app.add_subcommand("parse", "Parse cable files; print one JSON object per cable (JSON Lines)");
    auto files = std::make_shared<std::vector<std::string>>();
    auto keep_going = std::make_shared<bool>(false);
    auto display_text = std::make_shared<bool>(false);
    cmd->add_option("FILE", *files, "Cable files: pages, bare telegrams, cablegate CSV, CREST or NARA OCR")
        ->required();
    cmd->add_flag("--keep-going", *keep_going,
        "After a file that cannot be parsed, go on with the rest (the exit code is still 1)");
    cmd->add_flag("--display-text", *display_text, "Also print each cable's display text");
    cmd->callback([&run, files, keep_going, display_text] {
        run = [files, keep_going, display_text] {
            return run_parse(*files, *keep_going, *display_text ? JsonText::include : JsonText::omit);
        };
    });
}

} // namespace ck::cablepack
