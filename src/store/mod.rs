//! The account store: every SQL statement of useradm lives under this module, on either engine
//! (`engine`: SQLite, a file on this host; PostgreSQL, a server many hosts share). Reads go through
//! [`Sql`]; writes only through [`Store::write`], which runs them in one transaction that holds
//! the database's single write lock, so every check-then-write rule holds when processes race.
//!
//! Only [`Store::init`] creates or migrates a database; [`Store::open`] refuses a missing, older or
//! newer one with exit 10.

/// The columns of an account that `users::from_row_at` reads, in its order; with a table alias
/// (`user_columns!("u.")`) for a join.
macro_rules! user_columns {
    () => {
        user_columns!("")
    };
    ($p:literal) => {
        concat!(
            $p,
            "id, ",
            $p,
            "email, ",
            $p,
            "email_canonical, ",
            $p,
            "first_name, ",
            $p,
            "last_name, ",
            $p,
            "attributes, ",
            $p,
            "password_hash, ",
            $p,
            "email_verified_at, ",
            $p,
            "status, ",
            $p,
            "created_at, ",
            $p,
            "updated_at, ",
            $p,
            "last_login_at, ",
            $p,
            "pending_email, ",
            $p,
            "must_change_password, ",
            $p,
            "valid_from, ",
            $p,
            "expires_at, ",
            $p,
            "last_authenticated_at, ",
            $p,
            "password_changed_at"
        )
    };
}

mod audit;
mod codes;
pub mod copy;
pub mod django;
pub(crate) mod engine;
mod idp;
mod location;
mod locks;
mod mail_queue;
mod managed;
mod mfa;
mod postgres;
mod retention;
mod roles;
mod sessions;
mod settings;
mod sqlite;
mod throttle;
mod tokens;
mod users;

use std::collections::HashMap;
use std::ops::Deref;
use std::path::{Path, PathBuf};

use engine::{Conn, Failure, Row, Value, params};

pub use audit::{AuditChain, AuditEvent, AuditRow, GENESIS, LinkedEvents};
pub use codes::CodeRow;
pub use engine::{Engine, dollar_parameters};
pub use idp::{IdentityRow, ProviderRow};
pub use location::{Location, ServerUrl, SslMode, password_for};
pub use locks::{Lease, LockDir, MemoryPermit};
pub use mail_queue::{Notice, Notifier, QueuedMail};
pub use managed::UserMark;
pub use mfa::TotpRow;
pub use postgres::WRITE_LOCK as WRITE_LOCK_KEY;
pub use retention::Purged;
pub use roles::{ADMIN_ROLE, Holdings, Role, RoleSummary};
pub use sessions::{SessionListing, SessionRow};
pub use throttle::Throttle;
pub use tokens::TokenRow;
pub use users::{BulkUser, NewUser, Status, User, UserFilter, Window};

use crate::error::{Error, Result};
use crate::files::Sharing;

/// The schema version this binary reads and writes.
pub const SCHEMA_VERSION: i64 = sqlite::MIGRATIONS.len() as i64;

/// A database that `db copy` moved away is stamped with its version plus this: above any
/// release's schema, so every binary, older ones too, refuses to open it.
pub const MOVED_VERSION: i64 = 1_000_000;

/// Set once this process has committed a write: Ctrl-C at a later prompt must not claim that
/// nothing was changed.
static COMMITTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Why the SQLite file at `path` is no sound database, if it is not (a backup being restored
/// is checked so before anything else is read from it).
pub fn sqlite_file_problem(path: &std::path::Path) -> Option<String> {
    sqlite::unsound(path)
}

pub fn committed_a_write() -> bool {
    COMMITTED.load(std::sync::atomic::Ordering::SeqCst)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InitOutcome {
    Created,
    Migrated { from: i64 },
    UpToDate,
}

impl InitOutcome {
    /// What `init` did, from the version it found (0: none).
    fn from_found(found: i64) -> InitOutcome {
        match found {
            0 => InitOutcome::Created,
            v if v < SCHEMA_VERSION => InitOutcome::Migrated { from: v },
            _ => InitOutcome::UpToDate,
        }
    }
}

/// How this run reaches its database, and where this host keeps its own files for it.
#[derive(Debug, Clone)]
pub struct Database {
    pub location: Location,
    /// `USERADM_DB_PASSWORD_FILE`: the server password, on its first line.
    pub password_file: Option<PathBuf>,
    /// `PGPASSFILE`, else `~/.pgpass`.
    pub pgpass: Option<PathBuf>,
    /// Whether `SSL_CERT_FILE`/`SSL_CERT_DIR` may name the roots a server's certificate is checked
    /// against (not under a privileged invocation).
    pub trust_env_roots: bool,
    /// This host's folder for a server's database: `<this>/<database id>/` holds its lock files.
    pub host_state: PathBuf,
}

impl Database {
    /// A SQLite file, with nothing else to say (tests, tools).
    pub fn file(path: &Path) -> Database {
        Database {
            location: Location::File(path.to_path_buf()),
            password_file: None,
            pgpass: None,
            trust_env_roots: true,
            host_state: path.parent().map(Path::to_path_buf).unwrap_or_default(),
        }
    }

    fn connect(&self, url: &ServerUrl) -> Result<postgres::Connect> {
        Ok(postgres::Connect {
            url: url.clone(),
            password: password_for(url, self.password_file.as_deref(), self.pgpass.as_deref())?,
            trust_env_roots: self.trust_env_roots,
        })
    }
}

pub struct Store {
    conn: Conn,
    location: Location,
    database_id: String,
    locks: LockDir,
    /// Where each committed audit event also goes (the system logger), if anywhere.
    audit_copy: Option<PathBuf>,
    /// The lines of the events of the open transaction: sent once it commits.
    audit_lines: AuditLines,
    /// What queues security notices beside audit events (`None`: nothing does).
    notifier: Option<Notifier>,
    /// Whether the open transaction queued a notice.
    notices_queued: std::cell::Cell<bool>,
}

/// What a write transaction reads as it begins: the schema version it must match, and when the
/// daily purge last ran (0: never), both in the begin's own round trip on a server.
pub(super) struct Begun {
    version: i64,
    purged_at: i64,
}

/// The events of the open transaction, for the system logger.
type AuditLines = std::cell::RefCell<Vec<audit::LogLine>>;

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("location", &self.location)
            .finish()
    }
}

/// Read access to the store, inside or outside a transaction.
pub struct Sql<'c> {
    conn: &'c Conn,
}

/// Write access: only handed out inside `Store::write`'s transaction.
pub struct Tx<'c> {
    sql: Sql<'c>,
    /// `None` only while a new database is seeded, before any check can run.
    locks: Option<&'c LockDir>,
    /// Where the lines of appended audit events wait for the commit (`None`: no copy is kept).
    audit_lines: Option<&'c AuditLines>,
    /// The notifier, and where the transaction notes that it queued a notice.
    notices: Option<(&'c Notifier, &'c std::cell::Cell<bool>)>,
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
    pub fn open(db: &Database) -> Result<Store> {
        let (conn, id) = match &db.location {
            Location::File(path) => (sqlite::open(path)?, None),
            Location::Server(url) => postgres::open(&db.connect(url)?)?,
        };
        Store::with(conn, db, id)
    }

    /// `database_id`: when the open read it already.
    fn with(conn: Conn, db: &Database, database_id: Option<String>) -> Result<Store> {
        let name = db.location.describe();
        let database_id = match database_id {
            Some(id) => Some(id),
            None => Sql { conn: &conn }.meta("database_id")?,
        };
        let database_id = database_id.ok_or_else(|| {
            Error::storage(format!(
                "{name} has no database id: run `useradm init --db {name}`"
            ))
        })?;
        let locks = match &db.location {
            Location::File(path) => LockDir::beside(path),
            Location::Server(_) => LockDir::at(db.host_state.join(&database_id).join("locks")),
        };
        Ok(Store {
            conn,
            location: db.location.clone(),
            database_id,
            locks,
            audit_copy: None,
            audit_lines: AuditLines::default(),
            notifier: None,
            notices_queued: std::cell::Cell::new(false),
        })
    }

    /// Creates the database (a file and its folder, or the schema on a server) or migrates it to
    /// the current schema, seeding the defaults. Safe to run again: an up-to-date database is
    /// left as it is. `sharing` applies to a file.
    pub fn init(db: &Database, sharing: Sharing) -> Result<(Store, InitOutcome)> {
        let (conn, outcome) = match &db.location {
            Location::File(path) => sqlite::init(path, sharing, seed)?,
            Location::Server(url) => postgres::init(&db.connect(url)?, seed)?,
        };
        COMMITTED.store(true, std::sync::atomic::Ordering::SeqCst);
        Ok((Store::with(conn, db, None)?, outcome))
    }

    /// Where the database is.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// A new lease for a check about to start (see `locks`).
    pub fn take_lease(&self) -> Result<Lease> {
        match &self.conn {
            Conn::Sqlite(_) => self.locks.take_lease(),
            Conn::Pg(_) => Ok(Lease::Server(format!(
                "{:x}",
                postgres::take_lease(&self.conn)?
            ))),
        }
    }

    /// The random id made at `init`; session files are keyed by it, so a session of one database
    /// never authorises on another.
    pub fn database_id(&self) -> &str {
        &self.database_id
    }

    /// Sends each audit event this store commits to the system logger at `socket` as well.
    pub fn copy_audit_to(&mut self, socket: Option<PathBuf>) {
        self.audit_copy = socket;
    }

    /// Queues the security notices `notifier` finds in each audit event this store writes.
    pub fn notify_with(&mut self, notifier: Notifier) {
        self.notifier = Some(notifier);
    }

    /// The locks that die with their holder: leases of checks in flight, the hash memory budget.
    pub fn locks(&self) -> &LockDir {
        &self.locks
    }

    pub fn sql(&self) -> Sql<'_> {
        Sql { conn: &self.conn }
    }

    /// A larger page cache for one big transaction, such as an import's; other commands keep
    /// SQLite's 2 MiB, so that a scan of a million users (`users list`, `export`) stays at a flat,
    /// small memory.
    pub fn use_bulk_cache(&self) -> Result<()> {
        match &self.conn {
            Conn::Sqlite(c) => sqlite::use_bulk_cache(c),
            Conn::Pg(_) => Ok(()),
        }
    }

    /// Runs many reads in one read transaction: one snapshot, instead of a lock taken and
    /// released around every statement (import's planning reads a row per account).
    pub fn read<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        self.conn.batch(match self.conn.engine() {
            Engine::Sqlite => "BEGIN",
            Engine::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        })?;
        let out = f();
        self.conn
            .batch(if out.is_ok() { "COMMIT" } else { "ROLLBACK" })?;
        out
    }

    /// Runs `f` in one transaction that holds the database's write lock (`BEGIN IMMEDIATE`): all
    /// of it is committed or none of it.
    pub fn write<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        self.write_with(true, f)?
            .ok_or_else(|| Error::internal("a write that waits found the lock taken"))
    }

    /// `write` for what a read path records on the side (an audit event of a refused credential):
    /// `None`, at once, where another process holds the write lock, so such a path never waits.
    pub fn write_unless_busy<T>(
        &mut self,
        f: impl FnOnce(&Tx<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        self.write_with(false, f)
    }

    fn write_with<T>(
        &mut self,
        wait: bool,
        f: impl FnOnce(&Tx<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        let version = match &self.conn {
            Conn::Sqlite(c) => sqlite::begin_write(c, wait),
            Conn::Pg(_) => postgres::begin_write_reading_version(&self.conn, wait),
        };
        let (version, purged_at) = match version {
            Ok(Some(begun)) => (Ok(begun.version), begun.purged_at),
            Ok(None) => return Ok(None),
            Err(e) => (Err(e), 0),
        };
        // A database moved (`db copy`) or upgraded since this process opened it takes no more
        // writes from it: they would be lost, or written in a schema it does not know.
        match version {
            Ok(SCHEMA_VERSION) => {}
            Ok(v) => {
                let refusal = match v > SCHEMA_VERSION {
                    true => newer_schema(&self.conn, v),
                    false => {
                        Error::storage("the database schema changed while useradm ran; try again")
                    }
                };
                let _ = self.conn.batch("ROLLBACK");
                return Err(refusal);
            }
            Err(e) => {
                let _ = self.conn.batch("ROLLBACK");
                return Err(e);
            }
        }
        let tx = Tx {
            sql: Sql { conn: &self.conn },
            locks: Some(&self.locks),
            audit_lines: self.audit_copy.as_ref().map(|_| &self.audit_lines),
            notices: self.notifier.as_ref().map(|n| (n, &self.notices_queued)),
        };
        // The daily purge of operational rows rides on the first write of the day, before the
        // command's own work: whatever the command then reads or copies (`db copy` copies the
        // whole store) already holds the purge and its audit event.
        let out = tx
            .purge_if_due(purged_at, crate::clock::now())
            .and_then(|()| f(&tx));
        match out {
            Ok(out) => {
                let committed = self.conn.batch("COMMIT");
                let lines = self.audit_lines.take();
                let queued_notices = self.notices_queued.take();
                committed?;
                COMMITTED.store(true, std::sync::atomic::Ordering::SeqCst);
                if let Some(socket) = &self.audit_copy {
                    let lines: Vec<(bool, String)> =
                        lines.iter().map(|l| (l.is_failure(), l.text())).collect();
                    crate::syslog::send(socket, &lines);
                }
                if queued_notices && let Some(notifier) = &self.notifier {
                    (notifier.after_commit)();
                }
                Ok(Some(out))
            }
            Err(e) => {
                let _ = self.conn.batch("ROLLBACK");
                self.audit_lines.take();
                self.notices_queued.set(false);
                Err(e)
            }
        }
    }

    /// The writes outside `write`: a single-statement refresh of when a session was last used (or
    /// an account last authenticated), or the end of an expired session. A read-only command
    /// must not fail because another process holds the write lock, so a database busy for more
    /// than a moment (or read-only) skips it instead of waiting.
    pub fn touch_session(&self, session_id: &str, now: i64, idle_until: i64) -> Result<()> {
        self.quiet_write(
            sessions::TOUCH,
            sessions::TOUCH_POSTGRES,
            params![session_id, now, idle_until],
        )
    }

    /// Records an API token's use as its owner's last authentication, under the same terms
    /// (where the write that records the token's use found the lock taken).
    pub fn touch_authenticated(&self, user_id: i64, now: i64) -> Result<()> {
        self.quiet_write(
            users::TOUCH_AUTHENTICATED,
            users::TOUCH_AUTHENTICATED_POSTGRES,
            params![user_id, now],
        )
    }

    /// Ends an expired session that a read-only command found, under the same terms.
    pub fn end_expired_session(&self, session_id: &str) -> Result<()> {
        self.quiet_write(sessions::END, sessions::END_POSTGRES, params![session_id])
    }

    fn quiet_write(&self, sqlite: &str, postgres: &str, values: &[Value<'_>]) -> Result<()> {
        match &self.conn {
            Conn::Sqlite(c) => sqlite::quiet_write(c, sqlite, values),
            Conn::Pg(_) => self.sql().exec(postgres, values).map(|_| ()),
        }
    }
}

/// What a new database starts with, in the transaction that creates it: the settings' defaults,
/// the built-in roles, the database id, and the first audit event of a migration.
fn seed(conn: &Conn, found: i64) -> Result<()> {
    let now = crate::clock::now();
    let tx = Tx {
        sql: Sql { conn },
        locks: None,
        audit_lines: None,
        notices: None,
    };
    tx.seed_settings(now)?;
    tx.seed_builtin_roles(now)?;
    if tx.meta("database_id")?.is_none() {
        let id = crate::crypto::hex(&crate::crypto::random_bytes::<16>()?);
        tx.set_meta("database_id", &id)?;
        tx.set_meta("created_at", &now.to_string())?;
    }
    if found < SCHEMA_VERSION {
        tx.append_audit(
            &AuditEvent::new("database.migrated")
                .with(serde_json::json!({ "from": found, "to": SCHEMA_VERSION })),
            now,
        )?;
    }
    Ok(())
}

impl Sql<'_> {
    /// Which engine this store runs on.
    pub fn engine(&self) -> Engine {
        self.conn.engine()
    }

    /// The statement for this engine, where the two differ.
    pub(crate) fn pick<'s>(&self, sqlite: &'s str, postgres: &'s str) -> &'s str {
        match self.engine() {
            Engine::Sqlite => sqlite,
            Engine::Postgres => postgres,
        }
    }

    /// Runs a statement; returns how many rows it changed. A unique key already taken is an
    /// internal error here: callers that expect one use [`Sql::exec_unique`].
    pub(crate) fn exec(&self, sql: &str, params: &[Value<'_>]) -> Result<usize> {
        match self.conn.exec(sql, params) {
            Ok(n) => Ok(n),
            Err(Failure::Duplicate) => Err(Error::internal("a unique key was taken")),
            Err(Failure::Other(e)) => Err(e),
        }
    }

    /// Runs a statement that may take a unique key that is taken. PostgreSQL ends the whole
    /// transaction at a failed statement, so there it runs under a savepoint, and the caller's
    /// transaction goes on after a taken key as it does on SQLite.
    fn may_collide<T>(
        &self,
        run: impl FnOnce() -> std::result::Result<T, Failure>,
    ) -> std::result::Result<T, Failure> {
        if self.engine() == Engine::Sqlite {
            return run();
        }
        self.conn.batch("SAVEPOINT unique_key")?;
        let out = run();
        match &out {
            Err(Failure::Duplicate) => self.conn.batch("ROLLBACK TO SAVEPOINT unique_key")?,
            _ => self.conn.batch("RELEASE SAVEPOINT unique_key")?,
        }
        out
    }

    /// Runs a statement; `None` when it would take a unique key that is taken.
    pub(crate) fn exec_unique(&self, sql: &str, params: &[Value<'_>]) -> Result<Option<usize>> {
        match self.may_collide(|| self.conn.exec(sql, params)) {
            Ok(n) => Ok(Some(n)),
            Err(Failure::Duplicate) => Ok(None),
            Err(Failure::Other(e)) => Err(e),
        }
    }

    /// Every row, one at a time, as it comes.
    pub(crate) fn each(
        &self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&Row<'_, '_>) -> Result<()>,
    ) -> Result<()> {
        match self.conn.each(sql, params, each) {
            Ok(()) => Ok(()),
            Err(Failure::Duplicate) => Err(Error::internal("a unique key was taken")),
            Err(Failure::Other(e)) => Err(e),
        }
    }

    /// The first row, if any.
    pub(crate) fn first<T>(
        &self,
        sql: &str,
        params: &[Value<'_>],
        f: impl Fn(&Row<'_, '_>) -> Result<T>,
    ) -> Result<Option<T>> {
        let mut found = None;
        self.each(sql, params, &mut |row| {
            if found.is_none() {
                found = Some(f(row)?);
            }
            Ok(())
        })?;
        Ok(found)
    }

    /// The first row of a statement that may take a unique key (`INSERT … RETURNING`): `None`
    /// when the key is taken.
    pub(crate) fn first_unique<T>(
        &self,
        sql: &str,
        params: &[Value<'_>],
        f: impl Fn(&Row<'_, '_>) -> Result<T>,
    ) -> Result<Option<T>> {
        let mut found = None;
        let ran = self.may_collide(|| {
            self.conn.each(sql, params, &mut |row| {
                if found.is_none() {
                    found = Some(f(row)?);
                }
                Ok(())
            })
        });
        match ran {
            Ok(()) => found
                .map(Some)
                .ok_or_else(|| Error::internal("the statement returned no row")),
            Err(Failure::Duplicate) => Ok(None),
            Err(Failure::Other(e)) => Err(e),
        }
    }

    /// The one row a statement returns (an aggregate).
    pub(crate) fn one<T>(
        &self,
        sql: &str,
        params: &[Value<'_>],
        f: impl Fn(&Row<'_, '_>) -> Result<T>,
    ) -> Result<T> {
        self.first(sql, params, f)?
            .ok_or_else(|| Error::internal("the statement returned no row"))
    }

    /// Every row, collected.
    pub(crate) fn all<T>(
        &self,
        sql: &str,
        params: &[Value<'_>],
        f: impl Fn(&Row<'_, '_>) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut rows = Vec::new();
        self.each(sql, params, &mut |row| {
            rows.push(f(row)?);
            Ok(())
        })?;
        Ok(rows)
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        self.first("SELECT value FROM meta WHERE key = ?1", params![key], |r| {
            r.text(0)
        })
    }

    /// The schema version the database carries (`PRAGMA user_version` in a file, `meta` on a
    /// server); `None` where it carries none.
    pub fn schema_version(&self) -> Result<Option<i64>> {
        match self.conn {
            Conn::Sqlite(c) => sqlite::version(c).map(Some),
            Conn::Pg(_) => postgres::version(self.conn),
        }
    }

    /// What SQLite's `PRAGMA integrity_check` finds wrong in the file (empty: nothing); `None` on
    /// a server, whose own checks are its administrator's.
    pub fn integrity_problems(&self) -> Result<Option<Vec<String>>> {
        match self.conn {
            Conn::Sqlite(c) => sqlite::integrity_problems(c).map(Some),
            Conn::Pg(_) => Ok(None),
        }
    }

    pub fn settings_rows(&self) -> Result<HashMap<String, String>> {
        Ok(self
            .all("SELECT key, value FROM settings", &[], |r| {
                Ok((r.text(0)?, r.text(1)?))
            })?
            .into_iter()
            .collect())
    }
}

impl Sql<'_> {
    /// `found` (a credential joined with its account) as it is, unless nothing was found while
    /// `own_row` (the credential's row alone, by its hash) finds one: then the account is
    /// missing, which its foreign key forbids. The store is damaged (a broken page reads as a
    /// missing row), not the credential ended.
    fn unless_account_missing<T>(
        &self,
        found: Option<T>,
        own_row: &str,
        token_sha256: &str,
        what: &str,
    ) -> Result<Option<T>> {
        if found.is_none()
            && self
                .first(own_row, params![token_sha256], |_| Ok(()))?
                .is_some()
        {
            return Err(Error::storage(format!(
                "the database is damaged: the account of {what} is missing from it; restore a backup"
            )));
        }
        Ok(found)
    }
}

impl Tx<'_> {
    /// Whether the process that took the lease `id` still holds it: asked inside the write
    /// transaction, so that no check can start or end between the answer and its use.
    pub fn lease_alive(&self, id: &str) -> Result<bool> {
        match (self.engine(), self.locks) {
            (Engine::Sqlite, Some(locks)) => Ok(locks.lease_alive(id)),
            (Engine::Sqlite, None) => Ok(false),
            (Engine::Postgres, _) => match i64::from_str_radix(id, 16) {
                Ok(key) => postgres::lease_alive(self.sql.conn, key),
                Err(_) => Ok(false),
            },
        }
    }

    pub(super) fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.exec(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }
}

/// The refusal of a schema newer than this binary's: a database that `db copy` moved elsewhere
/// carries a version above any release (so older binaries refuse it too) and names where it
/// went.
fn newer_schema(conn: &Conn, v: i64) -> Error {
    if v >= MOVED_VERSION {
        let to = Sql { conn }.meta("moved_to").ok().flatten();
        return Error::storage(format!(
            "this database was moved to {} by `useradm db copy`: use --db (or USERADM_DB) with that, not this copy",
            to.as_deref().unwrap_or("another database")
        ));
    }
    Error::storage(format!(
        "the database schema v{v} is newer than this useradm supports (v{SCHEMA_VERSION}): upgrade useradm"
    ))
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
        let db = Database::file(&dir.path().join("t.db"));
        let (store, _) = Store::init(&db, Sharing::PRIVATE).unwrap();
        let statements = [
            users::BY_EMAIL,
            users::BY_PENDING_EMAIL,
            users::BY_ID,
            users::SAMPLE_HASH,
            users::EMAILS_STARTING,
            sessions::BY_TOKEN_HASH,
            sessions::WITH_USER_BY_TOKEN_HASH,
            sessions::DELETE_OF_USER,
            sessions::TOUCH,
            tokens::WITH_USER_BY_HASH,
            tokens::TOUCH,
            roles::HOLDINGS_OF_USER,
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
            let Conn::Sqlite(conn) = &store.conn else {
                panic!("a SQLite store");
            };
            let mut st = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
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
