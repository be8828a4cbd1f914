#!/usr/bin/env python3
"""Whether a reset request's timing tells if the account exists.

    python3 benches/reset_timing.py [--runs N]

Builds the release binary. In a throw-away folder it makes a database with an administrator and
times N reset requests (default 30) for the existing account and N for an unknown address,
interleaved, once with a slow SMTP server on 127.0.0.1 (every reply 5 ms late) and once with the
outbox. Each request is one process from start to exit, as a prober sees it; between requests the
benchmark waits (untimed) until the queued message was delivered, so that no deliverer competes
with the next request. It prints the medians and the ratio existing / unknown (the goal: within
10 %, that is 0.90-1.10). Where valgrind is installed it also counts the instructions of one
request of each kind (callgrind: the same count for the same work, whatever the machine does).
"""
import argparse
import subprocess
import os
import socket
import sqlite3
import statistics
import tempfile
import threading
import time

from benchlib import ADMIN, admin_database, build, timed

REPLY_DELAY = 0.005


def slow_smtp_server():
    """An SMTP server that answers every command 5 ms late; returns its port."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)

    def reply(conn, text):
        time.sleep(REPLY_DELAY)
        conn.sendall(text.encode() + b"\r\n")

    def session(conn):
        with conn:
            reader = conn.makefile("rb")
            reply(conn, "220 slow.example ESMTP")
            in_data = False
            for raw in reader:
                line = raw.decode("utf-8", "replace").rstrip("\r\n")
                if in_data:
                    if line == ".":
                        in_data = False
                        reply(conn, "250 queued")
                    continue
                verb = line.split(" ")[0].upper()
                if verb in ("EHLO", "HELO"):
                    reply(conn, "250 slow.example")
                elif verb == "DATA":
                    in_data = True
                    reply(conn, "354 go on")
                elif verb == "QUIT":
                    reply(conn, "221 bye")
                    return
                else:
                    reply(conn, "250 ok")

    def serve():
        while True:
            conn, _ = listener.accept()
            threading.Thread(target=session, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    return listener.getsockname()[1]


def wait_for_delivery(db):
    """Until no queued message waits unsent (not timed)."""
    deadline = time.time() + 60
    while time.time() < deadline:
        with sqlite3.connect(db) as con:
            left = con.execute("SELECT count(*) FROM mail_queue WHERE done_at IS NULL").fetchone()[0]
        if left == 0:
            return
        time.sleep(0.005)
    raise SystemExit("a queued message was not delivered within 60 s")


def measure(useradm, env, runs):
    samples = {"existing": [], "unknown": []}
    for i in range(runs):
        pair = [("existing", ADMIN), ("unknown", f"nobody{i}@example.com")]
        # Alternate which goes first, so that neither always follows the other's deliverer.
        for kind, email in pair if i % 2 == 0 else reversed(pair):
            samples[kind].append(timed([useradm, "reset", "--email", email], env))
            wait_for_delivery(env["USERADM_DB"])
    return {k: statistics.median(v) for k, v in samples.items()}


def instructions(useradm, env, email):
    """Instructions one request runs, by callgrind; None without valgrind."""
    out = os.path.join(os.path.dirname(env["USERADM_DB"]), "callgrind.out")
    try:
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                               useradm, "reset", "--email", email],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except FileNotFoundError:
        return None
    wait_for_delivery(env["USERADM_DB"])
    for line in done.stderr.decode().splitlines():
        if "Collected" in line:
            return int(line.split(":")[-1].strip())
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    (useradm,) = build()
    port = slow_smtp_server()
    with tempfile.TemporaryDirectory() as tmp:
        env = admin_database(useradm, tmp)
        # The hourly limit would make later requests skip their code: lift it for the benchmark.
        subprocess.run([useradm, "config", "set", "codes.max_per_hour", "100"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        print(f"reset requests, median of {args.runs} each (one process, start to exit):")
        for name, extra in (("slow SMTP (5 ms a reply)", {"USERADM_SMTP_URL": f"smtp://127.0.0.1:{port}"}),
                            ("outbox", {})):
            medians = measure(useradm, dict(env, **extra), args.runs)
            ratio = medians["existing"] / medians["unknown"]
            verdict = "within 10 %" if 0.9 <= ratio <= 1.1 else "NOT within 10 %"
            print(f"  {name:26} existing {medians['existing'] * 1000:6.2f} ms   "
                  f"unknown {medians['unknown'] * 1000:6.2f} ms   ratio {ratio:.3f}  ({verdict})")
        known = instructions(useradm, env, ADMIN)
        unknown = instructions(useradm, env, "nobody-cg@example.com")
        if known and unknown:
            print(f"instructions of one request (callgrind, outbox): existing {known:,}, "
                  f"unknown {unknown:,}, ratio {known / unknown:.4f}")


if __name__ == "__main__":
    main()
