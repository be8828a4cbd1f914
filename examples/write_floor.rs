//! The floor of a write command: process start, one SQLite open as useradm opens it (WAL,
//! `synchronous=FULL`, a 30 s busy timeout) and one `BEGIN IMMEDIATE` transaction with one small
//! UPDATE. `benches/writers.py` runs it beside `useradm users update`, 1 and 8 at a time.
//!
//!     write_floor DB

fn main() {
    let Some(db) = std::env::args().nth(1) else {
        eprintln!("usage: write_floor DB");
        std::process::exit(2);
    };
    let mut conn = rusqlite::Connection::open(db).expect("open");
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .expect("busy timeout");
    conn.pragma_update(None, "synchronous", "FULL")
        .expect("synchronous");
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .expect("begin");
    tx.execute(
        "UPDATE settings SET updated_at = updated_at + 1 WHERE key = 'session.ttl'",
        [],
    )
    .expect("update");
    tx.commit().expect("commit");
}
