//! Roles and who holds them: `roles …`, `grant`, `revoke`. Every change obeys the no-escalation
//! rule (the actor must hold every permission given or taken) and the built-in `admin` role
//! cannot be deleted, changed, or taken from the last active administrator.

use serde::Serialize;

use crate::accounts::UserView;
use crate::clock;
use crate::codes::Purpose;
use crate::error::{Error, Result};
use crate::gate::{self, Actor};
use crate::permissions;
use crate::store::{ADMIN_ROLE, AuditEvent, Role, RoleSummary, Store, Tx, User};
use crate::validate::Email;

#[derive(Debug, Clone, Serialize)]
pub struct RoleView {
    pub name: String,
    pub description: String,
    pub builtin: bool,
    pub permissions: Vec<String>,
    pub users: i64,
}

impl From<RoleSummary> for RoleView {
    fn from(s: RoleSummary) -> RoleView {
        RoleView {
            name: s.role.name,
            description: s.role.description,
            builtin: s.role.builtin,
            permissions: s.permissions,
            users: s.users,
        }
    }
}

/// Role names: lowercase letters, digits, `_`, `-`, `.`; 1 to 64 of them.
pub fn validate_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_-.".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "invalid role name {:?}: 1 to 64 of a-z 0-9 _ - .",
            name.chars().take(60).collect::<String>()
        )))
    }
}

pub(crate) fn audit(
    actor: &Actor,
    event: &'static str,
    target: &str,
    detail: serde_json::Value,
) -> AuditEvent {
    let (actor_id, actor_email) = actor.audit_actor();
    AuditEvent {
        actor_id,
        actor: actor_email,
        event,
        target: Some(target.to_string()),
        detail,
    }
}

/// A pending email change was authorised against what the user held then; once they hold more,
/// it must not complete (it could hand their new powers to whoever asked for the change).
pub(crate) fn cancel_pending_email(tx: &Tx<'_>, user_id: i64, now: i64) -> Result<()> {
    tx.set_pending_email(user_id, None, now)?;
    tx.revoke_codes(user_id, &[Purpose::EmailChange], now)
}

/// Taking a permission from a role acts on every holder: the actor must be able to act on each.
fn require_can_act_on_holders(store: &Store, actor: &Actor, role: &Role) -> Result<()> {
    for id in store.sql().role_holders(role.id)? {
        if let Some(user) = store.sql().user_by_id(id)? {
            gate::require_can_act_on(store, actor, &user)?;
        }
    }
    Ok(())
}

pub fn list(store: &Store) -> Result<Vec<RoleView>> {
    Ok(store
        .sql()
        .roles()?
        .into_iter()
        .map(RoleView::from)
        .collect())
}

pub fn show(store: &Store, name: &str) -> Result<RoleView> {
    list(store)?
        .into_iter()
        .find(|r| r.name == name)
        .ok_or_else(|| Error::NotFound(format!("no role named {name:?}")))
}

fn role(store: &Store, name: &str) -> Result<Role> {
    store
        .sql()
        .role_by_name(name)?
        .ok_or_else(|| Error::NotFound(format!("no role named {name:?}")))
}

fn changeable(role: &Role) -> Result<()> {
    if role.builtin {
        Err(Error::Conflict(format!(
            "the built-in role {} cannot be changed or deleted",
            role.name
        )))
    } else {
        Ok(())
    }
}

/// Creates a role; with `exists_ok` an existing role is a success that changes nothing.
pub fn create(
    store: &mut Store,
    actor: &Actor,
    name: &str,
    description: &str,
    perms: &[String],
    exists_ok: bool,
) -> Result<(RoleView, bool)> {
    validate_name(name)?;
    perms.iter().try_for_each(|p| permissions::validate(p))?;
    if description.chars().count() > 500 || description.chars().any(char::is_control) {
        return Err(Error::usage(
            "the description must be at most 500 characters, without control characters",
        ));
    }
    if store.sql().role_by_name(name)?.is_some() {
        return if exists_ok {
            Ok((show(store, name)?, false))
        } else {
            Err(Error::Conflict(format!(
                "the role {name} already exists (use --exists-ok to accept that)"
            )))
        };
    }
    gate::require_can_give(actor, perms)?;
    let now = clock::now();
    store.write(|tx| {
        let id = tx.create_role(name, description, now)?;
        for p in perms {
            tx.allow(id, p)?;
        }
        tx.append_audit(
            &audit(
                actor,
                "role.created",
                name,
                serde_json::json!({ "permissions": perms }),
            ),
            now,
        )
    })?;
    Ok((show(store, name)?, true))
}

pub fn delete(store: &mut Store, actor: &Actor, name: &str) -> Result<RoleView> {
    let role = role(store, name)?;
    changeable(&role)?;
    let view = show(store, name)?;
    gate::require_can_give(actor, &view.permissions)?;
    require_can_act_on_holders(store, actor, &role)?;
    let now = clock::now();
    store.write(|tx| {
        tx.delete_role(role.id)?;
        let detail = serde_json::json!({ "permissions": view.permissions, "users": view.users });
        tx.append_audit(&audit(actor, "role.deleted", name, detail), now)
    })?;
    Ok(view)
}

/// Adds (`allow`) or removes (`deny`) permissions; returns the role and what changed.
pub fn change_permissions(
    store: &mut Store,
    actor: &Actor,
    name: &str,
    perms: &[String],
    allow: bool,
) -> Result<(RoleView, Vec<String>)> {
    perms.iter().try_for_each(|p| permissions::validate(p))?;
    let role = role(store, name)?;
    changeable(&role)?;
    gate::require_can_give(actor, perms)?;
    if !allow {
        require_can_act_on_holders(store, actor, &role)?;
    }
    let now = clock::now();
    let changed = store.write(|tx| {
        let mut changed = Vec::new();
        for p in perms {
            let did = if allow {
                tx.allow(role.id, p)?
            } else {
                tx.deny(role.id, p)?
            };
            if did {
                changed.push(p.clone());
            }
        }
        if allow && !changed.is_empty() {
            for holder in tx.role_holders(role.id)? {
                cancel_pending_email(tx, holder, now)?;
            }
        }
        if !changed.is_empty() {
            let event = if allow { "role.allowed" } else { "role.denied" };
            tx.append_audit(
                &audit(
                    actor,
                    event,
                    name,
                    serde_json::json!({ "permissions": changed }),
                ),
                now,
            )?;
        }
        Ok(changed)
    })?;
    Ok((show(store, name)?, changed))
}

pub(crate) fn user_by_email(store: &Store, email: &Email) -> Result<User> {
    store
        .sql()
        .user_by_email(&email.canonical)?
        .ok_or_else(|| Error::NotFound(format!("no account with email {}", email.address)))
}

/// Exit 6 when `user` is the last active administrator and the change would end that.
pub(crate) fn protect_last_admin(tx: &Tx<'_>, user: &User, what: &str) -> Result<()> {
    let is_admin = tx.user_role_names(user.id)?.iter().any(|r| r == ADMIN_ROLE);
    if is_admin && !user.is_disabled() && tx.active_admins()? <= 1 {
        return Err(Error::Conflict(format!(
            "{} is the last active administrator and cannot {what}",
            user.email
        )));
    }
    Ok(())
}

/// `grant` (give) or `revoke` (take): one role change per role, `changed` per role.
pub fn change_roles(
    store: &mut Store,
    actor: &Actor,
    email: &Email,
    roles: &[String],
    give: bool,
) -> Result<(UserView, Vec<(String, bool)>)> {
    let user = user_by_email(store, email)?;
    if !give {
        gate::require_can_act_on(store, actor, &user)?;
    }
    let mut found = Vec::new();
    for name in roles {
        let role = role(store, name)?;
        let perms = store.sql().role_permissions(role.id)?;
        gate::require_can_give(actor, &perms)?;
        found.push(role);
    }
    let now = clock::now();
    let results = store.write(|tx| {
        let mut results = Vec::new();
        for role in &found {
            let changed = if give {
                let changed = tx.grant_role(user.id, role.id, now)?;
                if changed {
                    cancel_pending_email(tx, user.id, now)?;
                }
                changed
            } else {
                if role.name == ADMIN_ROLE {
                    protect_last_admin(tx, &user, "lose the admin role")?;
                }
                tx.revoke_role(user.id, role.id)?
            };
            if changed {
                let event = if give { "role.granted" } else { "role.revoked" };
                tx.append_audit(
                    &audit(
                        actor,
                        event,
                        &user.email,
                        serde_json::json!({ "role": role.name }),
                    ),
                    now,
                )?;
            }
            results.push((role.name.clone(), changed));
        }
        Ok(results)
    })?;
    let sql = store.sql();
    let user = sql
        .user_by_id(user.id)?
        .ok_or_else(|| Error::NotFound("the account vanished".into()))?;
    Ok((UserView::load(&sql, &user)?, results))
}
