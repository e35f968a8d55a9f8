// Combines what a source's metadata states (page tables, CSV columns, attribute blocks) with what
// its telegram says, by one rule set: the telegram's DTG, banner, addressees and header fields win;
// metadata fills what the telegram lacks; the id a source states is kept as written. Pure.
#pragma once

#include "cable/cable.hpp"
#include "cable/cable_id.hpp"
#include "cable/telegram.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ck::cable {

struct Metadata {
    std::string id; // as the source states it
    std::optional<CableDate> date; // a metadata date: used only without a DTG, and only as a date
    std::string classification;
    std::vector<std::string> caveats;
    std::string origin; // "Embassy Tokyo"
    std::string subject;
    std::vector<std::string> tags;
    std::vector<Reference> refs; // used only when the telegram has no REF line
    std::vector<std::string> listed_reference_ids; // "References in this document to other cables"
    std::vector<Attribute> attributes;
    bool partial_extract = false;
    bool ocr = false;
};

// The cable from metadata and telegram; `era` decides the form of a derived id.
Cable build_cable(Metadata metadata, Telegram telegram, SourceFormat format, IdEra era);

// The year metadata implies for a DTG's century: the id's year, else the metadata date's.
int year_hint(const Metadata& metadata);

// Reads a classification value like "SECRET//NOFORN" into the metadata.
void set_metadata_classification(Metadata& metadata, std::string_view value);

} // namespace ck::cable
