// Helpers shared by the cable test suites: reading corpus files, parsing a string as a named file,
// and joining lists for readable failure messages.
#pragma once

#include "cable/cable.hpp"
#include "cable/parse.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace ck::cable::test {

inline std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::string corpus_path(std::string_view relative)
{
    return std::string(CK_CORPUS_DIR) + "/" + std::string(relative);
}

// Parses text that must yield exactly one cable; an empty Cable when it yields none.
inline Cable parse_one(std::string_view text, std::string_view name = "test.txt")
{
    ParseOutput out = parse(text, name);
    return out.cables.empty() ? Cable {} : out.cables.front();
}

inline std::string join(const std::vector<std::string>& items)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += " | ";
        }
        out += items[i];
    }
    return out;
}

inline std::vector<std::string> ref_ids(const Cable& c)
{
    std::vector<std::string> ids;
    for (const Reference& r : c.refs) {
        ids.push_back(r.id);
    }
    return ids;
}

} // namespace ck::cable::test
