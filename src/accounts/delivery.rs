//! Mail sent after the answer. A request whose answer must not tell whether an account exists (a
//! password reset, a fresh verification code) does the same foreground work either way: in its
//! transaction it writes one queue row with the intent (purpose, address, and the transport
//! resolved now) and answers. A deliverer then makes the code, hashes it, stores the hash and
//! sends the message, or sends nothing where there is nothing to send; the row never holds a code.
//!
//! Deliverers: the detached process a request starts once it has answered (`hand_off`), `useradm
//! mail retry`, and the next command that sends mail. A crash loses nothing: a row stays until a
//! deliverer marks it done, and a deliverer's claim on it runs out.

use crate::accounts::{code_rate_limited, prepare_code};
use crate::clock;
use crate::codes::Purpose;
use crate::error::{Error, Result};
use crate::mail::{self, CodeMail, Delivery, SecurityNotice, Transport};
use crate::settings::Policy;
use crate::store::{AuditEvent, Location, QueuedMail, Sql, Store, Tx, User};
use crate::validate::Email;

/// How long a deliverer holds a message it is sending: longer than the SMTP timeout.
const CLAIM: i64 = 120;
/// Attempts before a message is given up on.
const MAX_ATTEMPTS: i64 = 8;

/// What became of a queued message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Sent(Delivery),
    /// Nothing to send; the reason (`unknown_email`, `disabled`, …) is in the audit log.
    Skipped(&'static str),
    /// Not delivered; tried again later (or given up on after [`MAX_ATTEMPTS`]).
    Failed(String),
}

/// Whom a message of `purpose` to `email` would go to now, or why none would: the one rule the
/// request (for its audit event) and the deliverer (for what it sends) both follow.
fn addressee(
    sql: &Sql<'_>,
    policy: &Policy,
    purpose: Purpose,
    email: &Email,
    now: i64,
) -> Result<std::result::Result<User, &'static str>> {
    let user = sql.user_by_email(&email.canonical)?;
    // Counted for every address, so that both paths run the same statements.
    let recent = sql.codes_made_since(user.as_ref().map_or(0, |u| u.id), purpose, now - 3600)?;
    Ok(match user {
        None => Err("unknown_email"),
        Some(u) if u.is_disabled() => Err("disabled"),
        Some(u) if purpose == Purpose::Verify && u.email_verified_at.is_some() => {
            Err("already_verified")
        }
        Some(_) if recent >= policy.code_max_per_hour => Err("rate_limited"),
        Some(u) => Ok(u),
    })
}

/// Queues a code message in the request's transaction, with the event `requested` (the same
/// for every address but for the reason in its detail); returns the queue id.
pub fn queue(
    tx: &Tx<'_>,
    policy: &Policy,
    purpose: Purpose,
    email: &Email,
    transport: &Transport,
    requested: &'static str,
) -> Result<i64> {
    let now = clock::now();
    let transport = serde_json::to_string(transport).map_err(Error::internal)?;
    let id = tx.queue_mail(
        purpose.as_str(),
        &email.address,
        &email.canonical,
        &transport,
        now,
    )?;
    let mut detail = serde_json::json!({ "queued": id });
    if let Err(reason) = addressee(tx, policy, purpose, email, now)? {
        detail["reason"] = reason.into();
    }
    let event = AuditEvent::new(requested).on(&email.address).with(detail);
    tx.append_audit(&event, now)?;
    Ok(id)
}

/// When a message may be sent: when it is due, or at once (`mail retry`, which does not wait
/// for a failed message's next attempt).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Due,
    Now,
}

impl When {
    fn due_by(self, now: i64) -> i64 {
        match self {
            When::Due => now,
            When::Now => i64::MAX,
        }
    }
}

/// Delivers one queued message, if it is due and no other deliverer holds it.
pub fn deliver(store: &mut Store, policy: &Policy, id: i64, when: When) -> Result<Option<Outcome>> {
    let now = clock::now();
    let claim = |tx: &Tx<'_>| tx.claim_mail(id, now, when.due_by(now), now + CLAIM);
    let Some(row) = store.write(claim)? else {
        return Ok(None);
    };
    let outcome = send(store, policy, &row)?;
    let now = clock::now();
    store.write(|tx| match &outcome {
        Outcome::Sent(_) => tx.finish_mail(row.id, "sent", now),
        Outcome::Skipped(reason) => tx.finish_mail(row.id, reason, now),
        Outcome::Failed(error) if row.attempts + 1 >= MAX_ATTEMPTS => {
            tx.finish_mail(row.id, &format!("gave up: {error}"), now)
        }
        Outcome::Failed(error) => {
            let wait = 60i64.saturating_mul(1 << row.attempts.min(6));
            tx.retry_mail_later(row.id, error, now + wait)
        }
    })?;
    Ok(Some(outcome))
}

/// Delivers every message due by `when`; returns what became of each.
pub fn deliver_due(store: &mut Store, policy: &Policy, when: When) -> Result<Vec<(i64, Outcome)>> {
    let mut done = Vec::new();
    let now = clock::now();
    for id in store.sql().due_mail(now, when.due_by(now))? {
        if let Some(outcome) = deliver(store, policy, id, when)? {
            done.push((id, outcome));
        }
    }
    Ok(done)
}

/// Makes the code, stores its hash and sends the message; or says why there is nothing to send.
fn send(store: &mut Store, policy: &Policy, row: &QueuedMail) -> Result<Outcome> {
    let purpose = match row.purpose.as_str() {
        "reset" => Purpose::Reset,
        "verify" => Purpose::Verify,
        "notice" => return send_notice(store, policy, row),
        _ => return Ok(Outcome::Skipped("unknown_purpose")),
    };
    let email = Email {
        address: row.address.clone(),
        canonical: row.email_canonical.clone(),
    };
    let transport: Transport = match serde_json::from_str(&row.transport) {
        Ok(t) => t,
        Err(_) => return Ok(Outcome::Skipped("unreadable_transport")),
    };
    let code = prepare_code(policy)?;
    let now = clock::now();
    let user = store.write(|tx| {
        let user = match addressee(tx, policy, purpose, &email, now)? {
            Ok(user) => user,
            Err(reason) => return Ok(Err(reason)),
        };
        // Checked again with the write lock held: parallel deliverers make no sixth code.
        if code_rate_limited(tx, policy, user.id, purpose, now)? {
            return Ok(Err("rate_limited"));
        }
        tx.insert_code(
            user.id,
            purpose,
            &code.hash,
            &email.canonical,
            now,
            policy.code_ttl,
        )?;
        let detail = serde_json::json!({ "purpose": purpose.as_str(), "queued": row.id });
        tx.append_audit(
            &AuditEvent::new("code.sent").on(&user.email).with(detail),
            now,
        )?;
        Ok(Ok(user))
    })?;
    let user = match user {
        Ok(user) => user,
        Err(reason) => return Ok(Outcome::Skipped(reason)),
    };
    let sent = transport.resolve(&policy.mail).and_then(|cfg| {
        mail::send_code(
            &cfg,
            &CodeMail {
                to: &user.email,
                purpose,
                code: &code.code,
                ttl_secs: policy.code_ttl,
            },
        )
    });
    match sent {
        Ok(delivery) => Ok(Outcome::Sent(delivery)),
        Err(e) => {
            let undeliverable = match purpose {
                Purpose::Reset => "reset.undeliverable",
                _ => "mail.undeliverable",
            };
            let detail = serde_json::json!({ "purpose": purpose.as_str(), "error": e.to_string() });
            let event = AuditEvent::new(undeliverable).on(&user.email).with(detail);
            store.write(|tx| tx.append_audit(&event, clock::now()))?;
            Ok(Outcome::Failed(e.to_string()))
        }
    }
}

/// Sends a security notice as it was queued (no code, no addressee rule: a disabled account is
/// told it was disabled); the sending, or its failure, is audited.
fn send_notice(store: &mut Store, policy: &Policy, row: &QueuedMail) -> Result<Outcome> {
    let notice: Option<SecurityNotice> = row
        .notice
        .as_deref()
        .and_then(|text| serde_json::from_str(text).ok());
    let (Some(notice), Ok(transport)) = (notice, serde_json::from_str::<Transport>(&row.transport))
    else {
        return Ok(Outcome::Skipped("unreadable_notice"));
    };
    let sent = transport
        .resolve(&policy.mail)
        .and_then(|cfg| mail::send_notice(&cfg, &row.address, &notice));
    let (name, mut detail, outcome) = match sent {
        Ok(delivery) => (
            "notice.sent",
            serde_json::json!({}),
            Outcome::Sent(delivery),
        ),
        Err(e) => (
            "notice.undeliverable",
            serde_json::json!({ "error": e.to_string(), "attempt": row.attempts + 1 }),
            Outcome::Failed(e.to_string()),
        ),
    };
    detail["notice"] = notice.kind.into();
    detail["queued"] = row.id.into();
    let event = AuditEvent::new(name).on(&row.address).with(detail);
    store.write(|tx| tx.append_audit(&event, clock::now()))?;
    Ok(outcome)
}

/// Waits until no deliverer is sending anything (their claims end or run out), delivering what is
/// due meanwhile: `mail retry --wait`.
pub fn deliver_and_wait(store: &mut Store, policy: &Policy) -> Result<Vec<(i64, Outcome)>> {
    let mut done = deliver_due(store, policy, When::Now)?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(CLAIM as u64);
    while store.sql().mail_in_flight(clock::now())? > 0 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        done.extend(deliver_due(store, policy, When::Due)?);
    }
    Ok(done)
}

/// Whether any message is due now: a command that sends mail then hands them off too.
pub fn any_due(store: &Store) -> Result<bool> {
    let now = clock::now();
    Ok(!store.sql().due_mail(now, now)?.is_empty())
}

/// Starts a deliverer for the database at `db` that outlives this process: in a session of its
/// own, with its standard streams on /dev/null (so `$(useradm reset …)` does not wait for it). It
/// waits until this process has ended, so the answer goes out first, then delivers `id` (or
/// everything due). A failure to start it is not the request's: the row waits for the next
/// deliverer.
pub fn hand_off(db: &Location, id: Option<i64>, when: When) {
    let Some(mut cmd) = deliverer(db) else {
        return;
    };
    if let Some(id) = id {
        cmd.args(["--id", &id.to_string()]);
    }
    if when == When::Now {
        cmd.arg("--now");
    }
    let _ = cmd.spawn();
}

/// Starts a deliverer, as [`hand_off`] does, that tells the owner of `token` it ends soon (a
/// mail server can take seconds: the command that used the token does not wait for it).
pub fn hand_off_token_reminder(db: &Location, token: &str) {
    if let Some(mut cmd) = deliverer(db) {
        let _ = cmd.args(["--token-reminder", token]).spawn();
    }
}

/// `useradm mail deliver` for the database at `db`, waiting for this process, its streams on
/// /dev/null.
fn deliverer(db: &Location) -> Option<std::process::Command> {
    let exe = std::env::current_exe().ok()?;
    let db = match db {
        Location::File(path) => std::path::absolute(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .into_os_string(),
        Location::Server(url) => url.text.clone().into(),
    };
    let mut cmd = std::process::Command::new(exe);
    cmd.arg("--db")
        .arg(db)
        .args(["--no-input", "--quiet", "mail", "deliver", "--after-pid"])
        .arg(std::process::id().to_string())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    Some(cmd)
}

/// What the deliverer a request started does first: leave the request's session (a closing
/// terminal must not end it), then wait (up to 10 s) for the request to have answered and ended.
pub fn detach_and_wait_for(parent: u32) {
    let _ = nix::unistd::setsid();
    let parent = i32::try_from(parent).unwrap_or(0);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while nix::unistd::getppid().as_raw() == parent && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}
