// The manifest's guided tours ([[tours]] with [[tours.stops]]), checked as the rest of the
// manifest is: every problem an Error citing its line. What needs the pack (whether a stop's
// cable and paragraph exist) is checked when the pack is written (writer_tours.cpp).
#include "content/manifest_reader.hpp"
#include "core/ascii.hpp"
#include "core/utf8.hpp"

#include <set>

namespace ck::content {

std::size_t count_words(std::string_view text)
{
    // A run between spaces is a word when it holds a letter or a digit: a dash standing alone
    // ("the casks -- and the seals") is not one.
    std::size_t words = 0;
    bool counted = false;
    for (const char c : text) {
        if (ascii::is_space(c)) {
            counted = false;
        } else if (!counted
            && (ascii::is_alpha(c) || ascii::is_digit(c) || static_cast<unsigned char>(c) >= 0x80)) {
            ++words;
            counted = true;
        }
    }
    return words;
}

std::size_t count_characters(std::string_view text)
{
    std::size_t chars = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = utf8::decode(text, pos);
        // Spaces, ideographic spaces and line breaks are layout, not writing.
        if (!(cp < 0x80 && ascii::is_space(static_cast<char>(cp))) && cp != U'\u3000') {
            ++chars;
        }
    }
    return chars;
}

namespace manifest_detail {
namespace {

// Every language the collection's title is written in must be in each tour text too: a visitor
// reading Japanese would otherwise meet an English note in the middle of a Japanese tour.
void require_languages(
    Reader& r, const Manifest& m, const LangText& text, const toml::node* node, const std::string& what)
{
    if (text.empty() || node == nullptr || node->as_table() == nullptr) {
        return; // missing altogether: lang_text has said so
    }
    const toml::node* en = node->as_table()->get("en");
    for (const auto& [lang, title] : m.title) {
        if (!text.contains(lang)) {
            r.fail(en != nullptr ? en : node,
                what + " has no translation '" + lang + "' (the collection is in '" + lang + "': write "
                    + lang + " as well)");
        }
    }
}

void check_note_length(Reader& r, const toml::node* note, const LangText& text, const std::string& what)
{
    const auto* table = note != nullptr ? note->as_table() : nullptr;
    if (table == nullptr) {
        return;
    }
    if (const auto it = text.find("en"); it != text.end()) {
        const std::size_t words = count_words(it->second);
        if (words < tour_note_min_words || words > tour_note_max_words) {
            r.fail(table->get("en"),
                "note.en of " + what + " has " + std::to_string(words) + " words: a curator's note has "
                    + std::to_string(tour_note_min_words) + " to " + std::to_string(tour_note_max_words)
                    + (words < tour_note_min_words ? " (too short)" : " (too long)"));
        }
    }
    if (const auto it = text.find("ja"); it != text.end()) {
        const std::size_t chars = count_characters(it->second);
        if (chars < tour_note_min_ja_chars || chars > tour_note_max_ja_chars) {
            r.fail(table->get("ja"),
                "note.ja of " + what + " has " + std::to_string(chars) + " characters: a Japanese note has "
                    + std::to_string(tour_note_min_ja_chars) + " to " + std::to_string(tour_note_max_ja_chars)
                    + (chars < tour_note_min_ja_chars ? " (too short)" : " (too long)"));
        }
    }
}

bool valid_paragraph(std::string_view number)
{
    if (number.empty() || number.size() > 8) {
        return false;
    }
    for (const char c : number) {
        if (!ascii::is_alpha(c) && !ascii::is_digit(c)) {
            return false;
        }
    }
    return true;
}

ManifestTourStop read_stop(Reader& r, const Manifest& m, const toml::table& table, const std::string& what)
{
    ManifestTourStop stop;
    stop.line = table.source().begin.line;
    r.only_keys(table, { "cable", "note", "paragraph" }, "[[tours.stops]]");
    if (const auto* cable = table.get("cable"); cable == nullptr) {
        r.fail_at(stop.line, what + " is missing required key 'cable'");
    } else {
        stop.cable = r.string(cable, "cable");
        stop.line = cable->source().begin.line;
    }
    const toml::node* note = table.get("note");
    stop.note = r.lang_text(note, stop.line, "note", true);
    require_languages(r, m, stop.note, note, "the note of " + what);
    check_note_length(r, note, stop.note, what);
    if (const auto* paragraph = table.get("paragraph"); paragraph != nullptr) {
        stop.paragraph_line = paragraph->source().begin.line;
        stop.paragraph = r.string(paragraph, "paragraph");
        if (!valid_paragraph(stop.paragraph)) {
            r.fail(paragraph,
                "paragraph '" + stop.paragraph
                    + "' must be a paragraph number as the cable writes it, such as \"3\"");
        }
    }
    return stop;
}

void read_stops(Reader& r, const Manifest& m, const toml::table& table, ManifestTour& tour)
{
    const std::string name = "tour '" + tour.id + "'";
    const toml::node* node = table.get("stops");
    const auto* array = node != nullptr ? node->as_array() : nullptr;
    if (node != nullptr && (array == nullptr || !array->is_array_of_tables())) {
        r.fail(node, name + ": 'stops' must be written as [[tours.stops]] tables");
        return;
    }
    if (array != nullptr) {
        for (const toml::node& stop : *array) {
            const std::string what = "stop " + std::to_string(tour.stops.size() + 1) + " of " + name;
            tour.stops.push_back(read_stop(r, m, *stop.as_table(), what));
        }
    }
    if (tour.stops.size() < tour_min_stops) {
        r.fail_at(tour.line,
            name + " has " + std::to_string(tour.stops.size()) + (tour.stops.size() == 1 ? " stop" : " stops")
                + ": a tour needs at least " + std::to_string(tour_min_stops) + " ([[tours.stops]])");
    } else if (tour.stops.size() > tour_max_stops) {
        r.fail_at(tour.line,
            name + " has " + std::to_string(tour.stops.size()) + " stops: a tour has at most "
                + std::to_string(tour_max_stops) + ", or a visitor will not finish it");
    }
}

} // namespace

void read_tours(Reader& r, const toml::table& root, Manifest& m)
{
    const auto* array = array_of_tables(r, root, "tours");
    if (array == nullptr) {
        return;
    }
    std::set<std::string> seen;
    for (const toml::node& node : *array) {
        const auto& table = *node.as_table();
        ManifestTour tour;
        tour.line = table.source().begin.line;
        r.only_keys(table, { "id", "title", "introduction", "stops" }, "[[tours]]");
        if (const auto* id = table.get("id"); id == nullptr) {
            r.fail_at(tour.line, "[[tours]] is missing required key 'id'");
        } else {
            tour.id = r.string(id, "id");
            tour.line = id->source().begin.line;
            if (!valid_slug(tour.id)) {
                r.fail(id, "tour id '" + tour.id + "' must be a slug of a-z, 0-9, '-' and '_'");
            } else if (!seen.insert(tour.id).second) {
                r.fail(id, "tour id '" + tour.id + "' is used twice");
            }
        }
        const std::string name = "tour '" + tour.id + "'";
        tour.title = r.lang_text(table.get("title"), tour.line, "title", true);
        require_languages(r, m, tour.title, table.get("title"), "the title of " + name);
        tour.introduction = r.lang_text(table.get("introduction"), tour.line, "introduction", true);
        require_languages(r, m, tour.introduction, table.get("introduction"), "the introduction of " + name);
        read_stops(r, m, table, tour);
        m.tours.push_back(std::move(tour));
    }
}

} // namespace manifest_detail
} // namespace ck::content
