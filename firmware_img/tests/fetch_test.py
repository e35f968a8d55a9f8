#!/usr/bin/env python3
"""The pack fetcher (fetch/cable-kiosk-fetch) against real web servers on 127.0.0.1.

Usage: fetch_test.py CASE FETCHER CABLEPACK SOURCE_DIR WORKDIR. Each case makes its own packs
(cablepack build + sign with a key of its own), serves them with `python3 -m http.server` (or, for
the stall, a server of this file that stops sending half-way and then serves byte ranges), runs the
real script with real curl, and checks what is in the import folder afterwards.

Cases: newer, same, corrupt, stall, missing, too-big.
"""
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time

case, fetcher, cablepack, source, work = sys.argv[1:6]


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


shutil.rmtree(work, ignore_errors=True)
www = os.path.join(work, "www", "fleet")
state = os.path.join(work, "state")
imports = os.path.join(state, "import")
os.makedirs(www)
os.makedirs(state)
key = os.path.join(work, "fleet")
run([cablepack, "keygen", "--out", key])


def make_pack(sequence):
    """A signed pack of the exhibit's cables with this sequence; returns its bytes and signature."""
    out = os.path.join(work, f"seq{sequence}.ckpack")
    run([cablepack, "build", os.path.join(source, "content_pack"), "--manifest",
         os.path.join(source, "content_pack", "collection.toml"), "--sequence", str(sequence), "--out", out])
    run([cablepack, "sign", out, "--key", key + ".key"])
    return open(out, "rb").read(), open(out + ".minisig", "rb").read()


def publish(pack, signature, mtime):
    path = os.path.join(www, "exhibit.ckpack")
    with open(path, "wb") as f:
        f.write(pack)
    with open(path + ".minisig", "wb") as f:
        f.write(signature)
    os.utime(path, (mtime, mtime))
    os.utime(path + ".minisig", (mtime, mtime))


def config(url):
    path = os.path.join(work, "kiosk.toml")
    with open(path, "w") as f:
        f.write(f'[idle]\ncountdown_s = 30\n\n[fleet]\nurl = "{url}"  # the fleet\'s pack\n'
                f'pubkey = "{key}.pub"\n\n[metrics]\n#url = "not this one"\n')
    return path


class StaticServer:
    """python3 -m http.server, the real module, in its own process; its log is kept."""

    def __init__(self):
        self.port = free_port()
        self.log = open(os.path.join(work, "http.log"), "w+")
        self.proc = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1",
                                      str(self.port), "--directory", os.path.join(work, "www")],
                                     stderr=self.log, stdout=self.log)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        fail("http.server did not start")

    def url(self, name="exhibit.ckpack"):
        return f"http://127.0.0.1:{self.port}/fleet/{name}"

    def requests(self):
        self.log.flush()
        return open(self.log.name).read()

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def fetch(conf, **env):
    e = dict(os.environ, STATE_DIRECTORY=state, CK_CABLEPACK=cablepack, CK_FETCH_CONNECT_TIMEOUT="5",
             CK_FETCH_STALL_SECONDS="2", CK_FETCH_MAX_SECONDS="30")
    e.pop("JOURNAL_STREAM", None)
    e.update(env)
    start = time.monotonic()
    p = subprocess.run(["sh", fetcher, conf], capture_output=True, text=True, env=e, timeout=120)
    print(f"fetch exit {p.returncode} in {time.monotonic() - start:.1f} s: {p.stderr.strip()}")
    return p, time.monotonic() - start


def import_listing():
    return sorted(os.listdir(imports)) if os.path.isdir(imports) else []


def expect_delivered(pack, signature):
    listing = import_listing()
    if listing != ["exhibit.ckpack", "exhibit.ckpack.minisig"]:
        fail(f"the import folder holds {listing}")
    if open(os.path.join(imports, "exhibit.ckpack"), "rb").read() != pack:
        fail("the delivered pack is not the published one")
    if open(os.path.join(imports, "exhibit.ckpack.minisig"), "rb").read() != signature:
        fail("the delivered signature is not the published one")


def expect_nothing_delivered():
    listing = import_listing()
    if any(not n.startswith(".") for n in listing):
        fail(f"something was delivered: {listing}")


now = time.time()
if case == "newer":
    # The first fetch delivers; a newer pack published later replaces it.
    v1, s1 = make_pack(1)
    v2, s2 = make_pack(2)
    publish(v1, s1, now - 3600)
    server = StaticServer()
    conf = config(server.url())
    p, _ = fetch(conf)
    if p.returncode != 0:
        fail("the first fetch failed")
    expect_delivered(v1, s1)
    publish(v2, s2, now - 60)
    p, _ = fetch(conf)
    server.stop()
    if p.returncode != 0 or "sequence 2" not in p.stderr:
        fail("the newer pack was not fetched")
    expect_delivered(v2, s2)
elif case == "same":
    # Unchanged on the server: one conditional request answered 304, nothing delivered again
    # (the kiosk's import took the first delivery away).
    v1, s1 = make_pack(1)
    publish(v1, s1, now - 3600)
    server = StaticServer()
    conf = config(server.url())
    if fetch(conf)[0].returncode != 0:
        fail("the first fetch failed")
    for name in import_listing():
        os.remove(os.path.join(imports, name))
    p, _ = fetch(conf)
    log = server.requests()
    server.stop()
    print(log)
    if p.returncode != 0 or "unchanged" not in p.stderr:
        fail("an unchanged pack was not reported unchanged")
    if '"GET /fleet/exhibit.ckpack HTTP/1.1" 304' not in log:
        fail("no conditional request answered 304")
    if log.count('"GET /fleet/exhibit.ckpack HTTP/1.1" 200') != 1:
        fail("the unchanged pack was downloaded again")
    if import_listing():
        fail(f"something was delivered again: {import_listing()}")
elif case == "corrupt":
    # Damaged on the server (its signature no longer matches): refused, deleted, never delivered.
    v1, s1 = make_pack(1)
    damaged = bytearray(v1)
    for i in range(len(damaged) // 2, len(damaged) // 2 + 64):
        damaged[i] ^= 0xFF
    publish(bytes(damaged), s1, now - 60)
    server = StaticServer()
    p, _ = fetch(config(server.url()))
    server.stop()
    if p.returncode != 1 or "refused" not in p.stderr:
        fail("a corrupt pack was not refused")
    if import_listing():
        fail(f"the import folder holds {import_listing()} after a refusal")
elif case == "stall":
    # A server that stops sending half-way: curl gives up after the stall time, the partial file
    # is kept hidden; the next run resumes it with a range request and delivers a whole pack.
    v1, s1 = make_pack(1)
    half = len(v1) // 2
    seen = []

    class Stalling(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            rng = self.headers.get("Range")
            seen.append((self.path, rng))
            body = s1 if self.path.endswith(".minisig") else v1
            if self.path.endswith(".ckpack") and rng is None:
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Last-Modified", self.date_time_string(int(now - 60)))
                self.end_headers()
                self.wfile.write(body[:half])
                self.wfile.flush()
                time.sleep(20)  # far longer than the fetcher's stall time (2 s in this test)
                return
            start = int(rng.split("=")[1].split("-")[0]) if rng else 0
            self.send_response(206 if rng else 200)
            if rng:
                self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
            self.send_header("Content-Length", str(len(body) - start))
            self.send_header("Last-Modified", self.date_time_string(int(now - 60)))
            self.end_headers()
            self.wfile.write(body[start:])

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stalling)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    conf = config(f"http://127.0.0.1:{httpd.server_address[1]}/fleet/exhibit.ckpack")
    p, seconds = fetch(conf)
    if p.returncode != 1 or "curl exit 28" not in p.stderr:
        fail("a stalled download did not fail as a timeout")
    # curl measures the speed over its last 5 s or so, so the burst before the stall counts for a
    # while: 2 s of stall time plus that window.
    if seconds > 14:
        fail(f"the stall was noticed only after {seconds:.1f} s (stall time 2 s)")
    expect_nothing_delivered()
    part = os.path.join(imports, ".exhibit.ckpack.part")
    if not os.path.exists(part) or os.path.getsize(part) == 0:
        fail("the partial download was not kept for resuming")
    p, _ = fetch(conf)
    httpd.shutdown()
    print(seen)
    if p.returncode != 0:
        fail("the resumed fetch failed")
    if not any(rng and rng.startswith("bytes=") and rng != "bytes=0-" for _, rng in seen):
        fail("the second run did not resume with a range request")
    expect_delivered(v1, s1)
    if os.path.exists(part):
        fail("the partial file was left behind")
elif case == "missing":
    # 404: a failure with the status in the journal, nothing delivered.
    server = StaticServer()
    p, _ = fetch(config(server.url("no-such.ckpack")))
    server.stop()
    if p.returncode != 1 or "HTTP 404" not in p.stderr:
        fail("a 404 was not reported as one")
    if import_listing():
        fail(f"the import folder holds {import_listing()}")
elif case == "too-big":
    # Larger than the bound: curl refuses before downloading it.
    v1, s1 = make_pack(1)
    publish(v1, s1, now - 60)
    server = StaticServer()
    p, _ = fetch(config(server.url()), CK_FETCH_MAX_BYTES="100000")
    server.stop()
    if p.returncode != 1 or "curl exit 63" not in p.stderr:
        fail("a pack over the size bound was not refused")
    expect_nothing_delivered()
else:
    fail("unknown case " + case)
print("ok")
