#!/bin/sh
# GLES2 asked for and impossible (SDL pointed at an EGL library that does not exist): the kiosk
# draws with the software renderer, says so in one log line, and the self-test warns in
# renderer.readback without failing. Usage: gles2_fallback.sh KIOSK OUTDIR
set -u
kiosk=$1
out=$2
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }
no_egl="SDL_VIDEO_EGL_DRIVER=$out/no-such-libEGL.so.1"

printf 'wait 500\nexpect screen attract\nshot attract\n' > "$out/attract.script"
env "$no_egl" "$kiosk" --headless --size 1920x1080 --renderer gles2 --script "$out/attract.script" \
    --screenshots "$out" 2> "$out/kiosk.log"
code=$?
[ "$code" -eq 0 ] || fail "the kiosk exited $code without GLES2: $(tail -5 "$out/kiosk.log")"
[ -s "$out/attract.png" ] || fail "no screenshot was drawn in software"
lines=$(grep -c "GLES2 could not be created (.*); drawing with the software renderer instead" "$out/kiosk.log")
[ "$lines" -eq 1 ] || fail "the fallback was logged $lines times, not once: $(cat "$out/kiosk.log")"
grep -q "^\[warning\] kiosk: GLES2 could not be created" "$out/kiosk.log" \
    || fail "the fallback is not a warning of the kiosk: $(cat "$out/kiosk.log")"

env "$no_egl" "$kiosk" --self-test --renderer gles2 > "$out/self-test.txt" 2> "$out/self-test.err"
code=$?
[ "$code" -eq 0 ] || fail "the self-test exited $code (a fallback warns, it does not fail): $(cat "$out/self-test.txt")"
grep -q "^WARN  renderer\.readback *software *GLES2 could not be created" "$out/self-test.txt" \
    || fail "renderer.readback does not warn of the fallback: $(cat "$out/self-test.txt")"

"$kiosk" --self-test --renderer gles2 > "$out/self-test-gles2.txt" 2> "$out/self-test-gles2.err"
grep -q "^PASS  renderer\.readback *opengles2 " "$out/self-test-gles2.txt" \
    || fail "with Mesa's EGL, renderer.readback does not pass through opengles2: $(grep renderer "$out/self-test-gles2.txt")"
echo "the fallback is logged once and warned by the self-test; GLES2 itself passes"
