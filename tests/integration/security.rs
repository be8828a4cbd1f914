//! Uniform answers, lockout, and hashing rules (README, "Security defaults").

use crate::util::*;

#[test]
fn unknown_email_and_wrong_password_look_the_same() {
    let env = Env::admin();
    env.run(&["logout"], "").ok();
    for cmd in ["login", "authenticate"] {
        let wrong = env
            .run(
                &[cmd, "--email", ADMIN, "--password-stdin"],
                "a-wrong-password-123\n",
            )
            .code(3);
        let unknown = env
            .run(
                &[cmd, "--email", "nobody@example.com", "--password-stdin"],
                "a-wrong-password-123\n",
            )
            .code(3);
        assert_eq!(wrong.stdout, unknown.stdout);
        assert_eq!(wrong.stderr, unknown.stderr);
        let wrong = env
            .run(
                &["--json", cmd, "--email", ADMIN, "--password-stdin"],
                "a-wrong-password-123\n",
            )
            .code(3);
        let unknown = env
            .run(
                &[
                    "--json",
                    cmd,
                    "--email",
                    "nobody@example.com",
                    "--password-stdin",
                ],
                "x\n",
            )
            .code(3);
        assert_eq!(wrong.error_json(), unknown.error_json());
    }
}

#[test]
fn reset_requests_answer_the_same_for_every_account() {
    let env = Env::admin();
    let known = env.run(&["--json", "reset", "--email", ADMIN], "").ok();
    let unknown = env
        .run(&["--json", "reset", "--email", "nobody@example.com"], "")
        .ok();
    assert_eq!(known.json()["requested"], unknown.json()["requested"]);
    let known = env.run(&["reset", "--email", ADMIN], "").ok();
    let unknown = env
        .run(&["reset", "--email", "nobody@example.com"], "")
        .ok();
    assert_eq!(
        known.stdout.replace(ADMIN, "E"),
        unknown.stdout.replace("nobody@example.com", "E")
    );
    assert_eq!(env.count("SELECT count(*) FROM audit_events WHERE event='reset.requested' AND detail LIKE '%unknown_email%'"), 2);
}

#[test]
fn five_failures_lock_known_and_unknown_emails_alike() {
    let env = Env::admin();
    env.run(&["logout"], "").ok();
    for email in [ADMIN, "ghost@example.com"] {
        for i in 0..5 {
            let run = env.login(email, "definitely-not-it-42").code(3);
            if i == 4 {
                assert!(run.stderr.contains("locked until"), "{run:?}");
            }
        }
        let run = env
            .run(
                &["--json", "login", "--email", email, "--password-stdin"],
                &format!("{ADMIN_PW}\n"),
            )
            .code(8);
        let err = run.error_json();
        assert_eq!(err["error"]["code"], "locked");
        assert!(
            err["error"]["message"].as_str().unwrap().contains("until"),
            "{err}"
        );
    }
    // The right password does not get in while locked.
    env.login(ADMIN, ADMIN_PW).code(8);
    env.run(
        &["authenticate", "--email", ADMIN, "--password-stdin"],
        &format!("{ADMIN_PW}\n"),
    )
    .code(8);
    assert_eq!(
        env.count("SELECT count(*) FROM login_failures WHERE locked_until IS NOT NULL"),
        2
    );
}

#[test]
fn a_success_resets_the_count() {
    let env = Env::admin();
    for _ in 0..4 {
        env.login(ADMIN, "definitely-not-it-42").code(3);
    }
    env.login(ADMIN, ADMIN_PW).ok();
    for _ in 0..4 {
        env.login(ADMIN, "definitely-not-it-42").code(3);
    }
    env.login(ADMIN, ADMIN_PW).ok();
}

#[test]
fn lockout_expires() {
    let env = Env::admin();
    // Long enough that a loaded machine still sees the lock, short enough to wait out.
    env.config_set("lockout.duration", "4s");
    env.config_set("lockout.max_failures", "2");
    env.login(ADMIN, "definitely-not-it-42").code(3);
    env.login(ADMIN, "definitely-not-it-42").code(3);
    env.login(ADMIN, ADMIN_PW).code(8);
    std::thread::sleep(std::time::Duration::from_millis(4600));
    env.login(ADMIN, ADMIN_PW).ok();
}

#[test]
fn weaker_hashes_are_upgraded_at_login_and_stronger_ones_kept() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    let stored = |env: &Env| -> String {
        env.text(
            "SELECT password_hash FROM users WHERE email_canonical = ?1",
            &[ALICE.into()],
        )
    };
    assert!(stored(&env).starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    env.config_set("argon2.iterations", "3");
    env.login(ALICE, ALICE_PW).ok();
    assert!(
        stored(&env).starts_with("$argon2id$v=19$m=19456,t=3,p=1$"),
        "{}",
        stored(&env)
    );
    // Lowering the policy never weakens a stored hash.
    env.login(ADMIN, ADMIN_PW).ok();
    env.config_set("argon2.iterations", "2");
    env.login(ALICE, ALICE_PW).ok();
    assert!(
        stored(&env).starts_with("$argon2id$v=19$m=19456,t=3,p=1$"),
        "{}",
        stored(&env)
    );
}

#[test]
fn out_of_bounds_stored_parameters_are_refused_not_run() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.exec("UPDATE users SET password_hash = replace(password_hash, 'm=19456', 'm=4294967295') WHERE email_canonical = ?1", &[ALICE.into()]);
    env.login(ALICE, ALICE_PW).code(3);
    assert_eq!(env.count("SELECT count(*) FROM audit_events WHERE event='login.failed' AND detail LIKE '%refusing%'"), 1);
}

#[test]
fn passwords_are_stored_as_phc_strings_only() {
    let env = Env::admin();
    assert!(!env.dump().contains(ADMIN_PW));
    assert!(env.dump().contains("$argon2id$"));
    if env.skip_on_server("the database file's bytes") {
        return;
    }
    let db = std::fs::read(&env.db.path).unwrap();
    let wal = std::fs::read(env.db.path.with_extension("db-wal")).unwrap_or_default();
    for bytes in [db, wal] {
        assert!(
            !bytes
                .windows(ADMIN_PW.len())
                .any(|w| w == ADMIN_PW.as_bytes())
        );
    }
}

#[test]
fn audit_log_records_events_in_a_chain() {
    let env = Env::admin();
    env.login(ADMIN, "definitely-not-it-42").code(3);
    let rows: Vec<(String, String, String)> = env
        .rows(
            "SELECT event, prev_hash, hash FROM audit_events ORDER BY id",
            &[],
        )
        .into_iter()
        .map(|r| (r[0].text(), r[1].text(), r[2].text()))
        .collect();
    let events: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    for e in [
        "database.migrated",
        "user.registered",
        "login.ok",
        "login.failed",
    ] {
        assert!(events.contains(&e), "{events:?}");
    }
    for pair in rows.windows(2) {
        assert_eq!(pair[1].1, pair[0].2, "each row links to the previous hash");
    }
}

#[test]
fn unknown_and_known_accounts_cost_the_same_argon2_runs() {
    let mut env = Env::admin();
    env.set_var("USERADM_DEBUG_ARGON2_COUNT", "1");
    for cmd in ["login", "authenticate"] {
        let wrong = env
            .run(
                &[cmd, "--email", ADMIN, "--password-stdin"],
                "a-wrong-password-123\n",
            )
            .code(3);
        let unknown = env
            .run(
                &[cmd, "--email", "ghost@example.com", "--password-stdin"],
                "a-wrong-password-123\n",
            )
            .code(3);
        assert_eq!(argon2_runs(&wrong), 1, "{wrong:?}");
        assert_eq!(argon2_runs(&unknown), 1, "{unknown:?}");
    }
    let known = env.run(&["reset", "--email", ADMIN], "").ok();
    let unknown = env.run(&["reset", "--email", "ghost@example.com"], "").ok();
    assert_eq!(argon2_runs(&known), argon2_runs(&unknown));
    // Confirming with a wrong code costs the same for a real account and an unknown one.
    let args = |email: &'static str| ["reset", "--email", email, "--code-stdin"];
    let stdin = format!("BCDF-GHJK\n{NEW_PW}\n");
    let known = env.run(&args(ADMIN), &stdin).code(3);
    let unknown = env.run(&args("ghost@example.com"), &stdin).code(3);
    assert_eq!(
        argon2_runs(&known),
        argon2_runs(&unknown),
        "{known:?} {unknown:?}"
    );
    assert_eq!(known.stderr.lines().next(), unknown.stderr.lines().next());
    assert!(!known.stderr.contains(ADMIN_PW));
}

#[test]
fn an_unknown_email_costs_what_stored_hashes_cost_after_a_policy_change() {
    let mut env = Env::admin();
    env.config_set("argon2.memory_kib", "65536");
    // The admin's hash is still at 19456 KiB: the dummy for unknown emails samples stored hashes.
    let hash: String = env.text("SELECT password_hash FROM users", &[]);
    assert!(hash.contains("m=19456"));
    env.set_var("USERADM_DEBUG_ARGON2_COUNT", "1");
    for email in ["ghost@example.com", ADMIN] {
        let run = env
            .run(
                &["authenticate", "--email", email, "--password-stdin"],
                "x-wrong-password-x\n",
            )
            .code(3);
        assert!(
            run.stderr.contains("argon2-last-memory-kib: 19456"),
            "{email}: {run:?}"
        );
    }
}

/// Through a wrapper that keeps the environment (sudo with `env_keep`, a set-user-ID helper), the
/// caller's `USERADM_*` variables must not choose where codes are mailed or which file is read as
/// a secret: they are ignored, and useradm says so.
#[test]
fn a_privileged_invocation_ignores_the_callers_redirections() {
    let env = Env::admin();
    let elsewhere = env.path().join("attacker-outbox");
    let db = env.db_arg();
    let sudo_uid = (nix::unistd::getuid().as_raw() + 4242).to_string();
    let run = env
        .run_env(
            &[
                ("SUDO_UID", sudo_uid.as_str()),
                ("USERADM_OUTBOX", elsewhere.to_str().unwrap()),
                ("USERADM_SMTP_PASSWORD_FILE", "/etc/shadow"),
                ("USERADM_DB", "/nonexistent/elsewhere.db"),
            ],
            &["--db", &db, "reset", "--email", ADMIN],
            "",
        )
        .ok();
    for name in [
        "USERADM_OUTBOX",
        "USERADM_SMTP_PASSWORD_FILE",
        "USERADM_SESSION_DIR",
    ] {
        assert!(
            run.stderr.contains("ignoring") && run.stderr.contains(name),
            "{name}: {run:?}"
        );
    }
    env.wait_for_mail();
    assert!(!elsewhere.exists(), "the code went where the caller said");
    env.last_code("reset");
    // Without the wrapper, the variables are the caller's own to set.
    env.run_env(
        &[("USERADM_OUTBOX", elsewhere.to_str().unwrap())],
        &["reset", "--email", ADMIN],
        "",
    )
    .ok();
    env.wait_for_mail();
    assert!(elsewhere.exists());
}

/// `import` of an arbitrary file (through a privileged wrapper, `/etc/shadow`) never echoes its
/// first line: an unknown header cell is named by its position.
#[test]
fn import_never_echoes_an_unknown_header() {
    let env = Env::admin();
    let file = env.path().join("shadow");
    let secret = "root:$6$sEcReTsAlT$hashhashhash:19000:0:99999:7:::";
    std::fs::write(&file, format!("{secret}\ndaemon:*:19000:0:99999:7:::\n")).unwrap();
    let run = env.run(&["import", file.to_str().unwrap()], "").code(2);
    assert!(!run.stderr.contains("sEcReT"), "{run:?}");
    assert!(run.stderr.contains("column 1 of the header row"), "{run:?}");
}
