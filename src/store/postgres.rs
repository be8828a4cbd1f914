//! The PostgreSQL engine: a server that many hosts share. Its schema starts from one baseline at
//! the schema version of the release that brought PostgreSQL (`postgres_schema.sql`, v5, the same
//! tables, columns, keys and indexes as SQLite's v5), and each later migration comes for both
//! engines. The version lives in `meta` (`schema_version`). Only `init` creates or migrates, in one
//! transaction under the write lock (PostgreSQL's DDL is transactional).
//!
//! Every write transaction takes one advisory lock first: that is SQLite's `BEGIN IMMEDIATE`, so
//! every check-then-write rule of the store holds unchanged when hosts race.

use std::sync::Arc;
use std::time::Duration;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};

use super::engine::{Conn, PgClient, params};
use super::location::{ServerUrl, SslMode};
use super::{Begun, InitOutcome, SCHEMA_VERSION, Sql, newer_schema};
use crate::error::{Error, Result};

/// The baseline schema at v5.
const BASELINE: &str = include_str!("postgres_schema.sql");
const BASELINE_VERSION: i64 = 5;
/// The migrations after BASELINE, each the twin of SQLite's of the same number: a new SQLite
/// migration does not build until it has its PostgreSQL twin.
const LATER: &[&str] = &[
    include_str!("migrations/postgres/006_session_deadlines.sql"),
    include_str!("migrations/postgres/007_security_notices.sql"),
    include_str!("migrations/postgres/008_managed_entries.sql"),
    include_str!("migrations/postgres/009_identity_providers.sql"),
    include_str!("migrations/postgres/010_managed_providers.sql"),
];
const _: () = assert!(SCHEMA_VERSION == BASELINE_VERSION + LATER.len() as i64);

/// The key of the advisory lock that serialises writes: "useradm" in ASCII. Public, so that
/// a maintenance script can take it to pause useradm's writers.
pub const WRITE_LOCK: i64 = 0x0075_7365_7261_646d;

/// A write transaction: the write lock first, waited for at most 30 s (then exit 10 "busy").
pub(super) fn begin_write() -> String {
    format!("BEGIN; SET LOCAL lock_timeout = '30s'; SELECT pg_advisory_xact_lock({WRITE_LOCK})")
}

/// Begins a write transaction and reads the schema version (and when the daily purge last ran)
/// in it, in one round trip. Without `wait`, the lock is only tried: `None` (the transaction
/// rolled back) where another holds it.
pub(super) fn begin_write_reading_version(conn: &Conn, wait: bool) -> Result<Option<Begun>> {
    let Conn::Pg(pg) = conn else {
        return Err(Error::internal("not a PostgreSQL database"));
    };
    let begin = match wait {
        true => begin_write(),
        false => format!("BEGIN; SELECT pg_try_advisory_xact_lock({WRITE_LOCK})::text"),
    };
    let messages = pg
        .borrow_mut()
        .client
        .simple_query(&format!(
            "{begin}; SELECT (SELECT value FROM meta WHERE key = 'schema_version'),
                             (SELECT value FROM meta WHERE key = 'purged_at')"
        ))
        .map_err(super::engine::pg_error)?;
    let rows: Vec<&postgres::SimpleQueryRow> = messages
        .iter()
        .filter_map(|m| match m {
            postgres::SimpleQueryMessage::Row(row) => Some(row),
            _ => None,
        })
        .collect();
    if !wait && rows.first().and_then(|r| r.get(0)) != Some("true") {
        conn.batch("ROLLBACK")?;
        return Ok(None);
    }
    let meta = |i: usize| {
        rows.last()
            .and_then(|r| r.get(i))
            .and_then(|v| v.parse().ok())
    };
    let version = meta(0).ok_or_else(|| Error::storage("the database holds no schema version"))?;
    Ok(Some(Begun {
        version,
        purged_at: meta(1).unwrap_or(0),
    }))
}

/// How a client connects: the URL, its password (if any), and which roots to trust.
#[derive(Debug, Clone)]
pub struct Connect {
    pub url: ServerUrl,
    pub password: Option<String>,
    /// Honour `SSL_CERT_FILE`/`SSL_CERT_DIR` for the system roots; not under a privileged
    /// invocation, whose caller could name roots of their own.
    pub trust_env_roots: bool,
}

/// Opens a connection to the server.
pub(super) fn connect(how: &Connect) -> Result<Conn> {
    let url = &how.url;
    let mut config = postgres::Config::new();
    if url.is_socket() {
        config.host_path(&url.host);
    } else {
        config.host(url.host.trim_start_matches('[').trim_end_matches(']'));
    }
    config
        .port(url.port)
        .user(&url.user)
        .dbname(&url.dbname)
        .application_name("useradm")
        .connect_timeout(CONNECT_TIMEOUT)
        .keepalives(true)
        .keepalives_idle(Duration::from_secs(30))
        // A host that vanishes mid-transaction frees its locks within a minute.
        .options("-c idle_in_transaction_session_timeout=60000");
    if let Some(password) = &how.password {
        config.password(password);
    }
    let tls = match url.sslmode {
        SslMode::Disable => None,
        mode => Some(tls_config(how, mode)?),
    };
    config.ssl_mode(match tls {
        None => postgres::config::SslMode::Disable,
        Some(_) => postgres::config::SslMode::Require,
    });
    // The crate's connect_timeout covers only each TCP connect: a server that accepts and never
    // answers (a hung process, a port forwarded to nothing) would hold the command forever. The
    // start of the connection runs on a thread of its own beside a deadline; past it, the error
    // ends the command and the thread is left to the process's exit.
    let (send, answer) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("connect".into())
        .spawn(move || {
            let client = match tls {
                None => config.connect(postgres::NoTls),
                Some(tls) => config.connect(tokio_postgres_rustls::MakeRustlsConnect::new(tls)),
            };
            let _ = send.send(client);
        })
        .map_err(|e| Error::internal(format!("cannot start a thread to connect: {e}")))?;
    let client = match answer.recv_timeout(START_DEADLINE) {
        Ok(client) => client.map_err(|e| {
            Error::storage(format!(
                "cannot connect to {}: {}",
                url.text,
                connect_failure(&e, how.password.is_some())
            ))
        })?,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            return Err(Error::storage(format!(
                "cannot connect to {}: the server did not answer within {} s",
                url.text,
                START_DEADLINE.as_secs()
            )));
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            return Err(Error::internal(
                "the connecting thread ended without an answer",
            ));
        }
    };
    Ok(Conn::Pg(Box::new(std::cell::RefCell::new(PgClient::new(
        client,
    )))))
}

/// How long each TCP connect may take (a host name may give several addresses to try).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long the whole start of a connection may take: the TCP connects, TLS and the password.
const START_DEADLINE: Duration = Duration::from_secs(15);

/// Why a connection failed, with the causes the crate keeps behind its one-line summary
/// ("error connecting to server: Connection refused"), and where a password was needed and
/// none found, where one goes.
fn connect_failure(e: &postgres::Error, had_password: bool) -> String {
    if let Some(db) = e.as_db_error() {
        return db.message().to_string();
    }
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    if !had_password && text.contains("password missing") {
        text.push_str(
            " (the server asks for a password: put it in USERADM_DB_PASSWORD_FILE or ~/.pgpass)",
        );
    }
    text
}

fn tls_config(how: &Connect, mode: SslMode) -> Result<rustls::ClientConfig> {
    let fail = |what: String| Error::usage(format!("database TLS: {what}"));
    let mut roots = rustls::RootCertStore::empty();
    match &how.url.sslrootcert {
        Some(path) => {
            for cert in read_pem_certs(path)? {
                roots
                    .add(cert)
                    .map_err(|e| fail(format!("{}: {e}", path.display())))?;
            }
        }
        None => {
            roots.add_parsable_certificates(crate::tls::system_roots(how.trust_env_roots));
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let roots = Arc::new(roots);
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| fail(e.to_string()))?;
    let builder = match mode {
        SslMode::VerifyCa => {
            let inner =
                rustls::client::WebPkiServerVerifier::builder_with_provider(roots, provider)
                    .build()
                    .map_err(|e| fail(e.to_string()))?;
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(ChainOnly(inner)))
        }
        _ => builder.with_root_certificates(roots),
    };
    match (&how.url.sslcert, &how.url.sslkey) {
        (Some(cert), Some(key)) => {
            let certs = read_pem_certs(cert)?;
            let key = std::fs::read(key)
                .map_err(|e| fail(format!("cannot read {}: {e}", key.display())))
                .and_then(|bytes| {
                    rustls_pemfile::private_key(&mut bytes.as_slice())
                        .ok()
                        .flatten()
                        .ok_or_else(|| fail(format!("{} holds no private key", key.display())))
                })?;
            builder
                .with_client_auth_cert(certs, key)
                .map_err(|e| fail(e.to_string()))
        }
        (None, None) => Ok(builder.with_no_client_auth()),
        _ => Err(fail("sslcert and sslkey come together".into())),
    }
}

fn read_pem_certs(path: &std::path::Path) -> Result<Vec<CertificateDer<'static>>> {
    let bytes = std::fs::read(path)
        .map_err(|e| Error::usage(format!("database TLS: cannot read {}: {e}", path.display())))?;
    crate::tls::pem_certificates(&bytes)
        .map_err(|why| Error::usage(format!("database TLS: {}: {why}", path.display())))
}

/// `sslmode=verify-ca`: the chain must reach a trusted root; the name is not checked.
#[derive(Debug)]
struct ChainOnly(Arc<rustls::client::WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        {
            Err(rustls::Error::InvalidCertificate(rustls::CertificateError::NotValidForName))
            | Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// The schema version the server's database holds; `None` where it holds no useradm schema.
pub(super) fn version(conn: &Conn) -> Result<Option<i64>> {
    let sql = Sql { conn };
    let has_meta = sql.one("SELECT to_regclass('meta') IS NOT NULL", &[], |r| r.flag(0))?;
    if !has_meta {
        return Ok(None);
    }
    let text = sql.first(
        "SELECT value FROM meta WHERE key = ?1",
        params!["schema_version"],
        |r| r.text(0),
    )?;
    Ok(text.and_then(|t| t.parse().ok()))
}

/// The version and the database id in one round trip, as every command opens the database
/// (outside a transaction, where a missing `meta` table is an error to read, not one that
/// ends a transaction).
fn version_and_id(conn: &Conn) -> Result<(Option<i64>, Option<String>)> {
    match conn.read_one_text(
        "SELECT (SELECT value FROM meta WHERE key = 'schema_version') || ' ' ||
                coalesce((SELECT value FROM meta WHERE key = 'database_id'), '')",
    ) {
        Ok(text) => {
            let text = text.unwrap_or_default();
            let (version, id) = text.split_once(' ').unwrap_or((&text, ""));
            Ok((
                version.parse().ok(),
                Some(id.to_string()).filter(|i| !i.is_empty()),
            ))
        }
        Err(Some(e)) => Err(e),
        Err(None) => Ok((None, None)),
    }
}

/// Opens the server's database of the current schema; anything else is exit 10. Returns its
/// database id too.
pub(super) fn open(how: &Connect) -> Result<(Conn, Option<String>)> {
    let conn = connect(how)?;
    let hint = format!("run `useradm init --db {}`", how.url.text);
    let (version, id) = version_and_id(&conn)?;
    match version {
        None => Err(Error::storage(format!(
            "{} holds no useradm database: {hint}",
            how.url.text
        ))),
        Some(v) if v < SCHEMA_VERSION => Err(Error::storage(format!(
            "the database schema v{v} is older than this useradm's v{SCHEMA_VERSION}: {hint} to migrate it"
        ))),
        Some(v) if v > SCHEMA_VERSION => Err(newer_schema(&conn, v)),
        Some(_) => Ok((conn, id)),
    }
}

/// Creates the schema (or migrates it) in one transaction under the write lock, and runs `seed`
/// in it; a second `init` at the same time waits, then finds it current.
pub(super) fn init(
    how: &Connect,
    seed: impl FnOnce(&Conn, i64) -> Result<()>,
) -> Result<(Conn, InitOutcome)> {
    let conn = connect(how)?;
    conn.batch(&begin_write())?;
    let done = create_or_migrate(&conn).and_then(|found| seed(&conn, found).map(|()| found));
    let found = match done {
        Ok(found) => found,
        Err(e) => {
            let _ = conn.batch("ROLLBACK");
            return Err(e);
        }
    };
    conn.batch("COMMIT")?;
    Ok((conn, InitOutcome::from_found(found)))
}

/// An empty schema for `db copy`, in an open transaction under the write lock that the copy
/// commits: the baseline and its version, no rows. Refuses a database that holds any table.
pub(super) fn create_empty(how: &Connect) -> Result<Conn> {
    let conn = connect(how)?;
    conn.batch(&begin_write())?;
    if version(&conn)?.is_some() {
        let _ = conn.batch("ROLLBACK");
        return Err(Error::usage(format!(
            "{} already holds a useradm database: db copy writes into an empty one (if it is this database's copy from an interrupted db copy, add --finish)",
            how.url.text
        )));
    }
    if let Err(e) = create_or_migrate(&conn) {
        let _ = conn.batch("ROLLBACK");
        return Err(e);
    }
    Ok(conn)
}

/// Stamps the version, inside the open transaction.
pub(super) fn set_version(conn: &Conn, version: i64) -> Result<()> {
    Sql { conn }.exec(
        "UPDATE meta SET value = ?2 WHERE key = ?1",
        params!["schema_version", &version.to_string()],
    )?;
    Ok(())
}

fn create_or_migrate(conn: &Conn) -> Result<i64> {
    let sql = Sql { conn };
    let found = match version(conn)? {
        Some(v) if v > SCHEMA_VERSION => return Err(newer_schema(conn, v)),
        Some(v) => v,
        None => {
            let tables = sql.one(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
                &[],
                |r| r.int(0),
            )?;
            if tables > 0 {
                return Err(Error::storage(
                    "the database holds another application's tables; choose another database or schema",
                ));
            }
            conn.batch(BASELINE)?;
            0
        }
    };
    let from = found.max(BASELINE_VERSION);
    for (version, sql) in (BASELINE_VERSION + 1..).zip(LATER) {
        if version > from {
            conn.batch(sql)?;
        }
    }
    sql.exec(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params!["schema_version", &SCHEMA_VERSION.to_string()],
    )?;
    Ok(found)
}

/// Whether the process holding the lease `key` still runs: its session holds the advisory lock
/// as long as its connection lives, `kill -9` included.
pub(super) fn lease_alive(conn: &Conn, key: i64) -> Result<bool> {
    Sql { conn }.one(
        "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
            AND classid::bigint = ?1 AND objid::bigint = ?2 AND objsubid = 1)",
        params![(key >> 32) & 0xffff_ffff, key & 0xffff_ffff],
        |r| r.flag(0),
    )
}

/// Takes a new lease: an advisory lock on a random key, held by this connection until it ends.
pub(super) fn take_lease(conn: &Conn) -> Result<i64> {
    loop {
        let bytes = crate::crypto::random_bytes::<8>()?;
        let key = i64::from_be_bytes(bytes) & 0x7fff_ffff_ffff_ffff;
        let taken = Sql { conn }.one("SELECT pg_try_advisory_lock(?1)", params![key], |r| {
            r.flag(0)
        })?;
        if taken && key != WRITE_LOCK {
            return Ok(key);
        }
    }
}
