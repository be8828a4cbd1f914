//! `doctor`: what an administrator runs when something is odd. Each check looks at one thing and
//! answers ok, warning, problem or skipped, with the fix in words when it is not ok. A damaged
//! store (a broken audit chain, a bad settings row, a corrupt page) is a problem line, never an
//! early error: the point is to see everything at once. The rules judged here live elsewhere
//! (modes in `files`, bounds in `settings`, the chain in `audit`, retention in the store); this
//! module only asks them. Nothing is changed but by [`purge_retained`] (`doctor --fix`).

use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::accounts::users::{self, ListFilter};
use crate::error::{Error, Result};
use crate::files::Sharing;
use crate::gate::Actor;
use crate::mail::Transport;
use crate::settings::{self, Kind, Policy};
use crate::store::{Location, Purged, SCHEMA_VERSION, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Warning,
    Problem,
    Skipped,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warning => "warning",
            Status::Problem => "problem",
            Status::Skipped => "skipped",
        }
    }
}

/// One line of the doctor's report.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub name: &'static str,
    pub status: Status,
    pub detail: String,
    /// What to do, in words; `None` when there is nothing to do.
    pub fix: Option<String>,
}

impl Check {
    fn ok(name: &'static str, detail: impl Into<String>) -> Check {
        Check::new(name, Status::Ok, detail.into(), None)
    }

    fn skipped(name: &'static str, detail: impl Into<String>) -> Check {
        Check::new(name, Status::Skipped, detail.into(), None)
    }

    fn warning(name: &'static str, detail: impl Into<String>, fix: impl Into<String>) -> Check {
        Check::new(name, Status::Warning, detail.into(), Some(fix.into()))
    }

    fn problem(name: &'static str, detail: impl Into<String>, fix: impl Into<String>) -> Check {
        Check::new(name, Status::Problem, detail.into(), Some(fix.into()))
    }

    fn new(name: &'static str, status: Status, detail: String, fix: Option<String>) -> Check {
        Check {
            name,
            status,
            detail,
            fix,
        }
    }
}

/// What lies around the store on this host, as the command resolved it from the environment and
/// the settings.
#[derive(Debug)]
pub struct Surroundings {
    /// The folder of session files (`None`: `USERADM_SESSION_FILE` names one file).
    pub session_dir: Option<PathBuf>,
    pub outbox: PathBuf,
    /// The mail transport of this run (an error: the SMTP URL does not parse).
    pub transport: Result<Transport>,
    /// Where the SMTP URL came from, for the fix.
    pub relay_from: &'static str,
    /// The audit log's copy to the system logger: the setting's value, and where it came from.
    pub syslog: String,
    pub syslog_from: &'static str,
}

/// Every check, in the order README lists them. `fixed` is what `--fix` purged just before.
pub fn examine(
    store: &Store,
    policy: &Policy,
    around: &Surroundings,
    fixed: Option<Result<Purged>>,
) -> Vec<Check> {
    let mut checks = file_modes(store.location(), around);
    checks.push(schema(store));
    checks.push(integrity(store));
    checks.push(audit_chain(store));
    checks.push(settings_rows(store));
    checks.push(blocklist(policy));
    checks.push(relay(policy, around));
    checks.push(syslog(around));
    checks.push(legacy_hashes(store, policy));
    checks.push(retention(store, fixed));
    checks.push(huge_pages());
    checks
}

/// `doctor --fix`: the retention rule run now, through the store's one purge, recorded as the
/// actor's. Returns what was past retention when it began (a daily purge that ran first in the
/// same transaction removed the same rows).
pub fn purge_retained(store: &mut Store, actor: &Actor) -> Result<Purged> {
    let now = crate::clock::now();
    let (due, _) = store.sql().past_retention(now)?;
    store.write(|tx| {
        crate::gate::recheck(tx, actor, &[crate::permissions::SETTINGS_MANAGE])?;
        tx.purge_retained(now, actor.event("retention.purged"))
    })?;
    Ok(due)
}

/// An error as a problem line: a check that cannot even look has found something.
fn failed(name: &'static str, e: &Error, fix: &str) -> Check {
    Check::problem(name, e.to_string(), fix)
}

fn file_modes(location: &Location, around: &Surroundings) -> Vec<Check> {
    let mut checks = Vec::new();
    let outbox_sharing = match location {
        Location::File(db) => {
            let sharing = Sharing::of_store(db);
            let dir = db
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            checks.push(mode("database file", db, sharing, false));
            checks.push(mode("database folder", dir, sharing, true));
            sharing
        }
        Location::Server(_) => {
            let why = "not applicable: the database is on a PostgreSQL server";
            checks.push(Check::skipped("database file", why));
            checks.push(Check::skipped("database folder", why));
            Sharing::PRIVATE
        }
    };
    checks.push(match &around.session_dir {
        // Session files are their user's own, whatever the store's sharing.
        Some(dir) => mode("session folder", dir, Sharing::PRIVATE, true),
        None => Check::skipped(
            "session folder",
            "USERADM_SESSION_FILE names one session file, whose mode is checked at each use",
        ),
    });
    checks.push(mode("outbox folder", &around.outbox, outbox_sharing, true));
    checks
}

/// A file or folder's mode against its sharing: anything beyond it on a file that holds secrets
/// is a problem; on a folder, a write (files replaced) is a problem and a look is a warning.
fn mode(name: &'static str, path: &Path, sharing: Sharing, dir: bool) -> Check {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Check::skipped(name, format!("{} does not exist", path.display()));
        }
        Err(e) => {
            return Check::problem(
                name,
                format!("cannot read {}: {e}", path.display()),
                "check the folders above it",
            );
        }
    };
    let have = meta.mode() & 0o7777;
    let excess = sharing.excess(have, dir);
    if excess == 0 {
        return Check::ok(name, format!("mode {have:04o} ({})", path.display()));
    }
    let want = if dir {
        sharing.dir_mode()
    } else {
        sharing.file_mode()
    };
    let detail = format!("mode {have:04o}: {}", who_can(excess, dir));
    let fix = format!("chmod {want:o} {}", shell_word(path));
    if dir && excess & 0o022 == 0 {
        Check::warning(name, detail, fix)
    } else {
        Check::problem(name, detail, fix)
    }
}

/// `the group and others can read it`, from the permission bits a mode has too many of.
fn who_can(excess: u32, dir: bool) -> String {
    let verbs = |bits: u32| -> String {
        let names: [&str; 3] = match dir {
            true => ["list", "write to", "enter"],
            false => ["read", "write", "run"],
        };
        let said: Vec<&str> = [4, 2, 1]
            .iter()
            .zip(names)
            .filter(|(bit, _)| bits & **bit != 0)
            .map(|(_, name)| name)
            .collect();
        match said.split_last() {
            Some((last, [])) => format!("{last} it"),
            Some((last, rest)) => format!("{} and {last} it", rest.join(", ")),
            None => String::new(),
        }
    };
    let (group, others) = ((excess >> 3) & 7, excess & 7);
    match (group, others) {
        (g, o) if g == o => format!("the group and others can {}", verbs(g)),
        (0, o) => format!("others can {}", verbs(o)),
        (g, 0) => format!("the group can {}", verbs(g)),
        (g, o) => format!("the group can {}, others can {}", verbs(g), verbs(o)),
    }
}

/// A path as one word of a shell command, quoted only where it needs to be.
fn shell_word(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+:@%,".contains(c));
    match plain {
        true => text,
        false => format!("'{}'", text.replace('\'', r"'\''")),
    }
}

fn schema(store: &Store) -> Check {
    let name = "schema";
    match store.sql().schema_version() {
        Ok(Some(SCHEMA_VERSION)) => Check::ok(name, format!("version {SCHEMA_VERSION}")),
        Ok(Some(v)) if v < SCHEMA_VERSION => Check::problem(
            name,
            format!("version {v}, older than this useradm's {SCHEMA_VERSION}"),
            "useradm init (as the database owner on a server) migrates it",
        ),
        Ok(Some(v)) => Check::problem(
            name,
            format!("version {v}, newer than this useradm's {SCHEMA_VERSION}"),
            "upgrade useradm on this host",
        ),
        Ok(None) => Check::problem(
            name,
            "the database carries no schema version",
            "useradm init",
        ),
        Err(e) => failed(name, &e, "see the error; useradm init"),
    }
}

fn integrity(store: &Store) -> Check {
    let name = "integrity";
    let restore = "stop every writer and restore the file from a backup (`sqlite3 FILE .recover` \
                   saves what is still readable)";
    match store.sql().integrity_problems() {
        Ok(None) => Check::skipped(
            name,
            "not applicable: the database is on a PostgreSQL server",
        ),
        Ok(Some(found)) if found.is_empty() => Check::ok(name, "PRAGMA integrity_check: ok"),
        Ok(Some(found)) => Check::problem(name, integrity_detail(&found), restore),
        Err(e) => failed(name, &e, restore),
    }
}

/// What `PRAGMA integrity_check` found, on one line: SQLite puts several problems in one row,
/// a line each under a header line.
fn integrity_detail(found: &[String]) -> String {
    let problems: Vec<&str> = found
        .iter()
        .flat_map(|row| row.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("***"))
        .collect();
    let shown = problems
        .iter()
        .take(3)
        .copied()
        .collect::<Vec<_>>()
        .join("; ");
    let more = match problems.len() {
        n if n > 3 => format!("; and {} more", n - 3),
        _ => String::new(),
    };
    format!(
        "PRAGMA integrity_check found {} problem(s): {shown}{more}",
        problems.len()
    )
}

fn audit_chain(store: &Store) -> Check {
    let name = "audit chain";
    match crate::accounts::audit::verify(&store.sql(), None) {
        Ok((rows, head)) => Check::ok(
            name,
            format!(
                "intact: {rows} event(s), head {} (row {})",
                head.hash, head.id
            ),
        ),
        Err(e) => failed(
            name,
            &e,
            "the log was changed outside useradm: keep a copy of the database as evidence, \
             compare `useradm audit` with the heads the system logger received, and restore \
             from a backup if need be",
        ),
    }
}

/// Every stored row against its definition, through the same validation `config set` uses. A
/// row that fails it is ignored by every command (the default applies), which is the problem.
fn settings_rows(store: &Store) -> Check {
    let name = "settings";
    let rows = match store.sql().settings_rows() {
        Ok(rows) => rows,
        Err(e) => return failed(name, &e, "see the error"),
    };
    let mut keys: Vec<&String> = rows.keys().collect();
    keys.sort();
    let (mut bad, mut fixes, mut unknown) = (Vec::new(), Vec::new(), Vec::new());
    for key in keys {
        let Ok(def) = settings::definition(key) else {
            unknown.push(key.as_str());
            continue;
        };
        if let Err(why) = settings::validate(def, &rows[key]) {
            bad.push(format!("{why} (the default applies)"));
            fixes.push(match def.kind {
                Kind::Secret | Kind::Pem => {
                    format!("useradm config set {key} --value-stdin")
                }
                _ if def.default.is_empty() => format!("useradm config set {key} ''"),
                _ => format!("useradm config set {key} {}", def.default),
            });
        }
    }
    let missing: Vec<&str> = settings::DEFINITIONS
        .iter()
        .filter(|d| !rows.contains_key(d.key))
        .map(|d| d.key)
        .collect();
    let mut said = Vec::new();
    if !unknown.is_empty() {
        said.push(format!("unknown rows, ignored: {}", unknown.join(", ")));
    }
    if !missing.is_empty() {
        said.push(format!(
            "no row (the default applies): {}",
            missing.join(", ")
        ));
    }
    if !bad.is_empty() {
        // What would be a warning on its own is said too: one run shows everything.
        return Check::problem(
            name,
            bad.iter()
                .chain(&said)
                .cloned()
                .collect::<Vec<_>>()
                .join("; "),
            format!(
                "set each again, to its default or your value: {}",
                fixes.join("; ")
            ),
        );
    }
    if !said.is_empty() {
        return Check::warning(
            name,
            said.join("; "),
            "useradm init writes the missing defaults; unknown rows come from another tool or \
             a newer useradm",
        );
    }
    Check::ok(
        name,
        format!("{} row(s), each within its bounds", rows.len()),
    )
}

fn blocklist(policy: &Policy) -> Check {
    let name = "blocklist";
    let Some(path) = &policy.password_blocklist_file else {
        return Check::ok(name, "no password.blocklist_file: the built-in list only");
    };
    match crate::blocklist::readable(Some(path)) {
        Ok(()) => Check::ok(name, format!("{} is readable", path.display())),
        Err(e) => failed(
            name,
            &e,
            &format!(
                "make {} readable to the users who run useradm, or `useradm config set \
                 password.blocklist_file ''`",
                shell_word(path)
            ),
        ),
    }
}

fn relay(policy: &Policy, around: &Surroundings) -> Check {
    let name = "mail relay";
    let set_it = format!(
        "correct {} (smtp://host:587, smtps://host, smtp://127.0.0.1:2525)",
        around.relay_from
    );
    let transport = match &around.transport {
        Ok(t) => t,
        Err(e) => return failed(name, e, &set_it),
    };
    if transport.smtp.is_none() {
        return Check::ok(
            name,
            format!(
                "no relay configured: mail goes to the outbox ({})",
                transport.outbox.display()
            ),
        );
    }
    let cfg = match transport.resolve(&policy.mail) {
        Ok(cfg) => cfg,
        Err(e) => return failed(name, &e, "see the error"),
    };
    match crate::mail::test_relay(&cfg) {
        None => Check::ok(name, "no relay configured"),
        Some(Ok(relay)) => Check::ok(
            name,
            format!("{relay} answered ({}; no mail sent)", around.relay_from),
        ),
        Some(Err(why)) => Check::problem(
            name,
            format!("cannot reach the relay {why}"),
            format!(
                "check that the relay is up and reachable from this host, its certificate (the \
                 system's roots or mail.smtp_ca) and the login; or {set_it}"
            ),
        ),
    }
}

fn syslog(around: &Surroundings) -> Check {
    let name = "syslog";
    let Some(socket) = crate::syslog::wanted(&around.syslog) else {
        return Check::ok(
            name,
            format!("off ({}): no copy of the audit log", around.syslog_from),
        );
    };
    let listening = std::fs::metadata(&socket).is_ok_and(|m| m.file_type().is_socket());
    if listening {
        return Check::ok(
            name,
            format!("audit events are copied to {}", socket.display()),
        );
    }
    let detail = match around.syslog.as_str() {
        "auto" | "" => format!(
            "{} is auto and {} is not a socket: no copy of the audit log leaves the database",
            around.syslog_from,
            socket.display()
        ),
        _ => format!(
            "{} names {}, which is not a socket: events are not copied",
            around.syslog_from,
            socket.display()
        ),
    };
    Check::warning(
        name,
        detail,
        "start the system logger (rsyslog or systemd-journald), name its socket with `useradm \
         config set audit.syslog PATH`, or turn the copy off with `useradm config set \
         audit.syslog off`",
    )
}

/// The accounts `users list --legacy-hash` lists: the same filter, counted.
fn legacy_hashes(store: &Store, policy: &Policy) -> Check {
    let name = "legacy hashes";
    let filter = ListFilter {
        legacy_below: Some(policy.hash_cost),
        ..ListFilter::ALL
    };
    let mut count = 0usize;
    let counted = users::list(store, &Default::default(), filter, &mut |_| {
        count += 1;
        Ok(())
    });
    match counted {
        Err(e) => failed(name, &e, "see the error"),
        Ok(()) if count == 0 => Check::ok(
            name,
            "every stored password hash is Argon2id at the policy's cost",
        ),
        Ok(()) => Check::warning(
            name,
            format!(
                "{count} account(s) have a hash that is not Argon2id at the policy's cost \
                 (imported, or made under a weaker policy); each checks at its own cost until \
                 then"
            ),
            "each is upgraded at its next login; `useradm users list --legacy-hash` lists \
             them, to expire or reset those that do not log in",
        ),
    }
}

fn retention(store: &Store, fixed: Option<Result<Purged>>) -> Check {
    let name = "retention";
    let (left, keep) = match store.sql().past_retention(crate::clock::now()) {
        Ok(found) => found,
        Err(e) => return failed(name, &e, "see the error"),
    };
    let age = crate::clock::format_duration(keep);
    let purged = match fixed {
        Some(Err(e)) => {
            return Check::problem(
                name,
                format!("--fix could not purge: {e}"),
                "see the error, then run useradm doctor --fix again",
            );
        }
        Some(Ok(p)) if p.total() > 0 => format!("; --fix purged {}", rows(p)),
        _ => String::new(),
    };
    if left.total() == 0 {
        return Check::ok(
            name,
            format!("nothing past retention.operational ({age}){purged}"),
        );
    }
    Check::warning(
        name,
        format!(
            "{} past retention.operational ({age}), waiting for the daily purge{purged}",
            rows(left)
        ),
        "useradm doctor --fix purges them now (the first write of each day does too)",
    )
}

/// `2 ended sessions, 1 used or expired code` for what a purge removes.
fn rows(p: Purged) -> String {
    let said: Vec<String> = [
        (p.sessions, "ended session", "ended sessions"),
        (p.codes, "used or expired code", "used or expired codes"),
        (p.mail, "sent mail", "sent mails"),
        (
            p.counters,
            "failure counter of an unknown address",
            "failure counters of unknown addresses",
        ),
    ]
    .iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    })
    .collect();
    said.join(", ")
}

fn huge_pages() -> Check {
    let name = "huge pages";
    let setting = crate::argon_memory::HUGE_PAGE_SETTING;
    match crate::argon_memory::huge_page_mode().as_deref() {
        None => Check::skipped(
            name,
            format!("{setting} does not exist: no transparent huge pages on this kernel"),
        ),
        Some("never") => Check::warning(
            name,
            "transparent huge pages are off (never): each login faults Argon2id's memory in \
             4 KiB pages, which makes it slower (README, Performance)",
            format!(
                "echo madvise > {setting} as root (and transparent_hugepage=madvise on the \
                 kernel command line to keep it)"
            ),
        ),
        Some(mode) => Check::ok(name, format!("transparent huge pages: {mode}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_problems_are_one_line() {
        let found = vec![
            "*** in database main ***\nTree 31 page 31 cell 0: invalid page number 4294967295\nPage 40: never used".to_string(),
        ];
        let detail = integrity_detail(&found);
        assert_eq!(
            detail,
            "PRAGMA integrity_check found 2 problem(s): Tree 31 page 31 cell 0: invalid page \
             number 4294967295; Page 40: never used"
        );
        let many: Vec<String> = (1..=5).map(|i| format!("Page {i}: never used")).collect();
        assert!(integrity_detail(&many).ends_with("; and 2 more"));
    }

    #[test]
    fn modes_say_who_can_do_what() {
        assert_eq!(who_can(0o044, false), "the group and others can read it");
        assert_eq!(who_can(0o004, false), "others can read it");
        assert_eq!(who_can(0o060, false), "the group can read and write it");
        assert_eq!(
            who_can(0o075, true),
            "the group can list, write to and enter it, others can list and enter it"
        );
        assert_eq!(shell_word(Path::new("/a b/c")), "'/a b/c'");
        assert_eq!(shell_word(Path::new("/a/c.db")), "/a/c.db");
    }

    #[test]
    fn purged_rows_are_counted_in_words() {
        let p = Purged {
            sessions: 2,
            codes: 1,
            mail: 3,
            counters: 2,
        };
        assert_eq!(
            rows(p),
            "2 ended sessions, 1 used or expired code, 3 sent mails, 2 failure counters of unknown addresses"
        );
    }
}
