// Internal to src/content: how the thread graph keeps what it is given, each in as little memory
// as the 2M corpus allows (README, pack_bench: the build's writing phase is the graph's): the
// union-find, the cables' row numbers and what a thread needs of each cable, the missing ids, and
// the interned posts. thread_graph.cpp orders the components into threads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ck::content::threads::graph {

constexpr std::int64_t undated = std::numeric_limits<std::int64_t>::max();

// Node indexes are 32-bit: a pack holds far fewer than 4 billion cables and missing ids, and at 2M
// cables every byte a node costs is 2 MB of the build's peak.
using NodeId = std::uint32_t;

class UnionFind {
public:
    NodeId find(NodeId i)
    {
        while (m_parent[i] != i) {
            m_parent[i] = m_parent[m_parent[i]]; // path halving
            i = m_parent[i];
        }
        return i;
    }
    NodeId add()
    {
        m_parent.push_back(static_cast<NodeId>(m_parent.size()));
        return m_parent.back();
    }
    void join(NodeId a, NodeId b)
    {
        a = find(a);
        b = find(b);
        // The smaller index is the root, so a component's root is its first cable in pack order.
        if (a != b) {
            m_parent[std::max(a, b)] = std::min(a, b);
        }
    }
    [[nodiscard]] std::size_t size() const { return m_parent.size(); }

private:
    std::deque<NodeId> m_parent; // grows a block at a time: no moment with two copies
};

// What a thread needs of a cable, in 24 bytes: its time, and the parts of its reference key that
// place a missing step near it (the key itself is not kept: about 40 bytes a cable).
constexpr std::uint32_t no_post = std::numeric_limits<std::uint32_t>::max();
struct Node {
    std::int64_t time = undated;
    std::int64_t serial = 0;
    std::uint32_t post = no_post; // interned; no_post when the key has no (year, post, serial)
    std::int32_t year = 0;
};

// The index of a cable by its row number. The writer gives cables in row order, and its row
// numbers have no gaps, so nothing is kept but the first and the count; with gaps, the row numbers
// are listed (a binary search needs no memory of its own); any other order is looked up in a map.
class NodeIndex {
public:
    void add(std::int64_t num)
    {
        const auto i = static_cast<NodeId>(m_count);
        if (m_dense && (m_count == 0 || num == m_first + static_cast<std::int64_t>(m_count))) {
            m_first = m_count == 0 ? num : m_first;
            ++m_count;
            return;
        }
        if (m_dense) {
            m_dense = false;
            for (std::size_t k = 0; k < m_count; ++k) {
                m_nums.push_back(m_first + static_cast<std::int64_t>(k));
            }
        }
        if (m_sorted && num <= m_nums.back()) {
            m_sorted = false;
            for (std::size_t k = 0; k < m_nums.size(); ++k) {
                m_map.emplace(m_nums[k], static_cast<NodeId>(k));
            }
        }
        if (!m_sorted) {
            m_map.emplace(num, i);
        }
        m_nums.push_back(num);
        ++m_count;
    }
    [[nodiscard]] std::optional<NodeId> find(std::int64_t num) const
    {
        if (m_dense) {
            if (m_count == 0 || num < m_first || num - m_first >= static_cast<std::int64_t>(m_count)) {
                return std::nullopt;
            }
            return static_cast<NodeId>(num - m_first);
        }
        if (!m_sorted) {
            const auto it = m_map.find(num);
            return it == m_map.end() ? std::nullopt : std::optional(it->second);
        }
        const auto it = std::lower_bound(m_nums.begin(), m_nums.end(), num);
        if (it == m_nums.end() || *it != num) {
            return std::nullopt;
        }
        return static_cast<NodeId>(it - m_nums.begin());
    }
    [[nodiscard]] std::int64_t num(NodeId i) const
    {
        return m_dense ? m_first + static_cast<std::int64_t>(i) : m_nums[i];
    }

private:
    bool m_dense = true;
    std::int64_t m_first = 0;
    std::size_t m_count = 0;
    std::vector<std::int64_t> m_nums; // when not dense
    bool m_sorted = true;
    std::unordered_map<std::int64_t, NodeId> m_map; // when not sorted
};

// The missing ids, each once: as first cited and as its reference key, both in one block of text,
// found again through an open-addressing table of indexes. A map of strings cost about 150 bytes
// an id, and a large archive cites a missing id for about every other cable of its own.
class MissingIds {
public:
    struct Found {
        NodeId index = 0;
        bool added = false;
    };
    Found find_or_add(std::string_view key, std::string_view first_cited)
    {
        if ((m_entries.size() + 1) * 2 > m_slots.size()) {
            grow();
        }
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t at = std::hash<std::string_view> {}(key)&mask;; at = (at + 1) & mask) {
            if (m_slots[at] == 0) {
                const auto index = static_cast<NodeId>(m_entries.size());
                m_entries.push_back({ store(first_cited, key), static_cast<std::uint32_t>(first_cited.size()),
                    static_cast<std::uint32_t>(key.size()), undated });
                m_slots[at] = index + 1;
                return { index, true };
            }
            if (key_of(m_slots[at] - 1) == key) {
                return { m_slots[at] - 1, false };
            }
        }
    }
    [[nodiscard]] std::string_view id(NodeId i) const { return { m_entries[i].at, m_entries[i].id_size }; }
    [[nodiscard]] std::int64_t earliest_citer(NodeId i) const { return m_entries[i].earliest_citer; }
    void cited_by(NodeId i, std::int64_t time)
    {
        m_entries[i].earliest_citer = std::min(m_entries[i].earliest_citer, time);
    }
    // After the last link: the table is not needed to place the steps.
    void drop_index() { std::vector<NodeId>().swap(m_slots); }

private:
    struct Entry {
        const char* at = nullptr; // in a block of m_text: the id as first cited, then the key
        std::uint32_t id_size = 0;
        std::uint32_t key_size = 0;
        std::int64_t earliest_citer = undated;
    };
    [[nodiscard]] std::string_view key_of(NodeId i) const
    {
        return { m_entries[i].at + m_entries[i].id_size, m_entries[i].key_size };
    }
    void grow()
    {
        std::vector<NodeId> slots(std::max<std::size_t>(64, m_slots.size() * 2), 0);
        const std::size_t mask = slots.size() - 1;
        for (NodeId i = 0; i < m_entries.size(); ++i) {
            std::size_t at = std::hash<std::string_view> {}(key_of(i)) & mask;
            while (slots[at] != 0) {
                at = (at + 1) & mask;
            }
            slots[at] = i + 1;
        }
        m_slots = std::move(slots);
    }

    // The id and key side by side in the last block, a new block when they do not fit: text and
    // entries grow a block at a time, never copied whole (a doubling vector held one and a half
    // times itself while it moved).
    const char* store(std::string_view id, std::string_view key)
    {
        const std::size_t size = id.size() + key.size();
        if (m_text.empty() || m_text_used + size > text_block_bytes) {
            m_text.push_back(std::make_unique<char[]>(std::max(text_block_bytes, size)));
            m_text_used = 0;
        }
        char* at = m_text.back().get() + m_text_used;
        std::copy(id.begin(), id.end(), at);
        std::copy(key.begin(), key.end(), at + id.size());
        m_text_used += size;
        return at;
    }

    static constexpr std::size_t text_block_bytes = 1U << 20U;
    std::vector<std::unique_ptr<char[]>> m_text;
    std::size_t m_text_used = 0; // in the last block
    std::deque<Entry> m_entries;
    std::vector<NodeId> m_slots; // an entry's index + 1; 0 when empty
};

// The (year, post) a key names, with posts interned as numbers.
class Posts {
public:
    // The post's number, added when new.
    std::uint32_t intern(const std::string& post)
    {
        return m_ids.try_emplace(post, static_cast<std::uint32_t>(m_ids.size())).first->second;
    }
    // The post's number, or no_post when no cable of the pack names it.
    [[nodiscard]] std::uint32_t find(const std::string& post) const
    {
        const auto it = m_ids.find(post);
        return it == m_ids.end() ? no_post : it->second;
    }

private:
    std::unordered_map<std::string, std::uint32_t> m_ids;
};

} // namespace ck::content::threads::graph
