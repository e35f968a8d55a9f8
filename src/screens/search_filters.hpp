// The search's filters as plain data: a year range (a decade, or one year inside it), a
// classification, an origin and a tag, each chosen by tapping a chip that shows how many cables
// it would leave. Filters narrow step by step: a group with a value chosen shows that value (tap
// it again to let it go) and, for a decade, the years inside it. Pure: no drawing, no pack.
#pragma once

#include "content/search.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck::screens {

enum class FilterGroup { years, classification, origin, tag };
inline constexpr FilterGroup filter_groups[]
    = { FilterGroup::years, FilterGroup::classification, FilterGroup::origin, FilterGroup::tag };

// Widget id of a group's button ("filter.years").
std::string group_id(FilterGroup group);
std::optional<FilterGroup> group_from_id(std::string_view id);

struct FilterChip {
    enum class Kind { decade, year, value };
    std::string id; // widget id: "chip:decade:1970", "chip:year:1977", "chip:origin:Embassy Tokyo"
    Kind kind = Kind::value;
    std::string value; // the facet value; for a decade its first year
    std::int64_t count = 0;
    bool selected = false;
};

class SearchFilters {
public:
    // Chips beyond this many per group would crowd the screen; the rest are reached by typing.
    static constexpr std::size_t max_value_chips = 12;

    void apply_to(content::SearchQuery& query) const;
    [[nodiscard]] bool any() const;
    void clear();

    // The group whose chips are open (one at a time), toggled by its button.
    [[nodiscard]] std::optional<FilterGroup> open_group() const { return m_open; }
    void toggle_group(FilterGroup group);
    void close_groups() { m_open.reset(); }

    // The chips of `group` under the current counts.
    [[nodiscard]] std::vector<FilterChip> chips(FilterGroup group, const content::Facets& facets) const;
    // Applies a tapped chip; true when a filter changed. Unknown ids change nothing.
    bool tap_chip(std::string_view chip_id);

    // Remembers the per-year counts while a decade is chosen, so its years stay listed after one
    // of them is chosen (counts under a one-year filter know only that year).
    void remember_years(const content::Facets& facets);

    // The chosen value of a group, empty when none ("1970", "CONFIDENTIAL", ...). For years:
    // `decade` tells a decade from a single year.
    [[nodiscard]] std::string chosen(FilterGroup group) const;
    [[nodiscard]] std::optional<int> decade() const { return m_decade; }
    [[nodiscard]] std::optional<int> year() const { return m_year; }

    void set_tag(std::string tag);

private:
    std::optional<int> m_decade; // first year of the chosen decade
    std::optional<int> m_year; // a year inside it
    std::string m_classification;
    std::string m_origin;
    std::string m_tag;
    std::optional<FilterGroup> m_open;
    std::vector<content::FacetCount> m_decade_years;
};

} // namespace ck::screens
