//! The declared-state file of `apply`: TOML or JSON, read into one shape and checked whole
//! before anything is compared (every bad entry reported at once, as `import` does).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::accounts::import::{self, LineError, RawRow, Row};
use crate::clock;
use crate::error::{Error, Result};
use crate::settings::{self, Kind, Policy};
use crate::store::ADMIN_ROLE;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Toml,
    Json,
}

/// The file as written. Unknown keys are refused: a misspelt `rolse` must not mean "leave the
/// roles alone", and a `password` or `token` key has no place here.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    owner: String,
    #[serde(default)]
    settings: BTreeMap<String, toml::Value>,
    #[serde(default)]
    roles: BTreeMap<String, RoleEntry>,
    #[serde(default)]
    users: Vec<UserEntry>,
    #[serde(default)]
    idps: BTreeMap<String, ProviderEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProviderEntry {
    issuer: Option<String>,
    client_id: Option<String>,
    /// Never the secret itself: a file whose first line it is.
    client_secret_file: Option<std::path::PathBuf>,
    scopes: Option<Vec<String>>,
    allowed_domains: Option<Vec<String>>,
    link_by: Option<String>,
    mfa_by_amr: Option<bool>,
    #[serde(default)]
    absent: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleEntry {
    description: Option<String>,
    permissions: Option<Vec<String>>,
    #[serde(default)]
    absent: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserEntry {
    email: String,
    first_name: Option<String>,
    last_name: Option<String>,
    attributes: Option<serde_json::Map<String, serde_json::Value>>,
    roles: Option<Vec<String>>,
    email_verified: Option<bool>,
    status: Option<String>,
    must_change: Option<bool>,
    /// A date, an RFC 3339 time, or `never`; TOML's own dates too.
    expires: Option<toml::Value>,
    /// A date, an RFC 3339 time, or `always`.
    valid_from: Option<toml::Value>,
    /// For migration: acts only when the account is created.
    password_hash: Option<String>,
    /// The identities of single sign-on linked to it; exact when given.
    identities: Option<Vec<IdentityEntry>>,
    #[serde(default)]
    absent: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentityEntry {
    idp: String,
    subject: String,
}

/// A declared role.
#[derive(Debug, Clone)]
pub struct DeclaredRole {
    pub name: String,
    pub description: Option<String>,
    /// Exact when given.
    pub permissions: Option<Vec<String>>,
    pub absent: bool,
}

/// A declared identity provider; what is left out is left alone (or, at its creation, what
/// `idp add` takes when an option is left out).
#[derive(Debug, Clone)]
pub struct DeclaredProvider {
    pub name: String,
    pub issuer: Option<String>,
    pub client_id: Option<String>,
    /// Where its client secret is: the command reads it (only what its caller may read).
    pub client_secret_file: Option<std::path::PathBuf>,
    /// The first line of `client_secret_file`, once read.
    pub client_secret: Option<String>,
    pub scopes: Option<Vec<String>>,
    pub allowed_domains: Option<Vec<String>>,
    pub link_by_email: Option<bool>,
    pub mfa_by_amr: Option<bool>,
    pub absent: bool,
}

/// An account declared `absent = true`.
pub struct AbsentUser {
    /// Its entry's number in the file.
    pub entry: usize,
    pub email: crate::validate::Email,
}

/// The whole declared state, checked.
pub struct Declared {
    pub owner: String,
    /// (definition, normalised value), in key order.
    pub settings: Vec<(&'static settings::Definition, String)>,
    pub roles: Vec<DeclaredRole>,
    pub providers: Vec<DeclaredProvider>,
    /// The accounts present, each a validated row as `import` reads one (`line` is the entry's
    /// number), in file order.
    pub(crate) rows: Vec<Row>,
    pub absent: Vec<AbsentUser>,
    /// The identities declared for an account, by its entry's number (`Row::line`): a sorted
    /// list of (provider, subject).
    pub identities: BTreeMap<usize, Vec<(String, String)>>,
    /// The SHA-256 of the file's bytes, for the audit log.
    pub sha256: String,
}

pub fn format_of(path: &std::path::Path) -> Format {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("json") => Format::Json,
        _ => Format::Toml,
    }
}

/// Reads and checks the file: exit 2 naming every problem.
pub fn read(text: &str, format: Format, policy: &Policy) -> Result<Declared> {
    let file: File = match format {
        Format::Toml => toml::from_str(text).map_err(|e| toml_error(text, &e))?,
        Format::Json => serde_json::from_str(text).map_err(|e| Error::usage(format!("{e}")))?,
    };
    let mut problems = Vec::new();
    let owner = file.owner.trim().to_string();
    if owner.is_empty() || owner.chars().count() > 100 || owner.chars().any(char::is_control) {
        problems.push("owner: a name of 1 to 100 characters, without control characters".into());
    }
    let mut settings_out = Vec::new();
    for (key, value) in &file.settings {
        match setting(key, value) {
            Ok(s) => settings_out.push(s),
            Err(e) => problems.push(format!("settings.{key}: {e}")),
        }
    }
    let mut roles = Vec::new();
    for (name, entry) in file.roles {
        match role(&name, entry) {
            Ok(r) => roles.push(r),
            Err(e) => problems.push(format!("roles.{name}: {e}")),
        }
    }
    let mut providers = Vec::new();
    for (name, entry) in file.idps {
        match provider(&name, entry) {
            Ok(p) => providers.push(p),
            Err(e) => problems.push(format!("idps.{name}: {e}")),
        }
    }
    let Users {
        rows,
        absent,
        identities,
        problems: user_problems,
    } = users(file.users, policy);
    problems.extend(user_problems);
    if !problems.is_empty() {
        let mut text = format!(
            "{} problem(s) in the file; nothing was applied:",
            problems.len()
        );
        for p in problems.iter().take(200) {
            text.push_str(&format!("\n  {p}"));
        }
        if problems.len() > 200 {
            text.push_str(&format!("\n  … and {} more", problems.len() - 200));
        }
        return Err(Error::Usage(text));
    }
    Ok(Declared {
        owner,
        settings: settings_out,
        roles,
        providers,
        rows,
        absent,
        identities,
        sha256: crate::crypto::sha256_hex(text.as_bytes()),
    })
}

/// The accounts of a file, checked; their problems by entry.
struct Users {
    rows: Vec<Row>,
    absent: Vec<AbsentUser>,
    identities: BTreeMap<usize, Vec<(String, String)>>,
    problems: Vec<String>,
}

fn users(entries: Vec<UserEntry>, policy: &Policy) -> Users {
    let mut raw = Vec::new();
    let mut absent = Vec::new();
    let mut user_problems = Vec::new();
    let mut identities = BTreeMap::new();
    for (i, mut entry) in entries.into_iter().enumerate() {
        if let Some(list) = entry.identities.take() {
            match declared_identities(list) {
                Ok(list) => {
                    identities.insert(i + 1, list);
                }
                Err(e) => user_problems.push(LineError {
                    line: i + 1,
                    message: e,
                }),
            }
            if entry.absent {
                user_problems.push(LineError {
                    line: i + 1,
                    message: "absent = true takes no other keys than email".into(),
                });
            }
        }
        match user(i + 1, entry) {
            Ok(Entry::Raw(r)) => raw.push(r),
            Ok(Entry::Absent(n, email)) => absent.push((n, email)),
            Err(e) => user_problems.push(LineError {
                line: i + 1,
                message: e,
            }),
        }
    }
    // One entry per address (absent ones included); later ones are reported, not validated.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (n, email) in &absent {
        if let Some(first) = seen.insert(email.canonical.clone(), *n) {
            user_problems.push(LineError {
                line: *n,
                message: format!("{} is also users[{first}]", email.address),
            });
        }
    }
    raw.retain(|r| {
        let address = r.email.as_deref().unwrap_or_default();
        let Ok(email) = crate::validate::parse_email(address) else {
            return true;
        };
        match seen.get(&email.canonical) {
            Some(first) => {
                user_problems.push(LineError {
                    line: r.line,
                    message: format!("{address} is also users[{first}]"),
                });
                false
            }
            None => {
                seen.insert(email.canonical, r.line);
                true
            }
        }
    });
    let rows = match import::validate_rows(
        &raw,
        Vec::new(),
        policy,
        &Default::default(),
        import::Rules::Apply,
    ) {
        Ok(rows) => rows,
        Err(errors) => {
            user_problems.extend(errors);
            Vec::new()
        }
    };
    user_problems.sort_by_key(|e| e.line);
    Users {
        rows,
        absent: absent
            .into_iter()
            .map(|(entry, email)| AbsentUser { entry, email })
            .collect(),
        identities,
        problems: user_problems.iter().map(entry_problem).collect(),
    }
}

/// A TOML error as its place and message, without the line it quotes by default: that line
/// may hold a password or a hash.
fn toml_error(text: &str, e: &toml::de::Error) -> Error {
    let message = e.message().trim_end();
    match e.span() {
        Some(span) => {
            let start = (0..=span.start.min(text.len()))
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            let before = &text[..start];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            Error::usage(format!("line {line}, column {column}: {message}"))
        }
        None => Error::usage(message.to_string()),
    }
}

/// A declared list of identities, sorted; each subject well formed, none twice.
fn declared_identities(
    list: Vec<IdentityEntry>,
) -> std::result::Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for i in list {
        crate::accounts::sso::check_subject(&i.subject).map_err(|e| format!("identities: {e}"))?;
        out.push((i.idp, i.subject));
    }
    out.sort();
    let before = out.len();
    out.dedup();
    match out.len() == before {
        true => Ok(out),
        false => Err("identities: an identity is listed twice".into()),
    }
}

/// `import`'s line numbers are the entries' numbers here.
fn entry_problem(e: &LineError) -> String {
    format!("users[{}]: {}", e.line, e.message)
}

fn setting(key: &str, value: &toml::Value) -> Result<(&'static settings::Definition, String)> {
    let def = settings::definition(key)?;
    if matches!(def.kind, Kind::Secret) {
        return Err(Error::usage(format!(
            "a secret is never declared in a file: set it with `useradm config set {key} --value-stdin`"
        )));
    }
    let text = match value {
        toml::Value::String(s) => s.clone(),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Integer(i) => i.to_string(),
        _ => return Err(Error::usage("a string, a number or true/false")),
    };
    Ok((def, settings::validate(def, &text)?))
}

fn role(name: &str, entry: RoleEntry) -> Result<DeclaredRole> {
    if name == ADMIN_ROLE {
        return Err(Error::usage("the built-in role admin is not declared"));
    }
    if entry.absent && (entry.description.is_some() || entry.permissions.is_some()) {
        return Err(Error::usage("absent = true takes no other keys"));
    }
    let mut permissions = entry.permissions;
    if let Some(p) = &mut permissions {
        p.sort();
        p.dedup();
    }
    crate::accounts::roles::validate_role(
        name,
        entry.description.as_deref().unwrap_or(""),
        permissions.as_deref().unwrap_or(&[]),
    )?;
    Ok(DeclaredRole {
        name: name.to_string(),
        description: entry.description,
        permissions,
        absent: entry.absent,
    })
}

/// An identity provider's entry, checked as far as it goes alone (`apply`'s plan checks the
/// provider it makes with the store's).
fn provider(name: &str, entry: ProviderEntry) -> Result<DeclaredProvider> {
    crate::validate::role_name(name)
        .map_err(|_| Error::usage("a provider's name: lowercase letters, digits, - and _"))?;
    let given_beyond_absent = entry.issuer.is_some()
        || entry.client_id.is_some()
        || entry.client_secret_file.is_some()
        || entry.scopes.is_some()
        || entry.allowed_domains.is_some()
        || entry.link_by.is_some()
        || entry.mfa_by_amr.is_some();
    if entry.absent && given_beyond_absent {
        return Err(Error::usage("absent = true takes no other keys"));
    }
    if let Some(issuer) = &entry.issuer {
        crate::oidc::check_issuer(issuer)?;
    }
    let link_by_email = match entry.link_by.as_deref() {
        None => None,
        Some("verified-email") => Some(true),
        Some("none") => Some(false),
        Some(other) => {
            return Err(Error::usage(format!(
                "link_by {other:?}: \"verified-email\" or \"none\""
            )));
        }
    };
    Ok(DeclaredProvider {
        name: name.to_string(),
        issuer: entry.issuer,
        client_id: entry.client_id,
        client_secret_file: entry.client_secret_file,
        client_secret: None,
        scopes: entry.scopes,
        allowed_domains: entry.allowed_domains,
        link_by_email,
        mfa_by_amr: entry.mfa_by_amr,
        absent: entry.absent,
    })
}

enum Entry {
    Raw(RawRow),
    Absent(usize, crate::validate::Email),
}

fn user(n: usize, u: UserEntry) -> std::result::Result<Entry, String> {
    if u.absent {
        let others = u.first_name.is_some()
            || u.last_name.is_some()
            || u.attributes.is_some()
            || u.roles.is_some()
            || u.email_verified.is_some()
            || u.status.is_some()
            || u.must_change.is_some()
            || u.expires.is_some()
            || u.valid_from.is_some()
            || u.password_hash.is_some();
        if others {
            return Err("absent = true takes no other keys than email".into());
        }
        let email = crate::validate::parse_email(&u.email).map_err(|e| e.to_string())?;
        return Ok(Entry::Absent(n, email));
    }
    let expires_at = u
        .expires
        .as_ref()
        .map(|v| moment(v, "never"))
        .transpose()
        .map_err(|e| format!("expires: {e}"))?;
    let valid_from = u
        .valid_from
        .as_ref()
        .map(|v| moment(v, "always"))
        .transpose()
        .map_err(|e| format!("valid_from: {e}"))?;
    Ok(Entry::Raw(RawRow {
        line: n,
        email: Some(u.email),
        first_name: u.first_name,
        last_name: u.last_name,
        attributes: u.attributes,
        roles: u.roles,
        verified: u.email_verified,
        password: None,
        password_hash: u.password_hash,
        status: u.status,
        must_change: u.must_change,
        expires_at,
        valid_from,
    }))
}

/// A fixed moment, or the word that leaves that side of the window open. A duration is refused:
/// "90d" would move with every apply, and the store would never match the file.
fn moment(value: &toml::Value, open: &str) -> std::result::Result<Option<i64>, String> {
    let text = match value {
        toml::Value::String(s) => s.clone(),
        toml::Value::Datetime(d) => d.to_string(),
        _ => return Err(format!("a date, an RFC 3339 time, or {open:?}")),
    };
    if text == open {
        return Ok(None);
    }
    if clock::parse_duration(&text).is_some() {
        return Err(format!(
            "{text:?} is a duration; a file names a fixed date (2027-03-31) or {open:?}"
        ));
    }
    clock::parse_moment(&text).map(Some).ok_or_else(|| {
        format!(
            "{text:?} is not a date, an RFC 3339 time with its offset (Z or +01:00), or {open:?}"
        )
    })
}
