#include "content/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace ck::content {

namespace {

std::string errno_text()
{
    return std::error_code(errno, std::generic_category()).message();
}

// Writes all of `bytes`, retrying short writes and interruptions.
bool write_all(int fd, std::string_view bytes)
{
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

Status sync_folder(const std::filesystem::path& folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return make_error("cannot open the folder to sync it: " + errno_text(), folder.string());
    }
    const int rc = ::fsync(fd);
    const int saved = errno;
    ::close(fd);
    if (rc != 0) {
        errno = saved;
        return make_error("cannot sync the folder: " + errno_text(), folder.string());
    }
    return {};
}

} // namespace

Status write_file_atomically(const std::filesystem::path& path, std::string_view bytes, unsigned mode)
{
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    // A dot name that node_exporter's textfile collector (which reads *.prom) skips.
    std::string tmp = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) {
        return make_error("cannot create a temporary file beside it: " + errno_text(), path.string());
    }
    auto fail = [&](const std::string& what) {
        const std::string text = what + ": " + errno_text();
        ::close(fd);
        ::unlink(tmp.c_str());
        return make_error(text, path.string());
    };
    if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) {
        return fail("cannot set the file's mode");
    }
    if (!write_all(fd, bytes)) {
        return fail("cannot write");
    }
    if (::fsync(fd) != 0) {
        return fail("cannot sync");
    }
    if (::close(fd) != 0) {
        ::unlink(tmp.c_str());
        return make_error("cannot close: " + errno_text(), path.string());
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string text = "cannot rename into place: " + errno_text();
        ::unlink(tmp.c_str());
        return make_error(text, path.string());
    }
    return sync_folder(folder);
}

} // namespace ck::content
