#!/bin/sh
# Checks on the .deb itself. Usage: package.sh MODE DEB WORKDIR SOURCE_DIR
#   contents  the files issue 16 lists are in it (and no font files), the compiled-in default pack
#             is the installed one, the conffile, Depends (from dpkg-shlibdeps, plus the fonts),
#             the maintainer scripts (shellcheck-clean, calling systemd-sysusers, systemd-tmpfiles
#             and deb-systemd-helper), man pages that groff renders without a warning, and a bash
#             completion that completes.
#   lintian   lintian finds no error, and every warning tag it reports is explained in the README.
# $CK_EMULATOR (qemu-aarch64-static for the arm64 package) runs the packaged programs.
set -u
mode=$1
deb=$2
work=$3
src=$4
fail() { echo "FAIL: $*"; exit 1; }
[ -f "$deb" ] || fail "no package at $deb (run cpack --preset deb first)"
rm -rf "$work" && mkdir -p "$work"

contents() {
  dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' > "$work/files"
  for f in /usr/bin/kiosk /usr/bin/cablepack \
      /usr/share/cable-kiosk/exhibit.ckpack /usr/share/cable-kiosk/exhibit.ckpack.minisig \
      /usr/share/cable-kiosk/exhibit-signing.pub \
      /lib/systemd/system/cable-kiosk.service /lib/systemd/system/cable-kiosk-fetch.service \
      /lib/systemd/system/cable-kiosk-fetch.timer \
      /usr/lib/sysusers.d/cable-kiosk.conf /usr/lib/tmpfiles.d/cable-kiosk.conf \
      /etc/cable-kiosk/kiosk.toml /usr/libexec/cable-kiosk/cable-kiosk-fetch \
      /usr/share/man/man1/kiosk.1.gz /usr/share/man/man1/cablepack.1.gz \
      /usr/share/bash-completion/completions/cablepack \
      /usr/share/doc/cable-kiosk/copyright /usr/share/doc/cable-kiosk/changelog.gz \
      /usr/share/doc/cable-kiosk/examples/cable-kiosk.rules.yml; do
    grep -qx "$f" "$work/files" || fail "$f is not in the package"
  done
  if grep -E '\.(ttf|otf|ttc|woff2?)$' "$work/files"; then fail "font files are copied into the package"; fi
  if grep -E '\.key$' "$work/files"; then fail "a secret signing key is in the package"; fi

  dpkg-deb -I "$deb" control > "$work/control"
  cat "$work/control"
  grep -qx 'Package: cable-kiosk' "$work/control" || fail "the package is not named cable-kiosk"
  depends=$(sed -n 's/^Depends: //p' "$work/control")
  # From dpkg-shlibdeps (the binaries' libraries), and the fonts, by dependency.
  for d in libsdl2-2.0-0 libsqlite3-0 libsodium23 libharfbuzz0b libfreetype6 libunibreak1 libsystemd0 zlib1g \
      fonts-inter fonts-courier-prime fonts-ipaexfont-gothic systemd curl; do
    echo "$depends" | grep -q "\(^\|, \)$d\( (\|,\|$\)" || fail "Depends lacks $d: $depends"
  done

  mkdir -p "$work/control.d" "$work/root"
  dpkg-deb -e "$deb" "$work/control.d"
  dpkg-deb -x "$deb" "$work/root"
  grep -qx /etc/cable-kiosk/kiosk.toml "$work/control.d/conffiles" || fail "kiosk.toml is not a conffile"
  for s in postinst prerm postrm; do
    [ -x "$work/control.d/$s" ] || fail "no executable $s"
    shellcheck -s sh "$work/control.d/$s" || fail "shellcheck: $s"
  done
  grep -q 'systemd-sysusers .*cable-kiosk.conf' "$work/control.d/postinst" || fail "postinst does not run systemd-sysusers"
  grep -q 'systemd-tmpfiles .*--create cable-kiosk.conf' "$work/control.d/postinst" || fail "postinst does not run systemd-tmpfiles"
  grep -q 'deb-systemd-helper' "$work/control.d/postinst" || fail "postinst does not call deb-systemd-helper"
  grep -q 'deb-systemd-helper purge' "$work/control.d/postrm" || fail "postrm does not purge the units' state"

  # The compiled-in defaults are the installed files, not a build folder: the unpacked kiosk,
  # started without --pack and --pubkey, looks for exactly those (and says so when they are not
  # installed on this machine).
  printf 'wait 10\n' > "$work/wait.script"
  # shellcheck disable=SC2086 # the emulator's command line, or nothing
  XDG_STATE_HOME="$work/state" ${CK_EMULATOR:-} "$work/root/usr/bin/kiosk" --headless --size 800x600 --script "$work/wait.script" \
    --screenshots "$work/shots" > "$work/default-key.log" 2>&1
  grep -q '/usr/share/cable-kiosk/exhibit-signing.pub' "$work/default-key.log" \
    || grep -q 'showing pack=/usr/share/cable-kiosk/exhibit.ckpack ' "$work/default-key.log" \
    || fail "kiosk's default key is not /usr/share/cable-kiosk/exhibit-signing.pub: $(cat "$work/default-key.log")"
  # shellcheck disable=SC2086 # the emulator's command line, or nothing
  XDG_STATE_HOME="$work/state" ${CK_EMULATOR:-} "$work/root/usr/bin/kiosk" --headless --size 800x600 --script "$work/wait.script" \
    --pubkey "$work/root/usr/share/cable-kiosk/exhibit-signing.pub" --screenshots "$work/shots" > "$work/default-pack.log" 2>&1
  grep -q '/usr/share/cable-kiosk/exhibit.ckpack' "$work/default-pack.log" \
    || fail "kiosk's default pack is not /usr/share/cable-kiosk/exhibit.ckpack: $(cat "$work/default-pack.log")"
  # The bundled pack verifies with the bundled key, with the packaged cablepack.
  # shellcheck disable=SC2086 # the emulator's command line, or nothing
  ${CK_EMULATOR:-} "$work/root/usr/bin/cablepack" verify --pubkey "$work/root/usr/share/cable-kiosk/exhibit-signing.pub" \
    "$work/root/usr/share/cable-kiosk/exhibit.ckpack" || fail "the bundled pack does not verify"

  for page in kiosk cablepack; do
    warnings=$(zcat "$work/root/usr/share/man/man1/$page.1.gz" | groff -man -Tutf8 -ww -z 2>&1)
    [ -z "$warnings" ] || fail "groff warns on $page(1): $warnings"
    zcat "$work/root/usr/share/man/man1/$page.1.gz" | grep -q "^\.SH SYNOPSIS" || fail "$page(1) has no synopsis"
  done

  # The completion completes: subcommands, then a subcommand's options.
  got=$(bash -c '. /usr/share/bash-completion/bash_completion; . "$1";
    COMP_WORDS=(cablepack ver); COMP_CWORD=1; COMP_LINE="cablepack ver"; COMP_POINT=${#COMP_LINE}; _cablepack; echo "${COMPREPLY[*]}";
    COMP_WORDS=(cablepack verify --q); COMP_CWORD=2; COMP_LINE="cablepack verify --q"; COMP_POINT=${#COMP_LINE}; _cablepack; echo "${COMPREPLY[*]}"' \
    sh "$work/root/usr/share/bash-completion/completions/cablepack")
  [ "$got" = "verify
--quick" ] || fail "bash completion gave: $got"
  echo "ok: $(wc -l < "$work/files") entries, $(stat -c %s "$deb") bytes"
}

lintian_check() {
  lintian --tag-display-limit 0 --display-level ">=pedantic" "$deb" > "$work/lintian.txt" 2>&1
  cat "$work/lintian.txt"
  if grep -q '^E: ' "$work/lintian.txt"; then fail "lintian reports errors"; fi
  # Warnings (W:) must each be explained in the README's lintian table; info and pedantic tags
  # are listed above for the curious.
  # shellcheck disable=SC2013 # tags are single words
  for tag in $(sed -n 's/^W: [^ ]*: \([^ ]*\).*/\1/p' "$work/lintian.txt" | sort -u); do
    grep -q "\`$tag\`" "$src/README.md" || fail "lintian warning $tag is not explained in the README"
  done
  echo "ok"
}

case $mode in
  contents) contents ;;
  lintian) lintian_check ;;
  *) fail "unknown mode $mode" ;;
esac
