//! `passwd`: change one's own password. The current password is checked like a login (counted
//! before checking, towards the same lockout), and every other session of the user ends.

use crate::accounts::credentials;
use crate::accounts::mfa::SecondFactor;
use crate::clock;
use crate::codes::Purpose;
use crate::crypto;
use crate::error::{Error, Result};
use crate::gate::Actor;
use crate::password::{NewPassword, Password};
use crate::settings::Policy;
use crate::store::Store;
use crate::validate::parse_email;

/// Checks the current password first, so a wrong one is exit 3 whatever the new one is.
pub fn check_current(
    store: &mut Store,
    policy: &Policy,
    actor: &Actor,
    current: &Password,
) -> Result<()> {
    actor.session()?;
    let email = parse_email(&actor.user.email)?;
    credentials::prove(store, policy, &email, current, &mut || {
        Ok(SecondFactor::Session)
    })
    .map(|_| ())
    .map_err(|e| match e {
        Error::AuthFailed(_) => Error::AuthFailed("the current password is wrong".into()),
        other => other,
    })
}

/// How many of the actor's API tokens still work: `passwd` says so, and asks whether to revoke
/// them.
pub fn live_tokens(store: &Store, actor: &Actor) -> Result<usize> {
    store.sql().live_tokens(actor.user.id, clock::now())
}

/// What a password change ended, and what it left working.
#[derive(Debug, Clone, Copy)]
pub struct Changed {
    pub other_sessions_ended: usize,
    pub tokens_revoked: usize,
    pub tokens_left: usize,
}

/// Sets the new password (after `check_current`): the other sessions end; the API tokens too
/// when `revoke_tokens` (rotating a password must not break CI unless asked to).
pub fn change(
    store: &mut Store,
    policy: &Policy,
    actor: &Actor,
    new: &NewPassword,
    revoke_tokens: bool,
) -> Result<Changed> {
    let session_id = actor.session()?.id.clone();
    let phc = crypto::hash_secret(new.password().as_bytes(), policy.hash_cost)?;
    let now = clock::now();
    store.write(|tx| {
        tx.set_chosen_password(actor.user.id, &phc, now)?;
        tx.revoke_codes(actor.user.id, &[Purpose::Reset, Purpose::Invite], now)?;
        let other_sessions_ended = tx.delete_user_sessions(actor.user.id, Some(&session_id))?;
        let tokens_revoked = if revoke_tokens {
            tx.revoke_user_tokens(actor.user.id, now)?
        } else {
            0
        };
        let event = actor
            .event("password.changed")
            .on(&actor.user.email)
            .with(serde_json::json!({
                "other_sessions_ended": other_sessions_ended,
                "tokens_revoked": tokens_revoked,
            }));
        tx.append_audit(&event, now)?;
        Ok(Changed {
            other_sessions_ended,
            tokens_revoked,
            tokens_left: tx.live_tokens(actor.user.id, now)?,
        })
    })
}
