// The Prometheus text exposition format (version 0.0.4), as node_exporter's textfile collector
// reads it: "# HELP" and "# TYPE" once per family, then its samples. Names follow Prometheus
// conventions (snake_case, base units in the name: _seconds, _bytes; counters end in _total);
// `promtool check metrics` is the judge, in the tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ck::prometheus {

struct Label {
    std::string name;
    std::string value;
};

class Text {
public:
    // Starts a family. `type` is "gauge", "counter", "summary" or "untyped".
    void family(std::string_view name, std::string_view type, std::string_view help);
    // A sample of the family started last (or of its _sum/_count series).
    void sample(std::string_view name, const std::vector<Label>& labels, double value);
    void sample(std::string_view name, double value) { sample(name, {}, value); }
    [[nodiscard]] const std::string& str() const { return m_text; }

private:
    std::string m_text;
};

// A label value with \, " and newline escaped.
std::string escape_label_value(std::string_view value);
// HELP text with \ and newline escaped.
std::string escape_help(std::string_view help);
// A sample value: integers without a fraction, NaN and +Inf/-Inf as Prometheus spells them.
std::string format_value(double value);

} // namespace ck::prometheus
