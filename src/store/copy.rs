//! The store's side of `db copy`: a new, empty database of either engine with its schema made
//! (and no seeded rows), every table carried over with its ids in that database's one
//! transaction, and the source stamped as moved.

use std::path::PathBuf;

use super::engine::{Column, Conn, Engine, Owned, params};
use super::{Database, Location, MOVED_VERSION, SCHEMA_VERSION, Sql, Tx, postgres, sqlite};
use crate::error::{Error, Result};
use crate::files::Sharing;

/// Every table, parents before the tables whose keys point at them. A table of the schema that
/// is not here stops a copy before it writes anything.
pub const TABLES: &[&str] = &[
    "meta",
    "settings",
    "users",
    "roles",
    "role_permissions",
    "user_roles",
    "sessions",
    "login_failures",
    "one_time_codes",
    "audit_events",
    "api_tokens",
    "totp",
    "recovery_codes",
    "mail_queue",
    "login_sources",
    "managed_users",
    "managed_roles",
    "identity_providers",
    "identities",
    "managed_providers",
];

/// `meta` rows that describe one database, not the store it holds: not copied.
const LOCAL_META: &[&str] = &["schema_version", "moved_to"];

/// Rows written per bulk write: bounded memory, whatever the table's size.
const BATCH: usize = 5_000;

/// A new database being filled: its schema is made and its transaction open until `commit`.
/// Dropped uncommitted, it is rolled back, and a file it created is removed.
pub struct Target {
    conn: Option<Conn>,
    created_file: Option<PathBuf>,
}

impl Target {
    /// An empty database at `db` (a new file, or a server database without tables).
    pub fn create(db: &Database, sharing: Sharing) -> Result<Target> {
        match &db.location {
            Location::File(path) => {
                let conn = sqlite::create_empty(path, sharing);
                let created_file = Some(path.clone());
                match conn {
                    Ok(conn) => Ok(Target {
                        conn: Some(conn),
                        created_file,
                    }),
                    Err(e) => {
                        // A file made before the failure (not one that was there: that is
                        // refused before anything is made).
                        if !matches!(e, Error::Usage(_)) {
                            remove_sqlite_files(path);
                        }
                        Err(e)
                    }
                }
            }
            Location::Server(url) => Ok(Target {
                conn: Some(postgres::create_empty(&db.connect(url)?)?),
                created_file: None,
            }),
        }
    }

    fn conn(&self) -> Result<&Conn> {
        self.conn
            .as_ref()
            .ok_or_else(|| Error::internal("the copy's target is closed"))
    }

    pub fn sql(&self) -> Result<Sql<'_>> {
        Ok(Sql { conn: self.conn()? })
    }

    pub fn tx(&self) -> Result<Tx<'_>> {
        Ok(Tx {
            sql: self.sql()?,
            locks: None,
            audit_lines: None,
            notices: None,
        })
    }

    /// Copies one table from the source (read in its transaction); returns the rows copied.
    pub fn copy_table(
        &self,
        source: &Sql<'_>,
        table: &str,
        progress: &mut dyn FnMut(u64),
    ) -> Result<u64> {
        copy_rows(source, &self.sql()?, table, progress)
    }

    /// On PostgreSQL, each identity sequence starts after the highest id copied.
    pub fn reset_sequences(&self) -> Result<()> {
        reset_sequences(&self.sql()?)
    }

    pub fn commit(mut self) -> Result<()> {
        let conn = self.conn()?;
        conn.batch("COMMIT")?;
        self.conn = None;
        self.created_file = None;
        Ok(())
    }

    /// Commits a file that stands alone (a backup): in rollback-journal mode, so that reading
    /// it later, perhaps where nothing may be written, needs no `-wal` or `-shm` beside it.
    pub fn commit_standalone(mut self) -> Result<()> {
        let conn = self.conn()?;
        conn.batch("COMMIT")?;
        conn.batch("PRAGMA journal_mode = DELETE")?;
        self.conn = None;
        self.created_file = None;
        Ok(())
    }
}

/// Copies one table's rows from `source` into `target` (each in its own transaction), but
/// the `meta` rows that describe one database; returns the rows copied.
pub fn copy_rows(
    source: &Sql<'_>,
    target: &Sql<'_>,
    table: &str,
    progress: &mut dyn FnMut(u64),
) -> Result<u64> {
    let columns = columns(source, table)?;
    if columns != columns_sorted_like(target, table, &columns)? {
        return Err(Error::internal(format!(
            "the table {table} has other columns in the target"
        )));
    }
    let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    let select = format!("SELECT {} FROM {table}", names.join(", "));
    let skip_local = table == "meta";
    let target = target.conn;
    let mut batch: Vec<Vec<Owned>> = Vec::with_capacity(BATCH);
    let mut copied = 0;
    source.each(&select, &[], &mut |row| {
        let values = (0..columns.len())
            .map(|i| row.owned(i, columns[i].int))
            .collect::<Result<Vec<_>>>()?;
        if skip_local
            && matches!(&values[0], Owned::Text(Some(key)) if LOCAL_META.contains(&key.as_str()))
        {
            return Ok(());
        }
        batch.push(values);
        if batch.len() == BATCH {
            target
                .insert_rows(table, &columns, &values_of(&batch))
                .map_err(unexpected)?;
            copied += batch.len() as u64;
            progress(batch.len() as u64);
            batch.clear();
        }
        Ok(())
    })?;
    target
        .insert_rows(table, &columns, &values_of(&batch))
        .map_err(unexpected)?;
    copied += batch.len() as u64;
    progress(batch.len() as u64);
    Ok(copied)
}

/// On PostgreSQL, each identity sequence starts after the highest id copied; SQLite takes the
/// next rowid from the rows themselves.
pub fn reset_sequences(sql: &Sql<'_>) -> Result<()> {
    if sql.engine() == Engine::Sqlite {
        return Ok(());
    }
    for table in TABLES {
        if !columns(sql, table)?.iter().any(|c| c.name == "id" && c.int) {
            continue;
        }
        let sequence = sql.one(
            "SELECT pg_get_serial_sequence(?1, 'id')",
            params![*table],
            |r| r.opt_text(0),
        )?;
        if let Some(sequence) = sequence {
            sql.one(
                    &format!(
                        "SELECT setval(CAST(?1 AS regclass), coalesce(max(id), 0) + 1, false) FROM {table}"
                    ),
                    params![sequence.as_str()],
                    |r| r.int(0),
                )?;
        }
    }
    Ok(())
}

impl Drop for Target {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            let _ = conn.batch("ROLLBACK");
            drop(conn);
            if let Some(path) = &self.created_file {
                remove_sqlite_files(path);
            }
        }
    }
}

fn values_of(rows: &[Vec<Owned>]) -> Vec<super::engine::Value<'_>> {
    rows.iter().flatten().map(Into::into).collect()
}

/// A key taken twice in an empty target: the source broke its own keys.
fn unexpected(failure: super::engine::Failure) -> Error {
    match failure {
        super::engine::Failure::Duplicate => Error::internal("the source holds a key twice"),
        super::engine::Failure::Other(e) => e,
    }
}

fn remove_sqlite_files(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// The tables of the schema that [`TABLES`] does not name (none, while the two agree).
pub fn unknown_tables(sql: &Sql<'_>) -> Result<Vec<String>> {
    let all = sql.all(
        sql.pick(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            "SELECT table_name::text FROM information_schema.tables
              WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
        ),
        &[],
        |r| r.text(0),
    )?;
    Ok(all
        .into_iter()
        .filter(|t| !TABLES.contains(&t.as_str()))
        .collect())
}

/// A table's columns in the order the engine keeps them.
fn columns(sql: &Sql<'_>, table: &str) -> Result<Vec<Column>> {
    let found = sql.all(
        sql.pick(
            "SELECT name, upper(type) = 'INTEGER' FROM pragma_table_info(?1) ORDER BY cid",
            "SELECT column_name::text, data_type = 'bigint' FROM information_schema.columns
              WHERE table_schema = current_schema() AND table_name = ?1 ORDER BY ordinal_position",
        ),
        params![table],
        |r| {
            Ok(Column {
                name: r.text(0)?,
                int: r.flag(1)?,
            })
        },
    )?;
    if found.is_empty() {
        return Err(Error::internal(format!("the table {table} is missing")));
    }
    Ok(found)
}

/// The target's columns of `table`, in the order of `like` (columns it lacks last).
fn columns_sorted_like(sql: &Sql<'_>, table: &str, like: &[Column]) -> Result<Vec<Column>> {
    let mut found = columns(sql, table)?;
    found.sort_by_key(|c| {
        like.iter()
            .position(|l| l.name == c.name)
            .unwrap_or(usize::MAX)
    });
    Ok(found)
}

impl Sql<'_> {
    /// How many rows a table of [`TABLES`] holds.
    pub fn count_rows(&self, table: &str) -> Result<u64> {
        if !TABLES.contains(&table) {
            return Err(Error::internal(format!("no table {table} to count")));
        }
        let n = self.one(&format!("SELECT count(*) FROM {table}"), &[], |r| r.int(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}

impl Sql<'_> {
    /// A SHA-256 over every row of every table but the audit log (which its own chain covers),
    /// in a fixed order, each value with its type: what a backup's last event records, so that
    /// a backup changed since cannot pass its restore's check.
    pub fn contents_digest(&self) -> Result<String> {
        use sha2::Digest;
        let mut hash = sha2::Sha256::new();
        for table in TABLES.iter().filter(|t| **t != "audit_events") {
            let columns = columns(self, table)?;
            let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
            let order: Vec<String> = (1..=columns.len()).map(|i| i.to_string()).collect();
            let select = format!(
                "SELECT {} FROM {table} ORDER BY {}",
                names.join(", "),
                order.join(", ")
            );
            hash.update(format!("table {table} {}\n", names.join(",")).as_bytes());
            self.each(&select, &[], &mut |row| {
                for (i, c) in columns.iter().enumerate() {
                    let cell = match row.owned(i, c.int)? {
                        Owned::Int(Some(v)) => format!("i{v};"),
                        Owned::Text(Some(t)) => format!("t{}:{t};", t.len()),
                        Owned::Int(None) | Owned::Text(None) => "n;".to_string(),
                    };
                    hash.update(cell.as_bytes());
                }
                hash.update(b"\n");
                Ok(())
            })?;
        }
        Ok(crate::crypto::hex(&hash.finalize()))
    }
}

impl Tx<'_> {
    /// Empties every table (children first) but the `meta` rows that describe this database,
    /// for a restore that fills them again in the same transaction.
    pub fn clear_for_restore(&self) -> Result<()> {
        for table in TABLES.iter().rev() {
            if *table == "meta" {
                let keep: Vec<String> = LOCAL_META.iter().map(|k| format!("'{k}'")).collect();
                self.exec(
                    &format!("DELETE FROM meta WHERE key NOT IN ({})", keep.join(", ")),
                    &[],
                )?;
            } else {
                self.exec(&format!("DELETE FROM {table}"), &[])?;
            }
        }
        Ok(())
    }

    /// Stamps this database as moved to `to`: a version above any release's (so that every
    /// binary refuses it) and where it went, for the message that refusal prints.
    pub fn mark_moved(&self, to: &str) -> Result<()> {
        self.exec(
            "INSERT INTO meta (key, value) VALUES ('moved_to', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![to],
        )?;
        let moved = MOVED_VERSION + SCHEMA_VERSION;
        match self.sql.conn {
            Conn::Sqlite(_) => sqlite::set_version(self.sql.conn, moved),
            Conn::Pg(_) => postgres::set_version(self.sql.conn, moved),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// `db copy` names every table of the schema, and only those: a new table fails here until
    /// the copy carries it.
    #[test]
    fn the_copy_knows_every_table() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::file(&dir.path().join("t.db"));
        let (store, _) = Store::init(&db, Sharing::PRIVATE).unwrap();
        assert_eq!(unknown_tables(&store.sql()).unwrap(), Vec::<String>::new());
        for table in TABLES {
            store.sql().count_rows(table).unwrap();
        }
    }
}
