//! Checking a password (`authenticate`), opening a session (`login`), ending it (`logout`), and
//! the fresh proof of a password that changing one's own credentials needs.
//!
//! Failed attempts are counted per canonical email, known or not, *before* the hash is checked and
//! inside a write transaction, so parallel guessers cannot race past the limit; while an email is
//! locked no hash is checked at all. An unknown email costs one dummy Argon2id run, exactly like a
//! wrong password, and prints the same.

use std::path::Path;

use crate::accounts::BUSY_WAIT;
use crate::accounts::mfa::{self, SecondFactor};
use crate::clock;
use crate::crypto;
use crate::error::{AUTH_FAILED, Error, Result, Unavailable};
use crate::gate::Actor;
use crate::hashes;
use crate::password::Password;
use crate::session::{self, SessionFile};
use crate::settings::Policy;
use crate::store::{AuditEvent, Lease, MemoryPermit, SessionRow, Store, Tx, User, Window};
use crate::validate::{Email, parse_email};

/// What a credential check is for; it names the audit events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    Login,
    /// The `authenticate` command: a script asking whether the account may be used.
    Authenticate,
    /// A logged-in user proving their password again (`passwd`, a fresh proof): audited as an
    /// authentication, and open to one who owes a password change (that is how they make it).
    Prove,
}

impl Purpose {
    fn failed_event(self) -> &'static str {
        match self {
            Purpose::Login => "login.failed",
            Purpose::Authenticate | Purpose::Prove => "authenticate.failed",
        }
    }

    fn ok_event(self) -> &'static str {
        match self {
            Purpose::Login => "login.ok",
            Purpose::Authenticate | Purpose::Prove => "authenticate.ok",
        }
    }
}

enum Attempt {
    Locked(i64),
    /// As many checks as failures are still allowed are in flight: wait for one to finish.
    Busy,
    Go(Option<Box<User>>),
}

/// What the stored hash said of the password.
enum HashVerdict {
    Match,
    Wrong(&'static str),
    /// A stored hash that is unreadable or beyond the bounds: refused, never run.
    Refused(String),
}

/// How the transaction that records a correct password ended.
enum Finish<T> {
    Done(T),
    /// The account may not be used now (locked meanwhile, disabled, unverified).
    Refused(Error),
    /// The second-factor code was used by another login in the meantime: a replay.
    Replayed,
}

/// A check still counted this long after it began is taken for abandoned (its process stopped,
/// say): longer than the slowest check the hash caps allow (an Argon2id run at m=1 GiB, t=20
/// takes well under a minute) and than a person needs to type a second-factor code.
const LEASE_EXPIRY: i64 = 180;
/// What a failed second factor says (the password was right; the code was not).
pub(crate) const SECOND_FACTOR_FAILED: &str = "wrong, expired or already used second-factor code";

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

/// Counts the attempt before anything is checked; refuses while the email is locked. A check
/// may start only while confirmed failures plus checks in flight stay below the limit, so parallel
/// guessers get no more checks than one guesser, and parallel correct logins are not locked out.
/// A check in flight whose lease died (its process is gone) or ran out counts as a failure:
/// stopping a check never buys another one.
fn begin_attempt(
    tx: &Tx<'_>,
    policy: &Policy,
    email: &Email,
    lease: &Lease,
    now: i64,
) -> Result<Attempt> {
    let mut t = tx.throttle(&email.canonical)?;
    if let Some(until) = t.locked_until {
        if until > now {
            let detail = serde_json::json!({ "until": clock::rfc3339(until) });
            let event = AuditEvent::new("login.locked")
                .on(&email.address)
                .with(detail);
            tx.append_audit(&event, now)?;
            return Ok(Attempt::Locked(until));
        }
        // A lock that has run out starts a fresh count.
        t.failures = 0;
        t.locked_until = None;
    }
    let before = t.pending.len();
    let mut alive = Vec::with_capacity(before);
    for (id, started) in t.pending.drain(..) {
        if now - started <= LEASE_EXPIRY && tx.lease_alive(&id)? {
            alive.push((id, started));
        }
    }
    t.pending = alive;
    let abandoned = before - t.pending.len();
    if abandoned > 0 {
        t.failures += abandoned as i64;
        let detail = serde_json::json!({ "reason": "check_abandoned", "checks": abandoned });
        let event = AuditEvent::new("login.failed")
            .on(&email.address)
            .with(detail);
        tx.append_audit(&event, now)?;
        if t.failures >= policy.lockout_max_failures {
            let until = now + policy.lockout_duration;
            t.locked_until = Some(until);
            tx.set_throttle(&email.canonical, &t, now)?;
            return Ok(Attempt::Locked(until));
        }
    }
    if t.failures + t.pending.len() as i64 >= policy.lockout_max_failures {
        tx.set_throttle(&email.canonical, &t, now)?;
        return Ok(Attempt::Busy);
    }
    t.pending.push((lease.id().to_string(), now));
    tx.set_throttle(&email.canonical, &t, now)?;
    Ok(Attempt::Go(
        tx.user_by_email(&email.canonical)?.map(Box::new),
    ))
}

/// Waits (up to [`BUSY_WAIT`]) until this attempt may be counted; returns the account, if any. A
/// refusal for checks in flight is audited.
fn admit_attempt(
    store: &mut Store,
    policy: &Policy,
    email: &Email,
    lease: &Lease,
) -> Result<Option<User>> {
    let started = std::time::Instant::now();
    loop {
        let now = clock::now();
        match store.write(|tx| begin_attempt(tx, policy, email, lease, now))? {
            Attempt::Locked(until) => return Err(locked_error(email, until)),
            Attempt::Go(user) => return Ok(user.map(|u| *u)),
            Attempt::Busy if started.elapsed() < BUSY_WAIT => {
                std::thread::sleep(std::time::Duration::from_millis(25))
            }
            Attempt::Busy => {
                let event = AuditEvent::new("login.busy").on(&email.address);
                store.write(|tx| tx.append_audit(&event, clock::now()))?;
                return Err(Error::unavailable(
                    Unavailable::RateLimited,
                    format!(
                        "too many logins for {} are in progress; try again",
                        email.address
                    ),
                ));
            }
        }
    }
}

/// Records how a counted check ended; returns the lock a failure set, if any.
fn end_attempt(
    tx: &Tx<'_>,
    policy: &Policy,
    email: &Email,
    lease: &Lease,
    success: bool,
    now: i64,
) -> Result<Option<i64>> {
    let mut t = tx.throttle(&email.canonical)?;
    t.pending.retain(|(id, _)| id != lease.id());
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

/// What a check runs against: the account's stored hash, or for an email without a usable
/// password, a stored hash picked by the email (the same one every time for the same email), so
/// that nothing to check against costs what real accounts' checks cost.
fn check_target(store: &Store, email: &Email, user: Option<&User>) -> Result<Option<String>> {
    if let Some(phc) = user.and_then(|u| u.password_hash.clone()) {
        return Ok(Some(phc));
    }
    let seed = u64::from_be_bytes(
        crypto::sha256(email.canonical.as_bytes())[..8]
            .try_into()
            .unwrap_or_default(),
    );
    store.sql().sample_password_hash(seed)
}

fn verify_hash(
    store: &Store,
    email: &Email,
    user: Option<&User>,
    password: &Password,
    policy: &Policy,
) -> Result<HashVerdict> {
    if let Some(User {
        password_hash: Some(phc),
        ..
    }) = user
    {
        return Ok(
            match hashes::verify_typed(password.as_bytes(), password.typed(), phc) {
                Ok(true) => HashVerdict::Match,
                Ok(false) => HashVerdict::Wrong("wrong_password"),
                Err(e) => HashVerdict::Refused(e.to_string()),
            },
        );
    }
    let sample = check_target(store, email, None)?;
    hashes::dummy_verify_like(password.as_bytes(), sample.as_deref(), policy.hash_cost)?;
    Ok(HashVerdict::Wrong(if user.is_some() {
        "no_usable_password"
    } else {
        "unknown_email"
    }))
}

/// One counted check: the email, what it is for, the policy it runs under, and its lease.
struct Check<'a> {
    policy: &'a Policy,
    email: &'a Email,
    purpose: Purpose,
    lease: Lease,
}

impl<'a> Check<'a> {
    /// Ends the attempt as a failure (towards the lockout) and says the same whatever failed.
    fn fail(&self, store: &mut Store, reason: &str, message: &str) -> Result<Error> {
        let now = clock::now();
        let email = self.email;
        let locks_until = store.write(|tx| {
            let locks_until = end_attempt(tx, self.policy, email, &self.lease, false, now)?;
            let detail = serde_json::json!({ "reason": reason, "locked_until": locks_until.map(clock::rfc3339) });
            let event = AuditEvent::new(self.purpose.failed_event()).on(&email.address).with(detail);
            tx.append_audit(&event, now)?;
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
    }

    /// The second factor, asked for only after a correct password; `None` when the account has
    /// none.
    fn second_factor(
        &self,
        store: &mut Store,
        user: &User,
        offered: &mut dyn FnMut() -> Result<SecondFactor>,
    ) -> Result<Option<mfa::Passed>> {
        if !mfa::enabled(store, user.id)? {
            return Ok(None);
        }
        let factor = match offered() {
            Ok(f) => f,
            Err(e) => {
                self.fail(store, "second_factor_missing", SECOND_FACTOR_FAILED)?;
                return Err(e);
            }
        };
        match mfa::check(store, user, &factor)? {
            Some(passed) => Ok(Some(passed)),
            None => Err(self.fail(store, "second_factor", SECOND_FACTOR_FAILED)?),
        }
    }

    /// Why the account may not be used now, if it may not.
    fn refusal(&self, user: &User) -> Option<(&'static str, Error)> {
        // A script checking a password learns it must be changed first; a login opens a session
        // that may do nothing else.
        let owed_change_refuses = self.purpose == Purpose::Authenticate;
        account_refusal(user, self.policy, owed_change_refuses, clock::now())
    }

    /// The transaction that records a correct password (and second factor): the attempt ends
    /// well, a weaker hash is upgraded, and `finish` runs, unless the account may not be used.
    fn record_success<T>(
        &self,
        tx: &Tx<'_>,
        user: &User,
        passed: Option<mfa::Passed>,
        upgrade: Option<&Upgrade>,
        finish: impl FnOnce(&Tx<'_>, &User, i64) -> Result<T>,
    ) -> Result<Finish<T>> {
        let (policy, email, now) = (self.policy, self.email, clock::now());
        // Failures of parallel attempts (wrong codes) may have locked the email meanwhile.
        if let Some(until) = tx
            .throttle(&email.canonical)?
            .locked_until
            .filter(|u| *u > now)
        {
            end_attempt(tx, policy, email, &self.lease, false, now)?;
            return Ok(Finish::Refused(locked_error(email, until)));
        }
        if let Some(passed) = passed
            && !mfa::record(tx, user.id, passed, now)?
        {
            return Ok(Finish::Replayed);
        }
        end_attempt(tx, policy, email, &self.lease, true, now)?;
        if let Some(upgrade) = upgrade {
            tx.set_password_hash(user.id, &upgrade.phc, now)?;
            if upgrade.fails_policy && !user.must_change_password {
                tx.set_must_change_password(user.id, true, now)?;
                let detail = serde_json::json!({
                    "must_change": true, "reason": "migrated_password_fails_policy",
                });
                let event = AuditEvent::new("password.must_change")
                    .by(user.id, &user.email)
                    .on(&user.email)
                    .with(detail);
                tx.append_audit(&event, now)?;
            }
        }
        if let Some((reason, err)) = self.refusal(user) {
            let detail = serde_json::json!({ "reason": reason });
            let event = AuditEvent::new(self.purpose.failed_event())
                .by(user.id, &user.email)
                .on(&email.address)
                .with(detail);
            tx.append_audit(&event, now)?;
            return Ok(Finish::Refused(err));
        }
        let done = finish(tx, user, now)?;
        if self.purpose != Purpose::Login {
            // A login records its own (`last_login_at` too).
            tx.set_last_authenticated(user.id, now)?;
        }
        let detail = serde_json::json!({ "hash_upgraded": upgrade.is_some() });
        let event = AuditEvent::new(self.purpose.ok_event())
            .by(user.id, &user.email)
            .on(&email.address)
            .with(detail);
        tx.append_audit(&event, now)?;
        Ok(Finish::Done(done))
    }

    /// Takes the host's hash memory for the check of `email`, then a lease for it: the memory
    /// first, so that a check waiting for memory is not yet counted in flight.
    fn start(
        store: &mut Store,
        policy: &'a Policy,
        email: &'a Email,
        purpose: Purpose,
    ) -> Result<(Check<'a>, MemoryPermit)> {
        let known = store.sql().user_by_email(&email.canonical)?;
        let target = check_target(store, email, known.as_ref())?;
        let stored = match known.as_ref().and_then(|u| u.password_hash.as_deref()) {
            Some(phc) => Some(phc),
            None => hashes::dummy_target(target.as_deref(), policy.hash_cost),
        };
        let kib = hashes::check_memory_kib(stored, policy.hash_cost);
        let budget = policy.check_memory_budget_kib;
        let memory = store.locks().take_memory(kib, budget, BUSY_WAIT)?;
        let lease = store.take_lease()?;
        let check = Check {
            policy,
            email,
            purpose,
            lease,
        };
        Ok((check, memory))
    }

    /// Checks the credentials, then runs `finish` in the transaction that records the success.
    fn run<T>(
        &self,
        store: &mut Store,
        password: &Password,
        second_factor: &mut dyn FnMut() -> Result<SecondFactor>,
        finish: impl FnOnce(&Tx<'_>, &User, i64) -> Result<T>,
    ) -> Result<(User, T)> {
        let user = admit_attempt(store, self.policy, self.email, &self.lease)?;
        let verdict = verify_hash(store, self.email, user.as_ref(), password, self.policy)?;
        let user = match (verdict, user) {
            (HashVerdict::Match, Some(user)) => user,
            (verdict, _) => {
                let reason = match &verdict {
                    HashVerdict::Refused(why) => why.clone(),
                    HashVerdict::Wrong(reason) => reason.to_string(),
                    HashVerdict::Match => "no_account".to_string(),
                };
                return Err(self.fail(store, &reason, AUTH_FAILED)?);
            }
        };
        let passed = self.second_factor(store, &user, second_factor)?;
        let upgrade = Upgrade::of(&user, password, self.policy)?;
        let finished =
            store.write(|tx| self.record_success(tx, &user, passed, upgrade.as_ref(), finish))?;
        match finished {
            Finish::Done(done) => Ok((user, done)),
            Finish::Refused(err) => Err(err),
            Finish::Replayed => {
                Err(self.fail(store, "second_factor_replayed", SECOND_FACTOR_FAILED)?)
            }
        }
    }
}

/// A weaker hash replaced now that the password is known (never towards weaker parameters).
struct Upgrade {
    phc: String,
    /// A password migrated from another system (a foreign hash) that today's policy refuses:
    /// accepted for this login, then owed a change.
    fails_policy: bool,
}

impl Upgrade {
    fn of(user: &User, password: &Password, policy: &Policy) -> Result<Option<Upgrade>> {
        let Some(stored) = user.password_hash.as_deref() else {
            return Ok(None);
        };
        let Some(cost) = hashes::upgrade_cost(stored, policy.hash_cost) else {
            return Ok(None);
        };
        let words = crate::password::AccountWords {
            email: &user.email,
            first_name: &user.first_name,
            last_name: &user.last_name,
        };
        let fails_policy = !stored.starts_with("$argon2")
            && matches!(
                crate::password::check_new(password.as_str(), policy, &words),
                Err(Error::Policy(_))
            );
        Ok(Some(Upgrade {
            phc: crypto::hash_secret(password.as_bytes(), cost)?,
            fails_policy,
        }))
    }
}

/// Why an account may not be used at `now`, whatever its password: disabled, outside its
/// validity window, owing a password change (where `owed_change_refuses`: a login may still open
/// a session that can only make the change), or unverified where that is required. The one home
/// of these rules, for password checks and PAM's account phase alike. Returns the audit reason
/// and the error.
pub fn account_refusal(
    user: &User,
    policy: &Policy,
    owed_change_refuses: bool,
    now: i64,
) -> Option<(&'static str, Error)> {
    let refuse = |reason, why, message: String| Some((reason, Error::unavailable(why, message)));
    if user.is_disabled() {
        let message = format!("the account {} is disabled", user.email);
        return refuse("disabled", Unavailable::Disabled, message);
    }
    if let Some(why) = crate::gate::outside_window(user, now) {
        let (reason, kind) = match user.window_at(now) {
            Window::NotYetValid => ("not_yet_valid", Unavailable::NotYetValid),
            _ => ("account_expired", Unavailable::AccountExpired),
        };
        return refuse(reason, kind, format!("the account {} {why}", user.email));
    }
    if owed_change_refuses && user.owes_password_change(policy.password_max_age, now) {
        let message = format!(
            "{} must change their password first (it was set for them, or is older than \
             password.max_age): log in and run `useradm passwd`",
            user.email
        );
        return refuse(
            "password_change_required",
            Unavailable::PasswordChangeRequired,
            message,
        );
    }
    if policy.require_verified_email && user.email_verified_at.is_none() {
        let message = format!(
            "the email address {0} is not verified yet: run `useradm verify --email {0}` \
             with the emailed code (a new code: `useradm verify --resend --email {0}`)",
            user.email
        );
        return refuse("email_unverified", Unavailable::EmailUnverified, message);
    }
    None
}

/// `authenticate`: credentials only, no session.
pub fn authenticate(
    store: &mut Store,
    policy: &Policy,
    email: &Email,
    password: &Password,
    second_factor: &mut dyn FnMut() -> Result<SecondFactor>,
) -> Result<User> {
    check_only(
        store,
        policy,
        email,
        password,
        second_factor,
        Purpose::Authenticate,
    )
}

/// A logged-in user's password (and second factor) checked again, like an authentication.
pub fn prove(
    store: &mut Store,
    policy: &Policy,
    email: &Email,
    password: &Password,
    second_factor: &mut dyn FnMut() -> Result<SecondFactor>,
) -> Result<User> {
    check_only(
        store,
        policy,
        email,
        password,
        second_factor,
        Purpose::Prove,
    )
}

fn check_only(
    store: &mut Store,
    policy: &Policy,
    email: &Email,
    password: &Password,
    second_factor: &mut dyn FnMut() -> Result<SecondFactor>,
    purpose: Purpose,
) -> Result<User> {
    let (check, _memory) = Check::start(store, policy, email, purpose)?;
    check
        .run(store, password, second_factor, |_, _, _| Ok(()))
        .map(|(user, ())| user)
}

pub use crate::gate::FRESH_PROOF;

/// A proof that the actor knows their password (and second factor, where enrolled), made within
/// [`FRESH_PROOF`]. Only this module makes one.
#[derive(Debug)]
pub struct Proof {
    _private: (),
}

/// What the actor offers to prove their password again.
#[derive(Debug)]
pub struct Reproof {
    pub password: Password,
    /// The second factor, where one is enrolled ([`SecondFactor::Session`] where none is).
    pub factor: SecondFactor,
}

/// Checks the actor's password (and `factor` where a second factor is enrolled) like a login:
/// counted before checking, towards the same lockout. Needs a login session, not a token; the
/// session's proof is fresh again afterwards.
pub fn reprove(
    store: &mut Store,
    policy: &Policy,
    actor: &Actor,
    password: &Password,
    factor: SecondFactor,
) -> Result<Proof> {
    let session_id = session_of(actor)?.id.clone();
    let email = parse_email(&actor.user.email)?;
    let mut factor = Some(factor);
    prove(store, policy, &email, password, &mut || {
        factor
            .take()
            .ok_or_else(|| Error::usage("a second-factor code is needed"))
    })?;
    let now = clock::now();
    store.write(|tx| tx.set_session_authenticated(&session_id, now))?;
    Ok(Proof { _private: () })
}

/// A fresh proof for changing the actor's own credentials: the session's own when it proved the
/// password within [`FRESH_PROOF`], else what `ask` offers (told whether a second factor is
/// enrolled), checked like a login.
pub fn fresh_proof(
    store: &mut Store,
    policy: &Policy,
    actor: &Actor,
    ask: &mut dyn FnMut(bool) -> Result<Reproof>,
) -> Result<Proof> {
    session_of(actor)?;
    if actor.proved_recently(clock::now()) {
        return Ok(Proof { _private: () });
    }
    let offered = ask(mfa::enabled(store, actor.user.id)?)?;
    reprove(store, policy, actor, &offered.password, offered.factor)
}

/// The session of an actor who must prove their password; an API token cannot.
fn session_of(actor: &Actor) -> Result<&SessionRow> {
    actor.session().map_err(|_| {
        Error::denied(
            "changing your own credentials needs a login session that proves your password: \
             an API token cannot",
        )
    })
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
    let previous = session_in_file(store, session_path);
    let token = session::new_token()?;
    let (check, _memory) = Check::start(store, policy, email, Purpose::Login)?;
    let (user, row) = check.run(store, password, second_factor, |tx, user, now| {
        let row = new_session(policy, user, &token.session_id, now);
        open_session(
            tx,
            policy,
            user,
            &row,
            previous.as_ref(),
            &token.token_sha256,
            now,
        )?;
        Ok(row)
    })?;
    write_session_file(store, session_path, &row, token.token, &user)?;
    Ok((user, row))
}

/// The session the file at `path` holds, where it really holds its token: a new login ends it.
pub(crate) fn session_in_file(store: &Store, path: &Path) -> Option<SessionRow> {
    session::read(path)
        .ok()
        .flatten()
        .filter(|f| f.database_id == store.database_id())
        .and_then(|f| {
            store
                .sql()
                .session_by_token_hash(&session::token_hash(&f.token))
                .ok()
                .flatten()
        })
}

/// A session of `user` opened at `now`, proven then, with the policy's lifetimes.
pub(crate) fn new_session(policy: &Policy, user: &User, id: &str, now: i64) -> SessionRow {
    SessionRow {
        id: id.to_string(),
        user_id: user.id,
        created_at: now,
        last_seen_at: now,
        expires_at: now.saturating_add(policy.session_ttl),
        authenticated_at: now,
        idle_deadline: Some(now.saturating_add(policy.session_idle)),
        idp: None,
        idp_mfa: false,
    }
}

/// Writes the session file of a session just opened; where it cannot be written, the session
/// ends again (no session without its file).
pub(crate) fn write_session_file(
    store: &mut Store,
    path: &Path,
    row: &SessionRow,
    token: String,
    user: &User,
) -> Result<()> {
    let file = SessionFile {
        format: 1,
        database_id: store.database_id().to_string(),
        session_id: row.id.clone(),
        token,
        email: user.email.clone(),
    };
    if let Err(e) = session::write(path, &file) {
        let _ = store.write(|tx| tx.delete_session(&row.id));
        return Err(e);
    }
    Ok(())
}

/// Opens a session for `user` (a password's login or a single sign-on): the session its file
/// held ends, the sessions beyond `session.max_per_user` end, where it runs from is recorded,
/// and the last login moves.
pub(crate) fn open_session(
    tx: &Tx<'_>,
    policy: &Policy,
    user: &User,
    row: &SessionRow,
    previous: Option<&SessionRow>,
    token_sha256: &str,
    now: i64,
) -> Result<()> {
    if let Some(prev) = previous {
        tx.delete_session(&prev.id)?;
    }
    tx.insert_session(row, token_sha256)?;
    let ended = tx.end_sessions_beyond(user.id, &row.id, policy.session_max_per_user)?;
    if !ended.is_empty() {
        let event = AuditEvent::new("session.limit")
            .by(user.id, &user.email)
            .on(&user.email)
            .with(serde_json::json!({
                "sessions_ended": ended,
                "max_per_user": policy.session_max_per_user,
            }));
        tx.append_audit(&event, now)?;
    }
    record_source(tx, user, now)?;
    tx.set_last_login(user.id, now)
}

/// Records where this login runs (host and OS user); a login of an account that has logged in
/// before, from a source it never used, is a `login.new_source` event (and a notice where
/// `notify.events` asks for it).
fn record_source(tx: &Tx<'_>, user: &User, now: i64) -> Result<()> {
    let origin = crate::origin::origin();
    let host = origin["host"].as_str().unwrap_or_default();
    let os_user = origin["os_user"].as_str().unwrap_or_default();
    if tx.record_login_source(user.id, host, os_user, now)? && user.last_login_at.is_some() {
        let event = AuditEvent::new("login.new_source")
            .by(user.id, &user.email)
            .on(&user.email);
        tx.append_audit(&event, now)?;
    }
    Ok(())
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
        let now = clock::now();
        out.sessions_ended = store.write(|tx| {
            let n = if all {
                tx.delete_user_sessions(row.user_id, None)?
            } else {
                usize::from(tx.delete_session(&row.id)?)
            };
            let mut event = AuditEvent::new("logout")
                .with(serde_json::json!({ "all": all, "sessions_ended": n }));
            if let Some(user) = &user {
                event = event.by(row.user_id, &user.email).on(&user.email);
            } else {
                event.actor_id = Some(row.user_id);
            }
            tx.append_audit(&event, now)?;
            Ok(n)
        })?;
        out.email = user.map(|u| u.email);
    }
    out.file_removed = session::remove(session_path)?;
    Ok(out)
}
