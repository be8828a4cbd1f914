//! `reset`: ask for a reset code by email, then set a new password with it.
//!
//! A request answers the same, and does the same work, whether the account exists, is
//! rate-limited, disabled, or the mail fails: it queues the intent and answers; the code is made
//! and sent after the answer (`delivery`). What really happened goes to the audit log.

use crate::accounts::{Lookup, delivery, redeem_code};
use crate::codes::Purpose;
use crate::crypto;
use crate::error::Result;
use crate::mail::Transport;
use crate::password::{self, AccountWords, NewPassword};
use crate::settings::Policy;
use crate::store::{AuditEvent, Store};
use crate::validate::Email;

/// Requests a reset code: queues it for delivery after the answer; returns the queue id. Never
/// fails for reasons that would tell whether the account exists.
pub fn request(
    store: &mut Store,
    policy: &Policy,
    transport: &Transport,
    email: &Email,
) -> Result<i64> {
    store.write(|tx| {
        delivery::queue(
            tx,
            policy,
            Purpose::Reset,
            email,
            transport,
            "reset.requested",
        )
    })
}

/// What a completed reset ended.
#[derive(Debug, Clone, Copy)]
pub struct ResetDone {
    pub sessions_ended: usize,
    pub tokens_revoked: usize,
    /// The code was an invitation's: the account's first password.
    pub first_password: bool,
}

/// Sets a new password with a reset (or invitation) code: ends every session and revokes every
/// API token (a forgotten password may mean a compromised account), unlocks the account, and
/// marks the address verified (the code proved it receives mail). A second factor stays: an
/// administrator removes it (`users reset-2fa`).
pub fn confirm(
    store: &mut Store,
    policy: &Policy,
    email: &Email,
    typed_code: &str,
    password: &NewPassword,
) -> Result<ResetDone> {
    let phc = crypto::hash_secret(password.password().as_bytes(), policy.hash_cost)?;
    redeem_code(
        store,
        policy,
        email,
        Lookup::Email,
        &[Purpose::Reset, Purpose::Invite],
        typed_code,
        |tx, user, purpose, now| {
            // Judged against the account's names only now, so a wrong code never reveals them; a
            // rejection rolls back and leaves the code usable.
            let words = AccountWords {
                email: &user.email,
                first_name: &user.first_name,
                last_name: &user.last_name,
            };
            password::check_new(password.password().as_str(), policy, &words)?;
            tx.set_chosen_password(user.id, &phc, now)?;
            tx.set_email_verified(user.id, now)?;
            tx.revoke_codes(user.id, &[Purpose::Reset, Purpose::Invite], now)?;
            tx.clear_throttle(&user.email_canonical)?;
            let done = ResetDone {
                sessions_ended: tx.delete_user_sessions(user.id, None)?,
                tokens_revoked: tx.revoke_user_tokens(user.id, now)?,
                first_password: purpose == Purpose::Invite,
            };
            let name = match done.first_password {
                true => "invitation.accepted",
                false => "reset.completed",
            };
            let event = AuditEvent::new(name)
                .by(user.id, &user.email)
                .on(&user.email)
                .with(serde_json::json!({
                    "sessions_ended": done.sessions_ended,
                    "tokens_revoked": done.tokens_revoked,
                }));
            tx.append_audit(&event, now)?;
            Ok(done)
        },
    )
}
