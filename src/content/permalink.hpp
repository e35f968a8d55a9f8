// Where a visitor can read a document on the public web: the rule table that turns a line of a
// folder's SOURCES.tsv (its provenance) into the document's public page, for the QR code the
// reader shows. Pure: standard library only, no network. content_pack/README.md lists the rules.
#pragma once

#include "core/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck::content {

// One line of SOURCES.tsv (file, source, format, doc_id, date, classification, subject,
// nara_record), the columns the rules read.
struct SourceRow {
    std::string file;
    std::string source;
    std::string format;
    std::string doc_id;
    std::string nara_record;
    std::size_t line = 0;
};

// Which rule gave a permalink, for `cablepack inspect` and the tests.
enum class PermalinkRule { explicit_url, plusd, cia_reading_room, nara_jfk_2025, none };
std::string_view to_string(PermalinkRule rule);

struct Permalink {
    std::string url; // empty with PermalinkRule::none
    PermalinkRule rule = PermalinkRule::none;
};

// The public page of the document a SOURCES.tsv line describes, by the first rule that applies:
//  1. a seed document ("seed document: ...") has none;
//  2. an explicit "(mirror of URL)" or "(saved URL)" naming a public page (a cablegate page
//     https://cablegate.wikileaks.org/cable/YYYY/MM/ID.html, a PlusD page
//     https://wikileaks.org/plusd/cables/ID_x.html) is that page;
//  3. a CIA CREST document (doc_id CIA-RDP...) is its reading-room page,
//     https://www.cia.gov/readingroom/document/<doc id in lower case>;
//  4. a record of NARA's 2025 JFK release (nara_record "NARA 104-10326-10044") is its release
//     file, https://www.archives.gov/files/research/jfk/releases/2025/0318/<record>.pdf;
//  5. a cablegate-era cable (doc_id such as 09UNVIEVIENNA281) from a cablegate, csv or bare
//     source is its PlusD page, https://wikileaks.org/plusd/cables/<ID>_a.html;
//  6. anything else has none.
Permalink permalink_for(const SourceRow& row);

// A URL the kiosk may show as a QR code: https, a host, printable ASCII without spaces or quotes,
// at most 256 bytes. The message says what is wrong, for a line-numbered error.
Status check_permalink(std::string_view url);

// Reads a SOURCES.tsv: a header line naming the columns (file and source required), then one
// document per line. A line with fewer columns than the header is an error naming "path:line".
Result<std::vector<SourceRow>> read_sources_tsv(const std::filesystem::path& path);

} // namespace ck::content
