#!/usr/bin/env python3
"""Where SQLite's single writer becomes the limit: write rates with 1 and 8 concurrent writers.

    python3 benches/writers.py [--ops N]

Builds the release binary and examples/write_floor. In a throw-away folder it
makes a database with an administrator and 100 accounts, then measures, with 1 writer and with 8
writers at once, N operations per writer (default 50):
  write_floor    a process that opens the database the way useradm does (WAL, synchronous=FULL)
                 and commits one small transaction: what one write costs with process start
  useradm write  `useradm users update EMAIL --first-name ...`: process start, the gate, one
                 BEGIN IMMEDIATE transaction with the update and its audit event
It prints writes per second, the ratio to the floor, and any failures (there must be none: each
writer waits for the lock up to the 30 s busy timeout).
"""
import argparse
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

from benchlib import admin_database, build, populate


def run(cmd, env):
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return done.returncode, done.stderr.decode()


def rate(make_cmd, env, writers, ops):
    """Runs `ops` commands in each of `writers` threads at once; returns (writes/s, failures)."""
    def writer(w):
        return [run(make_cmd(w, i), env) for i in range(ops)]

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=writers) as pool:
        results = [r for batch in pool.map(writer, range(writers)) for r in batch]
    elapsed = time.perf_counter() - start
    failures = [err for code, err in results if code != 0]
    return writers * ops / elapsed, failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ops", type=int, default=50)
    args = parser.parse_args()
    useradm, floor = build("write_floor")
    with tempfile.TemporaryDirectory() as tmp:
        env = admin_database(useradm, tmp)
        db = env["USERADM_DB"]
        populate(useradm, env, tmp, 101)

        def floor_cmd(w, i):
            return [floor, db]

        def useradm_cmd(w, i):
            return [useradm, "users", "update", f"user{w * 12 + i % 12}@example.com", "--first-name", f"N{i}"]

        print(f"{'writers':<9}{'floor writes/s':>16}{'useradm writes/s':>18}{'ratio':>8}  failures")
        for writers in (1, 8):
            floor_rate, floor_failed = rate(floor_cmd, env, writers, args.ops)
            tool_rate, tool_failed = rate(useradm_cmd, env, writers, args.ops)
            failed = floor_failed + tool_failed
            print(f"{writers:<9}{floor_rate:>16.0f}{tool_rate:>18.0f}{tool_rate / floor_rate:>8.2f}  {len(failed)}")
            for err in failed[:3]:
                print(f"  {err.strip()[:200]}")
        verify = subprocess.run([useradm, "audit", "verify"], env=env, capture_output=True, text=True)
        print(verify.stdout.strip() or verify.stderr.strip())


if __name__ == "__main__":
    main()
