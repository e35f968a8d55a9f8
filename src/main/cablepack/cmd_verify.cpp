// `cablepack verify PACK --pubkey KEY [--json] [--signature SIG] [--installed OLD]`: the signature
// (prehashed ED by the given key), the trusted comment's binding to the pack's sequence and content
// hash, the open checks (header, schema, metadata), with --installed the rollback check against the
// pack a kiosk holds now (HOSTILE_INPUTS b2.15-16: a lower sequence, or the same sequence with other
// content, is refused), and integrity (integrity_check, FTS5, content hash). Every check is listed;
// the first failure ends the run. Exit codes: 0 all passed, 1 a check failed or
// bad input, 2 usage.
#include "cablepack/cmd_shared.hpp"
#include "cablepack/commands.hpp"
#include "content/pack.hpp"
#include "content/pack_store.hpp"
#include "content/verify.hpp"

#include <cstdio>
#include <memory>
#include <string>

namespace ck::cablepack {
namespace {

struct VerifyArgs {
    std::string pack;
    std::string pubkey;
    std::string signature;
    std::string installed;
    bool json = false;
    bool quick = false;
};

int run_verify(const VerifyArgs& args)
{
    auto key = content::read_public_key(args.pubkey);
    if (!key) {
        print_error(key.error());
        return exit_failed;
    }
    const std::filesystem::path sig = args.signature.empty() ? content::signature_path_for(args.pack)
                                                             : std::filesystem::path(args.signature);
    content::VerifyOptions options;
    options.integrity = !args.quick;
    if (!args.installed.empty() && std::filesystem::is_directory(args.installed)) {
        // A kiosk's state folder: the record the kiosk itself writes.
        auto record = content::read_store_record(args.installed);
        if (!record) {
            print_error(record.error());
            return exit_failed;
        }
        options.installed = content::InstalledPack { record->highest_sequence,
            record->current ? record->current->content_hash : std::string(), true };
    } else if (!args.installed.empty()) {
        auto old = content::Pack::open(args.installed, curator_open());
        if (!old) {
            print_error(args.installed, "the installed pack cannot be read: " + old.error().to_string());
            return exit_failed;
        }
        options.installed = content::InstalledPack { old->info().sequence, old->info().content_hash };
    }
    const content::VerifyReport report = content::verify_pack(args.pack, sig, *key, options);
    if (args.json) {
        nlohmann::json out;
        out["ok"] = report.ok();
        out["pack"] = args.pack;
        out["signature"] = sig.string();
        out["key_id"] = report.key_id;
        out["trusted_comment"] = report.trusted_comment;
        out["checks"] = nlohmann::json::array();
        for (const auto& step : report.steps) {
            out["checks"].push_back({ { "name", step.name }, { "ok", step.ok }, { "detail", step.detail } });
        }
        if (report.info) {
            out["sequence"] = report.info->sequence;
            out["content_hash"] = report.info->content_hash;
            out["schema_version"] = report.info->schema_version;
            out["title"] = report.info->title;
        }
        if (!report.ok()) {
            out["error"] = report.error().to_string();
        }
        print_json(out);
    } else {
        for (const auto& step : report.steps) {
            std::printf("%-6s %s%s%s\n", step.ok ? "ok" : "FAILED", step.name.c_str(),
                step.detail.empty() ? "" : ": ", step.detail.c_str());
        }
        if (report.ok()) {
            std::printf("%s: verified (sequence %lld, key %s)\n", args.pack.c_str(),
                static_cast<long long>(report.info->sequence), report.key_id.c_str());
        }
    }
    if (!report.ok()) {
        if (!args.json) {
            print_error(args.pack, "verification failed: " + report.error().to_string());
        }
        return exit_failed;
    }
    return exit_ok;
}

} // namespace

void register_verify(CLI::App& app, Runner& run)
{
    CLI::App* cmd
        = app.add_subcommand("verify", "Verify a pack's signature, trusted comment, integrity and schema");
    auto args = std::make_shared<VerifyArgs>();
    cmd->add_option("PACK", args->pack, "The pack")->required();
    cmd->add_option("--pubkey", args->pubkey, "The trusted public key (minisign format)")->required();
    cmd->add_option("--signature", args->signature, "The signature (default: PACK.minisig)");
    cmd->add_option("--installed", args->installed,
        "The pack installed now, or a kiosk's state folder ([state] dir): refuse a pack that would roll it "
        "back");
    cmd->add_flag("--json", args->json, "Print the result as JSON");
    cmd->add_flag(
        "--quick", args->quick, "Skip the slow integrity checks (signature, binding and schema only)");
    cmd->callback([&run, args] { run = [args] { return run_verify(*args); }; });
}

} // namespace ck::cablepack
