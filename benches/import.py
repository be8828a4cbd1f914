#!/usr/bin/env python3
"""Import throughput against floors measured in the same run.

    python3 benches/import.py [--plain N] [--hashed M]

Builds the release binary and examples/argon2_parallel_floor and examples/import_floor, makes a
throw-away database, then:
  floor         N Argon2id hashes on every core, each worker reusing its memory
  plain         useradm import of N rows with plain passwords (hashed on every core)
  import_floor  M accounts inserted as useradm stores them (a users row and an audit row each, one
                transaction, prepared statements), into a copy of the database
  hashed        useradm import of M rows with password_hash (no hashing; one transaction, audit rows)
and prints rows per second and the ratios plain/floor and hashed/import_floor (medians of --runs
interleaved runs, each from the same starting copy). Defaults: N=2000, M=100000 (a figure for
plain rows is N=10000, which takes about two minutes on two cores).
"""
import argparse
import os
import secrets
import sqlite3
import statistics
import tempfile

from benchlib import admin_database, build, copy_db, timed

ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plain", type=int, default=2000)
    parser.add_argument("--hashed", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    useradm, floor, import_floor = build("argon2_parallel_floor", "import_floor")
    with tempfile.TemporaryDirectory() as tmp:
        env = admin_database(useradm, tmp)
        db = env["USERADM_DB"]
        plain = os.path.join(tmp, "plain.csv")
        with open(plain, "w") as f:
            f.write("email,password,verified\n")
            for i in range(args.plain):
                f.write(f"plain{i}@example.com,{''.join(secrets.choice(ALPHABET) for _ in range(20))},true\n")
        t_floor = timed([floor, str(args.plain)], env)
        t_plain = timed([useradm, "import", plain, "--no-email"], env)
        phc = sqlite3.connect(db).execute("SELECT password_hash FROM users WHERE email = 'plain0@example.com'").fetchone()[0]
        hashed = os.path.join(tmp, "hashed.csv")
        with open(hashed, "w") as f:
            f.write("email,password_hash,verified\n")
            for i in range(args.hashed):
                f.write(f"hashed{i}@example.com,\"{phc}\",true\n")
        base, copy = os.path.join(tmp, "base.db"), os.path.join(tmp, "floor.db")
        copy_db(db, base)
        t_floors, t_imports = [], []
        for _ in range(args.runs):
            copy_db(base, copy)
            t_floors.append(timed([import_floor, copy, str(args.hashed), phc], env))
            copy_db(base, db)
            t_imports.append(timed([useradm, "import", hashed, "--no-email"], env))
        t_hashed, t_import_floor = statistics.median(t_imports), statistics.median(t_floors)
    print(f"{'case':<34}{'seconds':>9}{'rows/s':>12}")
    print(f"{'argon2 floor, ' + str(args.plain) + ' hashes':<34}{t_floor:>9.2f}{args.plain / t_floor:>12.1f}")
    print(f"{'import, ' + str(args.plain) + ' plain passwords':<34}{t_plain:>9.2f}{args.plain / t_plain:>12.1f}")
    print(f"{'import, ' + str(args.hashed) + ' password_hash rows':<34}{t_hashed:>9.2f}{args.hashed / t_hashed:>12.0f}")
    print(f"{'import_floor, ' + str(args.hashed) + ' accounts':<34}{t_import_floor:>9.2f}{args.hashed / t_import_floor:>12.0f}")
    print(f"plain import / argon2 floor = {t_plain / t_floor:.2f}")
    print(f"hashed import rate / import_floor rate = {t_import_floor / t_hashed:.2f} (goal >= 0.9)")


if __name__ == "__main__":
    main()
