//! The test harness: a throw-away home with its own database, session folder and outbox, and a
//! runner for the real `useradm` binary.

use std::collections::BTreeMap;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, anyhow};
use tempfile::TempDir;

pub use crate::db::{Arg, Cell, TestDb};

/// The one place a helper gives up: the test fails with the whole chain of context.
#[track_caller]
#[allow(clippy::panic)]
pub fn must<T>(result: anyhow::Result<T>) -> T {
    match result {
        Ok(value) => value,
        Err(e) => panic!("{e:#}"),
    }
}

pub const ADMIN: &str = "admin@example.com";
pub const ADMIN_PW: &str = "Tq8vLm2xR9pZ4wKsYb";
pub const ALICE: &str = "alice@example.com";
pub const ALICE_PW: &str = "gentle-Otter-47-maple-Sky";
pub const NEW_PW: &str = "quartz lemur tundra 81 violin";

#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        must(
            serde_json::from_str(&self.stdout)
                .with_context(|| format!("stdout is not JSON: {self:?}")),
        )
    }

    #[track_caller]
    pub fn error_json(&self) -> serde_json::Value {
        must(
            serde_json::from_str(self.stderr.trim())
                .with_context(|| format!("stderr is not JSON: {self:?}")),
        )
    }

    #[track_caller]
    pub fn ok(self) -> Run {
        assert_eq!(self.code, 0, "expected success: {self:?}");
        self
    }

    #[track_caller]
    pub fn code(self, code: i32) -> Run {
        assert_eq!(self.code, code, "expected exit {code}: {self:?}");
        self
    }

    #[track_caller]
    pub fn stderr_has(self, text: &str) -> Run {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}: {self:?}"
        );
        self
    }

    #[track_caller]
    pub fn stdout_has(self, text: &str) -> Run {
        assert!(
            self.stdout.contains(text),
            "stdout lacks {text:?}: {self:?}"
        );
        self
    }
}

pub struct Env {
    pub db: TestDb,
    pub sessions: PathBuf,
    vars: BTreeMap<String, String>,
    /// Last, so that the database is dropped before the home it may point into.
    pub dir: TempDir,
}

impl Env {
    pub fn new() -> Env {
        let dir = must(tempfile::tempdir().context("creating a temporary home"));
        let db = TestDb::new(dir.path());
        let sessions = dir.path().join("sessions");
        Env {
            db,
            sessions,
            dir,
            vars: BTreeMap::new(),
        }
    }

    /// Another host on the same database: its own home, session folder and outbox.
    pub fn second_host(&self) -> Env {
        let dir = must(tempfile::tempdir().context("creating a temporary home"));
        let sessions = dir.path().join("sessions");
        Env {
            db: self.db.shared(),
            sessions,
            dir,
            vars: self.vars.clone(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// What `--db` names for this test's database (as the application, on a server).
    pub fn db_arg(&self) -> String {
        self.db.target(self.path(), false).0
    }

    /// Whether this run's database is on a PostgreSQL server.
    pub fn on_server(&self) -> bool {
        self.db.on_server()
    }

    /// For a test of what only a SQLite file has (its bytes, modes, pragmas): says so and
    /// returns true on a server, where the test has nothing to check.
    pub fn skip_on_server(&self, why: &str) -> bool {
        if self.on_server() {
            eprintln!("skipped on PostgreSQL: {why}");
        }
        self.on_server()
    }

    /// The folder of this host's lock files of the database (leases, the hash memory budget).
    pub fn lock_dir(&self) -> PathBuf {
        if !self.on_server() {
            return self.db.path.with_file_name("useradm.db.locks");
        }
        let id = self.text("SELECT value FROM meta WHERE key='database_id'", &[]);
        self.path()
            .join("home/.local/state/useradm")
            .join(id)
            .join("locks")
    }

    /// The default outbox: beside a SQLite file, or in the data folder, per database id.
    pub fn outbox(&self) -> PathBuf {
        if let Some(outbox) = self.vars.get("USERADM_OUTBOX") {
            return PathBuf::from(outbox);
        }
        if !self.on_server() {
            return self.db.path.with_file_name("outbox");
        }
        let id = self
            .try_text("SELECT value FROM meta WHERE key='database_id'", &[])
            .unwrap_or_default();
        self.path()
            .join("home/.local/share/useradm")
            .join(id)
            .join("outbox")
    }

    pub fn set_var(&mut self, key: &str, value: impl Into<String>) {
        self.vars.insert(key.to_string(), value.into());
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_useradm"));
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("USERADM_") || key == "NO_COLOR" {
                cmd.env_remove(key);
            }
        }
        cmd.env("HOME", self.path().join("home"))
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_STATE_HOME")
            .env("USERADM_SESSION_DIR", &self.sessions)
            // No test writes to the host's system log; `syslog` tests name their own socket.
            .env("USERADM_SYSLOG", "off");
        // `init` (and `db`, which creates schemas, and `restore`, which replaces the audit
        // trail) runs as the database owner.
        let subcommand = args.iter().find(|a| !a.starts_with('-'));
        let as_owner = matches!(subcommand, Some(&"init" | &"db" | &"restore"));
        cmd.envs(self.db_vars(as_owner)).envs(&self.vars).args(args);
        cmd
    }

    /// The variables that name the database: `USERADM_DB` and, on a server, the password file.
    pub fn db_vars(&self, as_owner: bool) -> Vec<(String, String)> {
        let (target, password_file) = self.db.target(self.path(), as_owner);
        let mut vars = vec![("USERADM_DB".to_string(), target)];
        if let Some(file) = password_file {
            vars.push((
                "USERADM_DB_PASSWORD_FILE".into(),
                file.display().to_string(),
            ));
        }
        vars
    }

    #[track_caller]
    pub fn run_cmd(cmd: Command, stdin: &[u8]) -> Run {
        must(Env::try_run_cmd(cmd, stdin))
    }

    fn try_run_cmd(mut cmd: Command, stdin: &[u8]) -> anyhow::Result<Run> {
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().with_context(|| format!("starting {cmd:?}"))?;
        let mut pipe = child.stdin.take().context("no stdin pipe")?;
        let input = stdin.to_vec();
        let writer = std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
        let out = child
            .wait_with_output()
            .with_context(|| format!("waiting for {cmd:?}"))?;
        writer
            .join()
            .map_err(|_| anyhow!("the stdin writer panicked"))?;
        Ok(Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        })
    }

    /// Runs useradm with `args` and `stdin`.
    pub fn run(&self, args: &[&str], stdin: &str) -> Run {
        Env::run_cmd(self.command(args), stdin.as_bytes())
    }

    /// Runs useradm with extra environment variables.
    pub fn run_env(&self, vars: &[(&str, &str)], args: &[&str], stdin: &str) -> Run {
        let mut cmd = self.command(args);
        cmd.envs(vars.iter().copied());
        Env::run_cmd(cmd, stdin.as_bytes())
    }

    /// Runs useradm as the holder of an API token.
    pub fn as_token(&self, token: &str, args: &[&str]) -> Run {
        self.run_env(&[("USERADM_TOKEN", token)], args, "")
    }

    /// Runs useradm in another session file (a second person on the same database).
    pub fn as_session(&self, name: &str, args: &[&str], stdin: &str) -> Run {
        let file = self.path().join(format!("session-{name}.json"));
        let mut cmd = self.command(args);
        cmd.env("USERADM_SESSION_FILE", file);
        Env::run_cmd(cmd, stdin.as_bytes())
    }

    /// Logs `email` in under the session name `name`.
    pub fn login_as(&self, name: &str, email: &str, password: &str) {
        self.as_session(
            name,
            &["login", "--email", email, "--password-stdin"],
            &format!("{password}\n"),
        )
        .ok();
    }

    /// Creates an API token for the default session's user; returns the secret.
    pub fn token(&self, permissions: &[&str]) -> String {
        self.token_named("test", permissions, None)
    }

    /// Creates an API token named `name`, as the session `session` (the default one when
    /// `None`); returns the secret.
    pub fn token_named(&self, name: &str, permissions: &[&str], session: Option<&str>) -> String {
        let mut args = vec!["--json", "tokens", "create", "--name", name];
        for p in permissions {
            args.extend(["--permission", p]);
        }
        let run = match session {
            None => self.run(&args, ""),
            Some(s) => self.as_session(s, &args, ""),
        }
        .ok();
        must(
            run.json()["secret"]
                .as_str()
                .map(str::to_string)
                .with_context(|| format!("no secret in {run:?}")),
        )
    }

    /// Like `token`, after logging the administrator in again (a token needs a fresh proof).
    pub fn token_fresh(&self, permissions: &[&str]) -> String {
        self.login(ADMIN, ADMIN_PW).ok();
        self.token(permissions)
    }

    pub fn init(&self) {
        self.run(&["init"], "").ok();
    }

    /// A database with an administrator, logged in.
    pub fn admin() -> Env {
        let env = Env::new();
        env.run(
            &["init", "--admin", ADMIN, "--password-stdin"],
            &format!("{ADMIN_PW}\n"),
        )
        .ok();
        env.login(ADMIN, ADMIN_PW).ok();
        env
    }

    pub fn login(&self, email: &str, password: &str) -> Run {
        self.run(
            &["login", "--email", email, "--password-stdin"],
            &format!("{password}\n"),
        )
    }

    /// Registers an account and confirms its address with the emailed code.
    pub fn register_verified(&self, email: &str, password: &str) {
        self.run(
            &["register", "--email", email, "--password-stdin"],
            &format!("{password}\n"),
        )
        .ok();
        let code = self.last_code("verify");
        self.run(
            &["verify", "--email", email, "--code-stdin"],
            &format!("{code}\n"),
        )
        .ok();
    }

    pub fn config_set(&self, key: &str, value: &str) {
        self.run(&["config", "set", key, value], "").ok();
    }

    /// Waits until no message waits in the queue unsent: a reset request or `verify --resend`
    /// answers first and delivers after. A message that failed and waits for a later retry does
    /// not count.
    #[track_caller]
    pub fn wait_for_mail(&self) {
        let pending = MAIL_PENDING;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while let Ok(n) = self.try_int(pending, &[]) {
            if n == 0 || std::time::Instant::now() >= deadline {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }

    /// The outbox messages, oldest first (none when there is no outbox yet), once the queue is
    /// delivered.
    #[track_caller]
    pub fn outbox_messages(&self) -> Vec<(PathBuf, String)> {
        self.wait_for_mail();
        must(self.try_outbox_messages())
    }

    fn try_outbox_messages(&self) -> anyhow::Result<Vec<(PathBuf, String)>> {
        let dir = self.outbox();
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Ok(Vec::new());
        };
        let mut files = Vec::new();
        for entry in entries {
            files.push(
                entry
                    .with_context(|| format!("listing {}", dir.display()))?
                    .path(),
            );
        }
        files.sort();
        files
            .into_iter()
            .map(|p| {
                let text = std::fs::read_to_string(&p)
                    .with_context(|| format!("reading {}", p.display()))?;
                Ok((p, text))
            })
            .collect()
    }

    /// The code in the newest outbox message of this purpose.
    #[track_caller]
    pub fn last_code(&self, purpose: &str) -> String {
        let tag = format!("-{purpose}-");
        let newest = self
            .outbox_messages()
            .into_iter()
            .rev()
            .find(|(p, _)| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().contains(&tag))
            })
            .with_context(|| format!("no {purpose} message in the outbox"));
        code_in(&must(newest).1)
    }

    /// Every row of a query (`?N` parameters), on either engine.
    #[track_caller]
    pub fn rows(&self, sql: &str, args: &[Arg<'_>]) -> Vec<Vec<Cell>> {
        must(self.db.try_rows(sql, args))
    }

    fn try_one(&self, sql: &str, args: &[Arg<'_>]) -> anyhow::Result<Cell> {
        let rows = self.db.try_rows(sql, args)?;
        match rows.as_slice() {
            [row] if row.len() == 1 => Ok(row[0].clone()),
            _ => Err(anyhow!("{sql} gave {rows:?}, not one value")),
        }
    }

    fn try_int(&self, sql: &str, args: &[Arg<'_>]) -> anyhow::Result<i64> {
        match self.try_one(sql, args)? {
            Cell::Int(n) => Ok(n),
            other => Err(anyhow!("{sql} gave {other:?}, not an integer")),
        }
    }

    fn try_text(&self, sql: &str, args: &[Arg<'_>]) -> anyhow::Result<String> {
        match self.try_one(sql, args)? {
            Cell::Text(t) => Ok(t),
            other => Err(anyhow!("{sql} gave {other:?}, not text")),
        }
    }

    /// The one integer a query gives (a boolean is 0 or 1).
    #[track_caller]
    pub fn count(&self, query: &str) -> i64 {
        must(self.try_int(query, &[]))
    }

    #[track_caller]
    pub fn int(&self, query: &str, args: &[Arg<'_>]) -> i64 {
        must(self.try_int(query, args))
    }

    /// The one text value a query gives.
    #[track_caller]
    pub fn text(&self, query: &str, args: &[Arg<'_>]) -> String {
        must(self.try_text(query, args))
    }

    /// Changes the database behind useradm's back; returns the rows changed.
    #[track_caller]
    pub fn exec(&self, sql: &str, args: &[Arg<'_>]) -> u64 {
        must(self.db.try_exec(sql, args))
    }

    #[track_caller]
    pub fn batch(&self, sql: &str) {
        must(self.db.try_batch(sql));
    }

    /// Every value in every table, as text: what someone who stole the database would read.
    #[track_caller]
    pub fn dump(&self) -> String {
        let tables = if self.on_server() {
            "SELECT table_name::text FROM information_schema.tables
              WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        } else {
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        };
        let mut out = String::new();
        for table in self.rows(tables, &[]) {
            for row in self.rows(&format!("SELECT * FROM {}", table[0].text()), &[]) {
                for cell in row {
                    out.push_str(&format!("{cell:?}\n"));
                }
            }
        }
        out
    }

    /// The session file of this environment's database.
    #[track_caller]
    /// Changes one digit of the token in the default session file (a file tampered with);
    /// returns the file's contents before.
    pub fn tamper_session_token(&self) -> String {
        let file = self.session_file();
        let good = std::fs::read_to_string(&file).unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&good).unwrap();
        let token = doc["token"].as_str().unwrap().to_string();
        let first = if token.starts_with('0') { '1' } else { '0' };
        doc["token"] = format!("{first}{}", &token[1..]).into();
        std::fs::write(&file, doc.to_string()).unwrap();
        good
    }

    pub fn session_file(&self) -> PathBuf {
        let id = self.text("SELECT value FROM meta WHERE key='database_id'", &[]);
        self.sessions.join(format!("{id}.json"))
    }
}

/// An account whose stored hash takes seconds to check (PBKDF2, 200,000 rounds: the import only
/// parses it, a check runs it).
/// How many messages wait unsent: not yet tried, or being sent now (a message that failed and
/// waits for a later retry does not count).
pub const MAIL_PENDING: &str = "SELECT count(*) FROM mail_queue
    WHERE done_at IS NULL AND (attempts = 0 OR claimed_until IS NOT NULL)";

pub const SLOW: &str = "slow@example.com";

pub fn import_slow_account(env: &Env) {
    let slow = "pbkdf2_sha256$200000$seasalt$/TKrcnYCTOVMlVYCKVo5Np6v35LbjEeAxkqYuc5XaBc=";
    let file = env.path().join("slow.csv");
    must(
        std::fs::write(&file, format!("email,password_hash\n{SLOW},{slow}\n"))
            .context("writing slow.csv"),
    );
    env.run(&["import", &file.display().to_string(), "--no-email"], "")
        .ok();
}

/// Starts a check of a wrong password of [`SLOW`] and returns once it is in flight (its lease
/// is in the counters), still running.
#[track_caller]
pub fn check_in_flight(env: &Env) -> std::process::Child {
    let mut cmd = env.command(&["authenticate", "--email", SLOW, "--password-stdin"]);
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut child = must(cmd.spawn().context("starting authenticate"));
    if let Some(mut pipe) = child.stdin.take() {
        must(
            pipe.write_all(b"some guess of a password\n")
                .context("writing the guess"),
        );
    }
    while env.count("SELECT count(*) FROM login_failures WHERE pending != '[]'") == 0 {
        let running = child.try_wait().map(|s| s.is_none()).unwrap_or(false);
        assert!(running, "the check ended before it was seen");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child
}

/// The `XXXX-XXXX` code in a message body.
#[track_caller]
pub fn code_in(text: &str) -> String {
    let code = text
        .lines()
        .map(str::trim)
        .find(|l| {
            l.len() == 9
                && l.as_bytes()[4] == b'-'
                && l.chars().filter(|c| c.is_ascii_uppercase()).count() == 8
        })
        .with_context(|| format!("no code in message:\n{text}"));
    must(code).to_string()
}

#[track_caller]
pub fn set_mode(path: &Path, mode: u32) {
    must(
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
            .with_context(|| format!("setting the mode of {}", path.display())),
    );
}

#[track_caller]
pub fn mode(path: &Path) -> u32 {
    let meta = std::fs::metadata(path).with_context(|| format!("reading {}", path.display()));
    must(meta).permissions().mode() & 0o7777
}

/// Decodes a quoted-printable body the way a mail reader does (long lines arrive encoded).
pub fn decode_qp(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        if let (b'=', Some(b)) = (bytes[i], escaped) {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// How many Argon2 computations a run reported (`USERADM_DEBUG_ARGON2_COUNT`).
#[track_caller]
pub fn argon2_runs(run: &Run) -> u32 {
    let count = run
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("argon2-runs: "))
        .with_context(|| format!("no count: {run:?}"))
        .and_then(|n| Ok(n.parse()?));
    must(count)
}
