//! Security notices (README, "Security notices"): the account's address is told of each change a
//! takeover would make, after the command answered, without a secret, and a failed notice is
//! audited, never the command's failure.

use crate::smtp_flows::closed_port;
use crate::util::*;

/// The security notices in the outbox, oldest first: (recipient line, subject line, whole text).
fn notices(env: &Env) -> Vec<(String, String, String)> {
    env.outbox_messages()
        .into_iter()
        .filter(|(p, _)| p.to_string_lossy().contains("-security-"))
        .map(|(_, text)| {
            let text = decode_qp(&text);
            let line = |prefix: &str| {
                text.lines()
                    .find_map(|l| l.strip_prefix(prefix))
                    .unwrap_or_default()
                    .to_string()
            };
            (line("To: "), line("Subject: "), text)
        })
        .collect()
}

fn subjects_to(env: &Env, to: &str) -> Vec<String> {
    notices(env)
        .into_iter()
        .filter(|(rcpt, _, _)| rcpt == to)
        .map(|(_, subject, _)| subject)
        .collect()
}

#[test]
fn each_change_a_takeover_would_make_is_told_to_the_account() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.login_as("alice", ALICE, ALICE_PW);
    assert!(
        notices(&env).is_empty(),
        "registering and logging in tell nothing"
    );

    env.as_session(
        "alice",
        &["passwd", "--password-stdin"],
        &format!("{ALICE_PW}\n{NEW_PW}\n"),
    )
    .ok();
    env.run(
        &[
            "tokens",
            "create",
            "--name",
            "deploy",
            "--permission",
            "users.read",
        ],
        "",
    )
    .ok();
    let told = notices(&env);
    assert_eq!(told.len(), 2, "{told:?}");
    assert_eq!(told[0].0, ALICE);
    assert_eq!(told[0].1, "Your password was changed");
    assert!(told[0].2.contains("By:    this account"), "{}", told[0].2);
    assert!(told[0].2.contains("Where: host "), "{}", told[0].2);
    assert_eq!(told[1].0, ADMIN);
    assert_eq!(told[1].1, "A new API token for your account");
    assert!(told[1].2.contains("named deploy"), "{}", told[1].2);
    for (_, _, text) in &told {
        assert!(!text.contains(ALICE_PW) && !text.contains(NEW_PW), "{text}");
        assert!(!text.contains("uadm_"), "no token secret: {text}");
    }

    // An administrator's changes name the administrator.
    let generated = env
        .run(
            &[
                "--json",
                "users",
                "set-password",
                ALICE,
                "--generate-password",
            ],
            "",
        )
        .ok()
        .json();
    let password = generated["password"].as_str().unwrap().to_string();
    env.run(&["users", "disable", ALICE], "").ok();
    let subjects = subjects_to(&env, ALICE);
    assert_eq!(
        subjects[1..],
        [
            "A new password was set for your account",
            "Your account was disabled"
        ]
    );
    let told = notices(&env);
    assert!(
        told[2]
            .2
            .contains(&format!("By:    {ADMIN}, an administrator")),
        "{}",
        told[2].2
    );
    assert!(
        told.iter().all(|(_, _, text)| !text.contains(&password)),
        "a generated password is never mailed"
    );
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'notice.sent'"),
        4
    );
}

#[test]
fn a_changed_email_is_told_to_both_addresses() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.login_as("alice", ALICE, ALICE_PW);
    let new = "alice@example.org";
    env.run(&["users", "update", ALICE, "--email", new], "")
        .ok();
    assert_eq!(
        subjects_to(&env, ALICE),
        ["Your email address is being changed"]
    );
    let code = env.last_code("email_change");
    env.run(
        &["verify", "--email", new, "--code-stdin"],
        &format!("{code}\n"),
    )
    .ok();
    let changed = "The email address of your account was changed";
    assert_eq!(subjects_to(&env, ALICE)[1..], [changed]);
    assert_eq!(subjects_to(&env, new), [changed]);
    let (_, _, text) = notices(&env).pop().unwrap();
    assert!(text.contains(ALICE) && text.contains(new), "{text}");
    assert!(!text.contains(&code), "{text}");

    env.run(&["reset", "--email", new], "").ok();
    let code = env.last_code("reset");
    env.run(
        &["reset", "--email", new, "--code-stdin"],
        &format!("{code}\n{NEW_PW}\n"),
    )
    .ok();
    assert_eq!(subjects_to(&env, new)[1..], ["Your password was reset"]);
}

#[test]
fn second_factor_changes_are_told() {
    let env = Env::admin();
    let (secret, _) = crate::mfa::enrol(&env);
    let code = useradm::totp::code_at(&secret, crate::mfa::fresh_step()).unwrap();
    let fresh = env
        .run(
            &[
                "--json",
                "2fa",
                "recovery-codes",
                "--password-stdin",
                "--otp-stdin",
            ],
            &format!("{ADMIN_PW}\n{code}\n"),
        )
        .ok()
        .json();
    let recovery = fresh["recovery_codes"][0].as_str().unwrap().to_string();
    env.run(
        &[
            "2fa",
            "disable",
            "--password-stdin",
            "--recovery-code-stdin",
        ],
        &format!("{ADMIN_PW}\n{recovery}\n"),
    )
    .ok();
    assert_eq!(
        subjects_to(&env, ADMIN),
        [
            "A second factor was added to your account",
            "New recovery codes were made for your account",
            "The second factor of your account was removed"
        ]
    );
    for (_, _, text) in notices(&env) {
        assert!(
            !text.contains(&secret) && !text.contains(&recovery),
            "{text}"
        );
    }
}

#[test]
fn notify_events_turns_each_notice_off() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.config_set("notify.events", "account_disabled");
    env.run(
        &["users", "set-password", ALICE, "--password-stdin"],
        &format!("{NEW_PW}\n"),
    )
    .ok();
    env.run(&["users", "disable", ALICE], "").ok();
    assert_eq!(subjects_to(&env, ALICE), ["Your account was disabled"]);

    let bad = env
        .run(
            &["config", "set", "notify.events", "password_changed,nope"],
            "",
        )
        .code(2);
    bad.stderr_has("unknown notice \"nope\"");
    env.run(&["config", "set", "notify.events", ""], "").ok();
    env.run(&["users", "enable", ALICE], "").ok();
    env.run(&["users", "disable", ALICE], "").ok();
    assert_eq!(subjects_to(&env, ALICE).len(), 1, "all turned off");
    assert_eq!(env.count("SELECT count(*) FROM mail_queue"), 1);
}

/// A notice whose server is down fails in the deliverer: the command succeeded, the failure is
/// audited, and the notice waits in the queue for a retry.
#[test]
fn a_failed_notice_is_audited_and_retried_never_the_commands_failure() {
    let mut env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.set_var(
        "USERADM_SMTP_URL",
        format!("smtp://127.0.0.1:{}", closed_port()),
    );
    env.run(&["users", "disable", ALICE], "").ok();
    env.wait_for_mail();
    let failed = "SELECT count(*) FROM audit_events WHERE event = 'notice.undeliverable'";
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while env.count(failed) == 0 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(env.count(failed), 1);
    let waiting = env.run(&["--json", "mail", "list"], "").ok().json();
    assert_eq!(waiting[0]["purpose"], "notice");
    assert_eq!(waiting[0]["address"], ALICE);
    assert_eq!(waiting[0]["attempts"], 1);
}

/// Import writes the events the commands write, so its changes are told too.
#[test]
fn an_import_that_disables_an_account_tells_it() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    let csv = format!("email,status\n{ALICE},disabled\n");
    env.run(
        &[
            "import",
            "-",
            "--format",
            "csv",
            "--on-conflict",
            "update",
            "--no-email",
        ],
        &csv,
    )
    .ok();
    assert_eq!(subjects_to(&env, ALICE), ["Your account was disabled"]);
}

/// `new_source` (off by default): a login from a host and OS user the account never logged in
/// from is audited, and told to the account where `notify.events` asks for it; a first login is
/// not new, nor a login from a known source.
#[test]
fn a_login_from_a_new_source_is_audited_and_told_when_asked() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    let new_source = "SELECT count(*) FROM audit_events WHERE event = 'login.new_source'";
    env.login_as("alice", ALICE, ALICE_PW);
    env.login_as("alice", ALICE, ALICE_PW);
    assert_eq!(env.count(new_source), 0);
    assert_eq!(
        env.count(
            "SELECT count(*) FROM login_sources l JOIN users u ON u.id = l.user_id
                    WHERE u.email = 'alice@example.com'"
        ),
        1
    );
    // As if every login so far had come from another machine.
    env.exec("UPDATE login_sources SET host = 'laptop'", &[]);
    env.login_as("alice", ALICE, ALICE_PW);
    assert_eq!(env.count(new_source), 1);
    assert!(subjects_to(&env, ALICE).is_empty(), "off by default");

    let current = env.run(&["config", "get", "notify.events"], "").ok();
    env.config_set(
        "notify.events",
        &format!("{},new_source", current.stdout.trim()),
    );
    env.exec("DELETE FROM login_sources", &[]);
    env.login_as("alice", ALICE, ALICE_PW);
    assert_eq!(env.count(new_source), 2);
    let told = notices(&env);
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].1, "A login from a new place");
    assert!(told[0].2.contains("Where: host "), "{}", told[0].2);
}
