//! The `mail_queue` table: mail a command promised and delivers after answering. A row holds the
//! intent (purpose, address, the transport resolved at request time), never a code; a security
//! notice also holds what it tells.

use super::engine::{Row, params};

use super::{AuditEvent, Sql, Tx};
use crate::error::Result;

/// A security notice an audit event calls for: to whom, and what it tells (JSON, never a secret).
#[derive(Debug, Clone)]
pub struct Notice {
    pub address: String,
    pub email_canonical: String,
    pub notice: String,
}

/// The notices an audit event calls for.
pub type NoticesOf = Box<dyn Fn(&AuditEvent) -> Vec<Notice> + Send + Sync>;

/// Turns audit events into queued notices. The command layer, which knows the policy and the
/// transport, hands it to the store; the store queues the notices in the transaction of the
/// event that called for them, so that every path that writes the event notifies (commands,
/// import, both engines), and a rolled-back change notifies no one.
pub struct Notifier {
    /// The transport, as JSON, resolved by the process that queues the notices.
    pub transport: String,
    pub notices: NoticesOf,
    /// Runs once after a commit that queued notices: starts a deliverer.
    pub after_commit: Box<dyn Fn() + Send + Sync>,
}

/// One queued message.
#[derive(Debug, Clone)]
pub struct QueuedMail {
    pub id: i64,
    pub purpose: String,
    pub address: String,
    pub email_canonical: String,
    /// JSON: how to send it, as resolved when it was asked for.
    pub transport: String,
    pub created_at: i64,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub claimed_until: Option<i64>,
    pub last_error: Option<String>,
    /// What a security notice tells (JSON); `None` for a code message.
    pub notice: Option<String>,
}

/// The columns `from_row` reads, in its order.
macro_rules! mail_columns {
    () => {
        "id, purpose, address, email_canonical, transport, created_at, attempts, \
         next_attempt_at, claimed_until, last_error, notice"
    };
}

fn from_row(r: &Row<'_, '_>) -> Result<QueuedMail> {
    Ok(QueuedMail {
        id: r.int(0)?,
        purpose: r.text(1)?,
        address: r.text(2)?,
        email_canonical: r.text(3)?,
        transport: r.text(4)?,
        created_at: r.int(5)?,
        attempts: r.int(6)?,
        next_attempt_at: r.int(7)?,
        claimed_until: r.opt_int(8)?,
        last_error: r.opt_text(9)?,
        notice: r.opt_text(10)?,
    })
}

impl Sql<'_> {
    /// Every message not delivered yet (nor given up on), oldest first.
    pub fn waiting_mail(&self) -> Result<Vec<QueuedMail>> {
        self.all(
            concat!(
                "SELECT ",
                mail_columns!(),
                " FROM mail_queue WHERE done_at IS NULL ORDER BY id"
            ),
            &[],
            from_row,
        )
    }

    /// Ids of the messages due by `due_by` and not being sent by anyone at `now`.
    pub fn due_mail(&self, now: i64, due_by: i64) -> Result<Vec<i64>> {
        self.all(
            "SELECT id FROM mail_queue WHERE done_at IS NULL AND next_attempt_at <= ?2
                AND (claimed_until IS NULL OR claimed_until < ?1) ORDER BY id",
            params![now, due_by],
            |r| r.int(0),
        )
    }

    /// How many messages a deliverer is sending right now.
    pub fn mail_in_flight(&self, now: i64) -> Result<i64> {
        self.one(
            "SELECT count(*) FROM mail_queue WHERE done_at IS NULL AND claimed_until >= ?1",
            params![now],
            |r| r.int(0),
        )
    }
}

impl Tx<'_> {
    /// Drops the mail still waiting (a restore: its codes are revoked); returns how many.
    pub fn drop_waiting_mail(&self) -> Result<usize> {
        self.exec("DELETE FROM mail_queue WHERE done_at IS NULL", &[])
    }
}

impl Tx<'_> {
    /// Queues a message; returns its id.
    pub fn queue_mail(
        &self,
        purpose: &str,
        address: &str,
        email_canonical: &str,
        transport: &str,
        now: i64,
    ) -> Result<i64> {
        self.one(
            "INSERT INTO mail_queue (purpose, address, email_canonical, transport, created_at, next_attempt_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5) RETURNING id",
            params![purpose, address, email_canonical, transport, now],
            |r| r.int(0),
        )
    }

    /// Queues the notices `e` calls for, if this transaction has a notifier.
    pub(super) fn queue_notices(&self, e: &AuditEvent, now: i64) -> Result<()> {
        let Some((notifier, queued)) = self.notices else {
            return Ok(());
        };
        for n in (notifier.notices)(e) {
            self.exec(
                "INSERT INTO mail_queue (purpose, address, email_canonical, transport, created_at,
                                         next_attempt_at, notice)
                 VALUES ('notice', ?1, ?2, ?3, ?4, ?4, ?5)",
                params![
                    &n.address,
                    &n.email_canonical,
                    &notifier.transport,
                    now,
                    &n.notice
                ],
            )?;
            queued.set(true);
        }
        Ok(())
    }

    /// Takes a message due by `due_by` for sending until `until`; `None` when it is done, not due,
    /// or another deliverer holds it.
    pub fn claim_mail(
        &self,
        id: i64,
        now: i64,
        due_by: i64,
        until: i64,
    ) -> Result<Option<QueuedMail>> {
        let claimed = self.exec(
            "UPDATE mail_queue SET claimed_until = ?4
              WHERE id = ?1 AND done_at IS NULL AND next_attempt_at <= ?3
                AND (claimed_until IS NULL OR claimed_until < ?2)",
            params![id, now, due_by, until],
        )?;
        if claimed == 0 {
            return Ok(None);
        }
        self.first(
            concat!("SELECT ", mail_columns!(), " FROM mail_queue WHERE id = ?1"),
            params![id],
            from_row,
        )
    }

    /// Ends a message: sent, or nothing to send (`outcome` says which).
    pub fn finish_mail(&self, id: i64, outcome: &str, now: i64) -> Result<()> {
        self.exec(
            "UPDATE mail_queue SET done_at = ?2, outcome = ?3, claimed_until = NULL,
                    attempts = attempts + 1 WHERE id = ?1",
            params![id, now, outcome],
        )?;
        Ok(())
    }

    /// Records a failed attempt; the message is tried again at `retry_at`.
    pub fn retry_mail_later(&self, id: i64, error: &str, retry_at: i64) -> Result<()> {
        self.exec(
            "UPDATE mail_queue SET attempts = attempts + 1, last_error = ?2,
                    next_attempt_at = ?3, claimed_until = NULL WHERE id = ?1",
            params![id, error, retry_at],
        )?;
        Ok(())
    }
}
