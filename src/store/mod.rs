//! The account store: every SQL statement of useradm lives under this module, so that another
//! backend can replace it without touching the commands. Reads go through [`Sql`]; writes only
//! through [`Store::write`], which runs them in one `BEGIN IMMEDIATE` transaction.
//!
//! Only [`Store::init`] creates or migrates a database; [`Store::open`] refuses a missing, older or
//! newer one with exit 10.

mod audit;
mod codes;
pub mod django;
mod locks;
mod mail_queue;
mod mfa;
mod roles;
mod sessions;
mod settings;
mod throttle;
mod tokens;
mod users;

use std::collections::HashMap;
use std::fs::{self, OpenOptions};
use std::ops::Deref;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

pub use audit::{AuditEvent, AuditRow, GENESIS};
pub use codes::CodeRow;
pub use locks::{Lease, LockDir, MemoryPermit};
pub use mail_queue::QueuedMail;
pub use mfa::TotpRow;
pub use roles::{ADMIN_ROLE, Role, RoleSummary};
pub use sessions::{SessionListing, SessionRow};
pub use throttle::Throttle;
pub use tokens::TokenRow;
pub use users::{NewUser, Status, User, UserFilter};

use crate::error::{Error, Result};
use crate::files::Sharing;

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_access.sql"),
    include_str!("migrations/003_mfa.sql"),
    include_str!("migrations/004_write_indexes.sql"),
    include_str!("migrations/005_fresh_proofs_and_mail_queue.sql"),
];

/// The schema version this binary reads and writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Set once this process has committed a write: Ctrl-C at a later prompt must not claim that
/// nothing was changed.
static COMMITTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn committed_a_write() -> bool {
    COMMITTED.load(std::sync::atomic::Ordering::SeqCst)
}

/// Long enough that parallel CI jobs queue rather than fail; past it, exit 10.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InitOutcome {
    Created,
    Migrated { from: i64 },
    UpToDate,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    database_id: String,
    locks: LockDir,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// Read access to the store, inside or outside a transaction.
pub struct Sql<'c> {
    conn: &'c Connection,
}

/// Write access: only handed out inside `Store::write`'s `BEGIN IMMEDIATE` transaction.
pub struct Tx<'c> {
    sql: Sql<'c>,
}

impl<'c> Deref for Tx<'c> {
    type Target = Sql<'c>;
    fn deref(&self) -> &Sql<'c> {
        &self.sql
    }
}

impl Store {
    /// Opens an existing database of the current schema; anything else is exit 10 with the
    /// command that fixes it.
    pub fn open(path: &Path) -> Result<Store> {
        let init_hint = format!("run `useradm init --db {}`", path.display());
        match fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::storage(format!(
                    "no database at {}: {init_hint}",
                    path.display()
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
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_error(path, &e))?;
        configure(&conn).map_err(|e| open_error(path, &e))?;
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| open_error(path, &e))?;
        match version {
            0 => {
                return Err(Error::storage(format!(
                    "{} is not a useradm database: {init_hint}",
                    path.display()
                )));
            }
            v if v < SCHEMA_VERSION => {
                return Err(Error::storage(format!(
                    "the database schema v{v} is older than this useradm's v{SCHEMA_VERSION}: {init_hint} to migrate it"
                )));
            }
            v if v > SCHEMA_VERSION => return Err(newer_schema(v)),
            _ => {}
        }
        let database_id = Sql { conn: &conn }
            .meta("database_id")
            .map_err(|e| open_error_generic(path, e))?
            .ok_or_else(|| {
                Error::storage(format!(
                    "{} has no database id: {init_hint}",
                    path.display()
                ))
            })?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            database_id,
            locks: LockDir::beside(path),
        })
    }

    /// Creates the database (and its folder) or migrates it to the current schema, seeding the
    /// defaults. Safe to run again: an up-to-date database is left as it is.
    pub fn init(path: &Path, sharing: Sharing) -> Result<(Store, InitOutcome)> {
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
        let created = match fs::symlink_metadata(path) {
            Ok(m) if !m.is_file() => {
                return Err(Error::storage(format!(
                    "{} exists and is not a database file",
                    path.display()
                )));
            }
            Ok(_) => false,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .mode(sharing.file_mode())
                    .open(path)
                    .map_err(|e| io(&format!("create {}", path.display()), e))?;
                true
            }
            Err(e) => return Err(io(&format!("read {}", path.display()), e)),
        };
        if created || sharing.gid.is_some() {
            sharing
                .apply_to_file(path)
                .map_err(|e| io(&format!("set the mode of {}", path.display()), e))?;
        }
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_error(path, &e))?;
        configure(&conn).map_err(|e| open_error(path, &e))?;
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(|e| open_error(path, &e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::storage(format!(
                "cannot switch {} to WAL mode",
                path.display()
            )));
        }
        let from = migrate(&mut conn).map_err(|e| open_error_generic(path, e))?;
        let outcome = match from {
            0 => InitOutcome::Created,
            v if v < SCHEMA_VERSION => InitOutcome::Migrated { from: v },
            _ => InitOutcome::UpToDate,
        };
        drop(conn);
        Ok((Store::open(path)?, outcome))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The random id made at `init`; session files are keyed by it, so a session of one database
    /// never authorises on another.
    pub fn database_id(&self) -> &str {
        &self.database_id
    }

    /// The locks that die with their holder: leases of checks in flight, the hash memory budget.
    pub fn locks(&self) -> &LockDir {
        &self.locks
    }

    pub fn sql(&self) -> Sql<'_> {
        Sql { conn: &self.conn }
    }

    /// A larger page cache (32 MiB, used only as it fills) for one big transaction, such as an
    /// import's; other commands keep SQLite's 2 MiB, so that a scan of a million users
    /// (`users list`, `export`) stays at a flat, small memory.
    pub fn use_bulk_cache(&self) -> Result<()> {
        self.conn.pragma_update(None, "cache_size", -32768)?;
        Ok(())
    }

    /// Runs many reads in one read transaction: one snapshot and one lock, instead of a lock
    /// taken and released around every statement (import's planning reads a row per account).
    pub fn read<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        let tx = self.conn.unchecked_transaction()?;
        let out = f()?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction: all of it is committed or none of it.
    pub fn write<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&Tx {
            sql: Sql { conn: &tx },
        })?;
        tx.commit()?;
        COMMITTED.store(true, std::sync::atomic::Ordering::SeqCst);
        Ok(out)
    }

    /// The writes outside `write`: a single-statement refresh of when a session or token was last
    /// used. A read-only command must not fail because another process holds the write lock, so
    /// a busy (or read-only) database skips the refresh instead of waiting.
    pub fn touch_session(&self, session_id: &str, now: i64) -> Result<()> {
        self.touch(sessions::TOUCH, session_id, now)
    }

    pub fn touch_token(&self, token_id: &str, now: i64) -> Result<()> {
        self.touch(tokens::TOUCH, token_id, now)
    }

    fn touch(&self, sql: &str, id: &str, now: i64) -> Result<()> {
        self.conn.busy_timeout(Duration::ZERO)?;
        let result = self
            .conn
            .prepare_cached(sql)
            .and_then(|mut st| st.execute(rusqlite::params![id, now]));
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
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
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// Applies the numbered migrations in one transaction and seeds the defaults; returns the
/// version it found.
fn migrate(conn: &mut Connection) -> Result<i64> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(newer_schema(found));
    }
    if found == 0 {
        let tables: i64 = tx.query_row(
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
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    let now = crate::clock::now();
    let seed = Tx {
        sql: Sql { conn: &tx },
    };
    seed.seed_settings(now)?;
    seed.seed_builtin_roles(now)?;
    if seed.meta("database_id")?.is_none() {
        let id = crate::crypto::hex(&crate::crypto::random_bytes::<16>()?);
        seed.set_meta("database_id", &id)?;
        seed.set_meta("created_at", &now.to_string())?;
    }
    if found < SCHEMA_VERSION {
        seed.append_audit(
            &AuditEvent::new("database.migrated")
                .with(serde_json::json!({ "from": found, "to": SCHEMA_VERSION })),
            now,
        )?;
    }
    tx.commit()?;
    COMMITTED.store(true, std::sync::atomic::Ordering::SeqCst);
    Ok(found)
}

impl Sql<'_> {
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    pub fn settings_rows(&self) -> Result<HashMap<String, String>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT key, value FROM settings")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Tx<'_> {
    fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn
            .prepare_cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")?
            .execute([key, value])?;
        Ok(())
    }
}

fn newer_schema(v: i64) -> Error {
    Error::storage(format!(
        "the database schema v{v} is newer than this useradm supports (v{SCHEMA_VERSION}): upgrade useradm"
    ))
}

fn open_error(path: &Path, err: &rusqlite::Error) -> Error {
    open_error_generic(path, storage_error(err))
}

fn open_error_generic(path: &Path, err: Error) -> Error {
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

/// True for a UNIQUE or PRIMARY KEY violation, which callers turn into a conflict (exit 6).
pub(crate) fn is_unique_violation(err: &rusqlite::Error) -> bool {
    matches!(err, rusqlite::Error::SqliteFailure(e, _)
        if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
            || e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every statement the hot paths run (`whoami`, `check`, `login`, a code check) searches an
    /// index, never scans a table: their cost stays flat as users grow. These are the store's own
    /// statements, not copies.
    #[test]
    fn hot_path_statements_use_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::init(&dir.path().join("t.db"), Sharing::PRIVATE).unwrap();
        let statements = [
            users::BY_EMAIL,
            users::BY_PENDING_EMAIL,
            users::BY_ID,
            users::SAMPLE_HASH,
            sessions::BY_TOKEN_HASH,
            sessions::DELETE_OF_USER,
            sessions::TOUCH,
            tokens::BY_HASH,
            tokens::TOUCH,
            roles::GRANTS_OF_USER,
            roles::ROLE_NAMES_OF_USER,
            roles::BY_NAME,
            roles::HOLDERS,
            throttle::BY_EMAIL,
            codes::LIVE,
            codes::MADE_SINCE,
            audit::HEAD,
            mfa::TOTP_OF_USER,
            mfa::RECOVERY_OF_USER,
        ];
        for sql in statements {
            let mut st = store
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap();
            let nulls = vec![rusqlite::types::Value::Null; st.parameter_count()];
            let plan: Vec<String> = st
                .query_map(rusqlite::params_from_iter(nulls), |r| r.get::<_, String>(3))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            assert!(
                plan.iter()
                    .all(|step| !step.starts_with("SCAN") || step.contains("USING")),
                "full scan in {sql}: {plan:?}"
            );
        }
    }
}
