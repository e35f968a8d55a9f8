// Components by union-find over the cables and the missing ids (a missing cable that two cables
// cite joins them: both answer the same telegram). Steps are ordered by time; a missing step's time
// is estimated from serial numbers, which each post gives out in order through a year.
#include "content/thread_graph.hpp"

#include "content/pack_writer.hpp"
#include "core/ascii.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <unordered_map>

namespace ck::content::threads {
namespace {

constexpr std::int64_t undated = std::numeric_limits<std::int64_t>::max();
constexpr std::size_t max_serial_digits = 12;

class UnionFind {
public:
    explicit UnionFind(std::size_t n)
        : m_parent(n)
    {
        std::iota(m_parent.begin(), m_parent.end(), std::size_t { 0 });
    }
    std::size_t find(std::size_t i)
    {
        while (m_parent[i] != i) {
            m_parent[i] = m_parent[m_parent[i]]; // path halving
            i = m_parent[i];
        }
        return i;
    }
    std::size_t add()
    {
        m_parent.push_back(m_parent.size());
        return m_parent.size() - 1;
    }
    void join(std::size_t a, std::size_t b)
    {
        a = find(a);
        b = find(b);
        // The smaller index is the root, so a component's root is its first cable in pack order.
        if (a != b) {
            m_parent[std::max(a, b)] = std::min(a, b);
        }
    }

private:
    std::vector<std::size_t> m_parent;
};

// The index of a cable in `cables` by its row number. The writer gives cables in row order, where
// a binary search needs no memory of its own; any other order is looked up in a map.
class NodeIndex {
public:
    explicit NodeIndex(const std::vector<CableNode>& cables)
        : m_cables(cables)
        , m_sorted(std::is_sorted(cables.begin(), cables.end(),
              [](const CableNode& a, const CableNode& b) { return a.num <= b.num; }))
    {
        if (!m_sorted) {
            for (std::size_t i = 0; i < cables.size(); ++i) {
                m_map.emplace(cables[i].num, i);
            }
        }
    }
    [[nodiscard]] std::optional<std::size_t> find(std::int64_t num) const
    {
        if (!m_sorted) {
            const auto it = m_map.find(num);
            return it == m_map.end() ? std::nullopt : std::optional(it->second);
        }
        const auto it = std::lower_bound(m_cables.begin(), m_cables.end(), num,
            [](const CableNode& c, std::int64_t n) { return c.num < n; });
        if (it == m_cables.end() || it->num != num) {
            return std::nullopt;
        }
        return static_cast<std::size_t>(it - m_cables.begin());
    }

private:
    const std::vector<CableNode>& m_cables;
    bool m_sorted;
    std::unordered_map<std::int64_t, std::size_t> m_map;
};

struct Missing {
    std::string id; // as first cited
    std::int64_t earliest_citer = undated;
};

// The known (serial, time) of the pack's dated cables, per (year, post), sorted by serial.
using Known = std::map<std::pair<int, std::string>, std::vector<std::pair<std::int64_t, std::int64_t>>>;

// Only the (year, post) pairs in `wanted` (those of the missing steps): a list of every dated
// cable's serial was the largest part of the graph's memory (about 95 bytes a cable).
Known known_serials(const std::vector<CableNode>& cables, const std::set<std::pair<int, std::string>>& wanted)
{
    Known known;
    if (wanted.empty()) {
        return known;
    }
    for (const CableNode& c : cables) {
        if (auto parts = split_key(c.key); parts && c.time && wanted.contains({ parts->year, parts->post })) {
            known[{ parts->year, parts->post }].emplace_back(parts->serial, *c.time);
        }
    }
    for (auto& [post, serials] : known) {
        std::sort(serials.begin(), serials.end());
    }
    return known;
}

// The best estimate of when a missing cable was sent. A post numbers its telegrams in order
// through a year, so a missing serial between two known serials of the same post and year was
// sent between them (interpolated by serial); after the highest known, just after it; before the
// lowest, just before it. A cable cannot be cited before it exists: the estimate is at most a
// second before its earliest citing cable, which is also the estimate when nothing else is known.
std::int64_t estimate_time(const Missing& m, const Known& known)
{
    std::optional<std::int64_t> t;
    if (auto parts = split_key(reference_key(m.id))) {
        if (auto it = known.find({ parts->year, parts->post }); it != known.end()) {
            const auto& serials = it->second;
            const auto upper = std::upper_bound(serials.begin(), serials.end(),
                std::pair { parts->serial, std::numeric_limits<std::int64_t>::max() });
            const bool has_lower = upper != serials.begin();
            const bool has_upper = upper != serials.end();
            if (has_lower && has_upper) {
                const auto& [n0, t0] = *std::prev(upper);
                const auto& [n1, t1] = *upper;
                const long double f = n1 == n0
                    ? 0.0L
                    : static_cast<long double>(parts->serial - n0) / static_cast<long double>(n1 - n0);
                t = t0 + static_cast<std::int64_t>(static_cast<long double>(t1 - t0) * f);
            } else if (has_lower) {
                t = std::prev(upper)->second + 1;
            } else if (has_upper) {
                t = upper->second - 1;
            }
        }
    }
    if (m.earliest_citer != undated) {
        t = std::min(t.value_or(undated), m.earliest_citer - 1);
    }
    return t.value_or(undated);
}

Step make_missing_step(const Missing& m)
{
    Step s;
    s.missing_id = m.id;
    if (auto parts = split_key(reference_key(m.id))) {
        s.post = parts->post;
        s.serial = parts->serial_text;
        s.year = parts->year;
    }
    return s;
}

// Each component with two cables of the pack or more, its steps in time order (undated last; at
// the same time, the pack's own order, then missing steps by id), numbered by cables.
void order_components(const std::vector<CableNode>& cables, const std::vector<Missing>& missing,
    UnionFind& sets, const std::function<bool(const Thread&)>& emit)
{
    // Components by root (roots are cables), each node once in ascending order. Most cables are in
    // no thread, so only the nodes of components with two cables or more are listed: a node-per-
    // entry map of every node cost about 100 bytes a cable.
    const std::size_t total = cables.size() + missing.size();
    std::vector<std::uint32_t> cables_in(cables.size(), 0); // by root
    for (std::size_t i = 0; i < cables.size(); ++i) {
        ++cables_in[sets.find(i)];
    }
    std::vector<std::pair<std::size_t, std::size_t>> listed; // (root, node)
    for (std::size_t i = 0; i < total; ++i) {
        const std::size_t root = sets.find(i);
        if (root < cables.size() && cables_in[root] >= 2) {
            listed.emplace_back(root, i);
        }
    }
    std::sort(listed.begin(), listed.end());
    std::set<std::pair<int, std::string>> wanted; // (year, post) of the missing steps
    for (const auto& [root, node] : listed) {
        if (node >= cables.size()) {
            if (auto parts = split_key(reference_key(missing[node - cables.size()].id))) {
                wanted.emplace(parts->year, parts->post);
            }
        }
    }
    const Known known = known_serials(cables, wanted);
    std::vector<std::size_t> nodes;
    for (std::size_t at = 0; at < listed.size();) {
        nodes.clear();
        const std::size_t root = listed[at].first;
        for (; at < listed.size() && listed[at].first == root; ++at) {
            nodes.push_back(listed[at].second);
        }
        const auto in_pack = static_cast<std::int64_t>(cables_in[root]);
        struct Keyed {
            std::int64_t time;
            std::size_t node;
        };
        std::vector<Keyed> keyed;
        for (const std::size_t n : nodes) {
            keyed.push_back({ n < cables.size() ? cables[n].time.value_or(undated)
                                                : estimate_time(missing[n - cables.size()], known),
                n });
        }
        std::sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
            if (a.time != b.time) {
                return a.time < b.time;
            }
            const bool a_missing = a.node >= cables.size();
            const bool b_missing = b.node >= cables.size();
            if (a_missing != b_missing || !a_missing) {
                return a_missing != b_missing ? b_missing : a.node < b.node;
            }
            return missing[a.node - cables.size()].id < missing[b.node - cables.size()].id;
        });
        Thread t;
        t.cables = in_pack;
        std::int64_t nth = 0;
        for (const Keyed& k : keyed) {
            Step s;
            if (k.node < cables.size()) {
                s.num = cables[k.node].num;
                ++nth;
            } else {
                s = make_missing_step(missing[k.node - cables.size()]);
            }
            s.nth = nth;
            t.steps.push_back(std::move(s));
        }
        if (!emit(t)) {
            return;
        }
    }
}

} // namespace

std::optional<KeyParts> split_key(std::string_view key)
{
    // Only the canonical form reference_key writes: four-digit year, letters, digits.
    if (key.size() < 6) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < 4; ++i) {
        if (!ascii::is_digit(key[i])) {
            return std::nullopt;
        }
    }
    std::size_t i = 4;
    while (i < key.size() && ascii::is_alpha(key[i])) {
        ++i;
    }
    const std::string_view serial = key.substr(i);
    if (i == 4 || serial.empty() || serial.size() > max_serial_digits
        || !std::all_of(serial.begin(), serial.end(), [](char c) { return ascii::is_digit(c); })) {
        return std::nullopt;
    }
    KeyParts parts;
    parts.year = std::stoi(std::string(key.substr(0, 4)));
    parts.post = std::string(key.substr(4, i - 4));
    parts.serial = std::stoll(std::string(serial));
    parts.serial_text = std::to_string(parts.serial);
    return parts;
}

std::optional<std::int64_t> iso_seconds(std::string_view iso)
{
    // "YYYY-MM-DD" or "YYYY-MM-DDTHH:MMZ".
    const auto digits = [&](std::size_t at, std::size_t n) -> std::optional<int> {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (i >= iso.size() || !ascii::is_digit(iso[i])) {
                return std::nullopt;
            }
            v = v * 10 + (iso[i] - '0');
        }
        return v;
    };
    const auto y = digits(0, 4);
    const auto m = digits(5, 2);
    const auto d = digits(8, 2);
    if (!y || !m || !d || iso.size() < 10 || iso[4] != '-' || iso[7] != '-' || *m < 1 || *m > 12 || *d < 1
        || *d > 31) {
        return std::nullopt;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    const int yy = *y - (*m <= 2 ? 1 : 0);
    const int era = yy / 400;
    const int yoe = yy - era * 400;
    const int doy = (153 * (*m + (*m > 2 ? -3 : 9)) + 2) / 5 + *d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    std::int64_t seconds = (static_cast<std::int64_t>(era) * 146097 + doe - 719468) * 86400;
    if (iso.size() >= 16 && iso[10] == 'T') {
        const auto hh = digits(11, 2);
        const auto mm = digits(14, 2);
        if (hh && mm) {
            seconds += *hh * 3600 + *mm * 60;
        }
    }
    return seconds;
}

struct ThreadBuilder::State {
    explicit State(const std::vector<CableNode>& c)
        : cables(c)
        , index_of(c)
        , sets(c.size())
    {
    }
    // Nodes: the pack's cables (by index in pack order), then each missing id once.
    const std::vector<CableNode>& cables;
    NodeIndex index_of;
    std::vector<Missing> missing;
    std::unordered_map<std::string, std::size_t> missing_of; // reference key -> index in `missing`
    UnionFind sets;
};

ThreadBuilder::ThreadBuilder(const std::vector<CableNode>& cables)
    : m(std::make_unique<State>(cables))
{
}

ThreadBuilder::~ThreadBuilder() = default;

void ThreadBuilder::add(const RefLink& l)
{
    const auto from = m->index_of.find(l.from);
    if (!from) {
        return;
    }
    std::size_t to = 0;
    if (l.to != 0) {
        const auto it = m->index_of.find(l.to);
        if (!it || *it == *from) {
            return; // a cable citing itself says nothing about a conversation
        }
        to = *it;
    } else {
        if (l.missing_id.empty()) {
            return;
        }
        auto [it, added] = m->missing_of.try_emplace(reference_key(l.missing_id), m->missing.size());
        if (added) {
            m->missing.push_back({ l.missing_id, undated });
            m->sets.add();
        }
        Missing& missing = m->missing[it->second];
        missing.earliest_citer = std::min(missing.earliest_citer, m->cables[*from].time.value_or(undated));
        to = m->cables.size() + it->second;
    }
    // Joined at once: the components, and each one's root (its first node), do not depend on the
    // order of the joins.
    m->sets.join(*from, to);
}

void ThreadBuilder::finish(const std::function<bool(const Thread&)>& emit)
{
    std::unordered_map<std::string, std::size_t>().swap(m->missing_of);
    order_components(m->cables, m->missing, m->sets, emit);
}

std::vector<Thread> build_threads(const std::vector<CableNode>& cables, const std::vector<RefLink>& links)
{
    ThreadBuilder builder(cables);
    for (const RefLink& l : links) {
        builder.add(l);
    }
    std::vector<Thread> threads;
    builder.finish([&](const Thread& t) {
        threads.push_back(t);
        return true;
    });
    return threads;
}

} // namespace ck::content::threads
