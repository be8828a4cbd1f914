//! The `login_failures` table: failed-login counters per canonical email, known or not.

use rusqlite::{OptionalExtension, params};

use super::{Sql, Tx};
use crate::error::Result;

#[derive(Debug, Clone, Copy, Default)]
pub struct Throttle {
    pub failures: i64,
    pub locked_until: Option<i64>,
}

impl Sql<'_> {
    pub fn throttle(&self, email_canonical: &str) -> Result<Throttle> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT failures, locked_until FROM login_failures WHERE email_canonical = ?1",
            )?
            .query_row([email_canonical], |r| {
                Ok(Throttle {
                    failures: r.get(0)?,
                    locked_until: r.get(1)?,
                })
            })
            .optional()?
            .unwrap_or_default())
    }
}

impl Tx<'_> {
    pub fn set_throttle(&self, email_canonical: &str, t: Throttle, now: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO login_failures (email_canonical, failures, locked_until, updated_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (email_canonical) DO UPDATE
                   SET failures = excluded.failures, locked_until = excluded.locked_until, updated_at = excluded.updated_at",
            )?
            .execute(params![email_canonical, t.failures, t.locked_until, now])?;
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
