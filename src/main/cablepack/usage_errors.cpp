// CLI11's messages for a command line it cannot parse ("--limit: At Most 1 required but received
// 2", "Value 500 not in range 0 to 100") said in cablepack's own voice: what was wrong, and what is
// accepted, as "cablepack: <where>: <message>" like every other error. Help requests go to CLI11.
#include "cablepack/cmd_shared.hpp"
#include "cablepack/commands.hpp"

#include <regex>
#include <string>

namespace ck::cablepack {
namespace {

// The subcommand the words named, if any ("search"), for the hint and the option list.
const CLI::App* chosen(const CLI::App& app)
{
    for (const CLI::App* sub : app.get_subcommands()) {
        return sub;
    }
    return nullptr;
}

std::string command_name(const CLI::App& app)
{
    const CLI::App* sub = chosen(app);
    return sub != nullptr ? "cablepack " + sub->get_name() : "cablepack";
}

std::string options_of(const CLI::App& app)
{
    const CLI::App* sub = chosen(app);
    if (sub == nullptr) {
        std::string names;
        for (const CLI::App* s : app.get_subcommands({})) {
            names += (names.empty() ? "" : ", ") + s->get_name();
        }
        return "the commands are " + names;
    }
    std::string names;
    for (const CLI::Option* o : sub->get_options()) {
        const std::string name = o->get_name();
        if (name.rfind("--", 0) == 0 && name != "--help" && name != "--help-all") {
            names += (names.empty() ? "" : ", ") + name;
        }
    }
    return names.empty() ? "it takes no options" : "its options are " + names;
}

bool is_number(const std::string& text)
{
    return std::regex_match(text, std::regex("-?[0-9]+"));
}

// The message for one CLI11 error, from its text (CLI11 has no structured fields for them).
std::string rewrite(const CLI::App& app, const std::string& raw)
{
    std::smatch m;
    const std::string hint = " (" + command_name(app) + " --help lists what it takes)";
    if (std::regex_match(raw, m, std::regex("(--?[A-Za-z0-9-]+): Value (.*) not in range (.*) to (.*)"))) {
        const std::string value = m[2];
        const std::string range = "a whole number from " + std::string(m[3]) + " to " + std::string(m[4]);
        if (!is_number(value)) {
            return std::string(m[1]) + ": '" + value + "' is not a number; it takes " + range;
        }
        return std::string(m[1]) + ": " + value + " is out of range; it takes " + range;
    }
    if (std::regex_match(
            raw, m, std::regex("(--?[A-Za-z0-9-]+): At Most ([0-9]+) required but received ([0-9]+)"))) {
        return std::string(m[1]) + ": given " + std::string(m[3]) + " times; give it at most "
            + std::string(m[2]) + " time(s)";
    }
    if (std::regex_match(raw, m, std::regex("(--?[A-Za-z0-9-]+): [0-9]+ required .* missing"))) {
        return std::string(m[1]) + ": needs a value after it" + hint;
    }
    if (std::regex_match(raw, m, std::regex("(--?[A-Za-z0-9-]+) is required"))) {
        return std::string(m[1]) + " is missing; " + command_name(app) + " needs it" + hint;
    }
    if (std::regex_match(raw, m, std::regex("([A-Z][A-Z0-9_]*) is required"))) {
        return "missing " + std::string(m[1]) + hint;
    }
    if (std::regex_match(raw, m, std::regex("The following arguments? (was|were) not expected: (.*)"))) {
        return "'" + std::string(m[2]) + "' is not something " + command_name(app) + " takes; "
            + options_of(app);
    }
    if (std::regex_match(raw, std::regex("A subcommand is required"))) {
        const auto words = app.remaining();
        const std::string given
            = words.empty() ? "no command given" : "'" + words.front() + "' is not a command";
        return given + "; " + options_of(app) + " (cablepack --help-all shows what each takes)";
    }
    if (std::regex_match(raw, m, std::regex("(--?[A-Za-z0-9-]+): (.*)"))) {
        return std::string(m[1]) + ": " + std::string(m[2]) + hint;
    }
    return raw + hint;
}

} // namespace

int report_usage_error(const CLI::App& app, const CLI::ParseError& error)
{
    if (error.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
        return app.exit(error) == 0 ? exit_ok : exit_usage; // --help, --help-all
    }
    const CLI::App* sub = chosen(app);
    print_error(sub != nullptr ? sub->get_name() : "usage", rewrite(app, error.what()));
    return exit_usage;
}

} // namespace ck::cablepack
