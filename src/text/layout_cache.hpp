// An explicit LRU cache of layouts, keyed by a caller-given id plus everything that changes the
// result (width, style and size, wrap mode, line height, alignment, max lines), with hit and miss
// counters for the diagnostics screen. No font handles: it asks a FontSet to lay out on a miss.
#pragma once

#include "text/font_set.hpp"
#include "text/layout.hpp"

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ck::text {

struct LayoutCacheStats {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::uint64_t evictions = 0;
    std::size_t entries = 0;
    std::size_t bytes = 0;
};

struct LayoutCacheLimits {
    std::size_t max_entries = 256;
    std::size_t max_bytes = 24u << 20; // the most recent layout is kept even when it alone is bigger
};

class LayoutCache {
public:
    explicit LayoutCache(FontSet& fonts, LayoutCacheLimits limits = {});

    // The layout of `text` under `options`. `id` names the text ("cable:08TOKYO1723", "ui:home.title");
    // the same id must always name the same text (a different length is treated as a miss). An
    // empty id uses a hash of the text instead.
    std::shared_ptr<const Layout> get(
        std::string_view id, std::string_view text, const LayoutOptions& options);

    // The cached layout, or null, without laying anything out (counts neither hit nor miss).
    [[nodiscard]] std::shared_ptr<const Layout> peek(std::string_view id, const LayoutOptions& options) const;

    void clear();
    [[nodiscard]] LayoutCacheStats stats() const;

    // The id used for an empty id: a 64-bit FNV-1a hash of the text and its length.
    static std::string text_key(std::string_view text);

private:
    struct Key {
        std::string id;
        LayoutOptions options;
        friend bool operator==(const Key&, const Key&) = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& key) const;
    };
    struct Entry {
        Key key;
        std::shared_ptr<const Layout> layout;
        std::size_t bytes = 0;
    };
    using Lru = std::list<Entry>; // most recently used first

    void evict();

    FontSet& m_fonts;
    LayoutCacheLimits m_limits;
    Lru m_lru;
    std::unordered_map<Key, Lru::iterator, KeyHash> m_index;
    LayoutCacheStats m_stats;
};

} // namespace ck::text
