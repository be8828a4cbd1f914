//! The database: only `init` creates or migrates; everything else refuses with exit 10.

use crate::util::*;

/// Stamps the database with another schema version, as another release of useradm would.
fn set_schema_version(env: &Env, version: i64) {
    if env.on_server() {
        env.exec(
            "UPDATE meta SET value = ?1 WHERE key = 'schema_version'",
            &[(&version.to_string()).into()],
        );
    } else {
        env.batch(&format!("PRAGMA user_version = {version}"));
    }
}

fn schema_version(env: &Env) -> i64 {
    if env.on_server() {
        env.text("SELECT value FROM meta WHERE key = 'schema_version'", &[])
            .parse()
            .unwrap()
    } else {
        env.count("PRAGMA user_version")
    }
}

#[test]
fn a_missing_database_names_init() {
    let env = Env::new();
    for args in [
        &["whoami"][..],
        &["login", "--email", ADMIN, "--password-stdin"],
        &["reset", "--email", ADMIN],
    ] {
        let run = env.run(args, "x\n").code(10);
        assert!(run.stderr.contains("useradm init"), "{run:?}");
    }
    // logout still cleans up and succeeds.
    env.run(&["logout"], "").ok().stderr_has("useradm init");
    assert!(!env.db.schema_exists(), "only init creates the database");
}

#[test]
fn a_newer_schema_is_refused() {
    let env = Env::admin();
    set_schema_version(&env, 99);
    env.run(&["whoami"], "").code(10).stderr_has("newer");
    env.run(&["init"], "").code(10).stderr_has("newer");
}

#[test]
fn a_foreign_database_is_not_taken_over() {
    let env = Env::new();
    std::fs::create_dir_all(env.db.path.parent().unwrap()).unwrap();
    env.batch("CREATE TABLE notes (x TEXT)");
    env.run(&["whoami"], "").code(10).stderr_has("useradm init");
    env.run(&["init"], "")
        .code(10)
        .stderr_has("another application");
}

#[test]
fn corrupt_directory_and_unwritable_databases() {
    let env = Env::new();
    if env.skip_on_server("a corrupt or unwritable database file") {
        return;
    }
    std::fs::create_dir_all(env.db.path.parent().unwrap()).unwrap();
    std::fs::write(&env.db.path, vec![0x5a; 8192]).unwrap();
    env.run(&["whoami"], "").code(10).stderr_has("corrupt");
    env.run(&["init"], "").code(10);

    let env = Env::new();
    std::fs::create_dir_all(&env.db.path).unwrap();
    env.run(&["whoami"], "")
        .code(10)
        .stderr_has("not a database file");
    env.run(&["init"], "").code(10);

    let mut env = Env::new();
    let blocker = env.path().join("a-file");
    std::fs::write(&blocker, "x").unwrap();
    env.set_var(
        "USERADM_DB",
        blocker.join("useradm.db").display().to_string(),
    );
    env.run(&["init"], "")
        .code(10)
        .stderr_has("Not a directory");
}

/// A session or token whose account row is gone (a damaged page reads as a missing row) is a
/// damaged store, exit 10: not "the session has ended", which would send the administrator to
/// log in again instead of restoring.
#[test]
fn a_credential_whose_account_is_missing_is_a_damaged_store() {
    let env = Env::admin();
    let token = env.token_fresh(&["users.read"]);
    // Past the foreign keys, as a broken page would be.
    env.batch(match env.on_server() {
        true => "SET session_replication_role = replica; DELETE FROM users WHERE id = 1",
        false => "PRAGMA foreign_keys = OFF; DELETE FROM users WHERE id = 1",
    });
    assert_eq!(
        env.count("SELECT count(*) FROM sessions WHERE user_id = 1"),
        1
    );
    env.run(&["whoami"], "")
        .code(10)
        .stderr_has("the database is damaged: the account of this session is missing");
    env.as_token(&token, &["users", "list"])
        .code(10)
        .stderr_has("the account of this token is missing");
    // A token that was never made is still only unknown.
    let unknown = format!("{}{}", &token[..token.len() - 64], "0".repeat(64));
    env.as_token(&unknown, &["users", "list"]).code(4);
}

#[test]
fn wal_and_the_schema_are_in_place() {
    let env = Env::admin();
    if !env.on_server() {
        let mode: String = env.text("PRAGMA journal_mode", &[]);
        assert_eq!(mode, "wal");
    }
    assert_eq!(schema_version(&env), useradm::store::SCHEMA_VERSION);
    assert_eq!(env.count("SELECT count(*) FROM roles r JOIN role_permissions p ON p.role_id = r.id WHERE r.name='admin' AND p.permission='*'"), 1);
    let id: String = env.text("SELECT value FROM meta WHERE key='database_id'", &[]);
    assert_eq!(id.len(), 32);
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event='database.migrated'"),
        1
    );
}

#[test]
fn an_older_schema_is_refused_until_init_migrates_it() {
    let env = Env::new();
    if env.skip_on_server("no older schema exists there (PostgreSQL starts at v5)") {
        return;
    }
    std::fs::create_dir_all(env.db.path.parent().unwrap()).unwrap();
    env.batch(include_str!("../../src/store/migrations/001_initial.sql"));
    env.batch(
        "PRAGMA user_version = 1; INSERT INTO meta (key, value) VALUES ('database_id', '00112233445566778899aabbccddeeff');",
    );
    env.run(&["whoami"], "")
        .code(10)
        .stderr_has("older")
        .stderr_has("useradm init");
    env.run(&["init"], "")
        .ok()
        .stdout_has("Migrated the database");
    assert_eq!(schema_version(&env), useradm::store::SCHEMA_VERSION);
    assert_eq!(env.count("SELECT count(*) FROM api_tokens"), 0);
    env.run(
        &["init", "--admin", ADMIN, "--password-stdin"],
        &format!("{ADMIN_PW}\n"),
    )
    .ok();
}

#[test]
fn init_refusing_the_admin_password_creates_nothing() {
    let env = Env::new();
    env.run(&["init", "--admin", ADMIN, "--password-stdin"], "weak\n")
        .code(11);
    assert!(!env.db.schema_exists());
    env.run(&["init", "--admin", ADMIN, "--no-input"], "")
        .code(2);
    assert!(!env.db.schema_exists());
}

/// v7 widens the mail queue in place (SQLite makes the table again) and seeds where each account
/// logged in from out of the audit log, so that the upgrade makes no login source new.
#[test]
fn the_v7_migration_keeps_queued_mail_and_seeds_login_sources() {
    let env = Env::new();
    if env.skip_on_server("PostgreSQL's migration from v6 is the same statements' twin") {
        return;
    }
    std::fs::create_dir_all(env.db.path.parent().unwrap()).unwrap();
    for migration in [
        include_str!("../../src/store/migrations/001_initial.sql"),
        include_str!("../../src/store/migrations/002_access.sql"),
        include_str!("../../src/store/migrations/003_mfa.sql"),
        include_str!("../../src/store/migrations/004_write_indexes.sql"),
        include_str!("../../src/store/migrations/005_fresh_proofs_and_mail_queue.sql"),
        include_str!("../../src/store/migrations/006_session_deadlines.sql"),
    ] {
        env.batch(migration);
    }
    env.batch(
        r#"PRAGMA user_version = 6;
        INSERT INTO meta (key, value) VALUES ('database_id', '00112233445566778899aabbccddeeff');
        INSERT INTO users (id, email, email_canonical, created_at, updated_at)
             VALUES (7, 'a@example.com', 'a@example.com', 1, 1);
        INSERT INTO audit_events (id, at, actor_id, event, detail, prev_hash, hash) VALUES
            (1, 10, 7, 'login.ok', '{"where":{"host":"ci","os_user":"runner","pid":1}}', '', ''),
            (2, 20, 7, 'login.ok', '{"where":{"host":"ci","os_user":"runner","pid":2}}', '', ''),
            (3, 30, 7, 'login.ok', '{"where":{"host":"laptop","os_user":"a","pid":3}}', '', ''),
            (4, 40, 7, 'login.ok', '{}', '', ''),
            (5, 50, 8, 'login.ok', '{"where":{"host":"gone","os_user":"x","pid":4}}', '', '');
        INSERT INTO mail_queue (id, purpose, address, email_canonical, transport, created_at,
                                next_attempt_at)
             VALUES (3, 'reset', 'a@example.com', 'a@example.com', '{}', 5, 5);"#,
    );
    env.run(&["init"], "")
        .ok()
        .stdout_has("Migrated the database");
    let sources = env.rows(
        "SELECT host, os_user, first_at FROM login_sources WHERE user_id = 7 ORDER BY host",
        &[],
    );
    assert_eq!(
        format!("{sources:?}"),
        format!(
            "{:?}",
            env.rows(
                "SELECT 'ci', 'runner', 10 UNION ALL SELECT 'laptop', 'a', 30",
                &[],
            )
        )
    );
    assert_eq!(env.count("SELECT count(*) FROM login_sources"), 2);
    assert_eq!(
        env.count(
            "SELECT count(*) FROM mail_queue WHERE id = 3 AND purpose = 'reset' AND notice IS NULL"
        ),
        1
    );
}
