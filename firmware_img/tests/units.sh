#!/bin/sh
# The systemd files as they are installed: every unit passes `systemd-analyze verify` with no
# word of complaint (it exits 0 even on a misspelt key, so any output fails the test too), both
# services are exposed 2.0 or less by `systemd-analyze security`, and the sysusers.d and
# tmpfiles.d entries make the user, its groups and the folders in a scratch root.
# Usage: units.sh BUILD_DIR WORK_DIR
set -u
build=$1
work=$2
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$work" && mkdir -p "$work"
stage="$work/root"
DESTDIR="$stage" cmake --install "$build" --prefix /usr > "$work/install.log" 2>&1 || { cat "$work/install.log"; fail "cmake --install"; }
# verify --root resolves every dependency (sysinit.target, getty@.service, ...) inside the root,
# so the host's own units go beside ours; ours are the only ones under lib/systemd/system.
mkdir -p "$stage/usr/lib/systemd"
cp -r /lib/systemd/system "$stage/usr/lib/systemd/"
units=$(cd "$stage/lib/systemd/system" && ls)
[ -n "$units" ] || fail "no unit was installed"
for unit in $units; do
  # Documentation=man: pages are checked by the package test (man is not looked up in the root).
  out=$(systemd-analyze verify --man=no --root="$stage" "$unit" 2>&1)
  code=$?
  if [ "$code" -ne 0 ] || [ -n "$out" ]; then fail "systemd-analyze verify $unit (exit $code): $out"; fi
  echo "verified $unit"
done

for service in cable-kiosk.service cable-kiosk-fetch.service; do
  report=$(systemd-analyze security --offline=true --root="$stage" --threshold=20 "$service" 2>&1)
  code=$?
  echo "$report" | tail -1
  [ "$code" -eq 0 ] || fail "$service is exposed more than 2.0: $report"
done

# The user and the folders, made by the real tools in a scratch root.
users="$work/users"
mkdir -p "$users/etc"
: > "$users/etc/passwd"; : > "$users/etc/group"; : > "$users/etc/shadow"; : > "$users/etc/gshadow"
systemd-sysusers --root="$users" "$stage/usr/lib/sysusers.d/cable-kiosk.conf" || fail "systemd-sysusers"
grep -q '^cable-kiosk:x:[0-9]*:[0-9]*:Cable Kiosk viewer:/var/lib/cable-kiosk:/usr/sbin/nologin$' "$users/etc/passwd" \
  || fail "no cable-kiosk system user: $(cat "$users/etc/passwd")"
for g in video input render; do
  grep -q "^$g:x:[0-9]*:.*cable-kiosk" "$users/etc/group" || fail "cable-kiosk is not in $g: $(cat "$users/etc/group")"
done
systemd-tmpfiles --root="$users" --create "$stage/usr/lib/tmpfiles.d/cable-kiosk.conf" || fail "systemd-tmpfiles"
uid=$(grep '^cable-kiosk:' "$users/etc/passwd" | cut -d: -f3)
for d in var/lib/cable-kiosk var/lib/cable-kiosk/import; do
  [ "$(stat -c '%u %a' "$users/$d")" = "$uid 750" ] || fail "$d: $(stat -c '%u %a' "$users/$d" 2>&1), not owned by $uid with mode 750"
done
echo "ok"
