// The curator's manifest (content_pack/collection.toml, format_version 1; content_pack/README.md
// fixes the format): sections, captions, featured cables, glossary and UI strings per language.
// Read with toml++ behind this header, which exposes plain structs only.
#pragma once

#include "core/result.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ck::content {

// A human-readable text in several languages: language code -> text. "en" is always present.
using LangText = std::map<std::string, std::string>;

// The text for `lang`, else the English text, else empty.
std::string pick(const LangText& text, std::string_view lang);

struct ManifestSection {
    std::string id; // stable slug
    LangText title;
    LangText caption;
    std::vector<std::string> cables; // cable ids in display order
    std::vector<std::size_t> cable_lines; // the manifest line of each id, for errors
    std::size_t line = 0;
};

struct ManifestFeatured {
    std::string cable;
    LangText teaser;
    std::size_t line = 0;
};

enum class GlossaryKind { tag, term };
std::string_view to_string(GlossaryKind kind);

struct ManifestGlossaryEntry {
    std::string term;
    GlossaryKind kind = GlossaryKind::term;
    LangText definition;
    // Other forms of the term that search treats as the term (`also = ["Government of Japan"]`),
    // a group of the variants list (variants.hpp).
    std::vector<std::string> also;
    std::size_t line = 0;
};

// A guided tour (content_pack/README.md, "How a curator writes a tour"): an ordered walk through
// cables, each stop with the curator's note and optionally the paragraph to open at.
struct ManifestTourStop {
    std::string cable;
    LangText note;
    std::string paragraph; // as the cable numbers it ("3"); empty: the top of the cable
    std::size_t line = 0; // of the stop's `cable` key (its table when that is missing)
    std::size_t paragraph_line = 0;
};

struct ManifestTour {
    std::string id; // stable slug
    LangText title;
    LangText introduction;
    std::vector<ManifestTourStop> stops;
    std::size_t line = 0;
};

// How long a curator's note may be. English counts words; Japanese is written without spaces, so
// it counts characters: a Japanese rendering of an English sentence runs about two to three
// characters per English word, hence 80 to 240 characters for 40 to 80 words. Other languages
// are not checked for length.
inline constexpr std::size_t tour_note_min_words = 40;
inline constexpr std::size_t tour_note_max_words = 80;
inline constexpr std::size_t tour_note_min_ja_chars = 80;
inline constexpr std::size_t tour_note_max_ja_chars = 240;
inline constexpr std::size_t tour_min_stops = 2;
inline constexpr std::size_t tour_max_stops = 12;

// Words of English text (runs between spaces holding a letter or digit), and characters of
// Japanese text (code points that are not spaces), as the note lengths are checked.
std::size_t count_words(std::string_view text);
std::size_t count_characters(std::string_view text);

// What the curator says of one cable (`[[cables]]`): its public page, when the rules that read
// SOURCES.tsv (permalink.hpp) give none or the wrong one.
struct ManifestCable {
    std::string id;
    std::string permalink; // https only; overrides the source's
    std::size_t line = 0;
};

struct Manifest {
    std::string file; // as named in errors
    LangText title;
    LangText introduction;
    LangText about;
    std::vector<ManifestSection> sections;
    std::vector<ManifestFeatured> featured;
    std::vector<ManifestGlossaryEntry> glossary;
    std::vector<ManifestTour> tours;
    std::vector<ManifestCable> cables;
    std::map<std::string, std::map<std::string, std::string>> ui; // lang -> key -> text
    std::size_t collection_line = 0; // of [collection]
    std::map<std::string, std::size_t> ui_lines; // lang -> line of [ui.LANG]
};

inline constexpr std::size_t manifest_max_bytes = 4U << 20U;
inline constexpr std::size_t manifest_max_text_bytes = 64U << 10U;

// Parses and validates a manifest. Every problem is an Error whose `where` is "file:line"; the
// first is returned, and all of them are appended to `problems` when it is given.
Result<Manifest> parse_manifest(
    std::string_view text, const std::string& file_name, std::vector<Error>* problems = nullptr);
Result<Manifest> read_manifest(const std::filesystem::path& path, std::vector<Error>* problems = nullptr);

// What a visitor would see in English on a screen in another language: every text of the manifest
// (title, introduction, about, section titles and captions, featured teasers, glossary
// definitions, UI strings) that has some language of the manifest but not another. One Error per
// gap, `where` = "file:line". The languages are those of [ui.*] and of the title.
std::vector<Error> translation_gaps(const Manifest& manifest);

} // namespace ck::content
