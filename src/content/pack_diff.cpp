#include "content/pack_diff.hpp"

#include "content/cable_codec.hpp"
#include "content/pack.hpp"

#include <functional>
#include <map>

namespace ck::content {

namespace {

// Everything stored for a cable, its references' resolution included; std::hash is stable within
// one run, which is all a comparison needs.
std::size_t digest(const CableRecord& record)
{
    std::string bytes = codec::encode(record.cable);
    bytes += record.id_from_file ? '1' : '0';
    for (const auto& r : record.refs) {
        bytes += '\x1f';
        bytes += r.target_id;
    }
    return std::hash<std::string> {}(bytes);
}

void add_lang(std::string& out, const LangText& text)
{
    for (const auto& [lang, value] : text) {
        out += lang + '\x1f' + value + '\x1e';
    }
}

std::string curation_of(const Collection& c)
{
    std::string out;
    add_lang(out, c.title);
    add_lang(out, c.introduction);
    add_lang(out, c.about);
    for (const auto& s : c.sections) {
        out += s.id + '\x1d';
        add_lang(out, s.title);
        add_lang(out, s.caption);
        for (const auto& id : s.cables) {
            out += id + '\x1f';
        }
    }
    for (const auto& f : c.featured) {
        out += f.cable + '\x1d';
        add_lang(out, f.teaser);
    }
    for (const auto& g : c.glossary) {
        out += g.term + '\x1d' + std::to_string(static_cast<int>(g.kind));
        add_lang(out, g.definition);
    }
    for (const auto& t : c.tours) {
        out += t.id + '\x1d';
        add_lang(out, t.title);
        add_lang(out, t.introduction);
        for (const auto& stop : t.stops) {
            out += stop.cable + '\x1f' + stop.paragraph + '\x1f';
            add_lang(out, stop.note);
        }
    }
    for (const auto& [lang, strings] : c.ui) {
        for (const auto& [key, text] : strings) {
            out += lang + '\x1f' + key + '\x1f' + text + '\x1e';
        }
    }
    return out;
}

std::string count(std::size_t n, const char* what)
{
    return std::to_string(n) + " " + what;
}

} // namespace

std::string PackDiff::summary() const
{
    return count(added.size(), added.size() == 1 ? "cable added" : "cables added") + ", "
        + count(removed.size(), "removed") + ", " + count(changed.size(), "changed") + "; curation "
        + (curation_changed ? "changed" : "unchanged");
}

Result<PackDiff> diff_packs(Pack& old_pack, Pack& new_pack)
{
    std::map<std::string, std::size_t> before;
    if (auto st = old_pack.for_each_cable([&](const CableRecord& r) -> Status {
            before[r.cable.id] = digest(r);
            return {};
        });
        !st) {
        return st.error();
    }
    PackDiff diff;
    if (auto st = new_pack.for_each_cable([&](const CableRecord& r) -> Status {
            auto it = before.find(r.cable.id);
            if (it == before.end()) {
                diff.added.push_back(r.cable.id);
            } else {
                if (it->second != digest(r)) {
                    diff.changed.push_back(r.cable.id);
                }
                before.erase(it);
            }
            return {};
        });
        !st) {
        return st.error();
    }
    for (const auto& entry : before) {
        diff.removed.push_back(entry.first);
    }
    diff.curation_changed = curation_of(old_pack.collection()) != curation_of(new_pack.collection());
    return diff;
}

} // namespace ck::content
