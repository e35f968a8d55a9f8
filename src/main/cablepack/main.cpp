// cablepack: the curator's tool. Parses cable files, builds, signs, verifies, inspects, exports,
// searches and compares content packs.
#include "cablepack/commands.hpp"

#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
    CLI::App app { "cablepack: turn cable files into signed, searchable content packs for Cable Kiosk" };
    app.require_subcommand(1);
    app.set_help_all_flag("--help-all", "Show help for every subcommand");

    ck::cablepack::Runner run;
    ck::cablepack::register_parse(app, run);
    ck::cablepack::register_build(app, run);
    ck::cablepack::register_keys(app, run);
    ck::cablepack::register_verify(app, run);
    ck::cablepack::register_inspect(app, run);
    ck::cablepack::register_export(app, run);
    ck::cablepack::register_search(app, run);
    ck::cablepack::register_diff(app, run);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return ck::cablepack::report_usage_error(app, e);
    }
    if (!run) {
        std::fputs(app.help().c_str(), stderr);
        return ck::cablepack::exit_usage;
    }
    try {
        return run();
    } catch (const std::exception& e) {
        // Commands report expected failures as values; reaching here is a bug, but the curator
        // still gets one clear line and a failure code rather than an abort.
        std::fprintf(stderr, "cablepack: internal error: %s\n", e.what());
        return ck::cablepack::exit_failed;
    }
}
