// Reads a State Department telegram out of numbered lines, whatever page or file it came in:
// date-time group and precedence, addressees, banner and caveats, the header block fields, the
// signature and the display text. Used by every telegram-carrying format (core, plusd, cablegate,
// bare, csv); format parsers add what their metadata knows. Pure.
#pragma once

#include "cable/cable.hpp"
#include "cable/cable_id.hpp"
#include "cable/classification.hpp"
#include "cable/diagnostics.hpp"
#include "cable/lines.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ck::cable {

struct TelegramHints {
    int year_hint = 0; // from the id or metadata: picks the DTG's century
    IdEra era = IdEra::cablegate; // how REF ids are written
};

struct Telegram {
    bool found = false; // a DTG, an FM line or a banner was found
    std::optional<CableDate> date; // from the DTG
    std::string precedence;
    std::string from;
    std::vector<std::string> to;
    std::vector<std::string> info;
    std::vector<std::string> excluded;
    std::optional<Banner> banner;
    std::vector<std::string> caveats;
    std::string eo_line;
    std::string declassification;
    std::string classified_by;
    std::string subject;
    std::vector<std::string> tags;
    std::vector<Reference> refs;
    std::string signature;
    std::string display_text;
    std::string routing_serial; // "1723" from "DE RUEHKO #1723/01 1760053", when present
    std::size_t start_line = 0; // source line of the DTG, banner or first text line
    int year = 0; // the telegram's year as far as known (DTG, else the hint)
};

Telegram read_telegram(const Lines& lines, const TelegramHints& hints, Sink& sink);

// The id a telegram implies by its banner ("TOKYO 001723" in 2008 -> "08TOKYO1723"), else by its
// sender and routing serial ("FM AMEMBASSY TOKYO", "DE RUEHKO #1723"); empty when neither names a
// post and serial or the year is unknown.
std::string derived_id(const Telegram& t, IdEra era);

} // namespace ck::cable
