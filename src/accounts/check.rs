//! `check`: the shell's `permission_required`. Exit 0 when the subject holds every role and
//! permission asked for, 5 when not.

use serde::Serialize;

use crate::accounts::changes::user_by_email;
use crate::error::{Error, Result};
use crate::gate::Actor;
use crate::permissions::{self, USERS_READ};
use crate::store::Store;
use crate::validate::Email;

#[derive(Debug, Clone, Serialize)]
pub struct Requirement {
    /// `role` or `permission`.
    pub kind: &'static str,
    pub name: String,
    pub held: bool,
    /// The role that grants it.
    pub granted_by: Option<String>,
}

/// The answer of `check`: allowed when every requirement is held.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub email: String,
    pub allowed: bool,
    pub requirements: Vec<Requirement>,
}

/// Checks `roles` and `perms` for the actor, or (with `users.read`) for the user at `email`.
pub fn check(
    store: &Store,
    actor: &Actor,
    email: Option<&Email>,
    roles: &[String],
    perms: &[String],
) -> Result<Decision> {
    if roles.is_empty() && perms.is_empty() {
        return Err(Error::usage(
            "name at least one --role or --permission to check",
        ));
    }
    perms.iter().try_for_each(|p| permissions::validate(p))?;
    let sql = store.sql();
    let subject = match email {
        None => actor.clone(),
        Some(e) => {
            actor.require(USERS_READ)?;
            let user = user_by_email(&sql, e)?;
            let held = sql.user_holdings(user.id)?;
            Actor {
                via: actor.via.clone(),
                roles: held.roles,
                // A disabled account's roles grant nothing.
                grants: if user.is_disabled() {
                    Vec::new()
                } else {
                    held.grants
                },
                user,
            }
        }
    };
    // Another user's own holdings count, not the limits of the actor's token.
    let has = |p: &str| {
        if email.is_some() {
            subject
                .grants
                .iter()
                .find(|(_, held)| permissions::covers(held, p))
                .map(|(r, _)| r.clone())
        } else {
            subject.granted_by(p).map(str::to_string)
        }
    };
    let mut requirements = Vec::new();
    for r in roles {
        let mut held = subject.roles.contains(r) && !subject.user.is_disabled();
        // Through a token, a role counts only when the token may use all of the role.
        if held && email.is_none() {
            let perms = match sql.role_by_name(r)? {
                Some(role) => sql.role_permissions(role.id)?,
                None => Vec::new(),
            };
            held = actor.may_use_all(&perms);
        }
        requirements.push(Requirement {
            kind: "role",
            name: r.clone(),
            held,
            granted_by: held.then(|| r.clone()),
        });
    }
    for p in perms {
        let granted_by = has(p);
        requirements.push(Requirement {
            kind: "permission",
            name: p.clone(),
            held: granted_by.is_some(),
            granted_by,
        });
    }
    Ok(Decision {
        email: subject.user.email.clone(),
        allowed: requirements.iter().all(|r| r.held),
        requirements,
    })
}
