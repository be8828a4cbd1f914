//! Completions that know the store (`COMPLETE=<shell> useradm`), driven as fish drives them: the
//! words typed so far after `--`, the candidates one per line. They pass the gate and write
//! nothing.

use crate::util::*;

/// The candidates for the last word of `line`, completed as `session`'s (the default one when
/// `None`).
fn candidates(env: &Env, session: Option<&str>, line: &[&str]) -> Vec<String> {
    let mut cmd = env.command(&[]);
    cmd.env("COMPLETE", "fish")
        .arg("--")
        .arg("useradm")
        .args(line);
    if let Some(name) = session {
        cmd.env(
            "USERADM_SESSION_FILE",
            env.path().join(format!("session-{name}.json")),
        );
    }
    let run = Env::run_cmd(cmd, b"");
    assert_eq!(run.code, 0, "{run:?}");
    // Flags are clap's to offer on an empty word; the store's candidates are the rest.
    run.stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .filter(|c| !c.starts_with('-'))
        .collect()
}

#[test]
fn completions_offer_what_the_actor_may_see_and_write_nothing() {
    let env = Env::admin();
    for email in ["alice@example.com", "alan@example.com", "bob@example.com"] {
        env.register_verified(email, ALICE_PW);
    }
    env.run(
        &["roles", "create", "support", "--permission", "tickets.read"],
        "",
    )
    .ok();
    env.login_as("bob", "bob@example.com", ALICE_PW);
    let before = env.dump();

    assert_eq!(
        candidates(&env, None, &["grant", "--email", "al"]),
        ["alan@example.com", "alice@example.com"]
    );
    assert_eq!(
        candidates(&env, None, &["users", "show", "AL"]),
        ["alan@example.com", "alice@example.com"],
        "the canonical form is searched"
    );
    let roles = candidates(
        &env,
        None,
        &["grant", "--email", "bob@example.com", "--role", ""],
    );
    assert!(
        roles.contains(&"support".to_string()) && roles.contains(&"admin".to_string()),
        "{roles:?}"
    );
    assert_eq!(
        candidates(&env, None, &["config", "get", "session.i"]),
        ["session.idle"]
    );
    // Only one's own sessions.
    let own = candidates(&env, Some("bob"), &["sessions", "revoke", ""]);
    let bobs = env.text(
        "SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'bob@example.com'",
        &[],
    );
    assert_eq!(own, [bobs]);
    // Without users.read, no address; without roles to give, no role; logged out, nothing.
    assert!(candidates(&env, Some("bob"), &["grant", "--email", "a"]).is_empty());
    assert!(candidates(&env, Some("bob"), &["grant", "--email", "x", "--role", ""]).is_empty());
    assert!(candidates(&env, Some("nobody"), &["users", "show", "a"]).is_empty());

    // A TAB wrote nothing: no session touched, no event.
    assert_eq!(env.dump(), before);

    // An actor who owes an action lists nothing, as `users list` refuses them.
    env.config_set("mfa.required_roles", "*");
    assert!(candidates(&env, None, &["users", "show", "al"]).is_empty());
}

#[test]
fn the_registration_script_is_printed_for_each_shell() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish"] {
        let mut cmd = env.command(&[]);
        cmd.env("COMPLETE", shell);
        let run = Env::run_cmd(cmd, b"");
        assert_eq!(run.code, 0, "{shell}: {run:?}");
        assert!(run.stdout.contains("COMPLETE="), "{shell}: {}", run.stdout);
    }
}
