//! The database file: only `init` creates or migrates; everything else refuses with exit 10.

use crate::util::*;

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
    assert!(!env.db.exists(), "only init creates the database");
}

#[test]
fn a_newer_schema_is_refused() {
    let env = Env::admin();
    env.sql().pragma_update(None, "user_version", 99).unwrap();
    env.run(&["whoami"], "").code(10).stderr_has("newer");
    env.run(&["init"], "").code(10).stderr_has("newer");
}

#[test]
fn a_foreign_sqlite_file_is_not_taken_over() {
    let env = Env::new();
    std::fs::create_dir_all(env.db.parent().unwrap()).unwrap();
    env.sql()
        .execute_batch("CREATE TABLE notes (x TEXT)")
        .unwrap();
    env.run(&["whoami"], "").code(10).stderr_has("useradm init");
    env.run(&["init"], "")
        .code(10)
        .stderr_has("another application");
}

#[test]
fn corrupt_directory_and_unwritable_databases() {
    let env = Env::new();
    std::fs::create_dir_all(env.db.parent().unwrap()).unwrap();
    std::fs::write(&env.db, vec![0x5a; 8192]).unwrap();
    env.run(&["whoami"], "").code(10).stderr_has("corrupt");
    env.run(&["init"], "").code(10);

    let env = Env::new();
    std::fs::create_dir_all(&env.db).unwrap();
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

#[test]
fn wal_and_the_schema_are_in_place() {
    let env = Env::admin();
    let mode: String = env
        .sql()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(
        env.count("PRAGMA user_version"),
        useradm::store::SCHEMA_VERSION
    );
    assert_eq!(env.count("SELECT count(*) FROM roles r JOIN role_permissions p ON p.role_id = r.id WHERE r.name='admin' AND p.permission='*'"), 1);
    let id: String = env
        .sql()
        .query_row("SELECT value FROM meta WHERE key='database_id'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(id.len(), 32);
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event='database.migrated'"),
        1
    );
}

#[test]
fn an_older_schema_is_refused_until_init_migrates_it() {
    let env = Env::new();
    std::fs::create_dir_all(env.db.parent().unwrap()).unwrap();
    let conn = env.sql();
    conn.execute_batch(include_str!("../../src/store/migrations/001_initial.sql"))
        .unwrap();
    conn.execute_batch(
        "PRAGMA user_version = 1; INSERT INTO meta (key, value) VALUES ('database_id', '00112233445566778899aabbccddeeff');",
    )
    .unwrap();
    drop(conn);
    env.run(&["whoami"], "")
        .code(10)
        .stderr_has("older")
        .stderr_has("useradm init");
    env.run(&["init"], "")
        .ok()
        .stdout_has("Migrated the database");
    assert_eq!(
        env.count("PRAGMA user_version"),
        useradm::store::SCHEMA_VERSION
    );
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
    assert!(!env.db.exists());
    env.run(&["init", "--admin", ADMIN, "--no-input"], "")
        .code(2);
    assert!(!env.db.exists());
}
