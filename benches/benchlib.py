"""What the benchmark scripts in benches/ share: building, timing one process, peak memory, and a
throw-away database with a logged-in administrator and pre-hashed accounts."""
import os
import sqlite3
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(ROOT, "target", "release")
PASSWORD = "Tq8vLm2xR9pZ4wKsYb"
ADMIN = "admin@example.com"


def build(*examples):
    """Builds the release binary and the named examples; returns their paths, useradm first."""
    cmd = ["cargo", "build", "--release", "--quiet", "--bin", "useradm"]
    for name in examples:
        cmd += ["--example", name]
    subprocess.run(cmd, cwd=ROOT, check=True)
    return [os.path.join(TARGET, "useradm")] + [os.path.join(TARGET, "examples", name) for name in examples]


def timed(cmd, env, stdin=b""):
    """Seconds one process takes; a failure ends the benchmark with its error."""
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{cmd} failed ({done.returncode}): {done.stderr.decode()[:2000]}")
    return elapsed


def peak_kib(cmd, env, stdin=b""):
    """Peak resident memory of one process, in KiB."""
    done = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, env=env, input=stdin,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        sys.exit(f"{cmd} failed ({done.returncode}): {done.stderr.decode()[:2000]}")
    return int(done.stderr.decode().strip().splitlines()[-1])


def admin_database(useradm, tmp, drop_prefixes=("USERADM_",)):
    """A new database under `tmp` with ADMIN logged in; returns the environment that points at it
    (the caller's variables starting with `drop_prefixes` removed)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop_prefixes)}
    env.update(HOME=tmp, USERADM_DB=os.path.join(tmp, "db", "useradm.db"),
               USERADM_SESSION_DIR=os.path.join(tmp, "sessions"))
    pw = (PASSWORD + "\n").encode()
    subprocess.run([useradm, "init", "-q", "--admin", ADMIN, "--password-stdin"], env=env, input=pw, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([useradm, "login", "--email", ADMIN, "--password-stdin"], env=env, input=pw, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return env


def populate(useradm, env, tmp, users):
    """Brings the database to `users` accounts with one import of pre-hashed rows sharing the
    administrator's hash; returns that hash."""
    with sqlite3.connect(env["USERADM_DB"]) as con:
        phc = con.execute("SELECT password_hash FROM users WHERE id = 1").fetchone()[0]
    path = os.path.join(tmp, f"users-{users}.csv")
    with open(path, "w") as f:
        f.write("email,password_hash,verified\n")
        for i in range(users - 1):
            f.write(f"user{i}@example.com,\"{phc}\",true\n")
    subprocess.run([useradm, "import", path, "--no-email"], env=env, check=True, stdout=subprocess.DEVNULL)
    return phc


def copy_db(src, dst):
    """Makes `dst` a copy of the SQLite database `src` (its write-ahead log included)."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(dst + suffix):
            os.remove(dst + suffix)
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()
