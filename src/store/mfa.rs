//! The `totp` and `recovery_codes` tables.

use rusqlite::{OptionalExtension, params};

use super::{Sql, Tx};
use crate::error::Result;

pub(super) const TOTP_OF_USER: &str =
    "SELECT secret, confirmed_at, last_step FROM totp WHERE user_id = ?1";
pub(super) const RECOVERY_OF_USER: &str =
    "SELECT id, code_hash FROM recovery_codes WHERE user_id = ?1 AND used_at IS NULL";

#[derive(Debug, Clone)]
pub struct TotpRow {
    /// Base32, as authenticator apps take it.
    pub secret: String,
    pub confirmed_at: Option<i64>,
    pub last_step: Option<i64>,
}

impl Sql<'_> {
    pub fn totp(&self, user_id: i64) -> Result<Option<TotpRow>> {
        Ok(self
            .conn
            .prepare_cached(TOTP_OF_USER)?
            .query_row([user_id], |r| {
                Ok(TotpRow {
                    secret: r.get(0)?,
                    confirmed_at: r.get(1)?,
                    last_step: r.get(2)?,
                })
            })
            .optional()?)
    }

    /// Unused recovery codes: (id, hash).
    pub fn recovery_codes(&self, user_id: i64) -> Result<Vec<(i64, String)>> {
        let mut st = self.conn.prepare_cached(RECOVERY_OF_USER)?;
        let rows = st.query_map([user_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Tx<'_> {
    /// Starts an enrolment (replacing an unconfirmed one).
    pub fn set_pending_totp(&self, user_id: i64, secret: &str, now: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT OR REPLACE INTO totp (user_id, secret, created_at) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![user_id, secret, now])?;
        Ok(())
    }

    pub fn confirm_totp(&self, user_id: i64, now: i64) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE totp SET confirmed_at = ?2 WHERE user_id = ?1")?
            .execute(params![user_id, now])?;
        Ok(())
    }

    /// Records an accepted time step; `false` when it (or a later one) was accepted before: a replay.
    pub fn use_totp_step(&self, user_id: i64, step: i64) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("UPDATE totp SET last_step = ?2 WHERE user_id = ?1 AND (last_step IS NULL OR last_step < ?2)")?
            .execute(params![user_id, step])?
            == 1)
    }

    pub fn delete_totp(&self, user_id: i64) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM totp WHERE user_id = ?1")?
            .execute([user_id])?;
        self.conn
            .prepare_cached("DELETE FROM recovery_codes WHERE user_id = ?1")?
            .execute([user_id])?;
        Ok(())
    }

    pub fn replace_recovery_codes(&self, user_id: i64, hashes: &[String], now: i64) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM recovery_codes WHERE user_id = ?1")?
            .execute([user_id])?;
        let mut st = self.conn.prepare_cached(
            "INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (?1, ?2, ?3)",
        )?;
        for h in hashes {
            st.execute(params![user_id, h, now])?;
        }
        Ok(())
    }

    /// Uses a recovery code once; `false` when it was used meanwhile.
    pub fn use_recovery_code(&self, id: i64, now: i64) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "UPDATE recovery_codes SET used_at = ?2 WHERE id = ?1 AND used_at IS NULL",
            )?
            .execute(params![id, now])?
            == 1)
    }
}
