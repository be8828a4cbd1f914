//! The policy settings: their names, defaults, floors and caps, and the typed `Policy` every
//! command reads. Policy lives in the database so every client of one database enforces the same
//! rules; only the mail transport may be overridden from the environment (see `context`).

use std::collections::HashMap;

use crate::clock::{format_duration, parse_duration};
use crate::crypto::{HashCost, MAX_ITERATIONS, MAX_MEMORY_KIB, MAX_PARALLELISM};
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Int {
        min: i64,
        max: i64,
    },
    /// Seconds, written as `900`, `15m`, `12h`.
    Duration {
        min: i64,
        max: i64,
    },
    Bool,
    SmtpUrl,
    Address,
    LinkTemplate,
    /// Never shown, only set through `--value-stdin`.
    Secret,
    /// Role names separated by commas.
    RoleList,
    /// Words separated by commas (a product's or company's name).
    WordList,
    /// `auto`, `off`, or the absolute path of a local logger's datagram socket.
    LogSocket,
    /// Empty, or the absolute path of a file.
    FilePath,
    /// Kinds of security notice separated by commas (`accounts::notices::KINDS`).
    NoticeList,
    /// Empty, or PEM certificates (a private CA), set through `--value-stdin`.
    Pem,
}

#[derive(Debug)]
pub struct Definition {
    pub key: &'static str,
    pub default: &'static str,
    pub kind: Kind,
    pub help: &'static str,
}

const DAY: i64 = 86_400;

pub const DEFINITIONS: &[Definition] = &[
    Definition {
        key: "password.min_length",
        default: "15",
        kind: Kind::Int { min: 8, max: 256 },
        help: "fewest characters (code points) in a password",
    },
    Definition {
        key: "password.min_score",
        default: "3",
        kind: Kind::Int { min: 0, max: 4 },
        help: "lowest zxcvbn score (0-4) a password may have",
    },
    Definition {
        key: "password.context_words",
        default: "",
        kind: Kind::WordList,
        help: "words no password may be made mostly of, beside the account's own (comma-separated)",
    },
    Definition {
        key: "password.max_age",
        default: "0s",
        kind: Kind::Duration {
            min: 0,
            max: 3650 * DAY,
        },
        help: "a password older than this must be changed at the next login (0s: never)",
    },
    Definition {
        key: "password.blocklist_file",
        default: "",
        kind: Kind::FilePath,
        help: "a list of passwords no one may choose, beside the built-in one: sorted plain text or SHA1:count",
    },
    Definition {
        key: "argon2.memory_kib",
        default: "19456",
        kind: Kind::Int {
            min: 19456,
            max: MAX_MEMORY_KIB as i64,
        },
        help: "Argon2id memory cost in KiB",
    },
    Definition {
        key: "argon2.iterations",
        default: "2",
        kind: Kind::Int {
            min: 2,
            max: MAX_ITERATIONS as i64,
        },
        help: "Argon2id time cost",
    },
    Definition {
        key: "argon2.parallelism",
        default: "1",
        kind: Kind::Int {
            min: 1,
            max: MAX_PARALLELISM as i64,
        },
        help: "Argon2id lanes",
    },
    Definition {
        key: "checks.max_memory_kib",
        default: "524288",
        kind: Kind::Int {
            min: 65536,
            max: 16 * 1024 * 1024,
        },
        help: "memory (KiB) that password and code checks may take at once on one host",
    },
    Definition {
        key: "lockout.max_failures",
        default: "5",
        kind: Kind::Int { min: 1, max: 100 },
        help: "consecutive failed logins that lock an email",
    },
    Definition {
        key: "lockout.duration",
        default: "15m",
        kind: Kind::Duration { min: 1, max: DAY },
        help: "how long a lock lasts",
    },
    Definition {
        key: "session.idle",
        default: "30m",
        kind: Kind::Duration {
            min: 1,
            max: 30 * DAY,
        },
        help: "a session ends after this long unused",
    },
    Definition {
        key: "session.max_per_user",
        default: "20",
        kind: Kind::Int { min: 1, max: 1000 },
        help: "live sessions an account may have; a login beyond ends the least recently used",
    },
    Definition {
        key: "session.ttl",
        default: "12h",
        kind: Kind::Duration {
            min: 1,
            max: 30 * DAY,
        },
        help: "a session ends this long after login",
    },
    Definition {
        key: "codes.ttl",
        default: "10m",
        kind: Kind::Duration { min: 1, max: DAY },
        help: "lifetime of verification and reset codes",
    },
    Definition {
        key: "codes.invite_ttl",
        default: "3d",
        kind: Kind::Duration {
            min: 1,
            max: 30 * DAY,
        },
        help: "lifetime of invitation codes",
    },
    Definition {
        key: "codes.max_attempts",
        default: "3",
        kind: Kind::Int { min: 1, max: 10 },
        help: "tries per code",
    },
    Definition {
        key: "codes.max_per_hour",
        default: "5",
        kind: Kind::Int { min: 1, max: 100 },
        help: "codes per user and purpose per hour",
    },
    Definition {
        key: "registration.open",
        default: "true",
        kind: Kind::Bool,
        help: "anyone may register (false: needs users.manage)",
    },
    Definition {
        key: "registration.require_verified_email",
        default: "true",
        kind: Kind::Bool,
        help: "unverified accounts cannot log in",
    },
    Definition {
        key: "mfa.required_roles",
        default: "",
        kind: Kind::RoleList,
        help: "roles whose holders must enrol a second factor (comma-separated; * for every account)",
    },
    Definition {
        key: "retention.operational",
        default: "30d",
        kind: Kind::Duration {
            min: DAY,
            max: 3650 * DAY,
        },
        help: "ended sessions, used or expired codes, sent mail and unknown addresses' failure counts are purged after this",
    },
    Definition {
        key: "notify.events",
        default: crate::accounts::notices::DEFAULT_EVENTS,
        kind: Kind::NoticeList,
        help: "security notices mailed to the account (comma-separated; empty: none): password_changed, password_reset, password_set, email_changed, mfa_added, mfa_removed, recovery_codes, token_created, account_disabled, new_source",
    },
    Definition {
        key: "checkpassword.home",
        default: "/",
        kind: Kind::FilePath,
        help: "the HOME that checkpassword gives the program it runs",
    },
    Definition {
        key: "audit.syslog",
        default: "auto",
        kind: Kind::LogSocket,
        help: "where each audit event also goes: auto (/dev/log where it exists), off, or a socket path",
    },
    Definition {
        key: "mail.smtp_url",
        default: "",
        kind: Kind::SmtpUrl,
        help: "smtp://host:587, smtps://host, smtp://127.0.0.1:2525 (empty: outbox)",
    },
    Definition {
        key: "mail.smtp_password",
        default: "",
        kind: Kind::Secret,
        help: "SMTP password (set with --value-stdin; shown redacted)",
    },
    Definition {
        key: "mail.smtp_ca",
        default: "",
        kind: Kind::Pem,
        help: "a private CA the SMTP relay's certificate may chain to, beside the system's (PEM; set with --value-stdin < ca.pem)",
    },
    Definition {
        key: "mail.from",
        default: "",
        kind: Kind::Address,
        help: "sender address (empty: useradm@<hostname>)",
    },
    Definition {
        key: "mail.verify_url",
        default: "",
        kind: Kind::LinkTemplate,
        help: "link template with {email} and {code} for verification mails",
    },
    Definition {
        key: "mail.reset_url",
        default: "",
        kind: Kind::LinkTemplate,
        help: "link template with {email} and {code} for reset mails",
    },
    Definition {
        key: "mail.invite_url",
        default: "",
        kind: Kind::LinkTemplate,
        help: "link template with {email} and {code} for invitations",
    },
];

pub fn definition(key: &str) -> Result<&'static Definition> {
    DEFINITIONS.iter().find(|d| d.key == key).ok_or_else(|| {
        Error::usage(format!(
            "unknown setting {key:?}; `useradm config list` shows them"
        ))
    })
}

/// Checks a value against the floors and caps of its setting and returns its canonical text.
pub fn validate(def: &Definition, raw: &str) -> Result<String> {
    // A secret is taken exactly as given (only the newline was stripped when it was read).
    let raw = if matches!(def.kind, Kind::Secret) {
        raw
    } else {
        raw.trim()
    };
    let bad = |why: String| {
        Err(Error::usage(format!(
            "invalid value for {}: {why}",
            def.key
        )))
    };
    match def.kind {
        Kind::Int { min, max } => match raw.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n.to_string()),
            _ => bad(format!("expected a whole number from {min} to {max}")),
        },
        Kind::Duration { min, max } => match parse_duration(raw) {
            Some(s) if (min..=max).contains(&s) => Ok(format_duration(s)),
            _ => bad(format!(
                "expected a duration with a unit (s, m, h or d: 90s, 15m, 12h, 3d, 1h 30m) from {} to {}",
                format_duration(min),
                format_duration(max)
            )),
        },
        Kind::Bool => match raw.to_ascii_lowercase().as_str() {
            "true" | "yes" | "on" | "1" => Ok("true".into()),
            "false" | "no" | "off" | "0" => Ok("false".into()),
            _ => bad("expected true or false".into()),
        },
        Kind::SmtpUrl => {
            if raw.is_empty() {
                return Ok(String::new());
            }
            crate::mail::SmtpTarget::parse(raw)
                .map_err(|e| Error::usage(format!("invalid value for {}: {e}", def.key)))?;
            Ok(raw.to_string())
        }
        Kind::Address => {
            if raw.is_empty() {
                return Ok(String::new());
            }
            crate::validate::parse_email(raw).map(|e| e.address)
        }
        Kind::LinkTemplate => {
            if raw.is_empty() {
                return Ok(String::new());
            }
            let ok = raw.contains("{code}")
                && raw.len() <= 2048
                && !raw.chars().any(|c| c.is_control() || c.is_whitespace());
            if !ok {
                return bad(
                    "expected an https:// URL containing {code} (and optionally {email})".into(),
                );
            }
            match link_scheme_allowed(raw) {
                Ok(()) => Ok(raw.to_string()),
                Err(why) => bad(why),
            }
        }
        Kind::RoleList => role_list(raw).or_else(bad),
        Kind::WordList => word_list(raw).or_else(bad),
        Kind::NoticeList => crate::accounts::notices::kind_list(raw).or_else(bad),
        Kind::Pem if raw.is_empty() => Ok(String::new()),
        Kind::Pem if raw.len() > 64 * 1024 => bad("more than 64 KiB of PEM".into()),
        Kind::Pem => match crate::tls::pem_certificates(raw.as_bytes()) {
            Ok(_) => Ok(format!("{raw}\n")),
            Err(why) => bad(format!("expected PEM certificates: {why}")),
        },
        Kind::FilePath => match raw {
            "" => Ok(String::new()),
            path if path.starts_with('/')
                && path.len() <= 1024
                && !path.chars().any(char::is_control) =>
            {
                Ok(path.to_string())
            }
            _ => bad("expected the absolute path of a file (or empty)".into()),
        },
        Kind::LogSocket => match raw {
            "auto" | "off" => Ok(raw.to_string()),
            path if path.starts_with('/')
                && path.len() <= 1024
                && !path.chars().any(char::is_control) =>
            {
                Ok(path.to_string())
            }
            _ => bad("expected auto, off, or the absolute path of a socket".into()),
        },
        Kind::Secret => {
            if raw.len() > 1024 || raw.chars().any(char::is_control) {
                return bad("at most 1024 characters, no control characters".into());
            }
            Ok(raw.to_string())
        }
    }
}

/// The items of a comma-separated setting, trimmed, without empty ones: how every list setting
/// is read, as it is validated and as the policy takes it.
pub fn comma_items(raw: &str) -> impl Iterator<Item = &str> {
    raw.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// Role names separated by commas, or `*` (every account) alone.
fn role_list(raw: &str) -> std::result::Result<String, String> {
    let names: Vec<&str> = comma_items(raw).collect();
    if names.contains(&"*") {
        return match names.len() {
            1 => Ok("*".into()),
            _ => Err("`*` (every account) stands alone".into()),
        };
    }
    for n in &names {
        crate::validate::role_name(n).map_err(|e| e.to_string())?;
    }
    Ok(names.join(","))
}

/// Words separated by commas: at most 100, of at most 64 characters each.
fn word_list(raw: &str) -> std::result::Result<String, String> {
    let words: Vec<&str> = comma_items(raw).collect();
    let bad_word = |w: &&str| w.chars().count() > 64 || w.chars().any(char::is_control);
    if words.len() > 100 || words.iter().any(bad_word) {
        return Err("at most 100 words of at most 64 characters, no control characters".into());
    }
    Ok(words.join(","))
}

/// A link in a mail carries a code, so it goes over https only; plain http is allowed to this
/// host alone (a test server, a local proxy), where nothing crosses a network.
fn link_scheme_allowed(raw: &str) -> std::result::Result<(), String> {
    let url = url::Url::parse(raw).map_err(|e| format!("not a URL ({e})"))?;
    let loopback = match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    match url.scheme() {
        "https" if url.host().is_some() => Ok(()),
        "http" if loopback => Ok(()),
        "http" => {
            Err("links carry a code: use https:// (http:// only to 127.0.0.1 or localhost)".into())
        }
        _ => Err("expected an https:// URL".into()),
    }
}

/// The settings every command works with, read from the `settings` table once per command.
#[derive(Debug, Clone)]
pub struct Policy {
    pub password_min_length: usize,
    pub password_min_score: u8,
    /// Words of the product or company, judged as the account's own are.
    pub password_context_words: Vec<String>,
    /// How old a password may get before its user must change it (`None`: any age).
    pub password_max_age: Option<i64>,
    /// The administrator's own list of refused passwords (`blocklist`).
    pub password_blocklist_file: Option<std::path::PathBuf>,
    pub hash_cost: HashCost,
    /// The host's budget of memory for hash checks running at once.
    pub check_memory_budget_kib: u64,
    pub lockout_max_failures: i64,
    pub lockout_duration: i64,
    pub session_idle: i64,
    pub session_ttl: i64,
    pub session_max_per_user: usize,
    pub code_ttl: i64,
    pub invite_ttl: i64,
    pub code_max_attempts: i64,
    pub code_max_per_hour: i64,
    pub registration_open: bool,
    pub require_verified_email: bool,
    /// The HOME `checkpassword` gives the program it runs.
    pub checkpassword_home: String,
    /// Where audit events also go: `auto`, `off` or a socket path (`syslog::target`).
    pub audit_syslog: String,
    /// Holders of these roles must have a second factor.
    pub mfa_required_roles: Vec<String>,
    /// The kinds of security notice mailed to an account (`notify.events`).
    pub notify_events: Vec<String>,
    pub mail: MailSettings,
}

#[derive(Debug, Clone, Default)]
pub struct MailSettings {
    pub smtp_url: String,
    pub smtp_password: String,
    /// PEM certificates of a private CA (`mail.smtp_ca`).
    pub smtp_ca: String,
    pub from: String,
    pub verify_url: String,
    pub reset_url: String,
    pub invite_url: String,
}

impl Policy {
    /// Whether an account holding `roles` must have a second factor (`mfa.required_roles`).
    pub fn requires_second_factor(&self, roles: &[String]) -> bool {
        self.mfa_required_roles
            .iter()
            .any(|r| r == "*" || roles.contains(r))
    }

    /// Builds the policy from stored rows; a missing or unreadable row falls back to its default,
    /// so a hand-edited table cannot weaken a floor.
    pub fn from_rows(rows: &HashMap<String, String>) -> Policy {
        let text = |key: &str| -> String {
            let def = definition(key).expect("known setting");
            rows.get(key)
                .and_then(|v| validate(def, v).ok())
                .unwrap_or_else(|| def.default.to_string())
        };
        let int = |key: &str| -> i64 { text(key).parse().unwrap_or(0) };
        let secs = |key: &str| -> i64 { parse_duration(&text(key)).unwrap_or(0) };
        let flag = |key: &str| text(key) == "true";
        let list =
            |key: &str| -> Vec<String> { comma_items(&text(key)).map(str::to_string).collect() };
        let u32_of = |key: &str| u32::try_from(int(key)).unwrap_or(u32::MAX);
        Policy {
            password_min_length: usize::try_from(int("password.min_length")).unwrap_or(15),
            password_min_score: u8::try_from(int("password.min_score")).unwrap_or(3),
            password_max_age: Some(secs("password.max_age")).filter(|s| *s > 0),
            password_blocklist_file: Some(text("password.blocklist_file"))
                .filter(|p| !p.is_empty())
                .map(std::path::PathBuf::from),
            password_context_words: list("password.context_words"),
            hash_cost: HashCost {
                memory_kib: u32_of("argon2.memory_kib"),
                iterations: u32_of("argon2.iterations"),
                parallelism: u32_of("argon2.parallelism"),
            },
            check_memory_budget_kib: u64::try_from(int("checks.max_memory_kib")).unwrap_or(0),
            lockout_max_failures: int("lockout.max_failures"),
            lockout_duration: secs("lockout.duration"),
            session_idle: secs("session.idle"),
            session_ttl: secs("session.ttl"),
            session_max_per_user: usize::try_from(int("session.max_per_user")).unwrap_or(20),
            code_ttl: secs("codes.ttl"),
            invite_ttl: secs("codes.invite_ttl"),
            code_max_attempts: int("codes.max_attempts"),
            code_max_per_hour: int("codes.max_per_hour"),
            registration_open: flag("registration.open"),
            require_verified_email: flag("registration.require_verified_email"),
            audit_syslog: text("audit.syslog"),
            checkpassword_home: text("checkpassword.home"),
            mfa_required_roles: list("mfa.required_roles"),
            notify_events: list("notify.events"),
            mail: MailSettings {
                smtp_url: text("mail.smtp_url"),
                smtp_password: text("mail.smtp_password"),
                smtp_ca: text("mail.smtp_ca"),
                from: text("mail.from"),
                verify_url: text("mail.verify_url"),
                reset_url: text("mail.reset_url"),
                invite_url: text("mail.invite_url"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_floors_hold() {
        for def in DEFINITIONS {
            assert_eq!(
                validate(def, def.default).unwrap(),
                def.default,
                "{}",
                def.key
            );
        }
        let mem = definition("argon2.memory_kib").unwrap();
        assert!(validate(mem, "19455").is_err());
        assert!(validate(definition("password.min_length").unwrap(), "7").is_err());
        assert_eq!(
            validate(definition("session.idle").unwrap(), "900s").unwrap(),
            "15m"
        );
        assert!(validate(definition("session.idle").unwrap(), "900").is_err());
        assert!(validate(definition("session.ttl").unwrap(), "365d").is_err());
        assert!(definition("no.such").is_err());
    }

    #[test]
    fn tampered_rows_fall_back_to_defaults() {
        let mut rows = HashMap::new();
        rows.insert("argon2.memory_kib".to_string(), "8".to_string());
        rows.insert("session.idle".to_string(), "2s".to_string());
        let p = Policy::from_rows(&rows);
        assert_eq!(p.hash_cost.memory_kib, 19456);
        assert_eq!(p.session_idle, 2);
        assert_eq!(p.session_ttl, 12 * 3600);
    }
}
