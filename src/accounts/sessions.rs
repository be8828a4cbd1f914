//! `sessions list|revoke`: one's own sessions, or everyone's with `sessions.manage`.

use serde::Serialize;

use crate::clock;
use crate::error::{Error, Result};
use crate::gate::{self, Actor, Via};
use crate::permissions::SESSIONS_MANAGE;
use crate::store::{SessionListing, Store, Tx};

#[derive(Debug, Clone, Serialize)]
pub struct SessionView {
    pub id: String,
    pub email: String,
    pub created_at: String,
    pub last_seen_at: String,
    pub expires_at: String,
    /// The session this command runs in.
    pub current: bool,
}

fn view(actor: &Actor, s: &SessionListing) -> SessionView {
    let current = matches!(&actor.via, Via::Session(own) if own.id == s.session.id);
    SessionView {
        id: s.session.id.clone(),
        email: s.email.clone(),
        created_at: clock::rfc3339(s.session.created_at),
        last_seen_at: clock::rfc3339(s.session.last_seen_at),
        expires_at: clock::rfc3339(s.session.expires_at),
        current,
    }
}

/// The right to end or revoke what belongs to `owner` (a session, a token), checked again in the
/// write transaction: one's own, or `sessions.manage` and every permission the owner holds.
pub(crate) fn recheck_owner(tx: &Tx<'_>, actor: &Actor, owner: i64) -> Result<()> {
    let actor = gate::recheck(tx, actor, &[])?;
    if owner == actor.user.id {
        return Ok(());
    }
    actor.require(SESSIONS_MANAGE)?;
    match tx.user_by_id(owner)? {
        Some(user) => gate::require_can_act_on(tx, &actor, &user),
        None => Ok(()),
    }
}

pub fn list(store: &Store, actor: &Actor, all: bool) -> Result<Vec<SessionView>> {
    if all {
        actor.require(SESSIONS_MANAGE)?;
    }
    let rows = store
        .sql()
        .sessions(if all { None } else { Some(actor.user.id) })?;
    Ok(rows.iter().map(|s| view(actor, s)).collect())
}

/// Ends a session: one's own, or another user's with `sessions.manage` and every permission
/// that user holds.
pub fn revoke(store: &mut Store, actor: &Actor, id: &str) -> Result<SessionView> {
    // A token may end sessions only if it lists sessions.manage; and without that permission,
    // others' sessions look like missing ones (no probing of ids).
    if matches!(actor.via, Via::Token(_)) {
        actor.require(SESSIONS_MANAGE)?;
    }
    let missing = || Error::NotFound(format!("no session {id:?}"));
    let visible: Vec<_> = store
        .sql()
        .sessions(None)?
        .into_iter()
        .filter(|s| s.session.user_id == actor.user.id || actor.has(SESSIONS_MANAGE))
        .collect();
    let listing = crate::accounts::by_id_or_prefix(&visible, id, "session", |s| &s.session.id)?
        .cloned()
        .ok_or_else(missing)?;
    let id = listing.session.id.as_str();
    if listing.session.user_id != actor.user.id {
        if !actor.has(SESSIONS_MANAGE) {
            return Err(missing());
        }
        let owner = store
            .sql()
            .user_by_id(listing.session.user_id)?
            .ok_or_else(|| Error::NotFound(format!("no session {id:?}")))?;
        gate::require_can_act_on(&store.sql(), actor, &owner)?;
    }
    let out = view(actor, &listing);
    let now = clock::now();
    store.write(|tx| {
        recheck_owner(tx, actor, listing.session.user_id)?;
        tx.delete_session(id)?;
        tx.append_audit(
            &actor
                .event("session.revoked")
                .on(&listing.email)
                .with(serde_json::json!({ "session": id })),
            now,
        )
    })?;
    Ok(out)
}
