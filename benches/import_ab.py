#!/usr/bin/env python3
"""A pre-hashed import of 100,000 accounts by two or more builds, side by side, on both engines.

    [.ci/with-postgres] python3 benches/import_ab.py OLD_BINARY [--runs N]

Compares the release binary built from this tree with other builds (for example one built from
an earlier commit into another target folder). Each run gives every build a fresh store holding
an administrator and 1,000 accounts and times its import of the same 100,000 rows; on SQLite
also `examples/import_floor` on a copy of that store. Prints medians of --runs interleaved runs:
accounts per second, and on SQLite the ratio to the floor. PostgreSQL is measured when a server
is named (as `.ci/with-postgres` names one); otherwise SQLite only.
"""
import argparse
import os
import statistics
import subprocess
import tempfile

from benchlib import build, copy_db, timed
from postgres import hashed_csv, prepare, psql, read_admin_hash, server_from_env

ROWS = 100000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("others", nargs="+", help="other builds of useradm to compare")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    useradm, import_floor = build("import_floor")
    builds = [useradm] + args.others
    server = server_from_env() if os.environ.get("USERADM_TEST_PG") else None
    engines = ["sqlite"] + (["postgres"] if server else [])
    rates = {(b, e): [] for b in builds for e in engines}
    floors = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            for engine in engines:
                for k, binary in enumerate(builds):
                    home = os.path.join(tmp, f"{run}-{engine}-{k}")
                    os.makedirs(home)
                    dbname = f"import_ab_{os.getpid()}_{run}_{k}"
                    if engine == "postgres":
                        psql(server, f"CREATE DATABASE {dbname}")
                    env = prepare(useradm, home, server if engine == "postgres" else None, dbname)
                    subprocess.run([useradm, "import", hashed_csv(env, home, 999, "user"), "--no-email"],
                                   env=env, check=True, stdout=subprocess.DEVNULL)
                    path = hashed_csv(env, home, ROWS, "imp")
                    if engine == "sqlite" and k == 0:
                        copy = os.path.join(home, "floor.db")
                        copy_db(env["USERADM_DB"], copy)
                        floors.append(timed([import_floor, copy, str(ROWS), read_admin_hash(env)], env))
                    rates[(binary, engine)].append(ROWS / timed([binary, "import", path, "--no-email"], env))
                    if engine == "postgres":
                        psql(server, f"DROP DATABASE IF EXISTS {dbname} WITH (FORCE)")
    floor = ROWS / statistics.median(floors)
    print(f"medians of {args.runs} interleaved runs, {ROWS:,} pre-hashed accounts")
    print(f"{'sqlite':<9}{'import_floor':<44}{floor:>10,.0f}/s")
    for engine in engines:
        for binary in builds:
            rate = statistics.median(rates[(binary, engine)])
            ratio = f"  {rate / floor:.2f} of the floor" if engine == "sqlite" else ""
            print(f"{engine:<9}{binary:<44}{rate:>10,.0f}/s{ratio}")


if __name__ == "__main__":
    main()
