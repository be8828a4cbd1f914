//! `verify`: confirm an email address with its code, or ask for a fresh code.

use crate::accounts::{Lookup, UserView, delivery, redeem_code};
use crate::codes::Purpose;
use crate::error::Result;
use crate::mail::Transport;
use crate::settings::Policy;
use crate::store::{AuditEvent, Store};
use crate::validate::Email;

/// Confirms the address with the code sent to it: an account's own address, or a new address
/// waiting to replace one (then it becomes the account's address). The code is checked before
/// anything is said of the account: a wrong code reads the same whether the address has an
/// account, a verified one, or none.
pub fn confirm(
    store: &mut Store,
    policy: &Policy,
    email: &Email,
    typed_code: &str,
) -> Result<UserView> {
    let sql = store.sql();
    let owner = sql.user_by_email(&email.canonical)?;
    let changing = owner.is_none() && sql.user_by_pending_email(&email.canonical)?.is_some();
    let user_id = if changing {
        redeem_code(
            store,
            policy,
            email,
            Lookup::PendingEmail,
            &[Purpose::EmailChange],
            typed_code,
            |tx, user, _, now| {
                tx.apply_pending_email(user.id, now)?;
                tx.revoke_codes(
                    user.id,
                    &[Purpose::Verify, Purpose::Reset, Purpose::Invite],
                    now,
                )?;
                let event = AuditEvent::new("email.changed")
                    .by(user.id, &user.email)
                    .on(&email.address)
                    .with(serde_json::json!({ "from": user.email, "to": email.address }));
                tx.append_audit(&event, now)?;
                Ok(user.id)
            },
        )?
    } else {
        redeem_code(
            store,
            policy,
            email,
            Lookup::Email,
            &[Purpose::Verify],
            typed_code,
            |tx, user, _, now| {
                tx.set_email_verified(user.id, now)?;
                let event = AuditEvent::new("email.verified")
                    .by(user.id, &user.email)
                    .on(&user.email);
                tx.append_audit(&event, now)?;
                Ok(user.id)
            },
        )?
    };
    UserView::reload(&store.sql(), user_id)
}

/// Asks for a fresh code (the older one stops working once it is made): queued for delivery after
/// the answer, like a reset request, so the answer never tells whether the address has an account
/// waiting for verification. Returns the queue id.
pub fn resend(
    store: &mut Store,
    policy: &Policy,
    transport: &Transport,
    email: &Email,
) -> Result<i64> {
    store.write(|tx| {
        delivery::queue(
            tx,
            policy,
            Purpose::Verify,
            email,
            transport,
            "verify.requested",
        )
    })
}
