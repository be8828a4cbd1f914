#!/usr/bin/env python3
"""A TAB that reads the store, against floors measured in the same run.

    python3 benches/completion.py [--users N] [--runs R]

Builds the release binary, makes a throw-away database of N accounts (default 100,000) with the
administrator logged in, then times (medians of R interleaved runs, default 31):
  floor     `useradm --version`: starting the process and nothing else
  keys      a completion that reads no store (`config get s<TAB>`)
  emails    `users show user12<TAB>` (opens the store, finds the actor, ranges the email index)
and prints the milliseconds and the ratios emails/floor and emails/keys (the goal: under 50 ms).
"""
import argparse
import statistics
import tempfile

from benchlib import admin_database, build, populate, timed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=31)
    args = parser.parse_args()
    (useradm,) = build()
    with tempfile.TemporaryDirectory() as tmp:
        env = admin_database(useradm, tmp)
        populate(useradm, env, tmp, args.users)
        tab = dict(env, COMPLETE="fish")
        floor = [useradm, "--version"]
        keys = [useradm, "--", "useradm", "config", "get", "s"]
        emails = [useradm, "--", "useradm", "users", "show", "user12"]
        t = {"floor": [], "keys": [], "emails": []}
        for _ in range(args.runs):
            t["floor"].append(timed(floor, env))
            t["keys"].append(timed(keys, tab))
            t["emails"].append(timed(emails, tab))
        m = {k: statistics.median(v) * 1000 for k, v in t.items()}
    print(f"{args.users} accounts, medians of {args.runs} runs")
    for name, ms in m.items():
        print(f"  {name:<8}{ms:>8.2f} ms")
    print(f"emails / floor = {m['emails'] / m['floor']:.2f}; emails / keys = {m['emails'] / m['keys']:.2f}; "
          f"emails = {m['emails']:.1f} ms (goal < 50 ms)")


if __name__ == "__main__":
    main()
