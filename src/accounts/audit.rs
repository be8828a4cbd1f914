//! Reading and proving the audit log: `audit`, `audit head`, `audit verify`.
//!
//! What `verify` proves: every row links to the one before it and carries the hash of its own
//! content, ids run without gaps, and (with `--expect-head`) the anchored row is still in the
//! chain. What it cannot prove: whoever can write the database file can rebuild the whole chain
//! after the last anchor kept elsewhere; only an anchor outside the database detects that.

use serde::Serialize;

use crate::clock;
use crate::error::{Error, Result};
use crate::gate::{self, Actor, Via};
use crate::store::{AuditEvent, AuditRow, GENESIS, Sql, Store};

#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    pub id: i64,
    pub at: String,
    pub actor: Option<String>,
    pub event: String,
    pub target: Option<String>,
    pub detail: serde_json::Value,
}

impl From<&AuditRow> for EventView {
    fn from(r: &AuditRow) -> EventView {
        EventView {
            id: r.id,
            at: clock::rfc3339(r.at),
            actor: r.actor.clone(),
            event: r.event.clone(),
            target: r.target.clone(),
            detail: serde_json::from_str(&r.detail).unwrap_or(serde_json::Value::Null),
        }
    }
}

/// A refused permission check or credential is recorded at most this often per actor (or per
/// account claimed), so that a loop cannot flood the log.
const DENIALS_EVERY: i64 = 60;
/// A token's successful use is recorded at most this often per token.
const TOKEN_USE_EVERY: i64 = 3600;

/// Records a refused permission check of a protected command (`permission.denied`), unless this
/// actor had one recorded in the last minute. Never waits for the write lock.
pub fn record_denial(store: &mut Store, actor: &Actor, denial: &Error) -> Result<()> {
    let Error::PermissionDenied { rule, message } = denial else {
        return Ok(());
    };
    let now = clock::now();
    store.write_unless_busy(|tx| {
        if tx.events_by_since(actor.user.id, "permission.denied", now - DENIALS_EVERY)? > 0 {
            return Ok(());
        }
        let detail = serde_json::json!({ "rule": rule, "reason": message });
        tx.append_audit(&actor.event("permission.denied").with(detail), now)
    })?;
    Ok(())
}

/// Records a refused credential (`session.rejected`: a tampered, foreign or unknown session file;
/// `token.rejected`: an unknown, revoked or expired API token), at most once a minute per kind
/// and account claimed. Never waits for the write lock.
pub fn record_rejection(store: &mut Store, rejection: &Error) -> Result<()> {
    let Error::CredentialRejected {
        token,
        reason,
        claimed,
        ..
    } = rejection
    else {
        return Ok(());
    };
    let now = clock::now();
    let name = if *token {
        "token.rejected"
    } else {
        "session.rejected"
    };
    store.write_unless_busy(|tx| {
        if tx.events_on_since(name, claimed.as_deref(), now - DENIALS_EVERY)? > 0 {
            return Ok(());
        }
        let mut event = AuditEvent::new(name).with(serde_json::json!({ "reason": reason }));
        if let Some(email) = claimed {
            event = event.on(email);
        }
        tx.append_audit(&event, now)
    })?;
    Ok(())
}

/// Records an API token's use: `last_used_at` and its owner's last authentication (a token's use
/// authenticates its owner, for access reviews) at most once a minute, and a `token.used` event
/// at most once an hour per token. All in one write that never waits for the lock: in a busy
/// moment only the owner's authentication is recorded (as a session's use is, by a quiet
/// touch), and the token's use and event wait for its next use.
pub fn record_token_use(store: &mut Store, actor: &Actor) -> Result<()> {
    let Via::Token(token) = &actor.via else {
        return Ok(());
    };
    let now = clock::now();
    if !gate::use_recorded_now(token, now) {
        return Ok(());
    }
    let name = "token.used";
    let written = store.write_unless_busy(|tx| {
        tx.mark_token_used(&token.id, actor.user.id, now)?;
        if tx.events_on_since(name, Some(&token.id), now - TOKEN_USE_EVERY)? > 0 {
            return Ok(());
        }
        tx.append_audit(&actor.event(name).on(&token.id), now)
    })?;
    if written.is_none() {
        store.touch_authenticated(actor.user.id, now)?;
    }
    Ok(())
}

/// `--since`: an RFC 3339 time (`2026-11-28T10:00:00Z`) or a duration ago (`24h`).
pub fn parse_since(text: &str) -> Result<i64> {
    if let Some(t) = clock::parse_rfc3339(text) {
        return Ok(t);
    }
    clock::parse_duration(text)
        .map(|ago| clock::now() - ago)
        .ok_or_else(|| {
            Error::usage(format!(
                "invalid --since {text:?}: a time such as 2026-11-28T10:00:00Z, or 24h ago"
            ))
        })
}

pub fn list(
    store: &Store,
    email: Option<&str>,
    since: Option<i64>,
    limit: i64,
) -> Result<Vec<EventView>> {
    Ok(store
        .sql()
        .audit_rows(email, since, limit)?
        .iter()
        .map(EventView::from)
        .collect())
}

#[derive(Debug, Clone, Serialize)]
pub struct Head {
    pub id: i64,
    pub hash: String,
}

pub fn head(store: &Store) -> Result<Head> {
    let (id, hash) = store
        .sql()
        .audit_head()?
        .unwrap_or((0, GENESIS.to_string()));
    Ok(Head { id, hash })
}

/// Walks the whole chain; the first broken or missing link is exit 12, named.
pub fn verify(sql: &Sql<'_>, expect_head: Option<&str>) -> Result<(usize, Head)> {
    let expect_head = expect_head.map(str::to_ascii_lowercase);
    if let Some(h) = &expect_head
        && !(h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        return Err(Error::usage(
            "--expect-head takes a hash printed by `useradm audit head` (64 hex digits)",
        ));
    }
    let expect_head = expect_head.as_deref();
    let mut prev = GENESIS.to_string();
    let mut expected_id = 1;
    let mut count = 0;
    let mut anchor_found = expect_head.is_none();
    sql.for_each_audit_row(|row| {
        if row.id != expected_id {
            return Err(Error::Integrity(format!(
                "audit row {expected_id} is missing (the next row is {}): rows were deleted or ids changed",
                row.id
            )));
        }
        if row.prev_hash != prev {
            return Err(Error::Integrity(format!(
                "audit row {} does not link to row {}: a row was inserted, deleted or changed",
                row.id,
                row.id - 1
            )));
        }
        if row.hash != row.expected_hash() {
            return Err(Error::Integrity(format!("audit row {} was changed after it was written", row.id)));
        }
        if expect_head == Some(row.hash.as_str()) {
            anchor_found = true;
        }
        prev = row.hash.clone();
        expected_id += 1;
        count += 1;
        Ok(())
    })?;
    // `init` always writes the first row: an empty log was emptied.
    if count == 0 {
        return Err(Error::Integrity(
            "the audit log is empty: its rows were deleted".into(),
        ));
    }
    if !anchor_found {
        return Err(Error::Integrity(format!(
            "the anchored head {} is not in the chain: the log was rewritten up to or past it",
            expect_head.unwrap_or_default()
        )));
    }
    Ok((
        count,
        Head {
            id: expected_id - 1,
            hash: prev,
        },
    ))
}
