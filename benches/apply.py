#!/usr/bin/env python3
"""`apply` at scale, against floors measured in the same run.

    python3 benches/apply.py [--users N] [--roles R] [--invites M] [--runs K]

Builds the release binary and examples/read_floor, makes a throw-away database, then:
  roles         R roles applied (so that both sides below start from the same store)
  first apply   `apply` of M invite-only accounts (each mailed an invitation code, hashed with
                Argon2id like a password) into a copy of that store
  import        `import` of the same M accounts as CSV (the same roles) into another copy
  no-change     `apply` of the file of N accounts and R roles to a store that already matches it,
                checked to write nothing (the database bytes and the audit row count unchanged)
  read floor    a plain read of those rows (examples/read_floor)
and prints the ratios first-apply/import and no-change/read-floor (medians of --runs interleaved
runs). Goals: first apply as fast as the import (ratio near 1), no-change under 2x the floor.
Defaults: N=10000, R=50, M=10000 (the invitation hashes make the first two cases about two
minutes each on two cores; --invites 2000 for a quick look).
"""
import argparse
import hashlib
import os
import sqlite3
import statistics
import subprocess
import tempfile

from benchlib import admin_database, build, copy_db, timed


def state(owner, roles, users, offset=0):
    lines = [f'owner = "{owner}"', ""]
    for r in range(roles):
        lines += [f"[roles.team{r}]", f'description = "Team {r}"',
                  f'permissions = ["team{r}.*", "users.read"]', ""]
    for i in range(offset, offset + users):
        lines += ["[[users]]", f'email = "user{i}@example.com"', f'first_name = "User{i}"',
                  f'roles = ["team{i % roles}"]', ""]
    return "\n".join(lines)


def digest(db):
    """The store's rows as a hash (not its pages: a checkpoint may move those)."""
    con = sqlite3.connect(db)
    h = hashlib.sha256()
    for (table,) in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"):
        for row in con.execute(f"SELECT * FROM {table} ORDER BY 1"):
            h.update(repr(row).encode())
    events = con.execute("SELECT count(*) FROM audit_events").fetchone()[0]
    con.close()
    return h.hexdigest(), events


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=10000)
    parser.add_argument("--roles", type=int, default=50)
    parser.add_argument("--invites", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    useradm, read_floor = build("read_floor")
    with tempfile.TemporaryDirectory() as tmp:
        env = admin_database(useradm, tmp)
        db = env["USERADM_DB"]
        env["USERADM_OUTBOX"] = os.path.join(tmp, "outbox")
        roles_file = os.path.join(tmp, "roles.toml")
        with open(roles_file, "w") as f:
            f.write(state("bench", args.roles, 0))
        subprocess.run([useradm, "apply", roles_file], env=env, check=True, stdout=subprocess.DEVNULL)
        base = os.path.join(tmp, "base.db")
        copy_db(db, base)

        invites = os.path.join(tmp, "invites.toml")
        with open(invites, "w") as f:
            f.write(state("bench", args.roles, args.invites))
        csv = os.path.join(tmp, "invites.csv")
        with open(csv, "w") as f:
            f.write("email,first_name,roles\n")
            for i in range(args.invites):
                f.write(f"user{i}@example.com,User{i},team{i % args.roles}\n")
        t_apply, t_import = [], []
        for _ in range(args.runs):
            copy_db(base, db)
            t_apply.append(timed([useradm, "apply", invites], env))
            copy_db(base, db)
            t_import.append(timed([useradm, "import", csv], env))

        full = os.path.join(tmp, "full.toml")
        with open(full, "w") as f:
            f.write(state("bench", args.roles, args.users))
        copy_db(base, db)
        subprocess.run([useradm, "apply", full, "--no-email"], env=env, check=True, stdout=subprocess.DEVNULL)
        before = digest(db)
        t_nochange, t_floor = [], []
        for _ in range(args.runs):
            t_nochange.append(timed([useradm, "apply", full], env))
            t_floor.append(timed([read_floor, db], env))
        after = digest(db)
        if before != after:
            raise SystemExit(f"the no-change apply wrote: {before} -> {after}")
    a, i = statistics.median(t_apply), statistics.median(t_import)
    n, fl = statistics.median(t_nochange), statistics.median(t_floor)
    print(f"{'case':<44}{'seconds':>9}")
    print(f"{'first apply, ' + str(args.invites) + ' invite-only accounts':<44}{a:>9.2f}")
    print(f"{'import, the same ' + str(args.invites) + ' accounts':<44}{i:>9.2f}")
    print(f"{'no-change apply, ' + str(args.users) + ' accounts, ' + str(args.roles) + ' roles':<44}{n:>9.3f}")
    print(f"{'read floor, the same rows':<44}{fl:>9.3f}")
    print(f"first apply / import = {a / i:.2f} (goal: about 1)")
    print(f"no-change apply / read floor = {n / fl:.2f} (goal < 2); it wrote nothing: rows and {before[1]} audit rows unchanged")


if __name__ == "__main__":
    main()
