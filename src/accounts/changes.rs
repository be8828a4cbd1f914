//! The changes to an account that several paths make (the commands and `import`): each runs
//! inside the caller's transaction, keeps its rule (the last administrator, a pending email change
//! that must not outlive a new role, what disabling ends) and writes its one audit event. A path
//! that needs one of these calls it; none has its own copy.

use crate::codes::Purpose;
use crate::error::{Error, Result};
use crate::gate::Actor;
use crate::store::{ADMIN_ROLE, AuditEvent, Role, Sql, Status, Tx, User};
use crate::validate::Email;

/// Who makes a change and through which path: the actor of its audit event, and the `via` its
/// detail names when the change did not come from the command of the same name (`"import"`).
#[derive(Debug, Clone, Copy)]
pub struct ChangedBy<'a> {
    pub actor: &'a Actor,
    pub via: Option<&'static str>,
}

impl<'a> ChangedBy<'a> {
    pub fn command(actor: &'a Actor) -> ChangedBy<'a> {
        ChangedBy { actor, via: None }
    }

    pub fn import(actor: &'a Actor) -> ChangedBy<'a> {
        ChangedBy {
            actor,
            via: Some("import"),
        }
    }

    pub fn apply(actor: &'a Actor) -> ChangedBy<'a> {
        ChangedBy {
            actor,
            via: Some("apply"),
        }
    }

    /// The audit event of a change to `target`.
    pub fn event(&self, name: &'static str, target: &str, detail: serde_json::Value) -> AuditEvent {
        let mut detail = detail;
        if let (Some(via), Some(map)) = (self.via, detail.as_object_mut()) {
            map.insert("via".into(), via.into());
        }
        self.actor.event(name).on(target).with(detail)
    }
}

/// The account at `email`, or exit 7.
pub fn user_by_email(sql: &Sql<'_>, email: &Email) -> Result<User> {
    sql.user_by_email(&email.canonical)?
        .ok_or_else(|| Error::NotFound(format!("no account with email {}", email.address)))
}

/// The role named `name`, or exit 7.
pub fn role_by_name(sql: &Sql<'_>, name: &str) -> Result<Role> {
    sql.role_by_name(name)?
        .ok_or_else(|| Error::NotFound(format!("no role named {name:?}")))
}

/// Exit 6 when `user` is the last active administrator and the change would end that.
pub fn protect_last_admin(tx: &Tx<'_>, user: &User, what: &str) -> Result<()> {
    let is_admin = tx.user_role_names(user.id)?.iter().any(|r| r == ADMIN_ROLE);
    if is_admin && !user.is_disabled() && tx.active_admins()? <= 1 {
        return Err(Error::Conflict(format!(
            "{} is the last active administrator and cannot {what}",
            user.email
        )));
    }
    Ok(())
}

/// A pending email change was authorised against what the user held then; once they hold more,
/// it must not complete (it could hand their new powers to whoever asked for the change).
pub fn cancel_pending_email(tx: &Tx<'_>, user_id: i64, now: i64) -> Result<()> {
    tx.set_pending_email(user_id, None, now)?;
    tx.revoke_codes(user_id, &[Purpose::EmailChange], now)
}

/// Gives `role`; `false` when the user held it already.
pub fn grant_role(
    tx: &Tx<'_>,
    by: ChangedBy<'_>,
    user: &User,
    role: &Role,
    now: i64,
) -> Result<bool> {
    if !tx.grant_role(user.id, role.id, now)? {
        return Ok(false);
    }
    cancel_pending_email(tx, user.id, now)?;
    let detail = serde_json::json!({ "role": role.name });
    tx.append_audit(&by.event("role.granted", &user.email, detail), now)?;
    Ok(true)
}

/// Takes `role`; `false` when the user did not hold it. The last administrator keeps `admin`.
pub fn revoke_role(
    tx: &Tx<'_>,
    by: ChangedBy<'_>,
    user: &User,
    role: &Role,
    now: i64,
) -> Result<bool> {
    if role.name == ADMIN_ROLE {
        protect_last_admin(tx, user, "lose the admin role")?;
    }
    if !tx.revoke_role(user.id, role.id)? {
        return Ok(false);
    }
    let detail = serde_json::json!({ "role": role.name });
    tx.append_audit(&by.event("role.revoked", &user.email, detail), now)?;
    Ok(true)
}

/// Disables the account and ends every session and API token of it; `false` when it was
/// disabled already and nothing was left to end.
pub fn disable(tx: &Tx<'_>, by: ChangedBy<'_>, user: &User, now: i64) -> Result<bool> {
    protect_last_admin(tx, user, "be disabled")?;
    tx.set_status(user.id, Status::Disabled, now)?;
    let sessions = tx.delete_user_sessions(user.id, None)?;
    let tokens = tx.revoke_user_tokens(user.id, now)?;
    let changed = !user.is_disabled() || sessions > 0 || tokens > 0;
    if changed {
        let detail = serde_json::json!({ "sessions_ended": sessions, "tokens_revoked": tokens });
        tx.append_audit(&by.event("user.disabled", &user.email, detail), now)?;
    }
    Ok(changed)
}

/// Sets a password for the user (an administrator's): its sessions end, its API tokens and
/// reset codes die, as after a reset; with `must_change` the user owes a change of it first.
/// Returns (sessions ended, tokens revoked).
pub fn set_password(
    tx: &Tx<'_>,
    by: ChangedBy<'_>,
    user: &User,
    phc: &str,
    must_change: bool,
    now: i64,
) -> Result<(usize, usize)> {
    tx.set_password_hash(user.id, phc, now)?;
    tx.set_password_changed(user.id, now)?;
    tx.set_must_change_password(user.id, must_change, now)?;
    tx.revoke_codes(user.id, &[Purpose::Reset, Purpose::Invite], now)?;
    let sessions = tx.delete_user_sessions(user.id, None)?;
    let tokens = tx.revoke_user_tokens(user.id, now)?;
    let detail = serde_json::json!({
        "must_change": must_change, "sessions_ended": sessions, "tokens_revoked": tokens,
    });
    tx.append_audit(&by.event("password.set", &user.email, detail), now)?;
    Ok((sessions, tokens))
}

/// Whether the user must change their password before anything else; `false` when it already
/// was so.
pub fn set_must_change(
    tx: &Tx<'_>,
    by: ChangedBy<'_>,
    user: &User,
    must: bool,
    now: i64,
) -> Result<bool> {
    if user.must_change_password == must {
        return Ok(false);
    }
    tx.set_must_change_password(user.id, must, now)?;
    let detail = serde_json::json!({ "must_change": must });
    tx.append_audit(&by.event("password.must_change", &user.email, detail), now)?;
    Ok(true)
}

/// Exit 2 when an account would expire before it becomes valid.
pub fn window_in_order(valid_from: Option<i64>, expires_at: Option<i64>) -> Result<()> {
    match (valid_from, expires_at) {
        (Some(f), Some(u)) if f >= u => Err(Error::usage(
            "the account would expire before it becomes valid",
        )),
        _ => Ok(()),
    }
}

/// Sets the account's validity window; `false` when it was so already.
pub fn set_validity(
    tx: &Tx<'_>,
    by: ChangedBy<'_>,
    user: &User,
    valid_from: Option<i64>,
    expires_at: Option<i64>,
    now: i64,
) -> Result<bool> {
    if (user.valid_from, user.expires_at) == (valid_from, expires_at) {
        return Ok(false);
    }
    window_in_order(valid_from, expires_at)?;
    tx.set_validity(user.id, valid_from, expires_at, now)?;
    let detail = serde_json::json!({
        "valid_from": valid_from.map(crate::clock::rfc3339),
        "expires_at": expires_at.map(crate::clock::rfc3339),
    });
    tx.append_audit(&by.event("user.validity", &user.email, detail), now)?;
    Ok(true)
}

/// Enables a disabled account; `false` when it was active.
pub fn enable(tx: &Tx<'_>, by: ChangedBy<'_>, user: &User, now: i64) -> Result<bool> {
    tx.set_status(user.id, Status::Active, now)?;
    if !user.is_disabled() {
        return Ok(false);
    }
    tx.append_audit(
        &by.event("user.enabled", &user.email, serde_json::json!({})),
        now,
    )?;
    Ok(true)
}

/// Brings the account to `status`.
pub fn set_status(
    tx: &Tx<'_>,
    by: ChangedBy<'_>,
    user: &User,
    status: Status,
    now: i64,
) -> Result<bool> {
    match status {
        Status::Disabled => disable(tx, by, user, now),
        Status::Active => enable(tx, by, user, now),
    }
}

/// The names and attributes of an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub first_name: String,
    pub last_name: String,
    /// A JSON object, as text.
    pub attributes: String,
}

impl Profile {
    pub fn of(user: &User) -> Profile {
        Profile {
            first_name: user.first_name.clone(),
            last_name: user.last_name.clone(),
            attributes: user.attributes.clone(),
        }
    }
}

/// Replaces the names and attributes; `false` when they were already so.
pub fn update_profile(
    tx: &Tx<'_>,
    by: ChangedBy<'_>,
    user: &User,
    profile: &Profile,
    now: i64,
) -> Result<bool> {
    if *profile == Profile::of(user) {
        return Ok(false);
    }
    tx.update_profile(
        user.id,
        &profile.first_name,
        &profile.last_name,
        &profile.attributes,
        now,
    )?;
    let detail = serde_json::json!({
        "first_name": profile.first_name,
        "last_name": profile.last_name,
        "attributes": profile.attributes,
    });
    tx.append_audit(&by.event("user.updated", &user.email, detail), now)?;
    Ok(true)
}

/// Marks the address verified by an administrator's word (an import); `false` when it was.
pub fn mark_verified(tx: &Tx<'_>, by: ChangedBy<'_>, user: &User, now: i64) -> Result<bool> {
    if user.email_verified_at.is_some() {
        return Ok(false);
    }
    tx.set_email_verified(user.id, now)?;
    tx.append_audit(
        &by.event("email.verified", &user.email, serde_json::json!({})),
        now,
    )?;
    Ok(true)
}
