//! The `audit_events` table: append-only and hash-chained. Each row's hash covers the previous
//! row's hash and the row's own content, so an edit, deletion or insertion breaks the chain.

use super::engine::{Column, Failure, Row, Value, params};

use super::{Sql, Tx};
use crate::error::{Error, Result};

/// The `prev_hash` of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A security event as the library reports it; never holds a secret.
#[derive(Debug, Clone)]
pub struct AuditEvent {
    pub actor_id: Option<i64>,
    pub actor: Option<String>,
    pub event: &'static str,
    pub target: Option<String>,
    pub detail: serde_json::Value,
}

impl AuditEvent {
    /// An event with no actor (the tool itself, or an anonymous caller) and an empty detail;
    /// `by`, `on` and `with` fill in the rest.
    pub fn new(event: &'static str) -> AuditEvent {
        AuditEvent {
            actor_id: None,
            actor: None,
            event,
            target: None,
            detail: serde_json::json!({}),
        }
    }

    /// Who acted: a user id and the email it had then.
    pub fn by(mut self, actor_id: i64, actor: &str) -> AuditEvent {
        self.actor_id = Some(actor_id);
        self.actor = Some(actor.to_string());
        self
    }

    /// What was acted on: an email, a role or a setting.
    pub fn on(mut self, target: &str) -> AuditEvent {
        self.target = Some(target.to_string());
        self
    }

    /// Adds to the detail (keys given here win over the same keys given before).
    pub fn with(mut self, detail: serde_json::Value) -> AuditEvent {
        match (&mut self.detail, detail) {
            (serde_json::Value::Object(have), serde_json::Value::Object(more)) => have.extend(more),
            (slot, other) => *slot = other,
        }
        self
    }
}

#[derive(Debug, Clone)]
pub struct AuditRow {
    pub id: i64,
    pub at: i64,
    pub actor_id: Option<i64>,
    pub actor: Option<String>,
    pub event: String,
    pub target: Option<String>,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

impl AuditRow {
    /// The hash this row must carry: SHA-256 over a JSON array of the previous hash and the row.
    pub fn expected_hash(&self) -> String {
        // A tuple serialises as the same compact JSON array as `json!([...])`, without building
        // a `Value` per row (an import appends one event per account).
        let content = serde_json::to_string(&(
            &self.prev_hash,
            self.id,
            self.at,
            self.actor_id,
            &self.actor,
            &self.event,
            &self.target,
            &self.detail,
        ))
        .unwrap_or_default();
        crate::crypto::sha256_hex(content.as_bytes())
    }
}

fn from_row(r: &Row<'_, '_>) -> Result<AuditRow> {
    Ok(AuditRow {
        id: r.int(0)?,
        at: r.int(1)?,
        actor_id: r.opt_int(2)?,
        actor: r.opt_text(3)?,
        event: r.text(4)?,
        target: r.opt_text(5)?,
        detail: r.text(6)?,
        prev_hash: r.text(7)?,
        hash: r.text(8)?,
    })
}

/// The columns `from_row` reads, in its order.
macro_rules! audit_columns {
    () => {
        "id, at, actor_id, actor, event, target, detail, prev_hash, hash"
    };
}

pub(super) const HEAD: &str =
    "SELECT id, hash FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)";

impl Sql<'_> {
    /// The newest `limit` events (about `email` as actor or target, since `since`), oldest first.
    pub fn audit_rows(
        &self,
        email: Option<&str>,
        since: Option<i64>,
        limit: i64,
    ) -> Result<Vec<AuditRow>> {
        self.all(
            concat!(
                "SELECT * FROM (SELECT ",
                audit_columns!(),
                " FROM audit_events
                   WHERE (?1 IS NULL OR lower(actor) = lower(?1) OR lower(target) = lower(?1))
                     AND (?2 IS NULL OR at >= ?2)
                   ORDER BY id DESC LIMIT ?3) AS newest
                 ORDER BY id"
            ),
            params![email, since, limit],
            from_row,
        )
    }

    /// How many `event`s `actor_id` caused since `since`.
    pub fn events_by_since(&self, actor_id: i64, event: &str, since: i64) -> Result<i64> {
        self.one(
            "SELECT count(*) FROM audit_events WHERE at >= ?3 AND event = ?2 AND actor_id = ?1",
            params![actor_id, event, since],
            |r| r.int(0),
        )
    }

    /// How many `event`s about `target` (or about nothing) were recorded since `since`.
    pub fn events_on_since(&self, event: &str, target: Option<&str>, since: i64) -> Result<i64> {
        self.one(
            "SELECT count(*) FROM audit_events
              WHERE at >= ?3 AND event = ?1 AND (target = ?2 OR (?2 IS NULL AND target IS NULL))",
            params![event, target, since],
            |r| r.int(0),
        )
    }

    /// Every event in chain order, one at a time.
    /// Whether the audit row `id` carries `hash` (a copy ends with its source's chain).
    pub fn audit_row_hash_is(&self, id: i64, hash: &str) -> Result<bool> {
        self.one(
            "SELECT EXISTS (SELECT 1 FROM audit_events WHERE id = ?1 AND hash = ?2)",
            params![id, hash],
            |r| r.flag(0),
        )
    }

    pub fn for_each_audit_row(&self, mut each: impl FnMut(&AuditRow) -> Result<()>) -> Result<()> {
        self.each(
            concat!(
                "SELECT ",
                audit_columns!(),
                " FROM audit_events ORDER BY id"
            ),
            &[],
            &mut |row| each(&from_row(row)?),
        )
    }

    /// The newest link: (id, hash).
    pub fn audit_head(&self) -> Result<Option<(i64, String)>> {
        self.first(HEAD, &[], |r| Ok((r.int(0)?, r.text(1)?)))
    }
}

/// The end of the chain, held while one transaction appends many events (an import), so the
/// head is read once rather than once per row.
#[derive(Debug)]
pub struct AuditChain {
    last_id: i64,
    last_hash: String,
}

/// Events with their rows linked into the chain, ready for [`Tx::append_linked`].
#[derive(Debug)]
pub struct LinkedEvents {
    events: Vec<AuditEvent>,
    rows: Vec<AuditRow>,
    now: i64,
}

impl AuditChain {
    /// Links `events` after the chain's end, which then moves past them. Needs no connection,
    /// so a bulk write links one batch on another thread while the last one is written.
    pub fn link_all(&mut self, events: Vec<AuditEvent>, now: i64) -> LinkedEvents {
        let rows = events.iter().map(|e| self.link(e, now)).collect();
        LinkedEvents { events, rows, now }
    }

    /// The row of `e` as the next link of the chain, which it then ends.
    fn link(&mut self, e: &AuditEvent, now: i64) -> AuditRow {
        let mut row = AuditRow {
            id: self.last_id + 1,
            at: now,
            actor_id: e.actor_id,
            actor: e.actor.clone(),
            event: e.event.to_string(),
            target: e.target.clone(),
            detail: with_origin(&e.detail),
            prev_hash: std::mem::take(&mut self.last_hash),
            hash: String::new(),
        };
        row.hash = row.expected_hash();
        self.last_id = row.id;
        self.last_hash.clone_from(&row.hash);
        row
    }
}

/// An event as the system logger gets it: what, who, on what, where, and the row's place in
/// the chain (its id and hash: an anchor kept outside the database). A bulk write is one line
/// with its count, reported on its last row. Never a secret: events hold none.
#[derive(Debug, Clone)]
pub(super) struct LogLine {
    event: &'static str,
    actor: Option<String>,
    target: Option<String>,
    count: Option<usize>,
    id: i64,
    hash: String,
}

impl LogLine {
    fn of(row: &AuditRow, e: &AuditEvent, count: Option<usize>) -> LogLine {
        LogLine {
            event: e.event,
            actor: e.actor.clone(),
            target: if count.is_some() {
                None
            } else {
                e.target.clone()
            },
            count,
            id: row.id,
            hash: row.hash.clone(),
        }
    }

    /// Whether it reports a failure or a refusal (sent at warning severity): failed checks,
    /// locks, refused credentials and permissions, mail that could not go out. (`role.denied`
    /// is an administrator taking a permission from a role: routine.)
    pub(super) fn is_failure(&self) -> bool {
        self.event == "permission.denied"
            || [
                ".failed",
                ".rejected",
                ".locked",
                ".busy",
                ".undeliverable",
                "_failed",
            ]
            .iter()
            .any(|end| self.event.ends_with(end))
    }

    pub(super) fn text(&self) -> String {
        let origin = crate::origin::origin();
        let field = |v: &serde_json::Value| match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let count = self
            .count
            .map(|n| format!(" count={n}"))
            .unwrap_or_default();
        format!(
            "event={} actor={} target={}{count} host={} os_user={} id={} hash={}",
            self.event,
            self.actor.as_deref().unwrap_or("-"),
            self.target.as_deref().unwrap_or("-"),
            field(&origin["host"]),
            field(&origin["os_user"]),
            self.id,
            self.hash
        )
    }
}

/// Adds a bulk write's rows to the transaction's lines: to the previous bulk line of the same
/// event where there is one (an import writes in batches), so a bulk command sends one line.
fn add_bulk(lines: &mut Vec<LogLine>, row: &AuditRow, e: &AuditEvent, n: usize) {
    if let Some(last) = lines.last_mut()
        && last.event == e.event
        && let Some(count) = last.count
    {
        last.count = Some(count + n);
        last.id = row.id;
        last.hash.clone_from(&row.hash);
        return;
    }
    lines.push(LogLine::of(row, e, Some(n)));
}

/// The detail as stored: with where the event happened (`origin`), inside what the hash covers.
fn with_origin(detail: &serde_json::Value) -> String {
    match detail {
        serde_json::Value::Object(map) => {
            serde_json::to_string(&WithOrigin(map)).unwrap_or_default()
        }
        other => other.to_string(),
    }
}

/// A detail with `where` set to the origin, in the map's (sorted) key order: the text of the
/// detail with that key inserted, without copying the detail (an import links one per account).
struct WithOrigin<'a>(&'a serde_json::Map<String, serde_json::Value>);

impl serde::Serialize for WithOrigin<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        const WHERE: &str = "where";
        let origin = crate::origin::origin();
        let mut map = s.serialize_map(None)?;
        let mut placed = false;
        for (key, value) in self.0 {
            if key == WHERE {
                continue;
            }
            if !placed && key.as_str() > WHERE {
                map.serialize_entry(WHERE, origin)?;
                placed = true;
            }
            map.serialize_entry(key, value)?;
        }
        if !placed {
            map.serialize_entry(WHERE, origin)?;
        }
        map.end()
    }
}

impl Tx<'_> {
    pub fn audit_chain(&self) -> Result<AuditChain> {
        let (last_id, last_hash) = self.audit_head()?.unwrap_or((0, GENESIS.to_string()));
        Ok(AuditChain { last_id, last_hash })
    }

    pub fn append_audit(&self, e: &AuditEvent, now: i64) -> Result<()> {
        let mut chain = self.audit_chain()?;
        self.append_audit_to(&mut chain, e, now)
    }

    /// Appends events linked from this transaction's [`Tx::audit_chain`] (binary `COPY` on
    /// PostgreSQL). Batches go in the order they were linked, with no other append between
    /// (which would take a batch's first id and make it fail as a duplicate).
    pub fn append_linked(&self, linked: &LinkedEvents) -> Result<()> {
        let LinkedEvents { events, rows, now } = linked;
        for e in events {
            self.queue_notices(e, *now)?;
        }
        // A bulk write sends one summary line: the count, and the last link's hash.
        if let (Some(lines), Some(last), Some(first)) =
            (self.audit_lines, rows.last(), events.first())
        {
            add_bulk(&mut lines.borrow_mut(), last, first, rows.len());
        }
        let mut values: Vec<Value<'_>> = Vec::with_capacity(rows.len() * 9);
        for row in rows {
            values.extend([
                Value::from(row.id),
                Value::from(row.at),
                Value::from(row.actor_id),
                Value::from(&row.actor),
                Value::from(&row.event),
                Value::from(&row.target),
                Value::from(&row.detail),
                Value::from(&row.prev_hash),
                Value::from(&row.hash),
            ]);
        }
        let columns: Vec<Column> = [
            ("id", true),
            ("at", true),
            ("actor_id", true),
            ("actor", false),
            ("event", false),
            ("target", false),
            ("detail", false),
            ("prev_hash", false),
            ("hash", false),
        ]
        .into_iter()
        .map(|(name, int)| Column {
            name: name.to_string(),
            int,
        })
        .collect();
        match self.conn.insert_rows("audit_events", &columns, &values) {
            Ok(()) => Ok(()),
            Err(Failure::Duplicate) => Err(Error::internal("an audit row written twice")),
            Err(Failure::Other(e)) => Err(e),
        }
    }

    /// Appends through a chain cursor from `audit_chain` (valid within this transaction).
    pub fn append_audit_to(&self, chain: &mut AuditChain, e: &AuditEvent, now: i64) -> Result<()> {
        let row = chain.link(e, now);
        if let Some(lines) = self.audit_lines {
            lines.borrow_mut().push(LogLine::of(&row, e, None));
        }
        self.queue_notices(e, now)?;
        self.exec(
            "INSERT INTO audit_events (id, at, actor_id, actor, event, target, detail, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                row.id,
                row.at,
                row.actor_id,
                &row.actor,
                &row.event,
                &row.target,
                &row.detail,
                &row.prev_hash,
                &row.hash
            ],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stored detail is byte for byte what inserting `where` into a copy gave: rows written
    /// before must still verify.
    #[test]
    fn the_stored_detail_is_the_detail_with_where_inserted() {
        for detail in [
            serde_json::json!({}),
            serde_json::json!({"line": 2, "roles": ["a"], "via": "import"}),
            serde_json::json!({"a": 1, "where": "forged", "zone": {"x": [1, "y"]}}),
            serde_json::json!({"wherever": true, "wh": null, "\u{e9}": "\u{2028}\n\""}),
        ] {
            let mut map = detail.as_object().unwrap().clone();
            map.insert("where".into(), crate::origin::origin().clone());
            assert_eq!(
                with_origin(&detail),
                serde_json::Value::Object(map).to_string()
            );
        }
        assert_eq!(with_origin(&serde_json::json!("text")), "\"text\"");
    }

    /// Databases written before must still verify: the hashed text may never change.
    #[test]
    fn the_hashed_text_is_the_json_array_of_the_row() {
        for (actor_id, actor, target, detail) in [
            (
                Some(1),
                Some("Zoë \"x\" <a@b>".to_string()),
                None,
                r#"{"line":2,"roles":["a"]}"#,
            ),
            (None, None, Some("t\u{2028}\n@x".to_string()), "{}"),
        ] {
            let row = AuditRow {
                id: 42,
                at: 1_764_000_000,
                actor_id,
                actor,
                event: "user.imported".into(),
                target,
                detail: detail.into(),
                prev_hash: GENESIS.into(),
                hash: String::new(),
            };
            let before = serde_json::json!([
                row.prev_hash,
                row.id,
                row.at,
                row.actor_id,
                row.actor,
                row.event,
                row.target,
                row.detail
            ]);
            assert_eq!(
                row.expected_hash(),
                crate::crypto::sha256_hex(before.to_string().as_bytes())
            );
        }
    }
}
