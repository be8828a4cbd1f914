//! Single sign-on (README, "Single sign-on"): `login --idp` through the device flow against a
//! real OpenID provider (oidc-provider, tests/fixtures/oidc) approved by a scripted browser, and
//! the linking rules that keep a provider from taking over an account.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;

use crate::util::*;

pub(crate) fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/oidc")
}

/// `npm ci` of the fixture, once per test run; `false` (said on stderr) where Node.js or the
/// package cannot be had.
pub(crate) fn node_ready() -> bool {
    static DONE: Mutex<Option<bool>> = Mutex::new(None);
    let mut done = DONE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(ok) = *done {
        return ok;
    }
    let installed = fixture().join("node_modules/oidc-provider").exists()
        || Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--silent"])
            .current_dir(fixture())
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
    let ok = installed && Command::new("node").arg("--version").output().is_ok();
    if !ok {
        eprintln!(
            "skipped: Node.js or the oidc-provider package is missing (.ci/run installs them)"
        );
    }
    *done = Some(ok);
    ok
}

/// A running OpenID provider; stopped when dropped.
pub(crate) struct Provider {
    child: Child,
    pub issuer: String,
    /// Where it listens (not the issuer behind a proxy).
    listening: String,
    accounts: PathBuf,
    log: PathBuf,
}

impl Provider {
    pub(crate) fn start(dir: &Path, accounts: &str) -> Option<Provider> {
        Provider::start_with(dir, accounts, &[])
    }

    /// With the fixture's variables (`OIDC_DEVICE_TTL`, `OIDC_ISSUER`, …).
    fn start_with(dir: &Path, accounts: &str, vars: &[(&str, &str)]) -> Option<Provider> {
        if !node_ready() {
            return None;
        }
        let n = rand_suffix();
        let file = dir.join(format!("oidc-accounts-{n}.json"));
        std::fs::write(&file, accounts).unwrap();
        let log = dir.join(format!("oidc-{n}.log"));
        let mut child = Command::new("node")
            .arg(fixture().join("provider.mjs"))
            .arg("0")
            .env("OIDC_ACCOUNTS", &file)
            .envs(vars.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let words: Vec<&str> = line.split_whitespace().collect();
        let (issuer, listening) = match words.as_slice() {
            ["READY", issuer, listening] => (issuer.to_string(), listening.to_string()),
            _ => must(Err(anyhow::anyhow!("the provider did not start: {line:?}"))),
        };
        Some(Provider {
            child,
            issuer,
            listening,
            accounts: file,
            log,
        })
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn set_accounts(&self, accounts: &str) {
        std::fs::write(&self.accounts, accounts).unwrap();
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `useradm login --idp corp` (and `extra`) in the session file of `env.as_session(login,
/// …)`, approves its code as `login` with the scripted browser (or denies it), and returns the
/// run.
fn sign_in(env: &Env, login: &str, extra: &[&str], stdin: &str, deny: bool) -> Run {
    let approval = match deny {
        true => Approval::Deny,
        false => Approval::Approve,
    };
    sign_in_as(env, login, extra, stdin, approval)
}

/// What the scripted browser does with the code.
enum Approval<'a> {
    Approve,
    Deny,
    /// Nothing: the code expires.
    Never,
    /// Approves once the provider's log shows this (a slow_down sent).
    After(&'a Provider, &'a str),
}

fn sign_in_as(env: &Env, login: &str, extra: &[&str], stdin: &str, approval: Approval<'_>) -> Run {
    let err = env.path().join(format!("sso-{}.err", rand_suffix()));
    let mut args = vec!["login", "--idp", "corp"];
    args.extend(extra);
    let mut cmd = env.command(&args);
    cmd.env(
        "USERADM_SESSION_FILE",
        env.path().join(format!("session-{login}.json")),
    )
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(std::fs::File::create(&err).unwrap());
    let mut child = cmd.spawn().unwrap();
    {
        use std::io::Write;
        let mut input = child.stdin.take().unwrap();
        input.write_all(stdin.as_bytes()).unwrap();
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let shown = loop {
        let text = std::fs::read_to_string(&err).unwrap_or_default();
        if text.contains("enter the code") || std::time::Instant::now() > deadline {
            break text;
        }
        if child.try_wait().unwrap().is_some() {
            break text;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let found = (
        word_after(&shown, "any browser:"),
        word_after(&shown, "the code "),
    );
    let approves = !matches!(approval, Approval::Never);
    if let (Some(uri), Some(code), true) = (found.0, found.1, approves) {
        if let Approval::After(provider, text) = approval {
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
            while !provider.log().contains(text) && std::time::Instant::now() < deadline {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
        }
        let mut approve = Command::new("python3");
        approve
            .arg(fixture().join("approve.py"))
            .args([uri.as_str(), code.as_str(), login]);
        if matches!(approval, Approval::Deny) {
            approve.arg("--deny");
        }
        let done = approve.output().unwrap();
        assert!(
            done.status.success(),
            "the scripted browser failed: {}",
            String::from_utf8_lossy(&done.stderr)
        );
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: std::fs::read_to_string(&err).unwrap_or_default(),
    }
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

pub(crate) fn word_after(text: &str, marker: &str) -> Option<String> {
    let at = text.find(marker)? + marker.len();
    text[at..].split_whitespace().next().map(String::from)
}

pub(crate) const ACCOUNTS: &str = r#"{
  "alice": {"email": "alice@example.com", "email_verified": true, "amr": ["pwd"]},
  "bob":   {"email": "bob@example.com"},
  "eve":   {"email": "eve@evil.example", "email_verified": true},
  "newbie": {"email": "newbie@example.com", "email_verified": true},
  "mallory": {"email": "mallory@example.com", "email_verified": true, "hd": "other.example"},
  "boss":  {"email": "boss@example.com", "email_verified": true, "amr": ["pwd", "mfa"]}
}"#;

pub(crate) fn add_corp(env: &Env, provider: &Provider, extra: &[&str]) {
    let mut args = vec![
        "idp",
        "add",
        "corp",
        "--issuer",
        &provider.issuer,
        "--client-id",
        "useradm",
        "--allowed-domains",
        "example.com",
    ];
    args.extend(extra);
    env.run(&args, "").ok();
}

#[test]
fn a_linked_identity_signs_in_and_whoami_names_the_provider() {
    let env = Env::admin();
    let Some(provider) = Provider::start(env.path(), ACCOUNTS) else {
        return;
    };
    add_corp(&env, &provider, &[]);
    register(&env, "bob@example.com");
    // Not linked yet, and linking by address is off: refused, nothing linked.
    let refused = sign_in(&env, "bob", &[], "", false);
    assert_eq!(refused.code, 3, "{refused:?}");
    assert!(
        refused
            .stderr
            .contains("does not vouch for bob@example.com (email_verified is not true)")
            && refused.stderr.contains("--idp corp --subject bob`"),
        "{refused:?}"
    );
    assert_eq!(env.count("SELECT count(*) FROM identities"), 0);
    link(&env, "bob@example.com", "bob");
    let run = sign_in(&env, "bob", &[], "", false);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("Logged in as bob@example.com through corp"),
        "{run:?}"
    );
    env.as_session("bob", &["whoami"], "")
        .ok()
        .stdout_has("bob@example.com")
        .stdout_has("signed in via corp");
    env.run(&["users", "show", "bob@example.com"], "")
        .ok()
        .stdout_has("linked:       corp bob");
    // A denied approval opens nothing.
    let denied = sign_in(&env, "bob", &[], "", true);
    assert_eq!(denied.code, 3, "{denied:?}");
    assert!(denied.stderr.contains("denied"), "{denied:?}");
    // Unlinked, the identity signs in nowhere; linked again, it does.
    env.run(&["users", "unlink", "bob@example.com", "--idp", "corp"], "")
        .ok()
        .stdout_has("Unlinked 1 corp identit(ies)");
    assert_eq!(sign_in(&env, "bob", &[], "", false).code, 3);
    env.run(&["users", "unlink", "bob@example.com", "--idp", "corp"], "")
        .code(7);
    link(&env, "bob@example.com", "bob");
    // A disabled account is refused, whatever the provider says.
    env.run(&["users", "disable", "bob@example.com"], "").ok();
    let run = sign_in(&env, "bob", &[], "", false);
    assert_eq!(run.code, 8, "{run:?}");
    // Removing the provider unlinks its identities.
    env.run(&["idp", "remove", "corp"], "")
        .ok()
        .stdout_has("1 linked identit(ies) unlinked");
    assert_eq!(env.count("SELECT count(*) FROM identities"), 0);
}

#[test]
fn a_first_sign_in_links_by_a_vouched_address_once_the_account_is_proven() {
    let env = Env::admin();
    let Some(provider) = Provider::start(env.path(), ACCOUNTS) else {
        return;
    };
    add_corp(&env, &provider, &["--link-by", "verified-email"]);
    env.register_verified(ALICE, ALICE_PW);
    // A wrong password links nothing.
    let run = sign_in(
        &env,
        "alice",
        &["--password-stdin"],
        "not-her-password-1\n",
        false,
    );
    assert_eq!(run.code, 3, "{run:?}");
    assert_eq!(env.count("SELECT count(*) FROM identities"), 0);
    // The right one links, once.
    let run = sign_in(
        &env,
        "alice",
        &["--password-stdin"],
        &format!("{ALICE_PW}\n"),
        false,
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr
            .contains("prove that account once with its password"),
        "{run:?}"
    );
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'identity.linked'"),
        1
    );
    // Linked: no password asked again, and a password lockout does not block this credential.
    for _ in 0..5 {
        env.login(ALICE, "wrong-password-again-1").code(3);
    }
    env.login(ALICE, ALICE_PW).code(8);
    let run = sign_in(&env, "alice", &[], "", false);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!run.stderr.contains("password"), "{run:?}");
    env.as_session("alice", &["whoami"], "")
        .ok()
        .stdout_has("signed in via corp");

    // An account that holds everything is never linked by its address.
    provider.set_accounts(r#"{"admin": {"email": "admin@example.com", "email_verified": true}}"#);
    let run = sign_in(
        &env,
        "admin",
        &["--password-stdin"],
        &format!("{ADMIN_PW}\n"),
        false,
    );
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("holds every permission"), "{run:?}");
}

#[test]
fn refusals_leave_no_link_and_no_account() {
    let env = Env::admin();
    let Some(provider) = Provider::start(env.path(), ACCOUNTS) else {
        return;
    };
    add_corp(&env, &provider, &["--link-by", "verified-email"]);
    env.register_verified("eve@evil.example", ALICE_PW);
    register(&env, "bob@example.com");
    let users = env.count("SELECT count(*) FROM users");
    // No email_verified claim (a missing claim is false): refused.
    let run = sign_in(&env, "bob", &["--password-stdin"], "x\n", false);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(
        run.stderr.contains("does not vouch for bob@example.com"),
        "{run:?}"
    );
    // An address outside the allowed domains: refused, though the provider vouches for it.
    let run = sign_in(
        &env,
        "eve",
        &["--password-stdin"],
        &format!("{ALICE_PW}\n"),
        false,
    );
    assert_eq!(run.code, 3, "{run:?}");
    assert!(
        run.stderr
            .contains("outside the domains corp is trusted with"),
        "{run:?}"
    );
    // A hosted domain (Google's hd) that is not the address's: not vouched for.
    let run = sign_in(&env, "mallory", &[], "", false);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("hosted domain (hd)"), "{run:?}");
    // An unknown subject with closed registration: refused, no account made.
    env.config_set("registration.open", "false");
    let run = sign_in(&env, "newbie", &[], "", false);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("registration is closed"), "{run:?}");
    assert_eq!(env.count("SELECT count(*) FROM users"), users);
    assert_eq!(env.count("SELECT count(*) FROM identities"), 0);
    assert_eq!(
        env.count(
            "SELECT count(*) FROM audit_events WHERE event = 'login.failed' AND detail LIKE '%\"via\":\"corp\"%'"
        ),
        4
    );
    // Open registration and an allowed domain: the account is made, verified, without a password.
    env.config_set("registration.open", "true");
    let run = sign_in(&env, "newbie", &[], "", false);
    assert_eq!(run.code, 0, "{run:?}");
    let newbie = env
        .run(&["--json", "users", "show", "newbie@example.com"], "")
        .ok()
        .json();
    assert_eq!(newbie["email_verified"], true);
    assert_eq!(newbie["identities"][0]["provider"], "corp");
    assert_eq!(
        env.count(
            "SELECT count(*) FROM users WHERE email = 'newbie@example.com' AND password_hash IS NULL"
        ),
        1
    );
}

#[test]
fn a_second_factor_is_the_providers_only_when_trusted_with_it() {
    let env = Env::admin();
    let Some(provider) = Provider::start(env.path(), ACCOUNTS) else {
        return;
    };
    env.run(&["roles", "create", "ops", "--permission", "deploy.*"], "")
        .ok();
    env.config_set("mfa.required_roles", "ops");
    register(&env, "boss@example.com");
    env.run(
        &["grant", "--email", "boss@example.com", "--role", "ops"],
        "",
    )
    .ok();
    env.run(
        &[
            "users",
            "link",
            "boss@example.com",
            "--idp",
            "corp",
            "--subject",
            "boss",
        ],
        "",
    )
    .code(7);
    add_corp(&env, &provider, &[]);
    link(&env, "boss@example.com", "boss");
    // Not trusted with it: the session owes the local enrolment, though the token says mfa.
    let run = sign_in(&env, "boss", &[], "", false);
    assert_eq!(run.code, 0, "{run:?}");
    let doc = env
        .as_session("boss", &["--json", "whoami"], "")
        .ok()
        .json();
    let owed = doc["required_actions"].to_string();
    assert!(owed.contains("2fa") || owed.contains("second"), "{owed}");
    env.as_session("boss", &["check", "--permission", "deploy.x"], "")
        .code(8);
    // Trusted (--mfa-by-amr) and the token's amr says mfa: nothing owed.
    env.run(&["idp", "remove", "corp"], "").ok();
    add_corp(&env, &provider, &["--mfa-by-amr"]);
    link(&env, "boss@example.com", "boss");
    let run = sign_in(&env, "boss", &[], "", false);
    assert_eq!(run.code, 0, "{run:?}");
    env.as_session("boss", &["whoami"], "")
        .ok()
        .stdout_has("signed in via corp");
    let doc = env
        .as_session("boss", &["--json", "whoami"], "")
        .ok()
        .json();
    assert_eq!(doc["required_actions"], serde_json::json!([]));
    env.as_session("boss", &["check", "--permission", "deploy.x"], "")
        .ok();
}

#[test]
fn providers_are_checked_when_added_and_never_show_a_secret() {
    let env = Env::admin();
    env.run(
        &[
            "idp",
            "add",
            "x",
            "--issuer",
            "http://sso.example.com",
            "--client-id",
            "c",
        ],
        "",
    )
    .code(2)
    .stderr_has("https");
    env.run(
        &[
            "idp",
            "add",
            "x",
            "--issuer",
            "https://sso.example.com",
            "--client-id",
            "c",
            "--link-by",
            "verified-email",
        ],
        "",
    )
    .code(2)
    .stderr_has("--allowed-domains");
    // Nothing listens there: exit 9, nothing stored.
    let port = crate::smtp_flows::closed_port();
    env.run(
        &[
            "idp",
            "add",
            "x",
            "--issuer",
            &format!("http://127.0.0.1:{port}"),
            "--client-id",
            "c",
        ],
        "",
    )
    .code(9);
    // A provider that answers with more than 1 MiB (valid JSON: whitespace, then an object) is
    // not read to its end.
    let issuer = oversized_answers();
    env.run(
        &["idp", "add", "x", "--issuer", &issuer, "--client-id", "c"],
        "",
    )
    .code(9)
    .stderr_has("answered with more than 1 MiB");
    assert_eq!(env.count("SELECT count(*) FROM identity_providers"), 0);
    let Some(provider) = Provider::start(env.path(), ACCOUNTS) else {
        return;
    };
    let secret = env.path().join("secret");
    std::fs::write(&secret, "s3cret-for-tests\n").unwrap();
    env.run(
        &[
            "idp",
            "add",
            "corp",
            "--issuer",
            &provider.issuer,
            "--client-id",
            "useradm-secret",
            "--client-secret-file",
            secret.to_str().unwrap(),
        ],
        "",
    )
    .ok();
    for args in [&["idp", "show", "corp"][..], &["--json", "idp", "list"][..]] {
        let run = env.run(args, "").ok();
        assert!(!run.stdout.contains("s3cret"), "{run:?}");
    }
    env.run(&["idp", "show", "corp"], "")
        .ok()
        .stdout_has("client secret:    set (never shown)");
    // The confidential client signs in with its secret.
    env.register_verified("alice@example.com", ALICE_PW);
    link(&env, ALICE, "alice");
    let run = sign_in(&env, "alice", &[], "", false);
    assert_eq!(run.code, 0, "{run:?}");
    // Stored once (as a secret setting is), and in no event.
    assert_eq!(env.dump().matches("s3cret-for-tests").count(), 1);
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE detail LIKE '%s3cret%'"),
        0
    );
}

/// An issuer on 127.0.0.1 whose every answer is a 2 MiB JSON document.
fn oversized_answers() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let issuer = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut request = [0u8; 4096];
            let _ = std::io::Read::read(&mut stream, &mut request);
            let body = format!("{}{{}}", " ".repeat(2 << 20));
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = std::io::Write::write_all(&mut stream, head.as_bytes());
            let _ = std::io::Write::write_all(&mut stream, body.as_bytes());
        }
    });
    issuer
}

/// A tampering proxy in front of a provider that names the proxy as its issuer.
struct Proxy {
    child: Child,
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A provider behind a tampering proxy (`proxy.py` with `tamper`); the provider, the proxy and
/// the issuer (the proxy's URL).
fn tampered(dir: &Path, tamper: &[&str]) -> Option<(Provider, Proxy, String)> {
    let port = crate::smtp_flows::closed_port();
    let issuer = format!("http://127.0.0.1:{port}");
    let provider = Provider::start_with(dir, ACCOUNTS, &[("OIDC_ISSUER", &issuer)])?;
    let mut child = Command::new("python3")
        .arg(fixture().join("proxy.py"))
        .arg(port.to_string())
        .arg(&provider.listening)
        .args(tamper)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line.trim(), "READY");
    Some((provider, Proxy { child }, issuer))
}

/// Registers a verified account with a generated password.
pub(crate) fn register(env: &Env, email: &str) {
    env.run(
        &[
            "register",
            "--email",
            email,
            "--verified",
            "--generate-password",
        ],
        "",
    )
    .ok();
}

/// Links the identity `subject` of the provider `corp` to the account at `email`.
pub(crate) fn link(env: &Env, email: &str, subject: &str) {
    env.run(
        &[
            "users",
            "link",
            email,
            "--idp",
            "corp",
            "--subject",
            subject,
        ],
        "",
    )
    .ok();
}

fn bob_linked(env: &Env, provider_issuer: &str) {
    let _ = env.run(&["idp", "remove", "corp"], "");
    env.run(
        &[
            "idp",
            "add",
            "corp",
            "--issuer",
            provider_issuer,
            "--client-id",
            "useradm",
        ],
        "",
    )
    .ok();
    link(env, "bob@example.com", "bob");
}

#[test]
fn an_expired_code_and_a_slow_down() {
    let env = Env::admin();
    let Some(provider) = Provider::start_with(env.path(), ACCOUNTS, &[("OIDC_DEVICE_TTL", "3")])
    else {
        return;
    };
    register(&env, "bob@example.com");
    bob_linked(&env, &provider.issuer);
    let run = sign_in_as(&env, "bob", &[], "", Approval::Never);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("the code expired"), "{run:?}");
    assert!(!env.path().join("session-bob.json").exists());

    // A provider that wants slower polls than it advertised: told to slow down, the client
    // waits 5 s more, and the sign-in goes through.
    let slow =
        Provider::start_with(env.path(), ACCOUNTS, &[("OIDC_ENFORCED_INTERVAL", "2")]).unwrap();
    bob_linked(&env, &slow.issuer);
    let run = sign_in_as(
        &env,
        "bob",
        &[],
        "",
        Approval::After(&slow, "slow_down sent"),
    );
    assert_eq!(run.code, 0, "{run:?}");
    let log = slow.log();
    assert!(
        log.contains("slow_down sent") && !log.contains("slow_down ignored"),
        "{log}"
    );
}

#[test]
fn an_id_token_signed_by_another_key_or_for_another_client_is_refused() {
    let env = Env::admin();
    let Some(other) = Provider::start(env.path(), ACCOUNTS) else {
        return;
    };
    register(&env, "bob@example.com");
    let jwks = format!("{}/jwks", other.issuer);
    for (tamper, why) in [
        (
            vec!["--jwks-from", jwks.as_str()],
            "Signature verification failed",
        ),
        (vec!["--client-id-to", "useradm-other"], "Invalid audiences"),
    ] {
        let (_provider, _proxy, issuer) = tampered(env.path(), &tamper).unwrap();
        bob_linked(&env, &issuer);
        let run = sign_in(&env, "bob", &[], "", false);
        assert_eq!(run.code, 3, "{tamper:?}: {run:?}");
        assert!(
            run.stderr.contains("the ID token does not verify") && run.stderr.contains(why),
            "{tamper:?}: {run:?}"
        );
        assert!(!env.path().join("session-bob.json").exists());
    }
}

/// An `apply` file declaring the provider corp (`extra` lines added to its entry) and alice
/// linked through it; the secret file holds `secret`. Returns the file's path.
fn corp_state(env: &Env, issuer: &str, extra: &str, secret: &str) -> String {
    let secret_file = env.path().join("corp-secret");
    std::fs::write(&secret_file, format!("{secret}\n")).unwrap();
    let file = env.path().join("state.toml");
    let text = format!(
        "owner = \"ci\"\n\
         [idps.corp]\nissuer = \"{issuer}\"\nclient_id = \"useradm-secret\"\n\
         client_secret_file = \"{}\"\nallowed_domains = [\"Example.com\"]\n\
         link_by = \"verified-email\"\n{extra}\n\
         [[users]]\nemail = \"alice@example.com\"\n\
         identities = [{{ idp = \"corp\", subject = \"alice\" }}]\n",
        secret_file.display()
    );
    std::fs::write(&file, text).unwrap();
    file.display().to_string()
}

/// Identity providers declared in an `apply` file (README, "Accounts as code"): created once
/// the provider answers, the secret read from a file and never shown, then changed field by
/// field.
#[test]
fn identity_providers_are_declared_in_an_apply_file() {
    let env = Env::admin();
    let Some(provider) = Provider::start(env.path(), ACCOUNTS) else {
        return;
    };
    register(&env, "alice@example.com");
    let file = corp_state(&env, &provider.issuer, "", "s3cret-for-tests");
    let plan = env.run(&["apply", &file, "--dry-run", "--adopt"], "").ok();
    crate::apply::has_lines(
        &plan.stdout,
        &[
            "+ idp corp",
            "    client_id: useradm-secret",
            "    scopes: openid email profile",
            "    allowed_domains: example.com",
            "    link_by: verified-email",
            "    client_secret: (set)",
        ],
    );
    assert!(!plan.stdout.contains("s3cret") && !plan.stderr.contains("s3cret"));
    let applied = env.run(&["apply", &file, "--adopt"], "").ok();
    assert!(!applied.stdout.contains("s3cret") && !applied.stderr.contains("s3cret"));
    assert_eq!(
        env.rows(
            "SELECT client_secret, allowed_domains, link_by FROM identity_providers",
            &[]
        )[0]
        .iter()
        .map(|v| v.text())
        .collect::<Vec<_>>(),
        ["s3cret-for-tests", "example.com", "verified-email"]
    );
    assert_eq!(
        env.text(
            "SELECT owner FROM managed_providers WHERE name = 'corp'",
            &[]
        ),
        "ci"
    );
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE detail LIKE '%s3cret%'"),
        0
    );
    // The declared provider signs in, as a confidential client, through the declared link.
    let run = sign_in(&env, "alice", &[], "", false);
    assert_eq!(run.code, 0, "{run:?}");
    let events = env.count("SELECT count(*) FROM audit_events");
    env.run(&["apply", &file, "--check"], "").ok();
    env.run(&["apply", &file], "").ok();
    assert_eq!(env.count("SELECT count(*) FROM audit_events"), events);

    // A change, field by field; a new secret is said to be new, never shown.
    let file = corp_state(
        &env,
        &provider.issuer,
        "mfa_by_amr = true",
        "another-secret",
    );
    env.run(&["apply", &file, "--check"], "").code(13);
    let plan = env.run(&["apply", &file, "--dry-run"], "").ok();
    crate::apply::has_lines(
        &plan.stdout,
        &[
            "~ idp corp",
            "    mfa_by_amr: false -> true",
            "    client_secret: (set) -> (a new one)",
        ],
    );
    assert!(!plan.stdout.contains("another-secret"));
    env.run(&["apply", &file], "").ok();
    let detail: serde_json::Value = serde_json::from_str(&env.text(
        "SELECT detail FROM audit_events WHERE event = 'idp.changed'",
        &[],
    ))
    .unwrap();
    assert_eq!(detail["mfa_by_amr"], true, "{detail}");
    assert_eq!(detail["client_secret"], true, "{detail}");
    assert_eq!(
        env.text("SELECT client_secret FROM identity_providers", &[]),
        "another-secret"
    );
}

/// A declared provider's issuer never changes, another owner's is not taken, a new one needs
/// what `idp add` needs; pruned, it takes the identities linked through it.
#[test]
fn declared_providers_keep_their_issuer_and_owner_and_are_pruned() {
    let env = Env::admin();
    let Some(provider) = Provider::start(env.path(), ACCOUNTS) else {
        return;
    };
    register(&env, "alice@example.com");
    let file = corp_state(&env, &provider.issuer, "", "s3cret-for-tests");
    env.run(&["apply", &file, "--adopt"], "").ok();
    corp_state(
        &env,
        "https://elsewhere.example.com",
        "",
        "s3cret-for-tests",
    );
    env.run(&["apply", &file], "")
        .code(6)
        .stderr_has("an issuer never changes");
    let other = env.path().join("other.toml");
    let other_arg = other.display().to_string();
    std::fs::write(
        &other,
        "owner = \"other\"\n[idps.corp]\nmfa_by_amr = false\n",
    )
    .unwrap();
    env.run(&["apply", &other_arg], "")
        .code(6)
        .stderr_has("managed by \"ci\"");
    // One no owner manages is left alone, unchecked, unless adopted.
    env.run(
        &[
            "idp",
            "add",
            "hand",
            "--issuer",
            &provider.issuer,
            "--client-id",
            "useradm",
        ],
        "",
    )
    .ok();
    std::fs::write(
        &other,
        "owner = \"ci\"\n[idps.hand]\nissuer = \"https://elsewhere.example.com\"\n",
    )
    .unwrap();
    env.run(&["apply", &other_arg, "--dry-run"], "")
        .ok()
        .stdout_has("! idp hand (exists, not managed: --adopt manages it)");
    env.run(&["apply", &other_arg, "--adopt"], "")
        .code(6)
        .stderr_has("an issuer never changes");
    env.run(&["idp", "remove", "hand"], "").ok();
    std::fs::write(&other, "owner = \"ci\"\n[idps.new]\nclient_id = \"x\"\n").unwrap();
    env.run(&["apply", &other_arg], "")
        .code(2)
        .stderr_has("idps.new: a new provider needs issuer");
    assert_eq!(env.count("SELECT count(*) FROM identity_providers"), 1);
    assert_eq!(
        env.text("SELECT issuer FROM identity_providers", &[]),
        provider.issuer
    );

    // Not pruned while an account of the file still names it; then pruned with its links.
    std::fs::write(
        &file,
        "owner = \"ci\"\n[[users]]\nemail = \"alice@example.com\"\n\
         identities = [{ idp = \"corp\", subject = \"alice\" }]\n",
    )
    .unwrap();
    env.run(&["apply", &file, "--prune"], "")
        .code(2)
        .stderr_has("the identity provider \"corp\" is removed by this plan");
    std::fs::write(
        &file,
        "owner = \"ci\"\n[[users]]\nemail = \"alice@example.com\"\n",
    )
    .unwrap();
    env.run(&["apply", &file, "--prune", "--dry-run"], "")
        .ok()
        .stdout_has("- idp corp (left the file)");
    env.run(&["apply", &file, "--prune"], "").ok();
    assert_eq!(env.count("SELECT count(*) FROM identity_providers"), 0);
    assert_eq!(env.count("SELECT count(*) FROM identities"), 0);
    assert_eq!(env.count("SELECT count(*) FROM managed_providers"), 0);
    assert_eq!(
        env.count(
            "SELECT count(*) FROM audit_events WHERE event = 'idp.removed' AND target = 'corp'"
        ),
        1
    );
    env.run(&["audit", "verify"], "").ok();
}
