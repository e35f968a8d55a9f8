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
[staff]
$(grep '^pin_hash' "$(dirname "$script")/staff.toml")
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
grep -q "ignored exhibit.ckpack: release 1 is installed already" "$out/log.txt"
# cablepack reads the same record: release 2 is now installed, so 2 is refused and 3 accepted.
if "$cablepack" verify "$out/packs/exhibit-r2.ckpack" --pubkey "$build/exhibit-signing.pub" --installed "$out/state" \
  > "$out/verify2.txt" 2>&1; then
  echo "cablepack verify accepted a release the kiosk has installed"; exit 1
fi
grep -q "release 2 is not newer than release 2, the newest the kiosk has installed" "$out/verify2.txt"
"$cablepack" build "$content" --manifest "$content/collection.toml" --out "$out/packs/exhibit-r3.ckpack" --sequence 3 2>/dev/null
"$cablepack" sign "$out/packs/exhibit-r3.ckpack" --key "$build/exhibit-signing.key" >/dev/null
"$cablepack" verify "$out/packs/exhibit-r3.ckpack" --pubkey "$build/exhibit-signing.pub" --installed "$out/state" >/dev/null

# Staff's side (issue 12): the Imports page with what arrived, a newer release waiting while staff
# mode is on (a visit of its own), the rollback behind its confirmation, a report saved into the
# import folder; after staff mode the kiosk shows what the rollback chose. The door's corners
# depend on the screen the visitor sees.
if [ "$rotate" = 90 ] || [ "$rotate" = 270 ]; then w=${size#*x} h=${size%x*}; else w=${size%x*} h=${size#*x}; fi
o=landscape; [ "$w" -lt "$h" ] && o=portrait
cat > "$out/staff_imports.script" <<SCRIPT
wait 500
expect pack 2
longpress 20 20 2200
tap $((w - 20)) 20
tap $((w - 20)) $((h - 20))
tap 20 $((h - 20))
wait 300
tap @staff.pin.2
tap @staff.pin.4
tap @staff.pin.6
tap @staff.pin.8
tap @staff.pin.ok
wait 3000
tap @staff.tab.imports
expect staff imports
expect text "Release 2, signed by museum-2026"
drop packs/stranger.ckpack
wait 500
expect text "which this kiosk does not trust"
drop packs/exhibit-r3.ckpack
wait 1000
expect text "Release 3 is installed and shows to the next visitor"
expect pack 2
shot staff-imports-waiting-$o
tap @staff.imports.rollback
expect text "Roll back to release 2?"
shot staff-imports-confirm-$o
tap @staff.imports.rollback.yes
wait 1000
expect text "rolled back to release 2 on purpose"
shot staff-imports-rolled-back-$o
tap @staff.tab.actions
tap @staff.actions.save
wait 500
expect text "Saved 11 files"
tap @staff.leave
wait 500
expect pack 2
SCRIPT
"$kiosk" --headless --size "$size" --rotate "$rotate" --config "$out/kiosk.toml" --pack "$build/exhibit.ckpack" \
  --script "$out/staff_imports.script" --screenshots "$out/shots" --check-text 2> "$out/log2.txt" || { cat "$out/log2.txt"; exit 1; }
# The report: the self-test's JSON and a picture of each of the ten staff screens, in the import folder.
report=$(ls -d "$out/import"/staff-report-*)
test -s "$report/self-test.json"
test "$(ls "$report"/*.png | wc -l)" -eq 10
grep -q '"schema": 1' "$report/self-test.json"
