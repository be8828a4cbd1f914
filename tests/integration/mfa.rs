//! Second factor (TOTP): enrolment, login with current, wrong, replayed and skewed codes,
//! recovery codes, disable, admin reset, the required-roles policy, and lockout with codes.
//! Codes are computed here from the clock, the way an authenticator app does.

use useradm::totp::{STEP_SECONDS, code_at, step_of};

use crate::util::*;

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// Waits until the current step has at least 3 s left, so a code computed now is still current.
pub(crate) fn fresh_step() -> i64 {
    while STEP_SECONDS - now() % STEP_SECONDS < 3 {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    step_of(now())
}

/// Enrols the default session's user; returns the secret and the recovery codes.
pub(crate) fn enrol(env: &Env) -> (String, Vec<String>) {
    let started = env.run(&["--json", "2fa", "enable"], "").ok().json();
    assert_eq!(started["enabled"], false);
    let secret = started["secret"].as_str().unwrap().to_string();
    assert!(
        started["uri"]
            .as_str()
            .unwrap()
            .starts_with("otpauth://totp/useradm:")
    );
    env.run(&["2fa", "status"], "")
        .ok()
        .stdout_has("Not enabled: an enrolment waits");
    let code = code_at(&secret, fresh_step() - 1).unwrap();
    let done = env
        .run(
            &["--json", "2fa", "enable", "--otp-stdin"],
            &format!("{code}\n"),
        )
        .ok()
        .json();
    assert_eq!(done["enabled"], true);
    let codes: Vec<String> = done["recovery_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    assert_eq!(codes.len(), 10);
    (secret, codes)
}

fn login_with(env: &Env, otp: &str) -> Run {
    env.run(
        &["login", "--email", ADMIN, "--password-stdin", "--otp-stdin"],
        &format!("{ADMIN_PW}\n{otp}\n"),
    )
}

#[test]
fn enrolment_and_login_with_current_wrong_replayed_and_skewed_codes() {
    let env = Env::admin();
    let (secret, _) = enrol(&env);
    env.run(&["2fa", "status"], "")
        .ok()
        .stdout_has("Enabled; 10 recovery code(s) left");
    env.run(&["2fa", "enable"], "").code(6);
    // Without a code, a script is told what to pass.
    env.login(ADMIN, ADMIN_PW).code(2).stderr_has("--otp-stdin");
    login_with(&env, "000000")
        .code(3)
        .stderr_has("second-factor code");
    let step = fresh_step();
    let current = code_at(&secret, step).unwrap();
    login_with(&env, &current).ok();
    login_with(&env, &current).code(3);
    // One step of skew either way; older steps fail.
    let next = code_at(&secret, step + 1).unwrap();
    env.run(
        &[
            "authenticate",
            "--email",
            ADMIN,
            "--password-stdin",
            "--otp-stdin",
        ],
        &format!("{ADMIN_PW}\n{}\n", &next),
    )
    .ok();
    let old = code_at(&secret, step - 3).unwrap();
    env.run(
        &[
            "authenticate",
            "--email",
            ADMIN,
            "--password-stdin",
            "--otp-stdin",
        ],
        &format!("{ADMIN_PW}\n{}\n", &old),
    )
    .code(3);
    // A wrong password never asks for the code.
    env.run(
        &["authenticate", "--email", ADMIN, "--password-stdin"],
        "not-the-password-1\n",
    )
    .code(3)
    .stderr_has("wrong email or password");
}

#[test]
fn recovery_codes_work_once_and_regenerate() {
    let env = Env::admin();
    let (secret, codes) = enrol(&env);
    let hashes =
        env.count("SELECT count(*) FROM recovery_codes WHERE code_hash LIKE '$argon2id$%'");
    assert_eq!(hashes, 10);
    let use_code = |code: &str| {
        env.run(
            &[
                "login",
                "--email",
                ADMIN,
                "--password-stdin",
                "--recovery-code-stdin",
            ],
            &format!("{ADMIN_PW}\n{code}\n"),
        )
    };
    use_code(&codes[0]).ok();
    use_code(&codes[0]).code(3);
    use_code(&codes[1].to_lowercase()).ok();
    env.run(&["2fa", "status"], "")
        .ok()
        .stdout_has("8 recovery code(s) left");
    env.run(
        &["2fa", "recovery-codes", "--password-stdin", "--otp-stdin"],
        &format!("{ADMIN_PW}\n000000\n"),
    )
    .code(3);
    let code = code_at(&secret, fresh_step()).unwrap();
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
    let new_codes: Vec<String> = fresh["recovery_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    use_code(&codes[2]).code(3);
    use_code(&new_codes[0]).ok();
}

#[test]
fn disable_needs_password_and_code_and_admins_can_reset() {
    let env = Env::admin();
    let (secret, _) = enrol(&env);
    env.run(
        &["2fa", "disable", "--password-stdin", "--otp-stdin"],
        &format!(
            "wrong-password-x1\n{}\n",
            code_at(&secret, fresh_step()).unwrap()
        ),
    )
    .code(3);
    env.run(
        &["2fa", "disable", "--password-stdin", "--otp-stdin"],
        &format!("{ADMIN_PW}\n111111\n"),
    )
    .code(3);
    let code = code_at(&secret, fresh_step()).unwrap();
    env.run(
        &["2fa", "disable", "--password-stdin", "--otp-stdin"],
        &format!("{ADMIN_PW}\n{code}\n"),
    )
    .ok();
    env.login(ADMIN, ADMIN_PW).ok();

    env.register_verified(ALICE, ALICE_PW);
    env.login_as("alice", ALICE, ALICE_PW);
    let started = env
        .as_session("alice", &["--json", "2fa", "enable"], "")
        .ok()
        .json();
    let alice_secret = started["secret"].as_str().unwrap().to_string();
    let code = code_at(&alice_secret, fresh_step()).unwrap();
    env.as_session(
        "alice",
        &["2fa", "enable", "--otp-stdin"],
        &format!("{code}\n"),
    )
    .ok();
    env.run(&["--json", "users", "reset-2fa", ALICE], "").ok();
    assert_eq!(env.count("SELECT count(*) FROM totp"), 0);
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'mfa.reset'"),
        1
    );
    env.login(ALICE, ALICE_PW).ok();
    // A password reset does not remove a second factor.
    let started = env.run(&["--json", "2fa", "enable"], "").ok().json();
    let secret = started["secret"].as_str().unwrap().to_string();
    env.run(
        &["2fa", "enable", "--otp-stdin"],
        &format!("{}\n", &code_at(&secret, fresh_step()).unwrap()),
    )
    .ok();
    env.run(&["reset", "--email", ALICE], "").ok();
    let code = env.last_code("reset");
    env.run(
        &["reset", "--email", ALICE, "--code-stdin"],
        &format!("{code}\n{NEW_PW}\n"),
    )
    .ok();
    assert_eq!(
        env.count("SELECT count(*) FROM totp WHERE confirmed_at IS NOT NULL"),
        1
    );
    env.login(ALICE, NEW_PW).code(2).stderr_has("second factor");
}

#[test]
fn required_roles_allow_only_enrolment() {
    let env = Env::admin();
    env.config_set("mfa.required_roles", "admin");
    let owed = env.run(&["--json", "users", "list"], "").code(8);
    assert_eq!(owed.error_json()["error"]["code"], "mfa_enrolment_required");
    owed.stderr_has("2fa enable");
    let whoami = env.run(&["--json", "whoami"], "").ok().json();
    assert_eq!(
        whoami["required_actions"],
        serde_json::json!(["enrol_second_factor"])
    );
    let (secret, _) = enrol(&env);
    env.run(&["users", "list"], "").ok();
    assert!(!secret.is_empty());
    env.run(&["config", "set", "mfa.required_roles", "Bad Role"], "")
        .code(2);
}

/// `mfa.required_roles = "*"`: every account must enrol before anything else; an API token,
/// single-factor by design, keeps working, and a session owing an enrolment cannot make one.
#[test]
fn star_requires_a_second_factor_of_every_account_but_not_of_tokens() {
    let env = Env::admin();
    let token = env.token(&["users.read"]);
    env.register_verified(ALICE, ALICE_PW);
    env.login_as("alice", ALICE, ALICE_PW);
    env.run(&["config", "set", "mfa.required_roles", "*,admin"], "")
        .code(2)
        .stderr_has("stands alone");
    env.config_set("mfa.required_roles", "*");
    let refused = env
        .as_session(
            "alice",
            &[
                "--json",
                "tokens",
                "create",
                "--name",
                "ci",
                "--permission",
                "users.read",
            ],
            "",
        )
        .code(8);
    assert_eq!(
        refused.error_json()["error"]["code"],
        "mfa_enrolment_required"
    );
    env.as_session("alice", &["whoami"], "").ok();
    env.run(&["users", "list"], "")
        .code(8)
        .stderr_has("2fa enable");
    env.as_token(&token, &["users", "list"]).ok();
    enrol(&env);
    env.run(&["users", "list"], "").ok();
}

#[test]
fn failed_codes_count_towards_the_lockout() {
    let env = Env::admin();
    let (secret, _) = enrol(&env);
    for _ in 0..5 {
        login_with(&env, "123456").code(3);
    }
    login_with(&env, &code_at(&secret, fresh_step()).unwrap()).code(8);
}

#[test]
fn no_secret_or_code_appears_outside_the_enrolment() {
    let env = Env::admin();
    let (secret, codes) = enrol(&env);
    let step = fresh_step();
    let current = code_at(&secret, step).unwrap();
    let mut outputs = vec![login_with(&env, &current)];
    outputs.push(env.run(&["--json", "2fa", "status"], ""));
    outputs.push(env.run(&["--json", "whoami"], ""));
    outputs.push(env.run(&["--json", "audit", "--limit", "100"], ""));
    outputs.push(env.run(&["--json", "users", "show", ADMIN], ""));
    for run in &outputs {
        for s in std::iter::once(&secret)
            .chain(codes.iter())
            .chain(std::iter::once(&current))
        {
            assert!(
                !run.stdout.contains(s.as_str()) && !run.stderr.contains(s.as_str()),
                "{run:?}"
            );
        }
    }
}

/// A second run of `2fa enable` within 10 minutes offers the pending secret again (the one
/// already scanned); after that a new one.
#[test]
fn a_pending_enrolment_is_offered_again_for_ten_minutes() {
    let env = Env::admin();
    let secret = |env: &Env| {
        env.run(&["--json", "2fa", "enable"], "").ok().json()["secret"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let first = secret(&env);
    assert_eq!(secret(&env), first);
    env.exec("UPDATE totp SET created_at = created_at - 601", &[]);
    let second = secret(&env);
    assert_ne!(second, first);
    // Another session, even of the same account, never gets the pending secret: it may be
    // someone else who knows the password.
    env.login_as("elsewhere", ADMIN, ADMIN_PW);
    let other = env
        .as_session("elsewhere", &["--json", "2fa", "enable"], "")
        .ok()
        .json()["secret"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(other, second);
}
