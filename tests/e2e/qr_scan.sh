#!/bin/sh
# Runs a kiosk script headless, then reads the QR code out of its screenshots with a real decoder
# (zbarimg, Debian's zbar-tools) and compares what it reads with the permalink expected.
#   qr_scan.sh KIOSK SCRIPT OUT_DIR WxH ROTATE SHOT=URL...
# A SHOT=none pair says the screenshot must hold no code at all.
set -eu
kiosk=$1 script=$2 out=$3 size=$4 rotate=$5
shift 5
rm -rf "$out"
mkdir -p "$out"
"$kiosk" --headless --size "$size" --rotate "$rotate" --script "$script" --screenshots "$out" --check-text
failed=0
for pair in "$@"; do
  shot=${pair%%=*}
  want=${pair#*=}
  if [ ! -f "$out/$shot.png" ]; then
    echo "FAIL $shot: the script wrote no $shot.png" >&2
    failed=1
    continue
  fi
  # QR codes only; zbarimg exits 4 when it finds none. Its D-Bus chatter on stderr is not ours.
  got=$(zbarimg --raw -q -Sdisable -Sqrcode.enable "$out/$shot.png" 2>/dev/null || true)
  if [ "$want" = none ]; then
    want=""
  fi
  if [ "$got" = "$want" ]; then
    echo "ok   $shot: ${got:-no code}"
  else
    echo "FAIL $shot: read '${got}', expected '${want}'" >&2
    failed=1
  fi
done
exit $failed
