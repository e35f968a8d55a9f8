#!/bin/sh
# Mistakes in how the kiosk is started are refused at once, naming the file and line: an unknown
# or out-of-range key in the configuration, and a malformed script (checked before the display or
# the pack is opened). Usage: start_errors.sh KIOSK OUTDIR
set -u
kiosk=$1
out=$2
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }

printf '[idle]\nprompt_after_s = 60\nprompt_after = 5\n' > "$out/misspelt.toml"
"$kiosk" --headless --size 800x600 --config "$out/misspelt.toml" --script /dev/null --screenshots "$out" 2> "$out/err1.txt"
code=$?
[ "$code" -eq 2 ] || fail "a misspelt config key exited $code, not 2"
grep -q "misspelt.toml:3: .*unknown key 'idle.prompt_after'" "$out/err1.txt" || fail "no file:line for the key: $(cat "$out/err1.txt")"

printf '[idle]\ncountdown_s = 5\n' > "$out/short.toml"
"$kiosk" --headless --size 800x600 --config "$out/short.toml" --script /dev/null --screenshots "$out" 2> "$out/err2.txt"
code=$?
[ "$code" -eq 2 ] || fail "a 5 s countdown exited $code, not 2"
grep -q "short.toml:2: .*between 20 and 86400" "$out/err2.txt" || fail "no file:line for the countdown: $(cat "$out/err2.txt")"

printf '[idle]\ncountdown_s = 30\n\n[fleet]\nuri = "http://x/p.ckpack"\n' > "$out/fleet.toml"
"$kiosk" --headless --size 800x600 --config "$out/fleet.toml" --script /dev/null --screenshots "$out" 2> "$out/err4.txt"
code=$?
[ "$code" -eq 2 ] || fail "a misspelt [fleet] key exited $code, not 2"
grep -q "fleet.toml:5: .*unknown key 'fleet.uri'" "$out/err4.txt" || fail "no file:line for the [fleet] key: $(cat "$out/err4.txt")"

printf 'wait 10\ntap 10\n' > "$out/bad.script"
"$kiosk" --headless --size 800x600 --pack "$out/no-such.ckpack" --script "$out/bad.script" --screenshots "$out" 2> "$out/err3.txt"
code=$?
[ "$code" -eq 2 ] || fail "a malformed script exited $code, not 2"
grep -q "bad.script:2:" "$out/err3.txt" || fail "no file:line for the script: $(cat "$out/err3.txt")"
# Checked before anything else: nothing about the (missing) pack was logged.
if grep -q "pack" "$out/err3.txt"; then fail "the pack was opened before the script was checked"; fi
echo "ok"
