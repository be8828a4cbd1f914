//! The access gate: the one function every protected command goes through. It finds the actor
//! (the user of this database's session), then checks permissions. Deny by default: any error
//! on the way is a denial, and nothing is cached between commands, so a role change applies to
//! the very next command of every session.

use std::path::Path;

use crate::clock;
use crate::error::{Error, Result};
use crate::permissions::covers;
use crate::session;
use crate::settings::Policy;
use crate::store::{SessionRow, Store, User};

/// Who is acting, with everything they hold.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user: User,
    pub session: SessionRow,
    /// (role, permission) pairs.
    pub grants: Vec<(String, String)>,
}

impl Actor {
    /// The role that grants `permission`, if any.
    pub fn granted_by(&self, permission: &str) -> Option<&str> {
        self.grants
            .iter()
            .find(|(_, held)| covers(held, permission))
            .map(|(role, _)| role.as_str())
    }

    pub fn has(&self, permission: &str) -> bool {
        self.granted_by(permission).is_some()
    }

    /// Exit 5 unless the actor holds `permission`.
    pub fn require(&self, permission: &str) -> Result<()> {
        if self.has(permission) {
            Ok(())
        } else {
            Err(Error::denied(format!(
                "{} lacks the permission {permission}",
                self.user.email
            )))
        }
    }

    pub fn audit_actor(&self) -> (Option<i64>, Option<String>) {
        (Some(self.user.id), Some(self.user.email.clone()))
    }
}

fn not_logged_in(why: &str) -> Error {
    Error::NotLoggedIn(format!("{why}: run `useradm login`"))
}

/// The actor of this command, or exit 4.
pub fn actor(store: &Store, policy: &Policy, session_path: &Path) -> Result<Actor> {
    let file = session::read(session_path)?.ok_or_else(|| not_logged_in("not logged in"))?;
    if file.database_id != store.database_id() {
        return Err(not_logged_in(
            "the session file belongs to another database",
        ));
    }
    let sql = store.sql();
    let row = sql
        .session_by_token_hash(&session::token_hash(&file.token))?
        .filter(|row| row.id == file.session_id)
        .ok_or_else(|| not_logged_in("the session has ended"))?;
    let now = clock::now();
    if now >= row.expires_at || now >= row.created_at.saturating_add(policy.session_ttl) {
        return Err(not_logged_in("the session has expired"));
    }
    if now >= row.last_seen_at.saturating_add(policy.session_idle) {
        return Err(not_logged_in(&format!(
            "the session expired after {} without use",
            clock::format_duration(policy.session_idle)
        )));
    }
    let user = sql
        .user_by_id(row.user_id)?
        .filter(|u| !u.is_disabled())
        .ok_or_else(|| not_logged_in("the account of this session is gone or disabled"))?;
    let grants = sql.user_grants(user.id)?;
    // At most once a minute (or half the idle time), and never at the cost of failing.
    if now - row.last_seen_at >= (policy.session_idle / 2).clamp(1, 60) {
        store.touch_session(&row.id, now)?;
    }
    Ok(Actor {
        user,
        session: row,
        grants,
    })
}

/// The actor, if this command has one; a missing or unusable session is simply no actor.
pub fn optional_actor(store: &Store, policy: &Policy, session_path: &Path) -> Option<Actor> {
    actor(store, policy, session_path).ok()
}

/// The gate for protected commands: an actor holding every listed permission, else exit 4 or 5.
pub fn require(
    store: &Store,
    policy: &Policy,
    session_path: &Path,
    permissions: &[&str],
) -> Result<Actor> {
    let actor = actor(store, policy, session_path)?;
    for p in permissions {
        actor.require(p)?;
    }
    Ok(actor)
}

/// The no-escalation rule of SPEC §3 for giving permissions: the actor must hold each one.
pub fn require_can_give(actor: &Actor, permissions: &[String]) -> Result<()> {
    match permissions.iter().find(|p| !actor.has(p)) {
        None => Ok(()),
        Some(p) => Err(Error::PermissionDenied {
            rule: "escalation",
            message: format!(
                "{} cannot give the permission {p}, which they do not hold",
                actor.user.email
            ),
        }),
    }
}
