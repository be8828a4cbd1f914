//! Retention of operational rows: what is kept only while it serves (ended sessions, used or
//! expired codes, delivered or dead mail, the failure counters of unknown addresses) is purged
//! after `retention.operational`, by the first write transaction of each day. The audit log is
//! kept for the life of the store.

use super::Tx;
use super::engine::params;
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
    fn total(&self) -> usize {
        self.sessions + self.codes + self.mail + self.counters
    }
}

impl Tx<'_> {
    /// Purges the rows older than `before` that only served while they were live. The one purge
    /// of the store: the daily run below calls it, and so may a maintenance command.
    pub fn purge_operational(&self, before: i64) -> Result<Purged> {
        Ok(Purged {
            sessions: self.exec(
                "DELETE FROM sessions WHERE expires_at < ?1 OR idle_until < ?1",
                params![before],
            )?,
            codes: self.exec(
                "DELETE FROM one_time_codes
                  WHERE expires_at < ?1 OR used_at < ?1 OR revoked_at < ?1",
                params![before],
            )?,
            mail: self.exec("DELETE FROM mail_queue WHERE done_at < ?1", params![before])?,
            counters: self.exec(
                "DELETE FROM login_failures
                  WHERE updated_at < ?1 AND pending = '[]'
                    AND (locked_until IS NULL OR locked_until < ?1)
                    AND NOT EXISTS (SELECT 1 FROM users u
                                     WHERE u.email_canonical = login_failures.email_canonical)",
                params![before],
            )?,
        })
    }

    /// Runs the purge when the last one is a day old or more, with `retention.operational` as
    /// the age, and records what it removed (`retention.purged`).
    /// `last` is when it last ran (0: never), as the transaction read it when it began.
    pub(super) fn purge_if_due(&self, last: i64, now: i64) -> Result<()> {
        if now - last < EVERY {
            return Ok(());
        }
        let keep = self.retention()?;
        let purged = self.purge_operational(now - keep)?;
        self.set_meta("purged_at", &now.to_string())?;
        if purged.total() > 0 {
            let detail = serde_json::json!({
                "older_than_days": keep / 86_400,
                "sessions": purged.sessions, "codes": purged.codes,
                "mail": purged.mail, "failure_counters": purged.counters,
            });
            self.append_audit(
                &super::AuditEvent::new("retention.purged").with(detail),
                now,
            )?;
        }
        Ok(())
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

const RETENTION_KEY: &str = "retention.operational";
