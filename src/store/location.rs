//! Where the database is, from `--db`/`USERADM_DB`: a path is a SQLite file on this host; a
//! `postgres://user@host:port/dbname?sslmode=…&sslrootcert=…` URL is a PostgreSQL server. The URL
//! never holds a password: it comes from `USERADM_DB_PASSWORD_FILE`, `~/.pgpass` (or
//! `PGPASSFILE`), or a client certificate. The `postgres` crate reads no `PG*` variable and knows
//! no `verify-full`, so this module parses the URL and the password file itself.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Where the database is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
    Server(ServerUrl),
}

/// How the server's certificate is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    /// No TLS: only on a Unix socket or loopback.
    Disable,
    /// The certificate chains to a trusted root; its name is not checked.
    VerifyCa,
    /// The certificate chains to a trusted root and names the host (the default).
    VerifyFull,
}

/// A parsed `postgres://` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerUrl {
    /// The URL as given (it holds no password).
    pub text: String,
    /// A host name or address, or the folder of a Unix socket (starts with `/`).
    pub host: String,
    pub port: u16,
    pub user: String,
    pub dbname: String,
    pub sslmode: SslMode,
    pub sslrootcert: Option<PathBuf>,
    pub sslcert: Option<PathBuf>,
    pub sslkey: Option<PathBuf>,
}

impl ServerUrl {
    pub fn is_socket(&self) -> bool {
        self.host.starts_with('/')
    }

    pub fn is_loopback(&self) -> bool {
        self.host == "localhost"
            || self
                .host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }
}

impl Location {
    /// A `postgres://` or `postgresql://` URL is a server; anything else is a file path.
    pub fn parse(given: &Path) -> Result<Location> {
        let text = given.to_string_lossy();
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            ServerUrl::parse(&text).map(Location::Server)
        } else {
            Ok(Location::File(given.to_path_buf()))
        }
    }

    /// Whether `other` names the same database: the same file (however it is spelled), or the
    /// same server database (whichever role connects).
    pub fn same_as(&self, other: &Location) -> bool {
        match (self, other) {
            (Location::File(a), Location::File(b)) => {
                let real = |p: &Path| {
                    std::fs::canonicalize(p)
                        .or_else(|_| std::path::absolute(p))
                        .unwrap_or_else(|_| p.to_path_buf())
                };
                real(a) == real(b)
            }
            (Location::Server(a), Location::Server(b)) => {
                (&a.host, a.port, &a.dbname) == (&b.host, b.port, &b.dbname)
            }
            _ => false,
        }
    }

    /// How it is named in messages and on a command line (never with a password).
    pub fn describe(&self) -> String {
        match self {
            Location::File(path) => path.display().to_string(),
            Location::Server(url) => url.text.clone(),
        }
    }
}

/// The keys a URL's query may hold, as libpq reads them. Any other is refused: one that was
/// silently ignored (`?password=`, a misspelt `sslmode`) would be a surprise at best.
const QUERY_KEYS: &[&str] = &[
    "host",
    "port",
    "user",
    "dbname",
    "sslmode",
    "sslrootcert",
    "sslcert",
    "sslkey",
];

impl ServerUrl {
    pub fn parse(text: &str) -> Result<ServerUrl> {
        let bad = |why: &str| Error::usage(format!("invalid database URL: {why}"));
        let no_password = || {
            // Not echoed: the URL holds a secret.
            bad("it must not hold a password: put it in USERADM_DB_PASSWORD_FILE or ~/.pgpass")
        };
        // `postgres://user@/db?host=/run/postgresql` (libpq's socket form) has an empty host,
        // which the URL parser refuses: it is read with a stand-in the query's host replaces.
        let url = match url::Url::parse(text) {
            Err(url::ParseError::EmptyHost) => {
                url::Url::parse(&text.replacen("@/", "@localhost/", 1))
                    .ok()
                    .filter(|u| u.query_pairs().any(|(k, _)| k == "host"))
                    .ok_or_else(|| bad("it names no host"))?
            }
            parsed => parsed.map_err(|e| bad(&e.to_string()))?,
        };
        if url.password().is_some() {
            return Err(no_password());
        }
        for (key, _) in url.query_pairs() {
            if key.eq_ignore_ascii_case("password") || key.eq_ignore_ascii_case("passfile") {
                return Err(no_password());
            }
            if !QUERY_KEYS.contains(&key.as_ref()) {
                return Err(bad(&format!(
                    "it takes no {key:?} in its query (known: {})",
                    QUERY_KEYS.join(", ")
                )));
            }
        }
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8_lossy()
                .into_owned()
        };
        let query = |key: &str| {
            url.query_pairs()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.into_owned())
        };
        let host = match (query("host"), url.host_str().filter(|h| !h.is_empty())) {
            (Some(h), _) => h,
            (None, Some(h)) => decode(h),
            (None, None) => return Err(bad("it names no host")),
        };
        let user = match (query("user"), url.username()) {
            (Some(u), _) => u,
            (None, "") => nix::unistd::User::from_uid(nix::unistd::getuid())
                .ok()
                .flatten()
                .map(|u| u.name)
                .ok_or_else(|| bad("it names no user"))?,
            (None, u) => decode(u),
        };
        let dbname = match (query("dbname"), url.path().trim_start_matches('/')) {
            (Some(d), _) => d,
            (None, "") => user.clone(),
            (None, d) => decode(d),
        };
        let port = match query("port") {
            Some(p) => p
                .parse()
                .map_err(|_| bad(&format!("port={p:?} is not a port number")))?,
            None => url.port().unwrap_or(5432),
        };
        let socket = host.starts_with('/');
        let sslmode = match query("sslmode").as_deref() {
            // The server offers no TLS on a Unix socket, which the kernel keeps on this host.
            None if socket => SslMode::Disable,
            None | Some("verify-full") => SslMode::VerifyFull,
            Some("verify-ca") => SslMode::VerifyCa,
            Some("disable") => SslMode::Disable,
            Some(other) => {
                return Err(bad(&format!(
                    "sslmode={other}: expected verify-full (the default), verify-ca, or disable \
                     (on a Unix socket or loopback only)"
                )));
            }
        };
        if socket && sslmode != SslMode::Disable {
            return Err(bad(
                "a Unix socket has no TLS: leave sslmode out (or sslmode=disable)",
            ));
        }
        let parsed = ServerUrl {
            text: text.to_string(),
            host,
            port,
            user,
            dbname,
            sslmode,
            // libpq's `system`: the system's roots, as when none is named.
            sslrootcert: query("sslrootcert")
                .filter(|p| p != "system")
                .map(PathBuf::from),
            sslcert: query("sslcert").map(PathBuf::from),
            sslkey: query("sslkey").map(PathBuf::from),
        };
        if sslmode == SslMode::Disable && !parsed.is_socket() && !parsed.is_loopback() {
            return Err(bad(
                "sslmode=disable is only for a Unix socket or loopback: a remote server needs TLS",
            ));
        }
        Ok(parsed)
    }
}

/// The password for `url`: the first line of `password_file`, else the matching line of the
/// password file (`pgpass`, `~/.pgpass` by default), which is refused when others can read it.
/// `None` when neither has one (a client certificate, or trust, may do).
pub fn password_for(
    url: &ServerUrl,
    password_file: Option<&Path>,
    pgpass: Option<&Path>,
) -> Result<Option<String>> {
    if let Some(path) = password_file {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::usage(format!(
                "cannot read USERADM_DB_PASSWORD_FILE {}: {e}",
                path.display()
            ))
        })?;
        private(path)?;
        return Ok(Some(text.lines().next().unwrap_or_default().to_string()));
    }
    let Some(path) = pgpass else {
        return Ok(None);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Error::usage(format!(
                "cannot read the password file {}: {e}",
                path.display()
            )));
        }
    };
    private(path)?;
    Ok(pgpass_match(&text, url))
}

/// Exit 2 when a password file can be read by group or others (libpq only warns and skips it).
fn private(path: &Path) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let mode = std::fs::metadata(path).map(|m| m.mode()).unwrap_or(0);
    if mode & 0o077 != 0 {
        return Err(Error::usage(format!(
            "the password file {} can be read by group or others (mode {:o}): chmod 600 it",
            path.display(),
            mode & 0o777
        )));
    }
    Ok(())
}

/// The password of the first `hostname:port:database:username:password` line that matches (`*`
/// matches anything; `\:` and `\\` are escapes).
fn pgpass_match(text: &str, url: &ServerUrl) -> Option<String> {
    let port = url.port.to_string();
    let host = if url.is_socket() {
        "localhost"
    } else {
        &url.host
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|line| {
            let fields = pgpass_fields(line);
            (fields.len() == 5).then_some(fields)
        })
        .find(|f| {
            let matches = |field: &str, value: &str| field == "*" || field == value;
            matches(&f[0], host)
                && matches(&f[1], &port)
                && matches(&f[2], &url.dbname)
                && matches(&f[3], &url.user)
        })
        .map(|f| f[4].clone())
}

fn pgpass_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(field)) = (chars.next(), fields.last_mut()) {
                    field.push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                if let Some(field) = fields.last_mut() {
                    field.push(c);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_parse_with_safe_defaults() {
        let u = ServerUrl::parse("postgres://app@db.example.com/accounts").unwrap();
        assert_eq!(
            (
                u.host.as_str(),
                u.port,
                u.user.as_str(),
                u.dbname.as_str(),
                u.sslmode
            ),
            (
                "db.example.com",
                5432,
                "app",
                "accounts",
                SslMode::VerifyFull
            )
        );
        let u = ServerUrl::parse("postgresql://app@127.0.0.1:5433/x?sslmode=disable").unwrap();
        assert_eq!((u.port, u.sslmode), (5433, SslMode::Disable));
        let u = ServerUrl::parse("postgres://app@%2Frun%2Fpostgresql/x?sslmode=disable").unwrap();
        assert!(u.is_socket());
        let err = ServerUrl::parse("postgres://app:s3cret@db.example.com/x").unwrap_err();
        assert!(!err.to_string().contains("s3cret"), "{err}");
        assert!(ServerUrl::parse("postgres://app@db.example.com/x?sslmode=disable").is_err());
        assert!(ServerUrl::parse("postgres://app@db.example.com/x?sslmode=require").is_err());
        // A password in the query is refused as one in the user part is, and never echoed; so
        // is any key libpq would read that this tool does not.
        for query in ["password=s3cret", "PASSWORD=s3cret", "passfile=s3cret"] {
            let err = ServerUrl::parse(&format!("postgres://app@db.example.com/x?{query}"))
                .unwrap_err()
                .to_string();
            assert!(err.contains("must not hold a password"), "{err}");
            assert!(!err.contains("s3cret"), "{err}");
        }
        let err = ServerUrl::parse("postgres://app@db.example.com/x?sslmdoe=disable").unwrap_err();
        assert!(err.to_string().contains("\"sslmdoe\""), "{err}");
        // libpq's socket form: an empty host, the folder in the query, no TLS by default.
        let u =
            ServerUrl::parse("postgres://app@/accounts?host=/run/postgresql&port=5433").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.dbname.as_str(), u.sslmode),
            ("/run/postgresql", 5433, "accounts", SslMode::Disable)
        );
        assert!(
            ServerUrl::parse("postgres://app@/accounts?host=/run/postgresql&sslmode=verify-full")
                .is_err()
        );
        assert!(ServerUrl::parse("postgres://app@/accounts").is_err());
        let u = ServerUrl::parse(
            "postgres://db.example.com/?user=app&dbname=accounts&sslrootcert=system",
        )
        .unwrap();
        assert_eq!(
            (u.user.as_str(), u.dbname.as_str(), u.sslrootcert),
            ("app", "accounts", None)
        );
        assert!(matches!(
            Location::parse(Path::new("/srv/useradm.db")).unwrap(),
            Location::File(_)
        ));
    }

    #[test]
    fn pgpass_lines_match_with_wildcards_and_escapes() {
        let url = ServerUrl::parse("postgres://app@db.example.com:5433/accounts").unwrap();
        let text =
            "# comment\nother:5433:accounts:app:wrong\n*:5433:accounts:app:pa\\:ss\\\\word\n";
        assert_eq!(pgpass_match(text, &url).as_deref(), Some("pa:ss\\word"));
        assert_eq!(pgpass_match("db.example.com:5432:*:*:x\n", &url), None);
    }
}
