#!/bin/sh
# Staff settings at start: `kiosk --hash-pin` makes the configuration lines (and refuses a PIN that
# is not 4 to 12 digits); the kiosk accepts what it printed and refuses a [staff] or [metrics]
# mistake, naming the file and line. Usage: staff_start.sh KIOSK OUTDIR
set -u
kiosk=$1
out=$2
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }

echo 12 | "$kiosk" --hash-pin > "$out/short.txt" 2> "$out/err1.txt"
code=$?
[ "$code" -eq 2 ] || fail "a 2-digit PIN exited $code, not 2"
grep -q "4 to 12 digits" "$out/err1.txt" || fail "no reason for the short PIN: $(cat "$out/err1.txt")"
[ -s "$out/short.txt" ] && fail "a short PIN printed a hash"

echo 2468 | "$kiosk" --hash-pin > "$out/staff.toml" 2> "$out/err2.txt" || fail "--hash-pin failed: $(cat "$out/err2.txt")"
head -1 "$out/staff.toml" | grep -qx '\[staff\]' || fail "no [staff] line: $(cat "$out/staff.toml")"
grep -q '^pin_hash = "\$argon2id\$' "$out/staff.toml" || fail "no Argon2id pin_hash line: $(cat "$out/staff.toml")"
grep -q 2468 "$out/staff.toml" && fail "the PIN itself is in the output"
printf 'wait 100\nexpect staff off\n' > "$out/ok.script"
"$kiosk" --headless --size 800x600 --config "$out/staff.toml" --script "$out/ok.script" --screenshots "$out" 2> "$out/err3.txt" \
  || fail "the printed lines were not accepted: $(cat "$out/err3.txt")"

printf '[staff]\npin_hash = "2468"\n' > "$out/plain.toml"
"$kiosk" --headless --size 800x600 --config "$out/plain.toml" --script "$out/ok.script" --screenshots "$out" 2> "$out/err4.txt"
code=$?
[ "$code" -eq 2 ] || fail "a PIN in place of its hash exited $code, not 2"
grep -q "plain.toml:2: .*kiosk --hash-pin" "$out/err4.txt" || fail "no file:line for the plain PIN: $(cat "$out/err4.txt")"

printf '[staff]\npin = "2468"\n' > "$out/misspelt.toml"
"$kiosk" --headless --size 800x600 --config "$out/misspelt.toml" --script "$out/ok.script" --screenshots "$out" 2> "$out/err5.txt"
code=$?
[ "$code" -eq 2 ] || fail "a misspelt staff key exited $code, not 2"
grep -q "misspelt.toml:2: .*unknown key 'staff.pin' (known: pin_hash)" "$out/err5.txt" || fail "no file:line for staff.pin: $(cat "$out/err5.txt")"

printf '[metrics]\ntextfile = ""\n' > "$out/nometrics.toml"
"$kiosk" --headless --size 800x600 --config "$out/nometrics.toml" --script "$out/ok.script" --screenshots "$out" 2> "$out/err6.txt"
code=$?
[ "$code" -eq 2 ] || fail "an empty metrics path exited $code, not 2"
grep -q "nometrics.toml:2: .*metrics.textfile" "$out/err6.txt" || fail "no file:line for the metrics path: $(cat "$out/err6.txt")"
echo "ok"
