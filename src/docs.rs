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
Database file.
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
\fBUSERADM_MAIL_FROM\fR
Sender address.
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
            out.push(clap_mangen::Man::new(sub.clone()).generate_to(dir)?);
        }
        Ok(())
    }
    walk(&cmd, dir, &mut written).map_err(fail)?;
    let main = dir.join("useradm.1");
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut page).map_err(fail)?;
    page.extend_from_slice(EXTRA_SECTIONS.as_bytes());
    std::fs::write(&main, page).map_err(fail)?;
    written.push(main);
    written.sort();
    Ok(written)
}
