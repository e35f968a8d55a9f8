// The cablegate CSV dialect.
#include "cable/csv_reader.hpp"

namespace ck::cable {
namespace {

constexpr std::size_t max_fields = 64;

} // namespace

bool CsvReader::read_quoted(std::string& field, std::optional<CsvProblem>& problem, std::size_t start_line)
{
    ++m_pos; // opening quote
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c == '\\' && m_pos + 1 < m_text.size()
            && (m_text[m_pos + 1] == '"' || m_text[m_pos + 1] == '\'' || m_text[m_pos + 1] == '\\')) {
            field.push_back(m_text[m_pos + 1]);
            m_pos += 2;
            continue;
        }
        if (c == '"') {
            if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
                field.push_back('"');
                m_pos += 2;
                continue;
            }
            if (m_pos + 1 >= m_text.size() || m_text[m_pos + 1] == ',' || m_text[m_pos + 1] == '\n') {
                ++m_pos; // closing quote
                return true;
            }
            field.push_back('"'); // a stray quote inside a field: keep it as text
            ++m_pos;
            continue;
        }
        if (c == '\n') {
            ++m_line;
        }
        field.push_back(c);
        ++m_pos;
    }
    problem = CsvProblem { start_line, "a quoted field that starts here is never closed" };
    return false;
}

std::optional<CsvRow> CsvReader::next(std::optional<CsvProblem>& problem)
{
    while (m_pos < m_text.size() && m_text[m_pos] == '\n') {
        ++m_pos;
        ++m_line;
    }
    if (m_pos >= m_text.size()) {
        return std::nullopt;
    }
    CsvRow row;
    row.line = m_line;
    while (true) {
        if (row.fields.size() >= max_fields) {
            problem
                = CsvProblem { row.line, "a row with more than " + std::to_string(max_fields) + " fields" };
            return std::nullopt;
        }
        row.field_lines.push_back(m_line);
        std::string field;
        if (m_pos < m_text.size() && m_text[m_pos] == '"') {
            if (!read_quoted(field, problem, m_line)) {
                return std::nullopt;
            }
        } else {
            while (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '\n') {
                field.push_back(m_text[m_pos]);
                ++m_pos;
            }
        }
        row.fields.push_back(std::move(field));
        if (m_pos < m_text.size() && m_text[m_pos] == ',') {
            ++m_pos;
            continue;
        }
        if (m_pos < m_text.size() && m_text[m_pos] == '\n') {
            ++m_pos;
            ++m_line;
        } else if (m_pos < m_text.size()) {
            // Text right after a closing quote: read to the end of the line as a broken field.
            while (m_pos < m_text.size() && m_text[m_pos] != '\n') {
                ++m_pos;
            }
        }
        return row;
    }
}

} // namespace ck::cable
