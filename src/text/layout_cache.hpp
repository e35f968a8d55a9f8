// An explicit LRU cache of layouts, keyed by what determines a layout: the text itself and every
// option that changes the result (width, style and size, wrap mode, line height, alignment, max
// lines). Hit and miss counters feed the diagnostics screen. No font handles: it asks a FontSet
// to lay out on a miss.
//
// The key holds the text, not a caller's name for it: a name ("year.heading") can stand for
// another text on the next frame, and a cache keyed on names draws the old text (the year screen
// once showed "2009" over the cables of 2008). A hit compares the whole text, so no hash
// collision can serve a wrong layout either.
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

    // The layout of `text` under `options`, laid out on a miss.
    std::shared_ptr<const Layout> get(std::string_view text, const LayoutOptions& options);

    // The cached layout, or null, without laying anything out (counts neither hit nor miss).
    [[nodiscard]] std::shared_ptr<const Layout> peek(
        std::string_view text, const LayoutOptions& options) const;

    void clear();
    [[nodiscard]] LayoutCacheStats stats() const;

private:
    // The text is owned by the entry; lookups use a view of the caller's text, so a hit
    // allocates nothing.
    struct KeyView {
        std::string_view text;
        const LayoutOptions* options;
    };
    struct KeyHash {
        std::size_t operator()(const KeyView& key) const;
    };
    struct KeyEqual {
        bool operator()(const KeyView& a, const KeyView& b) const
        {
            return a.text == b.text && *a.options == *b.options;
        }
    };
    struct Entry {
        std::string text;
        LayoutOptions options;
        std::shared_ptr<const Layout> layout;
        std::size_t bytes = 0;
    };
    using Lru = std::list<Entry>; // most recently used first; list nodes never move, so views stay valid

    void evict();
    static KeyView view_of(const Entry& entry) { return { entry.text, &entry.options }; }

    FontSet& m_fonts;
    LayoutCacheLimits m_limits;
    Lru m_lru;
    std::unordered_map<KeyView, Lru::iterator, KeyHash, KeyEqual> m_index;
    LayoutCacheStats m_stats;
};

} // namespace ck::text
