//! Two hosts on one database: two environments with their own home, session folder and outbox
//! stand in for two machines. Every guarantee of one host must hold when the hosts race. On a
//! PostgreSQL server that is the point; on SQLite the two share one file, and the same
//! guarantees hold for two users of one machine.

use std::process::Stdio;
use std::thread;
use std::time::Duration;

use crate::util::*;

fn two_hosts() -> (Env, Env) {
    let a = Env::admin();
    let b = a.second_host();
    (a, b)
}

#[test]
fn an_account_made_on_one_host_is_used_on_the_other() {
    let (a, b) = two_hosts();
    a.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    let code = a.last_code("verify");
    b.run(
        &["verify", "--email", ALICE, "--code-stdin"],
        &format!("{code}\n"),
    )
    .ok();
    b.login(ALICE, ALICE_PW).ok();
    b.run(&["whoami"], "").ok().stdout_has(ALICE);
    // The administrator on A ends Alice's session on B.
    let sessions = a
        .run(&["--json", "sessions", "list", "--all"], "")
        .ok()
        .json();
    let id = sessions
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["email"] == ALICE)
        .expect("a session of Alice")["id"]
        .as_str()
        .unwrap()
        .to_string();
    a.run(&["sessions", "revoke", &id], "").ok();
    b.run(&["whoami"], "").code(4);
}

#[test]
fn guessers_on_two_hosts_share_one_lockout() {
    let (a, b) = two_hosts();
    let codes: Vec<i32> = thread::scope(|s| {
        let handles: Vec<_> = (0..10)
            .map(|i| {
                let host = if i % 2 == 0 { &a } else { &b };
                s.spawn(move || host.login(ADMIN, "definitely-not-it-42").code)
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(codes.iter().filter(|c| **c == 3).count(), 5, "{codes:?}");
    assert_eq!(codes.iter().filter(|c| **c == 8).count(), 5, "{codes:?}");
    assert_eq!(a.count("SELECT failures FROM login_failures"), 5);
}

/// Leases are held by connections (a server) or file locks, not pids: eight correct logins at
/// once, each the pid 1 of a namespace of its own, on two hosts, all succeed.
#[test]
fn correct_logins_at_once_from_separate_pid_namespaces_are_not_locked_out() {
    let (a, b) = two_hosts();
    let probe = std::process::Command::new("unshare")
        .args(["--pid", "--fork", "true"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!("cannot make pid namespaces here (needs root or user namespaces): skipping");
        return;
    }
    let codes: Vec<i32> = thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|i| {
                let host = if i % 2 == 0 { &a } else { &b };
                s.spawn(move || {
                    let mut cmd = std::process::Command::new("unshare");
                    cmd.args(["--pid", "--fork", env!("CARGO_BIN_EXE_useradm")]);
                    cmd.args(["authenticate", "--email", ADMIN, "--password-stdin"]);
                    let base = host.command(&[]);
                    for (key, value) in base.get_envs() {
                        match value {
                            Some(v) => cmd.env(key, v),
                            None => cmd.env_remove(key),
                        };
                    }
                    Env::run_cmd(cmd, format!("{ADMIN_PW}\n").as_bytes()).code
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(codes, vec![0; 8]);
    assert_eq!(
        a.count("SELECT count(*) FROM login_failures WHERE failures > 0"),
        0
    );
}

#[test]
fn one_code_redeemed_on_two_hosts_at_once_works_once() {
    let (a, b) = two_hosts();
    a.register_verified(ALICE, ALICE_PW);
    a.run(&["reset", "--email", ALICE], "").ok();
    let code = a.last_code("reset");
    let codes: Vec<i32> = thread::scope(|s| {
        let handles: Vec<_> = [(&a, ALICE_PW), (&b, NEW_PW)]
            .into_iter()
            .map(|(host, pw)| {
                let code = &code;
                s.spawn(move || {
                    host.run(
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
fn two_admins_demoting_each_other_at_once_leave_one() {
    let (a, b) = two_hosts();
    a.register_verified(ALICE, ALICE_PW);
    a.run(&["grant", "--email", ALICE, "--role", "admin"], "")
        .ok();
    b.login(ALICE, ALICE_PW).ok();
    let codes: Vec<i32> = thread::scope(|s| {
        let handles: Vec<_> = [(&a, ALICE), (&b, ADMIN)]
            .into_iter()
            .map(|(host, other)| {
                s.spawn(move || {
                    host.run(&["revoke", "--email", other, "--role", "admin"], "")
                        .code
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(
        codes.iter().filter(|c| **c == 0).count(),
        1,
        "exactly one demotion happens: {codes:?}"
    );
    assert_eq!(
        a.count("SELECT count(*) FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.name = 'admin'"),
        1
    );
}

/// `kill -9` in the middle of a 100,000-row import on one host: all of it or none of it is
/// there, the chain verifies, and the other host's next write is not kept waiting.
#[test]
fn a_large_import_killed_on_one_host_blocks_nothing_on_the_other() {
    let (a, b) = two_hosts();
    let phc: String = a.text("SELECT password_hash FROM users", &[]);
    let file = a.path().join("big.jsonl");
    let rows: String = (0..100_000)
        .map(|k| {
            format!(
                "{}\n",
                serde_json::json!({ "email": format!("k{k}@example.com"), "password_hash": phc })
            )
        })
        .collect();
    std::fs::write(&file, rows).unwrap();
    let mut cmd = a.command(&["import", file.to_str().unwrap(), "--no-email"]);
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut child = cmd.spawn().unwrap();
    thread::sleep(Duration::from_millis(700));
    let _ = child.kill();
    let _ = child.wait();
    let users = a.count("SELECT count(*) FROM users");
    assert!(users == 1 || users == 100_001, "{users} users");
    assert_eq!(
        a.count("SELECT count(*) FROM audit_events WHERE event = 'user.imported'"),
        users - 1
    );
    // The write lock of the killed process is gone with its connection; a lock left behind
    // would make this register wait out the lock timeout and fail (exit 10, busy).
    b.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    b.login(ADMIN, ADMIN_PW).ok();
    b.run(&["audit", "verify"], "").ok();
}

/// A check killed on one host while it runs is a failure, and the next login on the other host
/// is checked, not refused as busy.
#[test]
fn a_check_killed_on_one_host_does_not_make_the_other_busy() {
    let (a, b) = two_hosts();
    import_slow_account(&a);
    let mut child = check_in_flight(&a);
    child.kill().unwrap();
    child.wait().unwrap();
    // The dead check's lease is seen dead at once: B's guess is checked (exit 3), not refused
    // as busy (exit 8), and the killed check counts as a failure.
    b.run(
        &["authenticate", "--email", SLOW, "--password-stdin"],
        "another guess of a password\n",
    )
    .code(3);
    assert_eq!(a.count("SELECT failures FROM login_failures"), 2);
}

/// Two first runs race on creating the file and on switching it to WAL; one round loses the race
/// only sometimes, so the test runs several.
#[test]
fn two_inits_at_once_create_once() {
    for _ in 0..8 {
        let a = Env::new();
        let b = a.second_host();
        let runs: Vec<Run> = thread::scope(|s| {
            let handles: Vec<_> = [&a, &b]
                .into_iter()
                .map(|host| s.spawn(move || host.run(&["init"], "")))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let created = runs
            .iter()
            .filter(|r| r.code == 0 && r.stdout.contains("Created the database"))
            .count();
        let current = runs
            .iter()
            .filter(|r| r.code == 0 && r.stdout.contains("is up to date"))
            .count();
        assert_eq!((created, current), (1, 1), "{runs:?}");
        assert_eq!(
            a.count("SELECT count(*) FROM audit_events WHERE event = 'database.migrated'"),
            1
        );
    }
}
