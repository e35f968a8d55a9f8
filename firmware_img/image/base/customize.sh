#!/bin/sh
# mmdebstrap's customize hook of the base root filesystem (firmware_img/build, step 2): runs on
# the build machine with the arm64 root at $1. Kernel modules no Pi 3/4/5 and no QEMU virt machine
# loads are removed, then ONE initramfs is built (MODULES=list: image/initramfs/modules) and
# raspi-firmware copies the kernel and initrd to /boot/firmware.
set -eu
root=$1
[ -d "$root/lib/modules" ] || { echo "customize: no /lib/modules in the root: linux-image-arm64 missing" >&2; exit 1; }

for moddir in "$root"/lib/modules/*; do
  kv=$(basename "$moddir")
  k=$moddir/kernel
  before=$(du -sm "$moddir" | cut -f1)
  # Whole subsystems no kiosk uses: radio, audio, cameras and TV, other buses and fabrics.
  for d in drivers/net/wireless drivers/net/can drivers/net/wwan drivers/net/ieee802154 \
           drivers/net/hamradio drivers/net/fddi drivers/net/plip drivers/net/ppp drivers/net/slip \
           drivers/net/wan drivers/net/dsa drivers/net/ipa \
           drivers/media drivers/staging drivers/infiniband drivers/isdn drivers/bluetooth \
           drivers/iio drivers/md drivers/mtd drivers/nfc drivers/atm drivers/target drivers/nvme \
           drivers/scsi/qla2xxx drivers/scsi/lpfc drivers/scsi/mpt3sas drivers/scsi/megaraid \
           drivers/scsi/aacraid drivers/scsi/be2iscsi drivers/scsi/bnx2fc drivers/scsi/bfa \
           drivers/scsi/qedf drivers/scsi/qedi drivers/scsi/smartpqi drivers/scsi/hisi_sas \
           drivers/gpu/host1x drivers/vdpa drivers/vfio drivers/soundwire drivers/thunderbolt \
           drivers/fpga drivers/edac drivers/accel \
           sound net/wireless net/mac80211 net/bluetooth net/can net/ieee802154 net/mac802154 \
           net/nfc net/sunrpc net/ceph net/rxrpc net/rds net/tipc net/sctp net/openvswitch \
           net/netfilter net/ipv4/netfilter net/ipv6/netfilter net/bridge net/sched net/batman-adv \
           net/l2tp net/atm net/6lowpan net/9p; do
    rm -rf "${k:?}/$d"
  done
  # Ethernet: the Pi 4's GENET, the Pi 5's Cadence (behind RP1), the Pi 3's USB chips (drivers/net/usb).
  for d in "$k"/drivers/net/ethernet/*; do
    case $(basename "$d") in broadcom | cadence | microchip | smsc) ;; *) rm -rf "$d" ;; esac
  done
  # DRM: the Pi's vc4 and v3d, QEMU's virtio-gpu, the panels and bridges of the Pi's touch screens.
  for d in "$k"/drivers/gpu/drm/*/; do
    case $(basename "$d") in vc4 | v3d | virtio | scheduler | display | panel | bridge) ;; *) rm -rf "$d" ;; esac
  done
  # File systems: the root and data (ext4), the boot partition and USB sticks (FAT, exFAT, NTFS).
  for d in "$k"/fs/*/; do
    case $(basename "$d") in ext4 | jbd2 | fat | exfat | ntfs3 | nls | squashfs | isofs | udf | autofs | fuse | overlayfs | efivarfs) ;; *) rm -rf "$d" ;; esac
  done
  chroot "$root" depmod "$kv"
  after=$(du -sm "$moddir" | cut -f1)
  echo "customize: kernel $kv modules: $before MiB -> $after MiB" >&2
done

# One initramfs, then raspi-firmware's kernel hook (kernel, initrd, DTBs, cmdline.txt, config.txt).
printf 'update_initramfs=yes\nbackup_initramfs=no\n' > "$root/etc/initramfs-tools/update-initramfs.conf"
for moddir in "$root"/lib/modules/*; do
  kv=$(basename "$moddir")
  chroot "$root" update-initramfs -c -k "$kv"
  chroot "$root" /etc/kernel/postinst.d/z50-raspi-firmware "$kv"
done
# The root is read-only on the kiosk: no initramfs is rebuilt there.
printf 'update_initramfs=no\n' > "$root/etc/initramfs-tools/update-initramfs.conf"
# apt's lists and caches are not needed on a read-only kiosk.
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb
