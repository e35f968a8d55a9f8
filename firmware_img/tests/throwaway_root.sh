#!/bin/sh
# shellcheck disable=SC2016 # dpkg-query formats are literal ${Field}s
# Install, upgrade and purge the .deb in a throwaway Debian 12 root made by mmdebstrap, as apt
# would on a kiosk. Usage: throwaway_root.sh DEB WORKDIR (as root). Exit 77 (skipped) without mmdebstrap
# or the Debian mirror. Run by hand:
#   ctest --preset deb -R throwaway_root --output-on-failure
#  1. install: apt pulls the libraries, fonts and systemd; postinst makes the cable-kiosk user (in
#     video, input, render) and /var/lib/cable-kiosk/import; the installed kiosk, run headless as
#     that user, shows the bundled pack's attract screen (so the compiled-in paths and the font
#     dependencies are right);
#  2. the administrator changes /etc/cable-kiosk/kiosk.toml; an upgrade to a newer version whose
#     default kiosk.toml also changed keeps the administrator's file (and leaves .dpkg-dist);
#  3. purge removes the programs, the configuration and /var/lib/cable-kiosk.
set -u
deb=$1
work=$2
fail() { echo "FAIL: $*"; exit 1; }
mirror=http://deb.debian.org/debian
command -v mmdebstrap >/dev/null || { echo "SKIP: no mmdebstrap (apt-get install mmdebstrap)"; exit 77; }
curl --silent --fail --max-time 20 -o /dev/null "$mirror/dists/bookworm/Release" \
  || { echo "SKIP: the Debian mirror $mirror cannot be reached"; exit 77; }
[ -f "$deb" ] || fail "no package at $deb"
arch=$(dpkg-deb -f "$deb" Architecture)
[ "$arch" = "$(dpkg --print-architecture)" ] || { echo "SKIP: a $arch package on a $(dpkg --print-architecture) machine"; exit 77; }

# mmdebstrap makes the root, mounts /proc and /dev in it and keeps the mirror's lists while its
# customize hook runs, then removes it all: the checks below run as that hook (this script again,
# with --inside ROOT).
if [ "${3:-}" != --inside ]; then
  rm -rf "$work" && mkdir -p "$work"
  start=$(date +%s)
  mmdebstrap --quiet --mode=root --variant=apt --format=null \
    --customize-hook="sh '$0' '$deb' '$work' --inside \"\$1\"" bookworm /dev/null \
    "deb $mirror bookworm main" "deb $mirror bookworm-updates main" \
    "deb http://deb.debian.org/debian-security bookworm-security main" > "$work/mmdebstrap.log" 2>&1
  code=$?
  cat "$work/mmdebstrap.log"
  [ "$code" -eq 0 ] || fail "mmdebstrap or a check in its hook (exit $code)"
  grep -q '^ok: install, upgrade and purge' "$work/mmdebstrap.log" || fail "the checks did not run to their end"
  echo "ok in $(( $(date +%s) - start )) s, the root included"
  rm -rf "$work"
  exit 0
fi
root=$4
start=$(date +%s)

in_root() { chroot "$root" env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"; }
cp "$deb" "$root/tmp/cable-kiosk.deb"

# 1. Install.
in_root apt-get install -y -q /tmp/cable-kiosk.deb > "$work/install.log" 2>&1 || { tail -30 "$work/install.log"; fail "apt-get install"; }
echo "installed in $(( $(date +%s) - start )) s"
in_root getent passwd cable-kiosk | grep -q ':/var/lib/cable-kiosk:/usr/sbin/nologin$' || fail "no cable-kiosk user"
for g in video input render; do
  in_root id -nG cable-kiosk | tr ' ' '\n' | grep -qx "$g" || fail "cable-kiosk is not in $g"
done
[ "$(in_root stat -c '%U %a' /var/lib/cable-kiosk/import)" = "cable-kiosk 750" ] || fail "no import folder for cable-kiosk"
[ "$(in_root dpkg-query -W -f='${Conffiles}' cable-kiosk | awk '{ print $1 }' | tr -d ' \n')" = /etc/cable-kiosk/kiosk.toml ] \
  || fail "dpkg does not know kiosk.toml as a conffile"
printf 'wait 200\nexpect screen attract\nexpect text "Touch anywhere"\n' > "$root/tmp/attract.script"
in_root mkdir -p /tmp/shots
in_root chown cable-kiosk /tmp/shots
in_root setpriv --reuid=cable-kiosk --regid=cable-kiosk --init-groups env STATE_DIRECTORY=/var/lib/cable-kiosk \
  kiosk --headless --size 800x600 --config /etc/cable-kiosk/kiosk.toml --script /tmp/attract.script --screenshots /tmp/shots \
  > "$work/kiosk.log" 2>&1 || { cat "$work/kiosk.log"; fail "the installed kiosk does not show the bundled pack"; }
grep -q 'showing pack=/usr/share/cable-kiosk/exhibit.ckpack' "$work/kiosk.log" || fail "not the bundled pack: $(cat "$work/kiosk.log")"
ls "$root/var/lib/cable-kiosk/"*.stamp > /dev/null 2>&1 || fail "no verification stamp in /var/lib/cable-kiosk"

# 2. A changed configuration survives an upgrade whose default configuration changed too.
sed -i 's/^#prompt_after_s = 90/prompt_after_s = 120/' "$root/etc/cable-kiosk/kiosk.toml"
grep -q '^prompt_after_s = 120' "$root/etc/cable-kiosk/kiosk.toml" || fail "could not change kiosk.toml"
next="$work/next"
dpkg-deb -R "$deb" "$next"
version=$(sed -n 's/^Version: //p' "$next/DEBIAN/control")
sed -i "s/^Version: .*/Version: $version+upgrade1/" "$next/DEBIAN/control"
printf '\n# A line the next version added to the default configuration.\n' >> "$next/etc/cable-kiosk/kiosk.toml"
(cd "$next" && find . -type f ! -path './DEBIAN/*' -printf '%P\n' | sort | xargs md5sum > DEBIAN/md5sums)
dpkg-deb --root-owner-group -b "$next" "$root/tmp/cable-kiosk-next.deb" > /dev/null || fail "cannot build the next version"
in_root apt-get install -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  /tmp/cable-kiosk-next.deb > "$work/upgrade.log" 2>&1 || { tail -30 "$work/upgrade.log"; fail "the upgrade"; }
[ "$(in_root dpkg-query -W -f='${Version}' cable-kiosk)" = "$version+upgrade1" ] || fail "not upgraded"
grep -q '^prompt_after_s = 120' "$root/etc/cable-kiosk/kiosk.toml" || fail "the upgrade lost the changed kiosk.toml"
[ -f "$root/etc/cable-kiosk/kiosk.toml.dpkg-dist" ] || fail "no kiosk.toml.dpkg-dist beside the kept file"
in_root getent passwd cable-kiosk > /dev/null || fail "the upgrade lost the user"

# 3. Purge.
in_root apt-get purge -y -q cable-kiosk > "$work/purge.log" 2>&1 || { tail -30 "$work/purge.log"; fail "apt-get purge"; }
for gone in /usr/bin/kiosk /usr/bin/cablepack /etc/cable-kiosk /var/lib/cable-kiosk /lib/systemd/system/cable-kiosk.service; do
  [ ! -e "$root$gone" ] || fail "$gone is still there after the purge"
done
if in_root dpkg-query -W -f='${Status}' cable-kiosk 2>/dev/null | grep -q ' installed$'; then fail "still installed"; fi
echo "ok: install, upgrade and purge in $(( $(date +%s) - start )) s"
