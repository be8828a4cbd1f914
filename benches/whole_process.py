#!/usr/bin/env python3
"""Whole-process timings of useradm against floors measured in the same run.

    python3 benches/whole_process.py [--runs N] [--users N]

Builds the release binary and the floor programs in examples/, makes a throw-away database with one
administrator, then times (medians of N runs) two groups, each interleaved so that machine noise
hits a command and its floor alike:
  read path     true (/bin/true: process start alone), floor_select (process start + SQLite open +
                one indexed SELECT), useradm whoami, useradm check --permission
  Argon2 path   argon2_floor (process start + one Argon2id hash at the default policy, memory from
                the allocator as a naive program gets it), useradm login, useradm authenticate
on a database of 1,000 users and, with --users N, of N users (made by a pre-hashed import). It
prints the medians, the ratios to the floors against issue 7's budgets, the peak memory of login,
and, on the N-user database, `users list --json` (seconds and peak memory, streamed).
"""
import argparse
import statistics
import tempfile

from benchlib import PASSWORD, admin_database, build, peak_kib, populate, timed

ARGON2_MIB = 19456 / 1024  # the default policy's m_cost


def measure(useradm, argon2_floor, floor_select, users, runs):
    with tempfile.TemporaryDirectory() as tmp:
        env = admin_database(useradm, tmp)
        db = env["USERADM_DB"]
        pw = (PASSWORD + "\n").encode()
        populate(useradm, env, tmp, users)
        read_path = {
            "true": (["true"], b""),
            "floor_select": ([floor_select, db, "admin@example.com"], b""),
            "whoami": ([useradm, "whoami"], b""),
            "check": ([useradm, "check", "--permission", "users.read"], b""),
        }
        argon2_path = {
            "argon2_floor": ([argon2_floor], b""),
            "login": ([useradm, "login", "--email", "admin@example.com", "--password-stdin"], pw),
            "authenticate": ([useradm, "authenticate", "--email", "admin@example.com", "--password-stdin"], pw),
        }
        samples = {}
        for group in (read_path, argon2_path):
            samples.update({name: [] for name in group})
            for _ in range(runs):
                for name, (cmd, stdin) in group.items():
                    samples[name].append(timed(cmd, env, stdin))
        peak = peak_kib(argon2_path["login"][0], env, pw)
        listing = list_users(useradm, env, users) if users >= 100000 else None
    return {name: statistics.median(s) * 1000 for name, s in samples.items()}, peak, listing


def list_users(useradm, env, users):
    """`users list --json` of every account: the best of 3 runs, and its peak memory."""
    cmd = [useradm, "users", "list", "--json"]
    seconds = min(timed(cmd, env) for _ in range(3))
    return seconds, peak_kib(cmd, env)


def verdict(ratio, budget):
    return f"{ratio:.2f} (budget <= {budget}: {'met' if ratio <= budget else 'NOT met'})"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--users", type=int, default=0, help="also measure a database of this many users")
    args = parser.parse_args()
    useradm, argon2_floor, floor_select = build("argon2_floor", "floor_select")
    sizes = [1000] + ([args.users] if args.users else [])
    results = {n: measure(useradm, argon2_floor, floor_select, n, args.runs) for n in sizes}
    try:
        with open("/sys/kernel/mm/transparent_hugepage/enabled") as f:
            print(f"transparent huge pages: {f.read().strip()}")
    except OSError:
        print("transparent huge pages: not available")
    for n, (med, peak, listing) in results.items():
        print(f"--- {n} users: medians of {args.runs} runs")
        for name, ms in med.items():
            print(f"{name:<14}{ms:>9.2f} ms")
        print(f"login / argon2_floor   = {verdict(med['login'] / med['argon2_floor'], 1.15)}")
        print(f"authenticate / floor   = {verdict(med['authenticate'] / med['argon2_floor'], 1.15)}")
        print(f"whoami / floor_select  = {verdict(med['whoami'] / med['floor_select'], 1.3)}")
        print(f"check / floor_select   = {verdict(med['check'] / med['floor_select'], 1.3)}")
        budget = ARGON2_MIB + 10
        print(f"login peak memory      = {peak / 1024:.1f} MiB (Argon2id uses {ARGON2_MIB:.1f} MiB; "
              f"budget <= {budget:.1f}: {'met' if peak / 1024 <= budget else 'NOT met'})")
        if listing:
            seconds, list_peak = listing
            per_100k = seconds * 100000 / n
            print(f"users list --json      = {seconds:.2f} s for {n} users, {per_100k:.2f} s per 100,000 "
                  f"(budget <= 1 s per 100,000: {'met' if per_100k <= 1 else 'NOT met'}), "
                  f"peak memory {list_peak / 1024:.1f} MiB")
    if args.users:
        small, big = results[1000][0], results[args.users][0]
        print(f"whoami {args.users}/1000 users = {verdict(big['whoami'] / small['whoami'], 1.1)}")
        print(f"check  {args.users}/1000 users = {verdict(big['check'] / small['check'], 1.1)}")


if __name__ == "__main__":
    main()
