// Internal to src/content: where a build keeps parsed cables until it knows their date order. The
// encoded cables go to an append-only file beside the output; only a small key per cable (date,
// id, offset) stays in memory, so a build of millions of cables stays within a few hundred MB.
#pragma once

#include "cable/cable.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ck::content {

class StageFile {
public:
    static Result<StageFile> create(const std::filesystem::path& path);
    ~StageFile();
    StageFile(StageFile&&) noexcept;
    StageFile& operator=(StageFile&&) noexcept;
    StageFile(const StageFile&) = delete;
    StageFile& operator=(const StageFile&) = delete;

    [[nodiscard]] bool contains(std::string_view id) const;
    // Appends a cable under `id`; the caller has checked that the id is new.
    Status append(std::string_view id, bool id_from_file, const cable::Cable& cable);
    // The cable staged under `id` (to name where a duplicate was first seen).
    Result<cable::Cable> read(std::string_view id);
    [[nodiscard]] std::size_t size() const;

    // Every staged cable in (date, id) order, unknown dates last. Reads by position, so the file
    // may be removed afterwards.
    Status for_each_in_order(const std::function<Status(cable::Cable&, bool id_from_file)>& fn);
    void close_and_remove();

private:
    StageFile() = default;
    struct Key {
        std::int64_t date = 0; // sortable yyyymmddHHMM, INT64_MAX when unknown
        std::string_view id; // in m_arena
        std::uint64_t offset = 0;
        std::uint32_t size = 0;
        bool id_from_file = false;
    };
    std::string_view keep(std::string_view id);
    Result<cable::Cable> read_at(const Key& key);

    std::filesystem::path m_path;
    int m_fd = -1;
    std::uint64_t m_end = 0;
    std::string m_buffer; // pending writes
    std::vector<std::unique_ptr<char[]>> m_arena; // ids, in blocks that never move
    std::size_t m_arena_used = 0;
    std::vector<Key> m_keys;
    std::unordered_map<std::string_view, std::uint32_t> m_by_id;
};

} // namespace ck::content
