//! Migrating a Django site: a database made by a real Django (in a venv the test creates), so the
//! hash formats are Django's own.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::*;

const PW: &str = "violet-Marble-92-harbor";

/// A Python with Django, argon2-cffi and bcrypt, installed once into the test target folder.
pub(crate) fn django_python() -> PathBuf {
    static ONCE: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = ONCE.lock().unwrap_or_else(|e| e.into_inner());
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("django-venv");
    let python = venv.join("bin/python");
    let ready = venv.join(".ready");
    if !ready.exists() {
        let ok = |c: &mut Command| c.status().map(|s| s.success()).unwrap_or(false);
        assert!(
            ok(Command::new("python3").args(["-m", "venv"]).arg(&venv)),
            "python3 -m venv failed"
        );
        assert!(
            ok(Command::new(venv.join("bin/pip")).args([
                "install",
                "--quiet",
                "django>=5,<6",
                "argon2-cffi",
                "bcrypt"
            ])),
            "pip install django argon2-cffi bcrypt failed"
        );
        std::fs::write(&ready, "").unwrap();
    }
    python
}

fn stored_hash(env: &Env, email: &str) -> String {
    env.text(
        "SELECT password_hash FROM users WHERE email_canonical = ?1",
        &[email.into()],
    )
}

#[test]
// One scenario, read top to bottom: splitting it would hide the order it depends on.
#[allow(clippy::too_many_lines)]
fn a_real_django_database_migrates_with_its_hashes() {
    let python = django_python();
    let env = Env::admin();
    let site = env.path().join("django.sqlite3");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/make_django_db.py");
    let made = Command::new(&python)
        .arg(&script)
        .arg(&site)
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );

    let site = site.to_str().unwrap();
    let dry = env
        .run(
            &["--json", "import", "--from-django", site, "--dry-run"],
            "",
        )
        .ok()
        .json();
    assert_eq!(dry["created"], 6);
    assert_eq!(env.count("SELECT count(*) FROM users"), 1);
    let run = env
        .run(
            &["--json", "import", "--from-django", site, "--no-email"],
            "",
        )
        .ok()
        .json();
    assert_eq!(run["created"], 6, "{run}");
    assert_eq!(run["roles_created"], serde_json::json!(["site-editors"]));

    let ann = env
        .run(&["--json", "users", "show", "ann@example.com"], "")
        .ok()
        .json();
    assert_eq!(ann["roles"], serde_json::json!(["site-editors"]));
    assert_eq!(ann["email_verified"], true, "allauth's verified flag");
    assert_eq!(ann["attributes"]["django_username"], "ann");
    let root = env
        .run(&["--json", "users", "show", "root@example.com"], "")
        .ok()
        .json();
    assert_eq!(root["roles"], serde_json::json!(["admin"]));
    let gone = env
        .run(&["--json", "users", "show", "gone@example.com"], "")
        .ok()
        .json();
    assert_eq!(gone["status"], "disabled");
    assert_eq!(
        env.count(
            "SELECT count(*) FROM users WHERE email = 'nopw@example.com' AND password_hash IS NULL"
        ),
        1
    );

    // Django's hashes are kept, verify, and are upgraded (or kept when stronger) at login.
    assert!(stored_hash(&env, "ann@example.com").starts_with("pbkdf2_sha256$1000000$"));
    env.run(
        &[
            "authenticate",
            "--email",
            "ann@example.com",
            "--password-stdin",
        ],
        &format!("{PW}\n"),
    )
    .ok();
    assert!(stored_hash(&env, "ann@example.com").starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    assert!(stored_hash(&env, "bcr@example.com").starts_with("bcrypt_sha256$$2b$"));
    env.run(
        &[
            "config",
            "set",
            "registration.require_verified_email",
            "false",
        ],
        "",
    )
    .ok();
    env.run(
        &[
            "authenticate",
            "--email",
            "bcr@example.com",
            "--password-stdin",
        ],
        &format!("{PW}\n"),
    )
    .ok();
    assert!(stored_hash(&env, "bcr@example.com").starts_with("$argon2id$"));
    let argon = stored_hash(&env, "arg@example.com");
    assert!(
        argon.starts_with("argon2$argon2id$v=19$m=102400,t=2,p=8$"),
        "{argon}"
    );
    env.run(
        &[
            "authenticate",
            "--email",
            "arg@example.com",
            "--password-stdin",
        ],
        "not-the-password\n",
    )
    .code(3);
    env.run(
        &[
            "authenticate",
            "--email",
            "arg@example.com",
            "--password-stdin",
        ],
        &format!("{PW}\n"),
    )
    .ok();
    assert_eq!(
        stored_hash(&env, "arg@example.com"),
        argon,
        "a stronger Argon2 hash is kept"
    );

    // Re-running changes nothing.
    let again = env
        .run(
            &[
                "--json",
                "import",
                "--from-django",
                site,
                "--on-conflict",
                "update",
                "--no-email",
            ],
            "",
        )
        .ok()
        .json();
    assert_eq!(again["updated"], 0, "{again}");
}

#[test]
fn only_an_admin_may_bring_in_django_superusers() {
    let python = django_python();
    let env = Env::admin();
    let site = env.path().join("django.sqlite3");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/make_django_db.py");
    assert!(
        Command::new(&python)
            .arg(&script)
            .arg(&site)
            .status()
            .unwrap()
            .success()
    );
    env.run(
        &[
            "roles",
            "create",
            "mgr",
            "--permission",
            "users.manage",
            "--permission",
            "users.read",
            "--permission",
            "roles.manage",
        ],
        "",
    )
    .ok();
    env.run(
        &[
            "register",
            "--email",
            "mgr@example.com",
            "--role",
            "mgr",
            "--verified",
            "--password-stdin",
        ],
        &format!("{PW}\n"),
    )
    .ok();
    env.login_as("mgr", "mgr@example.com", PW);
    env.as_session(
        "mgr",
        &[
            "import",
            "--from-django",
            site.to_str().unwrap(),
            "--no-email",
        ],
        "",
    )
    .code(5);
    assert_eq!(env.count("SELECT count(*) FROM users"), 2);
    env.run(&["import", "--from-django", "/no/such.sqlite3"], "")
        .code(2);
}
