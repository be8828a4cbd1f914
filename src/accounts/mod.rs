//! The account lifecycle: what each command does, as library functions that take resolved input
//! and return what happened. No printing, no prompting, no process exits here.

pub mod apply;
pub mod audit;
pub mod backup;
pub mod changes;
pub mod check;
pub mod config;
pub mod copy;
pub mod credentials;
pub mod delivery;
pub mod doctor;
pub mod export;
pub mod import;
pub mod init;
pub mod mfa;
pub mod notices;
pub mod passwd;
pub mod register;
pub mod reset;
pub mod roles;
pub mod sessions;
pub mod sso;
pub mod tokens;
pub mod users;
pub mod verify;

use serde::Serialize;

use crate::clock;
use crate::codes::{self, Purpose};
use crate::crypto;
use crate::error::{Error, Result, Unavailable};
use crate::password::{self, AccountWords, NewPassword};
use crate::settings::Policy;
use crate::store::{AuditEvent, Sql, Store, Tx, User};
use crate::validate::Email;

/// What `users list` and `--json` call an account's status: its stored status, or `locked` while
/// an active account's lock from failed logins is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AccountState {
    Active,
    Disabled,
    Locked,
}

impl AccountState {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountState::Active => "active",
            AccountState::Disabled => "disabled",
            AccountState::Locked => "locked",
        }
    }
}

/// The one item whose id is `id`, or whose id starts with it (at least 7 characters, as tables
/// show ids by their shortest unique prefix); `None` when none does; exit 2 when the prefix
/// fits several.
pub(crate) fn by_id_or_prefix<'t, T>(
    items: &'t [T],
    id: &str,
    what: &str,
    id_of: impl Fn(&T) -> &str,
) -> Result<Option<&'t T>> {
    if let Some(exact) = items.iter().find(|t| id_of(t) == id) {
        return Ok(Some(exact));
    }
    if id.chars().count() < 7 {
        return Ok(None);
    }
    let mut found = items.iter().filter(|t| id_of(t).starts_with(id));
    match (found.next(), found.next()) {
        (Some(one), None) => Ok(Some(one)),
        (None, _) => Ok(None),
        (Some(_), Some(_)) => Err(Error::usage(format!(
            "{id:?} is the start of more than one {what}: give more of the id"
        ))),
    }
}

/// A user as `--json` shows it: the shape README documents.
#[derive(Debug, Clone, Serialize)]
pub struct UserView {
    pub id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub attributes: serde_json::Value,
    pub email_verified: bool,
    pub status: AccountState,
    pub roles: Vec<String>,
    pub created_at: String,
    pub last_login_at: Option<String>,
    /// The password was set for the user, who must change it before anything else.
    pub must_change_password: bool,
    /// The validity window (`None`: open on that side).
    pub valid_from: Option<String>,
    pub expires_at: Option<String>,
    /// `open`, `not_yet_valid` or `expired`, now.
    pub window: &'static str,
    /// The last authentication of any kind (login, authenticate, PAM, an API token).
    pub last_authenticated_at: Option<String>,
}

impl UserView {
    pub fn load(sql: &Sql<'_>, user: &User) -> Result<UserView> {
        UserView::load_with_roles(sql, user, sql.user_role_names(user.id)?)
    }

    /// The view of a user whose role names (sorted) were read already (the actor's, by the gate).
    pub fn load_with_roles(sql: &Sql<'_>, user: &User, roles: Vec<String>) -> Result<UserView> {
        let locked_until = sql.throttle(&user.email_canonical)?.locked_until;
        Ok(UserView::from_parts(user, roles, locked_until))
    }

    /// The account with this id as it is now (after a change).
    pub fn reload(sql: &Sql<'_>, id: i64) -> Result<UserView> {
        let user = sql
            .user_by_id(id)?
            .ok_or_else(|| Error::NotFound("the account vanished".into()))?;
        UserView::load(sql, &user)
    }

    /// The view of a user whose role names (sorted) and lock time were read already.
    pub fn from_parts(user: &User, roles: Vec<String>, locked_until: Option<i64>) -> UserView {
        let status = if user.is_disabled() {
            AccountState::Disabled
        } else if locked_until.is_some_and(|t| t > clock::now()) {
            AccountState::Locked
        } else {
            AccountState::Active
        };
        UserView {
            id: user.id,
            email: user.email.clone(),
            first_name: user.first_name.clone(),
            last_name: user.last_name.clone(),
            attributes: serde_json::from_str(&user.attributes)
                .unwrap_or_else(|_| serde_json::json!({})),
            email_verified: user.email_verified_at.is_some(),
            status,
            roles,
            created_at: clock::rfc3339(user.created_at),
            last_login_at: user.last_login_at.map(clock::rfc3339),
            must_change_password: user.must_change_password,
            valid_from: user.valid_from.map(clock::rfc3339),
            expires_at: user.expires_at.map(clock::rfc3339),
            window: match user.window_at(clock::now()) {
                crate::store::Window::Open => "open",
                crate::store::Window::NotYetValid => "not_yet_valid",
                crate::store::Window::Expired => "expired",
            },
            last_authenticated_at: user.last_authenticated_at.map(clock::rfc3339),
        }
    }

    /// `Alice Liddell <alice@example.com>` or just the address.
    pub fn display_name(&self) -> String {
        let name = format!("{} {}", self.first_name, self.last_name)
            .trim()
            .to_string();
        if name.is_empty() {
            self.email.clone()
        } else {
            format!("{name} <{}>", self.email)
        }
    }
}

/// Judges a new password for the account at `email`, with the account's own words as zxcvbn
/// user inputs. Prompts call it to re-ask; every flow that sets a password takes its result.
pub fn judge_password(
    store: &Store,
    policy: &Policy,
    email: &Email,
    names: Option<(&str, &str)>,
    raw: &str,
) -> Result<NewPassword> {
    let stored = match names {
        Some(_) => None,
        None => store.sql().user_by_email(&email.canonical)?,
    };
    let (first, last) = match (names, &stored) {
        (Some(n), _) => n,
        (None, Some(u)) => (u.first_name.as_str(), u.last_name.as_str()),
        (None, None) => ("", ""),
    };
    password::check_new(
        raw,
        policy,
        &AccountWords {
            email: &email.address,
            first_name: first,
            last_name: last,
        },
    )
}

/// How long a check waits for checks in flight, or for the host's hash memory, before giving up
/// (exit 8, `rate_limited`).
pub(crate) const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(15);

/// A code and its hash, made before the transaction that stores it (hashing takes a while and
/// must not hold the write lock).
pub(crate) struct PreparedCode {
    pub code: String,
    pub hash: String,
}

pub(crate) fn prepare_code(policy: &Policy) -> Result<PreparedCode> {
    let code = codes::generate()?;
    let hash = crypto::hash_secret(code.as_bytes(), policy.hash_cost)?;
    Ok(PreparedCode { code, hash })
}

/// True when the user may not get another code of this purpose this hour.
pub(crate) fn code_rate_limited(
    tx: &Tx<'_>,
    policy: &Policy,
    user_id: i64,
    purpose: Purpose,
    now: i64,
) -> Result<bool> {
    Ok(tx.codes_made_since(user_id, purpose, now - 3600)? >= policy.code_max_per_hour)
}

pub(crate) fn rate_limited_error(purpose: Purpose) -> Error {
    Error::unavailable(
        Unavailable::RateLimited,
        format!(
            "too many {} codes were sent in the last hour; try again later",
            purpose.as_str()
        ),
    )
}

/// How `redeem_code` finds the account a code was sent for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lookup {
    /// By the account's address.
    Email,
    /// By an address waiting to replace it (`users update --email`).
    PendingEmail,
}

/// Redeems a one-time code: the attempt is counted before the code is checked (3 per code),
/// the check runs outside the write lock, and `apply` runs in the same transaction that marks
/// the code used, so that two processes redeeming one code cannot both succeed.
pub(crate) fn redeem_code<T>(
    store: &mut Store,
    policy: &Policy,
    email: &Email,
    lookup: Lookup,
    purposes: &[Purpose],
    typed: &str,
    apply: impl FnOnce(&Tx<'_>, &User, Purpose, i64) -> Result<T>,
) -> Result<T> {
    let normalised = codes::normalise(typed, codes::LENGTH);
    let budget = policy.check_memory_budget_kib;
    let kib = u64::from(policy.hash_cost.memory_kib);
    let _memory = store.locks().take_memory(kib, budget, BUSY_WAIT)?;
    let now = clock::now();
    let found = store.write(|tx| {
        let user = match lookup {
            Lookup::Email => tx.user_by_email(&email.canonical)?,
            Lookup::PendingEmail => tx.user_by_pending_email(&email.canonical)?,
        };
        let Some(user) = user else {
            return Ok(None);
        };
        let Some(code) = tx.live_code(user.id, purposes, &email.canonical, now)? else {
            return Ok(None);
        };
        if code.attempts >= policy.code_max_attempts {
            return Ok(None);
        }
        tx.count_code_attempt(code.id)?;
        Ok(Some((user, code)))
    })?;
    let secret = normalised.as_deref().unwrap_or(typed).as_bytes();
    let matched = match &found {
        Some((_, code)) if normalised.is_some() => {
            crypto::verify_secret(secret, &code.code_hash).unwrap_or(false)
        }
        _ => {
            crypto::dummy_verify(secret, policy.hash_cost)?;
            false
        }
    };
    let purpose = purposes.first().map(|p| p.as_str()).unwrap_or_default();
    let Some((user, code)) = found.filter(|_| matched) else {
        let event = AuditEvent::new("code.failed")
            .on(&email.address)
            .with(serde_json::json!({ "purpose": purpose }));
        store.write(|tx| tx.append_audit(&event, now))?;
        return Err(Error::code_failed());
    };
    let now = clock::now();
    store.write(|tx| {
        if !tx.use_code(code.id, now)? {
            return Err(Error::code_failed());
        }
        apply(tx, &user, code.purpose, now)
    })
}

#[cfg(test)]
mod prefix_tests {
    use super::*;

    #[test]
    fn an_id_is_named_by_itself_or_a_unique_prefix_of_seven_or_more() {
        let ids = ["abcdef1234", "abcdef1999", "ffffff0000"];
        let find = |id: &str| by_id_or_prefix(&ids, id, "session", |s| s).map(|f| f.copied());
        assert_eq!(find("abcdef1234").unwrap(), Some("abcdef1234"));
        assert_eq!(find("abcdef12").unwrap(), Some("abcdef1234"));
        assert_eq!(find("ffffff0").unwrap(), Some("ffffff0000"));
        assert_eq!(find("ffffff").unwrap(), None, "too short to be a prefix");
        assert!(find("abcdef1").is_err(), "ambiguous");
        assert_eq!(find("0000000").unwrap(), None);
    }
}
