//! API tokens' owners are told once when a token ends within 7 days.

use crate::util::*;

fn notices(env: &Env) -> Vec<String> {
    env.outbox_messages()
        .into_iter()
        .filter(|(path, _)| {
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .contains("-notice-")
        })
        .map(|(_, text)| text)
        .collect()
}

fn token_id(env: &Env, name: &str) -> String {
    env.rows(
        "SELECT id FROM api_tokens WHERE name = ?1",
        &[Arg::Text(name)],
    )[0][0]
        .text()
}

#[test]
fn the_owner_is_told_once_when_a_token_ends_within_a_week() {
    let env = Env::admin();
    let soon = env.token(&["users.read"]);
    let soon_id = token_id(&env, "test");
    let day = 86_400_i64;
    env.exec(
        "UPDATE api_tokens SET expires_at = created_at + ?1",
        &[(3 * day).into()],
    );
    // Its first use in the last week tells the owner (a deliverer the command starts and does
    // not wait for); later uses do not.
    env.as_token(&soon, &["users", "list"]).ok();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while notices(&env).is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    env.as_token(&soon, &["users", "list"]).ok();
    let sent = notices(&env);
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert!(sent[0].contains(&soon_id), "{}", sent[0]);
    assert!(sent[0].contains(ADMIN), "{}", sent[0]);
    assert!(!sent[0].contains(&soon), "the mail never holds the token");

    // `tokens remind` (a timer) tells the owners of the others, once.
    env.run(
        &[
            "tokens",
            "create",
            "--name",
            "nightly",
            "--permission",
            "users.read",
        ],
        "",
    )
    .ok();
    env.run(
        &[
            "tokens",
            "create",
            "--name",
            "later",
            "--permission",
            "users.read",
        ],
        "",
    )
    .ok();
    env.exec(
        "UPDATE api_tokens SET expires_at = created_at + ?1 WHERE name = 'nightly'",
        &[(6 * day).into()],
    );
    let run = env.run(&["--json", "tokens", "remind"], "").ok().json();
    let reminded = run["reminded"].as_array().unwrap();
    assert_eq!(reminded.len(), 1, "{run:#}");
    assert_eq!(reminded[0]["token"]["name"], "nightly");
    assert_eq!(reminded[0]["sent"], true);
    let again = env.run(&["--json", "tokens", "remind"], "").ok().json();
    assert_eq!(again["reminded"], serde_json::json!([]));
    assert_eq!(notices(&env).len(), 2);
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'token.expiry_notified'"),
        2
    );
    // A reminder that cannot be sent is exit 9 for the timer, and waits an hour to be tried again.
    env.run(
        &[
            "tokens",
            "create",
            "--name",
            "unlucky",
            "--permission",
            "users.read",
        ],
        "",
    )
    .ok();
    env.exec(
        "UPDATE api_tokens SET expires_at = created_at + ?1 WHERE name = 'unlucky'",
        &[(2 * day).into()],
    );
    let nowhere = [("USERADM_SMTP_URL", "smtp://127.0.0.1:9")];
    env.run_env(&nowhere, &["tokens", "remind"], "")
        .code(9)
        .stderr_has("could not be sent");
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'token.expiry_notice_failed'"),
        1
    );
    let later = env
        .run_env(&nowhere, &["--json", "tokens", "remind"], "")
        .ok()
        .json();
    assert_eq!(later["reminded"], serde_json::json!([]));
    // Telling owners of others' tokens needs sessions.manage.
    env.register_verified(ALICE, ALICE_PW);
    env.login_as("alice", ALICE, ALICE_PW);
    env.as_session("alice", &["tokens", "remind"], "").code(5);
}
