// The cablegate CSV dialect: every field quoted, quotes escaped as \" (MySQL style) or doubled "",
// \' for apostrophes, \\ for a backslash, real newlines inside fields. Rows are read one at a time
// with the source line where each row and field starts. Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck::cable {

struct CsvRow {
    std::vector<std::string> fields;
    std::vector<std::size_t> field_lines; // 1-based source line where each field starts
    std::size_t line = 0; // 1-based source line where the row starts
};

struct CsvProblem {
    std::size_t line = 0;
    std::string message;
};

class CsvReader {
public:
    explicit CsvReader(std::string_view text)
        : m_text(text)
    {
    }

    // The next row, or nullopt at the end of the input or after an unrecoverable problem, which
    // is then in `problem`.
    std::optional<CsvRow> next(std::optional<CsvProblem>& problem);

private:
    bool read_quoted(std::string& field, std::optional<CsvProblem>& problem, std::size_t start_line);

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
};

} // namespace ck::cable
