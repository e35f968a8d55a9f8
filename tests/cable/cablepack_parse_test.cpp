// `cablepack parse` run as the separate program it is: exit codes 0/1/2, the JSON keys of the
// contract, "file:line:" diagnostics on stderr, and --keep-going.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Run {
    int status = -1;
    std::vector<std::string> out_lines;
    std::vector<std::string> err_lines;
};

std::vector<std::string> read_lines(const fs::path& p)
{
    std::ifstream in(p);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        lines.push_back(line);
    }
    return lines;
}

// A scratch directory for one test, removed afterwards.
class Scratch {
public:
    Scratch()
        : m_dir(fs::temp_directory_path()
            / ("ck_parse_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++)))
    {
        fs::create_directories(m_dir);
    }
    ~Scratch()
    {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

    [[nodiscard]] const fs::path& dir() const { return m_dir; }

    std::string write(const std::string& name, const std::string& content) const
    {
        std::ofstream(m_dir / name, std::ios::binary) << content;
        return (m_dir / name).string();
    }

    // Runs cablepack with `args` (already shell-quoted), in the scratch directory.
    [[nodiscard]] Run run(const std::string& args) const
    {
        const fs::path out = m_dir / "stdout.txt";
        const fs::path err = m_dir / "stderr.txt";
        const std::string command = "cd '" + m_dir.string() + "' && '" + std::string(CK_CABLEPACK) + "' "
            + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
        Run r;
        const int raw
            = std::system(command.c_str()); // NOLINT(concurrency-mt-unsafe): tests run one at a time
        r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        r.out_lines = read_lines(out);
        r.err_lines = read_lines(err);
        return r;
    }

private:
    static int& counter()
    {
        static int n = 0;
        return n;
    }
    fs::path m_dir;
};

std::string corpus_file(const std::string& relative)
{
    std::ifstream in(std::string(CK_CORPUS_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const char* const contract_keys[] = { "id", "date", "precedence", "from", "to", "info", "classification",
    "caveats", "tags", "subject", "refs", "format", "ocr", "source_file", "source_line", "confidence" };

} // namespace

TEST_CASE("cablepack parse prints the contract's JSON for a cable and exits 0")
{
    Scratch s;
    s.write("000_ee31729eca87852f.txt", corpus_file("seeds/000_ee31729eca87852f.txt"));
    const Run r = s.run("parse 000_ee31729eca87852f.txt");
    CHECK(r.status == 0);
    CHECK(r.err_lines.empty());
    REQUIRE(r.out_lines.size() == 1);
    const nlohmann::json j = nlohmann::json::parse(r.out_lines[0]);
    for (const char* key : contract_keys) {
        CAPTURE(key);
        CHECK(j.contains(key));
    }
    const nlohmann::json expected
        = nlohmann::json::parse(R"({"id": "1977STATE158046", "date": "1977-07-07T21:38Z",
        "precedence": "PRIORITY", "from": "SECSTATE WASHDC", "to": ["AMEMBASSY TOKYO"], "info": [],
        "classification": "CONFIDENTIAL", "caveats": [], "tags": ["ESTC", "COCOM", "JA"],
        "subject": "DIVERSION OF STRATEGIC GOODS", "refs": [{"text": "STATE 156889", "id": "1977STATE156889", "kind": "cable"}],
        "format": "core", "ocr": false, "source_file": "000_ee31729eca87852f.txt", "source_line": 1})");
    for (const auto& item : expected.items()) {
        const std::string& key = item.key();
        CAPTURE(key);
        CHECK(j.at(key) == item.value());
    }
    CHECK_FALSE(j.contains("display_text"));
    CHECK(j.at("signature") == "VANCE");
    CHECK(j.at("origin") == "Secretary of State");
}

TEST_CASE("cablepack parse gives each key field's confidence, and missing where the field is empty")
{
    struct Case {
        std::string file;
        std::string expected; // the "confidence" object
    };
    const Case cases[] = {
        { "seeds/000_ee31729eca87852f.txt",
            R"({"id":"source","date":"source","from":"source","to":"source","classification":"source",
            "subject":"source","tags":"source","refs":"source"})" },
        { "exhibit/015_05vienna3833-austria-questionable-transactions.txt",
            R"({"id":"source","date":"source","from":"derived","to":"missing","classification":"source",
            "subject":"source","tags":"source","refs":"source"})" },
        { "exhibit/034_jfk-director-941533-oswald-japan-story.txt",
            R"({"id":"ocr","date":"ocr","from":"ocr","to":"ocr","classification":"missing",
            "subject":"low","tags":"missing","refs":"ocr"})" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.file);
        Scratch s;
        s.write("doc.txt", corpus_file(c.file));
        const Run r = s.run("parse doc.txt");
        CHECK(r.status == 0);
        REQUIRE(r.out_lines.size() == 1);
        CHECK(nlohmann::json::parse(r.out_lines[0]).at("confidence") == nlohmann::json::parse(c.expected));
    }
}

TEST_CASE("unknown fields are null or empty lists, and --display-text adds the text")
{
    Scratch s;
    s.write("memo.txt", corpus_file("seeds/001_cafc2fa6b2b6242c.txt"));
    const Run r = s.run("parse --display-text memo.txt");
    CHECK(r.status == 0);
    REQUIRE(r.out_lines.size() == 1);
    const nlohmann::json j = nlohmann::json::parse(r.out_lines[0]);
    CHECK(j.at("id").is_null());
    CHECK(j.at("precedence").is_null());
    CHECK(j.at("from").is_null());
    CHECK(j.at("classification").is_null());
    CHECK(j.at("to") == nlohmann::json::array());
    CHECK(j.at("date") == "1983-12-01");
    CHECK(j.at("format") == "other");
    CHECK(
        j.at("display_text").get<std::string>().find("Controlling Technology Leakage") != std::string::npos);
}

TEST_CASE("a CSV file gives one JSON line per row with the row's starting line")
{
    Scratch s;
    const std::string a = corpus_file("exhibit/019_85tokyo364-goj-whaling.txt");
    const std::string b = corpus_file("exhibit/023_93seoul2885-dprk-ends-semi-war-state.txt");
    s.write("rows.csv", a + b);
    const Run r = s.run("parse rows.csv");
    CHECK(r.status == 0);
    REQUIRE(r.out_lines.size() == 2);
    CHECK(nlohmann::json::parse(r.out_lines[0]).at("source_line") == 1);
    const auto second = nlohmann::json::parse(r.out_lines[1]);
    CHECK(second.at("id") == "93SEOUL2885");
    CHECK(second.at("source_line").get<std::size_t>() > 1);
}

TEST_CASE("unreadable files are file:0: errors and exit 1")
{
    Scratch s;
    fs::create_directories(s.dir() / "folder");
    const Run missing = s.run("parse missing.txt");
    CHECK(missing.status == 1);
    REQUIRE(missing.err_lines.size() == 1);
    CHECK(missing.err_lines[0] == "missing.txt:0: error: cannot read: No such file or directory");
    CHECK(missing.out_lines.empty());
    const Run folder = s.run("parse folder");
    CHECK(folder.status == 1);
    REQUIRE(folder.err_lines.size() == 1);
    CHECK(folder.err_lines[0] == "folder:0: error: cannot read: is a directory");
    s.write("empty.txt", "");
    const Run empty = s.run("parse empty.txt");
    CHECK(empty.status == 1);
    REQUIRE(empty.err_lines.size() == 1);
    CHECK(empty.err_lines[0] == "empty.txt:0: error: the file is empty");
}

TEST_CASE("every problem in a file is reported as file:line:, not just the first")
{
    Scratch s;
    s.write(
        "bad.csv", corpus_file("exhibit/021_92tokyo4774-iran-adb-ibrd.txt") + "\"2\",\"x\"\n\"3\",\"y\"\n");
    const Run r = s.run("parse bad.csv");
    CHECK(r.status == 1);
    REQUIRE(r.err_lines.size() == 2);
    for (const std::string& line : r.err_lines) {
        CAPTURE(line);
        CHECK(line.rfind("bad.csv:", 0) == 0);
        CHECK(line.find(": error: CSV: the row has 2 fields") != std::string::npos);
    }
    CHECK(r.err_lines[0] != r.err_lines[1]); // two different lines
    CHECK(r.out_lines.empty()); // without --keep-going a failing file prints no cables
}

TEST_CASE("without --keep-going the command stops at the first failing file; with it the rest is printed")
{
    Scratch s;
    s.write("good.txt", corpus_file("seeds/003_7033bef4857a1052.txt"));
    s.write("empty.txt", "");
    const Run stop = s.run("parse good.txt empty.txt good.txt");
    CHECK(stop.status == 1);
    CHECK(stop.out_lines.size() == 1); // the first good file only
    REQUIRE(stop.err_lines.size() == 1);
    CHECK(stop.err_lines[0].rfind("empty.txt:0:", 0) == 0);
    const Run go_on = s.run("parse --keep-going good.txt empty.txt good.txt");
    CHECK(go_on.status == 1);
    CHECK(go_on.out_lines.size() == 2);
    CHECK(go_on.err_lines.size() == 1);
}

TEST_CASE("usage errors exit 2")
{
    Scratch s;
    CHECK(s.run("parse").status == 2);
    CHECK(s.run("parse --no-such-option x.txt").status == 2);
    CHECK(s.run("").status == 2);
}
