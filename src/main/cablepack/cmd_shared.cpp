// Helpers shared by the pack commands.
#include "cablepack/cmd_shared.hpp"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <system_error>
#include <unistd.h>

namespace ck::cablepack {

namespace fs = std::filesystem;

void print_error(const ck::Error& error)
{
    print_error(error.where, error.message);
}

void print_error(std::string_view where, std::string_view message)
{
    if (where.empty()) {
        std::fprintf(stderr, "cablepack: %.*s\n", static_cast<int>(message.size()), message.data());
    } else {
        std::fprintf(stderr, "cablepack: %.*s: %.*s\n", static_cast<int>(where.size()), where.data(),
            static_cast<int>(message.size()), message.data());
    }
}

void print_json(const nlohmann::json& value)
{
    const bool terminal = ::isatty(STDOUT_FILENO) == 1;
    const std::string text
        = value.dump(terminal ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

ck::Result<std::string> read_input(const fs::path& path, std::uintmax_t max_bytes)
{
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        return ck::make_error("cannot read: no such file", path.string());
    }
    if (fs::is_directory(status)) {
        return ck::make_error("cannot read: is a folder", path.string());
    }
    const auto size = fs::file_size(path, ec);
    if (!ec && size > max_bytes) {
        return ck::make_error(
            "the file is " + std::to_string(size) + " bytes; the limit is " + std::to_string(max_bytes),
            path.string());
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return ck::make_error("cannot read: " + std::generic_category().message(errno), path.string());
    }
    std::string bytes(static_cast<std::size_t>(ec ? 0 : size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

ck::Status write_atomically(const fs::path& path, std::string_view text)
{
    const fs::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        if (!out.flush()) {
            return ck::make_error("cannot write", tmp.string());
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return ck::make_error("cannot write: " + ec.message(), path.string());
    }
    return {};
}

std::optional<YearRange> parse_year_range(std::string_view text)
{
    auto year = [](std::string_view s) -> std::optional<int> {
        int v = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc {} || end != s.data() + s.size() || v < 1 || v > 9999) {
            return std::nullopt;
        }
        return v;
    };
    YearRange r;
    const std::size_t dash = text.find('-');
    if (dash == std::string_view::npos) {
        r.from = year(text);
        r.to = r.from;
        return r.from ? std::optional<YearRange>(r) : std::nullopt;
    }
    const std::string_view a = text.substr(0, dash);
    const std::string_view b = text.substr(dash + 1);
    if (a.empty() && b.empty()) {
        return std::nullopt;
    }
    if (!a.empty() && !(r.from = year(a))) {
        return std::nullopt;
    }
    if (!b.empty() && !(r.to = year(b))) {
        return std::nullopt;
    }
    if (r.from && r.to && *r.from > *r.to) {
        return std::nullopt;
    }
    return r;
}

bool stderr_is_terminal()
{
    return ::isatty(STDERR_FILENO) == 1;
}

} // namespace ck::cablepack
