#!/bin/sh
# An installed pack is root's and read-only to the kiosk's user (the Debian package's, under
# /usr/share/cable-kiosk): the first start still verifies it fully, FTS5 check included, and shows
# it. Runs the kiosk as "nobody" when started as root (root may write any file), else as the
# current user with the pack's write permission removed. Usage: read_only_pack.sh KIOSK PACK PUBKEY OUTDIR
set -u
kiosk=$1
pack=$2
pubkey=$3
out=$4
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$out" && mkdir -p "$out/packs" "$out/state" "$out/shots"
cp "$pack" "$pack.minisig" "$pubkey" "$out/packs/"
chmod 0444 "$out/packs/"*
chmod 0555 "$out/packs"
chmod 0777 "$out/state" "$out/shots"
printf 'wait 100\nexpect screen attract\nexpect text "Touch anywhere"\n' > "$out/attract.script"
run=""
if [ "$(id -u)" -eq 0 ]; then
  run="setpriv --reuid=nobody --regid=nogroup --clear-groups"
  $run test -w "$out/packs/$(basename "$pack")" && fail "nobody can write the pack: the test proves nothing"
else
  test -w "$out/packs/$(basename "$pack")" && fail "the pack is writable: the test proves nothing"
fi
$run env XDG_STATE_HOME="$out/state" "$kiosk" --headless --size 800x600 --pack "$out/packs/$(basename "$pack")" \
  --pubkey "$out/packs/$(basename "$pubkey")" --script "$out/attract.script" --screenshots "$out/shots" > "$out/log.txt" 2>&1 \
  || { cat "$out/log.txt"; fail "the kiosk did not show a read-only pack"; }
cat "$out/log.txt"
grep -q "verifying fully" "$out/log.txt" || fail "the pack was not verified fully"
grep -q "showing pack=" "$out/log.txt" || fail "the pack is not shown"
echo "ok"
