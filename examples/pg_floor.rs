//! The floor of a command on PostgreSQL: process start, one connection made as useradm makes it
//! on loopback (no TLS, a password, the same options), and `QUERIES` indexed SELECTs, each its
//! own round trip. `benches/postgres.py` times it beside `useradm whoami` and `useradm check`
//! with the number of statements each of them runs.
//!
//!     pg_floor HOST PORT USER DBNAME PASSWORD_FILE EMAIL QUERIES

use std::time::Duration;

use anyhow::Context;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [host, port, user, dbname, password_file, email, queries] = args.as_slice() else {
        anyhow::bail!("usage: pg_floor HOST PORT USER DBNAME PASSWORD_FILE EMAIL QUERIES");
    };
    let password = std::fs::read_to_string(password_file)
        .with_context(|| format!("reading {password_file}"))?;
    let mut client = postgres::Config::new()
        .host(host)
        .port(port.parse()?)
        .user(user)
        .dbname(dbname)
        .password(password.lines().next().unwrap_or_default())
        .application_name("useradm")
        .connect_timeout(Duration::from_secs(10))
        .keepalives(true)
        .keepalives_idle(Duration::from_secs(30))
        .options("-c idle_in_transaction_session_timeout=60000")
        .connect(postgres::NoTls)
        .context("connecting")?;
    for _ in 0..queries.parse::<u32>()? {
        let rows = client.query_typed(
            "SELECT id FROM users WHERE email_canonical = $1",
            &[(email, postgres::types::Type::TEXT)],
        )?;
        std::hint::black_box(rows);
    }
    Ok(())
}
