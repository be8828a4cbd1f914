//! Regression tests for defects found in review: each failed before its fix.

use std::os::unix::fs::PermissionsExt;

use crate::util::*;

fn argon2_runs(run: &Run) -> u32 {
    run.stderr
        .lines()
        .find_map(|l| l.strip_prefix("argon2-runs: "))
        .unwrap_or_else(|| panic!("no count: {run:?}"))
        .parse()
        .unwrap()
}

#[test]
fn logout_revokes_a_session_whose_file_was_exposed() {
    let env = Env::admin();
    let file = env.session_file();
    let stolen = env.path().join("stolen.json");
    std::fs::copy(&file, &stolen).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    env.run(&["whoami"], "").code(4);
    env.run(&["logout"], "").ok();
    assert_eq!(env.count("SELECT count(*) FROM sessions"), 0);
    env.run_env(
        &[("USERADM_SESSION_FILE", stolen.to_str().unwrap())],
        &["whoami"],
        "",
    )
    .code(4);
}

#[test]
fn login_does_not_end_a_session_named_in_a_planted_file() {
    let env = Env::admin();
    let admin_session = env.count("SELECT count(*) FROM sessions");
    assert_eq!(admin_session, 1);
    let id: String = env
        .sql()
        .query_row("SELECT id FROM sessions", [], |r| r.get(0))
        .unwrap();
    env.register_verified(ALICE, ALICE_PW);
    let planted = env.path().join("session-alice.json");
    let db_id: String = env
        .sql()
        .query_row("SELECT value FROM meta WHERE key='database_id'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let doc = serde_json::json!({ "format": 1, "database_id": db_id, "session_id": id, "token": "ab".repeat(32), "email": ALICE });
    std::fs::write(&planted, doc.to_string()).unwrap();
    std::fs::set_permissions(&planted, std::fs::Permissions::from_mode(0o600)).unwrap();
    env.login_as("alice", ALICE, ALICE_PW);
    env.run(&["whoami"], "").ok();
}

#[test]
fn register_exists_ok_tells_strangers_nothing_more() {
    let env = Env::admin();
    env.run(
        &[
            "register",
            "--email",
            ALICE,
            "--attr",
            "ssn=123-45-6789",
            "--password-stdin",
        ],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    env.run(&["logout"], "").ok();
    let run = env
        .run(
            &[
                "--json",
                "register",
                "--email",
                ALICE,
                "--exists-ok",
                "--password-stdin",
            ],
            &format!("{ALICE_PW}\n"),
        )
        .ok();
    assert!(!run.stdout.contains("123-45-6789"), "{run:?}");
    assert_eq!(run.json()["changed"], false);
    assert!(run.json().get("user").is_none());
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
            &[
                "reset",
                "--email",
                ALICE,
                "--code",
                "BCDF-GHJK",
                "--password-stdin",
            ],
            guess,
        )
        .code(3);
    let unknown = env
        .run(
            &[
                "reset",
                "--email",
                "nobody@example.com",
                "--code",
                "BCDF-GHJK",
                "--password-stdin",
            ],
            guess,
        )
        .code(3);
    assert_eq!(known.stderr, unknown.stderr);
    // With the real code the names count, and the refusal leaves the code usable.
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
        guess,
    )
    .code(11);
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
    .ok();
}

#[test]
fn usage_errors_are_json_under_json() {
    let env = Env::admin();
    for args in [
        &["--json", "login", "--bogus"][..],
        &["--json", "authenticate"],
        &["--color=sometimes", "--json", "whoami"],
    ] {
        let run = env.run(args, "").code(2);
        let err = run.error_json();
        assert_eq!(err["error"]["code"], "usage", "{run:?}");
        assert_eq!(err["error"]["exit"], 2);
    }
}

#[test]
fn generated_passwords_meet_a_longer_minimum() {
    let env = Env::admin();
    env.config_set("password.min_length", "40");
    let run = env
        .run(
            &[
                "--json",
                "register",
                "--email",
                ALICE,
                "--generate-password",
                "--verified",
            ],
            "",
        )
        .ok();
    assert!(
        run.json()["generated_password"]
            .as_str()
            .unwrap()
            .chars()
            .count()
            >= 40
    );
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
    let args = |email: &'static str| {
        [
            "reset",
            "--email",
            email,
            "--code",
            "BCDF-GHJK",
            "--password-stdin",
        ]
    };
    let known = env.run(&args(ADMIN), &format!("{NEW_PW}\n")).code(3);
    let unknown = env
        .run(&args("ghost@example.com"), &format!("{NEW_PW}\n"))
        .code(3);
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
    let hash: String = env
        .sql()
        .query_row("SELECT password_hash FROM users", [], |r| r.get(0))
        .unwrap();
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

#[test]
fn init_refusing_the_admin_password_creates_nothing() {
    let env = Env::new();
    env.run(&["init", "--admin", ADMIN, "--password-stdin"], "weak\n")
        .code(11);
    assert!(!env.db.exists());
    env.run(&["init", "--admin", ADMIN, "--no-input"], "")
        .code(2);
    assert!(!env.db.exists());
}

#[test]
fn secrets_are_stored_exactly_as_given() {
    let env = Env::admin();
    env.run(
        &["config", "set", "mail.smtp_password", "--value-stdin"],
        "  pass word  \n",
    )
    .ok();
    let stored: String = env
        .sql()
        .query_row(
            "SELECT value FROM settings WHERE key='mail.smtp_password'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, "  pass word  ");
}

#[test]
fn passwd_checks_the_current_password_first() {
    let env = Env::admin();
    env.run(&["passwd", "--password-stdin"], "not-the-password\nweak\n")
        .code(3);
}

const BOB: &str = "bob@example.com";
const MGR: &str = "mgr@example.com";

/// An admin (default session), Bob (no roles) and a manager with every tool permission but
/// admin, logged in as session "mgr".
fn with_manager() -> Env {
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
            "--permission",
            "sessions.manage",
        ],
        "",
    )
    .ok();
    env.run(
        &[
            "register",
            "--email",
            MGR,
            "--role",
            "mgr",
            "--verified",
            "--password-stdin",
        ],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    env.run(
        &["register", "--email", BOB, "--verified", "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    env.login_as("mgr", MGR, ALICE_PW);
    env
}

#[test]
fn a_pending_email_change_dies_when_the_user_gains_a_role() {
    let env = with_manager();
    env.as_session(
        "mgr",
        &["users", "update", BOB, "--email", "evil@example.com"],
        "",
    )
    .ok();
    let code = env.last_code("email_change");
    env.run(&["grant", "--email", BOB, "--role", "admin"], "")
        .ok();
    env.run(
        &["verify", "--email", "evil@example.com", "--code", &code],
        "",
    )
    .code(3);
    assert_eq!(env.count("SELECT count(*) FROM users WHERE email = 'evil@example.com' OR pending_email IS NOT NULL"), 0);
}

#[test]
fn an_empty_token_never_falls_back_to_the_session() {
    let env = Env::admin();
    env.run_env(&[("USERADM_TOKEN", "")], &["users", "list"], "")
        .code(4);
}

#[test]
fn a_narrow_token_neither_passes_role_checks_nor_ends_its_owners_access() {
    let env = Env::admin();
    let narrow = env.token(&["reports.read"]);
    env.as_token(&narrow, &["check", "--role", "admin"]).code(5);
    env.run(&["check", "--role", "admin"], "").ok();
    let session: String = env
        .sql()
        .query_row("SELECT id FROM sessions", [], |r| r.get(0))
        .unwrap();
    env.as_token(&narrow, &["sessions", "revoke", &session])
        .code(5);
    let other = env.token(&["users.read"]);
    let other_id: String = env
        .sql()
        .query_row(
            "SELECT id FROM api_tokens ORDER BY created_at DESC, rowid DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    env.as_token(&narrow, &["tokens", "revoke", &other_id])
        .code(5);
    env.run(&["whoami"], "").ok();
    env.as_token(&other, &["whoami"]).ok();
}

#[test]
fn revoking_a_role_acts_on_the_user() {
    let env = with_manager();
    env.run(
        &["roles", "create", "reader", "--permission", "users.read"],
        "",
    )
    .ok();
    env.run(&["grant", "--email", ADMIN, "--role", "reader"], "")
        .ok();
    env.as_session("mgr", &["revoke", "--email", ADMIN, "--role", "reader"], "")
        .code(5);
    env.as_session("mgr", &["roles", "deny", "reader", "users.read"], "")
        .code(5);
    env.as_session("mgr", &["roles", "delete", "reader"], "")
        .code(5);
    env.as_session("mgr", &["revoke", "--email", BOB, "--role", "reader"], "")
        .ok();
}

#[test]
fn others_session_ids_look_missing_without_sessions_manage() {
    let env = with_manager();
    env.login_as("bob", BOB, ALICE_PW);
    let admin_session: String = env
        .sql()
        .query_row(
            "SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?1",
            [ADMIN],
            |r| r.get(0),
        )
        .unwrap();
    let missing = env
        .as_session("bob", &["sessions", "revoke", "ffffffffffffffff"], "")
        .code(7);
    let other = env
        .as_session("bob", &["sessions", "revoke", &admin_session], "")
        .code(7);
    assert_eq!(
        missing.stderr.replace("ffffffffffffffff", "X"),
        other.stderr.replace(&admin_session, "X")
    );
}

#[test]
fn audit_verify_refuses_an_emptied_log_and_reads_anchors_in_any_case() {
    let env = Env::admin();
    let head = env
        .run(&["audit", "head"], "")
        .ok()
        .stdout
        .trim()
        .to_string();
    env.run(
        &["audit", "verify", "--expect-head", &head.to_uppercase()],
        "",
    )
    .ok();
    env.run(&["audit", "verify", "--expect-head", "not-a-hash"], "")
        .code(2);
    let token = env.token(&["audit.read"]);
    env.sql().execute("DELETE FROM audit_events", []).unwrap();
    env.as_token(&token, &["audit", "verify"])
        .code(12)
        .stderr_has("empty");
}
