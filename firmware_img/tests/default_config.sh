#!/bin/sh
# The shipped /etc/cable-kiosk/kiosk.toml is one the kiosk accepts: as shipped (every key commented
# out, so every default holds), and with every key it documents switched on, its example values
# kept where they work anywhere and made real where they name this machine's things (a key, a PIN
# hash, writable folders). A documented key the kiosk refused would stop a museum's kiosk at start.
#   default_config.sh KIOSK CONFIG WORKDIR PUBKEY
set -eu
kiosk=$1 config=$2 work=$3 pubkey=$4
rm -rf "$work"
mkdir -p "$work/state" "$work/import"
printf 'wait 100\nexpect screen attract\n' > "$work/s.script"

"$kiosk" --headless --size 800x600 --config "$config" --script "$work/s.script" --screenshots "$work" \
  || { echo "default_config: the shipped $config is refused"; exit 1; }

key=$(sed -n 2p "$pubkey")
hash=$(echo 2468 | "$kiosk" --hash-pin | sed -n 's/^pin_hash = //p')
[ -n "$hash" ] || { echo "default_config: kiosk --hash-pin printed no pin_hash line"; exit 1; }
# Uncomment every documented key and table, then point what names this machine at the test's own.
sed -e 's/^#\([a-z_]* = \)/\1/' -e 's/^#\(\[[a-z]*\]\)$/\1/' \
    -e "s|key = \"RW[^\"]*\"|key = \"$key\"|" \
    -e "s|^pin_hash = .*|pin_hash = $hash|" \
    -e "s|^dir = \"/var/lib/cable-kiosk/import\"|dir = \"$work/import\"|" \
    -e "s|^dir = \"/var/lib/cable-kiosk\"|dir = \"$work/state\"|" \
    -e "s|^textfile = .*|textfile = \"$work/kiosk.prom\"|" \
    "$config" > "$work/all.toml"
commented=$(grep -c '^#[a-z_]* = ' "$work/all.toml" || true)
[ "$commented" = 0 ] || { echo "default_config: $commented keys left commented"; exit 1; }
for k in prompt_after_s prompt_after_reading_s countdown_s url pubkey trusted_keys pin_hash dir textfile sans mono fallbacks; do
  grep -q "^$k = " "$work/all.toml" || { echo "default_config: the shipped file documents no $k"; exit 1; }
done
"$kiosk" --headless --size 800x600 --config "$work/all.toml" --script "$work/s.script" --screenshots "$work" \
  || { echo "default_config: with every documented key switched on ($work/all.toml), the kiosk refuses it"; exit 1; }
echo "default_config: the shipped file and every key it documents are accepted"
