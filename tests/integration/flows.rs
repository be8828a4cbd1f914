//! The account lifecycle end to end, on the embedded defaults (outbox mail).

use crate::util::*;

#[test]
fn first_session_from_the_readme() {
    let env = Env::new();
    let run = env
        .run(
            &["init", "--admin", ADMIN, "--password-stdin"],
            &format!("{ADMIN_PW}\n"),
        )
        .ok();
    assert!(run.stdout.contains("Created the database"), "{run:?}");
    assert!(
        run.stdout
            .contains("Created the administrator admin@example.com")
    );
    env.login(ADMIN, ADMIN_PW).ok();
    env.run(&["whoami"], "")
        .ok()
        .stdout_has("admin@example.com")
        .stdout_has("roles:        admin");

    let run = env
        .run(
            &[
                "register",
                "--email",
                "Alice@Example.COM",
                "--first-name",
                "Alice",
                "--last-name",
                "Liddell",
                "--attr",
                "team=ops",
                "--password-stdin",
            ],
            &format!("{ALICE_PW}\n"),
        )
        .ok();
    assert!(
        run.stdout
            .contains("run `useradm verify --email Alice@Example.COM`"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("written to"),
        "the outbox path is told on stderr: {run:?}"
    );
    let messages = env.outbox_messages();
    assert_eq!(messages.len(), 1);
    assert_eq!(mode(&messages[0].0), 0o600);
    assert!(
        messages[0].1.contains("To: Alice@example.com"),
        "{}",
        messages[0].1
    );

    env.login(ALICE, ALICE_PW)
        .code(8)
        .stderr_has("not verified")
        .stderr_has("useradm verify");
    let code = env.last_code("verify");
    env.run(
        &["verify", "--email", "alice@example.com", "--code-stdin"],
        &format!("{}\n", &code.to_lowercase()),
    )
    .ok();
    env.login(ALICE, ALICE_PW).ok();
    let who = env.run(&["--json", "whoami"], "").ok().json();
    assert_eq!(who["user"]["email"], "Alice@Example.COM");
    assert_eq!(who["user"]["attributes"]["team"], "ops");
    assert_eq!(who["user"]["email_verified"], true);
    assert_eq!(who["permissions"], serde_json::json!([]));

    env.run(&["reset", "--email", ALICE], "")
        .ok()
        .stdout_has("If an account exists");
    let code = env.last_code("reset");
    env.run(
        &["reset", "--email", ALICE, "--code-stdin"],
        &format!("{code}\n{NEW_PW}\n"),
    )
    .ok();
    env.run(&["whoami"], "").code(4);
    env.login(ALICE, ALICE_PW).code(3);
    env.login(ALICE, NEW_PW).ok();
    env.run(&["logout"], "").ok().stdout_has("Logged out");
    env.run(&["whoami"], "").code(4).stderr_has("not logged in");
    env.run(&["logout"], "").ok();
}

#[test]
fn user_json_has_the_spec_shape() {
    let env = Env::admin();
    let run = env
        .run(
            &[
                "--json",
                "register",
                "--email",
                "bob@example.com",
                "--first-name",
                "Bob",
                "--password-stdin",
                "--verified",
            ],
            &format!("{ALICE_PW}\n"),
        )
        .ok();
    let doc = run.json();
    let user = &doc["user"];
    let mut keys: Vec<&str> = user
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "attributes",
            "created_at",
            "email",
            "email_verified",
            "expires_at",
            "first_name",
            "id",
            "last_authenticated_at",
            "last_login_at",
            "last_name",
            "must_change_password",
            "roles",
            "status",
            "valid_from",
            "window"
        ]
    );
    assert_eq!(user["status"], "active");
    assert_eq!(user["email_verified"], true);
    assert_eq!(doc["changed"], true);
    assert!(user["created_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(env.outbox_messages().len(), 0, "--verified sends no code");
}

#[test]
fn init_is_idempotent_and_admin_once() {
    let env = Env::new();
    env.init();
    env.run(&["init"], "").ok().stdout_has("up to date");
    env.run(
        &["init", "--admin", ADMIN, "--password-stdin"],
        &format!("{ADMIN_PW}\n"),
    )
    .ok();
    env.run(
        &["init", "--admin", "other@example.com", "--password-stdin"],
        &format!("{ADMIN_PW}\n"),
    )
    .code(6)
    .stderr_has("already exists");
    let run = env
        .run(
            &[
                "--json",
                "init",
                "--admin",
                "other@example.com",
                "--exists-ok",
            ],
            "",
        )
        .ok();
    assert_eq!(run.json()["changed"], false);
    assert_eq!(env.count("SELECT count(*) FROM users"), 1);
}

#[test]
fn files_are_private_whatever_the_umask() {
    let env = Env::admin();
    if !env.on_server() {
        assert_eq!(mode(&env.db.path), 0o600);
        assert_eq!(mode(env.db.path.parent().unwrap()), 0o700);
    }
    assert_eq!(mode(&env.session_file()), 0o600);
    assert_eq!(mode(&env.sessions), 0o700);
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    assert_eq!(mode(&env.outbox()), 0o700);
}

#[test]
fn init_with_a_group_shares_the_files() {
    let env = Env::new();
    env.run(&["init", "--group", "root"], "")
        .ok()
        .stdout_has("Shared with group root");
    if !env.on_server() {
        assert_eq!(mode(&env.db.path), 0o660);
        assert_eq!(mode(env.db.path.parent().unwrap()) & 0o777, 0o770);
    }
    env.run(&["init", "--group", "no-such-group-here"], "")
        .code(2)
        .stderr_has("no group named");
    // Folders made on the way to a shared database let the group pass, never list or write.
    let deep = env.path().join("a/b/c/useradm.db");
    env.run(
        &["--db", deep.to_str().unwrap(), "init", "--group", "root"],
        "",
    )
    .ok();
    assert_eq!(mode(&env.path().join("a")) & 0o777, 0o710);
    assert_eq!(mode(&env.path().join("a/b")) & 0o777, 0o710);
    assert_eq!(mode(&env.path().join("a/b/c")) & 0o777, 0o770);
}

#[test]
fn register_conflicts_exists_ok_and_generated_passwords() {
    let env = Env::admin();
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    env.run(
        &[
            "register",
            "--email",
            "ALICE@example.com",
            "--password-stdin",
        ],
        &format!("{ALICE_PW}\n"),
    )
    .code(6)
    .stderr_has("already exists");
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
    assert_eq!(run.json()["changed"], false);
    assert_eq!(env.count("SELECT count(*) FROM users"), 2);

    let run = env
        .run(
            &[
                "--json",
                "register",
                "--email",
                "gen@example.com",
                "--generate-password",
                "--verified",
            ],
            "",
        )
        .ok();
    let generated = run.json()["generated_password"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(generated.len() >= 24);
    env.run(
        &[
            "authenticate",
            "--email",
            "gen@example.com",
            "--password-stdin",
        ],
        &format!("{generated}\n"),
    )
    .ok();
}

#[test]
fn admin_flags_of_register_need_users_manage() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    // An administrator may.
    let run = env
        .run(
            &[
                "--json",
                "register",
                "--email",
                "ops@example.com",
                "--role",
                "admin",
                "--verified",
                "--password-stdin",
            ],
            &format!("{ALICE_PW}\n"),
        )
        .ok();
    assert_eq!(run.json()["user"]["roles"], serde_json::json!(["admin"]));
    env.run(
        &[
            "register",
            "--email",
            "x@example.com",
            "--role",
            "nosuch",
            "--password-stdin",
        ],
        &format!("{ALICE_PW}\n"),
    )
    .code(7);
    // A user without users.manage may not.
    env.login(ALICE, ALICE_PW).ok();
    env.run(
        &[
            "register",
            "--email",
            "y@example.com",
            "--verified",
            "--password-stdin",
        ],
        &format!("{ALICE_PW}\n"),
    )
    .code(5)
    .stderr_has("users.manage");
    // Nobody logged in may not either.
    env.run(&["logout"], "").ok();
    env.run(
        &[
            "register",
            "--email",
            "z@example.com",
            "--role",
            "admin",
            "--password-stdin",
        ],
        &format!("{ALICE_PW}\n"),
    )
    .code(4);
    assert_eq!(env.count("SELECT count(*) FROM users WHERE email IN ('y@example.com','z@example.com','x@example.com')"), 0);
}

#[test]
fn closed_registration_needs_a_manager() {
    let env = Env::admin();
    env.config_set("registration.open", "false");
    env.run(&["logout"], "").ok();
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .code(4)
    .stderr_has("registration is closed");
    env.login(ADMIN, ADMIN_PW).ok();
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
}

#[test]
fn unverified_login_allowed_when_policy_says_so() {
    let env = Env::admin();
    env.config_set("registration.require_verified_email", "false");
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    env.login(ALICE, ALICE_PW).ok();
}

#[test]
fn authenticate_checks_without_a_session() {
    let env = Env::admin();
    env.run(&["logout"], "").ok();
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
        .ok();
    assert_eq!(run.json()["authenticated"], true);
    assert!(!env.session_file().exists());
    let run = env
        .run(
            &[
                "--json",
                "authenticate",
                "--email",
                ADMIN,
                "--password-stdin",
            ],
            "wrong-password-here\n",
        )
        .code(3);
    assert_eq!(run.stdout, "");
    let err = run.error_json();
    assert_eq!(err["error"]["code"], "auth_failed");
    assert_eq!(err["error"]["exit"], 3);
}

#[test]
fn passwd_changes_the_password_and_ends_other_sessions() {
    let mut env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    // Two sessions of Alice: the default file and a second one.
    env.login(ALICE, ALICE_PW).ok();
    let other = env.path().join("other-session.json");
    let mut second = Env::run_cmd(
        {
            let mut c = env.command(&["login", "--email", ALICE, "--password-stdin"]);
            c.env("USERADM_SESSION_FILE", &other);
            c
        },
        format!("{ALICE_PW}\n").as_bytes(),
    );
    assert_eq!(second.code, 0, "{second:?}");
    env.run(
        &["passwd", "--password-stdin"],
        &format!("not-the-password\n{NEW_PW}\n"),
    )
    .code(3);
    env.run(
        &["passwd", "--password-stdin"],
        &format!("{ALICE_PW}\nshort\n"),
    )
    .code(11);
    let run = env
        .run(
            &["--json", "passwd", "--password-stdin"],
            &format!("{ALICE_PW}\n{NEW_PW}\n"),
        )
        .ok();
    assert_eq!(run.json()["other_sessions_ended"], 1);
    env.run(&["whoami"], "").ok();
    env.set_var("USERADM_SESSION_FILE", other.display().to_string());
    second = env.run(&["whoami"], "");
    assert_eq!(second.code, 4, "the other session ended: {second:?}");
    env.login(ALICE, NEW_PW).ok();
}

#[test]
fn logout_all_ends_every_session_of_the_user() {
    let mut env = Env::admin();
    let other = env.path().join("second.json");
    let mut c = env.command(&["login", "--email", ADMIN, "--password-stdin"]);
    c.env("USERADM_SESSION_FILE", &other);
    assert_eq!(Env::run_cmd(c, format!("{ADMIN_PW}\n").as_bytes()).code, 0);
    assert_eq!(env.count("SELECT count(*) FROM sessions"), 2);
    let run = env.run(&["--json", "logout", "--all"], "").ok();
    assert_eq!(run.json()["sessions_ended"], 2);
    env.set_var("USERADM_SESSION_FILE", other.display().to_string());
    env.run(&["whoami"], "").code(4);
}

#[test]
fn remaining_exit_codes_of_the_core_commands() {
    let env = Env::admin();
    env.run(&["init", "--admin", "not an email"], "").code(2);
    // A fresh verification code is asked for like a reset: the answer never tells who exists.
    env.run(&["verify", "--resend", "--email", "nobody@example.com"], "")
        .ok()
        .stdout_has("If nobody@example.com belongs to an account");
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    env.run(&["reset", "--email", ALICE], "").ok();
    let code = env.last_code("reset");
    env.run(
        &["reset", "--email", ALICE, "--code-stdin"],
        &format!("{code}\nweak\n"),
    )
    .code(11);
    // A rejected password does not use up the code.
    env.run(
        &["reset", "--email", ALICE, "--code-stdin"],
        &format!("{code}\n{NEW_PW}\n"),
    )
    .ok();
    env.run(&["logout"], "").ok();
    env.run(
        &["passwd", "--password-stdin"],
        &format!("{ADMIN_PW}\n{NEW_PW}\n"),
    )
    .code(4);
    env.run(&["--json", "whoami"], "").code(4);
    env.run(&["completions", "nosuchshell"], "").code(2);
    env.run(&["--version"], "").ok().stdout_has("useradm ");
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
fn passwd_checks_the_current_password_first() {
    let env = Env::admin();
    env.run(&["passwd", "--password-stdin"], "not-the-password\nweak\n")
        .code(3);
}
