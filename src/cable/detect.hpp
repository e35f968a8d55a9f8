// Recognises what kind of document a file is from its structure, never its name: a cablegate CSV,
// a cablegate.wikileaks.org page, a WikiLeaks PlusD page (CORE or cablegate era), CIA CREST OCR,
// a bare telegram, or something else (OCR'd assessments, NARA JFK releases). Pure.
#pragma once

#include "cable/lines.hpp"

namespace ck::cable {

enum class DocumentKind { csv, cablegate_page, plusd_page, crest, telegram, other };

DocumentKind detect_document(const Lines& lines);

// True for "Approved For Release 2002/08/21 : CIA-RDP80B01676R003100290016-2" stamp lines.
bool is_crest_stamp(std::string_view line);

} // namespace ck::cable
