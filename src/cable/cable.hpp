// The normalized Cable: what every parser produces and every later layer reads. Plain data only;
// this folder is pure (no I/O beyond the bytes handed in, no third-party libraries).
#pragma once

#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck::cable {

// Where a document came from, as `cablepack parse` names it in its "format" key.
enum class SourceFormat { core, plusd, cablegate, bare, csv, crest, other };
std::string_view to_string(SourceFormat format);
std::optional<SourceFormat> source_format_from_string(std::string_view name);

// A date, and a time of day in UTC when a date-time group gave one.
struct CableDate {
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = -1; // -1: only the date is known
    int minute = -1;

    [[nodiscard]] bool has_time() const { return hour >= 0; }
    // "1977-07-07T21:38Z" with a time, "1977-07-07" without.
    [[nodiscard]] std::string iso() const;
    // Parses what iso() writes; nullopt for anything else.
    static std::optional<CableDate> from_iso(std::string_view text);
    friend auto operator<=>(const CableDate&, const CableDate&) = default;
};

// What a REF entry names: a cable, a press item of the Foreign Broadcast Information Service
// ("FBIS SK2403053393", not a cable), or something else (an e-mail, a memo, a document).
enum class ReferenceKind { cable, fbis, other };
std::string_view to_string(ReferenceKind kind);
std::optional<ReferenceKind> reference_kind_from_string(std::string_view name);

// One entry of a REF line, e.g. "A. 03 PANAMA 2201".
struct Reference {
    std::string label; // "A" in a lettered list, else empty
    std::string text; // the reference as written, label removed: "03 PANAMA 2201"; empty when
                      // only the source's metadata lists it (the cable itself does not say)
    // The cable it names, by strong evidence only: the year written in the entry, else the citing
    // cable's own year ("2003PANAMA2201" or "03PANAMA2201" style); else empty.
    std::string id;
    // Other ids the source page offers for this entry (PlusD reference lists): never a resolution,
    // at most "possibly" (see alternative_reason in refs.hpp).
    std::vector<std::string> alternatives;
    ReferenceKind kind = ReferenceKind::cable;
    friend bool operator==(const Reference&, const Reference&) = default;
};

// A numbered paragraph and its portion marking, e.g. "1. (C)" or "¶2. (S/NF)".
struct Paragraph {
    std::string number; // "1", "2", "A" as written; never empty
    std::string portion_mark; // "C", "S/NF", "SBU" without parentheses; empty when unmarked
    std::size_t line = 0; // 1-based line of display_text where the paragraph starts
    friend bool operator==(const Paragraph&, const Paragraph&) = default;
};

// A key/value pair of a CORE "Message Attributes" or PlusD metadata block, in source order.
struct Attribute {
    std::string key;
    std::string value;
    friend bool operator==(const Attribute&, const Attribute&) = default;
};

// How far a field can be trusted, so a curator knows which to check by hand. For the curator only
// (`cablepack parse` and `build`): the pack does not store it and the kiosk shows none of it.
enum class Confidence {
    source, // read as written from clean text or the source's metadata
    derived, // not written as such: worked out from other fields (a partial extract's sender from
             // the page's origin, a CIA cable's month and year from its TOT line)
    ocr, // read as written from OCR text that looks clean; OCR may still have changed a letter
    ocr_repaired, // OCR damage repaired by a rule of the format (digits in a DTG, a NARA record
                  // number, an index bracket)
    low, // read, but damaged: check by hand
};
std::string_view to_string(Confidence confidence); // "source", "derived", "ocr", "ocr-repaired", "low"

// One level per key field; a field that is empty has no level (cablepack reports it as missing).
struct FieldConfidence {
    Confidence id = Confidence::source;
    Confidence date = Confidence::source;
    Confidence from = Confidence::source;
    Confidence to = Confidence::source;
    Confidence classification = Confidence::source;
    Confidence subject = Confidence::source;
    Confidence tags = Confidence::source;
    Confidence refs = Confidence::source;
    friend bool operator==(const FieldConfidence&, const FieldConfidence&) = default;
};

struct Cable {
    // Identity, in the form the source uses: "1977STATE158046" (CORE/PlusD document number),
    // "08TOKYO1723" (cablegate era), "CIA-RDP80B01676R003100290016-2" (CREST), else the
    // document's own reference. Empty when the document names none.
    std::string id;

    std::optional<CableDate> date;
    std::string precedence; // "FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE", ... empty when unknown

    // Addressees with routing indicators, precedence words and serial numbers stripped.
    std::string from; // "SECSTATE WASHDC"
    std::vector<std::string> to; // ["AMEMBASSY TOKYO"]
    std::vector<std::string> info; // INFO addressees
    std::vector<std::string> excluded; // XMT: posts a collective TO/INFO address leaves out
    std::string origin; // the sending post in words: "Embassy Tokyo", "Secretary of State"

    std::string classification; // "SECRET", "CONFIDENTIAL", "LIMITED OFFICIAL USE", "UNCLASSIFIED"
    std::vector<std::string> caveats; // "NOFORN", "SIPDIS", "EXDIS", "SENSITIVE", ...
    std::string eo_line; // the whole E.O. line as written, normalized spacing
    std::string declassification; // its DECL part: "06/20/2018", "OADR", "UPON KOREAN REUNIFICATION"
    std::vector<std::string> tags; // "PREL", "OVIP (STEINBERG, JAMES B.)" (person tags whole)
    std::string subject; // continuation lines joined with single spaces
    std::vector<Reference> refs;
    std::string classified_by; // "Amb. J. Thomas Schieffer for reasons 1.4 b, d."
    std::vector<Paragraph> paragraphs;
    std::string signature; // "VANCE", "SCHIEFFER"
    std::vector<Attribute> attributes; // CORE / PlusD metadata block

    // The telegram as a reader should see it: original line and paragraph structure, web-page
    // chrome, transport envelopes and page-break furniture removed. Valid UTF-8, '\n' line ends.
    std::string display_text;

    SourceFormat format = SourceFormat::other;
    bool ocr = false; // text came from OCR of a scan; expect errors
    bool partial_extract = false; // the source says it holds only part of the cable

    std::string source_file; // as handed to the parser
    std::size_t source_line = 1; // 1-based line where this cable starts (CSV rows differ)

    FieldConfidence confidence; // for the curator; not stored in the pack
};

// A problem found while parsing, reported as "file:line: what is wrong".
struct Diagnostic {
    enum class Severity { warning, error };
    Severity severity = Severity::error;
    std::string file;
    std::size_t line = 0;
    std::string message;

    [[nodiscard]] std::string to_string() const;
};

struct ParseOutput {
    std::vector<Cable> cables;
    std::vector<Diagnostic> diagnostics;

    [[nodiscard]] bool has_errors() const;
};

} // namespace ck::cable
