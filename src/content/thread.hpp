// A thread ("conversation") as the kiosk reads it from a pack: the steps around one cable, in date
// order, each a cable of the pack or a missing one with what its id tells of it. Plain values.
#pragma once

#include "content/pack_types.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace ck::content {

struct ThreadStep {
    CableSummary cable; // id empty for a missing step
    std::string missing_id; // "09TRIPOLI966": the id as first cited
    std::string post; // "TRIPOLI"
    std::string serial; // "966"
    int year = 0; // 0 when unknown
    [[nodiscard]] bool in_pack() const { return !cable.id.empty(); }
    friend bool operator==(const ThreadStep&, const ThreadStep&) = default;
};

struct Thread {
    // The steps read: the whole thread, or a window of it around the open cable.
    std::vector<ThreadStep> steps;
    std::int64_t first_pos = 0; // position of steps[0] in the whole thread (0-based)
    std::int64_t total_steps = 0; // steps in the whole thread, missing ones included
    std::int64_t cables = 0; // cables of the pack in the whole thread
    std::size_t current = 0; // index into steps of the open cable
    std::int64_t current_nth = 0; // the open cable's rank among the thread's cables (1-based)
    [[nodiscard]] bool empty() const { return steps.empty(); }
};

// A thread's ids, as `cablepack inspect` and `export` list them.
struct ThreadIds {
    std::vector<std::string> cables; // in date order
    std::vector<std::string> missing; // in date order
};

} // namespace ck::content
