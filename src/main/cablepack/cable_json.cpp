// Cable -> JSON.
#include "cablepack/cable_json.hpp"

namespace ck::cablepack {
namespace {

nlohmann::json string_or_null(const std::string& s)
{
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

nlohmann::json refs_json(const std::vector<ck::cable::Reference>& refs)
{
    nlohmann::json out = nlohmann::json::array();
    for (const ck::cable::Reference& r : refs) {
        nlohmann::json j = { { "text", string_or_null(r.text) }, { "id", string_or_null(r.id) },
            { "kind", std::string(ck::cable::to_string(r.kind)) } };
        if (!r.label.empty()) {
            j["label"] = r.label;
        }
        if (!r.alternatives.empty()) {
            j["alternatives"] = r.alternatives;
        }
        out.push_back(std::move(j));
    }
    return out;
}

nlohmann::json paragraphs_json(const std::vector<ck::cable::Paragraph>& paragraphs)
{
    nlohmann::json out = nlohmann::json::array();
    for (const ck::cable::Paragraph& p : paragraphs) {
        out.push_back({ { "number", p.number }, { "portion_mark", string_or_null(p.portion_mark) },
            { "line", p.line } });
    }
    return out;
}

nlohmann::json attributes_json(const std::vector<ck::cable::Attribute>& attributes)
{
    // An array of pairs, not an object: keys repeat and their order is the source's.
    nlohmann::json out = nlohmann::json::array();
    for (const ck::cable::Attribute& a : attributes) {
        out.push_back({ { "key", a.key }, { "value", a.value } });
    }
    return out;
}

// "confidence": one level per key field (see ck::cable::Confidence), "missing" when it is empty.
nlohmann::json confidence_json(const ck::cable::Cable& c)
{
    const ck::cable::FieldConfidence& f = c.confidence;
    const auto level = [](bool present, ck::cable::Confidence confidence) {
        return present ? std::string(ck::cable::to_string(confidence)) : std::string("missing");
    };
    return {
        { "id", level(!c.id.empty(), f.id) },
        { "date", level(c.date.has_value(), f.date) },
        { "from", level(!c.from.empty(), f.from) },
        { "to", level(!c.to.empty(), f.to) },
        { "classification", level(!c.classification.empty(), f.classification) },
        { "subject", level(!c.subject.empty(), f.subject) },
        { "tags", level(!c.tags.empty(), f.tags) },
        { "refs", level(!c.refs.empty(), f.refs) },
    };
}

} // namespace

nlohmann::json cable_to_json(const ck::cable::Cable& c, JsonText text)
{
    nlohmann::json j = nlohmann::json::object();
    j["id"] = string_or_null(c.id);
    j["date"] = c.date ? nlohmann::json(c.date->iso()) : nlohmann::json(nullptr);
    j["precedence"] = string_or_null(c.precedence);
    j["from"] = string_or_null(c.from);
    j["to"] = c.to;
    j["info"] = c.info;
    j["excluded"] = c.excluded;
    j["origin"] = string_or_null(c.origin);
    j["classification"] = string_or_null(c.classification);
    j["caveats"] = c.caveats;
    j["tags"] = c.tags;
    j["subject"] = string_or_null(c.subject);
    j["refs"] = refs_json(c.refs);
    j["eo"] = string_or_null(c.eo_line);
    j["declassification"] = string_or_null(c.declassification);
    j["classified_by"] = string_or_null(c.classified_by);
    j["paragraphs"] = paragraphs_json(c.paragraphs);
    j["signature"] = string_or_null(c.signature);
    j["attributes"] = attributes_json(c.attributes);
    j["format"] = std::string(ck::cable::to_string(c.format));
    j["ocr"] = c.ocr;
    j["partial_extract"] = c.partial_extract;
    j["source_file"] = c.source_file;
    j["source_line"] = c.source_line;
    j["confidence"] = confidence_json(c);
    if (text == JsonText::include) {
        j["display_text"] = c.display_text;
    }
    return j;
}

std::string to_json_line(const nlohmann::json& value)
{
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace ck::cablepack
