// The import folder as the kiosk watches it: which entries are pack pairs, why the others are
// ignored, and each reported once for as long as it stays the same file.
#include "content/import_folder.hpp"

#include "content/verify.hpp"

#include <algorithm>
#include <sstream>
#include <sys/stat.h>
#include <system_error>

namespace ck::content {

namespace fs = std::filesystem;

ImportFolder::ImportFolder(fs::path dir)
    : m_dir(std::move(dir))
{
}

namespace {

bool ends_with(const std::string& s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Why `path` is not a pack pair to import, else empty.
std::string why_ignored(const fs::path& dir, const fs::path& path, std::uint64_t free_bytes)
{
    std::error_code ec;
    const std::string n = path.filename().string();
    const auto link = fs::symlink_status(path, ec);
    if (fs::is_symlink(link)) {
        const fs::path target = fs::weakly_canonical(path, ec);
        const fs::path base = fs::weakly_canonical(dir, ec);
        const auto rel = target.lexically_relative(base);
        if (rel.empty() || rel.native().rfind("..", 0) == 0) {
            return "a link pointing out of the import folder";
        }
    }
    const auto st = fs::status(path, ec);
    if (fs::is_directory(st)) {
        return "a folder";
    }
    if (!fs::is_regular_file(st)) {
        return "not a regular file";
    }
    if (ends_with(n, ".ckpack.minisig")) {
        return fs::exists(fs::path(path.string().substr(0, path.string().size() - 8)), ec)
            ? ""
            : "a signature with no pack";
    }
    if (!ends_with(n, ".ckpack")) {
        return "not a pack (the kiosk imports NAME.ckpack with NAME.ckpack.minisig beside it)";
    }
    const auto size = fs::file_size(path, ec);
    if (size == 0) {
        return "empty (0 bytes)";
    }
    if (size > free_bytes) {
        return "bigger (" + std::to_string((size + (1U << 19U)) >> 20U)
            + " MiB) than the free space on the kiosk (" + std::to_string((free_bytes + (1U << 19U)) >> 20U)
            + " MiB)";
    }
    if (!fs::is_regular_file(signature_path_for(path), ec)) {
        return "has no signature (" + n + ".minisig) beside it";
    }
    return "";
}

std::string identity_key(const fs::path& path)
{
    struct stat st { };
    if (::stat(path.c_str(), &st) != 0) {
        ::lstat(path.c_str(), &st);
    }
    std::ostringstream key;
    key << path.filename().string() << '\t' << st.st_dev << ':' << st.st_ino << ':' << st.st_size << ':'
        << st.st_mtim.tv_sec << '.' << st.st_mtim.tv_nsec;
    // The signature is part of the pair: a new signature beside the same pack is a new pair.
    struct stat sig { };
    if (::stat(signature_path_for(path).c_str(), &sig) == 0) {
        key << '\t' << sig.st_ino << ':' << sig.st_size << ':' << sig.st_mtim.tv_sec << '.'
            << sig.st_mtim.tv_nsec;
    }
    return key.str();
}

} // namespace

std::vector<ImportFolder::Entry> ImportFolder::poll(std::uint64_t free_bytes)
{
    std::vector<Entry> found;
    std::vector<std::string> now;
    std::vector<std::string> waiting;
    std::error_code ec;
    std::vector<fs::path> names;
    for (const auto& entry : fs::directory_iterator(m_dir, ec)) {
        names.push_back(entry.path());
    }
    std::sort(names.begin(), names.end());
    for (const auto& path : names) {
        const std::string n = path.filename().string();
        // A writer's temporary name (the fetcher's, rsync's): it becomes a pack when renamed.
        if (!n.empty() && n.front() == '.') {
            continue;
        }
        const std::string reason = why_ignored(m_dir, path, free_bytes);
        if (reason.empty() && ends_with(n, ".minisig")) {
            continue; // the signature of a pack listed on its own
        }
        const std::string key = identity_key(path);
        // Half of a pair may be still on its way (a copy writes one file, then the other): a
        // missing half is reported only when a later look still misses it.
        const bool half = reason == "a signature with no pack" || reason.rfind("has no signature", 0) == 0;
        if (half && std::find(m_waiting.begin(), m_waiting.end(), key) == m_waiting.end()) {
            waiting.push_back(key);
            continue;
        }
        now.push_back(key);
        if (std::find(m_seen.begin(), m_seen.end(), key) == m_seen.end()) {
            found.push_back({ path, reason });
        }
    }
    m_seen = std::move(now);
    m_waiting = std::move(waiting);
    return found;
}

} // namespace ck::content
