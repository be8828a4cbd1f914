//! The `one_time_codes` table: Argon2id hashes of verification, reset and invitation codes.

use super::engine::params;
use super::{Sql, Tx};
use crate::codes::Purpose;
use crate::error::Result;

pub(super) const LIVE: &str = "SELECT id, code_hash, attempts, purpose FROM one_time_codes
  WHERE user_id = ?1 AND purpose IN (?2, ?3) AND email = ?4
    AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?5
  ORDER BY created_at DESC, id DESC LIMIT 1";
pub(super) const MADE_SINCE: &str =
    "SELECT count(*) FROM one_time_codes WHERE user_id = ?1 AND purpose = ?2 AND created_at > ?3";

#[derive(Debug, Clone)]
pub struct CodeRow {
    pub id: i64,
    pub code_hash: String,
    pub attempts: i64,
    /// Which of the asked purposes the code is of.
    pub purpose: Purpose,
}

impl Sql<'_> {
    /// The newest live code of a purpose for this user and address: unused, not revoked, not expired.
    pub fn live_code(
        &self,
        user_id: i64,
        purposes: &[Purpose],
        email: &str,
        now: i64,
    ) -> Result<Option<CodeRow>> {
        let a = purposes.first().map(|p| p.as_str());
        let b = purposes.get(1).map(|p| p.as_str()).or(a);
        self.first(LIVE, params![user_id, a, b, email, now], |r| {
            Ok(CodeRow {
                id: r.int(0)?,
                code_hash: r.text(1)?,
                attempts: r.int(2)?,
                purpose: Purpose::of(&r.text(3)?).unwrap_or(Purpose::Verify),
            })
        })
    }

    /// How many codes of a purpose were made for a user since `since` (the hourly limit).
    pub fn codes_made_since(&self, user_id: i64, purpose: Purpose, since: i64) -> Result<i64> {
        self.one(MADE_SINCE, params![user_id, purpose.as_str(), since], |r| {
            r.int(0)
        })
    }
}

impl Tx<'_> {
    /// Stores a new code and revokes the older live ones of the same purpose.
    pub fn insert_code(
        &self,
        user_id: i64,
        purpose: Purpose,
        code_hash: &str,
        email: &str,
        now: i64,
        ttl: i64,
    ) -> Result<i64> {
        self.revoke_codes(user_id, &[purpose], now)?;
        self.one(
            "INSERT INTO one_time_codes (user_id, purpose, code_hash, email, created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
            params![user_id, purpose.as_str(), code_hash, email, now, now.saturating_add(ttl)],
            |r| r.int(0),
        )
    }

    /// Revokes every code not yet used (a restore: codes redeemed since the backup must not
    /// work again); returns how many.
    pub fn revoke_all_codes(&self, now: i64) -> Result<usize> {
        self.exec(
            "UPDATE one_time_codes SET revoked_at = ?1 WHERE used_at IS NULL AND revoked_at IS NULL",
            params![now],
        )
    }

    pub fn revoke_codes(&self, user_id: i64, purposes: &[Purpose], now: i64) -> Result<()> {
        for p in purposes {
            self.exec(
                "UPDATE one_time_codes SET revoked_at = ?3
                  WHERE user_id = ?1 AND purpose = ?2 AND used_at IS NULL AND revoked_at IS NULL",
                params![user_id, p.as_str(), now],
            )?;
        }
        Ok(())
    }

    /// Counts an attempt before the code is checked.
    pub fn count_code_attempt(&self, code_id: i64) -> Result<()> {
        self.exec(
            "UPDATE one_time_codes SET attempts = attempts + 1 WHERE id = ?1",
            params![code_id],
        )?;
        Ok(())
    }

    /// Marks a code used; `false` when another process used or revoked it first.
    pub fn use_code(&self, code_id: i64, now: i64) -> Result<bool> {
        Ok(self.exec(
            "UPDATE one_time_codes SET used_at = ?2 WHERE id = ?1 AND used_at IS NULL AND revoked_at IS NULL",
            params![code_id, now],
        )? == 1)
    }
}
