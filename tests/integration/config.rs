//! `config`: validated policy settings behind the gate.

use crate::util::*;

#[test]
fn set_get_list_with_validation() {
    let env = Env::admin();
    // A bare number is no duration: 45 meant minutes to whoever typed it.
    env.run(&["config", "set", "session.idle", "900"], "")
        .code(2)
        .stderr_has("a unit (s, m, h or d");
    let run = env
        .run(&["--json", "config", "set", "session.idle", "900s"], "")
        .ok();
    assert_eq!(run.json()["value"], "15m");
    assert_eq!(run.json()["changed"], true);
    env.run(&["config", "get", "session.idle"], "")
        .ok()
        .stdout_has("15m");
    let run = env
        .run(&["--json", "config", "set", "session.idle", "15m"], "")
        .ok();
    assert_eq!(run.json()["changed"], false);
    for (key, bad) in [
        ("argon2.memory_kib", "1024"),
        ("password.min_length", "7"),
        ("session.ttl", "400d"),
        ("registration.open", "maybe"),
        ("mail.smtp_url", "smtp://user:pw@mail.example.com"),
        ("mail.verify_url", "ftp://x/{code}"),
    ] {
        env.run(&["config", "set", key, bad], "")
            .code(2)
            .stderr_has("invalid value");
    }
    // A link carries a code: plain http only to this host.
    for key in ["mail.verify_url", "mail.reset_url", "mail.invite_url"] {
        env.run(&["config", "set", key, "http://app.example/r?c={code}"], "")
            .code(2)
            .stderr_has("use https://");
        for fine in [
            "https://app.example/r?c={code}",
            "http://127.0.0.1:8000/r?c={code}",
            "http://localhost/r?c={code}",
            "http://[::1]/r?c={code}",
        ] {
            env.run(&["config", "set", key, fine], "").ok();
        }
    }
    env.run(&["config", "set", "no.such.key", "1"], "")
        .code(2)
        .stderr_has("unknown setting");
    env.run(&["config", "get", "argon2.memory_kib"], "")
        .ok()
        .stdout_has("19456");
    let list = env.run(&["--json", "config", "list"], "").ok().json();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|s| s["key"] == "lockout.max_failures")
    );
}

#[test]
fn secrets_only_from_stdin_and_always_redacted() {
    let env = Env::admin();
    env.run(
        &["config", "set", "mail.smtp_password", "hunter2-secret"],
        "",
    )
    .code(2)
    .stderr_has("--value-stdin");
    env.run(
        &["config", "set", "mail.smtp_password", "--value-stdin"],
        "hunter2-secret\n",
    )
    .ok();
    for args in [
        &["config", "list"][..],
        &["--json", "config", "list"],
        &["config", "get", "mail.smtp_password"],
    ] {
        let run = env.run(args, "").ok();
        assert!(!run.stdout.contains("hunter2"), "{run:?}");
        assert!(run.stdout.contains("********"));
    }
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE detail LIKE '%hunter2%'"),
        0
    );
}

#[test]
fn config_needs_settings_read_and_manage() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.login(ALICE, ALICE_PW).ok();
    env.run(&["config", "list"], "")
        .code(5)
        .stderr_has("settings.read");
    env.run(&["config", "set", "session.idle", "1m"], "")
        .code(5)
        .stderr_has("settings.manage");
    env.run(&["logout"], "").ok();
    env.run(&["config", "list"], "").code(4);
    assert_eq!(
        env.count("SELECT count(*) FROM settings WHERE key='session.idle' AND value='30m'"),
        1
    );
}

#[test]
fn settings_are_rows_with_defaults() {
    let env = Env::new();
    env.init();
    assert_eq!(
        env.count("SELECT count(*) FROM settings WHERE key='password.min_length' AND value='15'"),
        1
    );
    assert_eq!(
        env.count("SELECT count(*) FROM settings WHERE key='argon2.memory_kib' AND value='19456'"),
        1
    );
}

#[test]
fn secrets_are_stored_exactly_as_given() {
    let env = Env::admin();
    env.run(
        &["config", "set", "mail.smtp_password", "--value-stdin"],
        "  pass word  \n",
    )
    .ok();
    let stored: String = env.text(
        "SELECT value FROM settings WHERE key='mail.smtp_password'",
        &[],
    );
    assert_eq!(stored, "  pass word  ");
}
