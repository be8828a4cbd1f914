//! Single sign-on (README, "Single sign-on"): `login --idp` through the device flow against a
//! real OpenID provider (oidc-provider, tests/fixtures/oidc) approved by a scripted browser, and
//! the linking rules that keep a provider from taking over an account.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;

use crate::util::*;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/oidc")
}

/// `npm ci` of the fixture, once per test run; `false` (said on stderr) where Node.js or the
/// package cannot be had.
fn node_ready() -> bool {
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
struct Provider {
    child: Child,
    issuer: String,
    accounts: PathBuf,
}

impl Provider {
    fn start(dir: &Path, accounts: &str) -> Option<Provider> {
        if !node_ready() {
            return None;
        }
        let file = dir.join("oidc-accounts.json");
        std::fs::write(&file, accounts).unwrap();
        let mut child = Command::new("node")
            .arg(fixture().join("provider.mjs"))
            .arg("0")
            .env("OIDC_ACCOUNTS", &file)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(dir.join("oidc.log")).unwrap())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let issuer = line
            .trim()
            .strip_prefix("READY ")
            .unwrap_or_else(|| panic!("the provider did not start: {line:?}"))
            .to_string();
        Some(Provider {
            child,
            issuer,
            accounts: file,
        })
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
    if let (Some(uri), Some(code)) = (word_after(&shown, "open "), word_after(&shown, "the code "))
    {
        let mut approve = Command::new("python3");
        approve
            .arg(fixture().join("approve.py"))
            .args([uri.as_str(), code.as_str(), login]);
        if deny {
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

fn word_after(text: &str, marker: &str) -> Option<String> {
    let at = text.find(marker)? + marker.len();
    text[at..].split_whitespace().next().map(String::from)
}

const ACCOUNTS: &str = r#"{
  "alice": {"email": "alice@example.com", "email_verified": true, "amr": ["pwd"]},
  "bob":   {"email": "bob@example.com"},
  "eve":   {"email": "eve@evil.example", "email_verified": true},
  "newbie": {"email": "newbie@example.com", "email_verified": true},
  "boss":  {"email": "boss@example.com", "email_verified": true, "amr": ["pwd", "mfa"]}
}"#;

fn add_corp(env: &Env, provider: &Provider, extra: &[&str]) {
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
    env.run(
        &[
            "register",
            "--email",
            "bob@example.com",
            "--verified",
            "--generate-password",
        ],
        "",
    )
    .ok();
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
    env.run(
        &[
            "users",
            "link",
            "bob@example.com",
            "--idp",
            "corp",
            "--subject",
            "bob",
        ],
        "",
    )
    .ok();
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
