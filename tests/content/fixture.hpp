// Shared helpers for the content tests: cables modelled on the bundled corpus, temporary
// folders, and a one-call pack build.
#pragma once

#include "cable/cable.hpp"
#include "content/pack.hpp"
#include "content/pack_writer.hpp"
#include "content/search.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ck::test {

// A folder under the system temp folder, removed with everything in it when destroyed.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    TempDir(TempDir&&) = delete;
    TempDir& operator=(TempDir&&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

// Seven cables shaped like the bundled ones (ids, dates, addressees, tags and references as the
// corpus has them), including one with no id of its own and one whose reference names another.
std::vector<cable::Cable> sample_cables();

// A manifest naming some of the sample cables, with a glossary entry that has another form and a
// cable's permalink (so every table of a pack built with it has rows).
content::Manifest sample_manifest();

// Builds a pack from `cables` into `out`; fails the test on error.
content::BuildSummary build_pack(const std::filesystem::path& out, const std::vector<cable::Cable>& cables,
    std::optional<content::Manifest> manifest = std::nullopt, std::int64_t sequence = 1);

content::Pack open_pack(const std::filesystem::path& path);

// `count` cables whose words follow a Zipf law over a made-up vocabulary, with bodies and subjects
// of varied lengths, so that BM25 weights differ from cable to cable (and a few tie); from 1,000
// on, the most frequent words pass the impact lists' threshold. Deterministic.
std::vector<cable::Cable> zipf_cables(int count);
// The same with longer forms beside the words ("babo", "babor", "babosa"), so that a typed prefix
// stands for several frequent words.
std::vector<cable::Cable> zipf_cables_with_longer_forms(int count);

// The cable ids of a page of results, in order.
std::vector<std::string> result_ids(const content::SearchResults& results);

std::string read_bytes(const std::filesystem::path& path);

// A shell command run to its end: its exit code, standard output and standard error (kept in
// `dir` while it runs).
struct CommandRun {
    int code = -1;
    std::string out;
    std::string err;
};
CommandRun run_command(const std::string& command, const TempDir& dir);
void write_bytes(const std::filesystem::path& path, const std::string& bytes);

// `count` small cables for volume tests: every body holds "common", every tenth subject "rare
// common",
// years spread over 1970..2009, classifications and tags cycling.
std::vector<cable::Cable> synthetic_cables(int count);

} // namespace ck::test

#include <ostream>

namespace ck::content {
// Printers so doctest shows values when a comparison fails.
inline std::ostream& operator<<(std::ostream& os, const FacetCount& f)
{
    return os << f.value << "=" << f.count;
}
inline std::ostream& operator<<(std::ostream& os, const YearCount& y)
{
    return os << y.year << "=" << y.cables;
}
inline std::ostream& operator<<(std::ostream& os, const Completion& c)
{
    return os << c.word << "(" << c.cables << ")";
}
inline std::ostream& operator<<(std::ostream& os, const Widened& w)
{
    os << w.typed << ":";
    for (const auto& f : w.forms) {
        os << " " << f;
    }
    return os;
}
template <class T> std::ostream& operator<<(std::ostream& os, const std::vector<T>& items)
{
    os << "[";
    for (const auto& item : items) {
        os << item << " ";
    }
    return os << "]";
}
} // namespace ck::content
