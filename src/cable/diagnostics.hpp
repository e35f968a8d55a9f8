// Collects the problems found while parsing one file as Diagnostics ("file:line: what is wrong").
// Pure; the caller decides where they are printed.
#pragma once

#include "cable/cable.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ck::cable {

class Sink {
public:
    Sink(std::string_view file, std::vector<Diagnostic>& out)
        : m_file(file)
        , m_out(&out)
    {
    }

    void warning(std::size_t line, std::string message)
    {
        add(Diagnostic::Severity::warning, line, std::move(message));
    }
    void error(std::size_t line, std::string message)
    {
        add(Diagnostic::Severity::error, line, std::move(message));
    }
    [[nodiscard]] std::string_view file() const { return m_file; }

private:
    void add(Diagnostic::Severity severity, std::size_t line, std::string message)
    {
        m_out->push_back(Diagnostic { severity, std::string(m_file), line, std::move(message) });
    }

    std::string m_file;
    std::vector<Diagnostic>* m_out;
};

} // namespace ck::cable
