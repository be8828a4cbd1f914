#!/usr/bin/env python3
"""useradm against a Django 5 peer doing the same operations, one process per run on both sides.

    python3 benches/django_peer.py [--runs N] [--users N] [--useradm PATH] [--json]

Uses the release binary as built (run `cargo build --release` first) and a venv with Django and
argon2-cffi at target/bench-django-venv (made on first use with pip). In a throw-away folder it
makes a useradm database and a minimal Django project (auth, contenttypes, sessions on SQLite,
Argon2PasswordHasher first with Django's own parameters), each with the administrator
admin@example.com (Django: a superuser in a group "admin") and N-1 more users sharing the admin's
hash (default N=1000, as in whole_process.py). Each Django operation is a management command of a
generated app: startup (does nothing), login (authenticate + a django_session row + last_login),
authenticate, whoami (session -> user, email and groups) and checkperm (has_perm auth.view_user).
Times medians of N runs (interleaved so machine noise hits all alike), prints them with the ratio
Django/useradm (how much slower a user switching from Django would see), the peak memory of one
login on each side, and one extra row: Django's authenticate with useradm's Argon2 parameters.
"""
import argparse
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile

from benchlib import ADMIN, PASSWORD, ROOT, admin_database, peak_kib, populate, timed

SAME = "same@example.com"  # Django user hashed with useradm's Argon2 parameters
VENV = os.path.join(ROOT, "target", "bench-django-venv")
PY = os.path.join(VENV, "bin", "python")

HEAD = ("import sys\nfrom django.contrib.auth import authenticate, get_user\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        "from django.core.management.base import BaseCommand\n\n\n"
        "def session_user(keyfile):\n"
        "    with open(keyfile) as f:\n"
        "        return get_user(type('Request', (), {'session': SessionStore(f.read().strip())})())\n\n\n"
        "class Command(BaseCommand):\n"
        "    def add_arguments(self, parser):\n"
        "        parser.add_argument('arg', nargs='?')\n\n"
        "    def handle(self, arg=None, **options):\n")
COMMANDS = {
    "startup": "        pass\n",
    "authenticate": "        password = sys.stdin.readline().rstrip('\\n')\n"
                    "        sys.exit(0 if authenticate(username=arg, password=password) else 1)\n",
    "login": """\
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
        from django.contrib.auth.signals import user_logged_in
        from django.conf import settings
        user = authenticate(username=arg, password=sys.stdin.readline().rstrip('\\n'))
        if user is None:
            sys.exit(1)
        session = SessionStore()
        session[SESSION_KEY] = user._meta.pk.value_to_string(user)
        session[BACKEND_SESSION_KEY] = user.backend
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        user_logged_in.send(sender=user.__class__, request=None, user=user)  # sets last_login
        with open(settings.KEY_FILE, 'w') as f:
            f.write(session.session_key)
""",
    "whoami": """\
        from django.conf import settings
        user = session_user(settings.KEY_FILE)
        if not user.is_authenticated:
            sys.exit(1)
        self.stdout.write(f"{user.email} groups: {', '.join(user.groups.values_list('name', flat=True))}")
""",
    "checkperm": """\
        from django.conf import settings
        sys.exit(0 if session_user(settings.KEY_FILE).has_perm('auth.view_user') else 1)
""",
}
SETUP = f"""\
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from peer.hashers import SameParamsArgon2
admin = User.objects.create_superuser({ADMIN!r}, {ADMIN!r}, {PASSWORD!r})
admin.groups.add(Group.objects.create(name='admin'))
User.objects.bulk_create([User(username=f'user{{i}}@example.com', email=f'user{{i}}@example.com',
                               password=admin.password) for i in range(USERS - 1)])
User.objects.create(username={SAME!r}, email={SAME!r}, password=make_password({PASSWORD!r}, hasher=SameParamsArgon2()))
"""


def venv():
    probe = [PY, "-c", "import django, argon2; assert django.VERSION[0] >= 5"]
    if os.path.exists(PY) and subprocess.run(probe, capture_output=True).returncode == 0:
        return
    print(f"creating {VENV} (pip install django argon2-cffi)", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    subprocess.run([PY, "-m", "pip", "install", "--quiet", "django", "argon2-cffi"], check=True)
    subprocess.run(probe, check=True)


def write_project(proj, db, keyfile, phc_params):
    files = {
        "manage.py": "import sys\nfrom django.core.management import execute_from_command_line\n"
                     "execute_from_command_line(sys.argv)\n",
        "peersite/__init__.py": "",
        "peersite/settings.py": f"""\
SECRET_KEY = "django-peer-bench-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz"
DEBUG = False
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions", "peer"]
DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": {db!r}}}}}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
USE_TZ = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher",
                    "django.contrib.auth.hashers.PBKDF2PasswordHasher"]
KEY_FILE = {keyfile!r}
""",
        "peersite/settings_same.py": "from peersite.settings import *  # noqa\n"
                                     "PASSWORD_HASHERS = ['peer.hashers.SameParamsArgon2']\n",
        "peer/__init__.py": "", "peer/management/__init__.py": "", "peer/management/commands/__init__.py": "",
        "peer/hashers.py": "from django.contrib.auth.hashers import Argon2PasswordHasher\n\n\n"
                           "class SameParamsArgon2(Argon2PasswordHasher):\n"
                           f"    time_cost, memory_cost, parallelism = {phc_params['t']}, {phc_params['m']}, "
                           f"{phc_params['p']}\n",
    }
    files.update({f"peer/management/commands/{name}.py": HEAD + body for name, body in COMMANDS.items()})
    for rel, text in files.items():
        os.makedirs(os.path.dirname(os.path.join(proj, rel)), exist_ok=True)
        with open(os.path.join(proj, rel), "w") as f:
            f.write(text)


def argon2_params(phc):
    return {k: int(v) for k, v in re.findall(r"([mtp])=(\d+)", phc)}


def stored_hashes(db):
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT username, password FROM auth_user WHERE username IN (?, ?)", (ADMIN, SAME)))


def measure(useradm, users, runs):
    with tempfile.TemporaryDirectory() as tmp:
        # PYTHON* too: e.g. PYTHONDONTWRITEBYTECODE would make Django recompile its project every run
        env = admin_database(useradm, tmp, drop_prefixes=("USERADM_", "DJANGO_", "PYTHON"))
        pw = (PASSWORD + "\n").encode()
        phc = populate(useradm, env, tmp, users)

        proj, ddb = os.path.join(tmp, "django"), os.path.join(tmp, "django.sqlite3")
        write_project(proj, ddb, os.path.join(tmp, "django-session-key"), argon2_params(phc))
        denv = dict(env, DJANGO_SETTINGS_MODULE="peersite.settings")
        same_env = dict(env, DJANGO_SETTINGS_MODULE="peersite.settings_same")
        manage = [PY, os.path.join(proj, "manage.py")]
        subprocess.run(manage + ["migrate", "--noinput"], env=denv, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(manage + ["shell", "-v", "0", "-c", f"USERS = {users}\n" + SETUP], env=denv, check=True,
                       stdout=subprocess.DEVNULL)
        before = stored_hashes(ddb)

        cases = {  # name: (side, cmd, stdin, env)
            "true": ("floor", ["/bin/true"], b"", env),
            "python": ("floor", [PY, "-c", "pass"], b"", env),
            "startup": ("useradm", [useradm, "--version"], b"", env),
            "startup ": ("django", manage + ["startup"], b"", denv),
            "startup --skip-checks": ("django", manage + ["startup", "--skip-checks"], b"", denv),
            "login": ("useradm", [useradm, "login", "--email", ADMIN, "--password-stdin"], pw, env),
            "login ": ("django", manage + ["login", ADMIN], pw, denv),
            "authenticate": ("useradm", [useradm, "authenticate", "--email", ADMIN, "--password-stdin"], pw, env),
            "authenticate ": ("django", manage + ["authenticate", ADMIN], pw, denv),
            "authenticate (Django, same Argon2 parameters)": ("django", manage + ["authenticate", SAME], pw, same_env),
            "whoami": ("useradm", [useradm, "whoami"], b"", env),
            "whoami ": ("django", manage + ["whoami"], b"", denv),
            "check": ("useradm", [useradm, "check", "--permission", "users.read"], b"", env),
            "check ": ("django", manage + ["checkperm"], b"", denv),
        }
        samples = {name: [] for name in cases}
        for _ in range(runs):
            for name, (_side, cmd, stdin, cenv) in cases.items():
                samples[name].append(timed(cmd, cenv, stdin))
        if stored_hashes(ddb) != before:
            sys.exit("a Django password hash was rewritten during the runs (must_update): results are not valid")
        peak = {side: peak_kib(cases[name][1], cases[name][3], pw) for side, name in
                (("useradm", "login"), ("django", "login "))}
        med = {"floor": {}, "useradm": {}, "django": {}}
        for name, (side, *_rest) in cases.items():
            med[side][name.strip()] = statistics.median(samples[name]) * 1000
        return med, peak, {"useradm": argon2_params(phc), "django": argon2_params(before[ADMIN])}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--users", type=int, default=1000, help="accounts in each database (default 1000)")
    parser.add_argument("--useradm", default=os.path.join(ROOT, "target", "release", "useradm"))
    parser.add_argument("--json", action="store_true", help="print the results as one JSON document")
    args = parser.parse_args()
    if not os.access(args.useradm, os.X_OK):
        sys.exit(f"{args.useradm} is missing: run `cargo build --release` first (or pass --useradm PATH)")
    venv()
    version = subprocess.run([PY, "-c", "import django; print(django.get_version())"], capture_output=True,
                             text=True, check=True).stdout.strip()
    med, peak, params = measure(args.useradm, args.users, args.runs)
    u, d = med["useradm"], med["django"]
    same = "authenticate (Django, same Argon2 parameters)"
    rows = [(op, u[op.split(" ")[0]], d[op]) for op in
            ("startup", "startup --skip-checks", "login", "authenticate", same, "whoami", "check")]
    if args.json:
        print(json.dumps({"runs": args.runs, "users": args.users, "django_version": version, "medians_ms": med,
                          "ratio_django_useradm": {op: dj / ua for op, ua, dj in rows},
                          "login_peak_kib": peak, "argon2": params}, indent=2))
        return
    fmt = lambda p: f"m={p['m']} KiB t={p['t']} p={p['p']}"  # noqa: E731
    print(f"--- {args.users} users, Django {version}: medians of {args.runs} runs")
    print(f"Argon2id: useradm {fmt(params['useradm'])}; Django's default {fmt(params['django'])}")
    print(f"{'operation':<47}{'useradm ms':>11}{'Django ms':>11}{'Django/useradm':>16}")
    for op, ua, dj in rows:
        print(f"{op:<47}{ua:>11.2f}{dj:>11.2f}{dj / ua:>16.2f}")
    print(f"{'process start (/bin/true)':<47}{med['floor']['true']:>11.2f}")
    print(f"{'python -c pass (venv interpreter)':<47}{'':>11}{med['floor']['python']:>11.2f}")
    print(f"login peak memory: useradm {peak['useradm'] / 1024:.1f} MiB, Django {peak['django'] / 1024:.1f} MiB")
    print("(startup: `useradm --version` vs `manage.py startup`, a command that does nothing, with the system "
          "checks every management command runs unless --skip-checks)")


if __name__ == "__main__":
    main()
