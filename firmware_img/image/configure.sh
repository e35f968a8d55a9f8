#!/bin/sh
# firmware_img/build, step 3: the image's own configuration on the kiosk's root ($1), from
# firmware_img/image ($2): files in rootfs/, the kiosk's settings on the boot partition, the units
# enabled and masked.
set -eu
root=$1
image=$2
fail() { echo "configure: $*" >&2; exit 1; }

# Files: everything under rootfs/ except the boot partition's folder.
(cd "$image/rootfs" && find . -path ./boot-cable-kiosk -prune -o -type f -print) | while read -r f; do
  mkdir -p "$root/$(dirname "$f")"
  cp "$image/rootfs/$f" "$root/$f"
done
# The kiosk's settings live on the boot partition (FAT: a person edits them on any computer).
mkdir -p "$root/boot/firmware/cable-kiosk"
cp "$image/rootfs/boot-cable-kiosk/kiosk.toml" "$image/rootfs/boot-cable-kiosk/display.conf" "$root/boot/firmware/cable-kiosk/"
[ -d "$root/etc/cable-kiosk" ] || fail "the package installed no /etc/cable-kiosk"
ln -sf /boot/firmware/cable-kiosk/kiosk.toml "$root/etc/cable-kiosk/kiosk.toml"

# Units: the kiosk at boot, the network only when asked for, no getty on the kiosk's screen.
systemctl --root="$root" enable cable-kiosk.service cable-kiosk-network.service cable-kiosk-boot-test.service >/dev/null 2>&1 \
  || fail "systemctl enable cable-kiosk.service cable-kiosk-network.service"
systemctl --root="$root" set-default graphical.target >/dev/null 2>&1 || fail "systemctl set-default graphical.target"
systemctl --root="$root" disable systemd-networkd.service systemd-networkd.socket systemd-resolved.service cable-kiosk-fetch.timer >/dev/null 2>&1 || true
systemctl --root="$root" mask getty@tty1.service console-getty.service systemd-networkd-wait-online.service \
  ctrl-alt-del.target apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer e2scrub_reap.service >/dev/null 2>&1 \
  || fail "systemctl mask of the getty and the timers"
[ -L "$root/etc/systemd/system/graphical.target.wants/cable-kiosk.service" ] || fail "cable-kiosk.service is not enabled in graphical.target"

# Identity: one name for every kiosk; the machine id is made at each boot (the root is read-only).
echo cable-kiosk > "$root/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tcable-kiosk\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$root/etc/hosts"
: > "$root/etc/machine-id"
rm -f "$root/var/lib/dbus/machine-id"
# resolved's stub, for the fetcher when the network is on.
ln -sf /run/systemd/resolve/stub-resolv.conf "$root/etc/resolv.conf"
# Mount points the read-only root must already hold.
mkdir -p "$root/data" "$root/var/lib/cable-kiosk" "$root/var/log/journal" "$root/var/lib/systemd"

# The boot partition's settings again (cmdline.txt, config.txt): image/etc-default may be newer
# than the cached base, and raspi-firmware's hook is quick (no initramfs is built).
cp "$image/etc-default/raspi-firmware" "$image/etc-default/raspi-extra-cmdline" "$image/etc-default/raspi-firmware-custom" "$root/etc/default/"
for moddir in "$root"/lib/modules/*; do
  chroot "$root" /etc/kernel/postinst.d/z50-raspi-firmware "$(basename "$moddir")" >/dev/null || fail "raspi-firmware's hook (z50-raspi-firmware)"
done
grep -q 'root=LABEL=CK_ROOT' "$root/boot/firmware/cmdline.txt" || fail "cmdline.txt lacks root=LABEL=CK_ROOT: $(cat "$root/boot/firmware/cmdline.txt")"
