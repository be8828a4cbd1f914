//! The `login_failures` table: failed-login counters per canonical email, known or not.

use rusqlite::{OptionalExtension, params};

use super::{Sql, Tx};
use crate::error::Result;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Throttle {
    /// Consecutive failed checks.
    pub failures: i64,
    /// Checks counted but not finished yet.
    pub pending: i64,
    /// When the newest pending check began (stale ones, from killed processes, expire).
    pub pending_at: Option<i64>,
    pub locked_until: Option<i64>,
}

impl Sql<'_> {
    pub fn throttle(&self, email_canonical: &str) -> Result<Throttle> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT failures, pending, pending_at, locked_until FROM login_failures WHERE email_canonical = ?1",
            )?
            .query_row([email_canonical], |r| {
                Ok(Throttle { failures: r.get(0)?, pending: r.get(1)?, pending_at: r.get(2)?, locked_until: r.get(3)? })
            })
            .optional()?
            .unwrap_or_default())
    }
}

impl Tx<'_> {
    /// Stores the counters; an all-clear state removes the row.
    pub fn set_throttle(&self, email_canonical: &str, t: Throttle, now: i64) -> Result<()> {
        if t.failures == 0 && t.pending == 0 && t.locked_until.is_none() {
            return self.clear_throttle(email_canonical);
        }
        self.conn
            .prepare_cached(
                "INSERT INTO login_failures (email_canonical, failures, pending, pending_at, locked_until, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (email_canonical) DO UPDATE
                   SET failures = excluded.failures, pending = excluded.pending, pending_at = excluded.pending_at,
                       locked_until = excluded.locked_until, updated_at = excluded.updated_at",
            )?
            .execute(params![email_canonical, t.failures, t.pending, t.pending_at, t.locked_until, now])?;
        Ok(())
    }

    /// A success, a completed reset or `users unlock`: the count and any lock go.
    pub fn clear_throttle(&self, email_canonical: &str) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM login_failures WHERE email_canonical = ?1")?
            .execute([email_canonical])?;
        Ok(())
    }
}
