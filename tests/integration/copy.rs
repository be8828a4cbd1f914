//! `db copy`: the whole store into a new database of the other engine and back, every table
//! with its ids, the audit chain still verifying on an anchor taken before, the source refused
//! from then on. On a run with a server: SQLite → PostgreSQL → SQLite; without: SQLite → SQLite
//! → SQLite.

use std::collections::BTreeMap;

use useradm::store::copy::TABLES;
use useradm::totp::{STEP_SECONDS, code_at, step_of};

use crate::util::*;

/// A store with rows in every table, in a SQLite file, with the administrator logged in.
pub(crate) fn full_store(env: &mut Env, file: &std::path::Path) {
    env.set_var("USERADM_DB", file.display().to_string());
    env.set_var(
        "USERADM_OUTBOX",
        env.path().join("outbox").display().to_string(),
    );
    env.run(
        &["init", "--admin", ADMIN, "--password-stdin"],
        &format!("{ADMIN_PW}\n"),
    )
    .ok();
    env.login(ADMIN, ADMIN_PW).ok();
    env.register_verified(ALICE, ALICE_PW);
    env.run(
        &["roles", "create", "reader", "--permission", "users.read"],
        "",
    )
    .ok();
    env.run(&["grant", "--email", ALICE, "--role", "reader"], "")
        .ok();
    env.config_set("session.idle", "45m");
    // Entries a declared-state file manages.
    let state = env.path().join("state.toml");
    std::fs::write(
        &state,
        "owner = \"ci\"\n[roles.ops]\npermissions = [\"deploy.*\"]\n\
         [[users]]\nemail = \"ops@example.com\"\nroles = [\"ops\"]\n",
    )
    .unwrap();
    env.run(&["apply", state.to_str().unwrap(), "--no-email"], "")
        .ok();
    // A provider of single sign-on managed by a file and a linked identity, written as `apply`
    // and `users link` would (adding one needs a provider that answers).
    let conn = rusqlite::Connection::open(file).unwrap();
    conn.execute_batch(
        "INSERT INTO identity_providers (name, issuer, client_id, client_secret, scopes,
                                         allowed_domains, link_by, mfa_by_amr, created_at)
         VALUES ('corp', 'https://sso.example.com', 'useradm', 'secret', 'openid email',
                 'example.com', 'verified-email', 0, 1);
         INSERT INTO identities (issuer, subject, user_id, provider, linked_at)
         VALUES ('https://sso.example.com', 'alice-sub', 2, 'corp', 1);
         INSERT INTO managed_providers (name, owner, marked_at) VALUES ('corp', 'ci', 1);",
    )
    .unwrap();
    drop(conn);
    env.token(&["users.read"]);
    env.login(ALICE, "not-her-password-at-all").code(3);
    env.run(&["reset", "--email", ALICE], "").ok();
    wait_for_mail_in(file);
    // A second factor with recovery codes, for the administrator.
    let secret = env.run(&["--json", "2fa", "enable"], "").ok().json()["secret"]
        .as_str()
        .unwrap()
        .to_string();
    let now = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64
    };
    while STEP_SECONDS - now() % STEP_SECONDS < 3 {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let code = code_at(&secret, step_of(now())).unwrap();
    env.run(&["2fa", "enable", "--otp-stdin"], &format!("{code}\n"))
        .ok();
}

/// `Env::wait_for_mail` for this file (the environment's own database is another): until no
/// message waits unsent, as the deliverers started in the background send them.
pub(crate) fn wait_for_mail_in(file: &std::path::Path) {
    let conn = rusqlite::Connection::open(file).unwrap();
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while conn
        .query_row(MAIL_PENDING, [], |r| r.get::<_, i64>(0))
        .unwrap()
        > 0
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Every row of every table of a SQLite file, as text, but what tells one database from its
/// copy (where it moved, the events after `audit_upto`) and when a session or token was last
/// used (every command refreshes that).
pub(crate) fn contents(file: &std::path::Path, audit_upto: i64) -> BTreeMap<String, Vec<String>> {
    let conn = rusqlite::Connection::open(file).unwrap();
    let mut out = BTreeMap::new();
    for table in TABLES {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .filter(|c: &String| c != "last_seen_at" && c != "last_used_at")
            .collect();
        let mut st = conn
            .prepare(&format!("SELECT {} FROM {table}", columns.join(", ")))
            .unwrap();
        let width = st.column_count();
        let mut rows: Vec<String> = st
            .query_map([], |r| {
                Ok((0..width)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap()
            .map(Result::unwrap)
            .filter(|row| !row.contains("Text(\"moved_to\")"))
            .filter(|row| {
                *table != "audit_events"
                    || row
                        .split('|')
                        .next()
                        .and_then(|id| id.strip_prefix("Integer(")?.strip_suffix(')'))
                        .and_then(|id| id.parse::<i64>().ok())
                        .is_some_and(|id| id <= audit_upto)
            })
            .collect();
        rows.sort();
        out.insert((*table).to_string(), rows);
    }
    out
}

#[test]
fn a_store_round_trips_through_the_other_engine() {
    let mut env = Env::new();
    let first = env.path().join("first.db");
    full_store(&mut env, &first);
    // Used once now: its later use (within the minute) writes nothing, so the owner's row
    // (its last authentication) stays as snapshotted.
    let token = env.token(&["users.read"]);
    // The token's notice is sent (and audited) first: its deliverer holds the write lock a
    // moment, and a use then would be recorded only at the next one, after the snapshot.
    wait_for_mail_in(&first);
    env.as_token(&token, &["whoami"]).ok();
    let before = contents(&first, i64::MAX);
    for (table, rows) in &before {
        assert!(!rows.is_empty(), "the test store has no row in {table}");
    }
    let anchor = env.run(&["--json", "audit", "head"], "").ok().json();
    let (anchor_id, anchor_hash) = (
        anchor["id"].as_i64().unwrap(),
        anchor["hash"].as_str().unwrap().to_string(),
    );

    // Across: to the run's server, or to a second file.
    let (across, password_file) = if env.on_server() {
        env.db.target(env.path(), true)
    } else {
        (env.path().join("across.db").display().to_string(), None)
    };
    let mut copy = vec!["--json", "db", "copy", "--to", &across];
    let password = password_file.map(|p| p.display().to_string());
    if let Some(p) = &password {
        copy.extend(["--to-password-file", p.as_str()]);
    }
    let copied = env.run(&copy, "").ok().json();
    assert_eq!(copied["to"], across.as_str());
    assert_eq!(copied["tables"].as_array().unwrap().len(), TABLES.len());
    // The source is done: every command names where it went.
    env.run(&["whoami"], "").code(10).stderr_has(&across);

    // And back, to a new file.
    env.set_var("USERADM_DB", &across);
    if let Some(p) = &password {
        env.set_var("USERADM_DB_PASSWORD_FILE", p);
    }
    env.run(&["whoami"], "").ok().stdout_has(ADMIN);
    env.as_token(&token, &["users", "list"]).ok();
    // New rows after a copy take ids after the copied ones.
    env.run(
        &["register", "--email", "bob@example.com", "--password-stdin"],
        &format!("{NEW_PW}\n"),
    )
    .ok();
    let back = env.path().join("back.db");
    env.run(&["db", "copy", "--to", back.to_str().unwrap()], "")
        .ok()
        .stdout_has("Copied");
    env.run(&["whoami"], "").code(10).stderr_has("back.db");

    env.set_var("USERADM_DB", back.display().to_string());
    env.run(&["whoami"], "").ok().stdout_has(ADMIN);
    env.run(&["audit", "verify", "--expect-head", &anchor_hash], "")
        .ok();
    let after = contents(&back, anchor_id);
    for table in TABLES {
        let (b, a) = (&before[*table], &after[*table]);
        for row in b {
            assert!(a.contains(row), "{table}: lost or changed {row}");
        }
        // Bob, his code and his mail are new; the token's use after the copy moved its
        // last use.
        if !["users", "one_time_codes", "mail_queue", "api_tokens"].contains(table) {
            let extra: Vec<&String> = a.iter().filter(|r| !b.contains(r)).collect();
            assert!(
                extra.is_empty(),
                "{table} gained rows in the round trip: {extra:?}"
            );
            assert_eq!(b, a, "{table} differs after the round trip");
        }
    }
    let conn = rusqlite::Connection::open(&back).unwrap();
    let one = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        one("SELECT id FROM users WHERE email = 'bob@example.com'"),
        4
    );
    assert_eq!(
        one("SELECT count(*) FROM audit_events WHERE event = 'database.copied'"),
        2
    );
}

#[test]
fn a_copy_refuses_what_it_must_not_overwrite() {
    let env = Env::admin();
    let taken = env.path().join("taken.db");
    std::fs::write(&taken, "").unwrap();
    env.run(&["db", "copy", "--to", taken.to_str().unwrap()], "")
        .code(2)
        .stderr_has("exists");
    assert_eq!(std::fs::read(&taken).unwrap(), b"");
    // Into itself.
    env.run(&["db", "copy", "--to", &env.db_arg()], "").code(2);
    // A password in the URL is refused, never echoed.
    let run = env
        .run(
            &["db", "copy", "--to", "postgres://u:hunter2@127.0.0.1/x"],
            "",
        )
        .code(2);
    assert!(!run.stderr.contains("hunter2"), "{run:?}");
    // Without settings.manage.
    env.register_verified(ALICE, ALICE_PW);
    let target = env.path().join("new.db");
    env.login_as("alice", ALICE, ALICE_PW);
    env.as_session(
        "alice",
        &["db", "copy", "--to", target.to_str().unwrap()],
        "",
    )
    .code(5);
    assert!(!target.exists());
    env.run(&["whoami"], "").ok();
}

/// As if `db copy` had died after its target's commit, before the source's.
fn undo_the_mark(env: &Env) {
    if env.on_server() {
        env.exec(
            "UPDATE meta SET value = ?1 WHERE key = 'schema_version'",
            &[(&useradm::store::SCHEMA_VERSION.to_string()).into()],
        );
    } else {
        env.batch(&format!(
            "PRAGMA user_version = {}",
            useradm::store::SCHEMA_VERSION
        ));
    }
    env.exec("DELETE FROM meta WHERE key = 'moved_to'", &[]);
    env.run(&["whoami"], "").ok();
}

/// A copy that committed its target but died before marking the source is finished by
/// `--finish`, which checks first that the target is this store's copy as it is now.
#[test]
fn finish_marks_the_source_after_an_interrupted_copy() {
    let env = Env::admin();
    let target = env.path().join("copy.db");
    let target_arg = target.to_str().unwrap();
    env.run(&["db", "copy", "--to", target_arg], "").ok();
    undo_the_mark(&env);
    // Another store is not this one's copy.
    let other = Env::new();
    let other_file = other.path().join("other.db");
    other
        .run(&["--db", other_file.to_str().unwrap(), "init"], "")
        .ok();
    env.run(
        &[
            "db",
            "copy",
            "--finish",
            "--to",
            other_file.to_str().unwrap(),
        ],
        "",
    )
    .code(2)
    .stderr_has("another database");
    env.run(&["db", "copy", "--finish", "--to", target_arg], "")
        .ok()
        .stdout_has("moved");
    env.run(&["whoami"], "").code(10).stderr_has(target_arg);
    // A copy the source has moved past (events written after it) is not finished.
    undo_the_mark(&env);
    env.login(ADMIN, ADMIN_PW).ok();
    env.run(&["db", "copy", "--finish", "--to", target_arg], "")
        .code(2)
        .stderr_has("latest audit event");
    env.run(&["whoami"], "").ok();
}

/// The daily purge runs before a write's own work: when `db copy` is the first write of a day,
/// the purge and its event are part of what is copied, so the source's last link (which its
/// logs anchored) is in the copy, and nothing is appended to the source after it.
#[test]
fn a_purge_due_at_copy_time_is_copied_too() {
    let mut env = Env::admin();
    env.exec("UPDATE meta SET value = '0' WHERE key = 'purged_at'", &[]);
    // Something to purge: an expired code of an unverified account.
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    env.exec("UPDATE meta SET value = '0' WHERE key = 'purged_at'", &[]);
    env.exec(
        "UPDATE one_time_codes SET expires_at = expires_at - ?1",
        &[(40 * 86_400_i64).into()],
    );
    let across = env.path().join("across.db");
    env.run(&["db", "copy", "--to", across.to_str().unwrap()], "")
        .ok();
    let source_head = env.rows(
        "SELECT event, hash FROM audit_events ORDER BY id DESC LIMIT 1",
        &[],
    );
    // The source's last link is the purge, made in the copy's transaction before copying.
    assert_eq!(source_head[0][0].text(), "retention.purged");
    env.set_var("USERADM_DB", across.display().to_string());
    env.run(
        &[
            "audit",
            "verify",
            "--expect-head",
            &source_head[0][1].text(),
        ],
        "",
    )
    .ok();
}
