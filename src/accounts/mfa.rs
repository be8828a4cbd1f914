//! The second factor: TOTP enrolment, recovery codes, and the check that `login` and
//! `authenticate` run after a correct password. Secrets live in the database (see the README's
//! threat model); recovery codes are stored only as Argon2id hashes.

use crate::accounts::changes::user_by_email;
use crate::accounts::credentials::Proof;
use crate::clock;
use crate::codes;
use crate::crypto;
use crate::error::{Error, Result};
use crate::gate::{self, Actor};
use crate::settings::Policy;
use crate::store::{Store, Tx, User};
use crate::totp;
use crate::validate::Email;

const RECOVERY_CODES: usize = 10;
const RECOVERY_LENGTH: usize = 10;

/// What a person offers as a second factor.
#[derive(Debug, Clone)]
pub enum SecondFactor {
    Code(String),
    Recovery(String),
    /// The actor's login session passed a second factor already (re-checking a password).
    Session,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Enrolment {
    pub secret: String,
    pub uri: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Status {
    pub enabled: bool,
    pub pending: bool,
    pub recovery_codes_left: usize,
}

/// True when the user has a confirmed second factor.
pub fn enabled(store: &Store, user_id: i64) -> Result<bool> {
    Ok(store
        .sql()
        .totp(user_id)?
        .is_some_and(|t| t.confirmed_at.is_some()))
}

/// How long a pending enrolment's secret is offered again: a second run after a mistyped code
/// shows the secret already scanned, not a new one to scan.
const PENDING_REUSED_FOR: i64 = 600;

/// Starts an enrolment, once the actor proved their password afresh: a secret not active until a
/// code confirms it. One this session began in the last 10 minutes is offered again; any other
/// is replaced.
pub fn begin(store: &mut Store, actor: &Actor, _proof: &Proof) -> Result<Enrolment> {
    let session = actor.session()?;
    let now = clock::now();
    match store.sql().totp(actor.user.id)? {
        Some(t) if t.confirmed_at.is_some() => {
            return Err(Error::Conflict(
                "a second factor is already enabled: `useradm 2fa disable` first".into(),
            ));
        }
        Some(t)
            if now - t.created_at < PENDING_REUSED_FOR
                && t.session_id.as_deref() == Some(session.id.as_str()) =>
        {
            return Ok(Enrolment {
                uri: totp::uri(&actor.user.email, &t.secret),
                secret: t.secret,
            });
        }
        _ => {}
    }
    let secret = totp::new_secret()?;
    store.write(|tx| {
        tx.set_pending_totp(actor.user.id, &secret, &session.id, now)?;
        tx.append_audit(
            &actor.event("mfa.enrolment_started").on(&actor.user.email),
            now,
        )
    })?;
    Ok(Enrolment {
        uri: totp::uri(&actor.user.email, &secret),
        secret,
    })
}

fn new_recovery_codes(policy: &Policy) -> Result<(Vec<String>, Vec<String>)> {
    let mut shown = Vec::new();
    let mut hashes = Vec::new();
    for _ in 0..RECOVERY_CODES {
        let code = crypto::random_chars(codes::ALPHABET, RECOVERY_LENGTH)?;
        hashes.push(crypto::hash_secret(code.as_bytes(), policy.hash_cost)?);
        shown.push(format!("{}-{}", &code[..5], &code[5..]));
    }
    Ok((shown, hashes))
}

/// Confirms the pending enrolment with a current code, once the actor proved their password
/// afresh; returns the recovery codes (shown once).
pub fn confirm(
    store: &mut Store,
    policy: &Policy,
    actor: &Actor,
    typed: &str,
    _proof: &Proof,
) -> Result<Vec<String>> {
    actor.session()?;
    let pending = store
        .sql()
        .totp(actor.user.id)?
        .filter(|t| t.confirmed_at.is_none())
        .ok_or_else(|| {
            Error::NotFound("no enrolment is waiting: run `useradm 2fa enable` first".into())
        })?;
    let now = clock::now();
    let step = totp::matching_step(&pending.secret, typed, now)?.ok_or_else(|| {
        Error::AuthFailed("wrong code: check the authenticator's clock and try again".into())
    })?;
    let (shown, hashes) = new_recovery_codes(policy)?;
    store.write(|tx| {
        tx.confirm_totp(actor.user.id, now)?;
        tx.use_totp_step(actor.user.id, step)?;
        tx.replace_recovery_codes(actor.user.id, &hashes, now)?;
        tx.append_audit(&actor.event("mfa.enabled").on(&actor.user.email), now)
    })?;
    Ok(shown)
}

pub fn status(store: &Store, user_id: i64) -> Result<Status> {
    let row = store.sql().totp(user_id)?;
    Ok(Status {
        enabled: row.as_ref().is_some_and(|t| t.confirmed_at.is_some()),
        pending: row.as_ref().is_some_and(|t| t.confirmed_at.is_none()),
        recovery_codes_left: store.sql().recovery_codes(user_id)?.len(),
    })
}

/// New recovery codes, once the password and a current code were proven again; the old codes
/// stop working.
pub fn regenerate(
    store: &mut Store,
    policy: &Policy,
    actor: &Actor,
    _proof: &Proof,
) -> Result<Vec<String>> {
    let (shown, hashes) = new_recovery_codes(policy)?;
    let now = clock::now();
    store.write(|tx| {
        tx.replace_recovery_codes(actor.user.id, &hashes, now)?;
        tx.append_audit(
            &actor
                .event("mfa.recovery_codes_regenerated")
                .on(&actor.user.email),
            now,
        )
    })?;
    Ok(shown)
}

/// Removes the second factor, once the password and a current code (or recovery code) were
/// proven again.
pub fn disable(store: &mut Store, actor: &Actor, _proof: &Proof) -> Result<()> {
    let now = clock::now();
    store.write(|tx| {
        tx.delete_totp(actor.user.id)?;
        tx.append_audit(&actor.event("mfa.disabled").on(&actor.user.email), now)
    })
}

/// An administrator removes a user's second factor (a lost phone).
pub fn reset_for(store: &mut Store, actor: &Actor, email: &Email) -> Result<bool> {
    let user = user_by_email(&store.sql(), email)?;
    gate::require_can_act_on(&store.sql(), actor, &user)?;
    let had = store.sql().totp(user.id)?.is_some();
    let now = clock::now();
    store.write(|tx| {
        let actor = gate::recheck(tx, actor, &[crate::permissions::USERS_MANAGE])?;
        gate::require_can_act_on(tx, &actor, &user)?;
        tx.delete_totp(user.id)?;
        tx.append_audit(
            &actor
                .event("mfa.reset")
                .on(&user.email)
                .with(serde_json::json!({ "had_second_factor": had })),
            now,
        )
    })?;
    Ok(had)
}

/// A second-factor check that passed, to be recorded in the login's transaction.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Passed {
    Step(i64),
    Recovery(i64),
    Session,
}

/// Checks a second factor against the user's enrolment (outside the write lock).
pub(crate) fn check(store: &Store, user: &User, factor: &SecondFactor) -> Result<Option<Passed>> {
    let Some(totp_row) = store
        .sql()
        .totp(user.id)?
        .filter(|t| t.confirmed_at.is_some())
    else {
        return Ok(None);
    };
    match factor {
        SecondFactor::Session => Ok(Some(Passed::Session)),
        SecondFactor::Code(typed) => {
            let step = totp::matching_step(&totp_row.secret, typed, clock::now())?;
            Ok(step
                .filter(|s| totp_row.last_step.is_none_or(|last| *s > last))
                .map(Passed::Step))
        }
        SecondFactor::Recovery(typed) => {
            let Some(normalised) = codes::normalise(typed, RECOVERY_LENGTH) else {
                return Ok(None);
            };
            for (id, hash) in store.sql().recovery_codes(user.id)? {
                if crypto::verify_secret(normalised.as_bytes(), &hash).unwrap_or(false) {
                    return Ok(Some(Passed::Recovery(id)));
                }
            }
            Ok(None)
        }
    }
}

/// Records a passed check; `false` when another process used the step or code first (replay).
pub(crate) fn record(tx: &Tx<'_>, user_id: i64, passed: Passed, now: i64) -> Result<bool> {
    match passed {
        Passed::Step(step) => tx.use_totp_step(user_id, step),
        Passed::Recovery(id) => tx.use_recovery_code(id, now),
        Passed::Session => Ok(true),
    }
}
