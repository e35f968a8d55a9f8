// Threads ("conversations"): the connected components of the reference graph, followed both ways,
// each as one chain in date order. A reference that resolves links two cables of the pack; one
// that names a cable the pack lacks links the citing cable to a missing step, which stays in the
// chain as a placeholder placed by an estimated date. Pure: the pack writer feeds it rows and
// stores its answer, so the kiosk never computes a thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck::content::threads {

// A cable of the pack, in pack order.
struct CableNode {
    std::int64_t num = 0; // the pack's row number (pack order: date, then id)
    std::string key; // reference_key of its id ("2009TRIPOLI943")
    std::optional<std::int64_t> time; // seconds since 1970 (UTC); none when undated
};

// A reference of cable `from` that names a cable: `to` when that cable is in the pack, else 0
// with the id as the reference names it (`missing_id`, "09TRIPOLI966").
struct RefLink {
    std::int64_t from = 0;
    std::int64_t to = 0;
    std::string missing_id;
};

// One step of a thread: a cable of the pack, or a missing one with what its id tells of it.
struct Step {
    std::int64_t num = 0; // 0 for a missing step
    std::string missing_id; // as first cited, in pack order
    std::string post; // "TRIPOLI": the post as ids write it
    std::string serial; // "966", without leading zeros
    int year = 0; // 0 when the id names none
    std::int64_t nth = 0; // cables of the pack up to and including this step (1-based rank)
    friend bool operator==(const Step&, const Step&) = default;
};

struct Thread {
    std::vector<Step> steps; // in date order
    std::int64_t cables = 0; // steps that are cables of the pack
};

// Every thread of a pack, ordered by its first cable in pack order. A thread holds at least two
// cables of the pack: a cable with no link, or whose only links lead out of the collection, has
// none (its references already say "not in this collection"; there is no conversation to walk).
std::vector<Thread> build_threads(const std::vector<CableNode>& cables, const std::vector<RefLink>& links);

// build_threads given one cable and then one reference at a time, each thread handed on as it is
// made: the pack writer streams the cables and references from SQLite and stores each thread at
// once, so that neither the references nor the threads are ever held whole. A cable costs the
// builder about 30 bytes (its time, and the year, post and serial of its key), a missing id about
// 60 (its text and key, and its slot in a table).
class ThreadBuilder {
public:
    ThreadBuilder();
    explicit ThreadBuilder(const std::vector<CableNode>& cables); // add_cable() for each
    ~ThreadBuilder();
    ThreadBuilder(const ThreadBuilder&) = delete;
    ThreadBuilder& operator=(const ThreadBuilder&) = delete;
    ThreadBuilder(ThreadBuilder&&) = delete;
    ThreadBuilder& operator=(ThreadBuilder&&) = delete;

    // Room for `cables` cables: a list grown by doubling holds up to three halves of itself at once.
    void reserve(std::size_t cables);
    // Every cable of the pack, in pack order, before the first add(). `key` is its reference key.
    void add_cable(std::int64_t num, std::string_view key, std::optional<std::int64_t> time);
    void add(const RefLink& link);
    // Every thread in build_threads' order; `emit` returns false to stop.
    void finish(const std::function<bool(const Thread&)>& emit);
    // The same, one step at a time (a thread can hold a good share of a large archive): `step` gets
    // the thread's number (0, 1, ...), the step's position in it and the step; false stops.
    void finish_steps(const std::function<bool(std::int64_t thread, std::int64_t pos, const Step&)>& step);

private:
    struct State;
    std::unique_ptr<State> m;
};

// The parts of a reference key "2009TRIPOLI966"; nullopt for keys of another shape.
struct KeyParts {
    int year = 0;
    std::string post;
    std::int64_t serial = 0;
    std::string serial_text;
};
std::optional<KeyParts> split_key(std::string_view key);

// Seconds since 1970 of a CableDate::iso() text ("2009-11-25", "2009-11-25T14:02Z"); nullopt
// for anything else.
std::optional<std::int64_t> iso_seconds(std::string_view iso);

} // namespace ck::content::threads
