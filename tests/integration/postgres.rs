//! What only a PostgreSQL run can check: that its schema is SQLite's (so the engines cannot
//! drift), and that the read-only role of `docs/postgres-roles.sql` reads no secret. Skipped,
//! with a message, where no server is named.

use std::collections::{BTreeMap, BTreeSet};

use crate::util::*;

/// A table as both engines can describe it.
#[derive(Debug, Default, PartialEq)]
struct Table {
    /// name → (type, NOT NULL, part of the primary key)
    columns: BTreeMap<String, (String, bool, bool)>,
    /// (columns, unique, partial), for every index but the primary key's
    indexes: BTreeSet<(Vec<String>, bool, bool)>,
    /// (column, table, column, on delete)
    foreign_keys: BTreeSet<(String, String, String, String)>,
}

fn sqlite_schema(path: &std::path::Path) -> BTreeMap<String, Table> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let strings = |sql: &str| -> Vec<Vec<String>> {
        let mut st = conn.prepare(sql).unwrap();
        let width = st.column_count();
        st.query_map([], |r| {
            (0..width)
                .map(|i| {
                    Ok(match r.get_ref(i)? {
                        rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                        rusqlite::types::ValueRef::Text(t) => {
                            String::from_utf8_lossy(t).into_owned()
                        }
                        _ => String::new(),
                    })
                })
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    };
    let mut schema = BTreeMap::new();
    for t in
        strings("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    {
        let name = &t[0];
        let mut table = Table::default();
        for c in strings(&format!(
            "SELECT name, type, \"notnull\", pk FROM pragma_table_info('{name}')"
        )) {
            // Another declared type keeps its name, and differs from any PostgreSQL type.
            let ty = match c[1].as_str() {
                "INTEGER" => "bigint",
                "TEXT" => "text",
                other => other,
            };
            let pk = c[3] != "0";
            // SQLite lets a primary key column be NULL unless it says NOT NULL; PostgreSQL
            // never does: compare what the data may hold.
            table
                .columns
                .insert(c[0].clone(), (ty.into(), c[2] == "1" || pk, pk));
        }
        for i in strings(&format!(
            "SELECT name, \"unique\", origin, partial FROM pragma_index_list('{name}')"
        )) {
            if i[2] == "pk" {
                continue;
            }
            let cols = strings(&format!(
                "SELECT name FROM pragma_index_info('{}') ORDER BY seqno",
                i[0]
            ))
            .into_iter()
            .map(|c| c[0].clone())
            .collect();
            table.indexes.insert((cols, i[1] == "1", i[3] == "1"));
        }
        for f in strings(&format!(
            "SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list('{name}')"
        )) {
            table
                .foreign_keys
                .insert((f[0].clone(), f[1].clone(), f[2].clone(), f[3].clone()));
        }
        schema.insert(name.clone(), table);
    }
    schema
}

fn postgres_schema(env: &Env) -> BTreeMap<String, Table> {
    let mut schema = BTreeMap::new();
    let tables = env.rows(
        "SELECT table_name::text FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
        &[],
    );
    for t in tables {
        let name = t[0].text();
        let mut table = Table::default();
        let pk: BTreeSet<String> = env
            .rows(
                "SELECT a.attname::text FROM pg_index i
                   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                  WHERE i.indrelid = ?1::regclass AND i.indisprimary",
                &[(&name).into()],
            )
            .iter()
            .map(|r| r[0].text())
            .collect();
        for c in env.rows(
            "SELECT column_name::text, data_type::text, is_nullable::text
               FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?1",
            &[(&name).into()],
        ) {
            let col = c[0].text();
            let is_pk = pk.contains(&col);
            table
                .columns
                .insert(col, (c[1].text(), c[2].text() == "NO", is_pk));
        }
        for i in env.rows(
            "SELECT i.indexrelid::bigint, i.indisunique, i.indpred IS NOT NULL FROM pg_index i
              WHERE i.indrelid = ?1::regclass AND NOT i.indisprimary",
            &[(&name).into()],
        ) {
            let cols = env
                .rows(
                    "SELECT a.attname::text FROM pg_index i
                      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
                       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                      WHERE i.indexrelid = ?1::oid ORDER BY k.n",
                    &[i[0].int().into()],
                )
                .iter()
                .map(|r| r[0].text())
                .collect();
            table
                .indexes
                .insert((cols, i[1].int() == 1, i[2].int() == 1));
        }
        for f in env.rows(
            "SELECT a.attname::text, c.confrelid::regclass::text, af.attname::text,
                    CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL'
                         WHEN 'r' THEN 'RESTRICT' ELSE 'NO ACTION' END
               FROM pg_constraint c
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
               JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]
              WHERE c.contype = 'f' AND c.conrelid = ?1::regclass",
            &[(&name).into()],
        ) {
            table
                .foreign_keys
                .insert((f[0].text(), f[1].text(), f[2].text(), f[3].text()));
        }
        schema.insert(name, table);
    }
    schema
}

/// The two engines' schemas hold the same tables, columns (type, nullability, primary key),
/// indexes (columns, uniqueness, partial) and foreign keys.
#[test]
fn both_engines_have_the_same_schema() {
    let env = Env::new();
    if !env.on_server() {
        eprintln!("skipped: no PostgreSQL server named (USERADM_TEST_PG)");
        return;
    }
    env.init();
    let file = env.path().join("twin.db");
    env.run(&["--db", file.to_str().unwrap(), "init"], "").ok();
    let sqlite = sqlite_schema(&file);
    let postgres = postgres_schema(&env);
    // The describers read something: every table, and the keys and indexes in them.
    assert!(sqlite.len() >= 14, "{sqlite:?}");
    let count = |f: fn(&Table) -> usize| sqlite.values().map(f).sum::<usize>();
    assert!(count(|t| t.indexes.len()) >= 8, "{sqlite:?}");
    assert!(count(|t| t.foreign_keys.len()) >= 8, "{sqlite:?}");
    assert_eq!(
        sqlite.keys().collect::<Vec<_>>(),
        postgres.keys().collect::<Vec<_>>(),
        "the tables differ"
    );
    for (name, table) in &sqlite {
        assert_eq!(Some(table), postgres.get(name), "table {name} differs");
    }
}

/// The read-only role of `docs/postgres-roles.sql` reads accounts and the audit trail, not
/// TOTP secrets nor the settings that hold secrets.
#[test]
fn the_read_only_role_reads_no_secret() {
    let env = Env::admin();
    // The script is granted (by the harness) in a run with an application role.
    let (Ok(_), Ok(role), Ok(pw_file)) = (
        std::env::var("USERADM_TEST_PG_APP_ROLE"),
        std::env::var("USERADM_TEST_PG_READONLY_ROLE"),
        std::env::var("USERADM_TEST_PG_READONLY_PASSWORD_FILE"),
    ) else {
        eprintln!(
            "skipped: no application and read-only roles named (USERADM_TEST_PG_APP_ROLE, USERADM_TEST_PG_READONLY_ROLE)"
        );
        return;
    };
    env.run(
        &["config", "set", "mail.smtp_password", "--value-stdin"],
        "hunter2-smtp\n",
    )
    .ok();
    env.config_set("session.idle", "30m");
    let password = std::fs::read_to_string(pw_file).unwrap();
    let mut reader = env.db.client_as(&role, password.trim_end()).unwrap();
    let users: i64 = reader
        .query_one("SELECT count(*) FROM users", &[])
        .unwrap()
        .get(0);
    assert_eq!(users, 1);
    reader
        .query_one("SELECT count(*) FROM audit_events", &[])
        .unwrap();
    reader
        .query_one("SELECT count(user_id) FROM totp", &[])
        .unwrap();
    for secret in [
        "SELECT secret FROM totp",
        "SELECT * FROM totp",
        "SELECT value FROM settings",
        "INSERT INTO audit_events (id, at, event, prev_hash, hash) VALUES (0, 0, 'x', '', '')",
        "UPDATE users SET password_hash = NULL",
    ] {
        let err = reader.query(secret, &[]).unwrap_err();
        assert_eq!(
            err.code(),
            Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
            "{secret}: {err}"
        );
    }
    let visible: Vec<String> = reader
        .query("SELECT key FROM settings_public", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(visible.contains(&"session.idle".to_string()), "{visible:?}");
    assert!(!visible.contains(&"mail.smtp_password".to_string()));
}

/// What a user can get wrong about a server: each a clear message and its exit code, and no
/// password in any output. Runs without a server too (nothing here needs one to answer).
#[test]
fn server_urls_and_passwords_that_are_wrong_are_named() {
    let env = Env::new();
    let home = env.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let url = |rest: &str| format!("postgres://useradm@{rest}");
    // A server that accepts and never answers.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_port = silent.local_addr().unwrap().port();
    let cases: [(String, i32, &str); 8] = [
        (
            "postgres://useradm:hunter2@127.0.0.1/x".into(),
            2,
            "must not hold a password",
        ),
        (
            url("127.0.0.1/x?sslmode=disable&password=hunter2"),
            2,
            "must not hold a password",
        ),
        (url("127.0.0.1/x?sslmdoe=disable"), 2, "\"sslmdoe\""),
        (url("127.0.0.1/x?sslmode=require"), 2, "sslmode=require"),
        (url("db.example.com/x?sslmode=disable"), 2, "disable"),
        (
            url("127.0.0.1:1/x?sslmode=disable"),
            10,
            "cannot connect to postgres://useradm@127.0.0.1:1/x?sslmode=disable: error connecting to server: Connection refused",
        ),
        (url("[::1]:1/x?sslmode=disable"), 10, "cannot connect"),
        (
            url(&format!("127.0.0.1:{silent_port}/x?sslmode=disable")),
            10,
            "the server did not answer within 15 s",
        ),
    ];
    for (db, code, says) in cases {
        let run = env.run(&["--db", &db, "whoami"], "").code(code);
        assert!(run.stderr.contains(says), "{db}: {run:?}");
        assert!(!run.stderr.contains("hunter2"), "{run:?}");
    }
    // ~/.pgpass that others can read is refused, not used.
    let pgpass = home.join(".pgpass");
    std::fs::write(&pgpass, "*:*:*:*:hunter2\n").unwrap();
    set_mode(&pgpass, 0o644);
    let run = env
        .run_env(
            &[("USERADM_DB_PASSWORD_FILE", "")],
            &["--db", &url("127.0.0.1:1/x?sslmode=disable"), "whoami"],
            "",
        )
        .code(2)
        .stderr_has("chmod 600");
    assert!(!run.stderr.contains("hunter2"), "{run:?}");
    // So is a USERADM_DB_PASSWORD_FILE that others can read.
    let run = env
        .run_env(
            &[("USERADM_DB_PASSWORD_FILE", pgpass.to_str().unwrap())],
            &["--db", &url("127.0.0.1:1/x?sslmode=disable"), "whoami"],
            "",
        )
        .code(2)
        .stderr_has("chmod 600");
    assert!(!run.stderr.contains("hunter2"), "{run:?}");
    drop(silent);
}

/// A wrong password from the password file is exit 10 with the server's reason, never the
/// password.
#[test]
fn a_wrong_server_password_is_exit_10() {
    let env = Env::admin();
    if !env.on_server() {
        eprintln!("skipped: no PostgreSQL server named (USERADM_TEST_PG)");
        return;
    }
    let wrong = env.path().join("wrong-password");
    std::fs::write(&wrong, "not-the-password-4711\n").unwrap();
    set_mode(&wrong, 0o600);
    let (db, _) = env.db.target(env.path(), false);
    let run = env
        .run_env(
            &[
                ("USERADM_DB", &db),
                ("USERADM_DB_PASSWORD_FILE", wrong.to_str().unwrap()),
            ],
            &["whoami"],
            "",
        )
        .code(10)
        .stderr_has("password authentication failed");
    assert!(!run.stderr.contains("4711"), "{run:?}");
    // No password anywhere: the message says where one goes.
    env.run_env(
        &[
            ("USERADM_DB", &db),
            ("USERADM_DB_PASSWORD_FILE", ""),
            ("PGPASSFILE", env.path().join("none").to_str().unwrap()),
        ],
        &["whoami"],
        "",
    )
    .code(10)
    .stderr_has("put it in USERADM_DB_PASSWORD_FILE or ~/.pgpass");
}
