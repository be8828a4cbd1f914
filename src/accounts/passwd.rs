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
    credentials::authenticate(store, policy, &email, current, &mut || {
        Ok(SecondFactor::Session)
    })
    .map(|_| ())
    .map_err(|e| match e {
        Error::AuthFailed(_) => Error::AuthFailed("the current password is wrong".into()),
        other => other,
    })
}

/// Sets the new password (after `check_current`); returns how many other sessions ended.
pub fn change(
    store: &mut Store,
    policy: &Policy,
    actor: &Actor,
    new: &NewPassword,
) -> Result<usize> {
    let session_id = actor.session()?.id.clone();
    let phc = crypto::hash_secret(new.password().as_bytes(), policy.hash_cost)?;
    let now = clock::now();
    store.write(|tx| {
        tx.set_password_hash(actor.user.id, &phc, now)?;
        tx.revoke_codes(actor.user.id, &[Purpose::Reset, Purpose::Invite], now)?;
        let ended = tx.delete_user_sessions(actor.user.id, Some(&session_id))?;
        let event = actor
            .event("password.changed")
            .on(&actor.user.email)
            .with(serde_json::json!({ "other_sessions_ended": ended }));
        tx.append_audit(&event, now)?;
        Ok(ended)
    })
}
