#!/usr/bin/env python3
"""The kiosk under a service manager, as systemd runs it, with a real notify socket.

The test is the service manager: it opens a unix datagram socket, starts the real kiosk (headless
on the real clock, so the live loop runs) with $NOTIFY_SOCKET and $WATCHDOG_USEC pointing at it,
and reads what arrives.

Usage: service_notify.py MODE KIOSK WORKDIR, MODE one of
  notify   READY=1 once after the first frame; STATUS lines naming the pack's sequence and the
           attract loop, then the home screen; WATCHDOG=1 at half the period while the kiosk is
           idle on the home screen (and it really is idle: little CPU); STOPPING=1 on SIGTERM.
  no-manager  $NOTIFY_SOCKET names a socket nobody listens on: the kiosk runs as before, says so
           once in the log, and stops cleanly on SIGTERM.
  journal  stderr is "the journal" ($JOURNAL_STREAM names its device and inode): lines carry
           sd-daemon priorities (<3>, <6>); with the variable naming another file they do not.
"""
import os
import signal
import socket
import subprocess
import sys
import time

WATCHDOG_USEC = 400_000  # pings every 200 ms


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start(kiosk, work, env_extra, stderr, pack=None):
    script = os.path.join(work, "visit.script")
    with open(script, "w") as f:
        f.write("wait 1500\ntap 640 360\nwait 600000\n")
    env = dict(os.environ)
    for key in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM"):
        env.pop(key, None)
    env.update(env_extra)
    args = [kiosk, "--headless", "--realtime", "--size", "1280x720", "--script", script,
            "--screenshots", work]
    if pack:
        args += ["--pack", pack]
    return subprocess.Popen(args, env=env, stderr=stderr)


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        code = proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        fail("the kiosk did not stop within 10 s of SIGTERM")
    if code != 0:
        fail(f"the kiosk exited {code} on SIGTERM")


def notify(kiosk, work):
    path = os.path.join(work, "notify.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(0.05)
    received = []  # (seconds since start, message)

    def read_for(seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                data = sock.recv(4096)
            except socket.timeout:
                continue
            for line in data.decode().split("\n"):
                received.append((time.monotonic() - t0, line))

    def first(predicate):
        return next((i for i, (_, m) in enumerate(received) if predicate(m)), None)

    with open(os.path.join(work, "stderr.txt"), "w") as err:
        t0 = time.monotonic()
        proc = start(kiosk, work, {"NOTIFY_SOCKET": path, "WATCHDOG_USEC": str(WATCHDOG_USEC)}, err)
        # Until the home screen (the tap at 1.5 s) says so, at most 60 s on a loaded machine.
        deadline = time.monotonic() + 60
        while first(lambda m: "home screen" in m) is None:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                fail(f"no STATUS naming the home screen; received {received}")
            read_for(0.1)
        read_for(1.0)  # the slide to the home screen ends
        idle_from = len(received)
        cpu_before = cpu_seconds(proc.pid)
        idle_start = time.monotonic()
        read_for(3.0)
        idle_seconds = time.monotonic() - idle_start
        cpu_idle = cpu_seconds(proc.pid) - cpu_before
        idle_end = len(received)
        stop(proc)
        read_for(0.5)

    for t, m in received:
        print(f"{t:7.3f} {m}")
    messages = [m for _, m in received]
    if messages.count("READY=1") != 1:
        fail(f"READY=1 arrived {messages.count('READY=1')} times, not once")
    ready = messages.index("READY=1")
    attract = first(lambda m: m.startswith("STATUS=") and "showing the attract loop" in m)
    if attract is None or "sequence" not in messages[attract]:
        fail("no STATUS line with the pack's sequence and the attract loop")
    home = first(lambda m: m.startswith("STATUS=") and "a visitor is on the home screen" in m)
    if home is None or home < attract:
        fail("no STATUS line for the home screen after the attract loop")
    first_ping = first(lambda m: m == "WATCHDOG=1")
    if first_ping is None or first_ping < ready - 1:
        fail("no WATCHDOG=1, or one long before READY=1")
    idle_pings = messages[idle_from:idle_end].count("WATCHDOG=1")
    expected = idle_seconds / (WATCHDOG_USEC / 2 / 1e6)
    print(f"idle {idle_seconds:.2f} s on the home screen: {idle_pings} keep-alives "
          f"(about {expected:.0f} expected), {cpu_idle:.3f} s of CPU")
    if idle_pings < expected * 0.6:
        fail(f"only {idle_pings} WATCHDOG=1 in {idle_seconds:.1f} s of idle (one every 200 ms expected)")
    if idle_pings > expected * 1.6:
        fail(f"{idle_pings} WATCHDOG=1 in {idle_seconds:.1f} s: not paced at half the period")
    # Idle means asleep between pings: the loop is not spinning to send them.
    if cpu_idle > 0.25 * idle_seconds:
        fail(f"the idle kiosk used {cpu_idle:.2f} s of CPU in {idle_seconds:.1f} s")
    stopping = first(lambda m: m == "STOPPING=1")
    if stopping is None or stopping < home:
        fail("no STOPPING=1 after SIGTERM")
    print("ok")


def no_manager(kiosk, work):
    path = os.path.join(work, "nobody-listens.sock")
    log = os.path.join(work, "stderr.txt")
    with open(log, "w") as err:
        proc = start(kiosk, work, {"NOTIFY_SOCKET": path, "WATCHDOG_USEC": str(WATCHDOG_USEC)}, err)
        time.sleep(3.5)
        if proc.poll() is not None:
            fail(f"the kiosk stopped by itself (exit {proc.returncode})")
        stop(proc)
    text = open(log).read()
    print(text)
    if text.count("cannot notify the service manager") != 1:
        fail("the failure to notify was not logged exactly once")
    print("ok")


def journal(kiosk, work):
    missing = os.path.join(work, "no-such.ckpack")
    log = os.path.join(work, "journal.txt")
    with open(log, "w") as err:
        st = os.fstat(err.fileno())
        proc = start(kiosk, work, {"JOURNAL_STREAM": f"{st.st_dev}:{st.st_ino}"}, err, pack=missing)
        time.sleep(2.5)
        stop(proc)
    lines = open(log).read().splitlines()
    print("\n".join(lines))
    if not any(l.startswith("<3>kiosk: the content pack cannot be shown") for l in lines):
        fail("the missing pack is not logged with priority <3>")
    if not any(l.startswith("<6>kiosk: SIGTERM") for l in lines):
        fail("the stop is not logged with priority <6>")
    if any(l.startswith("[") for l in lines):
        fail("a line in the plain format went to the journal")
    # $JOURNAL_STREAM names another stream (a shell started by the service, its stderr redirected).
    other = os.path.join(work, "plain.txt")
    with open(other, "w") as err:
        st = os.stat(log)
        proc = start(kiosk, work, {"JOURNAL_STREAM": f"{st.st_dev}:{st.st_ino}"}, err, pack=missing)
        time.sleep(2.5)
        stop(proc)
    plain = open(other).read().splitlines()
    if not any(l.startswith("[error] kiosk: the content pack cannot be shown") for l in plain):
        fail(f"stderr that is not the journal lost the plain format: {plain}")
    print("ok")


def main():
    mode, kiosk, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    for name in os.listdir(work):
        path = os.path.join(work, name)
        if os.path.isfile(path) or os.path.islink(path) or name.endswith(".sock"):
            os.remove(path)
    {"notify": notify, "no-manager": no_manager, "journal": journal}[mode](kiosk, work)


if __name__ == "__main__":
    main()
