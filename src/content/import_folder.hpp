// The import folder as the kiosk watches it (issue 12): pack pairs to import, everything else with
// the reason it is ignored, each reported once while it stays the same file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ck::content {

// The import folder as the kiosk watches it. poll() returns what appeared or changed since the
// last call: pack pairs to import, and everything else with the reason it is ignored. An entry is
// reported once for as long as it stays the same file (name, inode, size, modification time), so
// nothing refused or ignored is retried in a loop.
class ImportFolder {
public:
    explicit ImportFolder(std::filesystem::path dir);
    struct Entry {
        std::filesystem::path path;
        std::string ignored; // empty: a pack pair to import
    };
    // `free_bytes`: room in the state folder; a pack bigger than it is ignored. Half a pair (a
    // signature without its pack, or a pack without its signature) is reported only on a later
    // poll that still finds it alone: the other half may still be on its way.
    std::vector<Entry> poll(std::uint64_t free_bytes);
    [[nodiscard]] const std::filesystem::path& dir() const { return m_dir; }

private:
    std::filesystem::path m_dir;
    std::vector<std::string> m_seen; // identities reported already
    std::vector<std::string> m_waiting; // half a pair, seen once: reported if a later look still sees it
};

} // namespace ck::content
