//! The account lifecycle (README, "Account lifecycle"): temporary passwords and the required
//! actions they bring.

use crate::util::*;

/// `users set-password --must-change`: the user's sessions and tokens end; a login opens a
/// session that may only change the password (then enrol, where a second factor is required),
/// `authenticate` says a change is owed, and `passwd` clears it.
#[test]
fn a_temporary_password_must_be_changed_before_anything_else() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.login_as("alice", ALICE, ALICE_PW);
    let temporary = "Temporary Quartz Lemur 4412";
    let set = env
        .run(
            &[
                "--json",
                "users",
                "set-password",
                ALICE,
                "--password-stdin",
                "--must-change",
            ],
            &format!("{temporary}\n"),
        )
        .ok()
        .json();
    assert_eq!(set["must_change"], true);
    assert_eq!(set["sessions_ended"], 1);
    assert_eq!(set["user"]["must_change_password"], true);
    env.as_session("alice", &["whoami"], "").code(4);
    let shown = env.run(&["users", "show", ALICE], "").ok();
    shown.stdout_has("must be changed");

    let auth = env
        .run(
            &[
                "--json",
                "authenticate",
                "--email",
                ALICE,
                "--password-stdin",
            ],
            &format!("{temporary}\n"),
        )
        .code(8);
    assert_eq!(
        auth.error_json()["error"]["code"],
        "password_change_required"
    );
    // A wrong password still reads as one.
    env.run(
        &["authenticate", "--email", ALICE, "--password-stdin"],
        "not the temporary one at all\n",
    )
    .code(3);

    env.config_set("mfa.required_roles", "*");
    env.as_session(
        "alice",
        &["login", "--email", ALICE, "--password-stdin"],
        &format!("{temporary}\n"),
    )
    .ok()
    .stderr_has("useradm passwd");
    let whoami = env
        .as_session("alice", &["--json", "whoami"], "")
        .ok()
        .json();
    assert_eq!(
        whoami["required_actions"],
        serde_json::json!(["change_password", "enrol_second_factor"])
    );
    // Only the first owed action runs: not even the enrolment, which comes second.
    for args in [
        vec!["--json", "tokens", "list"],
        vec!["--json", "2fa", "enable"],
    ] {
        let run = env.as_session("alice", &args, "").code(8);
        assert_eq!(
            run.error_json()["error"]["code"],
            "password_change_required",
            "{args:?}"
        );
        run.stderr_has("useradm passwd");
    }
    let new_pw = "Velvet Harbor Lantern 9051";
    env.as_session(
        "alice",
        &["passwd", "--password-stdin"],
        &format!("{temporary}\n{new_pw}\n"),
    )
    .ok();
    let next = env
        .as_session("alice", &["--json", "tokens", "list"], "")
        .code(8);
    assert_eq!(next.error_json()["error"]["code"], "mfa_enrolment_required");
    assert_eq!(
        env.count("SELECT must_change_password FROM users WHERE email = 'alice@example.com'"),
        0
    );
    env.run(
        &["authenticate", "--email", ALICE, "--password-stdin"],
        &format!("{new_pw}\n"),
    )
    .ok();
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'password.set'"),
        1
    );
}

/// A generated password is temporary unless told otherwise, and is shown once.
#[test]
fn a_generated_password_is_temporary_by_default() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    let set = env
        .run(
            &[
                "--json",
                "users",
                "set-password",
                ALICE,
                "--generate-password",
            ],
            "",
        )
        .ok()
        .json();
    assert_eq!(set["must_change"], true);
    let generated = set["password"].as_str().unwrap().to_string();
    env.run(
        &["authenticate", "--email", ALICE, "--password-stdin"],
        &format!("{generated}\n"),
    )
    .code(8);
    let kept = env
        .run(
            &[
                "--json",
                "users",
                "set-password",
                ALICE,
                "--generate-password",
                "--must-change=false",
            ],
            "",
        )
        .ok()
        .json();
    assert_eq!(kept["must_change"], false);
    let password = kept["password"].as_str().unwrap();
    env.run(
        &["authenticate", "--email", ALICE, "--password-stdin"],
        &format!("{password}\n"),
    )
    .ok();
    // Someone without users.manage cannot.
    env.login_as("alice", ALICE, password);
    env.as_session(
        "alice",
        &["users", "set-password", ADMIN, "--generate-password"],
        "",
    )
    .code(5);
}

/// The JSON error code of `authenticate` with the right password.
fn refusal_of(env: &Env, email: &str, password: &str) -> String {
    let run = env.run(
        &[
            "--json",
            "authenticate",
            "--email",
            email,
            "--password-stdin",
        ],
        &format!("{password}\n"),
    );
    run.error_json()["error"]["code"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// A validity window: outside it, logins and checks are exit 8 (`account_expired`,
/// `not_yet_valid`), sessions and tokens stop, and `users show`/`users list` say so.
#[test]
fn accounts_work_only_inside_their_validity_window() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.login_as("alice", ALICE, ALICE_PW);
    env.run(&["grant", "--email", ALICE, "--role", "admin"], "")
        .ok();
    let token = env.token_named("ci", &["users.read"], Some("alice"));
    env.as_token(&token, &["users", "list"]).ok();
    let shown = env.run(&["--json", "users", "show", ALICE], "").ok().json();
    assert!(shown["last_authenticated_at"].is_string(), "{shown:#}");

    env.run(&["users", "update", ALICE, "--expires", "2020-01-01"], "")
        .ok();
    assert_eq!(refusal_of(&env, ALICE, ALICE_PW), "account_expired");
    env.login(ALICE, ALICE_PW).code(8).stderr_has("expired");
    env.as_session("alice", &["whoami"], "")
        .code(4)
        .stderr_has("expired");
    env.as_token(&token, &["users", "list"]).code(4);
    let shown = env.run(&["--json", "users", "show", ALICE], "").ok().json();
    assert_eq!(shown["window"], "expired", "{shown:#}");
    env.run(&["users", "list"], "").ok().stdout_has("(expired)");

    let reopen = [
        "users",
        "update",
        ALICE,
        "--expires",
        "never",
        "--valid-from",
        "2999-01-01",
    ];
    env.run(&reopen, "").ok();
    assert_eq!(refusal_of(&env, ALICE, ALICE_PW), "not_yet_valid");
    env.run(
        &[
            "users",
            "update",
            ALICE,
            "--valid-from",
            "now",
            "--expires",
            "10d",
        ],
        "",
    )
    .ok();
    env.login(ALICE, ALICE_PW).ok();
    let backwards = [
        "users",
        "update",
        ALICE,
        "--expires",
        "2030-01-01",
        "--valid-from",
        "2031-01-01",
    ];
    env.run(&backwards, "").code(2);
    // An RFC 3339 time is read with its offset; one without an offset is refused.
    let expires_at = || {
        env.int(
            "SELECT expires_at FROM users WHERE email = ?1",
            &[ALICE.into()],
        )
    };
    for (when, unix) in [
        ("2030-01-01T10:00:00+02:00", 1_893_484_800),
        ("2030-01-01T03:00:00-05:00", 1_893_484_800),
        ("2030-01-01T08:00:00Z", 1_893_484_800),
    ] {
        env.run(&["users", "update", ALICE, "--expires", when], "")
            .ok();
        assert_eq!(expires_at(), unix, "{when}");
    }
    env.run(
        &["users", "update", ALICE, "--expires", "2030-01-01T10:00:00"],
        "",
    )
    .code(2)
    .stderr_has("with its offset");
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'user.validity'"),
        4
    );
}

/// `users list --expiring/--inactive` find accounts for an access review; an API token's use
/// counts as activity, as logins and checks do.
#[test]
fn access_reviews_find_expiring_and_inactive_accounts() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.register_verified("dormant@example.com", ALICE_PW);
    env.register_verified("robot@example.com", ALICE_PW);
    env.run(
        &["roles", "create", "reader", "--permission", "users.read"],
        "",
    )
    .ok();
    env.run(
        &["grant", "--email", "robot@example.com", "--role", "reader"],
        "",
    )
    .ok();
    env.run(&["users", "update", ALICE, "--expires", "10d"], "")
        .ok();
    env.run(
        &["authenticate", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    env.login_as("robot", "robot@example.com", ALICE_PW);
    let token = env.token_named("ci", &["users.read"], Some("robot"));
    // Only the token's use keeps the robot active (once its notice's deliverer has written).
    env.wait_for_mail();
    env.exec(
        "UPDATE users SET last_authenticated_at = NULL, last_login_at = NULL WHERE email = 'robot@example.com'",
        &[],
    );
    env.as_token(&token, &["whoami"]).ok();
    let emails = |args: &[&str]| -> Vec<String> {
        let list = env
            .run(&[&["--json", "users", "list"], args].concat(), "")
            .ok()
            .json();
        list.as_array()
            .unwrap()
            .iter()
            .map(|u| u["email"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(emails(&["--expiring", "30d"]), [ALICE]);
    assert_eq!(emails(&["--inactive", "90d"]), ["dormant@example.com"]);
}

/// `password.max_age`: a password older than it must be changed first (a login warns in its last
/// 14 days); API tokens keep working, so a rotation never breaks CI.
#[test]
fn an_old_password_must_be_changed_and_tokens_keep_working() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.run(
        &["roles", "create", "reader", "--permission", "users.read"],
        "",
    )
    .ok();
    env.run(&["grant", "--email", ALICE, "--role", "reader"], "")
        .ok();
    env.login_as("alice", ALICE, ALICE_PW);
    let token = env.token_named("ci", &["users.read"], Some("alice"));
    env.config_set("password.max_age", "30d");
    let age = |days: i64| {
        env.exec(
            "UPDATE users SET password_changed_at = password_changed_at - ?1 WHERE email = 'alice@example.com'",
            &[(days * 86_400).into()],
        );
    };
    age(20);
    let login = env.as_session(
        "alice",
        &["login", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    );
    login.ok().stderr_has("expires at");
    let whoami = env
        .as_session("alice", &["--json", "whoami"], "")
        .ok()
        .json();
    assert!(whoami["password_expires_at"].is_string(), "{whoami:#}");
    age(11);
    assert_eq!(
        refusal_of(&env, ALICE, ALICE_PW),
        "password_change_required"
    );
    let owed = env
        .as_session("alice", &["--json", "users", "list"], "")
        .code(8);
    assert_eq!(
        owed.error_json()["error"]["code"],
        "password_change_required"
    );
    env.as_token(&token, &["users", "list"]).ok();
    let new_pw = "Velvet Harbor Lantern 9051";
    env.as_session(
        "alice",
        &["passwd", "--password-stdin"],
        &format!("{ALICE_PW}\n{new_pw}\n"),
    )
    .ok();
    env.as_session("alice", &["users", "list"], "").ok();
    env.as_token(&token, &["users", "list"]).ok();
}
