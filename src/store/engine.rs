//! The two engines beneath the store: SQLite, a file on this host, and PostgreSQL, a server that
//! many hosts share. A statement is written once, with `?N` parameters, and runs on either:
//! PostgreSQL gets it with `$N` and each parameter's type spelled out (one round trip, and no
//! guessing what `?1 IS NULL` is). Values and rows cross in the few types the schema uses: whole
//! numbers, text, and truth values (0/1 in SQLite). Only the statements whose SQL differs have a
//! version per engine ([`Sql::pick`]).

use std::cell::RefCell;
use std::collections::HashMap;

use postgres::types::{ToSql as PgToSql, Type};
use rusqlite::ToSql as LiteToSql;

use crate::error::{Error, Result};

/// An open connection to one of the engines.
pub(crate) enum Conn {
    Sqlite(rusqlite::Connection),
    /// A client takes `&mut self` to run anything; the store hands out shared `Sql`s, so it sits
    /// in a `RefCell` that each statement borrows for its run only.
    Pg(Box<RefCell<PgClient>>),
}

pub(crate) struct PgClient {
    pub client: postgres::Client,
    /// Statements with their `?N` turned into `$N`, made once per text.
    rewritten: HashMap<String, String>,
}

impl PgClient {
    pub fn new(client: postgres::Client) -> PgClient {
        PgClient {
            client,
            rewritten: HashMap::new(),
        }
    }

    fn text(&mut self, sql: &str) -> String {
        self.rewritten
            .entry(sql.to_string())
            .or_insert_with(|| dollar_parameters(sql))
            .clone()
    }
}

/// `?1` → `$1`: the parameter syntax PostgreSQL reads.
pub fn dollar_parameters(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

/// Which engine a statement runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A value bound to a parameter.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Value<'a> {
    Int(Option<i64>),
    Text(Option<&'a str>),
}

impl From<i64> for Value<'_> {
    fn from(v: i64) -> Self {
        Value::Int(Some(v))
    }
}

impl From<Option<i64>> for Value<'_> {
    fn from(v: Option<i64>) -> Self {
        Value::Int(v)
    }
}

impl From<bool> for Value<'_> {
    fn from(v: bool) -> Self {
        Value::Int(Some(i64::from(v)))
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(v: &'a str) -> Self {
        Value::Text(Some(v))
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(v: &'a String) -> Self {
        Value::Text(Some(v))
    }
}

impl<'a> From<Option<&'a str>> for Value<'a> {
    fn from(v: Option<&'a str>) -> Self {
        Value::Text(v)
    }
}

impl<'a> From<&'a Option<String>> for Value<'a> {
    fn from(v: &'a Option<String>) -> Self {
        Value::Text(v.as_deref())
    }
}

/// Parameters from a list of values of mixed types: `params![a, b, c]`.
macro_rules! params {
    ($($v:expr),* $(,)?) => {
        &[$($crate::store::engine::Value::from($v)),*][..]
    };
}
pub(crate) use params;

impl LiteToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        match self {
            Value::Int(v) => LiteToSql::to_sql(v),
            Value::Text(v) => LiteToSql::to_sql(v),
        }
    }
}

fn pg_params<'v>(values: &'v [Value<'_>]) -> Vec<(&'v (dyn PgToSql + Sync), Type)> {
    values
        .iter()
        .map(|v| match v {
            Value::Int(i) => (i as &(dyn PgToSql + Sync), Type::INT8),
            Value::Text(t) => (t as &(dyn PgToSql + Sync), Type::TEXT),
        })
        .collect()
}

/// A value read back and kept: what a bulk copy carries from one engine to the other.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Owned {
    Int(Option<i64>),
    Text(Option<String>),
}

impl<'a> From<&'a Owned> for Value<'a> {
    fn from(v: &'a Owned) -> Self {
        match v {
            Owned::Int(i) => Value::Int(*i),
            Owned::Text(t) => Value::Text(t.as_deref()),
        }
    }
}

/// A column, as a bulk write names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Column {
    pub name: String,
    /// A whole number (BIGINT); otherwise text.
    pub int: bool,
}

impl Column {
    pub fn new(name: &str, int: bool) -> Column {
        Column {
            name: name.to_string(),
            int,
        }
    }
}

/// A row read back.
pub(crate) enum Row<'r, 's> {
    Sqlite(&'r rusqlite::Row<'s>),
    Pg(&'r postgres::Row),
}

impl Row<'_, '_> {
    pub fn int(&self, i: usize) -> Result<i64> {
        match self {
            Row::Sqlite(r) => Ok(r.get(i)?),
            Row::Pg(r) => Ok(r.try_get(i).map_err(pg_error)?),
        }
    }

    pub fn opt_int(&self, i: usize) -> Result<Option<i64>> {
        match self {
            Row::Sqlite(r) => Ok(r.get(i)?),
            Row::Pg(r) => Ok(r.try_get(i).map_err(pg_error)?),
        }
    }

    pub fn text(&self, i: usize) -> Result<String> {
        match self {
            Row::Sqlite(r) => Ok(r.get(i)?),
            Row::Pg(r) => Ok(r.try_get(i).map_err(pg_error)?),
        }
    }

    pub fn opt_text(&self, i: usize) -> Result<Option<String>> {
        match self {
            Row::Sqlite(r) => Ok(r.get(i)?),
            Row::Pg(r) => Ok(r.try_get(i).map_err(pg_error)?),
        }
    }

    /// The value of a column of this kind, kept.
    pub fn owned(&self, i: usize, int: bool) -> Result<Owned> {
        Ok(match int {
            true => Owned::Int(self.opt_int(i)?),
            false => Owned::Text(self.opt_text(i)?),
        })
    }

    /// A truth value: 0/1 in SQLite and in the BIGINT columns of PostgreSQL, a boolean where
    /// PostgreSQL computes one (`EXISTS`).
    pub fn flag(&self, i: usize) -> Result<bool> {
        match self {
            Row::Sqlite(r) => Ok(r.get::<_, i64>(i)? != 0),
            Row::Pg(r) if r.columns().get(i).is_some_and(|c| *c.type_() == Type::BOOL) => {
                Ok(r.try_get(i).map_err(pg_error)?)
            }
            Row::Pg(r) => Ok(r.try_get::<_, i64>(i).map_err(pg_error)? != 0),
        }
    }
}

/// How a statement failed, where the caller needs to tell: a unique key already taken.
pub(crate) enum Failure {
    Duplicate,
    Other(Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Other(e)
    }
}

impl Conn {
    pub fn engine(&self) -> Engine {
        match self {
            Conn::Sqlite(_) => Engine::Sqlite,
            Conn::Pg(_) => Engine::Postgres,
        }
    }

    /// Runs SQL with no parameters and no rows (transaction control, DDL).
    pub fn batch(&self, sql: &str) -> Result<()> {
        match self {
            Conn::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Conn::Pg(c) => c.borrow_mut().client.batch_execute(sql).map_err(pg_error),
        }
    }

    /// Runs a statement; returns how many rows it changed. A unique key taken is a
    /// [`Failure::Duplicate`].
    pub fn exec(&self, sql: &str, params: &[Value<'_>]) -> std::result::Result<usize, Failure> {
        match self {
            Conn::Sqlite(c) => {
                let mut st = c.prepare_cached(sql).map_err(Error::from)?;
                st.execute(rusqlite::params_from_iter(params)).map_err(
                    |e| match is_sqlite_duplicate(&e) {
                        true => Failure::Duplicate,
                        false => Failure::Other(e.into()),
                    },
                )
            }
            Conn::Pg(c) => {
                let mut pg = c.borrow_mut();
                let text = pg.text(sql);
                pg.client
                    .execute_typed(&text, &pg_params(params))
                    .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
                    .map_err(|e| match is_pg_duplicate(&e) {
                        true => Failure::Duplicate,
                        false => Failure::Other(pg_error(e)),
                    })
            }
        }
    }

    /// Runs a query and hands each row to `each`, one at a time, as they come.
    pub fn each(
        &self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&Row<'_, '_>) -> Result<()>,
    ) -> std::result::Result<(), Failure> {
        match self {
            Conn::Sqlite(c) => {
                let mut st = c.prepare_cached(sql).map_err(Error::from)?;
                let mut rows = st.query(rusqlite::params_from_iter(params)).map_err(|e| {
                    match is_sqlite_duplicate(&e) {
                        true => Failure::Duplicate,
                        false => Failure::Other(e.into()),
                    }
                })?;
                loop {
                    match rows.next() {
                        Ok(Some(row)) => each(&Row::Sqlite(row))?,
                        Ok(None) => return Ok(()),
                        Err(e) if is_sqlite_duplicate(&e) => return Err(Failure::Duplicate),
                        Err(e) => return Err(Failure::Other(e.into())),
                    }
                }
            }
            Conn::Pg(c) => {
                use postgres::fallible_iterator::FallibleIterator;
                let mut pg = c.borrow_mut();
                let text = pg.text(sql);
                let mut rows = pg
                    .client
                    .query_typed_raw(&text, pg_params(params))
                    .map_err(|e| match is_pg_duplicate(&e) {
                        true => Failure::Duplicate,
                        false => Failure::Other(pg_error(e)),
                    })?;
                let failed = |e: postgres::Error| match is_pg_duplicate(&e) {
                    true => Failure::Duplicate,
                    false => Failure::Other(pg_error(e)),
                };
                while let Some(row) = rows.next().map_err(failed)? {
                    each(&Row::Pg(&row))?;
                }
                Ok(())
            }
        }
    }
}

impl Conn {
    /// The first column of the first row of a statement without parameters, as text; on
    /// PostgreSQL, `Err(None)` when a table it reads does not exist (a database without the
    /// schema), any other failure as `Err(Some(..))`.
    pub fn read_one_text(&self, sql: &str) -> std::result::Result<Option<String>, Option<Error>> {
        match self {
            Conn::Sqlite(c) => c
                .query_row(sql, [], |r| r.get::<_, Option<String>>(0))
                .map_err(|e| Some(e.into())),
            Conn::Pg(c) => {
                let rows = c.borrow_mut().client.query_typed(sql, &[]);
                match rows {
                    Ok(rows) => Ok(rows.first().and_then(|r| r.get::<_, Option<String>>(0))),
                    Err(e) if e.code() == Some(&postgres::error::SqlState::UNDEFINED_TABLE) => {
                        Err(None)
                    }
                    Err(e) => Err(Some(pg_error(e))),
                }
            }
        }
    }

    /// Writes many rows into one table in the open transaction: binary `COPY` on PostgreSQL
    /// (one stream instead of a round trip per row), one prepared insert per row on SQLite
    /// (in-process, where a statement costs microseconds). `values` holds the rows one after
    /// the other, `columns.len()` values each. A taken key fails the whole write.
    pub fn insert_rows(
        &self,
        table: &str,
        columns: &[Column],
        values: &[Value<'_>],
    ) -> std::result::Result<(), Failure> {
        let width = columns.len();
        if values.is_empty() || width == 0 {
            return Ok(());
        }
        if !values.len().is_multiple_of(width) {
            return Err(Failure::Other(Error::internal(format!(
                "{} values for rows of {width} columns of {table}",
                values.len()
            ))));
        }
        let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
        let names = names.join(", ");
        match self {
            Conn::Sqlite(c) => {
                let marks: Vec<String> = (1..=width).map(|i| format!("?{i}")).collect();
                let sql = format!(
                    "INSERT INTO {table} ({names}) VALUES ({})",
                    marks.join(", ")
                );
                let mut st = c.prepare_cached(&sql).map_err(Error::from)?;
                for row in values.chunks(width) {
                    st.execute(rusqlite::params_from_iter(row)).map_err(|e| {
                        match is_sqlite_duplicate(&e) {
                            true => Failure::Duplicate,
                            false => Failure::Other(e.into()),
                        }
                    })?;
                }
                Ok(())
            }
            Conn::Pg(c) => {
                let mut pg = c.borrow_mut();
                let sink = pg
                    .client
                    .copy_in(&format!("COPY {table} ({names}) FROM STDIN BINARY"))
                    .map_err(pg_error)?;
                let types: Vec<Type> = columns
                    .iter()
                    .map(|c| if c.int { Type::INT8 } else { Type::TEXT })
                    .collect();
                let mut writer = postgres::binary_copy::BinaryCopyInWriter::new(sink, &types);
                let failed = |e: postgres::Error| match is_pg_duplicate(&e) {
                    true => Failure::Duplicate,
                    false => Failure::Other(pg_error(e)),
                };
                let mut cells: Vec<&(dyn PgToSql + Sync)> = Vec::with_capacity(width);
                for row in values.chunks(width) {
                    cells.clear();
                    cells.extend(row.iter().map(|v| match v {
                        Value::Int(i) => i as &(dyn PgToSql + Sync),
                        Value::Text(t) => t as &(dyn PgToSql + Sync),
                    }));
                    writer.write(&cells).map_err(failed)?;
                }
                writer.finish().map_err(failed)?;
                Ok(())
            }
        }
    }
}

fn is_sqlite_duplicate(err: &rusqlite::Error) -> bool {
    matches!(err, rusqlite::Error::SqliteFailure(e, _)
        if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
            || e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
}

fn is_pg_duplicate(err: &postgres::Error) -> bool {
    err.code() == Some(&postgres::error::SqlState::UNIQUE_VIOLATION)
}

/// Maps PostgreSQL's failures to exit 10 with a message a user can act on.
pub(crate) fn pg_error(err: postgres::Error) -> Error {
    use postgres::error::SqlState;
    if err.is_closed() {
        return Error::storage("the connection to the database server was lost; try again");
    }
    let Some(code) = err.code() else {
        return Error::storage(format!("the database server: {err}"));
    };
    let message = err
        .as_db_error()
        .map(|e| e.message().to_string())
        .unwrap_or_else(|| err.to_string());
    if *code == SqlState::LOCK_NOT_AVAILABLE || *code == SqlState::T_R_SERIALIZATION_FAILURE {
        Error::storage(
            "the database stayed busy past the timeout (another process is writing); try again",
        )
    } else if *code == SqlState::INSUFFICIENT_PRIVILEGE {
        Error::storage(format!(
            "the database role lacks a privilege ({message}); nothing was changed"
        ))
    } else if *code == SqlState::DISK_FULL {
        Error::storage("the database server's disk is full; nothing was changed")
    } else if *code == SqlState::READ_ONLY_SQL_TRANSACTION {
        Error::storage("the database is read-only for this role; nothing was changed")
    } else if code.code().starts_with("08") || code.code().starts_with("57") {
        Error::storage(format!("the database server is unavailable: {message}"))
    } else {
        Error::internal(format!("database error: {message}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_become_dollars() {
        assert_eq!(
            dollar_parameters("SELECT a FROM t WHERE (?1 IS NULL OR b = ?1) AND c > ?12"),
            "SELECT a FROM t WHERE ($1 IS NULL OR b = $1) AND c > $12"
        );
        assert_eq!(dollar_parameters("SELECT '?' FROM t"), "SELECT '?' FROM t");
    }
}
