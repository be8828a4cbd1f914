//! The database beneath a test: a SQLite file in the test's home, or, when `USERADM_TEST_PG`
//! names a PostgreSQL server, a fresh database on it, dropped when the test ends. The helpers
//! here read and change it the same way on both engines, so that one suite tests both.
//!
//! - `USERADM_TEST_PG`: `postgres://USER@HOST:PORT/DBNAME`, a role that may create databases
//!   (it owns each test's database and runs `init`); its password comes from
//!   `USERADM_TEST_PG_PASSWORD_FILE`.
//! - `USERADM_TEST_PG_PARAMS`: the query string useradm's URL carries (default `sslmode=disable`),
//!   e.g. `sslmode=verify-full&sslrootcert=/path/ca.pem` for a TLS run.
//! - `USERADM_TEST_PG_APP_ROLE` (with `USERADM_TEST_PG_APP_PASSWORD_FILE`): run every command but
//!   `init` as this role, after granting it what `docs/postgres-roles.sql` grants.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool as Flag, Ordering};

use anyhow::{Context, bail};

use crate::util::must;

/// A value read back from either engine.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Text(String),
}

impl Cell {
    #[track_caller]
    pub fn int(&self) -> i64 {
        match self {
            Cell::Int(n) => *n,
            other => must(Err(anyhow::anyhow!("not an integer: {other:?}"))),
        }
    }

    #[track_caller]
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            other => must(Err(anyhow::anyhow!("not text: {other:?}"))),
        }
    }

    pub fn opt_int(&self) -> Option<i64> {
        match self {
            Cell::Int(n) => Some(*n),
            _ => None,
        }
    }

    pub fn opt_text(&self) -> Option<String> {
        match self {
            Cell::Text(t) => Some(t.clone()),
            _ => None,
        }
    }
}

/// A statement's parameter.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Int(i64),
    Text(&'a str),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Arg<'a> {
        Arg::Text(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Arg<'a> {
        Arg::Text(s)
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Int(n)
    }
}

/// The server the suite runs against, if any (read once from the environment).
#[derive(Debug, Clone)]
pub struct Server {
    /// host, port and the owner's name and password.
    host: String,
    port: u16,
    owner: String,
    owner_password: Option<String>,
    params: String,
    app: Option<(String, Option<String>)>,
}

fn read_password(var: &str) -> anyhow::Result<Option<String>> {
    match std::env::var_os(var) {
        Some(path) => Ok(Some(
            std::fs::read_to_string(&path)
                .with_context(|| format!("reading {var}"))?
                .trim_end_matches(['\r', '\n'])
                .to_string(),
        )),
        None => Ok(None),
    }
}

impl Server {
    /// The server named by `USERADM_TEST_PG`, if set.
    pub fn from_env() -> Option<&'static Server> {
        static SERVER: std::sync::OnceLock<Option<Server>> = std::sync::OnceLock::new();
        SERVER.get_or_init(|| must(Server::parse())).as_ref()
    }

    fn parse() -> anyhow::Result<Option<Server>> {
        let Ok(url) = std::env::var("USERADM_TEST_PG") else {
            return Ok(None);
        };
        let rest = url
            .strip_prefix("postgres://")
            .or_else(|| url.strip_prefix("postgresql://"))
            .context("USERADM_TEST_PG is not a postgres:// URL")?;
        let (authority, _) = rest.split_once('/').unwrap_or((rest, ""));
        let (owner, hostport) = authority
            .split_once('@')
            .context("USERADM_TEST_PG names no user")?;
        let (host, port) = hostport.rsplit_once(':').unwrap_or((hostport, "5432"));
        let app = match std::env::var("USERADM_TEST_PG_APP_ROLE") {
            Ok(role) => Some((role, read_password("USERADM_TEST_PG_APP_PASSWORD_FILE")?)),
            Err(_) => None,
        };
        Ok(Some(Server {
            host: host.to_string(),
            port: port.parse().context("USERADM_TEST_PG's port")?,
            owner: owner.to_string(),
            owner_password: read_password("USERADM_TEST_PG_PASSWORD_FILE")?,
            params: std::env::var("USERADM_TEST_PG_PARAMS")
                .unwrap_or_else(|_| "sslmode=disable".into()),
            app,
        }))
    }

    fn client(&self, dbname: &str) -> anyhow::Result<postgres::Client> {
        self.client_as(dbname, &self.owner, self.owner_password.as_deref())
    }

    fn client_as(
        &self,
        dbname: &str,
        user: &str,
        password: Option<&str>,
    ) -> anyhow::Result<postgres::Client> {
        let mut config = postgres::Config::new();
        config
            .host(&self.host)
            .port(self.port)
            .user(user)
            .dbname(dbname);
        if let Some(pw) = password {
            config.password(pw);
        }
        config
            .connect(postgres::NoTls)
            .with_context(|| format!("connecting to {}:{}/{dbname}", self.host, self.port))
    }
}

/// One test's database.
pub struct TestDb {
    /// The SQLite file; on a server, a path that is never created (tests of files skip there).
    pub path: PathBuf,
    server: Option<(&'static Server, String)>,
    granted: Flag,
    /// Whether dropping this drops the server database (not for a second host's view of it).
    owned: bool,
}

impl TestDb {
    pub fn new(home: &Path) -> TestDb {
        let path = home.join("data/useradm.db");
        let server = Server::from_env().map(|server| {
            let name = format!(
                "useradm_test_{}_{}",
                std::process::id(),
                NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
            );
            let mut admin = must(server.client("postgres"));
            must(
                admin
                    .batch_execute(&format!("CREATE DATABASE {name}"))
                    .context("creating the test database"),
            );
            (server, name)
        });
        TestDb {
            path,
            server,
            granted: Flag::new(false),
            owned: true,
        }
    }

    /// The same database, seen from another host.
    pub fn shared(&self) -> TestDb {
        TestDb {
            path: self.path.clone(),
            server: self.server.clone(),
            granted: Flag::new(false),
            owned: false,
        }
    }

    pub fn on_server(&self) -> bool {
        self.server.is_some()
    }

    /// What useradm is given as `USERADM_DB` (and the password file it reads), for a command
    /// that runs as the owner (`init`) or as the application.
    pub fn target(&self, home: &Path, as_owner: bool) -> (String, Option<PathBuf>) {
        let Some((server, name)) = &self.server else {
            return (self.path.display().to_string(), None);
        };
        let (user, password) = match (&server.app, as_owner) {
            (Some((role, pw)), false) => {
                self.grant_app_role(server, name, role);
                (role.as_str(), pw.as_ref())
            }
            _ => (server.owner.as_str(), server.owner_password.as_ref()),
        };
        let file = password.map(|pw| {
            let file = home.join(format!("pg-password-{user}"));
            write_private_once(&file, pw);
            file
        });
        self.write_pgpass(home, server);
        let url = format!(
            "postgres://{user}@{}:{}/{name}?{}",
            server.host, server.port, server.params
        );
        (url, file)
    }

    /// `~/.pgpass` too, for commands that may not read `USERADM_DB_PASSWORD_FILE` (a
    /// privileged invocation ignores it).
    fn write_pgpass(&self, home: &Path, server: &Server) {
        let file = home.join("home/.pgpass");
        let mut lines = String::new();
        let app = server.app.as_ref().map(|(role, pw)| (role, pw.as_ref()));
        for (user, pw) in [(&server.owner, server.owner_password.as_ref())]
            .into_iter()
            .chain(app)
        {
            if let Some(pw) = pw {
                lines.push_str(&format!("{}:{}:*:{user}:{pw}\n", server.host, server.port));
            }
        }
        must(std::fs::create_dir_all(home.join("home")).context("making the home folder"));
        write_private_once(&file, &lines);
    }

    /// Grants the application role what the README's script grants, once the schema exists.
    /// Once per database, whichever thread or host asks first (concurrent GRANTs on one
    /// object fail on the server).
    fn grant_app_role(&self, server: &Server, name: &str, role: &str) {
        static GRANTED: std::sync::Mutex<BTreeSet<String>> = std::sync::Mutex::new(BTreeSet::new());
        if self.granted.load(Ordering::SeqCst) {
            return;
        }
        let mut granted = GRANTED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if granted.contains(name) || !self.schema_exists() {
            self.granted.store(granted.contains(name), Ordering::SeqCst);
            return;
        }
        let script = include_str!("../../docs/postgres-roles.sql").replace("useradm_app", role);
        let mut client = must(server.client(name));
        must(
            client
                .batch_execute(&script)
                .context("granting docs/postgres-roles.sql"),
        );
        granted.insert(name.to_string());
        self.granted.store(true, Ordering::SeqCst);
    }

    /// Whether useradm's schema is there (on SQLite: whether the file is).
    pub fn schema_exists(&self) -> bool {
        matches!(
            self.try_rows("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta' AND table_schema = 'public'", &[]),
            Ok(rows) if rows.first().and_then(|r| r.first()) == Some(&Cell::Int(1))
        ) || (!self.on_server() && self.path.exists())
    }

    /// Every row of a query, with `?N` parameters on both engines.
    pub fn try_rows(&self, sql: &str, args: &[Arg<'_>]) -> anyhow::Result<Vec<Vec<Cell>>> {
        match &self.server {
            None => sqlite_rows(&self.path, sql, args),
            Some((server, name)) => {
                let mut client = server.client(name)?;
                pg_rows(&mut client, sql, args)
            }
        }
    }

    /// Runs one statement; returns the rows it changed.
    pub fn try_exec(&self, sql: &str, args: &[Arg<'_>]) -> anyhow::Result<u64> {
        match &self.server {
            None => {
                let conn = sqlite_connection(&self.path)?;
                let n = conn
                    .execute(sql, rusqlite::params_from_iter(args.iter().map(to_sqlite)))
                    .with_context(|| format!("running {sql}"))?;
                Ok(n as u64)
            }
            Some((server, name)) => {
                let mut client = server.client(name)?;
                let (types, values) = pg_args(args);
                client
                    .execute_typed(
                        &useradm::store::dollar_parameters(sql),
                        &zip(&types, &values),
                    )
                    .with_context(|| format!("running {sql}"))
            }
        }
    }

    /// Runs statements with no parameters (`;`-separated).
    pub fn try_batch(&self, sql: &str) -> anyhow::Result<()> {
        match &self.server {
            None => Ok(rusqlite::Connection::open(&self.path)?.execute_batch(sql)?),
            Some((server, name)) => Ok(server.client(name)?.batch_execute(sql)?),
        }
    }

    /// A connection to the test's server database as another role.
    pub fn client_as(&self, user: &str, password: &str) -> anyhow::Result<postgres::Client> {
        let (server, name) = self.server.as_ref().context("no server")?;
        server.client_as(name, user, Some(password))
    }

    /// Takes the database's write lock, as a useradm write transaction does, and holds it
    /// until [`Held::commit`].
    pub fn hold_write_lock(&self) -> anyhow::Result<Held> {
        match &self.server {
            None => {
                let conn = rusqlite::Connection::open(&self.path)?;
                conn.busy_timeout(std::time::Duration::from_secs(30))?;
                conn.execute_batch("BEGIN IMMEDIATE")?;
                Ok(Held::Sqlite(conn))
            }
            Some((server, name)) => {
                let mut client = server.client(name)?;
                client.batch_execute(&format!(
                    "BEGIN; SELECT pg_advisory_xact_lock({})",
                    useradm::store::WRITE_LOCK_KEY
                ))?;
                Ok(Held::Server(client))
            }
        }
    }
}

/// A write transaction of the test's own, holding the write lock.
pub enum Held {
    Sqlite(rusqlite::Connection),
    Server(postgres::Client),
}

impl Held {
    pub fn batch(&mut self, sql: &str) -> anyhow::Result<()> {
        match self {
            Held::Sqlite(conn) => Ok(conn.execute_batch(sql)?),
            Held::Server(client) => Ok(client.batch_execute(sql)?),
        }
    }

    pub fn commit(mut self) -> anyhow::Result<()> {
        self.batch("COMMIT")
    }
}

/// Writes a mode-600 file unless it is there; whole or not at all, since commands that run in
/// parallel read it.
fn write_private_once(file: &Path, text: &str) {
    if file.exists() {
        return;
    }
    let tmp = file.with_extension(format!("tmp-{:?}", std::thread::current().id()));
    must(std::fs::write(&tmp, text).context("writing a password file"));
    crate::util::set_mode(&tmp, 0o600);
    must(std::fs::rename(&tmp, file).context("placing a password file"));
}

static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((server, name)) = &self.server
            && self.owned
            && let Ok(mut admin) = server.client("postgres")
        {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

fn to_sqlite(arg: &Arg<'_>) -> rusqlite::types::Value {
    match arg {
        Arg::Int(n) => rusqlite::types::Value::Integer(*n),
        Arg::Text(s) => rusqlite::types::Value::Text((*s).to_string()),
    }
}

/// The test's own connection waits for the tool's writers (a deliverer sending mail in the
/// background) as the tool's own connections do, instead of failing at once.
fn sqlite_connection(path: &Path) -> anyhow::Result<rusqlite::Connection> {
    let conn = rusqlite::Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    Ok(conn)
}

fn sqlite_rows(path: &Path, sql: &str, args: &[Arg<'_>]) -> anyhow::Result<Vec<Vec<Cell>>> {
    if !path.exists() {
        bail!("no database at {}", path.display());
    }
    let conn = sqlite_connection(path)?;
    let mut st = conn
        .prepare(sql)
        .with_context(|| format!("preparing {sql}"))?;
    let width = st.column_count();
    let rows = st.query_map(
        rusqlite::params_from_iter(args.iter().map(to_sqlite)),
        |r| {
            (0..width)
                .map(|i| {
                    Ok(match r.get_ref(i)? {
                        rusqlite::types::ValueRef::Null => Cell::Null,
                        rusqlite::types::ValueRef::Integer(n) => Cell::Int(n),
                        rusqlite::types::ValueRef::Text(t) => {
                            Cell::Text(String::from_utf8_lossy(t).into_owned())
                        }
                        other => Cell::Text(format!("{other:?}")),
                    })
                })
                .collect::<rusqlite::Result<Vec<Cell>>>()
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

type PgArgs = (
    Vec<postgres::types::Type>,
    Vec<Box<dyn postgres::types::ToSql + Sync>>,
);

fn pg_args(args: &[Arg<'_>]) -> PgArgs {
    args.iter()
        .map(
            |a| -> (
                postgres::types::Type,
                Box<dyn postgres::types::ToSql + Sync>,
            ) {
                match a {
                    Arg::Int(n) => (postgres::types::Type::INT8, Box::new(*n)),
                    Arg::Text(s) => (postgres::types::Type::TEXT, Box::new((*s).to_string())),
                }
            },
        )
        .unzip()
}

fn zip<'a>(
    types: &[postgres::types::Type],
    values: &'a [Box<dyn postgres::types::ToSql + Sync>],
) -> Vec<(
    &'a (dyn postgres::types::ToSql + Sync),
    postgres::types::Type,
)> {
    values
        .iter()
        .zip(types)
        .map(|(v, t)| (v.as_ref(), t.clone()))
        .collect()
}

fn pg_rows(
    client: &mut postgres::Client,
    sql: &str,
    args: &[Arg<'_>],
) -> anyhow::Result<Vec<Vec<Cell>>> {
    use postgres::types::Type;
    let (types, values) = pg_args(args);
    let rows = client
        .query_typed(
            &useradm::store::dollar_parameters(sql),
            &zip(&types, &values),
        )
        .with_context(|| format!("running {sql}"))?;
    rows.iter()
        .map(|row| {
            (0..row.len())
                .map(|i| {
                    let ty = row.columns()[i].type_().clone();
                    Ok(if ty == Type::INT8 {
                        row.get::<_, Option<i64>>(i).map_or(Cell::Null, Cell::Int)
                    } else if ty == Type::INT4 {
                        row.get::<_, Option<i32>>(i)
                            .map_or(Cell::Null, |n| Cell::Int(n.into()))
                    } else if ty == Type::BOOL {
                        row.get::<_, Option<bool>>(i)
                            .map_or(Cell::Null, |b| Cell::Int(b.into()))
                    } else if ty == Type::TEXT || ty == Type::VARCHAR || ty == Type::NAME {
                        row.get::<_, Option<String>>(i)
                            .map_or(Cell::Null, Cell::Text)
                    } else {
                        bail!("column {i} of {sql} has type {ty}, which the tests do not read")
                    })
                })
                .collect()
        })
        .collect()
}
