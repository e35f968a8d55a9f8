#include "content/pack_checks.hpp"

#include "content/pack.hpp"
#include "content/search.hpp"
#include "content/verify.hpp"

#include <chrono>
#include <cmath>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>

namespace ck::content {

namespace fs = std::filesystem;
using selfcheck::Check;
using selfcheck::Result;

namespace {

// What every pack check reads, made once by whichever check runs first.
struct Probe {
    bool present = false;
    std::string present_problem;
    std::uintmax_t size = 0;
    std::optional<Signature> signature;
    std::string signature_problem;
    const TrustedKey* signer = nullptr;
    VerifyReport report; // signature, trusted comment, open and binding; no integrity
    std::optional<PackInfo> info;
    bool opened = false;
};

class PackProbe {
public:
    explicit PackProbe(PackCheckInputs inputs)
        : m_inputs(std::move(inputs))
    {
    }
    const Probe& get()
    {
        const std::lock_guard lock(m_mutex);
        if (!m_probe) {
            m_probe = make();
        }
        return *m_probe;
    }
    [[nodiscard]] const PackCheckInputs& inputs() const { return m_inputs; }

private:
    Probe make() const;
    PackCheckInputs m_inputs;
    std::mutex m_mutex;
    std::optional<Probe> m_probe;
};

Probe PackProbe::make() const
{
    Probe p;
    std::error_code ec;
    if (!fs::is_regular_file(m_inputs.pack, ec)) {
        p.present_problem
            = "no pack at " + m_inputs.pack.string() + "; copy a signed pack there, or give its path";
        return p;
    }
    p.size = fs::file_size(m_inputs.pack, ec);
    if (!fs::is_regular_file(m_inputs.signature, ec)) {
        p.present_problem = "the pack has no signature beside it: " + m_inputs.signature.string()
            + " is missing; copy the .minisig file made with the pack";
        return p;
    }
    p.present = true;
    auto sig = read_signature(m_inputs.signature);
    if (!sig) {
        p.signature_problem = sig.error().to_string();
        return p;
    }
    p.signature = *sig;
    p.signer = find_signer(m_inputs.trusted_keys, *sig);
    if (p.signer == nullptr) {
        return p;
    }
    VerifyOptions options;
    options.integrity = false;
    p.report = verify_pack(m_inputs.pack, m_inputs.signature, p.signer->key, options);
    p.info = p.report.info;
    for (const auto& step : p.report.steps) {
        if (step.name == "open") {
            p.opened = step.ok;
        }
    }
    return p;
}

std::string key_id_hex(const KeyId& id)
{
    PublicKey key;
    key.key_id = id;
    return key.key_id_hex();
}

const VerifyStep* failed_step(const VerifyReport& report)
{
    for (const auto& step : report.steps) {
        if (!step.ok) {
            return &step;
        }
    }
    return nullptr;
}

bool step_is(const VerifyStep* step, std::initializer_list<std::string_view> names)
{
    if (step == nullptr) {
        return false;
    }
    for (const auto name : names) {
        if (step->name == name) {
            return true;
        }
    }
    return false;
}

Result check_present(PackProbe& probe, const Check& self)
{
    const Probe& p = probe.get();
    if (!p.present) {
        return selfcheck::fail(self, p.present_problem);
    }
    return selfcheck::pass(
        self, probe.inputs().pack.string() + ", with its signature", static_cast<double>(p.size), "bytes");
}

std::string trusted_names(const PackCheckInputs& in)
{
    std::string names;
    for (const auto& key : in.trusted_keys) {
        names += (names.empty() ? "" : ", ") + key.name + " (" + key.key.key_id_hex() + ")";
    }
    return names.empty() ? "none" : names;
}

Result check_signature(PackProbe& probe, const Check& self)
{
    const Probe& p = probe.get();
    const auto& in = probe.inputs();
    if (!p.present) {
        return selfcheck::skip(self, "no pack to check");
    }
    if (!p.signature) {
        return selfcheck::fail(self, "the signature file cannot be read: " + p.signature_problem);
    }
    const std::string signer = key_id_hex(p.signature->key_id);
    if (p.signer == nullptr) {
        return selfcheck::fail(self,
            "signed by key " + signer
                + ", which this kiosk does not trust; load a pack signed with one of the keys in "
                + in.keys_location + " (trusted: " + trusted_names(in) + ")",
            signer);
    }
    const VerifyStep* bad = failed_step(p.report);
    if (step_is(bad, { "file", "signature file", "signature", "trusted comment", "binding" })) {
        return selfcheck::fail(self,
            "the signature by key " + signer + " (" + p.signer->name + ") does not hold: " + bad->name + ": "
                + bad->detail + "; the pack was changed after signing, or copied incompletely: copy it again",
            signer);
    }
    return selfcheck::pass(self, "signed by " + p.signer->name + " (key " + signer + ")", signer);
}

bool stamp_still_valid(const PackCheckInputs& in)
{
    if (!in.stamp || !in.stamp_key) {
        return false;
    }
    std::error_code ec;
    if (!fs::exists(*in.stamp, ec) || !fs::exists(*in.stamp_key, ec)) {
        return false;
    }
    const auto key = load_or_create_stamp_key(*in.stamp_key);
    if (!key) {
        return false;
    }
    return open_stamped(in.pack, in.signature, *in.stamp, *key).ok();
}

Result check_integrity(PackProbe& probe, const Check& self)
{
    const Probe& p = probe.get();
    const auto& in = probe.inputs();
    if (!p.present) {
        return selfcheck::skip(self, "no pack to check");
    }
    if (p.signer != nullptr && stamp_still_valid(in)) {
        return selfcheck::pass(self,
            "the verified stamp is still valid: the file is the one checked fully (integrity_check, FTS5, "
            "content hash) when it was installed",
            "stamp");
    }
    auto pack = Pack::open(in.pack, OpenOptions { std::chrono::milliseconds { 0 } });
    if (!pack) {
        return selfcheck::fail(self,
            "the pack is damaged: it cannot be opened (" + pack.error().to_string()
                + "); copy it again from the curator's original");
    }
    if (auto checked = pack->check_integrity(Pack::Integrity::full); !checked) {
        return selfcheck::fail(self,
            "the pack is damaged: " + checked.error().to_string()
                + "; copy it again from the curator's original",
            "full");
    }
    return selfcheck::pass(
        self, "checked fully: SQLite integrity_check, both FTS5 indexes and the content hash", "full");
}

Result check_schema(PackProbe& probe, const Check& self)
{
    const Probe& p = probe.get();
    const auto& in = probe.inputs();
    if (!p.present) {
        return selfcheck::skip(self, "no pack to check");
    }
    // The schema is read whether or not the signature holds: staff need both answers.
    auto pack = Pack::open(in.pack, OpenOptions { std::chrono::milliseconds { 0 } });
    if (!pack) {
        const Error& e = pack.error();
        return selfcheck::fail(self,
            "this kiosk cannot read the pack: " + e.to_string()
                + "; build it again with the cablepack of this kiosk's version, or update the kiosk");
    }
    return selfcheck::pass(self,
        "schema version " + std::to_string(pack->info().schema_version) + ", as this kiosk reads",
        static_cast<double>(pack->info().schema_version));
}

Result check_sequence(PackProbe& probe, const Check& self)
{
    const Probe& p = probe.get();
    if (!p.info) {
        return selfcheck::skip(self, "no verified pack to read it from");
    }
    return selfcheck::pass(self,
        "release " + std::to_string(p.info->sequence) + " of \"" + p.info->title + "\"",
        static_cast<double>(p.info->sequence));
}

Result check_cables(PackProbe& probe, const Check& self)
{
    const Probe& p = probe.get();
    if (!p.info) {
        return selfcheck::skip(self, "no verified pack to read it from");
    }
    if (p.info->cables <= 0) {
        return selfcheck::fail(
            self, "the pack holds no cables; ask the curator for the exhibit's pack", 0.0, "cables");
    }
    return selfcheck::pass(
        self, std::to_string(p.info->cables) + " cables", static_cast<double>(p.info->cables), "cables");
}

// The longest word of the first cable's subject: a word the pack is sure to hold, whatever the
// collection.
std::string known_word(Pack& pack)
{
    std::string best;
    (void)pack.for_each_cable([&](const CableRecord& record) -> Status {
        std::string word;
        for (const char c : record.cable.subject + " ") {
            const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (letter) {
                word += c;
            } else {
                if (word.size() > best.size()) {
                    best = word;
                }
                word.clear();
            }
        }
        return best.size() >= 4 ? Status(make_error("found")) : Status {};
    });
    return best;
}

Result check_search(PackProbe& probe, const Check& self)
{
    const Probe& p = probe.get();
    const auto& in = probe.inputs();
    if (!p.opened) {
        return selfcheck::skip(self, "no pack that opens to search");
    }
    auto pack = Pack::open(in.pack, OpenOptions { std::chrono::milliseconds { 0 } });
    if (!pack) {
        return selfcheck::fail(self, "the pack cannot be opened: " + pack.error().to_string());
    }
    const std::string word = known_word(*pack);
    if (word.empty()) {
        return selfcheck::fail(self, "no cable has a subject to search for");
    }
    SearchQuery query;
    query.text = word;
    query.budget = in.search_budget * 10;
    const auto start = std::chrono::steady_clock::now();
    auto found = pack->search(query);
    const double ms
        = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!found) {
        return selfcheck::fail(
            self, "searching for \"" + word + "\" failed: " + found.error().to_string(), ms, "ms");
    }
    if (found->hits.empty()) {
        return selfcheck::fail(self,
            "searching for \"" + word
                + "\", a word of a cable's subject, found nothing: the search index is damaged",
            ms, "ms");
    }
    const auto budget = static_cast<double>(in.search_budget.count());
    const std::string said = "\"" + word + "\" found " + std::to_string(found->total)
        + (found->total == 1 ? " cable in " : " cables in ") + std::to_string(std::lround(ms))
        + " ms (budget " + std::to_string(in.search_budget.count()) + " ms)";
    if (ms > 4 * budget) {
        return selfcheck::fail(
            self, said + "; far too slow for a visitor: check board.thermal and memory.available", ms, "ms");
    }
    if (ms > budget) {
        return selfcheck::warn(
            self, said + "; slower than a frame's worth: the board may be throttled", ms, "ms");
    }
    return selfcheck::pass(self, said, ms, "ms");
}

Check make(std::string id, std::string title, const std::shared_ptr<PackProbe>& probe,
    Result (*fn)(PackProbe&, const Check&))
{
    return selfcheck::make_check(
        std::move(id), std::move(title), [probe, fn](const Check& self) { return fn(*probe, self); });
}

} // namespace

selfcheck::Checks pack_checks(const PackCheckInputs& inputs)
{
    auto probe = std::make_shared<PackProbe>(inputs);
    return {
        make("pack.present", "Pack present", probe, check_present),
        make("pack.signature", "Pack signature", probe, check_signature),
        make("pack.integrity", "Pack integrity", probe, check_integrity),
        make("pack.schema", "Pack schema", probe, check_schema),
        make("pack.sequence", "Pack release", probe, check_sequence),
        make("pack.cables", "Cables in the pack", probe, check_cables),
        make("search.query", "Search answers", probe, check_search),
    };
}

namespace {

void each_lang(const LangText& text, const std::string& where, const ShownText& fn)
{
    for (const auto& [lang, value] : text) {
        std::string named = where;
        named.append(" (").append(lang).append(")");
        fn(named, value, false);
    }
}

void collection_texts(const Collection& c, const ShownText& fn)
{
    each_lang(c.title, "the collection's title", fn);
    each_lang(c.introduction, "the collection's introduction", fn);
    each_lang(c.about, "the About text", fn);
    for (const auto& section : c.sections) {
        each_lang(section.title, "the title of section " + section.id, fn);
        each_lang(section.caption, "the caption of section " + section.id, fn);
    }
    for (const auto& featured : c.featured) {
        each_lang(featured.teaser, "the teaser of " + featured.cable, fn);
    }
    for (const auto& tour : c.tours) {
        each_lang(tour.title, "the title of tour " + tour.id, fn);
        each_lang(tour.introduction, "the introduction of tour " + tour.id, fn);
        for (std::size_t i = 0; i < tour.stops.size(); ++i) {
            each_lang(
                tour.stops[i].note, "the note of stop " + std::to_string(i + 1) + " of tour " + tour.id, fn);
        }
    }
    for (const auto& term : c.glossary) {
        fn("the glossary: " + term.term, term.term, false);
        each_lang(term.definition, "the glossary's definition of " + term.term, fn);
    }
    // The names table's forms and the terms the Japanese keyboard offers are shown too.
    for (const auto& [key, names] : c.names) {
        each_lang(names, "the name of " + key, fn);
    }
    for (const auto& r : c.readings_ja) {
        fn("the readings table: " + r.reading, r.term, false);
    }
    for (const auto& [lang, strings] : c.ui) {
        for (const auto& [key, text] : strings) {
            std::string named = "the pack's UI string ";
            named.append(key).append(" (").append(lang).append(")");
            fn(named, text, false);
        }
    }
}

} // namespace

Status for_each_shown_text(Pack& pack, const ShownText& fn)
{
    collection_texts(pack.collection(), fn);
    return pack.for_each_cable([&fn](const CableRecord& record) -> Status {
        const auto& c = record.cable;
        const std::string where = "cable " + c.id;
        fn(where, c.subject, true);
        fn(where, c.display_text, true);
        fn(where, c.origin, false);
        return {};
    });
}

} // namespace ck::content
