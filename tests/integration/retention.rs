//! Retention (README, "What is stored, and for how long"): operational rows are purged after
//! `retention.operational` by the first write of a day; the audit log stays.

use crate::util::*;

const DAYS_40: i64 = 40 * 86_400;

#[test]
fn the_first_write_of_a_day_purges_what_is_past_retention() {
    let env = Env::admin();
    // A code (alice's verification), a sent mail (her reset request), a failure counter of an
    // unknown address, and a second session of the administrator.
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    env.run(&["reset", "--email", ALICE], "").ok();
    env.wait_for_mail();
    env.login("ghost@example.com", "not-the-password-at-all")
        .code(3);
    env.login_as("old", ADMIN, ADMIN_PW);
    let old_file = env.path().join("session-old.json");
    let old: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&old_file).unwrap()).unwrap();
    let old_id = old["session_id"].as_str().unwrap().to_string();
    // One of each is made 40 days old; a fresh code stays.
    env.exec(
        "UPDATE sessions SET expires_at = expires_at - ?1, idle_until = idle_until - ?1 WHERE id = ?2",
        &[DAYS_40.into(), Arg::Text(&old_id)],
    );
    env.exec(
        "UPDATE one_time_codes SET expires_at = expires_at - ?1 WHERE purpose = 'verify'",
        &[DAYS_40.into()],
    );
    env.exec(
        "UPDATE mail_queue SET done_at = done_at - ?1",
        &[DAYS_40.into()],
    );
    env.exec(
        "UPDATE login_failures SET updated_at = updated_at - ?1",
        &[DAYS_40.into()],
    );
    env.exec("UPDATE meta SET value = '0' WHERE key = 'purged_at'", &[]);
    let events_before = env.count("SELECT count(*) FROM audit_events");

    env.run(&["roles", "create", "ops"], "").ok();
    assert_eq!(
        env.count("SELECT count(*) FROM sessions"),
        1,
        "only the live session stays"
    );
    assert_eq!(
        env.count("SELECT count(*) FROM one_time_codes WHERE purpose = 'verify'"),
        0
    );
    assert_eq!(
        env.count("SELECT count(*) FROM one_time_codes WHERE purpose = 'reset'"),
        1,
        "a live code stays"
    );
    assert_eq!(env.count("SELECT count(*) FROM mail_queue"), 0);
    assert_eq!(env.count("SELECT count(*) FROM login_failures"), 0);
    let purged = env
        .run(&["--json", "audit", "--limit", "3"], "")
        .ok()
        .json();
    let event = purged
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"] == "retention.purged")
        .unwrap_or_else(|| panic!("no retention.purged in {purged:#}"))
        .clone();
    assert_eq!(event["detail"]["sessions"], 1, "{event:#}");
    assert_eq!(event["detail"]["codes"], 1, "{event:#}");
    assert_eq!(event["detail"]["mail"], 1, "{event:#}");
    assert_eq!(event["detail"]["failure_counters"], 1, "{event:#}");
    assert!(env.count("SELECT count(*) FROM audit_events") > events_before);

    // Once a day: a row that ages later waits for tomorrow's purge.
    env.exec(
        "UPDATE one_time_codes SET expires_at = expires_at - ?1",
        &[DAYS_40.into()],
    );
    env.run(&["roles", "create", "ops2"], "").ok();
    assert_eq!(env.count("SELECT count(*) FROM one_time_codes"), 1);
    env.run(&["audit", "verify"], "").ok();
}
