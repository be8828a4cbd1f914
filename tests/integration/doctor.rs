//! `useradm doctor` (README, "Operations"): one line per check, exit 14 when one found a
//! problem, `--fix` purging what is past retention through the retention rule itself.

use crate::smtp::SmtpServer;
use crate::smtp_flows::closed_port;
use crate::util::*;

const DAYS_40: i64 = 40 * 86_400;

/// The check of this name in a `--json doctor` document.
#[track_caller]
fn check(doc: &serde_json::Value, name: &str) -> serde_json::Value {
    let found = doc["checks"]
        .as_array()
        .and_then(|checks| checks.iter().find(|c| c["name"] == name))
        .cloned();
    must(found.ok_or_else(|| anyhow::anyhow!("no check {name:?} in {doc:#}")))
}

/// The text line of the check of this name.
#[track_caller]
fn line<'r>(run: &'r Run, name: &str) -> &'r str {
    let found = run
        .stdout
        .lines()
        .find(|l| l.get(9..).is_some_and(|rest| rest.starts_with(name)));
    must(found.ok_or_else(|| anyhow::anyhow!("no line for {name:?}: {run:?}")))
}

#[test]
fn a_healthy_store_is_all_ok_with_the_documented_json() {
    let env = Env::admin();
    let doc = env.run(&["--json", "doctor"], "").ok().json();
    assert_eq!(doc["problems"], 0, "{doc:#}");
    let checks = doc["checks"].as_array().unwrap();
    let names: Vec<&str> = checks.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "database file",
            "database folder",
            "session folder",
            "outbox folder",
            "schema",
            "integrity",
            "audit chain",
            "settings",
            "blocklist",
            "mail relay",
            "syslog",
            "legacy hashes",
            "retention",
            "huge pages",
        ]
    );
    for c in checks {
        let keys: Vec<&String> = c.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["detail", "fix", "name", "status"], "{c:#}");
        assert!(c["detail"].as_str().is_some_and(|d| !d.is_empty()), "{c:#}");
        // The host's transparent huge pages are the machine's, not the store's.
        if c["name"] == "huge pages" {
            assert_ne!(c["status"], "problem", "{c:#}");
            continue;
        }
        assert!(
            c["status"] == "ok" || c["status"] == "skipped",
            "not ok in a healthy store: {c:#}"
        );
        assert!(c["fix"].is_null(), "{c:#}");
    }
    assert_eq!(
        doc["warnings"].as_u64().unwrap() as usize,
        checks.iter().filter(|c| c["status"] == "warning").count()
    );
    assert!(
        check(&doc, "audit chain")["detail"]
            .as_str()
            .unwrap()
            .starts_with("intact"),
        "{doc:#}"
    );
    if env.on_server() {
        assert_eq!(check(&doc, "database file")["status"], "skipped");
        assert_eq!(check(&doc, "integrity")["status"], "skipped");
    }

    let run = env.run(&["doctor"], "").ok();
    assert!(line(&run, "schema").starts_with("ok "), "{run:?}");
    assert!(run.stderr.contains("No problems"), "{run:?}");
}

#[test]
fn a_database_others_can_read_is_a_problem_with_the_chmod() {
    let env = Env::admin();
    if env.skip_on_server("the database file's mode") {
        return;
    }
    set_mode(&env.db.path, 0o644);
    let run = env.run(&["doctor"], "").code(14);
    let db = env.db.path.display().to_string();
    let problem = line(&run, "database file");
    assert!(problem.starts_with("problem "), "{run:?}");
    assert!(problem.contains("mode 0644"), "{run:?}");
    assert!(problem.contains("others can read it"), "{run:?}");
    assert!(problem.contains(&format!("fix: chmod 600 {db}")), "{run:?}");
    let err = env.run(&["--json", "doctor"], "").code(14).error_json();
    assert_eq!(err["error"]["code"], "unhealthy");
    assert_eq!(err["error"]["exit"], 14);
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("database file"),
        "{err:#}"
    );

    // A folder others may look into but not write is a warning, not a problem.
    set_mode(&env.db.path, 0o600);
    let folder = env.db.path.parent().unwrap();
    set_mode(folder, 0o755);
    let doc = env.run(&["--json", "doctor"], "").ok().json();
    let c = check(&doc, "database folder");
    assert_eq!(c["status"], "warning", "{doc:#}");
    assert_eq!(
        c["fix"],
        format!("chmod 700 {}", folder.display()),
        "{doc:#}"
    );
    set_mode(folder, 0o700);
}

#[test]
fn a_broken_audit_chain_is_a_problem_line_not_an_early_exit() {
    let env = Env::admin();
    env.exec(
        "UPDATE audit_events SET detail = '{\"reason\":\"nothing\"}' WHERE id = 2",
        &[],
    );
    let run = env.run(&["doctor"], "").code(14);
    let broken = line(&run, "audit chain");
    assert!(broken.starts_with("problem "), "{run:?}");
    assert!(broken.contains("row 2"), "{run:?}");
    // Every other check still ran.
    assert!(line(&run, "huge pages").len() > 9, "{run:?}");
    run.stderr_has("doctor found 1 problem(s): audit chain");
}

#[test]
fn a_setting_out_of_bounds_is_a_problem_naming_it() {
    let env = Env::admin();
    env.exec(
        "UPDATE settings SET value = '0' WHERE key = 'lockout.max_failures'",
        &[],
    );
    // What alone would be a warning is said beside the problem.
    env.exec("DELETE FROM settings WHERE key = 'codes.ttl'", &[]);
    let doc = env.run(&["--json", "doctor"], "").code(14).json();
    let c = check(&doc, "settings");
    assert_eq!(c["status"], "problem", "{doc:#}");
    let detail = c["detail"].as_str().unwrap();
    assert!(detail.contains("lockout.max_failures"), "{doc:#}");
    assert!(
        detail.contains("no row (the default applies): codes.ttl"),
        "{doc:#}"
    );
    assert!(
        c["fix"]
            .as_str()
            .unwrap()
            .contains("useradm config set lockout.max_failures 5"),
        "{doc:#}"
    );
}

#[test]
fn an_unreadable_blocklist_file_is_a_problem() {
    let env = Env::admin();
    let missing = env.path().join("no-such-blocklist.txt");
    env.config_set("password.blocklist_file", missing.to_str().unwrap());
    let doc = env.run(&["--json", "doctor"], "").code(14).json();
    let c = check(&doc, "blocklist");
    assert_eq!(c["status"], "problem", "{doc:#}");
    assert!(
        c["detail"]
            .as_str()
            .unwrap()
            .contains(missing.to_str().unwrap()),
        "{doc:#}"
    );
}

#[test]
fn an_unreachable_relay_is_a_problem_naming_it_without_its_password() {
    let mut env = Env::admin();
    let port = closed_port();
    let secret = "relay-password-never-shown";
    let password_file = env.path().join("smtp-password");
    std::fs::write(&password_file, format!("{secret}\n")).unwrap();
    env.set_var(
        "USERADM_SMTP_URL",
        format!("smtp://mailer@127.0.0.1:{port}"),
    );
    env.set_var(
        "USERADM_SMTP_PASSWORD_FILE",
        password_file.display().to_string(),
    );
    let run = env.run(&["doctor"], "").code(14);
    let relay = line(&run, "mail relay");
    assert!(relay.starts_with("problem "), "{run:?}");
    assert!(relay.contains(&format!("127.0.0.1:{port}")), "{run:?}");
    assert!(relay.contains("USERADM_SMTP_URL"), "{run:?}");
    let json = env.run(&["--json", "doctor"], "").code(14);
    for out in [&run.stdout, &run.stderr, &json.stdout, &json.stderr] {
        assert!(!out.contains(secret), "the password leaked: {out}");
    }
}

#[test]
fn a_relay_that_answers_is_ok_and_gets_no_mail() {
    let server = SmtpServer::start();
    let mut env = Env::admin();
    env.set_var("USERADM_SMTP_URL", server.url());
    let doc = env.run(&["--json", "doctor"], "").ok().json();
    let c = check(&doc, "mail relay");
    assert_eq!(c["status"], "ok", "{doc:#}");
    assert!(
        c["detail"]
            .as_str()
            .unwrap()
            .contains(&format!("127.0.0.1:{}", server.port)),
        "{doc:#}"
    );
    assert!(server.messages().is_empty());
}

#[test]
fn rows_past_retention_are_a_warning_and_fix_purges_them() {
    let env = Env::admin();
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    env.login_as("old", ADMIN, ADMIN_PW);
    let old: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(env.path().join("session-old.json")).unwrap(),
    )
    .unwrap();
    let old_id = old["session_id"].as_str().unwrap().to_string();
    env.exec(
        "UPDATE sessions SET expires_at = expires_at - ?1, idle_until = idle_until - ?1 WHERE id = ?2",
        &[DAYS_40.into(), Arg::Text(&old_id)],
    );
    env.exec(
        "UPDATE one_time_codes SET expires_at = expires_at - ?1 WHERE purpose = 'verify'",
        &[DAYS_40.into()],
    );

    let run = env.run(&["doctor"], "").ok();
    let stale = line(&run, "retention");
    assert!(stale.starts_with("warning "), "{run:?}");
    assert!(stale.contains("1 ended session"), "{run:?}");
    assert!(stale.contains("1 used or expired code"), "{run:?}");
    assert!(stale.contains("doctor --fix"), "{run:?}");
    assert_eq!(env.count("SELECT count(*) FROM sessions"), 2);

    let doc = env.run(&["--json", "doctor", "--fix"], "").ok().json();
    let c = check(&doc, "retention");
    assert_eq!(c["status"], "ok", "{doc:#}");
    assert!(
        c["detail"].as_str().unwrap().contains("--fix purged"),
        "{doc:#}"
    );
    assert_eq!(
        env.int(
            "SELECT count(*) FROM sessions WHERE id = ?1",
            &[Arg::Text(&old_id)]
        ),
        0,
        "the ended session is gone"
    );
    assert_eq!(
        env.count("SELECT count(*) FROM sessions"),
        1,
        "the live session stays"
    );
    assert_eq!(
        env.count("SELECT count(*) FROM one_time_codes WHERE purpose = 'verify'"),
        0
    );
    // The purge is the retention rule's, recorded as the administrator's.
    let events = env
        .run(&["--json", "audit", "--limit", "5"], "")
        .ok()
        .json();
    let purged = events
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"] == "retention.purged")
        .unwrap_or_else(|| panic!("no retention.purged in {events:#}"))
        .clone();
    assert_eq!(purged["actor"], ADMIN, "{purged:#}");
    assert_eq!(purged["detail"]["sessions"], 1, "{purged:#}");
    assert_eq!(purged["detail"]["codes"], 1, "{purged:#}");
    env.run(&["audit", "verify"], "").ok();
}

#[test]
fn warnings_alone_exit_0() {
    let mut env = Env::admin();
    import_slow_account(&env);
    env.set_var(
        "USERADM_SYSLOG",
        env.path().join("no-logger-here").display().to_string(),
    );
    let run = env.run(&["doctor"], "").ok();
    let legacy = line(&run, "legacy hashes");
    assert!(legacy.starts_with("warning "), "{run:?}");
    assert!(legacy.contains("1 account(s)"), "{run:?}");
    assert!(legacy.contains("users list --legacy-hash"), "{run:?}");
    let syslog = line(&run, "syslog");
    assert!(syslog.starts_with("warning "), "{run:?}");
    assert!(syslog.contains("USERADM_SYSLOG"), "{run:?}");
}

#[test]
fn doctor_needs_settings_manage() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.login_as("alice", ALICE, ALICE_PW);
    env.as_session("alice", &["doctor"], "").code(5);
    env.as_session("alice", &["doctor", "--fix"], "").code(5);
    env.run(&["logout"], "").ok();
    env.run(&["doctor"], "").code(4);
}
