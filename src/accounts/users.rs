//! Administering accounts: `users list|show|update|disable|enable|unlock|delete`. Acting on a user
//! needs every permission that user holds (no escalation), and the last active administrator
//! cannot be disabled or deleted.

use crate::accounts::roles::{audit, protect_last_admin, user_by_email};
use crate::accounts::{UserView, code_rate_limited, prepare_code, rate_limited_error};
use crate::clock;
use crate::codes::Purpose;
use crate::error::{Error, Result};
use crate::gate::{self, Actor};
use crate::mail::{self, CodeMail, Delivery, MailConfig};
use crate::store::{Store, UserFilter};
use crate::validate::{Email, parse_name};

/// `users list`: `status` may also be `locked`, which is derived from the failure counters.
pub fn list(
    store: &Store,
    filter: &UserFilter,
    each: &mut dyn FnMut(UserView) -> Result<()>,
) -> Result<()> {
    // `locked` accounts are active ones whose lock is on: filter those after the query.
    let (status, want_locked) = match filter.status.as_deref() {
        None => (None, None),
        Some("active") => (Some("active"), Some(false)),
        Some("locked") => (Some("active"), Some(true)),
        Some("disabled") => (Some("disabled"), None),
        Some(other) => {
            return Err(Error::usage(format!(
                "unknown status {other:?}: active, disabled or locked"
            )));
        }
    };
    let sql_filter = UserFilter {
        status: status.map(str::to_string),
        ..filter.clone()
    };
    store
        .sql()
        .for_each_user(&sql_filter, |user, roles, locked_until| {
            let view = UserView::from_parts(user, roles, locked_until);
            match want_locked {
                Some(locked) if (view.status == "locked") != locked => Ok(()),
                _ => each(view),
            }
        })
}

pub fn show(store: &Store, email: &Email) -> Result<(UserView, Option<String>)> {
    let user = user_by_email(store, email)?;
    Ok((UserView::load(&store.sql(), &user)?, user.pending_email))
}

/// What `users update` was asked to change.
#[derive(Debug, Default)]
pub struct Update {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    /// `KEY=VALUE` pairs; an empty value removes the key.
    pub attributes: serde_json::Map<String, serde_json::Value>,
    pub new_email: Option<Email>,
}

#[derive(Debug)]
pub struct Updated {
    pub user: UserView,
    pub changed: bool,
    /// The confirmation code's delivery, when the email is changing.
    pub email_change: Option<Result<Delivery>>,
}

pub fn update(
    store: &mut Store,
    policy: &crate::settings::Policy,
    mail_config: Option<&MailConfig>,
    actor: &Actor,
    email: &Email,
    change: &Update,
) -> Result<Updated> {
    let user = user_by_email(store, email)?;
    gate::require_can_act_on(store, actor, &user)?;
    let first = match &change.first_name {
        Some(f) => parse_name("the first name", f)?,
        None => user.first_name.clone(),
    };
    let last = match &change.last_name {
        Some(l) => parse_name("the last name", l)?,
        None => user.last_name.clone(),
    };
    let mut attributes: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&user.attributes).unwrap_or_default();
    for (k, v) in &change.attributes {
        if v.as_str() == Some("") {
            attributes.remove(k);
        } else {
            attributes.insert(k.clone(), v.clone());
        }
    }
    let attributes_text = serde_json::Value::Object(attributes).to_string();
    let new_email = change
        .new_email
        .as_ref()
        .filter(|e| e.canonical != user.email_canonical);
    let code = new_email.map(|_| prepare_code(policy)).transpose()?;
    let profile_changed =
        first != user.first_name || last != user.last_name || attributes_text != user.attributes;
    let now = clock::now();
    store.write(|tx| {
        if profile_changed {
            tx.update_profile(user.id, &first, &last, &attributes_text, now)?;
            let detail = serde_json::json!({ "first_name": first, "last_name": last, "attributes": attributes_text });
            tx.append_audit(&audit(actor, "user.updated", &user.email, detail), now)?;
        }
        if let (Some(new), Some(code)) = (new_email, &code) {
            if code_rate_limited(tx, policy, user.id, Purpose::EmailChange, now)? {
                return Err(rate_limited_error(Purpose::EmailChange));
            }
            tx.set_pending_email(user.id, Some((&new.address, &new.canonical)), now)?;
            tx.insert_code(user.id, Purpose::EmailChange, &code.hash, &new.canonical, now, policy.code_ttl)?;
            tx.append_audit(
                &audit(actor, "email.change_requested", &user.email, serde_json::json!({ "new_email": new.address })),
                now,
            )?;
        }
        Ok(())
    })?;
    let email_change = match (new_email, &code, mail_config) {
        (Some(new), Some(code), Some(cfg)) => {
            let sent = mail::send_code(
                cfg,
                &CodeMail { to: &new.address, purpose: Purpose::EmailChange, code: &code.code, ttl_secs: policy.code_ttl },
            )
            .map_err(|e| {
                Error::MailFailed(format!(
                    "{e}. The change waits for a code: ask again with `useradm users update {} --email {}`",
                    user.email, new.address
                ))
            });
            // The old address is told, so a hijack does not go unnoticed.
            let body = format!(
                "A change of the email address of your account from\n{}\nto\n{}\nwas requested. It takes effect only when the new address\nconfirms it; until then this address keeps working.\nIf you did not ask for this, tell your administrator.\n",
                user.email, new.address
            );
            let _ = mail::send_notice(
                cfg,
                &user.email,
                "Your email address is being changed",
                body,
            );
            Some(sent)
        }
        _ => None,
    };
    let sql = store.sql();
    let fresh = sql
        .user_by_id(user.id)?
        .ok_or_else(|| Error::NotFound("the account vanished".into()))?;
    Ok(Updated {
        user: UserView::load(&sql, &fresh)?,
        changed: profile_changed || new_email.is_some(),
        email_change,
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
    let user = user_by_email(store, email)?;
    gate::require_can_act_on(store, actor, &user)?;
    let before = UserView::load(&store.sql(), &user)?;
    let now = clock::now();
    let changed = store.write(|tx| {
        let (event, changed, detail) = match action {
            Action::Disable => {
                protect_last_admin(tx, &user, "be disabled")?;
                let changed = !user.is_disabled();
                tx.set_status(user.id, "disabled", now)?;
                let sessions = tx.delete_user_sessions(user.id, None)?;
                let tokens = tx.revoke_user_tokens(user.id, now)?;
                (
                    "user.disabled",
                    changed || sessions > 0 || tokens > 0,
                    serde_json::json!({ "sessions_ended": sessions, "tokens_revoked": tokens }),
                )
            }
            Action::Enable => {
                tx.set_status(user.id, "active", now)?;
                ("user.enabled", user.is_disabled(), serde_json::json!({}))
            }
            Action::Unlock => {
                let locked = tx.throttle(&user.email_canonical)?.failures > 0;
                tx.clear_throttle(&user.email_canonical)?;
                ("user.unlocked", locked, serde_json::json!({}))
            }
            Action::Delete => {
                protect_last_admin(tx, &user, "be deleted")?;
                tx.delete_user(user.id)?;
                tx.clear_throttle(&user.email_canonical)?;
                ("user.deleted", true, serde_json::json!({ "id": user.id }))
            }
        };
        if changed {
            tx.append_audit(&audit(actor, event, &user.email, detail), now)?;
        }
        Ok(changed)
    })?;
    if action == Action::Delete {
        return Ok((before, changed));
    }
    let sql = store.sql();
    let fresh = sql
        .user_by_id(user.id)?
        .ok_or_else(|| Error::NotFound("the account vanished".into()))?;
    Ok((UserView::load(&sql, &fresh)?, changed))
}
