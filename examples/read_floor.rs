//! The floor of a no-change `apply`: process start, one SQLite open, and a plain read of every
//! account with its role names and every role with its permissions. `benches/apply.py` times it
//! beside `useradm apply` of a file the store already matches.
//!
//!     read_floor DB

use anyhow::Context;

fn main() -> anyhow::Result<()> {
    let db = std::env::args().nth(1).context("usage: read_floor DB")?;
    let conn =
        rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .with_context(|| format!("opening {db}"))?;
    let mut st = conn.prepare(
        "SELECT u.id, u.email, u.email_canonical, u.first_name, u.last_name, u.attributes,
                u.status, u.email_verified_at, u.must_change_password, u.valid_from, u.expires_at,
                (SELECT group_concat(r.name) FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                  WHERE ur.user_id = u.id)
           FROM users u",
    )?;
    let mut rows = st.query([])?;
    let mut n = 0u64;
    while let Some(row) = rows.next()? {
        let email: String = row.get(1)?;
        let roles: Option<String> = row.get(11)?;
        n += email.len() as u64 + roles.map_or(0, |r| r.len() as u64);
    }
    let mut st = conn.prepare(
        "SELECT r.name, r.description, group_concat(p.permission)
           FROM roles r LEFT JOIN role_permissions p ON p.role_id = r.id GROUP BY r.id",
    )?;
    let mut rows = st.query([])?;
    while let Some(row) = rows.next()? {
        let name: String = row.get(0)?;
        n += name.len() as u64;
    }
    std::hint::black_box(n);
    Ok(())
}
