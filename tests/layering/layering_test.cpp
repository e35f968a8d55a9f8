// Walks src/ and checks every #include against the layering of ARCHITECTURE.md.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Include {
    std::string file;
    int line = 0;
    std::string target; // what is inside the <> or ""
    bool angled = false;
};

std::vector<Include> includes_of(const fs::path& root, const std::string& layer)
{
    std::vector<Include> out;
    for (const auto& entry : fs::recursive_directory_iterator(root / layer)) {
        const auto ext = entry.path().extension();
        if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".h")) {
            continue;
        }
        std::ifstream in(entry.path());
        std::string text;
        int n = 0;
        while (std::getline(in, text)) {
            ++n;
            const auto pos = text.find("#include");
            if (pos == std::string::npos || text.find_first_not_of(" \t") != pos) {
                continue;
            }
            const auto open = text.find_first_of("<\"", pos);
            const auto close = open == std::string::npos ? open : text.find_first_of(">\"", open + 1);
            if (open == std::string::npos || close == std::string::npos) {
                continue;
            }
            out.push_back({ fs::relative(entry.path(), root).string(), n,
                text.substr(open + 1, close - open - 1), text[open] == '<' });
        }
    }
    return out;
}

// Third-party header prefixes, and the one folder each belongs to.
const std::map<std::string, std::set<std::string>> library_owner = {
    { "SDL2/", { "platform" } },
    { "SDL.h", { "platform" } },
    { "sqlite3.h", { "content" } },
    { "sodium", { "content" } },
    { "ft2build.h", { "text" } },
    { "freetype/", { "text" } },
    { "hb.h", { "text" } },
    { "hb-", { "text" } },
    { "harfbuzz/", { "text" } },
    { "linebreak", { "text" } },
    { "graphemebreak", { "text" } },
    { "wordbreak", { "text" } },
    { "unibreak", { "text" } },
    { "png.h", { "platform" } },
    { "toml++/", { "content", "main" } },
    { "nlohmann/", { "main" } },
    { "CLI/", { "main" } },
    { "systemd/", { "platform" } },
};

// Our layers and what each may include.
const std::map<std::string, std::set<std::string>> allowed_layers = {
    { "core", { "core" } },
    { "cable", { "core", "cable" } },
    { "content", { "core", "cable", "content" } },
    { "text", { "core", "text" } },
    { "input", { "core", "input" } },
    { "ui", { "core", "text", "input", "ui" } },
    { "screens", { "core", "cable", "content", "text", "input", "ui", "screens" } },
    { "app", { "core", "cable", "content", "text", "input", "ui", "screens", "app" } },
    { "platform", { "core", "input", "ui", "platform" } },
    { "main",
        { "core", "cable", "content", "text", "input", "ui", "screens", "app", "platform", "main",
            "cablepack", "kiosk" } },
};

bool starts_with(const std::string& s, const std::string& prefix)
{
    return s.compare(0, prefix.size(), prefix) == 0;
}

} // namespace

TEST_CASE("no file includes a third-party library header outside that library's adapter folder")
{
    const fs::path root = fs::path(CK_SOURCE_DIR) / "src";
    for (const auto& [layer, _] : allowed_layers) {
        if (!fs::exists(root / layer)) {
            continue;
        }
        for (const Include& inc : includes_of(root, layer)) {
            for (const auto& [prefix, owners] : library_owner) {
                if (starts_with(inc.target, prefix)) {
                    INFO(inc.file << ":" << inc.line << ": includes <" << inc.target << ">");
                    CHECK(owners.count(layer) == 1);
                }
            }
        }
    }
}

TEST_CASE("each layer includes only the layers beneath it")
{
    const fs::path root = fs::path(CK_SOURCE_DIR) / "src";
    for (const auto& [layer, allowed] : allowed_layers) {
        if (!fs::exists(root / layer)) {
            continue;
        }
        for (const Include& inc : includes_of(root, layer)) {
            if (inc.angled) {
                continue;
            }
            const auto slash = inc.target.find('/');
            if (slash == std::string::npos) {
                continue; // a sibling header in the same folder
            }
            const std::string included_layer = inc.target.substr(0, slash);
            INFO(inc.file << ":" << inc.line << ": includes \"" << inc.target << "\"");
            CHECK(allowed.count(included_layer) == 1);
        }
    }
}

TEST_CASE("core and cable include nothing but the standard library and themselves")
{
    const fs::path root = fs::path(CK_SOURCE_DIR) / "src";
    for (const std::string layer : { "core", "cable" }) {
        for (const Include& inc : includes_of(root, layer)) {
            if (!inc.angled) {
                continue;
            }
            INFO(inc.file << ":" << inc.line << ": includes <" << inc.target << ">");
            // Standard headers have no '.' or '/' (<vector>, <string_view>); C headers are <cxxx>.
            CHECK(inc.target.find_first_of("./") == std::string::npos);
        }
    }
}
