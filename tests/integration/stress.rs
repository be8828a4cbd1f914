//! Load, faults and crashes: many processes on one database, `kill -9` at seeded random moments,
//! and a full disk. Whatever happens, the database stays whole and every change is all or nothing.

use std::process::{Command, Stdio};
use std::thread;
use std::time::Duration;

use crate::util::*;

/// A small deterministic generator, so a failing crash run can be replayed from its seed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

/// SQLite's own check of its file; a server keeps its pages whole itself, and the tests read
/// what matters there (counts, `audit verify`) through useradm.
fn integrity_ok(env: &Env) {
    if env.on_server() {
        return;
    }
    let check: String = env.text("PRAGMA integrity_check", &[]);
    assert_eq!(check, "ok");
}

#[test]
fn eight_processes_by_fifty_mixed_operations() {
    let env = Env::admin();
    for i in 0..8 {
        env.run(
            &[
                "roles",
                "create",
                &format!("team{i}"),
                "--permission",
                &format!("team{i}.*"),
            ],
            "",
        )
        .ok();
    }
    let phc: String = env.text("SELECT password_hash FROM users", &[]);
    let failures: Vec<String> = thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|i| {
                let (env, phc) = (&env, &phc);
                s.spawn(move || {
                    let session = env.path().join(format!("stress-{i}.json"));
                    let as_me = |args: &[&str], stdin: &str| {
                        let mut cmd = env.command(args);
                        cmd.env("USERADM_SESSION_FILE", &session);
                        Env::run_cmd(cmd, stdin.as_bytes())
                    };
                    let mut failures = Vec::new();
                    for j in 0..50 {
                        let run = match j % 5 {
                            0 => as_me(&["login", "--email", ADMIN, "--password-stdin"], &format!("{ADMIN_PW}\n")),
                            1 => as_me(&["register", "--email", &format!("u{i}-{j}@example.com"), "--password-stdin"], &format!("{ALICE_PW}\n")),
                            2 => as_me(&["whoami"], ""),
                            3 => as_me(&["grant", "--email", &format!("u{i}-{}@example.com", j - 2), "--role", &format!("team{i}")], ""),
                            _ => {
                                let file = env.path().join(format!("imp-{i}-{j}.jsonl"));
                                let rows: String = (0..2)
                                    .map(|k| format!("{}\n", serde_json::json!({ "email": format!("imp{i}-{j}-{k}@example.com"), "password_hash": phc, "verified": true })))
                                    .collect();
                                std::fs::write(&file, rows).unwrap();
                                as_me(&["import", file.to_str().unwrap(), "--no-email"], "")
                            }
                        };
                        if run.code != 0 || run.stderr.contains("locked") {
                            failures.push(format!("process {i} op {j}: {run:?}"));
                        }
                    }
                    failures
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} failures, first: {:?}",
        failures.len(),
        failures.first()
    );
    integrity_ok(&env);
    // 8 x 10 registrations, 8 x 10 imports of 2 rows, the admin.
    assert_eq!(env.count("SELECT count(*) FROM users"), 1 + 80 + 160);
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email LIKE 'u%' AND email_verified_at IS NULL"),
        80
    );
    assert_eq!(env.count("SELECT count(*) FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.name LIKE 'team%'"), 80);
    for i in 0..8 {
        let held = env.count(&format!(
            "SELECT count(*) FROM user_roles ur JOIN roles r ON r.id = ur.role_id JOIN users u ON u.id = ur.user_id
              WHERE r.name = 'team{i}' AND u.email LIKE 'u{i}-%'"
        ));
        assert_eq!(held, 10, "team{i}");
    }
    assert_eq!(
        env.count("SELECT count(*) FROM one_time_codes WHERE purpose = 'verify'"),
        80
    );
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'import.completed'"),
        80
    );
    env.run(&["audit", "verify"], "").ok();
}

#[test]
fn twenty_guessers_cannot_race_past_the_lockout() {
    let env = Env::admin();
    let codes: Vec<i32> = thread::scope(|s| {
        let handles: Vec<_> = (0..20)
            .map(|_| s.spawn(|| env.login(ADMIN, "definitely-not-it-42").code))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(codes.iter().filter(|c| **c == 3).count(), 5, "{codes:?}");
    assert_eq!(codes.iter().filter(|c| **c == 8).count(), 15, "{codes:?}");
    assert_eq!(env.count("SELECT failures FROM login_failures"), 5);
    env.login(ADMIN, ADMIN_PW).code(8);
}

/// Starts useradm and kills it with SIGKILL after `delay`.
fn kill_after(env: &Env, args: &[&str], stdin: &str, delay: Duration) {
    let mut cmd = env.command(args);
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut child = cmd.spawn().unwrap();
    if let Some(mut pipe) = child.stdin.take() {
        use std::io::Write;
        let _ = pipe.write_all(stdin.as_bytes());
    }
    thread::sleep(delay);
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn kill_9_during_a_large_import_leaves_all_or_nothing() {
    let env = Env::admin();
    let phc: String = env.text("SELECT password_hash FROM users", &[]);
    let mut rng = Lcg(0x5eed_0001);
    let mut survived = 0;
    for run in 0..6 {
        let file = env.path().join(format!("big-{run}.jsonl"));
        let rows: String = (0..3000)
            .map(|k| format!("{}\n", serde_json::json!({ "email": format!("r{run}-{k}@example.com"), "password_hash": phc })))
            .collect();
        std::fs::write(&file, rows).unwrap();
        let before = env.count("SELECT count(*) FROM users");
        kill_after(
            &env,
            &["import", file.to_str().unwrap(), "--no-email"],
            "",
            Duration::from_millis(rng.next(400)),
        );
        integrity_ok(&env);
        let after = env.count("SELECT count(*) FROM users");
        assert!(
            after == before || after == before + 3000,
            "run {run}: {before} -> {after}"
        );
        let audit = env.count(&format!(
            "SELECT count(*) FROM audit_events WHERE target LIKE 'r{run}-%'"
        ));
        assert_eq!(audit, after - before, "audit rows go with their users");
        survived += 1;
    }
    assert_eq!(survived, 6);
    env.run(&["audit", "verify"], "").ok();
    env.run(&["whoami"], "").ok();
}

#[test]
fn kill_9_during_register_reset_and_login_leaves_whole_states() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    let mut rng = Lcg(0x5eed_0002);
    for run in 0..8 {
        let delay = Duration::from_millis(rng.next(120));
        // register: the account, its code and its audit row come together or not at all.
        let email = format!("k{run}@example.com");
        kill_after(
            &env,
            &["register", "--email", &email, "--password-stdin"],
            &format!("{ALICE_PW}\n"),
            delay,
        );
        integrity_ok(&env);
        let user = env.count(&format!(
            "SELECT count(*) FROM users WHERE email = '{email}'"
        ));
        let code = env.count(&format!(
            "SELECT count(*) FROM one_time_codes c JOIN users u ON u.id = c.user_id WHERE u.email = '{email}'"
        ));
        let audit = env.count(&format!("SELECT count(*) FROM audit_events WHERE event = 'user.registered' AND target = '{email}'"));
        assert_eq!(
            (user, code, audit),
            (user, user, user),
            "run {run}: half a registration"
        );

        // reset: exactly one of the two passwords works afterwards.
        env.run(&["reset", "--email", ALICE], "").ok();
        let code = env.last_code("reset");
        let current = if env
            .run(
                &["authenticate", "--email", ALICE, "--password-stdin"],
                &format!("{ALICE_PW}\n"),
            )
            .code
            == 0
        {
            ALICE_PW
        } else {
            NEW_PW
        };
        let next = if current == ALICE_PW {
            NEW_PW
        } else {
            ALICE_PW
        };
        kill_after(
            &env,
            &["reset", "--email", ALICE, "--code-stdin"],
            &format!("{code}\n{next}\n"),
            delay,
        );
        integrity_ok(&env);
        let old_ok = env
            .run(
                &["authenticate", "--email", ALICE, "--password-stdin"],
                &format!("{current}\n"),
            )
            .code
            == 0;
        let new_ok = env
            .run(
                &["authenticate", "--email", ALICE, "--password-stdin"],
                &format!("{next}\n"),
            )
            .code
            == 0;
        assert!(old_ok != new_ok, "run {run}: old {old_ok} new {new_ok}");

        // login: the session file is the old one, the new one, or none; never a broken one.
        let pw = if new_ok { next } else { current };
        kill_after(
            &env,
            &["login", "--email", ALICE, "--password-stdin"],
            &format!("{pw}\n"),
            delay,
        );
        integrity_ok(&env);
        let who = env.run(&["whoami"], "");
        assert!(who.code == 0 || who.code == 4, "{who:?}");
        assert!(
            !who.stderr.contains("cannot be parsed"),
            "run {run}: a broken session file: {who:?}"
        );
    }
    env.login(ADMIN, ADMIN_PW).ok();
    env.run(&["audit", "verify"], "").ok();
}

#[test]
fn a_full_disk_is_exit_10_and_loses_nothing() {
    let mut env = Env::new();
    if env.skip_on_server("a full disk under a SQLite file") {
        return;
    }
    let mount = env.path().join("small");
    std::fs::create_dir_all(&mount).unwrap();
    let mounted = Command::new("mount")
        // Room for the schema (nine migrations) and a few pages more: far less than the import.
        .args(["-t", "tmpfs", "-o", "size=640k", "tmpfs"])
        .arg(&mount)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !mounted {
        eprintln!("cannot mount a small tmpfs here (not root?): skipping the full-disk test");
        return;
    }
    struct Unmount(std::path::PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(mount.clone());
    let db = mount.join("useradm.db");
    env.set_var("USERADM_DB", db.display().to_string());
    env.db.path = db;
    env.run(
        &["init", "--admin", ADMIN, "--password-stdin"],
        &format!("{ADMIN_PW}\n"),
    )
    .ok();
    env.login(ADMIN, ADMIN_PW).ok();
    let phc: String = env.text("SELECT password_hash FROM users", &[]);
    let file = env.path().join("many.jsonl");
    let rows: String = (0..5000)
        .map(|k| format!("{}\n", serde_json::json!({ "email": format!("f{k}@example.com"), "password_hash": phc, "first_name": "x".repeat(100) })))
        .collect();
    std::fs::write(&file, rows).unwrap();
    let run = env
        .run(&["import", file.to_str().unwrap(), "--no-email"], "")
        .code(10);
    assert!(run.stderr.contains("disk is full"), "{run:?}");
    integrity_ok(&env);
    assert_eq!(env.count("SELECT count(*) FROM users"), 1);
    env.run(&["whoami"], "").ok();
}

/// Runs `cmd` in a pid namespace of its own when this user may make one (root, or
/// unprivileged namespaces); `None` when it may not.
fn in_own_pid_namespace(args: &[&str]) -> Option<Command> {
    let probe = Command::new("unshare")
        .args(["--pid", "--fork", "true"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        return None;
    }
    let mut cmd = Command::new("unshare");
    cmd.args(["--pid", "--fork", env!("CARGO_BIN_EXE_useradm")]);
    cmd.args(args);
    Some(cmd)
}

/// Checks in flight are leases held by their process, not pids: twenty guessers each in a pid
/// namespace of its own (every one of them is pid 1 there) still get exactly five checks.
#[test]
fn guessers_in_separate_pid_namespaces_get_no_more_checks() {
    let env = Env::admin();
    if in_own_pid_namespace(&["--version"]).is_none() {
        eprintln!("cannot make pid namespaces here (needs root or user namespaces): skipping");
        return;
    }
    let codes: Vec<i32> = thread::scope(|s| {
        let handles: Vec<_> = (0..20)
            .map(|_| {
                s.spawn(|| {
                    let mut cmd = in_own_pid_namespace(&[
                        "authenticate",
                        "--email",
                        ADMIN,
                        "--password-stdin",
                    ])
                    .unwrap();
                    let base = env.command(&[]);
                    for (key, value) in base.get_envs() {
                        match value {
                            Some(v) => cmd.env(key, v),
                            None => cmd.env_remove(key),
                        };
                    }
                    Env::run_cmd(cmd, b"definitely-not-it-42\n").code
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(codes.iter().filter(|c| **c == 3).count(), 5, "{codes:?}");
    assert_eq!(codes.iter().filter(|c| **c == 8).count(), 15, "{codes:?}");
    assert_eq!(env.count("SELECT failures FROM login_failures"), 5);
}

/// A check whose process dies (`kill -9`) frees its place at once, and counts as a failure: killing
/// a check never buys another guess.
#[test]
fn a_killed_check_counts_as_a_failure_and_blocks_nothing() {
    let env = Env::admin();
    import_slow_account(&env);
    let mut child = check_in_flight(&env);
    child.kill().unwrap();
    child.wait().unwrap();
    env.run(
        &["authenticate", "--email", SLOW, "--password-stdin"],
        "another guess of a password\n",
    )
    .code(3);
    assert_eq!(env.count("SELECT failures FROM login_failures"), 2);
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'login.failed' AND detail LIKE '%check_abandoned%'"),
        1
    );
}

/// Checks of costly stored hashes share the host's memory budget (`checks.max_memory_kib`): while
/// it is taken, a check waits, then gives up with exit 8 `rate_limited`, not a 100 MiB check more.
#[test]
fn checks_wait_for_the_hosts_hash_memory_then_give_up() {
    use nix::fcntl::{Flock, FlockArg};
    let env = Env::admin();
    env.config_set("checks.max_memory_kib", "65536");
    // Stand in for checks in flight: every 4 MiB slot of the 64 MiB budget taken.
    let dir = env.lock_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let held: Vec<Flock<std::fs::File>> = (0..16)
        .map(|n| {
            let file = std::fs::File::create(dir.join(format!("memory-{n}"))).unwrap();
            Flock::lock(file, FlockArg::LockExclusiveNonblock).unwrap()
        })
        .collect();
    let run = env
        .run(
            &[
                "--json",
                "authenticate",
                "--email",
                ADMIN,
                "--password-stdin",
            ],
            &format!("{ADMIN_PW}\n"),
        )
        .code(8);
    assert_eq!(run.error_json()["error"]["code"], "rate_limited");
    drop(held);
    env.run(
        &["authenticate", "--email", ADMIN, "--password-stdin"],
        &format!("{ADMIN_PW}\n"),
    )
    .ok();
}
