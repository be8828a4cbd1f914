//! The `totp` and `recovery_codes` tables.

use super::engine::params;
use super::{Sql, Tx};
use crate::error::Result;

pub(super) const TOTP_OF_USER: &str =
    "SELECT secret, confirmed_at, last_step, created_at, session_id FROM totp WHERE user_id = ?1";
pub(super) const RECOVERY_OF_USER: &str =
    "SELECT id, code_hash FROM recovery_codes WHERE user_id = ?1 AND used_at IS NULL";

#[derive(Debug, Clone)]
pub struct TotpRow {
    /// Base32, as authenticator apps take it.
    pub secret: String,
    pub confirmed_at: Option<i64>,
    pub last_step: Option<i64>,
    /// When the enrolment began.
    pub created_at: i64,
    /// The session that began a pending enrolment.
    pub session_id: Option<String>,
}

impl Sql<'_> {
    pub fn totp(&self, user_id: i64) -> Result<Option<TotpRow>> {
        self.first(TOTP_OF_USER, params![user_id], |r| {
            Ok(TotpRow {
                secret: r.text(0)?,
                confirmed_at: r.opt_int(1)?,
                last_step: r.opt_int(2)?,
                created_at: r.int(3)?,
                session_id: r.opt_text(4)?,
            })
        })
    }

    /// Unused recovery codes: (id, hash).
    pub fn recovery_codes(&self, user_id: i64) -> Result<Vec<(i64, String)>> {
        self.all(RECOVERY_OF_USER, params![user_id], |r| {
            Ok((r.int(0)?, r.text(1)?))
        })
    }
}

impl Tx<'_> {
    /// Starts an enrolment (replacing an unconfirmed one).
    pub fn set_pending_totp(
        &self,
        user_id: i64,
        secret: &str,
        session_id: &str,
        now: i64,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO totp (user_id, secret, created_at, session_id) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (user_id) DO UPDATE
               SET secret = excluded.secret, created_at = excluded.created_at,
                   session_id = excluded.session_id, confirmed_at = NULL, last_step = NULL",
            params![user_id, secret, now, session_id],
        )?;
        Ok(())
    }

    pub fn confirm_totp(&self, user_id: i64, now: i64) -> Result<()> {
        self.exec(
            "UPDATE totp SET confirmed_at = ?2 WHERE user_id = ?1",
            params![user_id, now],
        )?;
        Ok(())
    }

    /// Records an accepted time step; `false` when it (or a later one) was accepted before: a replay.
    pub fn use_totp_step(&self, user_id: i64, step: i64) -> Result<bool> {
        Ok(self.exec(
            "UPDATE totp SET last_step = ?2 WHERE user_id = ?1 AND (last_step IS NULL OR last_step < ?2)",
            params![user_id, step],
        )? == 1)
    }

    pub fn delete_totp(&self, user_id: i64) -> Result<()> {
        self.exec("DELETE FROM totp WHERE user_id = ?1", params![user_id])?;
        self.exec(
            "DELETE FROM recovery_codes WHERE user_id = ?1",
            params![user_id],
        )?;
        Ok(())
    }

    pub fn replace_recovery_codes(&self, user_id: i64, hashes: &[String], now: i64) -> Result<()> {
        self.exec(
            "DELETE FROM recovery_codes WHERE user_id = ?1",
            params![user_id],
        )?;
        for h in hashes {
            self.exec(
                "INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (?1, ?2, ?3)",
                params![user_id, h, now],
            )?;
        }
        Ok(())
    }

    /// Uses a recovery code once; `false` when it was used meanwhile.
    pub fn use_recovery_code(&self, id: i64, now: i64) -> Result<bool> {
        Ok(self.exec(
            "UPDATE recovery_codes SET used_at = ?2 WHERE id = ?1 AND used_at IS NULL",
            params![id, now],
        )? == 1)
    }
}
