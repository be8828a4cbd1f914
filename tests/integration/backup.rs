//! `backup` and `restore`: a copy that proves itself, and the way back.

use useradm::store::copy::TABLES;

use crate::copy::{contents, full_store, wait_for_mail_in};
use crate::util::*;

fn count_in(file: &std::path::Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(file).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn head_of(run: &Run) -> String {
    run.json()["head"]["hash"].as_str().unwrap().to_string()
}

#[test]
fn a_full_store_round_trips_through_backup_and_restore() {
    let mut env = Env::new();
    let first = env.path().join("first.db");
    full_store(&mut env, &first);
    let token = env.token(&["users.read"]);
    env.as_token(&token, &["whoami"]).ok();
    wait_for_mail_in(&first);
    let before = contents(&first, i64::MAX);

    let file = env.path().join("backup.db");
    let run = env
        .run(&["--json", "backup", "--out", file.to_str().unwrap()], "")
        .ok();
    let head = head_of(&run);
    assert_eq!(mode(&file), 0o600);
    // The backup holds the store as it was, and one event more: the digest its head vouches for.
    let events = before["audit_events"].len() as i64;
    let copy = contents(&file, events);
    for table in TABLES {
        assert_eq!(
            before[*table], copy[*table],
            "{table} differs in the backup"
        );
    }
    assert_eq!(
        count_in(
            &first,
            "SELECT count(*) FROM audit_events WHERE event = 'store.backed_up'"
        ),
        1
    );
    env.run(&["backup", "--out", file.to_str().unwrap()], "")
        .code(2)
        .stderr_has("exists");
    env.run(&["backup", "--out", "-"], "")
        .code(2)
        .stderr_has("not -");
    assert!(!env.path().join("-").exists());
    // A mistyped folder is not made.
    let astray = env.path().join("bakups").join("b.db");
    env.run(&["backup", "--out", astray.to_str().unwrap()], "")
        .code(2)
        .stderr_has("no folder");
    assert!(!astray.parent().unwrap().exists());

    // Into a new store: the same rows, but no session, every token revoked, one more event.
    let restored = env.path().join("restored.db");
    env.set_var("USERADM_DB", restored.display().to_string());
    let run = env
        .run(
            &[
                "--json",
                "restore",
                file.to_str().unwrap(),
                "--expect-head",
                &head,
            ],
            "",
        )
        .ok();
    assert_eq!(run.json()["tokens_revoked"], 2);
    assert_eq!(mode(&restored), 0o600);
    let after = contents(&restored, i64::MAX);
    for table in TABLES {
        match *table {
            "sessions" => assert!(after[*table].is_empty(), "sessions survive a restore"),
            // Revoked by the restore: tokens, codes not yet used; mail waiting is dropped.
            "api_tokens" | "audit_events" | "one_time_codes" | "mail_queue" => {}
            _ => assert_eq!(
                before[*table], after[*table],
                "{table} differs after restore"
            ),
        }
    }
    assert_eq!(
        count_in(
            &restored,
            "SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL"
        ),
        0
    );
    assert_eq!(
        count_in(
            &restored,
            "SELECT count(*) FROM one_time_codes WHERE used_at IS NULL AND revoked_at IS NULL"
        ),
        0,
        "a code used since the backup must not work again"
    );
    assert_eq!(
        count_in(&restored, "SELECT count(*) FROM one_time_codes"),
        count_in(&first, "SELECT count(*) FROM one_time_codes")
    );
    env.as_token(&token, &["whoami"]).code(4);
    env.run(&["whoami"], "").code(4);
    // The restored store works; its chain (verified by the restore up to the head) goes on.
    env.login(ALICE, ALICE_PW).ok();
    env.run(&["whoami"], "").ok().stdout_has(ALICE);
    assert_eq!(
        count_in(
            &restored,
            "SELECT count(*) FROM audit_events WHERE event = 'store.restored'"
        ),
        1
    );
}

#[test]
fn restore_refuses_what_it_cannot_prove_and_asks_before_replacing() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    let token = env.token(&["users.read"]);
    let file = env.path().join("b.db");
    let run = env
        .run(&["--json", "backup", "--out", file.to_str().unwrap()], "")
        .ok();
    let head = head_of(&run);
    let path = file.to_str().unwrap();
    env.run(
        &[
            "register",
            "--email",
            "late@example.com",
            "--verified",
            "--generate-password",
        ],
        "",
    )
    .ok();
    // Someone without settings.manage cannot.
    env.login_as("alice", ALICE, ALICE_PW);
    env.as_session(
        "alice",
        &["restore", path, "--expect-head", &head, "--force", "--yes"],
        "",
    )
    .code(5);
    let dump = env.dump();
    // A head the backup does not hold.
    let other = "ab".repeat(32);
    env.run(&["restore", path, "--expect-head", &other], "")
        .code(12);
    // A file cut short or that is no database is no sound backup (12); a missing one is a
    // mistyped path (2), not a store to create.
    let bytes = std::fs::read(&file).unwrap();
    let cut = env.path().join("cut.db");
    std::fs::write(&cut, &bytes[..bytes.len() / 3]).unwrap();
    let text = env.path().join("notes.toml");
    std::fs::write(&text, "owner = \"x\"\n".repeat(400)).unwrap();
    for bad in [&cut, &text] {
        env.run(
            &["restore", bad.to_str().unwrap(), "--expect-head", &head],
            "",
        )
        .code(12)
        .stderr_has("is not a sound backup");
    }
    let missing = env.path().join("nosuch.db");
    env.run(
        &["restore", missing.to_str().unwrap(), "--expect-head", &head],
        "",
    )
    .code(2)
    .stderr_has("no backup file at");
    assert!(!missing.exists());
    // A store with accounts: only with --force, and never without a confirmation.
    env.run(&["restore", path, "--expect-head", &head], "")
        .code(6)
        .stderr_has("--force");
    env.run(&["restore", path, "--expect-head", &head, "--force"], "")
        .code(2)
        .stderr_has("--yes");
    assert_eq!(env.dump(), dump, "a refused restore changes nothing");

    // With --force --yes --keep-tokens: the late account is gone, the token still works.
    env.run(
        &[
            "restore",
            path,
            "--expect-head",
            &head,
            "--force",
            "--yes",
            "--keep-tokens",
        ],
        "",
    )
    .ok()
    .stdout_has("0 API token(s) and");
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email = 'late@example.com'"),
        0
    );
    env.as_token(&token, &["whoami"]).ok();
    let detail = env.text(
        "SELECT detail FROM audit_events WHERE event = 'store.restored'",
        &[],
    );
    assert!(detail.contains("\"by\":\"admin@example.com\""), "{detail}");
}

#[test]
fn restore_refuses_a_backup_changed_since() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    let file = env.path().join("b.db");
    let run = env
        .run(&["--json", "backup", "--out", file.to_str().unwrap()], "")
        .ok();
    let head = head_of(&run);
    let path = file.to_str().unwrap();
    let dump = env.dump();
    // A backup whose rows changed (an administrator added, a hash swapped) is refused, though
    // its chain is intact; so is a head that is not the backup's last.
    let swapped = env.path().join("s.db");
    std::fs::copy(&file, &swapped).unwrap();
    let conn = rusqlite::Connection::open(&swapped).unwrap();
    conn.execute(
        "UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE id = 1) WHERE id = 2",
        [],
    )
    .unwrap();
    drop(conn);
    let swapped = swapped.to_str().unwrap();
    env.run(
        &[
            "restore",
            swapped,
            "--expect-head",
            &head,
            "--force",
            "--yes",
        ],
        "",
    )
    .code(12)
    .stderr_has("was changed since it was made");
    let earlier = env.text("SELECT hash FROM audit_events WHERE id = 2", &[]);
    env.run(
        &[
            "restore",
            path,
            "--expect-head",
            &earlier,
            "--force",
            "--yes",
        ],
        "",
    )
    .code(12)
    .stderr_has("does not end at");
    assert_eq!(env.dump(), dump, "a refused restore changes nothing");

    // A tampered backup does not verify.
    let tampered = env.path().join("t.db");
    std::fs::copy(&file, &tampered).unwrap();
    let conn = rusqlite::Connection::open(&tampered).unwrap();
    conn.execute("UPDATE audit_events SET target = 'x' WHERE id = 2", [])
        .unwrap();
    drop(conn);
    env.run(
        &[
            "restore",
            tampered.to_str().unwrap(),
            "--expect-head",
            &head,
            "--force",
            "--yes",
        ],
        "",
    )
    .code(12);
}
