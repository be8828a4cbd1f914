//! Resolved settings of one run: where the database, session file and outbox are, how to mail,
//! how to print, whether a person is there to answer prompts. The only module that reads the
//! `USERADM_*` settings of the environment (`app` reads only the arguments and a test hook);
//! everything after it reads this.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::cli::{ColorChoice, GlobalArgs};
use crate::error::{Error, Result};
use crate::files::Sharing;
use crate::mail::{MailConfig, SmtpTarget};
use crate::settings::MailSettings;

/// Mail settings that the environment may override (and nothing else may be).
#[derive(Debug, Clone, Default)]
pub struct MailEnv {
    pub smtp_url: Option<String>,
    pub smtp_password_file: Option<PathBuf>,
    pub from: Option<String>,
    pub outbox: Option<PathBuf>,
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
    pub db_path: PathBuf,
    pub session: SessionLocation,
    pub mail_env: MailEnv,
    pub json: bool,
    pub quiet: bool,
    /// A person can answer prompts: stdin is a terminal and `--no-input` is absent.
    pub interactive: bool,
    pub color: bool,
    /// `USERADM_TOKEN`: when set, the only actor credential.
    pub token: Option<String>,
}

fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

fn env_text(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

impl Context {
    pub fn from_args(global: &GlobalArgs) -> Result<Context> {
        let dirs = directories::ProjectDirs::from("", "", "useradm");
        let db_path = match (&global.db, &dirs) {
            (Some(p), _) => p.clone(),
            (None, Some(d)) => d.data_dir().join("useradm.db"),
            (None, None) => {
                return Err(Error::usage(
                    "cannot find a home folder for the database: pass --db PATH",
                ));
            }
        };
        let session = if let Some(file) = env_path("USERADM_SESSION_FILE") {
            SessionLocation::File(file)
        } else if let Some(dir) = env_path("USERADM_SESSION_DIR") {
            SessionLocation::Dir(dir)
        } else {
            let base = dirs
                .as_ref()
                .map(|d| d.state_dir().unwrap_or_else(|| d.data_dir()).to_path_buf())
                .ok_or_else(|| {
                    Error::usage(
                        "cannot find a home folder for session files: set USERADM_SESSION_DIR",
                    )
                })?;
            SessionLocation::Dir(base.join("sessions"))
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
            db_path,
            session,
            mail_env: MailEnv {
                smtp_url: env_text("USERADM_SMTP_URL"),
                smtp_password_file: env_path("USERADM_SMTP_PASSWORD_FILE"),
                from: env_text("USERADM_MAIL_FROM"),
                outbox: env_path("USERADM_OUTBOX"),
            },
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

    /// The mail transport: the environment overrides the settings; the outbox is the default.
    pub fn mail_config(&self, settings: &MailSettings) -> Result<MailConfig> {
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
            Some(path) => Some(read_password_file(path)?),
            None => (!settings.smtp_password.is_empty()).then(|| settings.smtp_password.clone()),
        };
        let outbox = self
            .mail_env
            .outbox
            .clone()
            .unwrap_or_else(|| outbox_beside(&self.db_path));
        Ok(MailConfig {
            smtp,
            smtp_password,
            from: self
                .mail_env
                .from
                .clone()
                .unwrap_or_else(|| settings.from.clone()),
            outbox_sharing: Sharing::of_file(&self.db_path),
            outbox,
            verify_url: settings.verify_url.clone(),
            reset_url: settings.reset_url.clone(),
            invite_url: settings.invite_url.clone(),
        })
    }
}

fn outbox_beside(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("outbox")
}

fn read_password_file(path: &Path) -> Result<String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::usage(format!(
            "cannot read USERADM_SMTP_PASSWORD_FILE {}: {e}",
            path.display()
        ))
    })?;
    Ok(text.lines().next().unwrap_or_default().to_string())
}
