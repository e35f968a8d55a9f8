// Components by union-find over the cables and the missing ids (a missing cable that two cables
// cite joins them: both answer the same telegram). Steps are ordered by time; a missing step's time
// is estimated from serial numbers, which each post gives out in order through a year.
#include "content/thread_graph.hpp"

#include "content/pack_writer.hpp"
#include "content/thread_graph_store.hpp"
#include "core/ascii.hpp"

#include <algorithm>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>
#include <type_traits>
#include <unordered_map>

namespace ck::content::threads {
namespace {

using namespace graph;

constexpr std::size_t max_serial_digits = 12;

// The pack's dated cables of the (year, post) pairs in `wanted` (those of the missing steps), as
// indexes into `nodes` sorted by (year, post, serial, time): 4 bytes a cable, where a list of
// every dated cable's (serial, time) by (year, post) cost about 25 bytes.
class KnownSerials {
public:
    KnownSerials(
        const std::vector<Node>& nodes, const std::set<std::pair<std::int32_t, std::uint32_t>>& wanted)
        : m_nodes(nodes)
    {
        if (wanted.empty()) {
            return;
        }
        for (NodeId i = 0; i < nodes.size(); ++i) {
            const Node& n = nodes[i];
            if (n.time != undated && n.post != no_post && wanted.contains({ n.year, n.post })) {
                m_sorted.push_back(i);
            }
        }
        std::sort(m_sorted.begin(), m_sorted.end(), [&](NodeId a, NodeId b) {
            const Node& x = nodes[a];
            const Node& y = nodes[b];
            return std::tie(x.year, x.post, x.serial, x.time) < std::tie(y.year, y.post, y.serial, y.time);
        });
    }
    // The (serial, time) pairs of (year, post) around `serial`: the last at or below it, and the
    // first above it, each when there is one.
    struct Around {
        std::optional<std::pair<std::int64_t, std::int64_t>> lower;
        std::optional<std::pair<std::int64_t, std::int64_t>> upper;
    };
    [[nodiscard]] Around around(std::int32_t year, std::uint32_t post, std::int64_t serial) const
    {
        const auto key = [&](NodeId i) { return std::tie(m_nodes[i].year, m_nodes[i].post); };
        const auto [first, last] = std::equal_range(
            m_sorted.begin(), m_sorted.end(), std::tuple { year, post }, [&](const auto& a, const auto& b) {
                if constexpr (std::is_same_v<std::decay_t<decltype(a)>, NodeId>) {
                    return key(a) < b;
                } else {
                    return a < key(b);
                }
            });
        // The first whose serial is above `serial` (at the same serial, every time is at or below).
        const auto upper = std::upper_bound(
            first, last, serial, [&](std::int64_t s, NodeId i) { return s < m_nodes[i].serial; });
        Around a;
        if (upper != first) {
            const Node& n = m_nodes[*std::prev(upper)];
            a.lower = std::pair { n.serial, n.time };
        }
        if (upper != last) {
            const Node& n = m_nodes[*upper];
            a.upper = std::pair { n.serial, n.time };
        }
        return a;
    }

private:
    const std::vector<Node>& m_nodes;
    std::vector<NodeId> m_sorted;
};

// The best estimate of when a missing cable was sent. A post numbers its telegrams in order
// through a year, so a missing serial between two known serials of the same post and year was
// sent between them (interpolated by serial); after the highest known, just after it; before the
// lowest, just before it. A cable cannot be cited before it exists: the estimate is at most a
// second before its earliest citing cable, which is also the estimate when nothing else is known.
std::int64_t estimate_time(
    std::string_view id, std::int64_t earliest_citer, const Posts& posts, const KnownSerials& known)
{
    std::optional<std::int64_t> t;
    if (auto parts = split_key(reference_key(std::string(id)))) {
        if (const std::uint32_t post = posts.find(parts->post); post != no_post) {
            const auto [lower, upper] = known.around(parts->year, post, parts->serial);
            if (lower && upper) {
                const auto& [n0, t0] = *lower;
                const auto& [n1, t1] = *upper;
                const long double f = n1 == n0
                    ? 0.0L
                    : static_cast<long double>(parts->serial - n0) / static_cast<long double>(n1 - n0);
                t = t0 + static_cast<std::int64_t>(static_cast<long double>(t1 - t0) * f);
            } else if (lower) {
                t = lower->second + 1;
            } else if (upper) {
                t = upper->second - 1;
            }
        }
    }
    if (earliest_citer != undated) {
        t = std::min(t.value_or(undated), earliest_citer - 1);
    }
    return t.value_or(undated);
}

Step make_missing_step(std::string_view id)
{
    Step s;
    s.missing_id = std::string(id);
    if (auto parts = split_key(reference_key(s.missing_id))) {
        s.post = parts->post;
        s.serial = parts->serial_text;
        s.year = parts->year;
    }
    return s;
}

// The cables of a pack as a thread needs them, and its missing steps: nodes 0..cables-1 are the
// pack's cables in the order given, then each missing id once.
struct Graph {
    NodeIndex index;
    std::vector<Node> nodes;
    Posts posts;
    MissingIds missing;
    UnionFind sets;
};

// Receives each step: the thread's number, the step's position in it, the thread's count of
// cables, the step; false stops.
using StepSink = std::function<bool(std::int64_t thread, std::int64_t pos, std::int64_t cables, const Step&)>;

// Each component with two cables of the pack or more, its steps in time order (undated last; at
// the same time, the pack's own order, then missing steps by id), numbered by cables.
void order_components(Graph& g, const StepSink& step)
{
    std::int64_t thread = 0;
    // Components by root (roots are cables), each node once in ascending order. Most cables are in
    // no thread, so only the nodes of components with two cables or more are listed: a node-per-
    // entry map of every node cost about 100 bytes a cable.
    const auto cables = static_cast<NodeId>(g.nodes.size());
    const auto total = static_cast<NodeId>(g.sets.size());
    std::vector<std::uint32_t> cables_in(cables, 0); // by root
    for (NodeId i = 0; i < cables; ++i) {
        ++cables_in[g.sets.find(i)];
    }
    std::size_t in_threads = 0; // counted first: the list is sized once
    for (NodeId i = 0; i < total; ++i) {
        const NodeId root = g.sets.find(i);
        in_threads += root < cables && cables_in[root] >= 2 ? 1 : 0;
    }
    std::vector<std::pair<NodeId, NodeId>> listed; // (root, node)
    listed.reserve(in_threads);
    for (NodeId i = 0; i < total; ++i) {
        const NodeId root = g.sets.find(i);
        if (root < cables && cables_in[root] >= 2) {
            listed.emplace_back(root, i);
        }
    }
    std::sort(listed.begin(), listed.end());
    std::set<std::pair<std::int32_t, std::uint32_t>> wanted; // (year, post) of the missing steps
    for (const auto& [root, node] : listed) {
        if (node >= cables) {
            if (auto parts = split_key(reference_key(std::string(g.missing.id(node - cables))))) {
                if (const std::uint32_t post = g.posts.find(parts->post); post != no_post) {
                    wanted.emplace(parts->year, post);
                }
            }
        }
    }
    const KnownSerials known(g.nodes, wanted);
    struct Keyed {
        std::int64_t time;
        NodeId node;
    };
    std::vector<Keyed> keyed;
    for (std::size_t at = 0; at < listed.size();) {
        keyed.clear();
        const NodeId root = listed[at].first;
        std::size_t run = at;
        while (run < listed.size() && listed[run].first == root) {
            ++run;
        }
        keyed.reserve(run - at);
        for (; at < listed.size() && listed[at].first == root; ++at) {
            const NodeId n = listed[at].second;
            keyed.push_back({ n < cables ? g.nodes[n].time
                                         : estimate_time(g.missing.id(n - cables),
                                             g.missing.earliest_citer(n - cables), g.posts, known),
                n });
        }
        std::sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
            if (a.time != b.time) {
                return a.time < b.time;
            }
            const bool a_missing = a.node >= cables;
            const bool b_missing = b.node >= cables;
            if (a_missing != b_missing || !a_missing) {
                return a_missing != b_missing ? b_missing : a.node < b.node;
            }
            return g.missing.id(a.node - cables) < g.missing.id(b.node - cables);
        });
        // Handed on a step at a time: the largest thread of a large archive can hold a good share of
        // it (92,000 steps of the 250k corpus), and a list of its steps cost about 250 bytes a step.
        std::int64_t nth = 0;
        for (std::size_t pos = 0; pos < keyed.size(); ++pos) {
            const Keyed& k = keyed[pos];
            Step s;
            if (k.node < cables) {
                s.num = g.index.num(k.node);
                ++nth;
            } else {
                s = make_missing_step(g.missing.id(k.node - cables));
            }
            s.nth = nth;
            if (!step(
                    thread, static_cast<std::int64_t>(pos), static_cast<std::int64_t>(cables_in[root]), s)) {
                return;
            }
        }
        ++thread;
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
    Graph graph;
};

ThreadBuilder::ThreadBuilder()
    : m(std::make_unique<State>())
{
}

ThreadBuilder::ThreadBuilder(const std::vector<CableNode>& cables)
    : ThreadBuilder()
{
    for (const CableNode& c : cables) {
        add_cable(c.num, c.key, c.time);
    }
}

ThreadBuilder::~ThreadBuilder() = default;

void ThreadBuilder::reserve(std::size_t cables)
{
    m->graph.nodes.reserve(cables);
}

void ThreadBuilder::add_cable(std::int64_t num, std::string_view key, std::optional<std::int64_t> time)
{
    Graph& g = m->graph;
    Node n;
    n.time = time.value_or(undated);
    if (auto parts = split_key(key)) {
        n.serial = parts->serial;
        n.post = g.posts.intern(parts->post);
        n.year = parts->year;
    }
    g.index.add(num);
    g.nodes.push_back(n);
    g.sets.add();
}

void ThreadBuilder::add(const RefLink& l)
{
    Graph& g = m->graph;
    const auto cables = static_cast<NodeId>(g.nodes.size());
    const auto from = g.index.find(l.from);
    if (!from) {
        return;
    }
    NodeId to = 0;
    if (l.to != 0) {
        const auto it = g.index.find(l.to);
        if (!it || *it == *from) {
            return; // a cable citing itself says nothing about a conversation
        }
        to = *it;
    } else {
        if (l.missing_id.empty()) {
            return;
        }
        const auto [index, added] = g.missing.find_or_add(reference_key(l.missing_id), l.missing_id);
        if (added) {
            g.sets.add();
        }
        g.missing.cited_by(index, g.nodes[*from].time);
        to = cables + index;
    }
    // Joined at once: the components, and each one's root (its first node), do not depend on the
    // order of the joins.
    g.sets.join(*from, to);
}

void ThreadBuilder::finish_steps(
    const std::function<bool(std::int64_t thread, std::int64_t pos, const Step&)>& step)
{
    m->graph.missing.drop_index();
    order_components(m->graph, [&](std::int64_t thread, std::int64_t pos, std::int64_t, const Step& s) {
        return step(thread, pos, s);
    });
}

void ThreadBuilder::finish(const std::function<bool(const Thread&)>& emit)
{
    m->graph.missing.drop_index();
    Thread t;
    bool going = true;
    order_components(m->graph, [&](std::int64_t, std::int64_t pos, std::int64_t cables, const Step& s) {
        if (pos == 0 && !t.steps.empty()) {
            going = emit(t);
            t.steps.clear();
        }
        t.cables = cables;
        t.steps.push_back(s);
        return going;
    });
    if (going && !t.steps.empty()) {
        emit(t);
    }
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
