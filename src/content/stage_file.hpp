// Internal to src/content: where a build keeps parsed cables until it knows their date order. The
// encoded cables go to an append-only file beside the output; only a small key per cable (date,
// id, offset) stays in memory, so a build of millions of cables stays within a few hundred MB.
#pragma once

#include "cable/cable.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
    // 32 bytes a cable, plus its id's bytes and 8 bytes of the id index: 2M cables keep about
    // 110 MB here (an unordered_map and string_views cost about twice that).
    struct Key {
        std::int64_t date = 0; // sortable yyyymmddHHMM, INT64_MAX when unknown
        std::uint64_t offset = 0;
        std::uint32_t size = 0;
        std::uint32_t id_at = 0; // in m_arena, which is cut into blocks of arena_block_bytes
        std::uint16_t id_size = 0;
        bool id_from_file = false;
    };
    Status keep(std::string_view id, Key& key);
    [[nodiscard]] std::string_view id_of(const Key& key) const;
    // The index in m_keys of the cable staged under `id`.
    [[nodiscard]] std::optional<std::size_t> find(std::string_view id) const;
    void index(std::size_t key);
    Result<cable::Cable> read_at(const Key& key);

    std::filesystem::path m_path;
    int m_fd = -1;
    std::uint64_t m_end = 0;
    std::string m_buffer; // pending writes
    std::vector<std::unique_ptr<char[]>> m_arena; // ids, in blocks that never move
    std::size_t m_arena_used = 0; // in the last block
    std::deque<Key> m_keys; // grows in blocks: a vector's doubling held up to twice the keys at once
    // Open addressing by the id's hash: each slot holds a key's index + 1, or 0 when empty; kept at
    // most half full.
    std::vector<std::uint32_t> m_slots;
};

} // namespace ck::content
