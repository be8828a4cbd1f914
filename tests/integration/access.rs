//! Roles, permissions and the gate (README, "Roles, permissions and the gate"): who may run
//! what, and no escalation.

use crate::util::*;

const BOB: &str = "bob@example.com";
const BOB_PW: &str = "cobalt-Heron-93-lantern";
const MGR: &str = "mgr@example.com";

/// An admin (default session) and Bob, verified, with no roles, logged in as session "bob".
fn with_bob() -> Env {
    let env = Env::admin();
    env.run(
        &["register", "--email", BOB, "--verified", "--password-stdin"],
        &format!("{BOB_PW}\n"),
    )
    .ok();
    env.login_as("bob", BOB, BOB_PW);
    env
}

fn role(env: &Env, name: &str, perms: &[&str]) {
    let mut args = vec!["roles", "create", name];
    for p in perms {
        args.extend(["--permission", p]);
    }
    env.run(&args, "").ok();
}

fn grant(env: &Env, email: &str, role: &str) {
    env.run(&["grant", "--email", email, "--role", role], "")
        .ok();
}

#[test]
fn every_protected_command_answers_4_5_or_0() {
    let env = with_bob();
    role(&env, "helpers", &["users.read"]);
    // (command, the permission it needs, what a token must also list to do it)
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["users", "list"], "users.read"),
        (vec!["users", "show", ADMIN], "users.read"),
        (vec!["users", "unlock", BOB], "users.manage"),
        (
            vec!["users", "update", BOB, "--first-name", "Bob"],
            "users.manage",
        ),
        (vec!["roles", "list"], "roles.manage"),
        (vec!["roles", "show", "helpers"], "roles.manage"),
        (
            vec!["roles", "create", "helpers", "--exists-ok"],
            "roles.manage",
        ),
        (
            vec!["grant", "--email", BOB, "--role", "helpers"],
            "roles.grant",
        ),
        (vec!["sessions", "list", "--all"], "sessions.manage"),
        (vec!["tokens", "list", "--all"], "sessions.manage"),
        (vec!["audit"], "audit.read"),
        (vec!["audit", "head"], "audit.read"),
        (vec!["audit", "verify"], "audit.read"),
        (vec!["config", "list"], "settings.read"),
    ];
    let nobody = env.path().join("no-session.json");
    let other = env.token(&["reports.read"]);
    for (args, perm) in &cases {
        let none = env.run_env(
            &[("USERADM_SESSION_FILE", nobody.to_str().unwrap())],
            args,
            "",
        );
        assert_eq!(none.code, 4, "{args:?} without an actor: {none:?}");
        let without = env.as_session("bob", args, "");
        assert_eq!(
            without.code, 5,
            "{args:?} by a user without {perm}: {without:?}"
        );
        assert!(without.stderr.contains(perm), "{without:?}");
        env.run(args, "").ok();
        // Giving a role also needs the role's permissions and the role itself or roles.manage (no
        // escalation through a token either: the admin does not hold `helpers`).
        let token_with = if *perm == "roles.grant" {
            env.token(&[perm, "users.read", "roles.manage"])
        } else {
            env.token(&[perm])
        };
        let run = env.as_token(&token_with, args);
        assert_eq!(run.code, 0, "{args:?} by a token with {perm}: {run:?}");
        let run = env.as_token(&other, args);
        assert_eq!(run.code, 5, "{args:?} by a token without {perm}: {run:?}");
    }
    // Plain session commands.
    for args in [
        vec!["whoami"],
        vec!["sessions", "list"],
        vec!["tokens", "list"],
        vec!["check", "--role", "x"],
    ] {
        let none = env.run_env(
            &[("USERADM_SESSION_FILE", nobody.to_str().unwrap())],
            &args,
            "",
        );
        assert_eq!(none.code, 4, "{args:?}: {none:?}");
    }
}

#[test]
fn wildcards_grant_everything_below_them() {
    let env = with_bob();
    role(&env, "usermgr", &["users.*"]);
    grant(&env, BOB, "usermgr");
    env.as_session("bob", &["users", "list"], "").ok();
    env.as_session("bob", &["users", "unlock", BOB], "").ok();
    env.as_session("bob", &["roles", "list"], "").code(5);
    env.as_session(
        "bob",
        &["check", "--permission", "users.anything.at.all"],
        "",
    )
    .ok();
    env.as_session("bob", &["check", "--permission", "roles.manage"], "")
        .code(5);
    env.run(
        &[
            "check",
            "--permission",
            "whatever.you.like",
            "--permission",
            "users.read",
        ],
        "",
    )
    .ok();
}

#[test]
fn check_is_silent_unless_asked_and_explains() {
    let env = with_bob();
    role(&env, "support", &["tickets.*"]);
    grant(&env, BOB, "support");
    let run = env
        .as_session(
            "bob",
            &[
                "check",
                "--permission",
                "tickets.close",
                "--role",
                "support",
            ],
            "",
        )
        .ok();
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "");
    let run = env
        .as_session("bob", &["check", "--permission", "deploy.prod"], "")
        .code(5);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "");
    let run = env
        .as_session(
            "bob",
            &[
                "check",
                "--permission",
                "tickets.close",
                "--permission",
                "deploy.prod",
                "--explain",
            ],
            "",
        )
        .code(5);
    assert!(
        run.stdout
            .contains("tickets.close: held, through the role support"),
        "{run:?}"
    );
    assert!(run.stdout.contains("deploy.prod: missing"), "{run:?}");
    let doc = env
        .run(
            &[
                "--json",
                "check",
                "--email",
                BOB,
                "--permission",
                "tickets.x",
            ],
            "",
        )
        .ok()
        .json();
    assert_eq!(doc["allowed"], true);
    assert_eq!(doc["requirements"][0]["granted_by"], "support");
    env.run(
        &["check", "--email", "nobody@example.com", "--role", "x"],
        "",
    )
    .code(7);
    env.as_session("bob", &["check", "--email", ADMIN, "--role", "admin"], "")
        .code(5)
        .stderr_has("users.read");
    env.run(&["check", "--permission", "Bad Name"], "").code(2);
}

#[test]
fn privilege_escalation_attempts_fail() {
    let env = with_bob();
    role(&env, "granter", &["roles.grant"]);
    role(&env, "rolemgr", &["roles.manage"]);
    role(&env, "usermgr", &["users.manage", "users.read"]);
    for r in ["granter", "rolemgr", "usermgr"] {
        grant(&env, BOB, r);
    }
    // Grant yourself admin.
    let run = env
        .as_session(
            "bob",
            &["--json", "grant", "--email", BOB, "--role", "admin"],
            "",
        )
        .code(5);
    assert_eq!(run.error_json()["error"]["code"], "escalation");
    // register --role admin by a users.manage holder.
    env.as_session(
        "bob",
        &[
            "register",
            "--email",
            "mole@example.com",
            "--role",
            "admin",
            "--password-stdin",
        ],
        &format!("{BOB_PW}\n"),
    )
    .code(5);
    // roles allow of * to your own role.
    env.as_session("bob", &["roles", "allow", "rolemgr", "*"], "")
        .code(5);
    env.as_session(
        "bob",
        &["roles", "create", "sneaky", "--permission", "audit.read"],
        "",
    )
    .code(5);
    // Taking over an admin through an email change, or disabling one.
    env.as_session(
        "bob",
        &["users", "update", ADMIN, "--email", "bob2@example.com"],
        "",
    )
    .code(5);
    env.as_session("bob", &["users", "disable", ADMIN], "")
        .code(5);
    // A token asking for more than its owner has.
    env.as_session(
        "bob",
        &[
            "tokens",
            "create",
            "--name",
            "x",
            "--permission",
            "audit.read",
        ],
        "",
    )
    .code(5);
    assert_eq!(env.count("SELECT count(*) FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.name = 'admin'"), 1);
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email = 'mole@example.com'"),
        0
    );
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE pending_email IS NOT NULL"),
        0
    );
    assert_eq!(env.count("SELECT count(*) FROM api_tokens"), 0);
}

#[test]
fn the_last_active_admin_is_protected() {
    let env = with_bob();
    env.run(&["users", "disable", ADMIN], "")
        .code(6)
        .stderr_has("last active administrator");
    env.run(&["users", "delete", ADMIN, "--yes"], "").code(6);
    env.run(&["revoke", "--email", ADMIN, "--role", "admin"], "")
        .code(6);
    grant(&env, BOB, "admin");
    env.run(&["revoke", "--email", ADMIN, "--role", "admin"], "")
        .ok();
    env.as_session("bob", &["users", "disable", BOB], "")
        .code(6);
}

#[test]
fn role_changes_apply_to_existing_sessions_and_tokens() {
    let env = with_bob();
    role(&env, "readers", &["users.read"]);
    grant(&env, BOB, "readers");
    let token = env.token_named("ci", &["users.read"], Some("bob"));
    assert!(token.starts_with("uadm_"));
    env.as_session("bob", &["users", "list"], "").ok();
    env.as_token(&token, &["users", "list"]).ok();
    let run = env
        .run(
            &["--json", "revoke", "--email", BOB, "--role", "readers"],
            "",
        )
        .ok();
    assert_eq!(run.json()["changed"], true);
    env.as_session("bob", &["users", "list"], "").code(5);
    env.as_token(&token, &["users", "list"]).code(5);
    let run = env
        .run(
            &["--json", "revoke", "--email", BOB, "--role", "readers"],
            "",
        )
        .ok();
    assert_eq!(run.json()["changed"], false);
}

#[test]
fn disable_ends_sessions_and_tokens_and_enable_restores_login() {
    let env = with_bob();
    let token = {
        let run = env.as_session(
            "bob",
            &[
                "--json",
                "tokens",
                "create",
                "--name",
                "ci",
                "--permission",
                "reports.read",
                "--expires",
                "never",
            ],
            "",
        );
        // Bob holds nothing, so even that is an escalation; give him the permission first.
        assert_eq!(run.code, 5);
        role(&env, "reporters", &["reports.read"]);
        grant(&env, BOB, "reporters");
        let run = env
            .as_session(
                "bob",
                &[
                    "--json",
                    "tokens",
                    "create",
                    "--name",
                    "ci",
                    "--permission",
                    "reports.read",
                    "--expires",
                    "never",
                ],
                "",
            )
            .ok();
        assert_eq!(run.json()["token"]["expires_at"], serde_json::Value::Null);
        run.json()["secret"].as_str().unwrap().to_string()
    };
    env.as_token(&token, &["check", "--permission", "reports.read"])
        .ok();
    let run = env.run(&["--json", "users", "disable", BOB], "").ok();
    assert_eq!(run.json()["user"]["status"], "disabled");
    env.as_session("bob", &["whoami"], "").code(4);
    env.as_token(&token, &["whoami"]).code(4);
    env.login(BOB, BOB_PW).code(8).stderr_has("disabled");
    env.run(&["users", "enable", BOB], "").ok();
    env.login_as("bob", BOB, BOB_PW);
    env.as_token(&token, &["whoami"])
        .code(4)
        .stderr_has("revoked");
}

#[test]
fn a_token_is_the_only_actor_when_set() {
    let env = with_bob();
    env.as_token("uadm_nonsense", &["whoami"])
        .code(4)
        .stderr_has("not a useradm API token");
    let fake = format!("uadm_{}", "ab".repeat(32));
    env.as_token(&fake, &["whoami"]).code(4);
    let token = env.token(&["users.read"]);
    let stored: String = env.text("SELECT token_sha256 FROM api_tokens", &[]);
    assert_ne!(stored, token);
    assert_eq!(
        env.count(&format!(
            "SELECT count(*) FROM api_tokens WHERE token_sha256 LIKE '%{}%'",
            &token[5..20]
        )),
        0
    );
    env.as_token(
        &token,
        &[
            "tokens",
            "create",
            "--name",
            "y",
            "--permission",
            "users.read",
        ],
    )
    .code(5)
    .stderr_has("login session");
    let id = env.run(&["--json", "tokens", "list"], "").ok().json()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    env.run(&["tokens", "revoke", &id], "").ok();
    env.as_token(&token, &["whoami"])
        .code(4)
        .stderr_has("revoked");
    let run = env.run(&["--json", "tokens", "revoke", &id], "").ok();
    assert_eq!(run.json()["changed"], false);
    env.run(&["tokens", "revoke", "0000000000000000"], "")
        .code(7);
    env.run(
        &[
            "tokens",
            "create",
            "--name",
            "x",
            "--permission",
            "users.read",
            "--expires",
            "soon",
        ],
        "",
    )
    .code(2);
}

#[test]
fn an_expired_token_is_refused() {
    let env = Env::admin();
    let run = env
        .run(
            &[
                "--json",
                "tokens",
                "create",
                "--name",
                "short",
                "--permission",
                "users.read",
                "--expires",
                "1s",
            ],
            "",
        )
        .ok();
    let token = run.json()["secret"].as_str().unwrap().to_string();
    std::thread::sleep(std::time::Duration::from_millis(2100));
    env.as_token(&token, &["users", "list"])
        .code(4)
        .stderr_has("expired");
}

#[test]
fn pending_email_change_needs_the_new_address_code() {
    let env = with_bob();
    let run = env
        .run(
            &[
                "--json",
                "users",
                "update",
                BOB,
                "--email",
                "robert@example.org",
                "--first-name",
                "Robert",
            ],
            "",
        )
        .ok();
    assert_eq!(
        run.json()["user"]["email"],
        BOB,
        "the old address stays until confirmed"
    );
    let messages = env.outbox_messages();
    let notice = messages
        .iter()
        .find(|(p, _)| p.to_string_lossy().contains("-security-"))
        .expect("the old address is told");
    assert!(
        notice.1.contains("To: bob@example.com") && notice.1.contains("robert@example.org"),
        "{}",
        notice.1
    );
    env.login_as("bob", BOB, BOB_PW);
    env.run(&["users", "show", BOB], "")
        .ok()
        .stdout_has("pending email: robert@example.org");
    env.run(
        &["verify", "--email", "robert@example.org", "--code-stdin"],
        "BCDF-GHJK\n",
    )
    .code(3);
    let code = env.last_code("email_change");
    env.run(
        &["verify", "--email", "robert@example.org", "--code-stdin"],
        &format!("{code}\n"),
    )
    .ok();
    env.login_as("bob", "robert@example.org", BOB_PW);
    env.login(BOB, BOB_PW).code(3);
    let doc = env
        .run(&["--json", "users", "show", "robert@example.org"], "")
        .ok()
        .json();
    assert_eq!(doc["first_name"], "Robert");
    assert_eq!(doc["pending_email"], serde_json::Value::Null);
    // An address in use by someone else cannot be taken.
    env.run(
        &["users", "update", "robert@example.org", "--email", ADMIN],
        "",
    )
    .code(6);
}

#[test]
fn users_list_filters_and_json_shapes() {
    let env = with_bob();
    role(&env, "support", &["tickets.*"]);
    grant(&env, BOB, "support");
    let all = env.run(&["--json", "users", "list"], "").ok().json();
    assert_eq!(all.as_array().unwrap().len(), 2);
    for u in all.as_array().unwrap() {
        for key in [
            "id",
            "email",
            "first_name",
            "last_name",
            "attributes",
            "email_verified",
            "status",
            "roles",
            "created_at",
            "last_login_at",
        ] {
            assert!(u.get(key).is_some(), "{key} missing in {u}");
        }
    }
    let support = env
        .run(&["--json", "users", "list", "--role", "support"], "")
        .ok()
        .json();
    assert_eq!(support.as_array().unwrap().len(), 1);
    assert_eq!(support[0]["email"], BOB);
    let search = env
        .run(&["--json", "users", "list", "--search", "ADMIN"], "")
        .ok()
        .json();
    assert_eq!(search[0]["email"], ADMIN);
    for _ in 0..5 {
        env.login(BOB, "definitely-not-it-42").code(3);
    }
    let locked = env
        .run(&["--json", "users", "list", "--status", "locked"], "")
        .ok()
        .json();
    assert_eq!(locked.as_array().unwrap().len(), 1);
    env.run(&["users", "unlock", BOB], "").ok();
    env.login_as("bob", BOB, BOB_PW);
    let role_doc = env
        .run(&["--json", "roles", "show", "support"], "")
        .ok()
        .json();
    assert_eq!(role_doc["permissions"], serde_json::json!(["tickets.*"]));
    assert_eq!(role_doc["users"], 1);
    env.run(&["users", "show", "nobody@example.com"], "")
        .code(7);
    env.run(&["users", "list", "--status", "sleeping"], "")
        .code(2);
}

#[test]
fn roles_lifecycle_and_the_builtin_admin() {
    let env = with_bob();
    role(&env, "ops", &["deploy.*"]);
    let run = env
        .run(&["--json", "roles", "create", "ops", "--exists-ok"], "")
        .ok();
    assert_eq!(run.json()["changed"], false);
    env.run(&["roles", "create", "ops"], "").code(6);
    env.run(&["roles", "create", "Bad Role"], "").code(2);
    env.run(&["roles", "allow", "ops", "Not.Valid"], "").code(2);
    let run = env
        .run(
            &[
                "--json",
                "roles",
                "allow",
                "ops",
                "deploy.*",
                "metrics.read",
            ],
            "",
        )
        .ok();
    assert_eq!(
        run.json()["permissions"],
        serde_json::json!(["deploy.*", "metrics.read"])
    );
    env.run(&["roles", "deny", "ops", "metrics.read"], "").ok();
    grant(&env, BOB, "ops");
    env.run(&["roles", "delete", "admin", "--yes"], "")
        .code(6)
        .stderr_has("built-in");
    env.run(&["roles", "deny", "admin", "*"], "").code(6);
    env.run(&["roles", "delete", "ops", "--yes"], "").ok();
    env.run(&["roles", "show", "ops"], "").code(7);
    let bob = env.run(&["--json", "users", "show", BOB], "").ok().json();
    assert_eq!(bob["roles"], serde_json::json!([]));
    env.run(&["grant", "--email", BOB, "--role", "nosuch"], "")
        .code(7);
    env.run(
        &["grant", "--email", "nobody@example.com", "--role", "admin"],
        "",
    )
    .code(7);
}

#[test]
fn sessions_are_listed_and_revoked() {
    let env = with_bob();
    let mine = env
        .as_session("bob", &["--json", "sessions", "list"], "")
        .ok()
        .json();
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["current"], true);
    let all = env
        .run(&["--json", "sessions", "list", "--all"], "")
        .ok()
        .json();
    assert_eq!(all.as_array().unwrap().len(), 2);
    let admin_session = all
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["email"] == ADMIN)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let bob_session = mine[0]["id"].as_str().unwrap().to_string();
    // Without sessions.manage, another user's session looks like a missing one.
    env.as_session("bob", &["sessions", "revoke", &admin_session], "")
        .code(7);
    assert_eq!(env.count("SELECT count(*) FROM sessions"), 2);
    env.run(&["sessions", "revoke", "ffffffffffffffff"], "")
        .code(7);
    env.run(&["sessions", "revoke", &bob_session], "").ok();
    env.as_session("bob", &["whoami"], "").code(4);
}

#[test]
fn delete_asks_or_needs_yes_and_keeps_history() {
    let env = with_bob();
    env.run(&["users", "delete", BOB], "")
        .code(2)
        .stderr_has("--yes");
    env.run(&["users", "delete", BOB, "--yes"], "").ok();
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email = 'bob@example.com'"),
        0
    );
    assert_eq!(env.count("SELECT count(*) FROM sessions"), 1);
    let history = env
        .run(&["--json", "audit", "--email", BOB], "")
        .ok()
        .json();
    let events: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert!(
        events.contains(&"user.registered") && events.contains(&"user.deleted"),
        "{events:?}"
    );
    env.run(&["users", "delete", BOB, "--yes"], "").code(7);
}

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
        &["verify", "--email", "evil@example.com", "--code-stdin"],
        &format!("{code}\n"),
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
    let session: String = env.text("SELECT id FROM sessions", &[]);
    env.as_token(&narrow, &["sessions", "revoke", &session])
        .code(5);
    let other = env.token(&["users.read"]);
    let other_id: String = env.text(
        "SELECT id FROM api_tokens WHERE permissions LIKE '%users.read%'",
        &[],
    );
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
    env.as_session("mgr", &["roles", "delete", "reader", "--yes"], "")
        .code(5);
    env.as_session("mgr", &["revoke", "--email", BOB, "--role", "reader"], "")
        .ok();
}

#[test]
fn others_session_ids_look_missing_without_sessions_manage() {
    let env = with_manager();
    env.login_as("bob", BOB, ALICE_PW);
    let admin_session: String = env.text(
        "SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?1",
        &[ADMIN.into()],
    );
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

/// A role with no permissions is still a capability (`check --role vip` says yes): giving it needs
/// holding it, or `roles.manage`, through `grant`, `register --role` and `import` alike.
#[test]
fn empty_roles_cannot_be_given_by_someone_who_does_not_hold_them() {
    let env = with_bob();
    role(&env, "vip", &[]);
    role(
        &env,
        "giver",
        &["roles.grant", "users.manage", "users.read"],
    );
    grant(&env, BOB, "giver");
    let run = env
        .as_session(
            "bob",
            &["--json", "grant", "--email", BOB, "--role", "vip"],
            "",
        )
        .code(5);
    assert_eq!(run.error_json()["error"]["code"], "escalation");
    env.as_session(
        "bob",
        &[
            "register",
            "--email",
            "mole@example.com",
            "--role",
            "vip",
            "--password-stdin",
        ],
        &format!("{BOB_PW}\n"),
    )
    .code(5);
    let file = env.path().join("vip.csv");
    std::fs::write(&file, "email,roles\nmole@example.com,vip\n").unwrap();
    env.as_session("bob", &["import", file.to_str().unwrap(), "--no-email"], "")
        .code(5);
    env.as_session("bob", &["check", "--role", "vip"], "")
        .code(5);
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email = 'mole@example.com'"),
        0
    );
    // Who holds the role may pass it on; so may a holder of roles.manage.
    grant(&env, BOB, "vip");
    env.as_session("bob", &["check", "--role", "vip"], "").ok();
    let whoami = env.as_session("bob", &["--json", "whoami"], "").ok().json();
    assert_eq!(whoami["user"]["roles"], serde_json::json!(["giver", "vip"]));
    env.as_session("bob", &["grant", "--email", ADMIN, "--role", "vip"], "")
        .ok();
    env.run(&["grant", "--email", ADMIN, "--role", "giver"], "")
        .ok();
    env.run(&["grant", "--email", ADMIN, "--role", "vip"], "")
        .ok();
}
