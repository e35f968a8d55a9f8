#!/bin/sh
# The GPU path (issue 18): every screen of the README's screenshot script, drawn once by SDL's
# software renderer and once by its GLES2 renderer (Mesa's EGL through SDL's offscreen driver,
# llvmpipe), in both orientations; each pair of PNGs must agree within the golden tests' own
# tolerance. A machine without Mesa's EGL and GLES2 FAILS here, naming the packages: the kiosk
# would fall back to software and the comparison would prove nothing.
# Usage: gles2_vs_software.sh KIOSK GOLDEN_CHECK SCRIPT OUTDIR
set -u
kiosk=$1
golden_check=$2
script=$3
out=$4
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }

for size in 1920x1080 1080x1920; do
    for renderer in software gles2; do
        dir="$out/$size-$renderer"
        mkdir -p "$dir"
        "$kiosk" --headless --size "$size" --renderer "$renderer" --script "$script" --screenshots "$dir" \
            2> "$dir.log"
        code=$?
        [ "$code" -eq 0 ] || fail "the $renderer renderer at $size exited $code: $(tail -5 "$dir.log")"
        if grep -q "drawing with the software renderer instead" "$dir.log"; then
            fail "no GLES2 on this machine, the kiosk fell back to software: $(grep 'software renderer instead' "$dir.log"). Install Debian's libegl-mesa0, libgles2 and libgl1-mesa-dri (README, The GPU path)"
        fi
    done
    shots=$(find "$out/$size-software" -name "*.png" | wc -l)
    [ "$shots" -ge 10 ] || fail "the script wrote $shots screenshots at $size, not the README's set"
    gles2_shots=$(find "$out/$size-gles2" -name "*.png" | wc -l)
    [ "$gles2_shots" -eq "$shots" ] || fail "GLES2 wrote $gles2_shots screenshots at $size, software $shots"
    # --other-renderer: the software shots stand in for goldens here and are never written over.
    "$golden_check" "$out/$size-gles2" "$out/$size-software" --other-renderer \
        || fail "GLES2 and software differ at $size (the PNGs are in $out)"
done
echo "GLES2 and software agree on every screen of $(basename "$script") in both orientations"
