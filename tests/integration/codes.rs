//! The rules of one-time codes (README, "Security defaults").

use crate::util::*;

fn registered() -> Env {
    let env = Env::admin();
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    env
}

fn verify(env: &Env, code: &str) -> Run {
    env.run(
        &["verify", "--email", ALICE, "--code-stdin"],
        &format!("{code}\n"),
    )
}

#[test]
fn wrong_code_fails_and_right_code_still_works() {
    let env = registered();
    let code = env.last_code("verify");
    verify(&env, "BCDF-GHJK")
        .code(3)
        .stderr_has("wrong, expired or already used code");
    verify(&env, " ").code(3);
    let typed = format!(" {} ", code.to_lowercase().replace('-', " "));
    verify(&env, &typed).ok();
    // Once verified, the code is used; the answer says nothing of the account, and reads the
    // same as for an address without one.
    let again = verify(&env, &code).code(3);
    let nobody = env
        .run(
            &["verify", "--email", "nobody@example.com", "--code-stdin"],
            &format!("{code}\n"),
        )
        .code(3);
    assert_eq!(
        again.stderr.replace(ALICE, "X"),
        nobody.stderr.replace("nobody@example.com", "X")
    );
    assert!(!again.stderr.contains("verified"), "{}", again.stderr);
}

#[test]
fn three_wrong_attempts_kill_the_code() {
    let env = registered();
    let code = env.last_code("verify");
    for _ in 0..3 {
        verify(&env, "BCDF-GHJK").code(3);
    }
    verify(&env, &code).code(3);
    assert_eq!(
        env.count("SELECT email_verified_at IS NULL FROM users WHERE email = 'alice@example.com'"),
        1
    );
}

#[test]
fn a_used_reset_code_cannot_be_used_again() {
    let env = registered();
    env.run(&["reset", "--email", ALICE], "").ok();
    let code = env.last_code("reset");
    env.run(
        &["reset", "--email", ALICE, "--code-stdin"],
        &format!("{code}\n{NEW_PW}\n"),
    )
    .ok();
    env.run(
        &["reset", "--email", ALICE, "--code-stdin"],
        &format!("{code}\n{ALICE_PW}\n"),
    )
    .code(3);
    env.run(
        &["authenticate", "--email", ALICE, "--password-stdin"],
        &format!("{NEW_PW}\n"),
    )
    .ok();
}

#[test]
fn an_expired_code_fails() {
    let env = Env::admin();
    env.config_set("codes.ttl", "1s");
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    let code = env.last_code("verify");
    std::thread::sleep(std::time::Duration::from_millis(2100));
    verify(&env, &code).code(3);
}

#[test]
fn a_code_of_one_purpose_does_not_serve_another() {
    let env = registered();
    let verify_code = env.last_code("verify");
    env.run(
        &["reset", "--email", ALICE, "--code-stdin"],
        &format!("{verify_code}\n{NEW_PW}\n"),
    )
    .code(3);
    env.run(&["reset", "--email", ALICE], "").ok();
    let reset_code = env.last_code("reset");
    verify(&env, &reset_code).code(3);
    verify(&env, &verify_code).ok();
}

#[test]
fn a_new_code_kills_the_older_one() {
    let env = registered();
    let old = env.last_code("verify");
    env.run(&["verify", "--resend", "--email", ALICE], "").ok();
    let new = env.last_code("verify");
    assert_ne!(old, new);
    verify(&env, &old).code(3);
    verify(&env, &new).ok();
}

/// At most five codes per user, purpose and hour. Requests past the limit (`verify --resend` and
/// reset requests alike) answer as any other request does and send nothing; the audit log says
/// why.
#[test]
fn at_most_five_codes_an_hour() {
    let env = registered();
    for _ in 0..4 {
        env.run(&["verify", "--resend", "--email", ALICE], "").ok();
    }
    let before = env.outbox_messages().len();
    let answer = env.run(&["verify", "--resend", "--email", ALICE], "").ok();
    let unknown = env
        .run(&["verify", "--resend", "--email", "nobody@example.com"], "")
        .ok();
    assert_eq!(
        answer.stdout.replace(ALICE, "E"),
        unknown.stdout.replace("nobody@example.com", "E")
    );
    assert_eq!(env.outbox_messages().len(), before);
    for _ in 0..5 {
        env.run(&["reset", "--email", ALICE], "").ok();
    }
    let before = env.outbox_messages().len();
    let run = env.run(&["reset", "--email", ALICE], "").ok();
    assert!(run.stdout.contains("If an account exists"));
    assert_eq!(env.outbox_messages().len(), before);
    let limited =
        "SELECT count(*) FROM audit_events WHERE event = ?1 AND detail LIKE '%rate_limited%'";
    let count = |event: &str| env.int(limited, &[event.into()]);
    assert_eq!(count("verify.requested"), 1);
    assert_eq!(count("reset.requested"), 1);
}

#[test]
fn codes_are_stored_as_argon2id_hashes_only() {
    let env = registered();
    let code = env.last_code("verify").replace('-', "");
    let hash: String = env.text("SELECT code_hash FROM one_time_codes", &[]);
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!env.dump().contains(&code), "the plain code is in a table");
    if env.skip_on_server("the database file's bytes") {
        return;
    }
    let db = std::fs::read(&env.db.path).unwrap();
    let wal = std::fs::read(env.db.path.with_extension("db-wal")).unwrap_or_default();
    for bytes in [db, wal] {
        assert!(
            !bytes.windows(code.len()).any(|w| w == code.as_bytes()),
            "the plain code is in the database"
        );
    }
}

#[test]
fn reset_ends_sessions_and_unlocks() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.login(ALICE, ALICE_PW).ok();
    for _ in 0..5 {
        env.login(ALICE, "not-her-password-at-all").code(3);
    }
    env.login(ALICE, ALICE_PW).code(8);
    env.run(&["reset", "--email", ALICE, "--code-stdin"], "")
        .code(2);
    env.run(&["reset", "--email", ALICE], "").ok();
    let code = env.last_code("reset");
    env.run(
        &["reset", "--email", ALICE, "--code-stdin"],
        &format!("{code}\n{NEW_PW}\n"),
    )
    .ok();
    env.run(&["whoami"], "").code(4);
    env.login(ALICE, NEW_PW).ok();
}

#[test]
fn a_bogus_reset_code_never_reveals_the_account_names() {
    let env = Env::admin();
    env.run(
        &[
            "register",
            "--email",
            ALICE,
            "--first-name",
            "Przemyslawa",
            "--last-name",
            "Wojciechowskiewicz",
            "--password-stdin",
        ],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    let guess = "PrzemyslawaWojciechowskiewicz\n";
    let known = env
        .run(
            &["reset", "--email", ALICE, "--code-stdin"],
            &format!("BCDF-GHJK\n{guess}"),
        )
        .code(3);
    let unknown = env
        .run(
            &["reset", "--email", "nobody@example.com", "--code-stdin"],
            &format!("BCDF-GHJK\n{guess}"),
        )
        .code(3);
    assert_eq!(known.stderr, unknown.stderr);
    // With the real code the names count, and the refusal leaves the code usable.
    env.run(&["reset", "--email", ALICE], "").ok();
    let code = env.last_code("reset");
    env.run(
        &["reset", "--email", ALICE, "--code-stdin"],
        &format!("{code}\n{guess}"),
    )
    .code(11);
    env.run(
        &["reset", "--email", ALICE, "--code-stdin"],
        &format!("{code}\n{NEW_PW}\n"),
    )
    .ok();
}

/// While a command waits at its password prompt, any local user reads its arguments in the
/// process list: a code given there could be redeemed first. Every code flag of argv is refused
/// (exit 2, naming the safe form) before anything happens, and the code stays usable.
#[test]
fn codes_are_never_taken_from_the_command_line() {
    let env = registered();
    let code = env.last_code("verify");
    env.run(&["verify", "--email", ALICE, "--code", &code], "")
        .code(2)
        .stderr_has("process list")
        .stderr_has("--code-stdin");
    verify(&env, &code).ok();
    env.run(&["reset", "--email", ALICE], "").ok();
    let code = env.last_code("reset");
    env.run(
        &[
            "reset",
            "--email",
            ALICE,
            "--code",
            &code,
            "--password-stdin",
        ],
        &format!("{NEW_PW}\n"),
    )
    .code(2)
    .stderr_has("--confirm")
    .stderr_has("--code-stdin");
    let checks = "SELECT count(*) FROM audit_events WHERE event LIKE 'login.%' OR event LIKE 'authenticate.%'";
    let before = env.count(checks);
    for args in [
        &[
            "login",
            "--email",
            ALICE,
            "--password-stdin",
            "--otp",
            "123456",
        ][..],
        &[
            "authenticate",
            "--email",
            ALICE,
            "--password-stdin",
            "--otp",
            "123456",
        ],
        &["2fa", "enable", "--otp", "123456"],
    ] {
        env.run(args, &format!("{ALICE_PW}\n"))
            .code(2)
            .stderr_has("--otp-stdin");
    }
    assert_eq!(
        env.count(checks),
        before,
        "a refused flag must stop the command before any check"
    );
    // The mailed code still works, through the safe form.
    env.run(
        &["reset", "--email", ALICE, "--code-stdin"],
        &format!("{code}\n{NEW_PW}\n"),
    )
    .ok();
}

/// Without a terminal, a missing code names which code and how to give it.
#[test]
fn a_missing_code_names_which_code() {
    let env = Env::admin();
    env.run(&["verify", "--email", ADMIN], "")
        .code(2)
        .stderr_has("missing verification code from the email: pass --code-stdin");
}
