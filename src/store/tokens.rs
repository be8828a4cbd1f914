//! The `api_tokens` table: CI tokens acting as their owner, limited to listed permissions. Only
//! the SHA-256 of a token is stored.

use super::engine::{Row, params};
use super::{Sql, Tx, User};
use crate::error::Result;

#[derive(Debug, Clone)]
pub struct TokenRow {
    pub id: String,
    pub name: String,
    pub user_id: i64,
    pub email: String,
    pub permissions: Vec<String>,
    pub created_at: i64,
    pub expires_at: Option<i64>,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
    /// When the owner was told it expires soon (v6).
    pub notified_at: Option<i64>,
}

/// The token columns `from_row` reads, with the owner's email (and, given, more columns after).
macro_rules! select_tokens {
    () => {
        select_tokens!("")
    };
    ($($more:tt)+) => {
        concat!(
            "SELECT t.id, t.name, t.user_id, u.email, t.permissions, t.created_at, t.expires_at,
                    t.last_used_at, t.revoked_at, t.notified_at",
            $($more)+,
            " FROM api_tokens t JOIN users u ON u.id = t.user_id"
        )
    };
}

/// How many columns `select_tokens!` reads before any more given: where a join's next table
/// starts.
const TOKEN_COLUMNS: usize = 10;

/// The token and its owner's account in one round trip: what the gate reads for a token.
pub(super) const WITH_USER_BY_HASH: &str = concat!(
    select_tokens!(concat!(", ", user_columns!("u."))),
    " WHERE t.token_sha256 = ?1"
);
const OF_HASH: &str = "SELECT 1 FROM api_tokens WHERE token_sha256 = ?1";
/// A token's use (never moved back).
pub(super) const TOUCH: &str = "UPDATE api_tokens SET last_used_at = ?2
     WHERE id = ?1 AND (last_used_at IS NULL OR last_used_at < ?2)";

fn from_row(r: &Row<'_, '_>) -> Result<TokenRow> {
    let permissions = r.text(4)?;
    Ok(TokenRow {
        id: r.text(0)?,
        name: r.text(1)?,
        user_id: r.int(2)?,
        email: r.text(3)?,
        permissions: serde_json::from_str(&permissions).unwrap_or_default(),
        created_at: r.int(5)?,
        expires_at: r.opt_int(6)?,
        last_used_at: r.opt_int(7)?,
        revoked_at: r.opt_int(8)?,
        notified_at: r.opt_int(9)?,
    })
}

impl Sql<'_> {
    /// The token with this hash and its owner's account.
    pub fn token_with_user(&self, token_sha256: &str) -> Result<Option<(TokenRow, User)>> {
        let found = self.first(WITH_USER_BY_HASH, params![token_sha256], |r| {
            Ok((from_row(r)?, super::users::from_row_at(r, TOKEN_COLUMNS)?))
        })?;
        self.unless_account_missing(found, OF_HASH, token_sha256, "this token")
    }

    pub fn token_by_id(&self, id: &str) -> Result<Option<TokenRow>> {
        self.first(
            concat!(select_tokens!(), " WHERE t.id = ?1"),
            params![id],
            from_row,
        )
    }

    /// How many of a user's tokens still work (not revoked, not expired).
    pub fn live_tokens(&self, user_id: i64, now: i64) -> Result<usize> {
        let n = self.one(
            "SELECT count(*) FROM api_tokens WHERE user_id = ?1 AND revoked_at IS NULL
                AND (expires_at IS NULL OR expires_at > ?2)",
            params![user_id, now],
            |r| r.int(0),
        )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Live tokens that end before `by` and whose owner was not told yet, soonest first.
    pub fn tokens_ending_unnotified(&self, now: i64, by: i64) -> Result<Vec<TokenRow>> {
        self.all(
            concat!(
                select_tokens!(),
                " WHERE t.revoked_at IS NULL AND t.notified_at IS NULL
                    AND t.expires_at > ?1 AND t.expires_at <= ?2
                  ORDER BY t.expires_at, t.id"
            ),
            params![now, by],
            from_row,
        )
    }

    /// Tokens of one user or of everyone, newest first.
    pub fn tokens(&self, user_id: Option<i64>) -> Result<Vec<TokenRow>> {
        self.all(
            concat!(
                select_tokens!(),
                " WHERE ?1 IS NULL OR t.user_id = ?1 ORDER BY t.created_at DESC, t.id"
            ),
            params![user_id],
            from_row,
        )
    }
}

impl Tx<'_> {
    pub fn insert_token(&self, t: &TokenRow, token_sha256: &str) -> Result<()> {
        let permissions = serde_json::to_string(&t.permissions).unwrap_or_else(|_| "[]".into());
        self.exec(
            "INSERT INTO api_tokens (id, name, token_sha256, user_id, permissions, created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![&t.id, &t.name, token_sha256, t.user_id, &permissions, t.created_at, t.expires_at],
        )?;
        Ok(())
    }

    /// Records a token's use at `now`, and its owner's last authentication with it.
    pub fn mark_token_used(&self, id: &str, user_id: i64, now: i64) -> Result<()> {
        self.exec(TOUCH, params![id, now])?;
        self.exec(super::users::TOUCH_AUTHENTICATED, params![user_id, now])?;
        Ok(())
    }

    /// Marks that the owner is being told the token expires soon; `false` when another process
    /// did already (so one mail goes out per token).
    pub fn mark_token_notified(&self, id: &str, now: i64) -> Result<bool> {
        Ok(self.exec(
            "UPDATE api_tokens SET notified_at = ?2 WHERE id = ?1 AND notified_at IS NULL",
            params![id, now],
        )? > 0)
    }

    /// Undoes `mark_token_notified` when the mail could not be sent, so a later run tries again.
    pub fn unmark_token_notified(&self, id: &str) -> Result<()> {
        self.exec(
            "UPDATE api_tokens SET notified_at = NULL WHERE id = ?1",
            params![id],
        )?;
        Ok(())
    }

    /// Revokes one token; `false` when it was already revoked.
    pub fn revoke_token(&self, id: &str, now: i64) -> Result<bool> {
        Ok(self.exec(
            "UPDATE api_tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
            params![id, now],
        )? == 1)
    }

    /// Revokes every live token of every user (a restore); returns how many.
    pub fn revoke_all_tokens(&self, now: i64) -> Result<usize> {
        self.exec(
            "UPDATE api_tokens SET revoked_at = ?1 WHERE revoked_at IS NULL",
            params![now],
        )
    }

    /// Revokes every live token of a user; returns how many.
    pub fn revoke_user_tokens(&self, user_id: i64, now: i64) -> Result<usize> {
        self.exec(
            "UPDATE api_tokens SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL",
            params![user_id, now],
        )
    }
}
