//! Checking a password (`authenticate`), opening a session (`login`) and ending it (`logout`).
//!
//! Failed attempts are counted per canonical email, known or not, *before* the hash is checked and
//! inside a write transaction, so parallel guessers cannot race past the limit; while an email is
//! locked no hash is checked at all. An unknown email costs one dummy Argon2id run, exactly like a
//! wrong password, and prints the same.

use std::path::Path;

use crate::accounts::mfa::{self, SecondFactor};
use crate::clock;
use crate::crypto;
use crate::error::{AUTH_FAILED, Error, Result, Unavailable};
use crate::hashes;
use crate::password::Password;
use crate::session::{self, SessionFile};
use crate::settings::Policy;
use crate::store::{AuditEvent, SessionRow, Store, Tx, User};
use crate::validate::Email;

enum Attempt {
    Locked(i64),
    /// As many checks as failures are still allowed are in flight: wait for one to finish.
    Busy,
    Go(Option<Box<User>>),
}

enum Verdict {
    Match,
    Wrong(&'static str),
    /// A stored hash that is unreadable or beyond the bounds: refused, never run.
    Refused(String),
}

/// A check whose process is still alive after this long is taken for abandoned.
const PENDING_EXPIRY: i64 = 600;
/// How long an attempt waits for checks in flight before giving up.
const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(15);

/// True while the process that began a check can still finish it (a killed one frees its place).
fn still_running(pid: i32, started_at: i64, now: i64) -> bool {
    use nix::errno::Errno;
    now - started_at <= PENDING_EXPIRY
        && match nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None) {
            Ok(()) => true,
            Err(e) => e == Errno::EPERM,
        }
}

fn locked_error(email: &Email, until: i64) -> Error {
    let left = (until - clock::now()).max(1);
    Error::unavailable(
        Unavailable::Locked {
            until: clock::rfc3339(until),
        },
        format!(
            "{} is locked after too many failed logins until {} ({} left); a password reset unlocks it",
            email.address,
            clock::rfc3339(until),
            clock::format_duration(left)
        ),
    )
}

fn event(name: &'static str, email: &Email, detail: serde_json::Value) -> AuditEvent {
    AuditEvent {
        event: name,
        target: Some(email.address.clone()),
        detail,
        ..AuditEvent::system()
    }
}

/// Counts the attempt before anything is checked; refuses while the email is locked. A check
/// may start only while confirmed failures plus checks in flight stay below the limit, so parallel
/// guessers get no more checks than one guesser, and parallel correct logins are not locked out.
fn begin_attempt(tx: &Tx<'_>, policy: &Policy, email: &Email, now: i64) -> Result<Attempt> {
    let mut t = tx.throttle(&email.canonical)?;
    if let Some(until) = t.locked_until {
        if until > now {
            let detail = serde_json::json!({ "until": clock::rfc3339(until) });
            tx.append_audit(&event("login.locked", email, detail), now)?;
            return Ok(Attempt::Locked(until));
        }
        // A lock that has run out starts a fresh count.
        t.failures = 0;
        t.locked_until = None;
    }
    t.pending
        .retain(|(pid, started)| still_running(*pid, *started, now));
    if t.failures + t.pending.len() as i64 >= policy.lockout_max_failures {
        return Ok(Attempt::Busy);
    }
    t.pending.push((std::process::id() as i32, now));
    tx.set_throttle(&email.canonical, &t, now)?;
    Ok(Attempt::Go(
        tx.user_by_email(&email.canonical)?.map(Box::new),
    ))
}

/// Records how a counted check ended; returns the lock a failure set, if any.
fn end_attempt(
    tx: &Tx<'_>,
    policy: &Policy,
    email: &Email,
    success: bool,
    now: i64,
) -> Result<Option<i64>> {
    let mut t = tx.throttle(&email.canonical)?;
    let me = std::process::id() as i32;
    if let Some(i) = t.pending.iter().position(|(pid, _)| *pid == me) {
        t.pending.remove(i);
    }
    if success {
        t.failures = 0;
        t.locked_until = None;
    } else {
        t.failures += 1;
        if t.failures >= policy.lockout_max_failures && t.locked_until.is_none() {
            t.locked_until = Some(now + policy.lockout_duration);
        }
    }
    tx.set_throttle(&email.canonical, &t, now)?;
    Ok(t.locked_until.filter(|_| !success))
}

fn verify(
    store: &Store,
    email: &Email,
    user: Option<&User>,
    password: &Password,
    policy: &Policy,
) -> Result<Verdict> {
    if let Some(User {
        password_hash: Some(phc),
        ..
    }) = user
    {
        return Ok(
            match hashes::verify_typed(password.as_bytes(), password.typed(), phc) {
                Ok(true) => Verdict::Match,
                Ok(false) => Verdict::Wrong("wrong_password"),
                Err(e) => Verdict::Refused(e.to_string()),
            },
        );
    }
    // Nothing to check against: spend what a real account's check spends, at the cost of a stored
    // hash picked by the email (the same one every time for the same email).
    let seed = u64::from_be_bytes(
        crypto::sha256(email.canonical.as_bytes())[..8]
            .try_into()
            .unwrap_or_default(),
    );
    let sample = store.sql().sample_password_hash(seed)?;
    hashes::dummy_verify_like(password.as_bytes(), sample.as_deref(), policy.hash_cost)?;
    Ok(Verdict::Wrong(if user.is_some() {
        "no_usable_password"
    } else {
        "unknown_email"
    }))
}

/// Checks the credentials, then runs `finish` in the transaction that records the success.
/// `action` names the audit events (`login`, `authenticate`).
fn check_then<T>(
    store: &mut Store,
    policy: &Policy,
    email: &Email,
    password: &Password,
    action: &'static str,
    second_factor: &mut dyn FnMut() -> Result<SecondFactor>,
    finish: impl FnOnce(&Tx<'_>, &User, i64) -> Result<T>,
) -> Result<(User, T)> {
    let started = std::time::Instant::now();
    let user = loop {
        let now = clock::now();
        match store.write(|tx| begin_attempt(tx, policy, email, now))? {
            Attempt::Locked(until) => return Err(locked_error(email, until)),
            Attempt::Go(user) => break user.map(|u| *u),
            Attempt::Busy if started.elapsed() < BUSY_WAIT => {
                std::thread::sleep(std::time::Duration::from_millis(25))
            }
            Attempt::Busy => {
                return Err(Error::unavailable(
                    Unavailable::RateLimited,
                    format!(
                        "too many logins for {} are in progress; try again",
                        email.address
                    ),
                ));
            }
        }
    };
    let verdict = verify(store, email, user.as_ref(), password, policy)?;
    let (failed_event, ok_event) = match action {
        "login" => ("login.failed", "login.ok"),
        _ => ("authenticate.failed", "authenticate.ok"),
    };
    // A failed check counts towards the lockout and says the same whatever failed.
    let fail = |store: &mut Store, reason: String, message: &str| -> Result<Error> {
        let now = clock::now();
        let locks_until = store.write(|tx| {
            let locks_until = end_attempt(tx, policy, email, false, now)?;
            let detail = serde_json::json!({ "reason": reason, "locked_until": locks_until.map(clock::rfc3339) });
            tx.append_audit(&event(failed_event, email, detail), now)?;
            Ok(locks_until)
        })?;
        Ok(match locks_until {
            Some(until) => Error::AuthFailed(format!(
                "{message}; too many failed attempts: {} is locked until {}",
                email.address,
                clock::rfc3339(until)
            )),
            None => Error::AuthFailed(message.to_string()),
        })
    };
    let user = match (verdict, user) {
        (Verdict::Match, Some(user)) => user,
        (verdict, _) => {
            let reason = match &verdict {
                Verdict::Refused(why) => why.clone(),
                Verdict::Wrong(reason) => reason.to_string(),
                Verdict::Match => "no_account".to_string(),
            };
            return Err(fail(store, reason, AUTH_FAILED)?);
        }
    };
    // The second factor, asked for only after a correct password.
    let passed = if mfa::enabled(store, user.id)? {
        let factor = match second_factor() {
            Ok(f) => f,
            Err(e) => {
                fail(store, "second_factor_missing".into(), SECOND_FACTOR_FAILED)?;
                return Err(e);
            }
        };
        match mfa::check(store, &user, &factor)? {
            Some(passed) => Some(passed),
            None => return Err(fail(store, "second_factor".into(), SECOND_FACTOR_FAILED)?),
        }
    } else {
        None
    };
    // Upgrade a weaker hash now that the password is known, never towards weaker parameters.
    let upgrade = match user
        .password_hash
        .as_deref()
        .and_then(|h| hashes::upgrade_cost(h, policy.hash_cost))
    {
        Some(cost) => Some(crypto::hash_secret(password.as_bytes(), cost)?),
        None => None,
    };
    let now = clock::now();
    let outcome = store.write(|tx| {
        // Failures of parallel attempts (wrong codes) may have locked the email meanwhile.
        if let Some(until) = tx.throttle(&email.canonical)?.locked_until.filter(|u| *u > now) {
            end_attempt(tx, policy, email, false, now)?;
            return Ok(Err(Some(locked_error(email, until))));
        }
        if let Some(passed) = passed
            && !mfa::record(tx, user.id, passed, now)?
        {
            return Ok(Err(None));
        }
        end_attempt(tx, policy, email, true, now)?;
        if let Some(phc) = &upgrade {
            tx.set_password_hash(user.id, phc, now)?;
        }
        let refusal = if user.is_disabled() {
            Some(("disabled", Error::unavailable(Unavailable::Disabled, format!("the account {} is disabled", user.email))))
        } else if policy.require_verified_email && user.email_verified_at.is_none() {
            Some((
                "email_unverified",
                Error::unavailable(
                    Unavailable::EmailUnverified,
                    format!(
                        "the email address {0} is not verified yet: run `useradm verify --email {0}` \
                         with the emailed code (a new code: `useradm verify --resend --email {0}`)",
                        user.email
                    ),
                ),
            ))
        } else {
            None
        };
        let (actor_id, actor) = (Some(user.id), Some(user.email.clone()));
        if let Some((reason, err)) = refusal {
            let e = AuditEvent { actor_id, actor, ..event(failed_event, email, serde_json::json!({ "reason": reason })) };
            tx.append_audit(&e, now)?;
            return Ok(Err(Some(err)));
        }
        let done = finish(tx, &user, now)?;
        let detail = serde_json::json!({ "hash_upgraded": upgrade.is_some() });
        tx.append_audit(&AuditEvent { actor_id, actor, ..event(ok_event, email, detail) }, now)?;
        Ok(Ok(done))
    })?;
    match outcome {
        Ok(done) => Ok((user, done)),
        Err(Some(err)) => Err(err),
        // The code was used by another login in the meantime: a replay.
        Err(None) => Err(fail(
            store,
            "second_factor_replayed".into(),
            SECOND_FACTOR_FAILED,
        )?),
    }
}

/// What a failed second factor says (the password was right; the code was not).
const SECOND_FACTOR_FAILED: &str = "wrong, expired or already used second-factor code";

/// `authenticate`: credentials only, no session.
pub fn authenticate(
    store: &mut Store,
    policy: &Policy,
    email: &Email,
    password: &Password,
    second_factor: &mut dyn FnMut() -> Result<SecondFactor>,
) -> Result<User> {
    check_then(
        store,
        policy,
        email,
        password,
        "authenticate",
        second_factor,
        |_, _, _| Ok(()),
    )
    .map(|(user, ())| user)
}

/// `login`: checks the credentials, opens a session, and writes the session file. A session this
/// file held before is ended.
pub fn login(
    store: &mut Store,
    policy: &Policy,
    email: &Email,
    password: &Password,
    session_path: &Path,
    second_factor: &mut dyn FnMut() -> Result<SecondFactor>,
) -> Result<(User, SessionRow)> {
    // The session this file held ends, but only if the file really holds its token.
    let previous = session::read(session_path)
        .ok()
        .flatten()
        .filter(|f| f.database_id == store.database_id())
        .and_then(|f| {
            store
                .sql()
                .session_by_token_hash(&session::token_hash(&f.token))
                .ok()
                .flatten()
        });
    let token = session::new_token()?;
    let (user, row) = check_then(
        store,
        policy,
        email,
        password,
        "login",
        second_factor,
        |tx, user, now| {
            if let Some(prev) = &previous {
                tx.delete_session(&prev.id)?;
            }
            let row = SessionRow {
                id: token.session_id.clone(),
                user_id: user.id,
                created_at: now,
                last_seen_at: now,
                expires_at: now.saturating_add(policy.session_ttl),
            };
            tx.insert_session(&row, &token.token_sha256)?;
            tx.set_last_login(user.id, now)?;
            Ok(row)
        },
    )?;
    let file = SessionFile {
        format: 1,
        database_id: store.database_id().to_string(),
        session_id: row.id.clone(),
        token: token.token,
        email: user.email.clone(),
    };
    if let Err(e) = session::write(session_path, &file) {
        let _ = store.write(|tx| tx.delete_session(&row.id));
        return Err(e);
    }
    Ok((user, row))
}

/// What `logout` did.
#[derive(Debug, Default)]
pub struct LoggedOut {
    pub email: Option<String>,
    pub sessions_ended: usize,
    pub file_removed: bool,
}

/// `logout`: ends the session (or, with `all`, every session of its user) and removes the file.
/// Whatever state the file is in, it cleans up and succeeds.
pub fn logout(store: &mut Store, session_path: &Path, all: bool) -> Result<LoggedOut> {
    let mut out = LoggedOut::default();
    // A refused file (readable by others, say) still names a session that must end.
    let file = match session::read(session_path) {
        Ok(file) => file,
        Err(_) => session::read_for_revocation(session_path),
    };
    let row = match file {
        Some(file) if file.database_id == store.database_id() => store
            .sql()
            .session_by_token_hash(&session::token_hash(&file.token))?,
        _ => None,
    };
    if let Some(row) = row {
        let user = store.sql().user_by_id(row.user_id)?;
        let email = user.map(|u| u.email);
        let now = clock::now();
        out.sessions_ended = store.write(|tx| {
            let n = if all {
                tx.delete_user_sessions(row.user_id, None)?
            } else {
                usize::from(tx.delete_session(&row.id)?)
            };
            tx.append_audit(
                &AuditEvent {
                    actor_id: Some(row.user_id),
                    actor: email.clone(),
                    event: "logout",
                    target: email.clone(),
                    detail: serde_json::json!({ "all": all, "sessions_ended": n }),
                },
                now,
            )?;
            Ok(n)
        })?;
        out.email = email;
    }
    out.file_removed = session::remove(session_path)?;
    Ok(out)
}
