//! The SQLite engine: a database file on this host, in WAL mode with `synchronous=FULL`, a busy
//! timeout, foreign keys on, and its schema version in `PRAGMA user_version`, migrated by the
//! numbered files in `migrations/` (a loop of our own: the crate for it does not build with this
//! rusqlite).

use std::fs::{self, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension};

use super::engine::{Conn, Value};
use super::{Begun, InitOutcome, SCHEMA_VERSION, newer_schema};
use crate::error::{Error, Result};
use crate::files::Sharing;

pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_access.sql"),
    include_str!("migrations/003_mfa.sql"),
    include_str!("migrations/004_write_indexes.sql"),
    include_str!("migrations/005_fresh_proofs_and_mail_queue.sql"),
    include_str!("migrations/006_session_deadlines.sql"),
    include_str!("migrations/007_security_notices.sql"),
    include_str!("migrations/008_managed_entries.sql"),
    include_str!("migrations/009_identity_providers.sql"),
    include_str!("migrations/010_managed_providers.sql"),
];

/// Long enough that parallel CI jobs queue rather than fail; past it, exit 10.
pub(super) const BUSY_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a write on the side (a session's last use) waits for another writer: long enough
/// for a short write such as a mail deliverer's, short enough that an import never holds it up.
const QUIET_WAIT: Duration = Duration::from_millis(100);

fn init_hint(path: &Path) -> String {
    format!("run `useradm init --db {}`", path.display())
}

/// Opens an existing database file of the current schema; anything else is exit 10 with the
/// command that fixes it.
pub(super) fn open(path: &Path) -> Result<Conn> {
    match fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::storage(format!(
                "no database at {}: {}",
                path.display(),
                init_hint(path)
            )));
        }
        Err(e) => {
            return Err(Error::storage(format!(
                "cannot read {}: {e}",
                path.display()
            )));
        }
        Ok(m) if !m.is_file() => {
            return Err(Error::storage(format!(
                "{} is not a database file",
                path.display()
            )));
        }
        Ok(_) => {}
    }
    let conn = connect(path)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| at(path, &e))?;
    let conn = Conn::Sqlite(conn);
    match version {
        0 => Err(Error::storage(format!(
            "{} is not a useradm database: {}",
            path.display(),
            init_hint(path)
        ))),
        v if v < SCHEMA_VERSION => Err(Error::storage(format!(
            "the database schema v{v} is older than this useradm's v{SCHEMA_VERSION}: {} to migrate it",
            init_hint(path)
        ))),
        v if v > SCHEMA_VERSION => Err(newer_schema(&conn, v)),
        _ => Ok(conn),
    }
}

fn connect(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| at(path, &e))?;
    let configure = || -> rusqlite::Result<()> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "FULL")
    };
    configure().map_err(|e| at(path, &e))?;
    Ok(conn)
}

/// Creates the database file (and its folder) with the sharing's modes, in WAL mode, and runs
/// the migrations it lacks in one transaction (`seed` then fills the defaults in it). Returns the
/// open database and the version it found.
pub(super) fn init(
    path: &Path,
    sharing: Sharing,
    seed: impl FnOnce(&Conn, i64) -> Result<()>,
) -> Result<(Conn, InitOutcome)> {
    create_file(path, sharing)?;
    let conn = connect(path)?;
    let mode = switch_to_wal(&conn).map_err(|e| at(path, &e))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::storage(format!(
            "cannot switch {} to WAL mode",
            path.display()
        )));
    }
    let conn = Conn::Sqlite(conn);
    conn.batch("BEGIN IMMEDIATE")?;
    let migrated = migrate(&conn).and_then(|found| seed(&conn, found).map(|()| found));
    let found = match migrated {
        Ok(found) => found,
        Err(e) => {
            let _ = conn.batch("ROLLBACK");
            return Err(in_file(path, e));
        }
    };
    conn.batch("COMMIT")?;
    Ok((conn, InitOutcome::from_found(found)))
}

/// A new database file for `db copy`: the schema made by the migrations, no rows, in an open
/// transaction that the copy commits. Refuses a file that is there.
pub(super) fn create_empty(path: &Path, sharing: Sharing) -> Result<Conn> {
    let exists = || {
        Error::usage(format!(
            "{} exists: db copy writes a new database (if it is this database's copy from an interrupted db copy, add --finish)",
            path.display()
        ))
    };
    if fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    // Another process may have made the file since the look above.
    if !create_file(path, sharing)? {
        return Err(exists());
    }
    let conn = connect(path)?;
    switch_to_wal(&conn).map_err(|e| at(path, &e))?;
    let conn = Conn::Sqlite(conn);
    conn.batch("BEGIN IMMEDIATE")?;
    migrate(&conn).map_err(|e| in_file(path, e))?;
    Ok(conn)
}

/// The schema version of a file's database (0: none), as `PRAGMA user_version` says.
pub(super) fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Why a file is no sound SQLite database, if it is not: it does not open or read as one, or
/// `PRAGMA quick_check` finds damage. Whatever useradm schema it holds is not looked at.
pub(super) fn unsound(path: &Path) -> Option<String> {
    let conn = match connect(path) {
        Ok(conn) => conn,
        Err(e) => return Some(e.to_string()),
    };
    match check_lines(&conn, "PRAGMA quick_check") {
        Ok(problems) if problems.is_empty() => None,
        Ok(problems) => Some(problems.join("; ")),
        Err(e) => Some(e.to_string()),
    }
}

/// The lines of `PRAGMA integrity_check` other than its `ok`.
pub(super) fn integrity_problems(conn: &Connection) -> Result<Vec<String>> {
    check_lines(conn, "PRAGMA integrity_check")
}

/// The lines of a check pragma other than its `ok`.
fn check_lines(conn: &Connection, pragma: &str) -> Result<Vec<String>> {
    let mut st = conn.prepare(pragma)?;
    let lines = st.query_map([], |r| r.get::<_, String>(0))?;
    let mut problems = Vec::new();
    for line in lines {
        let line = line?;
        if line != "ok" {
            problems.push(line);
        }
    }
    Ok(problems)
}

/// Stamps the version, inside the open transaction.
pub(super) fn set_version(conn: &Conn, version: i64) -> Result<()> {
    let Conn::Sqlite(c) = conn else {
        return Err(Error::internal("not a SQLite database"));
    };
    Ok(c.pragma_update(None, "user_version", version)?)
}

/// Creates the file unless it is there; returns whether this call created it.
fn create_file(path: &Path, sharing: Sharing) -> Result<bool> {
    let io = |what: &str, e: std::io::Error| Error::storage(format!("cannot {what}: {e}"));
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.exists() {
            sharing
                .create_dirs(dir)
                .map_err(|e| io(&format!("create {}", dir.display()), e))?;
        } else if sharing.gid.is_some() {
            // Group members need to create the -wal and -shm files beside the database.
            sharing
                .apply_to_dir(dir)
                .map_err(|e| io(&format!("share {}", dir.display()), e))?;
        }
    }
    // Creating first and looking only when the file exists lets two first runs race safely.
    let created = match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(sharing.file_mode())
        .open(path)
    {
        Ok(_) => true,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            match fs::symlink_metadata(path) {
                Ok(m) if m.is_file() => false,
                Ok(_) => {
                    return Err(Error::storage(format!(
                        "{} exists and is not a database file",
                        path.display()
                    )));
                }
                Err(e) => return Err(io(&format!("read {}", path.display()), e)),
            }
        }
        Err(e) => return Err(io(&format!("create {}", path.display()), e)),
    };
    if created || sharing.gid.is_some() {
        sharing
            .apply_to_file(path)
            .map_err(|e| io(&format!("set the mode of {}", path.display()), e))?;
    }
    Ok(created)
}

/// Puts the file in WAL mode; returns the mode SQLite reports. SQLite answers a switch that
/// meets another process's transaction with "busy" at once, without its busy handler, so two
/// first runs at once retry here for as long as a busy handler would wait.
fn switch_to_wal(conn: &Connection) -> rusqlite::Result<String> {
    let start = Instant::now();
    loop {
        match conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0)) {
            Err(e)
                if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
                    && start.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            done => return done,
        }
    }
}

/// Applies the numbered migrations inside the open transaction; returns the version it found.
fn migrate(conn: &Conn) -> Result<i64> {
    let Conn::Sqlite(c) = conn else {
        return Err(Error::internal("not a SQLite database"));
    };
    let found: i64 = c.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(newer_schema(conn, found));
    }
    if found == 0 {
        let tables: i64 = c.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if tables > 0 {
            return Err(Error::storage(
                "the file holds another application's SQLite database; choose another --db",
            ));
        }
    }
    for sql in MIGRATIONS.iter().skip(usize::try_from(found).unwrap_or(0)) {
        c.execute_batch(sql)?;
    }
    c.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    Ok(found)
}

/// A larger page cache (32 MiB, used only as it fills) for one big transaction.
pub(super) fn use_bulk_cache(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "cache_size", -32768)?;
    Ok(())
}

/// Begins a write transaction (`BEGIN IMMEDIATE`) and reads the schema version (and when the
/// daily purge last ran) in it. Without `wait`, a database another process is writing gives
/// `None` at once.
pub(super) fn begin_write(conn: &Connection, wait: bool) -> Result<Option<Begun>> {
    if !wait {
        conn.busy_timeout(Duration::ZERO)?;
    }
    let begun = conn.execute_batch("BEGIN IMMEDIATE");
    if !wait {
        conn.busy_timeout(BUSY_TIMEOUT)?;
    }
    match begun {
        Ok(()) => {
            let purged_at: Option<String> = conn
                .query_row("SELECT value FROM meta WHERE key = 'purged_at'", [], |r| {
                    r.get(0)
                })
                .optional()?;
            Ok(Some(Begun {
                version: version(conn)?,
                purged_at: purged_at.and_then(|v| v.parse().ok()).unwrap_or(0),
            }))
        }
        Err(e)
            if !wait
                && matches!(
                    e.sqlite_error_code(),
                    Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
                ) =>
        {
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// Runs a one-statement write, waiting at most `QUIET_WAIT`: a database busy for longer, or
/// read-only, skips it.
pub(super) fn quiet_write(conn: &Connection, sql: &str, values: &[Value<'_>]) -> Result<()> {
    conn.busy_timeout(QUIET_WAIT)?;
    let result = conn
        .prepare_cached(sql)
        .and_then(|mut st| st.execute(rusqlite::params_from_iter(values)));
    conn.busy_timeout(BUSY_TIMEOUT)?;
    match result {
        Ok(_) => Ok(()),
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked | ErrorCode::ReadOnly)
            ) =>
        {
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

fn at(path: &Path, err: &rusqlite::Error) -> Error {
    in_file(path, storage_error(err))
}

fn in_file(path: &Path, err: Error) -> Error {
    match err {
        Error::Storage(msg) => Error::Storage(format!("{}: {msg}", path.display())),
        other => other,
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        storage_error(&err)
    }
}

/// Maps SQLite's failures to exit 10 with a message a user can act on.
fn storage_error(err: &rusqlite::Error) -> Error {
    let Some(code) = err.sqlite_error_code() else {
        return Error::internal(format!("database error: {err}"));
    };
    let msg = match code {
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
            "the database stayed busy past the timeout (another process is writing); try again"
                .to_string()
        }
        ErrorCode::ReadOnly => {
            "the database is read-only for this user; nothing was changed".to_string()
        }
        ErrorCode::DiskFull => "the disk is full; nothing was changed".to_string(),
        ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt => {
            "the database file is corrupt or not a SQLite database".to_string()
        }
        ErrorCode::CannotOpen => "cannot open the database file".to_string(),
        ErrorCode::PermissionDenied => "permission denied on the database file".to_string(),
        ErrorCode::SystemIoFailure => format!("I/O error on the database: {err}"),
        ErrorCode::TooBig => "a value is too large for the database".to_string(),
        _ => return Error::internal(format!("database error: {err}")),
    };
    Error::Storage(msg)
}
