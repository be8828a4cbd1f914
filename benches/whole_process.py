#!/usr/bin/env python3
"""Whole-process timings of useradm against floors measured in the same run.

    python3 benches/whole_process.py [--runs N]

Builds the release binary and examples/argon2_floor, makes a throw-away database with one
administrator, then times (medians of N runs, interleaved so machine noise hits all alike):
  argon2_floor  process start + one Argon2id hash at the default policy
  true          process start alone (/bin/true)
  login         useradm login (one Argon2id verify, one session write)
  authenticate  useradm authenticate
  whoami        useradm whoami (read-only: session lookup, roles)
and prints the medians and the ratios login/argon2_floor and whoami/true.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "Tq8vLm2xR9pZ4wKsYb"


def build():
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "useradm", "--example", "argon2_floor"],
                   cwd=ROOT, check=True)
    target = os.path.join(ROOT, "target", "release")
    return os.path.join(target, "useradm"), os.path.join(target, "examples", "argon2_floor")


def timed(cmd, env, stdin=b""):
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{cmd} failed ({done.returncode}): {done.stderr.decode()}")
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=31)
    runs = parser.parse_args().runs
    useradm, floor = build()
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("USERADM_")}
        env.update(HOME=tmp, USERADM_DB=os.path.join(tmp, "db", "useradm.db"),
                   USERADM_SESSION_DIR=os.path.join(tmp, "sessions"))
        pw = (PASSWORD + "\n").encode()
        subprocess.run([useradm, "init", "--admin", "admin@example.com", "--password-stdin"], env=env,
                       input=pw, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([useradm, "login", "--email", "admin@example.com", "--password-stdin"], env=env,
                       input=pw, check=True, stdout=subprocess.DEVNULL)
        cases = {
            "true": (["true"], b""),
            "argon2_floor": ([floor], b""),
            "login": ([useradm, "login", "--email", "admin@example.com", "--password-stdin"], pw),
            "authenticate": ([useradm, "authenticate", "--email", "admin@example.com", "--password-stdin"], pw),
            "whoami": ([useradm, "whoami"], b""),
        }
        samples = {name: [] for name in cases}
        for _ in range(runs):
            for name, (cmd, stdin) in cases.items():
                samples[name].append(timed(cmd, env, stdin))
    med = {name: statistics.median(s) * 1000 for name, s in samples.items()}
    print(f"{'case':<14}{'median ms':>10}")
    for name, ms in med.items():
        print(f"{name:<14}{ms:>10.2f}")
    print(f"login / argon2_floor  = {med['login'] / med['argon2_floor']:.2f}")
    print(f"authenticate / floor  = {med['authenticate'] / med['argon2_floor']:.2f}")
    print(f"whoami / true         = {med['whoami'] / med['true']:.2f}")


if __name__ == "__main__":
    main()
