#!/bin/sh
# New exhibits while the kiosk runs (issue 12), end to end: a kiosk with a state folder and an
# import folder, real packs built and signed here (a newer release, one signed by a stranger, an
# older one), dropped by the script during a visit. The script checks that a refused pack changes
# nothing and that an installed one waits for the visit to end.
# usage: imports.sh KIOSK CABLEPACK CONTENT_PACK_DIR BUILD_DIR OUT_DIR SCRIPT SIZE ROTATE
set -eu
kiosk=$1 cablepack=$2 content=$3 build=$4 out=$5 script=$6 size=$7 rotate=$8
rm -rf "$out" && mkdir -p "$out/packs" "$out/state" "$out/import" "$out/shots"
"$cablepack" build "$content" --manifest "$content/collection.toml" --out "$out/packs/exhibit-r2.ckpack" --sequence 2 2>/dev/null
"$cablepack" sign "$out/packs/exhibit-r2.ckpack" --key "$build/exhibit-signing.key" >/dev/null
cp "$build/exhibit.ckpack" "$build/exhibit.ckpack.minisig" "$out/packs/"
cp "$out/packs/exhibit-r2.ckpack" "$out/packs/stranger.ckpack"
"$cablepack" keygen --out "$out/packs/stranger" >/dev/null
"$cablepack" sign "$out/packs/stranger.ckpack" --key "$out/packs/stranger.key" >/dev/null
cat > "$out/kiosk.toml" <<TOML
[state]
dir = "$out/state"
[import]
dir = "$out/import"
[pack]
trusted_keys = [{ name = "museum-2026", key = "$(sed -n 2p "$build/exhibit-signing.pub")" }]
TOML
cd "$out"
"$kiosk" --headless --size "$size" --rotate "$rotate" --config "$out/kiosk.toml" --pack "$build/exhibit.ckpack" \
  --script "$script" --screenshots "$out/shots" --check-text 2> "$out/log.txt" || { cat "$out/log.txt"; exit 1; }
# Each refusal and the install are in the log with the file's name and the reason.
grep -q "refused stranger.ckpack: signed by key .*, which this kiosk does not trust" "$out/log.txt"
grep -q "installed exhibit-r2.ckpack: release 2 signed by museum-2026 is installed" "$out/log.txt"
grep -q "refused exhibit.ckpack: release 1 is not newer than release 2" "$out/log.txt"
# cablepack reads the same record: release 2 is now installed, so 2 is refused and 3 accepted.
if "$cablepack" verify "$out/packs/exhibit-r2.ckpack" --pubkey "$build/exhibit-signing.pub" --installed "$out/state" \
  > "$out/verify2.txt" 2>&1; then
  echo "cablepack verify accepted a release the kiosk has installed"; exit 1
fi
grep -q "release 2 is not newer than release 2, the newest the kiosk has installed" "$out/verify2.txt"
"$cablepack" build "$content" --manifest "$content/collection.toml" --out "$out/packs/exhibit-r3.ckpack" --sequence 3 2>/dev/null
"$cablepack" sign "$out/packs/exhibit-r3.ckpack" --key "$build/exhibit-signing.key" >/dev/null
"$cablepack" verify "$out/packs/exhibit-r3.ckpack" --pubkey "$build/exhibit-signing.pub" --installed "$out/state" >/dev/null
