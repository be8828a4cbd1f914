//! The `sessions` table. Only the SHA-256 of a token is stored.

use super::engine::{Row, params};
use super::{Sql, Tx, User};
use crate::error::Result;

/// The columns `from_row` reads, in its order; with a table alias for a join.
macro_rules! session_columns {
    ($p:literal) => {
        concat!(
            $p,
            "id, ",
            $p,
            "user_id, ",
            $p,
            "created_at, ",
            $p,
            "last_seen_at, ",
            $p,
            "expires_at, ",
            $p,
            "authenticated_at, ",
            $p,
            "idle_until, ",
            $p,
            "idp, ",
            $p,
            "idp_mfa"
        )
    };
}
/// How many columns `session_columns!` names: where a join's next table starts.
const SESSION_COLUMNS: usize = 9;

pub(super) const BY_TOKEN_HASH: &str = concat!(
    "SELECT ",
    session_columns!(""),
    " FROM sessions WHERE token_sha256 = ?1"
);
/// The session and its account in one round trip: what the gate reads for every command.
pub(super) const WITH_USER_BY_TOKEN_HASH: &str = concat!(
    "SELECT ",
    session_columns!("s."),
    ", ",
    user_columns!("u."),
    " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_sha256 = ?1"
);
const OF_TOKEN_HASH: &str = "SELECT 1 FROM sessions WHERE token_sha256 = ?1";
pub(super) const DELETE_OF_USER: &str =
    "DELETE FROM sessions WHERE user_id = ?1 AND id IS DISTINCT FROM ?2";
/// A use of the session: its idle deadline moves to `?3`, never back.
pub(super) const TOUCH: &str = "UPDATE sessions SET last_seen_at = ?2, idle_until = ?3
     WHERE id = ?1 AND last_seen_at < ?2";
/// PostgreSQL's touch never waits for a row another transaction holds.
pub(super) const TOUCH_POSTGRES: &str = "UPDATE sessions SET last_seen_at = ?2, idle_until = ?3
     WHERE id = (SELECT id FROM sessions WHERE id = ?1 AND last_seen_at < ?2 FOR UPDATE SKIP LOCKED)";
/// An expired session ended for good by the command that found it.
pub(super) const END: &str = "DELETE FROM sessions WHERE id = ?1";
pub(super) const END_POSTGRES: &str = "DELETE FROM sessions
     WHERE id = (SELECT id FROM sessions WHERE id = ?1 FOR UPDATE SKIP LOCKED)";

#[derive(Debug, Clone)]
pub struct SessionRow {
    pub id: String,
    pub user_id: i64,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    /// When the password (and second factor) was last proven in this session.
    pub authenticated_at: i64,
    /// Its idle deadline as fixed at its last use (`None` for a session of before schema v6).
    pub idle_deadline: Option<i64>,
    /// The identity provider of a single sign-on login (v9); `None` for a password's.
    pub idp: Option<String>,
    /// That provider vouched for a second factor, and is trusted to (`--mfa-by-amr`).
    pub idp_mfa: bool,
}

impl SessionRow {
    /// When the session ends at the latest: its stored end, or sooner when `session.ttl` was
    /// shortened after the login.
    pub fn ends_at(&self, ttl: i64) -> i64 {
        self.expires_at.min(self.created_at.saturating_add(ttl))
    }

    /// When it ends unless it is used again: the deadline fixed at its last use, or sooner when
    /// `session.idle` was lowered since (raising it never revives a session).
    pub fn idle_until(&self, idle: i64) -> i64 {
        let now_rule = self.last_seen_at.saturating_add(idle);
        self.idle_deadline
            .map_or(now_rule, |fixed| fixed.min(now_rule))
    }
}

/// A session with its owner, for `sessions list`.
#[derive(Debug, Clone)]
pub struct SessionListing {
    pub session: SessionRow,
    pub email: String,
}

/// `session_columns!` first.
fn from_row(r: &Row<'_, '_>) -> Result<SessionRow> {
    Ok(SessionRow {
        id: r.text(0)?,
        user_id: r.int(1)?,
        created_at: r.int(2)?,
        last_seen_at: r.int(3)?,
        expires_at: r.int(4)?,
        authenticated_at: r.int(5)?,
        idle_deadline: r.opt_int(6)?,
        idp: r.opt_text(7)?,
        idp_mfa: r.flag(8)?,
    })
}

impl Sql<'_> {
    /// Sessions of one user, or of everyone, oldest first.
    pub fn sessions(&self, user_id: Option<i64>) -> Result<Vec<SessionListing>> {
        self.all(
            concat!(
                "SELECT ",
                session_columns!("s."),
                ", u.email FROM sessions s JOIN users u ON u.id = s.user_id
                  WHERE ?1 IS NULL OR s.user_id = ?1 ORDER BY s.created_at, s.id"
            ),
            params![user_id],
            |r| {
                Ok(SessionListing {
                    session: from_row(r)?,
                    email: r.text(SESSION_COLUMNS)?,
                })
            },
        )
    }

    pub fn session_by_id(&self, id: &str) -> Result<Option<SessionRow>> {
        self.first(
            concat!(
                "SELECT ",
                session_columns!(""),
                " FROM sessions WHERE id = ?1"
            ),
            params![id],
            from_row,
        )
    }

    pub fn session_by_token_hash(&self, token_sha256: &str) -> Result<Option<SessionRow>> {
        self.first(BY_TOKEN_HASH, params![token_sha256], from_row)
    }

    /// The session with this token and its account.
    pub fn session_with_user(&self, token_sha256: &str) -> Result<Option<(SessionRow, User)>> {
        let found = self.first(WITH_USER_BY_TOKEN_HASH, params![token_sha256], |r| {
            Ok((from_row(r)?, super::users::from_row_at(r, SESSION_COLUMNS)?))
        })?;
        self.unless_account_missing(found, OF_TOKEN_HASH, token_sha256, "this session")
    }
}

impl Tx<'_> {
    /// Records that the user logged in from `host` as `os_user`; `true` when it never had.
    pub fn record_login_source(
        &self,
        user_id: i64,
        host: &str,
        os_user: &str,
        now: i64,
    ) -> Result<bool> {
        let added = self.exec(
            "INSERT INTO login_sources (user_id, host, os_user, first_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT DO NOTHING",
            params![user_id, host, os_user, now],
        )?;
        Ok(added == 1)
    }

    pub fn insert_session(&self, s: &SessionRow, token_sha256: &str) -> Result<()> {
        self.exec(
            "INSERT INTO sessions (id, token_sha256, user_id, created_at, last_seen_at, expires_at, authenticated_at, idle_until, idp, idp_mfa)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![&s.id, token_sha256, s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.authenticated_at, s.idle_deadline, s.idp.as_deref(), i64::from(s.idp_mfa)],
        )?;
        Ok(())
    }

    /// Records a fresh proof of the password in this session.
    pub fn set_session_authenticated(&self, id: &str, now: i64) -> Result<()> {
        self.exec(
            "UPDATE sessions SET authenticated_at = ?2 WHERE id = ?1",
            params![id, now],
        )?;
        Ok(())
    }

    /// Ends one session; `false` when it was already gone.
    pub fn delete_session(&self, id: &str) -> Result<bool> {
        Ok(self.exec("DELETE FROM sessions WHERE id = ?1", params![id])? > 0)
    }

    /// Ends the sessions of a user beyond `keep`, counting `new` (kept) and then the others by
    /// last use, most recent first; returns the ids ended.
    pub fn end_sessions_beyond(&self, user_id: i64, new: &str, keep: usize) -> Result<Vec<String>> {
        let others = self.all(
            "SELECT id FROM sessions WHERE user_id = ?1 AND id <> ?2
              ORDER BY last_seen_at DESC, created_at DESC, id",
            params![user_id, new],
            |r| r.text(0),
        )?;
        let beyond: Vec<String> = others.into_iter().skip(keep.saturating_sub(1)).collect();
        for id in &beyond {
            self.delete_session(id)?;
        }
        Ok(beyond)
    }

    /// Ends every session of every user (a restore); returns how many ended.
    pub fn delete_all_sessions(&self) -> Result<usize> {
        self.exec("DELETE FROM sessions", &[])
    }

    /// Ends every session of a user except `keep`; returns how many ended.
    pub fn delete_user_sessions(&self, user_id: i64, keep: Option<&str>) -> Result<usize> {
        self.exec(DELETE_OF_USER, params![user_id, keep])
    }
}
