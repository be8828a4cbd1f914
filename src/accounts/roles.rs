//! Roles and who holds them: `roles …`, `grant`, `revoke`. Every change obeys the no-escalation
//! rule (the actor must hold every permission given or taken) and the built-in `admin` role
//! cannot be deleted, changed, or taken from the last active administrator.

use serde::Serialize;

use crate::accounts::UserView;
use crate::accounts::changes::{
    self, ChangedBy, cancel_pending_email, role_by_name, user_by_email,
};
use crate::clock;
use crate::error::{Error, Result};
use crate::gate::{self, Actor};
use crate::permissions;
use crate::permissions::{ROLES_GRANT, ROLES_MANAGE};
use crate::store::{Role, RoleSummary, Sql, Store, Tx};
use crate::validate::{self, Email};

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

/// Taking a permission from a role acts on every holder: the actor must be able to act on each.
fn require_can_act_on_holders(sql: &Sql<'_>, actor: &Actor, role: &Role) -> Result<()> {
    for id in sql.role_holders(role.id)? {
        if let Some(user) = sql.user_by_id(id)? {
            gate::require_can_act_on(sql, actor, &user)?;
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

/// Exit 2 unless the name, the description and every permission are well formed.
pub fn validate_role(name: &str, description: &str, perms: &[String]) -> Result<()> {
    validate::role_name(name)?;
    perms.iter().try_for_each(|p| permissions::validate(p))?;
    if description.chars().count() > 500 || description.chars().any(char::is_control) {
        return Err(Error::usage(
            "the description must be at most 500 characters, without control characters",
        ));
    }
    Ok(())
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
    validate_role(name, description, perms)?;
    if store.sql().role_by_name(name)?.is_some() {
        return if exists_ok {
            Ok((show(store, name)?, false))
        } else {
            Err(Error::Conflict(format!(
                "the role {name} already exists (use --exists-ok to accept that)"
            )))
        };
    }
    let now = clock::now();
    store.write(|tx| {
        let actor = gate::recheck(tx, actor, &[ROLES_MANAGE])?;
        create_in(tx, &actor, name, description, perms, now).map(|_| ())
    })?;
    Ok((show(store, name)?, true))
}

/// Creates a role in the caller's transaction, for an actor rechecked there; its id.
pub fn create_in(
    tx: &Tx<'_>,
    actor: &Actor,
    name: &str,
    description: &str,
    perms: &[String],
    now: i64,
) -> Result<i64> {
    actor.require(ROLES_MANAGE)?;
    gate::require_can_give(actor, perms)?;
    let id = tx.create_role(name, description, now)?;
    for p in perms {
        tx.allow(id, p)?;
    }
    let detail = serde_json::json!({ "permissions": perms });
    tx.append_audit(&actor.event("role.created").on(name).with(detail), now)?;
    Ok(id)
}

pub fn delete(store: &mut Store, actor: &Actor, name: &str) -> Result<RoleView> {
    let role = role_by_name(&store.sql(), name)?;
    changeable(&role)?;
    let view = show(store, name)?;
    let now = clock::now();
    store.write(|tx| {
        let actor = gate::recheck(tx, actor, &[ROLES_MANAGE])?;
        delete_in(tx, &actor, &role, now)
    })?;
    Ok(view)
}

/// Deletes a role in the caller's transaction: not a built-in one, and only by an actor who
/// could give each of its permissions and act on each holder.
pub fn delete_in(tx: &Tx<'_>, actor: &Actor, role: &Role, now: i64) -> Result<()> {
    changeable(role)?;
    actor.require(ROLES_MANAGE)?;
    let perms = tx.role_permissions(role.id)?;
    gate::require_can_give(actor, &perms)?;
    require_can_act_on_holders(tx, actor, role)?;
    let users = tx.role_holders(role.id)?.len();
    tx.delete_role(role.id)?;
    let detail = serde_json::json!({ "permissions": perms, "users": users });
    tx.append_audit(
        &actor.event("role.deleted").on(&role.name).with(detail),
        now,
    )
}

/// Sets a role's description in the caller's transaction; `false` when it was so.
pub fn describe_in(
    tx: &Tx<'_>,
    actor: &Actor,
    role: &Role,
    description: &str,
    now: i64,
) -> Result<bool> {
    changeable(role)?;
    actor.require(ROLES_MANAGE)?;
    if role.description == description {
        return Ok(false);
    }
    tx.describe_role(role.id, description)?;
    let detail = serde_json::json!({ "description": description });
    tx.append_audit(
        &actor.event("role.described").on(&role.name).with(detail),
        now,
    )?;
    Ok(true)
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
    let role = role_by_name(&store.sql(), name)?;
    changeable(&role)?;
    let now = clock::now();
    let changed = store.write(|tx| {
        let actor = gate::recheck(tx, actor, &[ROLES_MANAGE])?;
        change_permissions_in(tx, &actor, &role, perms, allow, now)
    })?;
    Ok((show(store, name)?, changed))
}

/// Adds or removes permissions in the caller's transaction; what changed.
pub fn change_permissions_in(
    tx: &Tx<'_>,
    actor: &Actor,
    role: &Role,
    perms: &[String],
    allow: bool,
    now: i64,
) -> Result<Vec<String>> {
    changeable(role)?;
    actor.require(ROLES_MANAGE)?;
    gate::require_can_give(actor, perms)?;
    if allow && let Some(p) = perms.iter().find(|p| permissions::hands_over_everything(p)) {
        gate::require_step_up(actor, &format!("allowing {p}"))?;
    }
    if !allow {
        require_can_act_on_holders(tx, actor, role)?;
    }
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
        let detail = serde_json::json!({ "permissions": changed });
        tx.append_audit(&actor.event(event).on(&role.name).with(detail), now)?;
    }
    Ok(changed)
}

/// `grant` (give) or `revoke` (take): one role change per role, `changed` per role.
/// Whether giving these roles hands over everything (one of them holds a permission that
/// does, `permissions::hands_over_everything`): then the command asks for a fresh proof of the
/// password first.
pub fn gives_everything(sql: &Sql<'_>, roles: &[String]) -> Result<bool> {
    for name in roles {
        if let Some(role) = sql.role_by_name(name)?
            && sql
                .role_permissions(role.id)?
                .iter()
                .any(|p| permissions::hands_over_everything(p))
        {
            return Ok(true);
        }
    }
    Ok(false)
}

pub fn change_roles(
    store: &mut Store,
    actor: &Actor,
    email: &Email,
    roles: &[String],
    give: bool,
) -> Result<(UserView, Vec<(String, bool)>)> {
    let now = clock::now();
    let by = ChangedBy::command(actor);
    // Every right is checked in the transaction that uses it, so none can lapse in between.
    let (id, results) = store.write(|tx| {
        let actor = gate::recheck(tx, actor, &[ROLES_GRANT])?;
        let user = user_by_email(tx, email)?;
        if !give {
            gate::require_can_act_on(tx, &actor, &user)?;
        }
        let mut found = Vec::new();
        for name in roles {
            let role = role_by_name(tx, name)?;
            let perms = tx.role_permissions(role.id)?;
            if give {
                gate::require_can_give_role(&actor, &role.name, &perms)?;
            } else {
                gate::require_can_give(&actor, &perms)?;
            }
            found.push(role);
        }
        let mut results = Vec::new();
        for role in &found {
            let changed = if give {
                changes::grant_role(tx, by, &user, role, now)?
            } else {
                changes::revoke_role(tx, by, &user, role, now)?
            };
            results.push((role.name.clone(), changed));
        }
        Ok((user.id, results))
    })?;
    Ok((UserView::reload(&store.sql(), id)?, results))
}
