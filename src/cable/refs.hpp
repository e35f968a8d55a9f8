// REF / REFS entries: single ("STATE 156889"), lettered ("A. TOKYO 5211", "(A) 2005 STATE 165022",
// "¶B. STATE 203879", "B KUALA LUMPUR 739"), several on one line ("(A) STATE 69132  (B) TOKYO 3330"),
// and the cable id each names in the citing cable's own id form: "1977STATE156889" in a CORE
// telegram of 1977, "07TOKYO4930" for "07 TOKYO 04930". E-mails, FBIS numbers, documents keep
// their text and get no id. Pure.
#pragma once

#include "cable/cable.hpp"
#include "cable/cable_id.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ck::cable {

struct RefList {
    std::vector<Reference> refs;
    bool capped = false;
};

// Splits a REF value (label removed; continuation lines joined with '\n') into entries.
RefList parse_ref_value(std::string_view value, int citing_year, IdEra era, std::size_t max_refs);

// The ids one entry names ("BRASILIA 2799 AND 2764" names two); empty when it is not a cable.
std::vector<std::string> reference_ids(std::string_view entry, int citing_year, IdEra era);

// What an entry that names no cable is: an FBIS press item when it says FBIS, else other.
ReferenceKind reference_kind(std::string_view entry, bool names_cable);

// Why an id a source page offers for an entry is only "possibly" that entry: the page's id is of
// another year than the entry resolves to by the citing cable's rules ("STATE -097844" in a 1974
// cable; the PlusD page offers 1973STATE097844), of another serial, or the entry names no cable.
enum class AlternativeReason { different_year, different_serial, entry_names_no_cable };
AlternativeReason alternative_reason(const Reference& ref, std::string_view alternative);
std::string_view to_string(AlternativeReason reason); // "different-year", ...

// Links ids a page lists as "References in this document to other cables" to the entries they
// match (same post and serial); an id no entry matches goes to the only entry, if there is one.
void attach_alternatives(std::vector<Reference>& refs, const std::vector<std::string>& listed_ids);

} // namespace ck::cable
