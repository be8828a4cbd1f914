//! Prompts in a real terminal: tmux runs useradm, send-keys types, capture-pane reads the screen.
//! Runs where tmux is installed (`.ci/run` installs it).

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::util::*;

struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    fn available() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
    }

    /// A shell in an 80x24 terminal with the environment's variables.
    fn start(env: &Env) -> Tmux {
        Tmux::start_sized(env, 80, 24)
    }

    fn start_sized(env: &Env, width: u16, height: u16) -> Tmux {
        let socket = env.path().join(format!("tmux-{width}x{height}.sock"));
        let mut cmd = Command::new("tmux");
        cmd.arg("-S").arg(&socket).args(["new-session", "-d", "-x"]);
        cmd.arg(width.to_string()).arg("-y").arg(height.to_string());
        cmd.arg("env");
        cmd.arg(format!("HOME={}", env.path().join("home").display()));
        for (key, value) in env.db_vars(false) {
            cmd.arg(format!("{key}={value}"));
        }
        cmd.arg(format!("USERADM_SESSION_DIR={}", env.sessions.display()));
        cmd.arg(format!(
            "PATH={}:/usr/bin:/bin",
            PathBuf::from(env!("CARGO_BIN_EXE_useradm"))
                .parent()
                .unwrap()
                .display()
        ));
        cmd.args(["TERM=xterm", "PS1=$ ", "bash", "--norc", "--noprofile"]);
        assert!(cmd.status().unwrap().success());
        Tmux { socket }
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
    }

    fn key(&self, key: &str) {
        self.tmux(&["send-keys", key]);
    }

    fn line(&self, text: &str) {
        self.type_text(text);
        self.key("Enter");
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-S", "-200"])
    }

    /// Waits until the screen shows `text` (after the screen's `from`th occurrence count).
    #[track_caller]
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the visible screen (not the scrollback) shows every one of `texts`.
    #[track_caller]
    fn wait_visible(&self, texts: &[&str]) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.tmux(&["capture-pane", "-p"]);
            if texts.iter().all(|t| screen.contains(t)) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {texts:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    #[track_caller]
    fn wait_for_count(&self, text: &str, count: usize) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if screen.matches(text).count() >= count {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {count}x {text:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

#[test]
fn register_prompts_re_ask_and_never_echo_the_password() {
    if !Tmux::available() {
        eprintln!("tmux is not installed: skipping the terminal test");
        return;
    }
    let env = Env::admin();
    let t = Tmux::start(&env);
    t.wait_for("$");
    t.line("useradm register; echo exit=$?");
    t.wait_for("Email");
    t.line("not-an-email");
    // A refused answer reads like every other error of the tool.
    t.wait_for("useradm: invalid email address");
    t.line("carol@example.com");
    t.wait_for("First name (optional)");
    t.line("Carol");
    t.wait_for("Last name (optional)");
    t.line("Jones");
    t.wait_for("Password:");
    t.line("tooshort");
    t.wait_for("Password (again):");
    t.line("tooshort");
    t.wait_for("password rejected");
    t.wait_for_count("Password:", 2);
    t.line(ALICE_PW);
    t.wait_for_count("Password (again):", 2);
    t.line(ALICE_PW);
    let screen = t.wait_for("exit=0");
    assert!(
        screen.contains("Registered Carol Jones <carol@example.com>"),
        "{screen}"
    );
    assert!(
        !screen.contains(ALICE_PW) && !screen.contains("tooshort"),
        "a password was echoed:\n{screen}"
    );
    assert_eq!(
        env.count(
            "SELECT count(*) FROM users WHERE email = 'carol@example.com' AND first_name = 'Carol'"
        ),
        1
    );
}

#[test]
fn login_asks_for_what_is_missing_and_ctrl_c_restores_the_terminal() {
    if !Tmux::available() {
        return;
    }
    let env = Env::admin();
    let t = Tmux::start(&env);
    t.wait_for("$");
    t.line("useradm login; echo exit=$?");
    t.wait_for("Email");
    t.line(ADMIN);
    t.wait_for("Password:");
    t.line(ADMIN_PW);
    t.wait_for("Logged in as admin@example.com");
    t.wait_for("exit=0");
    t.line("useradm login --email admin@example.com; echo exit=$?");
    t.wait_for_count("Password:", 2);
    t.type_text("half-typ");
    t.key("C-c");
    let screen = t.wait_for("exit=130");
    // The message starts on its own line, not after the prompt.
    assert!(
        screen
            .lines()
            .any(|l| l.starts_with("useradm: interrupted")),
        "{screen}"
    );
    assert!(!screen.contains("half-typ"), "{screen}");
    t.line("stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo; echo 'stty-''done'");
    let screen = t.wait_for("stty-done");
    let last = screen
        .lines()
        .rev()
        .find(|l| l.trim() == "echo" || l.trim() == "-echo")
        .unwrap_or_default();
    assert_eq!(
        last.trim(),
        "echo",
        "echo stays off after Ctrl-C:\n{screen}"
    );
}

#[test]
fn users_delete_asks_for_confirmation() {
    if !Tmux::available() {
        return;
    }
    let env = Env::admin();
    env.run(
        &[
            "register",
            "--email",
            ALICE,
            "--verified",
            "--password-stdin",
        ],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    env.login_as("alice", ALICE, ALICE_PW);
    let t = Tmux::start(&env);
    t.wait_for("$");
    t.line("useradm users delete alice@example.com; echo exit=$?");
    let screen = t.wait_for("Type alice@example.com to confirm");
    assert!(
        screen.contains("  1 session(s), 0 live API token(s), no second factor"),
        "{screen}"
    );
    // A typed "yes" is not the address: nothing is deleted, and nothing is left for the shell.
    t.line("yes");
    let screen = t.wait_for("exit=0");
    assert!(screen.contains("Not deleted."), "{screen}");
    assert!(!screen.contains("command not found"), "{screen}");
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email = 'alice@example.com'"),
        1
    );
    // Enter alone keeps it too; Ctrl-C is an interruption.
    t.line("useradm users delete alice@example.com; echo exit=$?");
    t.wait_for_count("Type alice@example.com to confirm", 2);
    t.key("Enter");
    t.wait_for_count("Not deleted.", 2);
    t.line("useradm users delete alice@example.com; echo exit=$?");
    t.wait_for_count("Type alice@example.com to confirm", 3);
    t.key("C-c");
    t.wait_for("exit=130");
    // The address in any case (compared canonically) deletes.
    t.line("useradm users delete alice@example.com; echo exit=$?");
    t.wait_for_count("Type alice@example.com to confirm", 4);
    t.line("Alice@Example.COM");
    t.wait_for("alice@example.com deleted.");
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email = 'alice@example.com'"),
        0
    );
    // Roles ask the same way; a script passes --yes.
    env.run(&["roles", "create", "ops"], "").ok();
    env.run(&["roles", "delete", "ops"], "")
        .code(2)
        .stderr_has("pass --yes");
    t.line("useradm roles delete ops; echo exit=$?");
    t.wait_for("Type ops to confirm");
    t.line("ops");
    t.wait_for("Deleted the role ops");
}

#[test]
fn reset_confirm_asks_for_the_code_and_the_new_password() {
    if !Tmux::available() {
        return;
    }
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.run(&["reset", "--email", ALICE], "").ok();
    let code = env.last_code("reset");
    let t = Tmux::start(&env);
    t.wait_for("$");
    t.line("useradm reset --email alice@example.com --confirm; echo exit=$?");
    t.wait_for("Code from the email (reset or invitation):");
    t.line(&code.to_lowercase());
    t.wait_for("New password:");
    t.line(NEW_PW);
    t.wait_for("New password (again):");
    t.line(NEW_PW);
    let screen = t.wait_for("exit=0");
    assert!(
        !screen.to_lowercase().contains(&code.to_lowercase()) && !screen.contains(NEW_PW),
        "a secret was echoed:\n{screen}"
    );
    env.login(ALICE, NEW_PW).ok();
}

/// A login at a terminal that owes actions goes straight to their prompts, in order: the new
/// password (the one just typed is not asked again), then the second factor's enrolment.
#[test]
fn a_login_that_owes_actions_goes_straight_to_their_prompts() {
    if !Tmux::available() {
        return;
    }
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    let temporary = "Temporary Quartz Lemur 4412";
    env.run(
        &[
            "users",
            "set-password",
            ALICE,
            "--password-stdin",
            "--must-change",
        ],
        &format!("{temporary}\n"),
    )
    .ok();
    env.config_set("mfa.required_roles", "*");
    let t = Tmux::start(&env);
    t.wait_for("$");
    t.line("useradm login --email alice@example.com; echo exit=$?");
    t.wait_for("Password:");
    t.line(temporary);
    let screen = t.wait_for("New password:");
    assert!(
        screen.contains("Logged in as alice@example.com"),
        "{screen}"
    );
    assert!(!screen.contains("Current password"), "{screen}");
    t.line(NEW_PW);
    t.wait_for("New password (again):");
    t.line(NEW_PW);
    let screen = t.wait_for("Current code from the app:");
    assert!(screen.contains("Password changed"), "{screen}");
    let secret = screen
        .lines()
        .find_map(|l| l.trim().strip_prefix("Secret: "))
        .expect("the secret is shown")
        .trim()
        .to_string();
    let code = useradm::totp::code_at(&secret, crate::mfa::fresh_step() - 1).unwrap();
    t.line(&code);
    let screen = t.wait_for("exit=0");
    assert!(screen.contains("The second factor is enabled"), "{screen}");
    assert!(
        !screen.contains(NEW_PW) && !screen.contains(temporary),
        "{screen}"
    );
    // The terminal's session is now the environment's default one: Alice's, owing nothing.
    let me = env.run(&["--json", "whoami"], "").ok().json();
    assert_eq!(me["user"]["email"], ALICE, "{me}");
    assert_eq!(me["required_actions"], serde_json::json!([]), "{me}");
    env.run(&["2fa", "status"], "").ok().stdout_has("Enabled");
}

/// A text screen rendered as a PBM image: each cell one module wide and two tall (the half
/// blocks), the cells inside an SGR white background as the tool drew them, the others as the
/// terminal's theme would (`dark_theme`: light glyphs on black).
fn render_screen(screen: &str, dark_theme: bool) -> String {
    const SCALE: usize = 4;
    let mut pixels: Vec<Vec<bool>> = Vec::new(); // true: black
    // tmux states an attribute once; it holds over the following lines until reset.
    let mut ours = false;
    for line in screen.lines() {
        let (mut top, mut bottom) = (Vec::new(), Vec::new());
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                let mut params = String::new();
                for p in chars.by_ref() {
                    if p == 'm' {
                        break;
                    }
                    params.push(p);
                }
                for code in params.trim_start_matches('[').split(';') {
                    match code {
                        "" | "0" | "49" => ours = false,
                        "47" | "107" => ours = true,
                        _ => {}
                    }
                }
                continue;
            }
            let (t, b) = match c {
                '█' => (true, true),
                '▀' => (true, false),
                '▄' => (false, true),
                _ => (false, false),
            };
            // Lit halves are the foreground: black in the tool's colours and on a light theme.
            let black = |lit: bool| if ours || !dark_theme { lit } else { !lit };
            top.push(black(t));
            bottom.push(black(b));
        }
        pixels.push(top);
        pixels.push(bottom);
    }
    let width = 80;
    let mut out = format!("P1\n{} {}\n", width * SCALE, pixels.len() * SCALE);
    for row in &pixels {
        for _ in 0..SCALE {
            for x in 0..width {
                let black = row.get(x).copied().unwrap_or(dark_theme);
                for _ in 0..SCALE {
                    out.push_str(if black { "1 " } else { "0 " });
                }
            }
            out.push('\n');
        }
    }
    out
}

/// What `zbarimg` reads in a rendered screen, if anything.
fn zbar_decodes(dir: &std::path::Path, image: &str) -> Option<String> {
    let path = dir.join("screen.pbm");
    std::fs::write(&path, image).unwrap();
    let out = Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(&path)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// At 80x24 the whole enrolment code of a 30-character address shows with the secret and the
/// prompt, and `zbarimg` decodes a render of the screen: in colour on a dark and on a light
/// theme, and without colour on the dark background it assumes.
#[test]
fn the_enrolment_qr_code_fits_80x24_and_decodes() {
    if !Tmux::available() {
        return;
    }
    if Command::new("zbarimg").arg("--version").output().is_err() {
        eprintln!("skipped: zbarimg is not installed (.ci/run installs zbar-tools)");
        return;
    }
    let env = Env::admin();
    let email = "abcdefghijklmnopqr@example.com";
    assert_eq!(email.len(), 30);
    env.register_verified(email, ALICE_PW);
    let t = Tmux::start(&env);
    t.wait_for("$");
    t.line(&format!(
        "printf '%s\\n' '{ALICE_PW}' | useradm login --email {email} --password-stdin; clear"
    ));
    t.wait_for("$");
    for (run, no_color) in [(1, false), (2, true)] {
        let env_prefix = if no_color {
            "NO_COLOR=1"
        } else {
            "env -u NO_COLOR"
        };
        t.line(&format!("clear; {env_prefix} useradm 2fa enable"));
        t.wait_visible(&["Secret: ", "Current code from the app:"]);
        // -N keeps the trailing spaces: the quiet zone is spaces on a white background.
        let visible = t.tmux(&["capture-pane", "-p", "-e", "-N"]);
        let lines: Vec<&str> = visible.lines().collect();
        assert!(lines.len() <= 24, "{visible}");
        let plain = t.tmux(&["capture-pane", "-p"]);
        assert!(plain.contains("Secret: "), "{plain}");
        assert!(
            !plain.contains("otpauth://"),
            "the URI stays in --json: {plain}"
        );
        let glyph_rows = plain
            .lines()
            .filter(|l| l.contains('█') || l.contains('▀') || l.contains('▄'))
            .count();
        assert!(glyph_rows >= 19, "the whole code shows: {plain}");
        let themes: &[bool] = if no_color { &[true] } else { &[true, false] };
        for &dark in themes {
            let decoded = zbar_decodes(env.path(), &render_screen(&visible, dark));
            assert!(
                decoded.as_deref().is_some_and(|d| d.starts_with(
                    "otpauth://totp/useradm:abcdefghijklmnopqr%40example.com?secret="
                )),
                "run {run}, dark theme {dark}: {decoded:?}\n{plain}"
            );
        }
        t.key("C-c");
        t.wait_visible(&["interrupted"]);
    }
    // A mistyped code is asked for again, against the same secret as the runs before.
    t.line("clear; useradm 2fa enable; echo exit=$?");
    t.wait_visible(&["Secret: ", "Current code from the app:"]);
    let screen = t.tmux(&["capture-pane", "-p"]);
    let secret = screen
        .lines()
        .find_map(|l| l.trim().strip_prefix("Secret: "))
        .unwrap()
        .trim()
        .to_string();
    assert_eq!(
        env.text("SELECT secret FROM totp", &[]),
        secret,
        "the pending secret is offered again"
    );
    t.line("000000");
    t.wait_visible(&["wrong code"]);
    let code = useradm::totp::code_at(&secret, crate::mfa::fresh_step() - 1).unwrap();
    t.line(&code);
    t.wait_visible(&["The second factor is enabled", "exit=0"]);
}

/// `users list` and `sessions list` on a terminal of 80 and of 120 columns: no email, id or time
/// is split across lines; the least useful columns go first and the footer says which; times are
/// short and local, ids git-short (and such a prefix names the session to revoke).
#[test]
fn tables_never_split_an_email_an_id_or_a_time() {
    if !Tmux::available() {
        return;
    }
    let env = Env::admin();
    let long = "continuous-integration-runner-17@example.com";
    env.register_verified(long, ALICE_PW);
    env.run(
        &[
            "users",
            "update",
            long,
            "--first-name",
            "Continuous",
            "--last-name",
            "Integration Runner",
        ],
        "",
    )
    .ok();
    env.login_as("runner", long, ALICE_PW);
    for width in [80, 120] {
        let t = Tmux::start_sized(&env, width, 40);
        t.wait_for("$");
        t.line(&format!(
            "clear; useradm users list; useradm sessions list --all; printf 'done-%s\\n' {width}"
        ));
        let screen = t.wait_for(&format!("done-{width}\n"));
        for whole in [long, ADMIN] {
            assert!(screen.contains(whole), "{width}: {whole} split:\n{screen}");
        }
        assert!(
            screen
                .lines()
                .all(|l| l.chars().count() <= usize::from(width)),
            "{width}:\n{screen}"
        );
        // Times: `2026-11-30 09:31`, never the RFC 3339 form cut in two.
        assert!(
            !screen.contains("T0") && !screen.contains("T1") && !screen.contains("T2"),
            "{width}:\n{screen}"
        );
        if width == 80 {
            assert!(
                screen.contains("Not shown at this width:"),
                "{width}:\n{screen}"
            );
        } else {
            assert!(!screen.contains("Not shown"), "{width}:\n{screen}");
            assert!(
                screen.contains("Continuous Integration"),
                "{width}:\n{screen}"
            );
        }
        // A shown prefix names the session.
        let id = env.text(
            "SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?1",
            &[long.into()],
        );
        assert!(
            screen.contains(&id[..7]) && !screen.contains(&id),
            "{screen}"
        );
    }
    let id = env.text(
        "SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?1",
        &[long.into()],
    );
    env.run(&["sessions", "revoke", &id[..7]], "").ok();
    env.as_session("runner", &["whoami"], "").code(4);
}

/// At a terminal a wrong password is asked again (3 tries, each a failed login), and a login
/// that replaces another account's session says whose.
#[test]
fn a_wrong_password_at_the_terminal_is_asked_again() {
    if !Tmux::available() {
        return;
    }
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    let t = Tmux::start(&env);
    t.wait_for("$");
    t.line("useradm login --email alice@example.com; echo exit=$?");
    t.wait_for("Password:");
    t.line("not the password at all");
    t.wait_for("wrong email or password; try again.");
    t.wait_for_count("Password:", 2);
    t.line(ALICE_PW);
    let screen = t.wait_for("exit=0");
    assert!(
        screen.contains("The session of admin@example.com that this terminal held was ended"),
        "{screen}"
    );
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'login.failed'"),
        1
    );
    // The third wrong try ends the command.
    t.line("useradm login --email alice@example.com; echo exit=$?");
    for n in 3..=5 {
        t.wait_for_count("Password:", n);
        t.line("still not the password");
    }
    t.wait_for("exit=3");
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'login.failed'"),
        4
    );
}

/// `apply` of a file declaring new@example.com, run in tmux up to its question: the terminal,
/// the command line, and the screen showing the plan.
fn apply_asking(env: &Env) -> (Tmux, String, String) {
    let file = env.path().join("state.toml");
    std::fs::write(
        &file,
        "owner = \"ci\"\n[[users]]\nemail = \"new@example.com\"\nfirst_name = \"New\"\n",
    )
    .unwrap();
    let t = Tmux::start(env);
    t.wait_for("$");
    let command = format!("useradm apply {} --no-email; echo exit=$?", file.display());
    t.line(&command);
    let screen = t.wait_for("Apply these changes?");
    assert!(screen.contains("+ user new@example.com"), "{screen}");
    (t, command, screen)
}

#[test]
fn apply_shows_the_plan_and_asks_at_a_terminal() {
    if !Tmux::available() {
        return;
    }
    let env = Env::admin();
    let (t, command, screen) = apply_asking(&env);
    assert!(screen.contains("    first_name: New"), "{screen}");
    // No: nothing is written.
    t.line("n");
    let screen = t.wait_for("exit=0");
    assert!(screen.contains("Nothing was applied."), "{screen}");
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email = 'new@example.com'"),
        0
    );
    t.line("clear");
    t.line(&command);
    t.wait_for("Apply these changes?");
    t.line("y");
    t.wait_for("Applied ci: 1 created");
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email = 'new@example.com'"),
        1
    );
}

/// The store changes while the plan is shown: the answer `y` writes nothing (exit 6), as the
/// plan made again inside the write differs from the one the person approved.
#[test]
fn a_plan_the_store_outran_while_it_was_shown_is_not_applied() {
    if !Tmux::available() {
        return;
    }
    let env = Env::admin();
    let (t, _, _) = apply_asking(&env);
    // Someone else makes the account meanwhile.
    env.run(
        &[
            "register",
            "--email",
            "new@example.com",
            "--generate-password",
        ],
        "",
    )
    .ok();
    let events = env.count("SELECT count(*) FROM audit_events");
    t.line("y");
    let screen = t.wait_for("exit=6");
    assert!(
        screen.contains("the store changed since the plan was made; nothing was applied"),
        "{screen}"
    );
    assert_eq!(env.count("SELECT count(*) FROM audit_events"), events);
    assert_eq!(env.count("SELECT count(*) FROM managed_users"), 0);
    assert_eq!(
        env.text(
            "SELECT first_name FROM users WHERE email = 'new@example.com'",
            &[]
        ),
        ""
    );
}

#[test]
fn a_person_signs_in_with_the_company_provider_at_a_terminal() {
    if !Tmux::available() {
        return;
    }
    let env = Env::admin();
    let Some(provider) = crate::sso::Provider::start(env.path(), crate::sso::ACCOUNTS) else {
        return;
    };
    crate::sso::add_corp(&env, &provider, &[]);
    crate::sso::register(&env, "bob@example.com");
    crate::sso::link(&env, "bob@example.com", "bob");
    let t = Tmux::start(&env);
    t.wait_for("$");
    t.line("useradm login --idp corp; echo exit=$?");
    let screen = t.wait_for("and enter the code");
    let uri = crate::sso::word_after(&screen, "any browser:").unwrap();
    let code = crate::sso::word_after(&screen, "enter the code ").unwrap();
    let approved = Command::new("python3")
        .arg(crate::sso::fixture().join("approve.py"))
        .args([uri.as_str(), code.as_str(), "bob"])
        .output()
        .unwrap();
    assert!(approved.status.success(), "{approved:?}");
    let screen = t.wait_for("exit=0");
    assert!(
        screen.contains("Logged in as bob@example.com through corp"),
        "{screen}"
    );
    t.line("clear; useradm whoami");
    let screen = t.wait_for("signed in via corp");
    assert!(screen.contains("bob@example.com"), "{screen}");
}
