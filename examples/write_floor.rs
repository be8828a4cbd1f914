//! The floor of a write command: process start, one SQLite open as useradm opens it (WAL,
//! `synchronous=FULL`, a 30 s busy timeout) and one `BEGIN IMMEDIATE` transaction with one small
//! UPDATE. `benches/writers.py` runs it beside `useradm users update`, 1 and 8 at a time.
//!
//!     write_floor DB

use anyhow::Context;

fn main() -> anyhow::Result<()> {
    let Some(db) = std::env::args().nth(1) else {
        anyhow::bail!("usage: write_floor DB");
    };
    let mut conn = rusqlite::Connection::open(&db).with_context(|| format!("opening {db}"))?;
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .context("beginning the write")?;
    tx.execute(
        "UPDATE settings SET updated_at = updated_at + 1 WHERE key = 'session.ttl'",
        [],
    )
    .context("updating a setting")?;
    tx.commit().context("committing")?;
    Ok(())
}
