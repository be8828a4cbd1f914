//! The floor of a read-only command: process start, one SQLite open, one indexed SELECT.
//! `benches/whole_process.py` times it beside `useradm whoami` and `useradm check`.
//!
//!     floor_select DB EMAIL

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(db), Some(email)) = (args.next(), args.next()) else {
        eprintln!("usage: floor_select DB EMAIL");
        std::process::exit(2);
    };
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open");
    let id: i64 = conn
        .query_row(
            "SELECT id FROM users WHERE email_canonical = ?1",
            [email],
            |r| r.get(0),
        )
        .expect("the user exists");
    std::hint::black_box(id);
}
