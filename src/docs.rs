//! Shell completions and man pages, generated from the clap definition (the single source), plus
//! the sections of the main page that clap cannot know: files, environment, exit status, examples,
//! security.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::error::{Error, Result};

pub fn write_completions(shell: Shell, out: &mut dyn Write) {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "useradm", out);
}

const EXTRA_SECTIONS: &str = r#".SH FILES
.TP
\fI~/.local/share/useradm/useradm.db\fR
The database (\fB--db\fR, \fBUSERADM_DB\fR). Created 0600 in a 0700 folder (0660/0770 with \fBinit --group\fR).
.TP
\fI~/.local/state/useradm/sessions/<database id>.json\fR
Session files, one per database, mode 0600; refused when group/other-readable, a symlink, or for another database.
.TP
\fIoutbox/\fR beside the database
Messages written as .eml files when no SMTP server is configured.
.SH ENVIRONMENT
.TP
\fBUSERADM_DB\fR
Database: a file, or a postgres:// URL.
.TP
\fBUSERADM_DB_PASSWORD_FILE\fR, \fBPGPASSFILE\fR
A database server's password: the first line of the file, else ~/.pgpass.
.TP
\fBUSERADM_TOKEN\fR
An API token: when set, the only actor (no session is read).
.TP
\fBUSERADM_SESSION_DIR\fR, \fBUSERADM_SESSION_FILE\fR
Folder of session files, or one exact session file (parallel CI jobs).
.TP
\fBUSERADM_OUTBOX\fR
Outbox folder.
.TP
\fBUSERADM_SMTP_URL\fR
SMTP server: smtp://host:587 (STARTTLS required), smtps://host, smtp://127.0.0.1:2525 (plain, loopback only or with ?tls=none).
.TP
\fBUSERADM_SMTP_PASSWORD_FILE\fR
File whose first line is the SMTP password.
.TP
\fBUSERADM_SMTP_CA_FILE\fR
A private CA (PEM) the SMTP relay's certificate may chain to, beside the system's store.
.TP
\fBSSL_CERT_FILE\fR, \fBSSL_CERT_DIR\fR
The system's trusted roots, for a database server and the mail relay.
.TP
\fBUSERADM_MAIL_FROM\fR
Sender address.
.TP
\fBUSERADM_SYSLOG\fR
Where audit events also go: off, or a datagram socket's path (default /dev/log).
.TP
\fBPAM_USER\fR, \fBPAM_TYPE\fR
Read by \fBauthenticate --pam\fR, as pam_exec sets them.
.TP
\fBSUDO_UID\fR
Under sudo for another user, the variables that redirect mail, secrets or files are ignored.
.TP
\fBCOLUMNS\fR
The width of tables when the output is not a terminal.
.TP
\fBNO_COLOR\fR
Disables colour.
.SH EXIT STATUS
.TP
\fB0\fR ok (also idempotent no-ops)
.TP
\fB1\fR error (a bug)
.TP
\fB2\fR usage: bad flags, missing value without a terminal, invalid syntax
.TP
\fB3\fR auth_failed: wrong email, password or code
.TP
\fB4\fR not_logged_in
.TP
\fB5\fR permission_denied
.TP
\fB6\fR conflict: already exists
.TP
\fB7\fR not_found
.TP
\fB8\fR unavailable: locked, disabled, email_unverified, rate_limited
.TP
\fB9\fR mail_failed
.TP
\fB10\fR storage: no database, other schema, busy, corrupt, read-only, disk full
.TP
\fB11\fR policy: password rejected
.TP
\fB12\fR integrity
.TP
\fB13\fR drift: \fBapply \-\-check\fR found the store differs from the file
.TP
\fB14\fR unhealthy: \fBdoctor\fR found a problem
.TP
\fB130\fR interrupted
.PP
A reader that closes a streamed output early (\fBuseradm users list \-\-json | head\fR) ends it
quietly with exit 0.
.SH EXAMPLES
.nf
useradm init --admin admin@example.com
useradm login --email admin@example.com
useradm register --email alice@example.com --first-name Alice
useradm verify --email alice@example.com
printf '%s\en' "$PW" | useradm authenticate --email alice@example.com --password-stdin
useradm reset --email alice@example.com
useradm reset --email alice@example.com --confirm
.fi
.SH SECURITY
Passwords and one-time codes are stored only as Argon2id hashes and session tokens only as SHA-256.
Secrets are never read from the command line: not passwords, and not one-time or second-factor
codes, which other local users could read in the process list. Failed logins lock an email after five attempts.
Whoever can write the database file owns the account store: its file permission is the outer boundary.
"#;

/// clap_mangen heads a command's `after_help` EXTRA; ours holds its examples (and the columns
/// of `import`), so it is headed for what it is.
fn examples_heading(page: Vec<u8>) -> Vec<u8> {
    String::from_utf8(page)
        .map(|text| {
            text.replace(".SH EXTRA\n", ".SH \"EXAMPLES AND DETAILS\"\n")
                .into_bytes()
        })
        .unwrap_or_else(|e| e.into_bytes())
}

/// Writes `useradm.1` and one page per command and subcommand; returns the files written.
pub fn write_man_pages(dir: &Path) -> Result<Vec<PathBuf>> {
    let fail = |e: std::io::Error| {
        Error::storage(format!("cannot write man pages to {}: {e}", dir.display()))
    };
    std::fs::create_dir_all(dir).map_err(fail)?;
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut written = Vec::new();
    fn walk(cmd: &clap::Command, dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            walk(sub, dir, out)?;
            let man = clap_mangen::Man::new(sub.clone());
            let path = dir.join(man.get_filename());
            let mut page = Vec::new();
            man.render(&mut page)?;
            std::fs::write(&path, examples_heading(page))?;
            out.push(path);
        }
        Ok(())
    }
    walk(&cmd, dir, &mut written).map_err(fail)?;
    let main = dir.join("useradm.1");
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut page).map_err(fail)?;
    let mut page = examples_heading(page);
    page.extend_from_slice(EXTRA_SECTIONS.as_bytes());
    std::fs::write(&main, page).map_err(fail)?;
    written.push(main);
    written.sort();
    Ok(written)
}
