#!/usr/bin/env python3
"""useradm on PostgreSQL beside SQLite, each against a floor measured in the same run.

    .ci/with-postgres python3 benches/postgres.py [--runs N] [--import-rows N]

Needs a server named as the test suite names one (USERADM_TEST_PG and its password file; the
line above starts a throwaway cluster on 127.0.0.1). Makes one database on the server and one
SQLite file, each with an administrator logged in and 1,000 accounts, then times (medians of N
interleaved runs):
  pg_floor       process start + a connection made as useradm makes it on loopback + as many
                 indexed SELECTs, one round trip each, as the command runs statements
  whoami, check  on PostgreSQL (budget: <= 1.3x pg_floor) and on SQLite (against floor_select)
  login, authenticate  on both engines, against argon2_floor (one Argon2id hash)
and then a pre-hashed import of --import-rows accounts on each engine (goal on PostgreSQL:
>= 100,000 accounts/s), and the write rate of one server under its single write lock
(`users update` from 8 processes).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

from benchlib import ADMIN, PASSWORD, admin_database, build, timed

# Statements each command runs on PostgreSQL (counted with log_statement = all).
STATEMENTS = {"whoami": 5, "check": 4}


def psql(server, sql, dbname="postgres"):
    bin_dir = sorted(d for d in os.listdir("/usr/lib/postgresql"))[-1]
    env = dict(os.environ, PGPASSWORD=server["password"])
    subprocess.run([f"/usr/lib/postgresql/{bin_dir}/bin/psql", "-qX", "-v", "ON_ERROR_STOP=1",
                    "-h", server["host"], "-p", server["port"], "-U", server["user"], "-d", dbname,
                    "-c", sql], env=env, check=True, stdout=subprocess.DEVNULL)


def server_from_env():
    url = os.environ.get("USERADM_TEST_PG")
    pw_file = os.environ.get("USERADM_TEST_PG_PASSWORD_FILE")
    if not url or not pw_file:
        sys.exit("name a server: run this under .ci/with-postgres (or set USERADM_TEST_PG and "
                 "USERADM_TEST_PG_PASSWORD_FILE)")
    parts = urllib.parse.urlsplit(url)
    with open(pw_file) as f:
        password = f.readline().rstrip("\n")
    return {"host": parts.hostname, "port": str(parts.port or 5432), "user": parts.username,
            "password": password, "password_file": pw_file}


def prepare(useradm, tmp, server=None, dbname=None):
    """An administrator logged in, on SQLite or on the server database `dbname`."""
    env = admin_database(useradm, tmp) if server is None else None
    if server is not None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("USERADM_")}
        env.update(HOME=tmp, USERADM_SESSION_DIR=os.path.join(tmp, "sessions"),
                   USERADM_DB=f"postgres://{server['user']}@{server['host']}:{server['port']}/{dbname}?sslmode=disable",
                   USERADM_DB_PASSWORD_FILE=server["password_file"])
        pw = (PASSWORD + "\n").encode()
        subprocess.run([useradm, "init", "-q", "--admin", ADMIN, "--password-stdin"], env=env, input=pw,
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([useradm, "login", "--email", ADMIN, "--password-stdin"], env=env, input=pw,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return env


def hashed_csv(env, tmp, rows, prefix):
    """A CSV of `rows` accounts sharing the administrator's stored hash."""
    phc = read_admin_hash(env)
    path = os.path.join(tmp, f"{prefix}-{rows}.csv")
    with open(path, "w") as f:
        f.write("email,password_hash,verified\n")
        for i in range(rows):
            f.write(f"{prefix}{i}@example.com,\"{phc}\",true\n")
    return path


def read_admin_hash(env):
    db = env["USERADM_DB"]
    if db.startswith("postgres://"):
        parts = urllib.parse.urlsplit(db)
        bin_dir = sorted(os.listdir("/usr/lib/postgresql"))[-1]
        with open(env["USERADM_DB_PASSWORD_FILE"]) as f:
            pw = f.readline().rstrip("\n")
        out = subprocess.run([f"/usr/lib/postgresql/{bin_dir}/bin/psql", "-qAtX", "-h", parts.hostname,
                              "-p", str(parts.port), "-U", parts.username, "-d", parts.path.lstrip("/"),
                              "-c", "SELECT password_hash FROM users WHERE id = 1"],
                             env=dict(os.environ, PGPASSWORD=pw), check=True, capture_output=True)
        return out.stdout.decode().strip()
    import sqlite3
    with sqlite3.connect(db) as con:
        return con.execute("SELECT password_hash FROM users WHERE id = 1").fetchone()[0]


def writers(useradm, env, n, each):
    """`n` processes each running `each` profile updates; returns updates per second."""
    start = time.perf_counter()
    procs = [subprocess.Popen(["sh", "-c", " && ".join(
        [f"{useradm} users update {ADMIN} --first-name w{k}-{i} >/dev/null" for i in range(each)])],
        env=env) for k in range(n)]
    for p in procs:
        if p.wait() != 0:
            sys.exit("a writer failed")
    return n * each / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--import-rows", type=int, default=100000)
    args = parser.parse_args()
    server = server_from_env()
    useradm, pg_floor, floor_select, argon2_floor = build("pg_floor", "floor_select", "argon2_floor")
    dbname = f"bench_{os.getpid()}"
    psql(server, f"CREATE DATABASE {dbname}")
    try:
        with tempfile.TemporaryDirectory() as tmp_pg, tempfile.TemporaryDirectory() as tmp_lite:
            pg = prepare(useradm, tmp_pg, server, dbname)
            lite = prepare(useradm, tmp_lite)
            for env, tmp in ((pg, tmp_pg), (lite, tmp_lite)):
                subprocess.run([useradm, "import", hashed_csv(env, tmp, 999, "user"), "--no-email"],
                               env=env, check=True, stdout=subprocess.DEVNULL)
            pw = (PASSWORD + "\n").encode()
            floor = lambda n: [pg_floor, server["host"], server["port"], server["user"], dbname,
                               server["password_file"], ADMIN, str(n)]
            cases = {
                "pg_floor(whoami)": (floor(STATEMENTS["whoami"]), pg, b""),
                "pg whoami": ([useradm, "whoami"], pg, b""),
                "pg_floor(check)": (floor(STATEMENTS["check"]), pg, b""),
                "pg check": ([useradm, "check", "--permission", "users.read"], pg, b""),
                "floor_select": ([floor_select, lite["USERADM_DB"], ADMIN], lite, b""),
                "sqlite whoami": ([useradm, "whoami"], lite, b""),
                "sqlite check": ([useradm, "check", "--permission", "users.read"], lite, b""),
                "argon2_floor": ([argon2_floor], lite, b""),
                "pg login": ([useradm, "login", "--email", ADMIN, "--password-stdin"], pg, pw),
                "pg authenticate": ([useradm, "authenticate", "--email", ADMIN, "--password-stdin"], pg, pw),
                "sqlite login": ([useradm, "login", "--email", ADMIN, "--password-stdin"], lite, pw),
                "sqlite authenticate": ([useradm, "authenticate", "--email", ADMIN, "--password-stdin"], lite, pw),
            }
            samples = {name: [] for name in cases}
            for _ in range(args.runs):
                for name, (cmd, env, stdin) in cases.items():
                    samples[name].append(timed(cmd, env, stdin))
            med = {name: statistics.median(s) * 1000 for name, s in samples.items()}
            imports = {}
            for label, env, tmp in (("postgres", pg, tmp_pg), ("sqlite", lite, tmp_lite)):
                path = hashed_csv(env, tmp, args.import_rows, f"imp{label}")
                imports[label] = args.import_rows / timed([useradm, "import", path, "--no-email"], env)
            rates = {label: writers(useradm, env, 8, 25) for label, env in (("postgres", pg), ("sqlite", lite))}
    finally:
        psql(server, f"DROP DATABASE IF EXISTS {dbname} WITH (FORCE)")
    print(f"--- medians of {args.runs} interleaved runs (ms)")
    for name, ms in med.items():
        print(f"{name:<22}{ms:>9.2f}")

    def ratio(a, b, budget=None):
        r = med[a] / med[b]
        verdict = "" if budget is None else f" (budget <= {budget}: {'met' if r <= budget else 'NOT met'})"
        return f"{a} / {b} = {r:.2f}{verdict}"
    print(ratio("pg whoami", "pg_floor(whoami)", 1.3))
    print(ratio("pg check", "pg_floor(check)", 1.3))
    print(ratio("sqlite whoami", "floor_select"))
    print(ratio("sqlite check", "floor_select"))
    for engine in ("pg", "sqlite"):
        print(ratio(f"{engine} login", "argon2_floor"))
        print(ratio(f"{engine} authenticate", "argon2_floor"))
    print(f"round trip cost: pg_floor(whoami) - floor_select = {med['pg_floor(whoami)'] - med['floor_select']:.2f} ms "
          f"for a connection and {STATEMENTS['whoami']} statements")
    goal = imports["postgres"] >= 100000
    print(f"pre-hashed import, {args.import_rows} accounts: postgres {imports['postgres']:,.0f}/s "
          f"(goal >= 100,000/s: {'met' if goal else 'NOT met'}), sqlite {imports['sqlite']:,.0f}/s")
    print(f"writes under the single write lock, 8 processes: postgres {rates['postgres']:.0f}/s, "
          f"sqlite {rates['sqlite']:.0f}/s (each a whole `users update` process)")


if __name__ == "__main__":
    main()
