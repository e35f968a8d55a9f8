// What changed between two packs, cable by cable: what `cablepack diff` prints and what staff
// mode shows for an import waiting for the next idle moment.
#pragma once

#include "core/result.hpp"

#include <string>
#include <vector>

namespace ck::content {

class Pack;

struct PackDiff {
    std::vector<std::string> added;
    std::vector<std::string> removed;
    std::vector<std::string> changed; // stored differently: text, metadata or references
    bool curation_changed = false; // title, sections, featured, glossary, tours, UI strings

    // "3 cables added, 1 removed, 2 changed; curation changed"
    [[nodiscard]] std::string summary() const;
};

Result<PackDiff> diff_packs(Pack& old_pack, Pack& new_pack);

} // namespace ck::content
