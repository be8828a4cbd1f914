//! `checkpassword`, driven as qmail's programs drive it: the request on file descriptor 3
//! (`user\0password\0timestamp\0`), PROG run on success with USER and HOME, exit 1 for any
//! refusal, 2 for misuse, 111 for a temporary failure; nothing printed by useradm itself.

use std::process::Command;

use crate::util::*;

/// Runs `useradm checkpassword PROG…` with `input` on descriptor 3 (none when `None`), the way
/// a shell in a run script would.
fn checkpassword(env: &Env, input: Option<&[u8]>, prog: &[&str]) -> Run {
    let direct = env.command(&[&["checkpassword"], prog].concat());
    let mut cmd = Command::new("sh");
    let script = match input {
        Some(bytes) => {
            let file = env.path().join("fd3");
            std::fs::write(&file, bytes).unwrap();
            cmd.env("CP_INPUT", file);
            "exec \"$0\" \"$@\" 3<\"$CP_INPUT\""
        }
        None => "exec \"$0\" \"$@\" 3<&-",
    };
    cmd.arg("-c")
        .arg(script)
        .arg(direct.get_program())
        .args(direct.get_args());
    for (key, value) in direct.get_envs() {
        match value {
            Some(v) => cmd.env(key, v),
            None => cmd.env_remove(key),
        };
    }
    Env::run_cmd(cmd, b"")
}

const SHOW: [&str; 3] = ["sh", "-c", "echo \"ran as $USER home $HOME\""];

#[test]
fn the_checkpassword_protocol_is_spoken() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    let request = |user: &str, pw: &str| format!("{user}\0{pw}\01764000000\0").into_bytes();

    let ok = checkpassword(&env, Some(&request(ALICE, ALICE_PW)), &SHOW);
    assert_eq!(ok.code, 0, "{ok:?}");
    assert_eq!(ok.stdout.trim(), "ran as alice@example.com home /");
    env.config_set("checkpassword.home", "/var/mail/home");
    let ok = checkpassword(&env, Some(&request(ALICE, ALICE_PW)), &SHOW);
    assert_eq!(
        ok.stdout.trim(),
        "ran as alice@example.com home /var/mail/home"
    );

    // Every refusal is 1 and prints nothing: a wrong password, an unknown user, not an email.
    for (user, pw) in [
        (ALICE, "not her password at all"),
        ("nobody@example.com", ALICE_PW),
        ("nobody", ALICE_PW),
    ] {
        let run = checkpassword(&env, Some(&request(user, pw)), &SHOW);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (1, "", ""),
            "{user}"
        );
    }
    // Misuse: more than 512 bytes, or no descriptor 3.
    let long = request(ALICE, &"x".repeat(600));
    assert_eq!(checkpassword(&env, Some(&long), &SHOW).code, 2);
    assert_eq!(checkpassword(&env, None, &SHOW).code, 2);

    // An account with a second factor: the protocol carries one secret, so it is refused.
    checkpassword(&env, Some(&request(ADMIN, ADMIN_PW)), &SHOW).code(0);
    crate::mfa::enrol(&env);
    let run = checkpassword(&env, Some(&request(ADMIN, ADMIN_PW)), &SHOW);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));

    // A disabled account is refused like a wrong password.
    env.run(&["users", "disable", ALICE], "").ok();
    let run = checkpassword(&env, Some(&request(ALICE, ALICE_PW)), &SHOW);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    assert!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'authenticate.failed'") >= 3
    );
}

/// A store that cannot be reached is a temporary failure (111), which the caller retries.
#[test]
fn an_unreachable_store_is_a_temporary_failure() {
    let mut env = Env::admin();
    let missing = env.path().join("missing.db");
    env.set_var("USERADM_DB", missing.display().to_string());
    let run = checkpassword(&env, Some(b"alice@example.com\0pw\0\0"), &SHOW);
    assert_eq!(run.code, 111, "{run:?}");
    assert!(run.stdout.is_empty() && run.stderr.is_empty(), "{run:?}");
}
