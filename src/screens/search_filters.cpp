// Decades come from the per-year facet counts, summed; facet values reach the query unchanged
// (the pack matches them exactly), so a chip can never ask for something the pack cannot answer.
#include "screens/search_filters.hpp"

#include <algorithm>
#include <charconv>
#include <map>

namespace ck::screens {
namespace {

constexpr std::string_view decade_prefix = "chip:decade:";
constexpr std::string_view year_prefix = "chip:year:";
constexpr std::string_view classification_prefix = "chip:classification:";
constexpr std::string_view origin_prefix = "chip:origin:";
constexpr std::string_view tag_prefix = "chip:tag:";

std::optional<int> parse_int(std::string_view s)
{
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) {
        return std::nullopt;
    }
    return v;
}

int decade_of(int year)
{
    return year - (((year % 10) + 10) % 10);
}

std::vector<FilterChip> value_chips(std::string_view prefix, const std::vector<content::FacetCount>& counts,
    const std::string& chosen, std::size_t limit)
{
    std::vector<FilterChip> out;
    if (!chosen.empty()) {
        // Narrowing step by step: the chosen value alone, to be let go.
        std::int64_t n = 0;
        for (const content::FacetCount& c : counts) {
            if (c.value == chosen) {
                n = c.count;
            }
        }
        out.push_back({ std::string(prefix) + chosen, FilterChip::Kind::value, chosen, n, true });
        return out;
    }
    for (const content::FacetCount& c : counts) {
        if (out.size() >= limit) {
            break;
        }
        if (c.count > 0 && !c.value.empty()) {
            out.push_back(
                { std::string(prefix) + c.value, FilterChip::Kind::value, c.value, c.count, false });
        }
    }
    return out;
}

} // namespace

std::string group_id(FilterGroup group)
{
    switch (group) {
    case FilterGroup::years:
        return "filter.years";
    case FilterGroup::classification:
        return "filter.classification";
    case FilterGroup::origin:
        return "filter.origin";
    case FilterGroup::tag:
        return "filter.tag";
    }
    return "filter";
}

std::optional<FilterGroup> group_from_id(std::string_view id)
{
    for (const FilterGroup g : filter_groups) {
        if (group_id(g) == id) {
            return g;
        }
    }
    return std::nullopt;
}

void SearchFilters::apply_to(content::SearchQuery& query) const
{
    if (m_year) {
        query.year_from = *m_year;
        query.year_to = *m_year;
    } else if (m_decade) {
        query.year_from = *m_decade;
        query.year_to = *m_decade + 9;
    }
    query.classification = m_classification;
    query.origin = m_origin;
    query.tag = m_tag;
}

bool SearchFilters::any() const
{
    return m_decade || m_year || !m_classification.empty() || !m_origin.empty() || !m_tag.empty();
}

void SearchFilters::clear()
{
    m_decade.reset();
    m_year.reset();
    m_classification.clear();
    m_origin.clear();
    m_tag.clear();
    m_open.reset();
    m_decade_years.clear();
}

void SearchFilters::toggle_group(FilterGroup group)
{
    m_open = m_open == group ? std::nullopt : std::optional<FilterGroup>(group);
}

void SearchFilters::set_tag(std::string tag)
{
    m_tag = std::move(tag);
}

std::string SearchFilters::chosen(FilterGroup group) const
{
    switch (group) {
    case FilterGroup::years:
        return m_year ? std::to_string(*m_year) : m_decade ? std::to_string(*m_decade) : std::string();
    case FilterGroup::classification:
        return m_classification;
    case FilterGroup::origin:
        return m_origin;
    case FilterGroup::tag:
        return m_tag;
    }
    return {};
}

void SearchFilters::remember_years(const content::Facets& facets)
{
    if (m_decade && !m_year) {
        m_decade_years = facets.year;
    }
}

std::vector<FilterChip> SearchFilters::chips(FilterGroup group, const content::Facets& facets) const
{
    switch (group) {
    case FilterGroup::years: {
        std::map<int, std::int64_t> decades;
        for (const content::FacetCount& c : facets.year) {
            if (const auto y = parse_int(c.value); y && c.count > 0) {
                decades[decade_of(*y)] += c.count;
            }
        }
        std::vector<FilterChip> out;
        if (m_decade) {
            const std::int64_t n = decades.contains(*m_decade) ? decades[*m_decade] : 0;
            out.push_back({ std::string(decade_prefix) + std::to_string(*m_decade), FilterChip::Kind::decade,
                std::to_string(*m_decade), m_year ? 0 : n, true });
            const auto& years = m_year && !m_decade_years.empty() ? m_decade_years : facets.year;
            for (const content::FacetCount& c : years) {
                const auto y = parse_int(c.value);
                if (y && decade_of(*y) == *m_decade && c.count > 0) {
                    out.push_back({ std::string(year_prefix) + c.value, FilterChip::Kind::year, c.value,
                        c.count, m_year == *y });
                }
            }
            return out;
        }
        for (const auto& [decade, n] : decades) {
            out.push_back({ std::string(decade_prefix) + std::to_string(decade), FilterChip::Kind::decade,
                std::to_string(decade), n, false });
        }
        return out;
    }
    case FilterGroup::classification:
        return value_chips(classification_prefix, facets.classification, m_classification, max_value_chips);
    case FilterGroup::origin:
        return value_chips(origin_prefix, facets.origin, m_origin, max_value_chips);
    case FilterGroup::tag:
        return value_chips(tag_prefix, facets.tag, m_tag, max_value_chips);
    }
    return {};
}

bool SearchFilters::tap_chip(std::string_view id)
{
    const auto toggle = [](std::string& field, std::string_view value) {
        field = field == value ? std::string() : std::string(value);
        return true;
    };
    if (id.starts_with(decade_prefix)) {
        const auto d = parse_int(id.substr(decade_prefix.size()));
        if (!d) {
            return false;
        }
        if (m_decade == *d) {
            // Tapping the chosen decade lets the year range go entirely.
            m_decade.reset();
            m_year.reset();
            m_decade_years.clear();
        } else {
            m_decade = decade_of(*d);
            m_year.reset();
            m_decade_years.clear();
        }
        return true;
    }
    if (id.starts_with(year_prefix)) {
        const auto y = parse_int(id.substr(year_prefix.size()));
        if (!y) {
            return false;
        }
        m_decade = decade_of(*y);
        m_year = m_year == *y ? std::nullopt : std::optional<int>(*y);
        return true;
    }
    if (id.starts_with(classification_prefix)) {
        return toggle(m_classification, id.substr(classification_prefix.size()));
    }
    if (id.starts_with(origin_prefix)) {
        return toggle(m_origin, id.substr(origin_prefix.size()));
    }
    if (id.starts_with(tag_prefix)) {
        return toggle(m_tag, id.substr(tag_prefix.size()));
    }
    return false;
}

} // namespace ck::screens
