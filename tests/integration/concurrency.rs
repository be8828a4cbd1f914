//! Several processes on one database at once.

use std::thread;

use crate::util::*;

#[test]
fn parallel_registrations_and_logins_all_succeed() {
    let env = Env::admin();
    let runs: Vec<Run> = thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|i| {
                let env = &env;
                s.spawn(move || {
                    let email = format!("user{i}@example.com");
                    let reg = env.run(
                        &["register", "--email", &email, "--password-stdin"],
                        &format!("{ALICE_PW}\n"),
                    );
                    let session = env.path().join(format!("session-{i}.json"));
                    let with_session = |args: &[&str], stdin: &str| {
                        let mut cmd = env.command(args);
                        cmd.env("USERADM_SESSION_FILE", &session);
                        Env::run_cmd(cmd, stdin.as_bytes())
                    };
                    let login = with_session(
                        &["login", "--email", ADMIN, "--password-stdin"],
                        &format!("{ADMIN_PW}\n"),
                    );
                    let whoami = with_session(&["whoami"], "");
                    vec![reg, login, whoami]
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    for run in &runs {
        assert_eq!(run.code, 0, "{run:?}");
        assert!(!run.stderr.contains("locked"), "{run:?}");
    }
    assert_eq!(env.count("SELECT count(*) FROM users"), 5);
    assert_eq!(
        env.count("SELECT count(*) FROM one_time_codes WHERE purpose='verify'"),
        4
    );
}

#[test]
fn the_same_email_twice_at_once_makes_one_account() {
    let env = Env::admin();
    let codes: Vec<i32> = thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    env.run(
                        &["register", "--email", ALICE, "--password-stdin"],
                        &format!("{ALICE_PW}\n"),
                    )
                    .code
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, vec![0, 6], "{codes:?}");
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email_canonical = 'alice@example.com'"),
        1
    );
}

#[test]
fn a_code_redeemed_twice_at_once_works_once() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.run(&["reset", "--email", ALICE], "").ok();
    let code = env.last_code("reset");
    let codes: Vec<i32> = thread::scope(|s| {
        let handles: Vec<_> = [ALICE_PW, NEW_PW]
            .into_iter()
            .map(|pw| {
                let (env, code) = (&env, &code);
                s.spawn(move || {
                    env.run(
                        &["reset", "--email", ALICE, "--code-stdin"],
                        &format!("{code}\n{pw}\n"),
                    )
                    .code
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, vec![0, 3], "{codes:?}");
}

#[test]
fn parallel_guessers_cannot_race_past_the_lockout() {
    let env = Env::admin();
    let codes: Vec<i32> = thread::scope(|s| {
        let handles: Vec<_> = (0..10)
            .map(|_| s.spawn(|| env.login(ADMIN, "definitely-not-it-42").code))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(
        codes.iter().filter(|c| **c == 3).count(),
        5,
        "exactly five hashes were checked: {codes:?}"
    );
    assert_eq!(codes.iter().filter(|c| **c == 8).count(), 5, "{codes:?}");
    assert_eq!(env.count("SELECT failures FROM login_failures"), 5);
}

/// Runs `args` as the session `mgr` while this test holds the database's write lock; once the
/// command has passed its first checks (and hashed, where it hashes) and waits for the lock,
/// `revoke` takes the manager's rights in the held transaction, which then commits.
fn race_against_revocation(env: &Env, args: &[&str], stdin: &str) -> Run {
    use std::io::Write;
    let mut tx = env.db.hold_write_lock().unwrap();
    let mut cmd = env.command(args);
    cmd.env("USERADM_SESSION_FILE", env.path().join("session-mgr.json"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    // Time for the command to pass its checks and block on the lock: the assertions below hold
    // however long this is, only the interleaving shown depends on it.
    thread::sleep(std::time::Duration::from_millis(1500));
    tx.batch(
        "DELETE FROM user_roles WHERE user_id = (SELECT id FROM users WHERE email = 'mgr@example.com')",
    )
    .unwrap();
    tx.commit().unwrap();
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Rights checked before a long step are checked again at the write: a manager whose role is taken
/// while their command waits (hashing, or queued behind another writer) changes nothing.
#[test]
fn rights_are_checked_again_inside_the_write() {
    let env = Env::admin();
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
            "roles.grant",
            "--permission",
            "roles.manage",
        ],
        "",
    )
    .ok();
    env.run(
        &["roles", "create", "helper", "--permission", "users.read"],
        "",
    )
    .ok();
    let bob = "bob@example.com";
    env.run(
        &["register", "--email", bob, "--verified", "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    let import = env.path().join("more.csv");
    std::fs::write(
        &import,
        format!("email,password\nnew@example.com,{ALICE_PW}\n"),
    )
    .unwrap();
    let import = import.to_str().unwrap().to_string();
    let cases: [(&[&str], &str); 4] = [
        (
            &["users", "update", bob, "--email", "bobby@example.com"],
            "users.manage",
        ),
        (&["import", &import, "--no-email"], "users.manage"),
        (
            &["grant", "--email", bob, "--role", "helper"],
            "roles.grant",
        ),
        (&["users", "disable", bob], "users.manage"),
    ];
    for (args, permission) in cases {
        env.run(
            &[
                "register",
                "--email",
                "mgr@example.com",
                "--role",
                "mgr",
                "--verified",
                "--exists-ok",
                "--password-stdin",
            ],
            &format!("{ALICE_PW}\n"),
        )
        .ok();
        env.run(
            &["grant", "--email", "mgr@example.com", "--role", "mgr"],
            "",
        )
        .ok();
        env.login_as("mgr", "mgr@example.com", ALICE_PW);
        let run = race_against_revocation(&env, args, "");
        assert_eq!(run.code, 5, "{args:?}: {run:?}");
        assert!(run.stderr.contains(permission), "{args:?}: {run:?}");
    }
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE pending_email IS NOT NULL"),
        0
    );
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email = 'new@example.com'"),
        0
    );
    assert_eq!(env.count("SELECT count(*) FROM user_roles ur JOIN users u ON u.id = ur.user_id WHERE u.email = 'bob@example.com'"), 0);
    assert_eq!(
        env.count(
            "SELECT count(*) FROM users WHERE email = 'bob@example.com' AND status = 'active'"
        ),
        1
    );
}
