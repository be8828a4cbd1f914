//! No secret leaks: every command, with `RUST_LOG=trace` and `--json`, and nothing secret may
//! appear in stdout, stderr or the audit log, except the one-time displays the spec allows.

use crate::util::*;

#[test]
// One scenario, read top to bottom: splitting it would hide the order it depends on.
#[allow(clippy::too_many_lines)]
fn no_secret_appears_in_any_output_or_the_audit_log() {
    let mut env = Env::new();
    env.set_var("RUST_LOG", "trace");
    let mut outputs: Vec<(String, Run)> = Vec::new();
    let mut record = |what: &str, run: Run| {
        assert!(!run.stderr.contains("panicked"), "{what}: {run:?}");
        outputs.push((what.to_string(), run));
    };
    let j = |args: &[&str]| -> Vec<String> {
        std::iter::once("--json")
            .chain(args.iter().copied())
            .map(String::from)
            .collect()
    };
    let run = |env: &Env, args: &[&str], stdin: &str| {
        let args = j(args);
        env.run(&args.iter().map(String::as_str).collect::<Vec<_>>(), stdin)
    };
    record(
        "init",
        run(
            &env,
            &["init", "--admin", ADMIN, "--password-stdin"],
            &format!("{ADMIN_PW}\n"),
        ),
    );
    record(
        "login",
        run(
            &env,
            &["login", "--email", ADMIN, "--password-stdin"],
            &format!("{ADMIN_PW}\n"),
        ),
    );
    record(
        "login wrong",
        run(
            &env,
            &["login", "--email", ADMIN, "--password-stdin"],
            "a-wrong-password-123\n",
        ),
    );
    record(
        "login again",
        run(
            &env,
            &["login", "--email", ADMIN, "--password-stdin"],
            &format!("{ADMIN_PW}\n"),
        ),
    );
    record(
        "register",
        run(
            &env,
            &[
                "register",
                "--email",
                ALICE,
                "--attr",
                "k=v",
                "--password-stdin",
            ],
            &format!("{ALICE_PW}\n"),
        ),
    );
    let verify_code = env.last_code("verify");
    record(
        "verify wrong",
        run(
            &env,
            &["verify", "--email", ALICE, "--code-stdin"],
            "BCDF-GHJK\n",
        ),
    );
    record(
        "verify",
        run(
            &env,
            &["verify", "--email", ALICE, "--code-stdin"],
            &format!("{verify_code}\n"),
        ),
    );
    record(
        "authenticate",
        run(
            &env,
            &["authenticate", "--email", ALICE, "--password-stdin"],
            &format!("{ALICE_PW}\n"),
        ),
    );
    record("whoami", run(&env, &["whoami"], ""));
    record("reset request", run(&env, &["reset", "--email", ALICE], ""));
    let reset_code = env.last_code("reset");
    record(
        "reset",
        run(
            &env,
            &["reset", "--email", ALICE, "--code-stdin"],
            &format!("{reset_code}\n{NEW_PW}\n"),
        ),
    );
    record(
        "passwd",
        run(
            &env,
            &["passwd", "--password-stdin"],
            &format!("{ADMIN_PW}\n{ALICE_PW}-admin\n"),
        ),
    );
    record(
        "config set secret",
        run(
            &env,
            &["config", "set", "mail.smtp_password", "--value-stdin"],
            "smtp-Secret-42\n",
        ),
    );
    record("config list", run(&env, &["config", "list"], ""));
    record(
        "config get",
        run(&env, &["config", "get", "mail.smtp_password"], ""),
    );
    record(
        "roles",
        run(
            &env,
            &["roles", "create", "ops", "--permission", "deploy.*"],
            "",
        ),
    );
    record(
        "grant",
        run(&env, &["grant", "--email", ALICE, "--role", "ops"], ""),
    );
    record(
        "check",
        run(
            &env,
            &["check", "--permission", "deploy.x", "--explain"],
            "",
        ),
    );
    record("users list", run(&env, &["users", "list"], ""));
    record("users show", run(&env, &["users", "show", ALICE], ""));
    record(
        "users update",
        run(
            &env,
            &["users", "update", ALICE, "--email", "alice2@example.com"],
            "",
        ),
    );
    let change_code = env.last_code("email_change");
    record("sessions", run(&env, &["sessions", "list", "--all"], ""));
    let created = run(
        &env,
        &[
            "tokens",
            "create",
            "--name",
            "ci",
            "--permission",
            "users.read",
        ],
        "",
    );
    let api_token = created.json()["secret"].as_str().unwrap().to_string();
    record("tokens list", run(&env, &["tokens", "list"], ""));
    record(
        "as token",
        env.run_env(
            &[("USERADM_TOKEN", &api_token), ("RUST_LOG", "trace")],
            &["--json", "users", "list"],
            "",
        ),
    );
    record("audit", run(&env, &["audit", "--limit", "1000"], ""));
    record("export", run(&env, &["export", "--format", "jsonl"], ""));
    record("logout", run(&env, &["logout", "--all"], ""));
    let session_tokens: Vec<String> = std::fs::read_dir(&env.sessions)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    let mut secrets = vec![
        ADMIN_PW.to_string(),
        ALICE_PW.to_string(),
        NEW_PW.to_string(),
        "smtp-Secret-42".to_string(),
        api_token.clone(),
        api_token[5..].to_string(),
    ];
    for code in [&verify_code, &reset_code, &change_code] {
        secrets.push(code.clone());
        secrets.push(code.replace('-', ""));
    }
    for text in &session_tokens {
        let doc: serde_json::Value = serde_json::from_str(text).unwrap();
        secrets.push(doc["token"].as_str().unwrap().to_string());
    }
    let audit: String = env
        .rows("SELECT coalesce(actor,'') || ' ' || event || ' ' || coalesce(target,'') || ' ' || detail FROM audit_events", &[])
        .iter()
        .map(|r| r[0].text())
        .collect::<Vec<_>>()
        .join("\n");
    for secret in &secrets {
        for (what, run) in &outputs {
            assert!(
                !run.stdout.contains(secret.as_str()) && !run.stderr.contains(secret.as_str()),
                "{what} leaked a secret: {run:?}"
            );
        }
        assert!(
            !audit.contains(secret.as_str()),
            "the audit log holds a secret"
        );
    }
    // The one place a token is shown: its creation.
    assert!(created.stdout.contains(&api_token));
    assert_eq!(outputs.len(), 27);
}
