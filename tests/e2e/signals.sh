#!/bin/sh
# HOSTILE_INPUTS (c) 4 and 15: Ctrl+C, Ctrl+\, Ctrl+Z and a hang-up (SIGINT, SIGQUIT, SIGTSTP,
# SIGHUP) do not stop the kiosk; SIGTERM stops it cleanly (exit 0) within a second.
set -u
kiosk=$1
work=$2
rm -rf "$work" && mkdir -p "$work"
printf 'wait 1500\ntap 960 540\nwait 60000\n' > "$work/wait.script"
"$kiosk" --headless --realtime --size 1280x720 --script "$work/wait.script" --screenshots "$work" 2>"$work/stderr" &
pid=$!
sleep 2
for sig in INT QUIT TSTP HUP TTIN TTOU; do
  kill -s "$sig" "$pid" 2>/dev/null
  sleep 0.2
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "SIG$sig stopped the kiosk"; exit 1
  fi
done
state=$(ps -o stat= -p "$pid" | cut -c1)
if [ "$state" = "T" ]; then echo "SIGTSTP stopped the kiosk"; kill -KILL "$pid"; exit 1; fi
start=$(date +%s%N)
kill -s TERM "$pid"
wait "$pid"
code=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
if [ "$code" -ne 0 ]; then echo "SIGTERM exit code $code"; cat "$work/stderr"; exit 1; fi
if [ "$ms" -gt 2000 ]; then echo "SIGTERM took $ms ms"; exit 1; fi
echo "ignored INT QUIT TSTP HUP TTIN TTOU; SIGTERM stopped it cleanly in $ms ms"
