//! The floor of a pre-hashed import on SQLite: process start, one open as useradm opens it (WAL,
//! `synchronous=FULL`) and one `BEGIN IMMEDIATE` transaction inserting N accounts, each an
//! indexed `users` row and an `audit_events` row of the same sizes useradm writes, through
//! prepared statements. `benches/import.py` runs it on a copy of the database it imports into.
//!
//!     import_floor DB N PASSWORD_HASH

use anyhow::Context;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [db, n, phc] = args.as_slice() else {
        anyhow::bail!("usage: import_floor DB N PASSWORD_HASH");
    };
    let n: i64 = n.parse()?;
    let mut conn = rusqlite::Connection::open(db).with_context(|| format!("opening {db}"))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    {
        let first: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM users", [], |r| {
            r.get(0)
        })?;
        let mut users = tx.prepare(
            "INSERT INTO users (id, email, email_canonical, password_hash, email_verified_at, \
             status, created_at, updated_at) VALUES (?1, ?2, ?2, ?3, ?4, 'active', ?4, ?4)",
        )?;
        let mut audit = tx.prepare(
            "INSERT INTO audit_events (at, actor_id, actor, event, target, detail, prev_hash, hash) \
             VALUES (?1, 1, 'admin@example.com', 'user.imported', ?2, ?3, ?4, ?4)",
        )?;
        let now = 1_790_000_000_i64;
        let hash = "0".repeat(64);
        for i in 0..n {
            let email = format!("floor{i}@example.com");
            users.execute(rusqlite::params![first + i, email, phc, now])?;
            let detail = format!(
                r#"{{"invited":false,"line":{},"roles":null,"via":"import"}}"#,
                i + 2
            );
            audit.execute(rusqlite::params![now, email, detail, hash])?;
        }
    }
    tx.commit()?;
    Ok(())
}
