//! The floor of a read-only command: process start, one SQLite open, one indexed SELECT.
//! `benches/whole_process.py` times it beside `useradm whoami` and `useradm check`.
//!
//!     floor_select DB EMAIL

use anyhow::Context;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(db), Some(email)) = (args.next(), args.next()) else {
        anyhow::bail!("usage: floor_select DB EMAIL");
    };
    let conn =
        rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .with_context(|| format!("opening {db}"))?;
    let id: i64 = conn
        .query_row(
            "SELECT id FROM users WHERE email_canonical = ?1",
            [&email],
            |r| r.get(0),
        )
        .with_context(|| format!("looking up {email}"))?;
    std::hint::black_box(id);
    Ok(())
}
