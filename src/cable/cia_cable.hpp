// CIA cables as OCR'd in the NARA JFK releases. A cable carries its routing in a few typed lines:
//   TOT: 131946Z SEP 96 DIRECTOR 941533      time of transmission, originator and cable number
//   TOR: 081248Z FEB 96 COPE 94608           time of receipt (station abbreviated) on incoming cables
//   STAFF 131953Z DIRECTOR 941533            the message's own date-time group and number
//   CITE COPENHAGEN 94608                    the originating station and its number (incoming)
//   TO: PRIORITY MINSK.  /  TO: PRIORITY MOSCOW INFO MINSK.
// OCR damages the digits of the date-time groups ("0922042" is 092204Z, "221413%" is 221413Z) and
// the NARA record number at the top of the page ("Ifroa-10326-10074" is 104-10326-10074). Pure.
#pragma once

#include "cable/cable.hpp"
#include "cable/lines.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ck::cable {

struct CiaCable {
    std::string id; // "DIRECTOR 398108", "COPENHAGEN 94608"
    std::string from; // the originating station: "DIRECTOR" (headquarters), "COPENHAGEN"
    std::string precedence; // "PRIORITY", "IMMEDIATE", ...
    std::vector<std::string> to;
    std::vector<std::string> info;
    std::optional<CableDate> date;
    Confidence date_confidence = Confidence::ocr;
    Confidence id_confidence = Confidence::ocr;
    std::vector<Reference> refs; // "REF: MINSK 14072 95 1207999": id "MINSK 14072"; "REF: NONE": none
    std::string classification; // from "END OF MESSAGE SECRET", OCR'd forms repaired
    Confidence classification_confidence = Confidence::ocr;
};

// The cable's routing, when the page has a TOT or TOR line, a citation line with a number, or a
// CITE line with a number; nullopt for memoranda and other documents.
std::optional<CiaCable> read_cia_cable(const Lines& lines);

// A date-time group's day and time as OCR wrote it: six digits (OCR letters for digits allowed)
// and the zone letter Z, itself often read as "2", "%" or "7". `repaired` tells whether any
// character had to be read as another.
struct DayTime {
    int day = 0;
    int hour = 0;
    int minute = 0;
    bool repaired = false;
};
std::optional<DayTime> ocr_day_time(std::string_view word);

// The NARA JFK collection record number in the first lines of a page ("104-10326-10044"), with
// OCR damage repaired; empty when none can be read. Every agency number in the collection has
// three digits and starts with 1, which OCR often loses or garbles ("‘ioa-", "Ifro4-", "04-").
struct NaraRecord {
    std::string number;
    bool repaired = false;
};
NaraRecord nara_record_number(const Lines& lines);

// "<ASSASSINATIONS>RECORDS REVIEW": CIA cables bracket index terms; the brackets are not text.
// Sets `damaged` when a bracket is unbalanced (OCR read one as a letter: "OSWALDSAND").
std::string without_index_brackets(std::string_view text, bool& damaged);

} // namespace ck::cable
