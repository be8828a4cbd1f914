//! The `sessions` table. Only the SHA-256 of a token is stored.

use rusqlite::{OptionalExtension, params};

use super::{Sql, Tx};
use crate::error::Result;

pub(super) const BY_TOKEN_HASH: &str = "SELECT id, user_id, created_at, last_seen_at, expires_at, authenticated_at FROM sessions WHERE token_sha256 = ?1";
pub(super) const DELETE_OF_USER: &str = "DELETE FROM sessions WHERE user_id = ?1 AND id IS NOT ?2";
pub(super) const TOUCH: &str =
    "UPDATE sessions SET last_seen_at = ?2 WHERE id = ?1 AND last_seen_at < ?2";

#[derive(Debug, Clone)]
pub struct SessionRow {
    pub id: String,
    pub user_id: i64,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    /// When the password (and second factor) was last proven in this session.
    pub authenticated_at: i64,
}

impl SessionRow {
    /// When the session ends at the latest: its stored end, or sooner when `session.ttl` was
    /// shortened after the login.
    pub fn ends_at(&self, ttl: i64) -> i64 {
        self.expires_at.min(self.created_at.saturating_add(ttl))
    }

    /// When it ends unless it is used again.
    pub fn idle_until(&self, idle: i64) -> i64 {
        self.last_seen_at.saturating_add(idle)
    }
}

/// A session with its owner, for `sessions list`.
#[derive(Debug, Clone)]
pub struct SessionListing {
    pub session: SessionRow,
    pub email: String,
}

/// Columns `id, user_id, created_at, last_seen_at, expires_at, authenticated_at` first, in that
/// order.
fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SessionRow> {
    Ok(SessionRow {
        id: r.get(0)?,
        user_id: r.get(1)?,
        created_at: r.get(2)?,
        last_seen_at: r.get(3)?,
        expires_at: r.get(4)?,
        authenticated_at: r.get(5)?,
    })
}

impl Sql<'_> {
    /// Sessions of one user, or of everyone, oldest first.
    pub fn sessions(&self, user_id: Option<i64>) -> Result<Vec<SessionListing>> {
        let mut st = self.conn.prepare_cached(
            "SELECT s.id, s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.authenticated_at, u.email
               FROM sessions s JOIN users u ON u.id = s.user_id
              WHERE ?1 IS NULL OR s.user_id = ?1 ORDER BY s.created_at, s.id",
        )?;
        let rows = st.query_map([user_id], |r| {
            Ok(SessionListing {
                session: from_row(r)?,
                email: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn session_by_id(&self, id: &str) -> Result<Option<SessionRow>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, user_id, created_at, last_seen_at, expires_at, authenticated_at FROM sessions WHERE id = ?1",
            )?
            .query_row([id], from_row)
            .optional()?)
    }

    pub fn session_by_token_hash(&self, token_sha256: &str) -> Result<Option<SessionRow>> {
        Ok(self
            .conn
            .prepare_cached(BY_TOKEN_HASH)?
            .query_row([token_sha256], from_row)
            .optional()?)
    }
}

impl Tx<'_> {
    pub fn insert_session(&self, s: &SessionRow, token_sha256: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO sessions (id, token_sha256, user_id, created_at, last_seen_at, expires_at, authenticated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![s.id, token_sha256, s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.authenticated_at])?;
        Ok(())
    }

    /// Records a fresh proof of the password in this session.
    pub fn set_session_authenticated(&self, id: &str, now: i64) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE sessions SET authenticated_at = ?2 WHERE id = ?1")?
            .execute(params![id, now])?;
        Ok(())
    }

    /// Ends one session; `false` when it was already gone.
    pub fn delete_session(&self, id: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("DELETE FROM sessions WHERE id = ?1")?
            .execute([id])?
            > 0)
    }

    /// Ends every session of a user except `keep`; returns how many ended.
    pub fn delete_user_sessions(&self, user_id: i64, keep: Option<&str>) -> Result<usize> {
        Ok(self
            .conn
            .prepare_cached(DELETE_OF_USER)?
            .execute(params![user_id, keep])?)
    }
}
