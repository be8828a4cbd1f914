//! The `login_failures` table: failed-login counters per canonical email, known or not.

use super::engine::params;
use super::{Sql, Tx};
use crate::error::Result;

pub(super) const BY_EMAIL: &str =
    "SELECT failures, pending, locked_until FROM login_failures WHERE email_canonical = ?1";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Throttle {
    /// Consecutive failed checks.
    pub failures: i64,
    /// Checks counted but not finished yet: (lease id, when it began).
    pub pending: Vec<(String, i64)>,
    pub locked_until: Option<i64>,
}

impl Sql<'_> {
    pub fn throttle(&self, email_canonical: &str) -> Result<Throttle> {
        Ok(self
            .first(BY_EMAIL, params![email_canonical], |r| {
                let pending = r.text(1)?;
                Ok(Throttle {
                    failures: r.int(0)?,
                    pending: serde_json::from_str(&pending).unwrap_or_default(),
                    locked_until: r.opt_int(2)?,
                })
            })?
            .unwrap_or_default())
    }
}

impl Tx<'_> {
    /// Stores the counters; an all-clear state removes the row.
    pub fn set_throttle(&self, email_canonical: &str, t: &Throttle, now: i64) -> Result<()> {
        if t.failures == 0 && t.pending.is_empty() && t.locked_until.is_none() {
            return self.clear_throttle(email_canonical);
        }
        let pending = serde_json::to_string(&t.pending).unwrap_or_else(|_| "[]".into());
        self.exec(
            "INSERT INTO login_failures (email_canonical, failures, pending, locked_until, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (email_canonical) DO UPDATE
               SET failures = excluded.failures, pending = excluded.pending,
                   locked_until = excluded.locked_until, updated_at = excluded.updated_at",
            params![email_canonical, t.failures, &pending, t.locked_until, now],
        )?;
        Ok(())
    }

    /// A success, a completed reset or `users unlock`: the count and any lock go.
    pub fn clear_throttle(&self, email_canonical: &str) -> Result<()> {
        self.exec(
            "DELETE FROM login_failures WHERE email_canonical = ?1",
            params![email_canonical],
        )?;
        Ok(())
    }
}
