//! Session files and lifetimes.

use std::os::unix::fs::PermissionsExt;

use crate::util::*;

#[test]
fn idle_and_absolute_lifetimes_come_from_the_database() {
    let env = Env::admin();
    // Wide margins: a loaded machine may take a second to start a process.
    env.config_set("session.idle", "6s");
    env.login(ADMIN, ADMIN_PW).ok();
    env.run(&["whoami"], "").ok();
    std::thread::sleep(std::time::Duration::from_millis(3500));
    env.run(&["whoami"], "").ok();
    std::thread::sleep(std::time::Duration::from_millis(3500));
    // Used a moment ago, so still alive past six seconds from login.
    env.run(&["whoami"], "").ok();
    std::thread::sleep(std::time::Duration::from_millis(7100));
    env.run(&["whoami"], "").code(4).stderr_has("without use");

    env.config_set_after_login(ADMIN, ADMIN_PW, "session.idle", "30m");
    env.config_set("session.ttl", "2s");
    env.login(ADMIN, ADMIN_PW).ok();
    std::thread::sleep(std::time::Duration::from_millis(2100));
    env.run(&["whoami"], "").code(4).stderr_has("expired");
}

/// Raising `session.idle` never revives a session that had already expired: its deadline was
/// fixed at its last use, and the command that finds it expired ends it for good.
#[test]
fn an_expired_session_stays_ended_when_the_idle_time_is_raised() {
    let env = Env::admin();
    env.config_set("session.idle", "3s");
    env.login(ADMIN, ADMIN_PW).ok();
    env.run(&["whoami"], "").ok();
    std::thread::sleep(std::time::Duration::from_millis(3500));
    // Raised behind the session's back (its holder can no longer run `config set`).
    env.exec(
        "UPDATE settings SET value = '30m' WHERE key = 'session.idle'",
        &[],
    );
    env.run(&["whoami"], "").code(4).stderr_has("without use");
    assert!(
        !env.session_file().exists(),
        "the expired session's file is removed"
    );
    assert_eq!(env.count("SELECT count(*) FROM sessions"), 0);
    // A new login gets the new idle time.
    env.login(ADMIN, ADMIN_PW).ok();
    std::thread::sleep(std::time::Duration::from_millis(3500));
    env.run(&["whoami"], "").ok();
}

/// `session.max_per_user`: a login beyond it ends the least recently used session, audited.
#[test]
fn a_login_beyond_the_session_limit_ends_the_least_recently_used() {
    let env = Env::admin();
    env.config_set("session.max_per_user", "2");
    // A second apart, so that the order of last use is certain.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    env.login_as("laptop", ADMIN, ADMIN_PW);
    env.run(&["whoami"], "").ok();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    env.login_as("ci", ADMIN, ADMIN_PW);
    env.run(&["whoami"], "").code(4).stderr_has("ended");
    env.as_session("laptop", &["whoami"], "").ok();
    env.as_session("ci", &["whoami"], "").ok();
    assert_eq!(env.count("SELECT count(*) FROM sessions"), 2);
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'session.limit'"),
        1
    );
}

impl Env {
    fn config_set_after_login(&self, email: &str, pw: &str, key: &str, value: &str) {
        self.login(email, pw).ok();
        self.config_set(key, value);
    }
}

#[test]
fn tampered_and_unsafe_session_files_are_refused() {
    let env = Env::admin();
    let file = env.session_file();
    let good = env.tamper_session_token();
    env.run(&["whoami"], "").code(4).stderr_has("ended");

    std::fs::write(&file, "garbage{").unwrap();
    env.run(&["whoami"], "")
        .code(4)
        .stderr_has("cannot be parsed");

    std::fs::write(&file, &good).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    env.run(&["whoami"], "").code(4).stderr_has("mode 644");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    env.run(&["whoami"], "").ok();

    let target = env.path().join("elsewhere.json");
    std::fs::rename(&file, &target).unwrap();
    std::os::unix::fs::symlink(&target, &file).unwrap();
    env.run(&["whoami"], "").code(4).stderr_has("symbolic link");
    // logout cleans up whatever is there, and removes the link, not its target.
    env.run(&["logout"], "").ok();
    assert!(std::fs::symlink_metadata(&file).is_err());
    assert!(target.exists());

    let huge = vec![b' '; 20 * 1024 * 1024];
    std::fs::write(&file, huge).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    env.run(&["whoami"], "").code(4).stderr_has("too large");
    env.run(&["logout"], "").ok();
    assert!(!file.exists());
}

#[test]
fn a_session_of_one_database_never_authorises_on_another() {
    let a = Env::admin();
    let mut b = Env::admin();
    b.set_var(
        "USERADM_SESSION_FILE",
        a.session_file().display().to_string(),
    );
    b.run(&["whoami"], "")
        .code(4)
        .stderr_has("another database");
}

#[test]
fn only_the_token_hash_is_stored() {
    let env = Env::admin();
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(env.session_file()).unwrap()).unwrap();
    let token = doc["token"].as_str().unwrap();
    let stored: String = env.text("SELECT token_sha256 FROM sessions", &[]);
    assert_ne!(stored, token);
    assert_eq!(stored.len(), 64);
    assert_eq!(
        env.count(&format!(
            "SELECT count(*) FROM sessions WHERE token_sha256 = '{token}'"
        )),
        0
    );
}

#[test]
fn logout_without_a_session_succeeds() {
    let env = Env::admin();
    env.run(&["logout"], "").ok();
    env.run(&["logout"], "").ok().stdout_has("Not logged in");
    env.run(&["logout", "--all"], "").ok();
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
    let id: String = env.text("SELECT id FROM sessions", &[]);
    env.register_verified(ALICE, ALICE_PW);
    let planted = env.path().join("session-alice.json");
    let db_id: String = env.text("SELECT value FROM meta WHERE key='database_id'", &[]);
    let doc = serde_json::json!({ "format": 1, "database_id": db_id, "session_id": id, "token": "ab".repeat(32), "email": ALICE });
    std::fs::write(&planted, doc.to_string()).unwrap();
    std::fs::set_permissions(&planted, std::fs::Permissions::from_mode(0o600)).unwrap();
    env.login_as("alice", ALICE, ALICE_PW);
    env.run(&["whoami"], "").ok();
}

/// Moves the proof of the password of every session back by `secs`, as if it were that old.
fn age_proofs(env: &Env, secs: i64) {
    env.exec(
        "UPDATE sessions SET authenticated_at = authenticated_at - ?1",
        &[secs.into()],
    );
}

/// Handing over everything (giving a role that holds `*`, allowing `*`) needs the password
/// proven in the last 5 minutes, in a session; an API token never can, and lesser grants ask
/// for nothing.
#[test]
fn handing_over_everything_needs_a_fresh_proof_and_a_session() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.run(
        &["roles", "create", "ops", "--permission", "users.read"],
        "",
    )
    .ok();
    let token = env.token(&["*"]);
    age_proofs(&env, 600);
    let give_admin = ["grant", "--email", ALICE, "--role", "admin"];
    let stale = env.run(&give_admin, "").code(2);
    stale.stderr_has("--password-stdin");
    env.run(&["roles", "allow", "ops", "*"], "")
        .code(2)
        .stderr_has("--password-stdin");
    // So is what lets its holder give themselves anything: making roles, changing the policy.
    env.run(&["roles", "allow", "ops", "roles.*"], "")
        .code(2)
        .stderr_has("--password-stdin");
    // Lesser grants and permissions ask for nothing.
    env.run(&["grant", "--email", ALICE, "--role", "ops"], "")
        .ok();
    env.run(&["roles", "allow", "ops", "users.manage"], "").ok();
    // An API token never can.
    let by_token = env.as_token(
        &token,
        &["--json", "grant", "--email", ALICE, "--role", "admin"],
    );
    assert_eq!(
        by_token.code(5).error_json()["error"]["code"],
        "step_up_required"
    );
    env.as_token(&token, &["roles", "allow", "ops", "*"])
        .code(5)
        .stderr_has("API token");
    assert_eq!(
        env.count("SELECT count(*) FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                    JOIN users u ON u.id = ur.user_id WHERE r.name = 'admin' AND u.email = 'alice@example.com'"),
        0
    );
    // Nor can a file with a stale proof: apply and import give it only as grant would.
    let state = env.path().join("state.toml");
    std::fs::write(
        &state,
        format!("owner = \"ci\"\n[[users]]\nemail = \"{ALICE}\"\nroles = [\"admin\"]\n"),
    )
    .unwrap();
    env.run(&["apply", state.to_str().unwrap(), "--adopt"], "")
        .code(5)
        .stderr_has("needs a proof of your password");
    let csv = env.path().join("u.csv");
    std::fs::write(&csv, format!("email,roles\n{ALICE},admin\n")).unwrap();
    env.run(
        &["import", csv.to_str().unwrap(), "--on-conflict", "update"],
        "",
    )
    .code(5)
    .stderr_has("needs a proof of your password");
    // With the password proven again, both go through.
    let with_pw: Vec<&str> = give_admin
        .iter()
        .copied()
        .chain(["--password-stdin"])
        .collect();
    env.run(&with_pw, &format!("{ADMIN_PW}\n")).ok();
    env.run(&["roles", "allow", "ops", "*"], "").ok();
}

/// A stolen session must not make lasting credentials: an API token, a second factor, a new
/// address of one's own need the password proven within the last 5 minutes, else asked again
/// (`--password-stdin` in scripts). API tokens cannot prove a password.
#[test]
fn lasting_credentials_need_a_fresh_proof_of_the_password() {
    let env = Env::admin();
    let create = [
        "tokens",
        "create",
        "--name",
        "ci",
        "--permission",
        "users.read",
    ];
    env.run(&create, "").ok();
    age_proofs(&env, 600);
    env.run(&create, "").code(2).stderr_has("--password-stdin");
    env.run(&["2fa", "enable"], "")
        .code(2)
        .stderr_has("--password-stdin");
    env.run(
        &["users", "update", ADMIN, "--email", "thief@example.com"],
        "",
    )
    .code(2)
    .stderr_has("--password-stdin");
    let with_pw: Vec<&str> = create.iter().copied().chain(["--password-stdin"]).collect();
    env.run(&with_pw, "not-the-password-at-all\n").code(3);
    env.run(&with_pw, &format!("{ADMIN_PW}\n")).ok();
    // The proof is fresh again: the next change asks for nothing.
    env.run(&create, "").ok();
    // Changing someone else's address needs no proof of one's own password.
    env.register_verified(ALICE, ALICE_PW);
    age_proofs(&env, 600);
    env.run(
        &["users", "update", ALICE, "--email", "alice2@example.com"],
        "",
    )
    .ok();
    // A token cannot prove a password, so it cannot change its owner's address.
    let token = env.token_fresh(&["users.manage", "users.read"]);
    env.as_token(
        &token,
        &["users", "update", ADMIN, "--email", "x@example.com"],
    )
    .code(5);
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE pending_email IN ('thief@example.com', 'x@example.com')"),
        0
    );
}

/// `reset` (a forgotten password may mean a compromised account) revokes the user's API tokens and
/// says how many; `passwd` keeps them unless told (`--revoke-tokens`) and says how many still work.
#[test]
fn reset_revokes_api_tokens_and_passwd_says_what_still_works() {
    let env = Env::admin();
    let token = env.token(&["users.read"]);
    env.run(
        &["passwd", "--password-stdin"],
        &format!("{ADMIN_PW}\n{NEW_PW}\n"),
    )
    .ok()
    .stdout_has("1 API token(s) still work");
    env.as_token(&token, &["users", "list"]).ok();
    env.run(
        &["passwd", "--password-stdin", "--revoke-tokens"],
        &format!("{NEW_PW}\n{ADMIN_PW}\n"),
    )
    .ok()
    .stdout_has("1 API token(s) revoked");
    env.as_token(&token, &["users", "list"]).code(4);
    let token = env.token(&["users.read"]);
    env.run(&["reset", "--email", ADMIN], "").ok();
    let code = env.last_code("reset");
    let run = env
        .run(
            &["--json", "reset", "--email", ADMIN, "--code-stdin"],
            &format!("{code}\n{NEW_PW}\n"),
        )
        .ok();
    assert_eq!(run.json()["tokens_revoked"], 1);
    env.as_token(&token, &["users", "list"])
        .code(4)
        .stderr_has("revoked");
}

/// `whoami` says what its second time is: when the session expires if left idle.
#[test]
fn whoami_names_the_idle_expiry() {
    let env = Env::admin();
    env.run(&["whoami"], "")
        .ok()
        .stdout_has(": idle expiry at ");
}
