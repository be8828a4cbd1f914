//! The audit log proves its own integrity (README, "The audit log").

use useradm::store::AuditRow;

use crate::util::*;

fn env_with_history() -> Env {
    let env = Env::admin();
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    env.login(ADMIN, "definitely-not-it-42").code(3);
    env.login(ADMIN, ADMIN_PW).ok();
    env
}

fn rows(env: &Env) -> Vec<AuditRow> {
    env.rows(
        "SELECT id, at, actor_id, actor, event, target, detail, prev_hash, hash FROM audit_events ORDER BY id",
        &[],
    )
    .into_iter()
    .map(|r| AuditRow {
        id: r[0].int(),
        at: r[1].int(),
        actor_id: r[2].opt_int(),
        actor: r[3].opt_text(),
        event: r[4].text(),
        target: r[5].opt_text(),
        detail: r[6].text(),
        prev_hash: r[7].text(),
        hash: r[8].text(),
    })
    .collect()
}

#[test]
fn an_intact_chain_verifies_and_head_is_its_last_link() {
    let env = env_with_history();
    let head = env.run(&["--json", "audit", "head"], "").ok().json();
    let last = rows(&env).pop().unwrap();
    assert_eq!(head["hash"], last.hash.as_str());
    let run = env
        .run(
            &["--json", "audit", "verify", "--expect-head", &last.hash],
            "",
        )
        .ok();
    assert_eq!(run.json()["ok"], true);
}

#[test]
fn an_edited_row_is_named() {
    let env = env_with_history();
    env.exec(
        "UPDATE audit_events SET detail = '{\"reason\":\"nothing\"}' WHERE id = 3",
        &[],
    );
    let run = env.run(&["--json", "audit", "verify"], "").code(12);
    assert!(
        run.error_json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("row 3"),
        "{run:?}"
    );
}

#[test]
fn a_deleted_row_is_named() {
    let env = env_with_history();
    env.exec("DELETE FROM audit_events WHERE id = 2", &[]);
    env.run(&["audit", "verify"], "")
        .code(12)
        .stderr_has("row 2 is missing");
}

#[test]
fn an_inserted_row_is_detected() {
    let env = env_with_history();
    let last = rows(&env).pop().unwrap();
    env.exec(
        "INSERT INTO audit_events (id, at, event, detail, prev_hash, hash) VALUES (?1, 0, 'login.ok', '{}', ?2, 'forged')",
        &[(last.id + 1).into(), (&last.hash).into()],
    );
    env.run(&["audit", "verify"], "")
        .code(12)
        .stderr_has("changed");
}

#[test]
fn a_rebuilt_chain_is_caught_by_the_anchor() {
    let env = env_with_history();
    let anchor = env
        .run(&["audit", "head"], "")
        .ok()
        .stdout
        .trim()
        .to_string();
    env.run(&["logout"], "").ok();
    // Someone with write access rewrites row 2 and recomputes every hash after it.
    let mut all = rows(&env);
    all[1].detail = "{\"roles\":[],\"verified\":false}".into();
    let mut prev = all[0].hash.clone();
    for row in all.iter_mut().skip(1) {
        row.prev_hash = prev.clone();
        row.hash = row.expected_hash();
        env.exec(
            "UPDATE audit_events SET detail = ?2, prev_hash = ?3, hash = ?4 WHERE id = ?1",
            &[
                row.id.into(),
                (&row.detail).into(),
                (&row.prev_hash).into(),
                (&row.hash).into(),
            ],
        );
        prev = row.hash.clone();
    }
    env.login(ADMIN, ADMIN_PW).ok();
    env.run(&["audit", "verify"], "").ok();
    env.run(&["audit", "verify", "--expect-head", &anchor], "")
        .code(12)
        .stderr_has("anchored head");
}

#[test]
fn audit_lists_with_filters() {
    let env = env_with_history();
    let all = env.run(&["--json", "audit"], "").ok().json();
    assert!(all.as_array().unwrap().len() >= 5);
    let two = env
        .run(&["--json", "audit", "--limit", "2"], "")
        .ok()
        .json();
    assert_eq!(two.as_array().unwrap().len(), 2);
    assert_eq!(two[1]["id"], all.as_array().unwrap().last().unwrap()["id"]);
    let alice = env
        .run(&["--json", "audit", "--email", ALICE], "")
        .ok()
        .json();
    assert!(
        alice
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["actor"] == ALICE || e["target"] == ALICE)
    );
    let future = env
        .run(&["--json", "audit", "--since", "2999-01-01T00:00:00Z"], "")
        .ok()
        .json();
    assert_eq!(future.as_array().unwrap().len(), 0);
    env.run(&["audit", "--since", "yesterday-ish"], "").code(2);
    let recent = env
        .run(&["--json", "audit", "--since", "1h"], "")
        .ok()
        .json();
    assert_eq!(
        recent.as_array().unwrap().len(),
        all.as_array().unwrap().len()
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
    // The token's notice is sent (and audited) first: its deliverer holds the write lock a
    // moment, and a use then would record nothing.
    env.wait_for_mail();
    // Its first use is recorded (`token.used`) before the log is emptied, not after.
    env.as_token(&token, &["audit", "head"]).ok();
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'token.used'"),
        1
    );
    env.exec("DELETE FROM audit_events", &[]);
    env.as_token(&token, &["audit", "verify"])
        .code(12)
        .stderr_has("empty");
}

/// A refused permission check of a protected command is a security event (`permission.denied`,
/// with the actor and the reason), recorded at most once a minute per actor so that a loop cannot
/// flood the log; `check`, whose exit 5 is its normal answer, writes nothing. `export` is
/// recorded with how many accounts left.
#[test]
fn denials_and_exports_are_audited() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.login_as("alice", ALICE, ALICE_PW);
    for _ in 0..3 {
        env.as_session("alice", &["users", "list"], "").code(5);
    }
    let denied = env
        .run(&["--json", "audit", "--email", ALICE], "")
        .ok()
        .json();
    let denials: Vec<&serde_json::Value> = denied
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "permission.denied")
        .collect();
    assert_eq!(denials.len(), 1, "{denied:#}");
    assert_eq!(denials[0]["actor"], ALICE);
    assert!(
        denials[0]["detail"]["reason"]
            .as_str()
            .unwrap()
            .contains("users.read")
    );
    let before = env.count("SELECT count(*) FROM audit_events");
    env.as_session("alice", &["check", "--permission", "users.read"], "")
        .code(5);
    assert_eq!(env.count("SELECT count(*) FROM audit_events"), before);
    env.run(&["export"], "").ok();
    let exported = env.count(
        "SELECT count(*) FROM audit_events WHERE event = 'export' AND actor = 'admin@example.com'
            AND detail LIKE '%\"accounts\":2%'",
    );
    assert_eq!(exported, 1);
}

/// Every event says where it happened (host, OS user, process) and by which credential, inside
/// the detail the chain hashes: an API token's action does not read as its owner's own.
#[test]
fn events_record_where_and_through_which_credential() {
    let env = Env::admin();
    let token = env.token(&["users.manage", "users.read"]);
    env.run_env(
        &[("USERADM_TOKEN", &token)],
        &[
            "register",
            "--email",
            ALICE,
            "--verified",
            "--password-stdin",
        ],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    env.run(&["users", "disable", ALICE], "").ok();
    let events = env
        .run(&["--json", "audit", "--email", ALICE], "")
        .ok()
        .json();
    let find = |name: &str| {
        events
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["event"] == name)
            .unwrap_or_else(|| panic!("no {name} in {events:#}"))
            .clone()
    };
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
    let user = useradm_os_user();
    for event in [find("user.registered"), find("user.disabled")] {
        let place = &event["detail"]["where"];
        assert_eq!(place["host"], host.trim(), "{event:#}");
        assert_eq!(place["os_user"], user.as_str(), "{event:#}");
        assert!(place["pid"].as_u64().is_some_and(|p| p > 1), "{event:#}");
    }
    let by_token = &find("user.registered")["detail"]["credential"];
    assert_eq!(by_token["token"]["name"], "test", "{by_token:#}");
    assert!(by_token["token"]["id"].is_string());
    assert!(
        find("user.disabled")["detail"]["credential"]["session"].is_string(),
        "{events:#}"
    );
    env.run(&["audit", "verify"], "").ok();
}

/// The name of the OS user running the tests, as `id -un` gives it.
fn useradm_os_user() -> String {
    let out = std::process::Command::new("id")
        .arg("-un")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn events_named(env: &Env, name: &str) -> Vec<(Option<String>, serde_json::Value)> {
    env.rows(
        "SELECT target, detail FROM audit_events WHERE event = ?1 ORDER BY id",
        &[Arg::Text(name)],
    )
    .into_iter()
    .map(|r| (r[0].opt_text(), serde_json::from_str(&r[1].text()).unwrap()))
    .collect()
}

/// Refused credentials are security events (at most one a minute per account claimed); a
/// token's use is recorded at most once an hour.
#[test]
fn refused_credentials_and_token_uses_are_audited() {
    let env = Env::admin();
    // A session file whose token was changed: a live session id with another token.
    let file = env.session_file();
    let good = env.tamper_session_token();
    env.run(&["whoami"], "").code(4);
    env.run(&["check", "--permission", "users.read"], "")
        .code(4);
    std::fs::write(&file, &good).unwrap();
    let rejected = events_named(&env, "session.rejected");
    assert_eq!(rejected.len(), 1, "one a minute: {rejected:?}");
    assert_eq!(rejected[0].0.as_deref(), Some(ADMIN));
    assert_eq!(rejected[0].1["reason"], "session_token_mismatch");

    let unknown = format!("uadm_{}", "ab".repeat(32));
    env.as_token(&unknown, &["whoami"]).code(4);
    let secret = env.token(&["users.read"]);
    // The token's creation notice goes out in the background, holding the write lock a moment:
    // a use then would record nothing (see the next test).
    env.wait_for_mail();
    env.as_token(&secret, &["users", "list"]).ok();
    env.as_token(&secret, &["users", "list"]).ok();
    let id = env.run(&["--json", "tokens", "list"], "").ok().json()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    env.run(&["tokens", "revoke", &id], "").ok();
    env.as_token(&secret, &["whoami"]).code(4);
    let reasons: Vec<(Option<String>, String)> = events_named(&env, "token.rejected")
        .into_iter()
        .map(|(target, detail)| (target, detail["reason"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        reasons,
        [
            (None, "token_unknown".to_string()),
            (Some(ADMIN.to_string()), "token_revoked".to_string()),
        ],
        "{reasons:?}"
    );
    let used = events_named(&env, "token.used");
    assert_eq!(used.len(), 1, "once an hour: {used:?}");
    assert_eq!(used[0].0.as_deref(), Some(id.as_str()));
    assert_eq!(used[0].1["credential"]["token"]["id"], id.as_str());
    env.run(&["audit", "verify"], "").ok();
}

/// A token used while another process holds the write lock answers at once and records nothing
/// of its use; its next use records all of it (when it was used, the hourly event), so a busy
/// moment costs no hour its `token.used`.
#[test]
fn a_token_used_while_the_store_is_busy_is_recorded_at_its_next_use() {
    let env = Env::admin();
    let secret = env.token(&["users.read"]);
    env.wait_for_mail();
    let used = "SELECT count(*) FROM audit_events WHERE event = 'token.used'";
    let touched = "SELECT count(*) FROM api_tokens WHERE last_used_at IS NOT NULL";
    env.exec("UPDATE users SET last_authenticated_at = NULL", &[]);
    let held = env.db.hold_write_lock().unwrap();
    env.as_token(&secret, &["users", "list"]).ok();
    drop(held);
    assert_eq!((env.count(used), env.count(touched)), (0, 0));
    // The owner's authentication is still recorded where the engine lets a row no one holds be
    // written beside the lock (PostgreSQL); SQLite has one writer.
    let authenticated = "SELECT count(*) FROM users WHERE last_authenticated_at IS NOT NULL";
    assert_eq!(env.count(authenticated), i64::from(env.on_server()));
    env.as_token(&secret, &["users", "list"]).ok();
    assert_eq!((env.count(used), env.count(touched)), (1, 1));
    assert_eq!(env.count(authenticated), 1);
    // Two minutes on, a use is recorded again, but not its event: at most once an hour.
    env.exec(
        "UPDATE api_tokens SET last_used_at = last_used_at - 120",
        &[],
    );
    let aged = env.int("SELECT last_used_at FROM api_tokens", &[]);
    env.as_token(&secret, &["users", "list"]).ok();
    assert!(env.int("SELECT last_used_at FROM api_tokens", &[]) >= aged + 120);
    assert_eq!(env.count(used), 1, "at most once an hour");
}

/// Recording a refused credential never waits for another writer: with the write lock held,
/// the refused command still answers at once, and the event is skipped.
#[test]
fn a_refused_credential_never_waits_for_the_write_lock() {
    let env = Env::admin();
    let before = env.count("SELECT count(*) FROM audit_events");
    let held = env.db.hold_write_lock().unwrap();
    let unknown = format!("uadm_{}", "cd".repeat(32));
    let mut child = env
        .command(&["whoami"])
        .env("USERADM_TOKEN", &unknown)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Waiting would last the lock timeout (30 s); the answer comes while the lock is held.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if std::time::Instant::now() > deadline {
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    drop(held);
    let status = status.unwrap_or_else(|| {
        let _ = child.kill();
        panic!("the refused command waited for the write lock")
    });
    assert_eq!(status.code(), Some(4));
    assert_eq!(env.count("SELECT count(*) FROM audit_events"), before);
}

/// Each committed event also goes to the system logger, one RFC 3164 line (facility authpriv)
/// with the row's id and hash; a bulk write is one line with its count; a missing logger never
/// fails a command.
#[test]
fn committed_events_go_to_the_system_logger_too() {
    use std::os::unix::net::UnixDatagram;
    let env = Env::admin();
    let socket = env.path().join("log.sock");
    let logger = UnixDatagram::bind(&socket).unwrap();
    logger
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let receive = || {
        let mut buf = vec![0u8; 8192];
        let n = logger.recv(&mut buf).expect("a line for the system logger");
        String::from_utf8(buf[..n].to_vec()).unwrap()
    };
    env.config_set("audit.syslog", socket.to_str().unwrap());
    // The setting, with no override from the environment.
    let by_setting = [("USERADM_SYSLOG", "")];
    env.run_env(&by_setting, &["roles", "create", "ops"], "")
        .ok();
    let line = receive();
    let head = env
        .run(&["audit", "head"], "")
        .ok()
        .stdout
        .trim()
        .to_string();
    assert!(line.starts_with("<86>useradm["), "{line}");
    assert!(
        line.contains("event=role.created actor=admin@example.com target=ops"),
        "{line}"
    );
    assert!(line.ends_with(&format!("hash={head}")), "{line}\n{head}");

    let socket_var = [("USERADM_SYSLOG", socket.to_str().unwrap())];
    env.run_env(
        &socket_var,
        &["login", "--email", ADMIN, "--password-stdin"],
        "wrong-password-entirely\n",
    )
    .code(3);
    let failed = receive();
    assert!(
        failed.starts_with("<84>") && failed.contains("event=login.failed"),
        "{failed}"
    );

    let csv = env.path().join("three.csv");
    std::fs::write(&csv, "email\na@example.com\nb@example.com\nc@example.com\n").unwrap();
    env.run_env(
        &socket_var,
        &["import", csv.to_str().unwrap(), "--no-email"],
        "",
    )
    .ok();
    let bulk = receive();
    assert!(
        bulk.contains("event=user.imported") && bulk.contains(" count=3 "),
        "{bulk}"
    );
    assert!(receive().contains("event=import.completed"));

    // No logger listening: the command is not affected.
    drop(logger);
    std::fs::remove_file(&socket).unwrap();
    env.run_env(&socket_var, &["roles", "create", "ops2"], "")
        .ok();
}
