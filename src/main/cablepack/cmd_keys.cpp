// `cablepack keygen --out BASENAME` writes BASENAME.pub and BASENAME.key (minisign's formats; the
// secret key unencrypted, mode 0600). `cablepack sign PACK --key KEY` checks that PACK opens as a
// pack and writes PACK.minisig: prehashed Ed25519, with a trusted comment binding the pack's
// sequence number and content hash. Exit codes: 0 ok, 1 bad input or a failed check, 2 usage.
#include "cablepack/cmd_shared.hpp"
#include "cablepack/commands.hpp"
#include "content/pack.hpp"
#include "content/signing.hpp"
#include "content/verify.hpp"

#include <cstdio>
#include <memory>
#include <string>

namespace ck::cablepack {
namespace {

int run_keygen(const std::string& basename)
{
    auto pair = content::generate_key_pair();
    if (!pair) {
        print_error(pair.error());
        return exit_failed;
    }
    if (auto st = content::write_key_pair(*pair, basename); !st) {
        print_error(st.error());
        return exit_failed;
    }
    std::printf("key %s\npublic key: %s.pub\nsecret key: %s.key (keep it secret; never commit it)\n",
        pair->public_key.key_id_hex().c_str(), basename.c_str(), basename.c_str());
    return exit_ok;
}

int run_sign(const std::string& pack_path, const std::string& key_path)
{
    auto key = content::read_secret_key(key_path);
    if (!key) {
        print_error(key.error());
        return exit_failed;
    }
    content::PackInfo info;
    {
        auto pack = content::Pack::open(pack_path, curator_open());
        if (!pack) {
            print_error(pack_path, "not a valid pack: " + pack.error().to_string());
            return exit_failed;
        }
        info = pack->info();
    }
    const std::string name = std::filesystem::path(pack_path).filename().string();
    auto sig = content::sign_file(pack_path, *key, content::pack_trusted_comment(info, name),
        "signature from cablepack key " + key->public_key().key_id_hex());
    if (!sig) {
        print_error(sig.error());
        return exit_failed;
    }
    const auto out = content::signature_path_for(pack_path);
    if (auto st = write_atomically(out, content::format_signature(*sig)); !st) {
        print_error(st.error());
        return exit_failed;
    }
    std::printf("signed %s (sequence %lld) with key %s: %s\n", pack_path.c_str(),
        static_cast<long long>(info.sequence), key->public_key().key_id_hex().c_str(), out.c_str());
    return exit_ok;
}

} // namespace

void register_keys(CLI::App& app, Runner& run)
{
    CLI::App* keygen = app.add_subcommand("keygen", "Make a signing key pair (BASENAME.pub, BASENAME.key)");
    auto basename = std::make_shared<std::string>();
    keygen->add_option("--out", *basename, "Basename of the key files")->required();
    keygen->callback([&run, basename] { run = [basename] { return run_keygen(*basename); }; });

    CLI::App* sign = app.add_subcommand("sign", "Sign a pack: writes PACK.minisig");
    auto pack = std::make_shared<std::string>();
    auto key = std::make_shared<std::string>();
    sign->add_option("PACK", *pack, "The pack to sign")->required();
    sign->add_option("--key", *key, "The secret key file (minisign format, unencrypted)")->required();
    sign->callback([&run, pack, key] { run = [pack, key] { return run_sign(*pack, *key); }; });
}

} // namespace ck::cablepack
