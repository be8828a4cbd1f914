//! Retention of operational rows: what is kept only while it serves (ended sessions, used or
//! expired codes, delivered or dead mail, the failure counters of unknown addresses) is purged
//! after `retention.operational`, by the first write transaction of each day. The audit log is
//! kept for the life of the store.

use super::engine::params;
use super::{AuditEvent, Sql, Tx};
use crate::error::Result;

/// How often the purge runs at most, in seconds.
const EVERY: i64 = 86_400;

/// What one purge removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    pub sessions: usize,
    pub codes: usize,
    pub mail: usize,
    pub counters: usize,
}

impl Purged {
    pub fn total(&self) -> usize {
        self.sessions + self.codes + self.mail + self.counters
    }
}

/// The rule itself, one `FROM … WHERE` per kind of row (`?1`: the cutoff): the purge deletes what
/// these select, and `doctor` counts it, so the two never disagree.
const SESSIONS: &str = "sessions WHERE expires_at < ?1 OR idle_until < ?1";
const CODES: &str = "one_time_codes WHERE expires_at < ?1 OR used_at < ?1 OR revoked_at < ?1";
const MAIL: &str = "mail_queue WHERE done_at < ?1";
const COUNTERS: &str = "login_failures
  WHERE updated_at < ?1 AND pending = '[]'
    AND (locked_until IS NULL OR locked_until < ?1)
    AND NOT EXISTS (SELECT 1 FROM users u
                     WHERE u.email_canonical = login_failures.email_canonical)";

impl Sql<'_> {
    /// What the purge would remove at `now`, and the age it keeps (seconds): rows still here
    /// that are past `retention.operational`.
    pub fn past_retention(&self, now: i64) -> Result<(Purged, i64)> {
        let keep = self.retention()?;
        let count = |rule: &str| -> Result<usize> {
            let n = self.one(
                &format!("SELECT count(*) FROM {rule}"),
                params![now - keep],
                |r| r.int(0),
            )?;
            Ok(usize::try_from(n).unwrap_or(0))
        };
        let purged = Purged {
            sessions: count(SESSIONS)?,
            codes: count(CODES)?,
            mail: count(MAIL)?,
            counters: count(COUNTERS)?,
        };
        Ok((purged, keep))
    }

    /// `retention.operational` in seconds, as stored (its default where unset or unreadable).
    fn retention(&self) -> Result<i64> {
        let def = crate::settings::definition(RETENTION_KEY)?;
        let stored: Option<String> = self.first(
            "SELECT value FROM settings WHERE key = ?1",
            params![RETENTION_KEY],
            |r| r.text(0),
        )?;
        let text = stored
            .and_then(|v| crate::settings::validate(def, &v).ok())
            .unwrap_or_else(|| def.default.to_string());
        Ok(crate::clock::parse_duration(&text).unwrap_or(30 * 86_400))
    }
}

impl Tx<'_> {
    /// Purges the rows older than `before` that only served while they were live. The one purge
    /// of the store: [`Tx::purge_retained`] calls it.
    fn purge_operational(&self, before: i64) -> Result<Purged> {
        let delete = |rule: &str| self.exec(&format!("DELETE FROM {rule}"), params![before]);
        Ok(Purged {
            sessions: delete(SESSIONS)?,
            codes: delete(CODES)?,
            mail: delete(MAIL)?,
            counters: delete(COUNTERS)?,
        })
    }

    /// Runs the purge when the last one is a day old or more.
    /// `last` is when it last ran (0: never), as the transaction read it when it began.
    pub(super) fn purge_if_due(&self, last: i64, now: i64) -> Result<()> {
        if now - last < EVERY {
            return Ok(());
        }
        self.purge_retained(now, AuditEvent::new("retention.purged"))
            .map(|_| ())
    }

    /// The retention rule, run now: purges what is past `retention.operational`, notes the run
    /// (the daily one then waits a day), and records what it removed as `event`
    /// (`retention.purged`; an administrator's `doctor --fix` names its actor).
    pub fn purge_retained(&self, now: i64, event: AuditEvent) -> Result<Purged> {
        let keep = self.retention()?;
        let purged = self.purge_operational(now - keep)?;
        self.set_meta("purged_at", &now.to_string())?;
        if purged.total() > 0 {
            let detail = serde_json::json!({
                "older_than_days": keep / 86_400,
                "sessions": purged.sessions, "codes": purged.codes,
                "mail": purged.mail, "failure_counters": purged.counters,
            });
            self.append_audit(&event.with(detail), now)?;
        }
        Ok(purged)
    }
}

const RETENTION_KEY: &str = "retention.operational";
