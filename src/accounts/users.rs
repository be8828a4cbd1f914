//! Administering accounts: `users list|show|update|disable|enable|unlock|delete`. Acting on a user
//! needs every permission that user holds (no escalation), and the last active administrator
//! cannot be disabled or deleted.

use crate::accounts::changes::{self, ChangedBy, Profile, protect_last_admin, user_by_email};
use crate::accounts::credentials::Proof;
use crate::accounts::{
    AccountState, UserView, code_rate_limited, prepare_code, rate_limited_error,
};
use crate::clock;
use crate::codes::Purpose;
use crate::crypto::{self, HashCost};
use crate::error::{Error, Result};
use crate::gate::{self, Actor};
use crate::hashes;
use crate::mail::{self, CodeMail, Delivery, MailConfig};
use crate::password::NewPassword;
use crate::permissions::USERS_MANAGE;
use crate::settings::Policy;
use crate::store::{Status, Store, Tx, User, UserFilter};
use crate::validate::{Email, parse_name};

/// Which accounts `users list` shows by state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateFilter {
    Any,
    Only(AccountState),
}

/// What `users list` filters after the query: the state (`locked` is derived from the failure
/// counters) and, with `legacy_below`, only hashes a login would upgrade to that cost.
#[derive(Debug, Clone, Copy)]
pub struct ListFilter {
    pub state: StateFilter,
    pub legacy_below: Option<HashCost>,
    /// Only accounts not authenticated since then (or never).
    pub inactive_since: Option<i64>,
    /// Only accounts whose validity ends between now and then.
    pub expiring_by: Option<i64>,
}

impl ListFilter {
    pub const ALL: ListFilter = ListFilter {
        state: StateFilter::Any,
        legacy_below: None,
        inactive_since: None,
        expiring_by: None,
    };

    /// Whether an account passes the filters on its activity and validity.
    fn lifecycle_keeps(&self, user: &User, now: i64) -> bool {
        let inactive = self
            .inactive_since
            .is_none_or(|since| user.last_authenticated_at.is_none_or(|t| t < since));
        let expiring = self
            .expiring_by
            .is_none_or(|by| user.expires_at.is_some_and(|t| t > now && t <= by));
        inactive && expiring
    }
}

/// `users list`.
pub fn list(
    store: &Store,
    filter: &UserFilter,
    then: ListFilter,
    each: &mut dyn FnMut(UserView) -> Result<()>,
) -> Result<()> {
    let state = then.state;
    let now = clock::now();
    let stored = match state {
        StateFilter::Any => None,
        StateFilter::Only(AccountState::Disabled) => Some(Status::Disabled),
        StateFilter::Only(AccountState::Active | AccountState::Locked) => Some(Status::Active),
    };
    let sql_filter = UserFilter {
        status: stored,
        ..filter.clone()
    };
    store
        .sql()
        .for_each_user(&sql_filter, |user, roles, locked_until| {
            if !then.lifecycle_keeps(&user, now) {
                return Ok(());
            }
            if let Some(policy) = then.legacy_below {
                let legacy = user
                    .password_hash
                    .as_deref()
                    .is_some_and(|h| hashes::upgrade_cost(h, policy).is_some());
                if !legacy {
                    return Ok(());
                }
            }
            let view = UserView::from_parts(&user, roles, locked_until);
            match state {
                StateFilter::Only(wanted) if view.status != wanted => Ok(()),
                _ => each(view),
            }
        })
}

pub fn show(store: &Store, email: &Email) -> Result<(UserView, Option<String>)> {
    let sql = store.sql();
    let user = user_by_email(&sql, email)?;
    Ok((UserView::load(&sql, &user)?, user.pending_email))
}

/// What `users update` was asked to change.
#[derive(Debug, Default)]
pub struct Update {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    /// `KEY=VALUE` pairs; an empty value removes the key.
    pub attributes: serde_json::Map<String, serde_json::Value>,
    pub new_email: Option<Email>,
    /// Whether the user must change their password first (`--must-change`).
    pub must_change: Option<bool>,
    /// A new start of the validity window (`Some(None)`: none).
    pub valid_from: Option<Option<i64>>,
    /// A new end of the validity window (`Some(None)`: never).
    pub expires_at: Option<Option<i64>>,
}

impl Update {
    /// The profile `user` will have after this update.
    fn profile_of(&self, user: &crate::store::User) -> Result<Profile> {
        let first_name = match &self.first_name {
            Some(f) => parse_name("the first name", f)?,
            None => user.first_name.clone(),
        };
        let last_name = match &self.last_name {
            Some(l) => parse_name("the last name", l)?,
            None => user.last_name.clone(),
        };
        let mut attributes: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&user.attributes).unwrap_or_default();
        for (k, v) in &self.attributes {
            if v.as_str() == Some("") {
                attributes.remove(k);
            } else {
                attributes.insert(k.clone(), v.clone());
            }
        }
        // The rule holds for what the account ends with (64 at most, 16 KiB), not only for
        // what this update adds.
        if !self.attributes.is_empty() {
            attributes = crate::validate::attributes(attributes)?;
        }
        Ok(Profile {
            first_name,
            last_name,
            attributes: serde_json::Value::Object(attributes).to_string(),
        })
    }
}

#[derive(Debug)]
pub struct Updated {
    pub user: UserView,
    pub changed: bool,
    /// The confirmation code's delivery, when the email is changing.
    pub email_change: Option<Result<Delivery>>,
}

/// Whether this update needs a fresh proof of the actor's password: a change of one's own email
/// address (a stolen session must not move the account to the thief's address).
pub fn update_needs_proof(actor: &Actor, email: &Email, change: &Update) -> bool {
    change.new_email.is_some() && email.canonical == actor.user.email_canonical
}

pub fn update(
    store: &mut Store,
    policy: &Policy,
    mail_config: Option<&MailConfig>,
    actor: &Actor,
    email: &Email,
    change: &Update,
    proof: Option<&Proof>,
) -> Result<Updated> {
    if update_needs_proof(actor, email, change) && proof.is_none() {
        return Err(Error::denied(
            "changing your own email address needs a fresh proof of your password",
        ));
    }
    let user = user_by_email(&store.sql(), email)?;
    gate::require_can_act_on(&store.sql(), actor, &user)?;
    let profile = change.profile_of(&user)?;
    let new_email = change
        .new_email
        .as_ref()
        .filter(|e| e.canonical != user.email_canonical);
    let code = new_email.map(|_| prepare_code(policy)).transpose()?;
    let now = clock::now();
    let by = ChangedBy::command(actor);
    let profile_changed = store.write(|tx| {
        // Checked again where they are used: the code was hashed after the first check.
        let user = recheck_target(tx, actor, user.id)?;
        let mut changed = changes::update_profile(tx, by, &user, &profile, now)?;
        if let Some(must) = change.must_change {
            changed |= changes::set_must_change(tx, by, &user, must, now)?;
        }
        if change.valid_from.is_some() || change.expires_at.is_some() {
            let from = change.valid_from.unwrap_or(user.valid_from);
            let until = change.expires_at.unwrap_or(user.expires_at);
            changed |= changes::set_validity(tx, by, &user, from, until, now)?;
        }
        if let (Some(new), Some(code)) = (new_email, &code) {
            if code_rate_limited(tx, policy, user.id, Purpose::EmailChange, now)? {
                return Err(rate_limited_error(Purpose::EmailChange));
            }
            tx.set_pending_email(user.id, Some((&new.address, &new.canonical)), now)?;
            tx.insert_code(
                user.id,
                Purpose::EmailChange,
                &code.hash,
                &new.canonical,
                now,
                policy.code_ttl,
            )?;
            let detail = serde_json::json!({ "new_email": new.address });
            tx.append_audit(
                &by.event("email.change_requested", &user.email, detail),
                now,
            )?;
        }
        Ok(changed)
    })?;
    let email_change = match (new_email, &code, mail_config) {
        (Some(new), Some(code), Some(cfg)) => {
            Some(mail_email_change(cfg, policy, &user.email, new, &code.code))
        }
        _ => None,
    };
    Ok(Updated {
        user: UserView::reload(&store.sql(), user.id)?,
        changed: profile_changed || new_email.is_some(),
        email_change,
    })
}

/// Sends the code to the new address (the old one is told by the `email_changed` notice).
fn mail_email_change(
    cfg: &MailConfig,
    policy: &Policy,
    old: &str,
    new: &Email,
    code: &str,
) -> Result<Delivery> {
    mail::send_code(
        cfg,
        &CodeMail {
            to: &new.address,
            purpose: Purpose::EmailChange,
            code,
            ttl_secs: policy.code_ttl,
        },
    )
    .map_err(|e| {
        Error::MailFailed(format!(
            "{e}. The change waits for a code: ask again with `useradm users update {old} --email {}`",
            new.address
        ))
    })
}

/// What `users disable|enable|unlock|delete` do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Disable,
    Enable,
    Unlock,
    Delete,
}

/// Applies `action`; returns the account as it was after (before, for delete) and whether
/// anything changed.
pub fn act(
    store: &mut Store,
    actor: &Actor,
    email: &Email,
    action: Action,
) -> Result<(UserView, bool)> {
    let user = user_by_email(&store.sql(), email)?;
    let before = UserView::load(&store.sql(), &user)?;
    let now = clock::now();
    let by = ChangedBy::command(actor);
    let changed = store.write(|tx| {
        let user = recheck_target(tx, actor, user.id)?;
        act_in(tx, by, &user, action, now)
    })?;
    if action == Action::Delete {
        return Ok((before, changed));
    }
    Ok((UserView::reload(&store.sql(), user.id)?, changed))
}

/// What deleting an account takes with it (shown before the confirmation).
#[derive(Debug, Clone)]
pub struct Holdings {
    pub sessions: usize,
    pub live_tokens: usize,
    pub second_factor: bool,
    pub roles: Vec<String>,
}

pub fn holdings(store: &Store, email: &Email) -> Result<Holdings> {
    let sql = store.sql();
    let user = user_by_email(&sql, email)?;
    Ok(Holdings {
        sessions: sql.sessions(Some(user.id))?.len(),
        live_tokens: sql.live_tokens(user.id, clock::now())?,
        second_factor: sql.totp(user.id)?.is_some_and(|t| t.confirmed_at.is_some()),
        roles: sql.user_role_names(user.id)?,
    })
}

/// What `users set-password` did.
#[derive(Debug, Clone, Copy)]
pub struct PasswordSet {
    pub must_change: bool,
    pub sessions_ended: usize,
    pub tokens_revoked: usize,
}

/// `users set-password`: an administrator sets an account's password (a temporary one with
/// `must_change`); hashed before the write lock, written where the right to act is checked.
pub fn set_password(
    store: &mut Store,
    policy: &Policy,
    actor: &Actor,
    email: &Email,
    password: &NewPassword,
    must_change: bool,
) -> Result<(UserView, PasswordSet)> {
    let user = user_by_email(&store.sql(), email)?;
    let phc = crypto::hash_secret(password.password().as_bytes(), policy.hash_cost)?;
    let now = clock::now();
    let by = ChangedBy::command(actor);
    let (sessions_ended, tokens_revoked) = store.write(|tx| {
        let user = recheck_target(tx, actor, user.id)?;
        changes::set_password(tx, by, &user, &phc, must_change, now)
    })?;
    let done = PasswordSet {
        must_change,
        sessions_ended,
        tokens_revoked,
    };
    Ok((UserView::reload(&store.sql(), user.id)?, done))
}

/// The account `id` as the write transaction sees it, and the actor's right to change it:
/// `users.manage` and every permission the account holds, checked where the change is written.
fn recheck_target(tx: &Tx<'_>, actor: &Actor, id: i64) -> Result<User> {
    let actor = gate::recheck(tx, actor, &[USERS_MANAGE])?;
    let user = tx
        .user_by_id(id)?
        .ok_or_else(|| Error::NotFound("the account vanished".into()))?;
    gate::require_can_act_on(tx, &actor, &user)?;
    Ok(user)
}

fn act_in(tx: &Tx<'_>, by: ChangedBy<'_>, user: &User, action: Action, now: i64) -> Result<bool> {
    match action {
        Action::Disable => changes::disable(tx, by, user, now),
        Action::Enable => changes::enable(tx, by, user, now),
        Action::Unlock => {
            let locked = tx.throttle(&user.email_canonical)?.failures > 0;
            tx.clear_throttle(&user.email_canonical)?;
            if locked {
                tx.append_audit(
                    &by.event("user.unlocked", &user.email, serde_json::json!({})),
                    now,
                )?;
            }
            Ok(locked)
        }
        Action::Delete => delete_in(tx, by, user, now).map(|()| true),
    }
}

/// Deletes an account in the caller's transaction; never the last active administrator.
pub fn delete_in(tx: &Tx<'_>, by: ChangedBy<'_>, user: &User, now: i64) -> Result<()> {
    protect_last_admin(tx, user, "be deleted")?;
    tx.delete_user(user.id)?;
    tx.clear_throttle(&user.email_canonical)?;
    let detail = serde_json::json!({ "id": user.id });
    tx.append_audit(&by.event("user.deleted", &user.email, detail), now)
}
