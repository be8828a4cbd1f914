//! The `users` table.

use rusqlite::{OptionalExtension, Row, params};

use super::{Sql, Tx, is_unique_violation};
use crate::error::{Error, Result};

#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub email_canonical: String,
    pub first_name: String,
    pub last_name: String,
    /// A JSON object.
    pub attributes: String,
    /// PHC string; `None` is an unusable password (an invited account).
    pub password_hash: Option<String>,
    pub email_verified_at: Option<i64>,
    /// `active` or `disabled`; `locked` is derived from `login_failures`.
    pub status: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub last_login_at: Option<i64>,
}

impl User {
    pub fn is_disabled(&self) -> bool {
        self.status == "disabled"
    }
}

#[derive(Debug)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub email_canonical: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub attributes: &'a str,
    pub password_hash: Option<&'a str>,
    pub verified: bool,
}

const COLUMNS: &str = "id, email, email_canonical, first_name, last_name, attributes, password_hash, \
                       email_verified_at, status, created_at, updated_at, last_login_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: r.get(0)?,
        email: r.get(1)?,
        email_canonical: r.get(2)?,
        first_name: r.get(3)?,
        last_name: r.get(4)?,
        attributes: r.get(5)?,
        password_hash: r.get(6)?,
        email_verified_at: r.get(7)?,
        status: r.get(8)?,
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
        last_login_at: r.get(11)?,
    })
}

impl Sql<'_> {
    pub fn user_by_email(&self, canonical: &str) -> Result<Option<User>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM users WHERE email_canonical = ?1"
            ))?
            .query_row([canonical], from_row)
            .optional()?)
    }

    pub fn user_by_id(&self, id: i64) -> Result<Option<User>> {
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM users WHERE id = ?1"))?
            .query_row([id], from_row)
            .optional()?)
    }
}

impl Tx<'_> {
    /// Inserts a user; an existing canonical email is a conflict (exit 6).
    pub fn insert_user(&self, u: &NewUser<'_>, now: i64) -> Result<i64> {
        let verified_at = u.verified.then_some(now);
        let inserted = self
            .conn
            .prepare_cached(
                "INSERT INTO users (email, email_canonical, first_name, last_name, attributes, password_hash,
                                    email_verified_at, status, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'active', ?8, ?8)",
            )?
            .execute(params![
                u.email,
                u.email_canonical,
                u.first_name,
                u.last_name,
                u.attributes,
                u.password_hash,
                verified_at,
                now
            ]);
        match inserted {
            Ok(_) => Ok(self.conn.last_insert_rowid()),
            Err(e) if is_unique_violation(&e) => Err(Error::Conflict(format!(
                "an account with email {} already exists",
                u.email
            ))),
            Err(e) => Err(e.into()),
        }
    }

    pub fn set_email_verified(&self, user_id: i64, now: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE users SET email_verified_at = ?2, updated_at = ?2 WHERE id = ?1 AND email_verified_at IS NULL",
            )?
            .execute(params![user_id, now])?;
        Ok(())
    }

    pub fn set_password_hash(&self, user_id: i64, phc: &str, now: i64) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE users SET password_hash = ?2, updated_at = ?3 WHERE id = ?1")?
            .execute(params![user_id, phc, now])?;
        Ok(())
    }

    pub fn set_last_login(&self, user_id: i64, now: i64) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE users SET last_login_at = ?2 WHERE id = ?1")?
            .execute(params![user_id, now])?;
        Ok(())
    }
}
