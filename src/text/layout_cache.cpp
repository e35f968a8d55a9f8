// The layout cache: an LRU list with a hash index over views into the entries' own keys, bounded
// by entries and by bytes.
#include "text/layout_cache.hpp"

#include <functional>

namespace ck::text {

namespace {

std::size_t mix(std::size_t seed, std::size_t value)
{
    return seed ^ (value + 0x9e3779b97f4a7c15ull + (seed << 6) + (seed >> 2));
}

} // namespace

std::size_t LayoutCache::KeyHash::operator()(const KeyView& key) const
{
    const LayoutOptions& o = *key.options;
    std::size_t h = std::hash<std::string_view> {}(key.text);
    h = mix(h, std::hash<float> {}(o.max_width_px));
    h = mix(h, std::hash<float> {}(o.style.size_px));
    h = mix(h, static_cast<std::size_t>(o.style.family) * 16 + static_cast<std::size_t>(o.style.weight));
    h = mix(h, static_cast<std::size_t>(o.wrap) * 16 + static_cast<std::size_t>(o.align));
    h = mix(h, std::hash<float> {}(o.line_height));
    return mix(h, static_cast<std::size_t>(o.max_lines));
}

LayoutCache::LayoutCache(FontSet& fonts, LayoutCacheLimits limits)
    : m_fonts(fonts)
    , m_limits(limits)
{
}

std::shared_ptr<const Layout> LayoutCache::get(std::string_view text, const LayoutOptions& options)
{
    if (auto it = m_index.find(KeyView { text, &options }); it != m_index.end()) {
        ++m_stats.hits;
        m_lru.splice(m_lru.begin(), m_lru, it->second);
        return it->second->layout;
    }
    ++m_stats.misses;
    auto layout = std::make_shared<const Layout>(m_fonts.layout(text, options));
    const std::size_t bytes = layout->memory_bytes() + text.size() + sizeof(Entry);
    m_lru.push_front(Entry { std::string(text), options, layout, bytes });
    m_index.emplace(view_of(m_lru.front()), m_lru.begin());
    m_stats.bytes += bytes;
    evict();
    return layout;
}

std::shared_ptr<const Layout> LayoutCache::peek(std::string_view text, const LayoutOptions& options) const
{
    const auto it = m_index.find(KeyView { text, &options });
    return it == m_index.end() ? nullptr : it->second->layout;
}

void LayoutCache::evict()
{
    while (m_lru.size() > 1 && (m_lru.size() > m_limits.max_entries || m_stats.bytes > m_limits.max_bytes)) {
        const Entry& victim = m_lru.back();
        m_stats.bytes -= victim.bytes;
        m_index.erase(view_of(victim));
        m_lru.pop_back();
        ++m_stats.evictions;
    }
}

void LayoutCache::clear()
{
    m_index.clear();
    m_lru.clear();
    m_stats.bytes = 0;
}

LayoutCacheStats LayoutCache::stats() const
{
    LayoutCacheStats stats = m_stats;
    stats.entries = m_lru.size();
    return stats;
}

} // namespace ck::text
