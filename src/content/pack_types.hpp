// Plain values read from a pack: its metadata, its curation and its cables. No SQL types appear
// here, so screens and tests can build and compare these values freely.
#pragma once

#include "cable/cable.hpp"
#include "cable/refs.hpp"
#include "content/manifest.hpp"
#include "content/name_tables.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ck::content {

// The schema version this build reads and writes.
inline constexpr int pack_schema_version = 1;

struct PackInfo {
    std::string title; // the collection title in English
    std::int64_t sequence = 0; // monotonic release number; a kiosk refuses to go back
    int schema_version = 0;
    std::string content_hash; // BLAKE2b-256 hex of the cables and the manifest
    std::int64_t build_time = 0; // seconds since 1970 (SOURCE_DATE_EPOCH at build, else 0)
    std::string builder_version;
    std::int64_t cables = 0;
    bool archive = false; // built without a manifest: every cable, no curation
};

// A cable as a list shows it.
struct CableSummary {
    std::string id;
    std::string date; // CableDate::iso(), empty when unknown
    std::string subject;
    std::string classification;
    std::string from;
    std::string first_to;
    std::string origin;
    friend bool operator==(const CableSummary&, const CableSummary&) = default;
};

// An id the source page offers for a reference that is in this pack: "possibly" that cable.
struct PossibleTarget {
    std::string id; // the pack id
    cable::AlternativeReason reason = cable::AlternativeReason::different_year;
    friend bool operator==(const PossibleTarget&, const PossibleTarget&) = default;
};

struct ResolvedReference {
    cable::Reference ref;
    std::string target_id; // the pack id of the cable it names, empty when not in this pack
    std::vector<PossibleTarget> possibly; // offered alternatives that are in this pack
    [[nodiscard]] bool in_pack() const { return !target_id.empty(); }
};

// A cable with everything the reader screen shows.
struct CableRecord {
    cable::Cable cable; // cable.id is the pack id (the file stem when the document names none)
    bool id_from_file = false;
    std::vector<ResolvedReference> refs;
    std::vector<CableSummary> cited_by; // cables in the pack whose references name this one
};

struct YearCount {
    int year = 0;
    std::int64_t cables = 0;
    friend bool operator==(const YearCount&, const YearCount&) = default;
};

struct Section {
    std::string id;
    LangText title;
    LangText caption;
    std::vector<std::string> cables;
    // A decade of an archive pack (pack_generic.cpp) lists no cables, which may be hundreds of
    // thousands: its card shows these counts and opens the year screen at `first_year`.
    std::int64_t decade_cables = 0;
    int first_year = 0;
    int last_year = 0;
};

struct Featured {
    std::string cable;
    LangText teaser;
};

struct GlossaryTerm {
    std::string term;
    GlossaryKind kind = GlossaryKind::term;
    LangText definition;
};

struct TourStop {
    std::string cable;
    LangText note;
    std::string paragraph; // the paragraph number to open at; empty: the top
};

struct Tour {
    std::string id;
    LangText title;
    LangText introduction;
    std::vector<TourStop> stops;
};

struct Collection {
    LangText title;
    LangText introduction;
    LangText about;
    std::vector<Section> sections;
    std::vector<Featured> featured;
    std::vector<GlossaryTerm> glossary;
    std::vector<Tour> tours;
    std::map<std::string, std::map<std::string, std::string>> ui; // lang -> key -> text
    // Origins and addressees in other languages: name_key(English form) -> lang -> name. Each
    // form is also keyed as the kiosk words it ("AMEMBASSY TOKYO" also as "EMBASSY TOKYO").
    std::map<std::string, LangText> names;
    // The kana a Japanese visitor types for the terms search knows, one entry per reading.
    std::vector<TermReading> readings_ja;
};

struct RefCounts {
    std::int64_t total = 0;
    std::int64_t resolved = 0; // naming a cable in this pack (by strong evidence only)
    std::int64_t possible = 0; // not resolved, but the source offers an id that is in this pack
    std::int64_t fbis = 0; // FBIS press items, not cables
};

} // namespace ck::content
