// Finds the glossary's terms in a cable's text so the reader can make them tappable. Pure: the
// glossary comes in as plain values, the answer is byte ranges; no layout, no drawing.
//
// The rules, from what the terms are:
// - A term matches as a whole word: the characters beside it are not letters or digits.
// - A code written in capitals (GOJ, FONMIN, REFTEL, E.O.) matches only as written: "Reftel" in a
//   mixed-case cable is the same word, but "us", "it" and "info" are not US, IT and INFO.
//   A phrase (LIMITED OFFICIAL USE, SIX-PARTY TALKS) or a term written with small letters
//   (PlusD) matches in any case: phrases are written in the cable's own case.
// - Words of a phrase may be separated by any run of spaces or one line break.
// - A TAGS code (kind tag) is a tag only on the TAGS line: in running text MASS, PINS, US and
//   IT are ordinary words.
// - At one place the longest term wins, and matches do not overlap.
#pragma once

#include "content/pack_types.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ck::screens::reader {

struct TermMatch {
    std::uint32_t begin = 0; // byte range in the text
    std::uint32_t end = 0;
    std::uint32_t term = 0; // index into the glossary given to the finder
    friend bool operator==(const TermMatch&, const TermMatch&) = default;
};

class TermFinder {
public:
    explicit TermFinder(const std::vector<content::GlossaryTerm>& glossary);

    // Every match in `text`, in text order. `limit` caps the count for absurd inputs (a 50 MB
    // cable); matching stops there.
    [[nodiscard]] std::vector<TermMatch> find(std::string_view text, std::size_t limit = 20'000) const;

private:
    struct Entry {
        std::string term;
        std::uint32_t index = 0;
        bool any_case = false;
        bool tag = false;
        // A parenthesised marking such as "(C)": a portion marking only where one can stand (see
        // reader_terms.cpp), never a list letter in a REF block or a letter in running text.
        bool marking = false;
    };

    // The length matched at `pos`, or 0.
    [[nodiscard]] std::size_t match_at(std::string_view text, std::size_t pos, const Entry& e) const;

    // Entries by their first byte (folded to upper case for entries that match in any case),
    // longest first, so each position tries only a few.
    std::vector<std::vector<Entry>> m_by_first;
};

// The byte ranges of the TAGS line(s) in a display text: the line that starts with a TAGS label
// (TAGS:, TAGS, Tags:) and the lines that continue it, up to the next label or blank line.
std::vector<std::pair<std::size_t, std::size_t>> tags_lines(std::string_view text);
// The byte ranges of REF blocks: a REF label's line and the lines of its list, to the blank line,
// numbered paragraph or next label that ends it. A "(C)" there is a list letter, not a marking.
std::vector<std::pair<std::size_t, std::size_t>> ref_blocks(std::string_view text);

} // namespace ck::screens::reader
