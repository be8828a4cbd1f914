//! Resolved settings of one run: where the database, session file and outbox are, how to mail,
//! how to print, whether a person is there to answer prompts. The only module that reads the
//! `USERADM_*` settings of the environment (`app` reads only the arguments and a test hook);
//! everything after it reads this.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::cli::{ColorChoice, GlobalArgs};
use crate::error::{Error, Result};
use crate::files::Sharing;
use crate::mail::{CaFrom, MailConfig, PasswordFrom, SmtpTarget, Transport};
use crate::settings::MailSettings;
use crate::store::{Database, Location};

/// Mail settings that the environment may override (and nothing else may be).
#[derive(Debug, Clone, Default)]
pub struct MailEnv {
    pub smtp_url: Option<String>,
    pub smtp_password_file: Option<PathBuf>,
    pub from: Option<String>,
    pub outbox: Option<PathBuf>,
    /// `USERADM_SMTP_CA_FILE`: a private CA for the relay, over the setting `mail.smtp_ca`.
    pub smtp_ca_file: Option<PathBuf>,
}

#[derive(Debug, Clone)]
pub enum SessionLocation {
    /// One file per database, named by the database id.
    Dir(PathBuf),
    /// Exactly this file (`USERADM_SESSION_FILE`, for parallel CI jobs).
    File(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Context {
    /// The database: a file on this host, or a server.
    pub db: Database,
    /// This user's data folder (the outbox of a server's database lives under it).
    pub data_dir: PathBuf,
    pub session: SessionLocation,
    pub mail_env: MailEnv,
    pub json: bool,
    pub quiet: bool,
    /// A person can answer prompts: stdin is a terminal and `--no-input` is absent.
    pub interactive: bool,
    pub color: bool,
    /// `USERADM_SYSLOG`: where audit events also go, over the `audit.syslog` setting.
    pub syslog: Option<String>,
    /// `USERADM_TOKEN`: when set, the only actor credential.
    pub token: Option<String>,
    /// What the reading of the environment has to tell (variables it ignored).
    pub warnings: Vec<String>,
}

/// The variables that redirect where mail goes, where secrets come from or which files are used.
/// Under a privileged invocation they come from a caller who may not be trusted with that choice
/// (`USERADM_SMTP_URL` would send every reset code to the caller; a password file could be
/// `/etc/shadow`), so they are ignored.
const REDIRECTING: &[&str] = &[
    "USERADM_DB",
    "USERADM_DB_PASSWORD_FILE",
    "PGPASSFILE",
    "USERADM_SESSION_DIR",
    "USERADM_SESSION_FILE",
    "USERADM_OUTBOX",
    "USERADM_SMTP_URL",
    "USERADM_SMTP_PASSWORD_FILE",
    "USERADM_SMTP_CA_FILE",
    "USERADM_MAIL_FROM",
    "USERADM_SYSLOG",
];

/// Why this process may hold privileges its caller lacks: the kernel's secure-execution flag
/// (set-user-ID, set-group-ID, file capabilities), or sudo running it for another user. Owning
/// the database is no test: under sudo both are the file's owner.
pub fn privileged_invocation() -> Option<&'static str> {
    // Read once per process: the mailer asks again for every message it sends.
    static PRIVILEGED: std::sync::OnceLock<Option<&'static str>> = std::sync::OnceLock::new();
    *PRIVILEGED.get_or_init(find_privileges)
}

fn find_privileges() -> Option<&'static str> {
    if at_secure() {
        return Some("set-user-ID, set-group-ID or file capabilities");
    }
    let caller = std::env::var("SUDO_UID").ok()?.parse::<u32>().ok()?;
    (caller != nix::unistd::getuid().as_raw()).then_some("sudo, for another user")
}

/// `AT_SECURE` of the auxiliary vector; where `/proc` cannot say, differing real and effective
/// ids.
fn at_secure() -> bool {
    const AT_SECURE: usize = 23;
    const WORD: usize = std::mem::size_of::<usize>();
    let Ok(auxv) = std::fs::read("/proc/self/auxv") else {
        return nix::unistd::getuid() != nix::unistd::geteuid()
            || nix::unistd::getgid() != nix::unistd::getegid();
    };
    auxv.chunks_exact(2 * WORD).any(|pair| {
        let (key, value) = pair.split_at(WORD);
        let word = |b: &[u8]| usize::from_ne_bytes(b.try_into().unwrap_or([0; WORD]));
        word(key) == AT_SECURE && word(value) != 0
    })
}

/// Reads `USERADM_*` variables, skipping the redirecting ones under a privileged invocation.
struct Environment {
    privileged: Option<&'static str>,
    ignored: Vec<&'static str>,
}

impl Environment {
    fn text(&mut self, name: &'static str) -> Option<String> {
        let value = std::env::var(name).ok().filter(|v| !v.is_empty())?;
        if self.privileged.is_some() && REDIRECTING.contains(&name) {
            self.ignored.push(name);
            return None;
        }
        Some(value)
    }

    fn path(&mut self, name: &'static str) -> Option<PathBuf> {
        self.text(name).map(PathBuf::from)
    }

    /// The warning that says what was ignored, if anything was.
    fn warning(&self) -> Option<String> {
        let why = self.privileged?;
        (!self.ignored.is_empty()).then(|| {
            format!(
                "warning: running with privileges the caller may lack ({why}): ignoring {} from \
                 the environment",
                self.ignored.join(", ")
            )
        })
    }
}

impl Context {
    /// Refuses a file the calling user could not read, under a privileged invocation (a
    /// set-user-ID useradm must not be a way to read `/etc/shadow`): the kernel's check with the
    /// real user and group ids.
    pub fn caller_can_read(&self, path: &Path) -> Result<()> {
        if path.as_os_str() == "-" || privileged_invocation().is_none() {
            return Ok(());
        }
        nix::unistd::access(path, nix::unistd::AccessFlags::R_OK).map_err(|_| {
            Error::usage(format!(
                "{}: the calling user cannot read it, and a privileged useradm reads only what its caller may",
                path.display()
            ))
        })
    }

    pub fn from_args(global: &GlobalArgs) -> Result<Context> {
        let mut env = Environment {
            privileged: privileged_invocation(),
            ignored: Vec::new(),
        };
        let dirs = directories::ProjectDirs::from("", "", "useradm");
        let db_given = match (global.db.clone().or_else(|| env.path("USERADM_DB")), &dirs) {
            (Some(p), _) => p,
            (None, Some(d)) => d.data_dir().join("useradm.db"),
            (None, None) => {
                return Err(Error::usage(
                    "cannot find a home folder for the database: pass --db PATH",
                ));
            }
        };
        let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
        let (data_dir, state_dir) = match &dirs {
            Some(d) => (
                d.data_dir().to_path_buf(),
                d.state_dir().unwrap_or_else(|| d.data_dir()).to_path_buf(),
            ),
            None => (PathBuf::from("."), PathBuf::from(".")),
        };
        let db = Database {
            location: Location::parse(&db_given)?,
            password_file: env.path("USERADM_DB_PASSWORD_FILE"),
            pgpass: env
                .path("PGPASSFILE")
                .or_else(|| home.map(|h| h.join(".pgpass"))),
            trust_env_roots: env.privileged.is_none(),
            host_state: state_dir.clone(),
        };
        let session = if let Some(file) = env.path("USERADM_SESSION_FILE") {
            SessionLocation::File(file)
        } else if let Some(dir) = env.path("USERADM_SESSION_DIR") {
            SessionLocation::Dir(dir)
        } else {
            if dirs.is_none() {
                return Err(Error::usage(
                    "cannot find a home folder for session files: set USERADM_SESSION_DIR",
                ));
            }
            SessionLocation::Dir(state_dir.join("sessions"))
        };
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stderr().is_terminal()
            }
        };
        Ok(Context {
            db,
            data_dir,
            session,
            mail_env: MailEnv {
                smtp_url: env.text("USERADM_SMTP_URL"),
                smtp_password_file: env.path("USERADM_SMTP_PASSWORD_FILE"),
                from: env.text("USERADM_MAIL_FROM"),
                outbox: env.path("USERADM_OUTBOX"),
                smtp_ca_file: env.path("USERADM_SMTP_CA_FILE"),
            },
            syslog: env.text("USERADM_SYSLOG"),
            warnings: env.warning().into_iter().collect(),
            json: global.json,
            quiet: global.quiet,
            interactive: !global.no_input && std::io::stdin().is_terminal(),
            color,
            // Set but empty is still a token (an unexpanded CI secret): it fails, never falls back.
            token: std::env::var_os("USERADM_TOKEN").map(|t| t.to_string_lossy().into_owned()),
        })
    }

    /// The session file for the database with this id.
    pub fn session_path(&self, database_id: &str) -> PathBuf {
        match &self.session {
            SessionLocation::File(f) => f.clone(),
            SessionLocation::Dir(d) => d.join(format!("{database_id}.json")),
        }
    }

    /// What proves the actor on the database with this id: the API token when one is set (no
    /// fallback), else this database's session file.
    pub fn credential(&self, database_id: &str) -> crate::gate::Credential {
        match &self.token {
            Some(token) => crate::gate::Credential::Token(token.clone()),
            None => crate::gate::Credential::SessionFile(self.session_path(database_id)),
        }
    }

    /// The mailer of this run: its transport, with the password read now.
    pub fn mail_config(&self, settings: &MailSettings, database_id: &str) -> Result<MailConfig> {
        self.mail_transport(settings, database_id)?
            .resolve(settings)
    }

    /// Where mail goes without a relay: `USERADM_OUTBOX`, else beside a database file, or in
    /// this host's data folder for a server's database.
    pub fn outbox(&self, database_id: &str) -> PathBuf {
        self.mail_env
            .outbox
            .clone()
            .unwrap_or_else(|| match &self.db.location {
                Location::File(path) => outbox_beside(path),
                Location::Server(_) => self.data_dir.join(database_id).join("outbox"),
            })
    }

    /// The mail transport: the environment overrides the settings; the outbox is the default,
    /// beside a database file, or in this host's data folder for a server's database.
    pub fn mail_transport(&self, settings: &MailSettings, database_id: &str) -> Result<Transport> {
        let url = self
            .mail_env
            .smtp_url
            .clone()
            .unwrap_or_else(|| settings.smtp_url.clone());
        let smtp = if url.is_empty() {
            None
        } else {
            Some(SmtpTarget::parse(&url).map_err(|e| Error::usage(format!("bad SMTP URL: {e}")))?)
        };
        let smtp_password = match &self.mail_env.smtp_password_file {
            Some(path) => PasswordFrom::File(path.clone()),
            None if settings.smtp_password.is_empty() => PasswordFrom::Nowhere,
            None => PasswordFrom::Setting,
        };
        let outbox = self.outbox(database_id);
        Ok(Transport {
            smtp,
            smtp_password,
            from: self
                .mail_env
                .from
                .clone()
                .unwrap_or_else(|| settings.from.clone()),
            outbox_sharing: match &self.db.location {
                Location::File(path) => Sharing::of_file(path),
                Location::Server(_) => Sharing::PRIVATE,
            },
            outbox,
            verify_url: settings.verify_url.clone(),
            reset_url: settings.reset_url.clone(),
            invite_url: settings.invite_url.clone(),
            smtp_ca: match &self.mail_env.smtp_ca_file {
                Some(path) => CaFrom::File(path.clone()),
                None => CaFrom::Setting,
            },
        })
    }
}

fn outbox_beside(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("outbox")
}
