// Checks of the curator's manifest (content_pack/collection.toml) against the corpus and the UI-key
// table of content_pack/README.md. Each check returns the problems it finds as sentences, so a test
// can assert both that the bundled exhibit has none and that a broken copy is caught. Test-only
// code: it reads the manifest with toml++ and the corpus through the Cable model, never through the
// content layer's manifest reader, so the two can be checked against each other.
#pragma once

#include "cable/cable.hpp"

#include <toml++/toml.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck::exhibit_test {

// Limits from issue 5. English texts are measured in words (runs of non-space characters);
// Japanese ones in code points, against ceilings about three times the English word limit, which
// is what a natural translation of these texts takes (a guard against absurd lengths, not a style
// rule).
inline constexpr std::size_t min_sections = 4;
inline constexpr std::size_t min_featured = 5;
inline constexpr std::size_t min_glossary_entries = 60;
inline constexpr std::size_t caption_min_words = 40;
inline constexpr std::size_t caption_max_words = 120;
inline constexpr std::size_t caption_max_chars_ja = 400;
inline constexpr std::size_t introduction_min_words = 100;
inline constexpr std::size_t introduction_max_words = 250;
inline constexpr std::size_t introduction_max_chars_ja = 800;
inline constexpr std::size_t definition_max_words = 40;
inline constexpr std::size_t definition_max_chars_ja = 120;
inline constexpr std::size_t teaser_max_words = 25;
inline constexpr std::size_t teaser_max_chars_ja = 70;

// One document of content_pack/cables as the manifest must name it.
struct CorpusCable {
    std::string name; // the id `cablepack parse` prints, else the file name without extension
    std::string file; // relative to content_pack/cables, e.g. "seeds/000_ee31729eca87852f.txt"
    std::vector<std::string> tags; // as the parser reports them, person tags whole
    std::optional<cable::CableDate> date;
};

using Problems = std::vector<std::string>;

// Words separated by any run of ASCII whitespace.
std::size_t word_count(std::string_view text);

// The TAGS code a tag carries: "PREL" -> "PREL", "OVIP (STEINBERG, JAMES B.)" and
// "OVIP CLINTON HILLARY" -> "OVIP". A bare person tag ("(KALOUDIS, NICK)", "KALOUDIS, NICK")
// carries none.
std::optional<std::string> tag_code(std::string_view tag);

// The keys of the README's "UI string keys" table, in table order.
std::vector<std::string> ui_keys_in_readme(std::string_view readme);

// Every human-readable text (collection, sections, featured, glossary) has non-empty en and ja.
Problems check_languages(const toml::table& manifest);
// At least min_sections sections, min_featured featured cables, min_glossary_entries entries.
Problems check_counts(const toml::table& manifest);
// Caption, introduction, teaser and definition lengths.
Problems check_lengths(const toml::table& manifest);
// Every corpus document is listed in at least one section.
Problems check_every_cable_in_a_section(const toml::table& manifest, const std::vector<CorpusCable>& corpus);
// Every cable a section or featured entry names is in the corpus.
Problems check_named_cables_exist(const toml::table& manifest, const std::vector<CorpusCable>& corpus);
// Every TAGS code of every corpus document has a glossary entry of kind "tag".
Problems check_tags_explained(const toml::table& manifest, const std::vector<CorpusCable>& corpus);
// Every key has a string in both languages, with the same {placeholders}.
Problems check_ui_strings(const toml::table& manifest, const std::vector<std::string>& keys);
// Within each section, cables are in date order (documents without a date are not compared).
Problems check_section_date_order(const toml::table& manifest, const std::vector<CorpusCable>& corpus);
// Section ids, glossary terms and featured cables are unique; no section lists a cable twice.
Problems check_uniqueness(const toml::table& manifest);

} // namespace ck::exhibit_test
