//! Single sign-on: the identity providers (`idp`), the identities linked to accounts, and a
//! login by an identity someone else vouches for (`login --idp`).
//!
//! An identity (issuer + `sub`) is linked to at most one account. A first login links only where
//! nothing can be taken over: by an administrator's `users link`, or (`--link-by verified-email`)
//! when the provider vouches for an address in one of its allowed domains, the local account's
//! address is verified too, the account does not hold `*`, and the person proves the local
//! account once. The provider's word never outranks the store's: a disabled, expired or
//! not-yet-valid account is refused, and a second factor is asked unless the provider is trusted
//! with it (`--mfa-by-amr`) and says it checked one.

use serde::Serialize;

use crate::accounts::changes::{ChangedBy, user_by_email};
use crate::accounts::credentials;
use crate::accounts::mfa::{self, SecondFactor};
use crate::clock;
use crate::error::{Error, Result};
use crate::gate::{self, Actor};
use crate::oidc::{self, Identity};
use crate::permissions::{SETTINGS_MANAGE, USERS_MANAGE};
use crate::session;
use crate::settings::Policy;
use crate::store::{AuditEvent, IdentityRow, NewUser, ProviderRow, SessionRow, Store, Tx, User};
use crate::validate::{self, Email};

/// The `amr` values that mean a second factor was checked (RFC 8176).
const SECOND_FACTOR_AMR: &[&str] = &["mfa", "otp", "hwk", "swk", "sc", "fpt", "face", "iris"];

/// A provider as `idp list|show` shows it: the client secret only as whether one is set.
#[derive(Debug, Clone, Serialize)]
pub struct ProviderView {
    pub name: String,
    pub issuer: String,
    pub client_id: String,
    pub client_secret: bool,
    pub scopes: Vec<String>,
    pub allowed_domains: Vec<String>,
    pub link_by: &'static str,
    pub mfa_by_amr: bool,
    pub created_at: String,
}

impl From<&ProviderRow> for ProviderView {
    fn from(p: &ProviderRow) -> ProviderView {
        ProviderView {
            name: p.name.clone(),
            issuer: p.issuer.clone(),
            client_id: p.client_id.clone(),
            client_secret: p.client_secret.is_some(),
            scopes: p.scopes.split_whitespace().map(String::from).collect(),
            allowed_domains: domains(&p.allowed_domains),
            link_by: if p.link_by_email {
                "verified-email"
            } else {
                "none"
            },
            mfa_by_amr: p.mfa_by_amr,
            created_at: clock::rfc3339(p.created_at),
        }
    }
}

fn domains(list: &str) -> Vec<String> {
    crate::settings::comma_items(list)
        .map(str::to_ascii_lowercase)
        .collect()
}

/// The scopes beyond `openid` asked where none are given.
pub const DEFAULT_SCOPES: &str = "email,profile";

/// A provider to add.
pub struct NewProvider {
    pub name: String,
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Option<String>,
    pub scopes: Vec<String>,
    pub allowed_domains: Vec<String>,
    pub link_by_email: bool,
    pub mfa_by_amr: bool,
}

impl NewProvider {
    /// The row it makes: `openid` always asked first, domains in lower case.
    pub fn row(self, now: i64) -> ProviderRow {
        ProviderRow {
            name: self.name,
            issuer: self.issuer,
            client_id: self.client_id,
            client_secret: self.client_secret,
            scopes: scopes_text(&self.scopes),
            allowed_domains: NewProvider::domains_text(&self.allowed_domains),
            link_by_email: self.link_by_email,
            mfa_by_amr: self.mfa_by_amr,
            created_at: now,
        }
    }

    /// Allowed domains as stored: in lower case, comma-separated.
    pub fn domains_text(list: &[String]) -> String {
        list.iter()
            .map(|d| d.trim().to_ascii_lowercase())
            .filter(|d| !d.is_empty())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// Scopes as stored and sent: `openid` first, then the others in the order given.
pub fn scopes_text(scopes: &[String]) -> String {
    let mut all = vec!["openid"];
    all.extend(scopes.iter().map(String::as_str).filter(|s| *s != "openid"));
    all.join(" ")
}

/// What a provider must be, however it is added or changed (`idp add`, `apply`).
pub fn check_provider(p: &ProviderRow) -> Result<()> {
    validate::role_name(&p.name)
        .map_err(|_| Error::usage("a provider's name: lowercase letters, digits, - and _"))?;
    oidc::check_issuer(&p.issuer)?;
    if p.client_id.trim().is_empty() || p.client_id.chars().any(char::is_control) {
        return Err(Error::usage(
            "a provider's client id is a non-empty line of text",
        ));
    }
    if p.scopes.chars().any(char::is_control) {
        return Err(Error::usage("a scope holds no control characters"));
    }
    for d in domains(&p.allowed_domains) {
        validate::parse_email(&format!("user@{d}"))
            .map_err(|_| Error::usage(format!("{d:?} is not a mail domain")))?;
    }
    if p.link_by_email && p.allowed_domains.is_empty() {
        return Err(Error::usage(
            "--link-by verified-email needs --allowed-domains: only addresses of domains you trust the provider with are linked",
        ));
    }
    Ok(())
}

/// Adds a provider once its discovery document offers the device grant (exit 9 otherwise).
pub fn add(
    store: &mut Store,
    actor: &Actor,
    http: &oidc::Http,
    new: NewProvider,
) -> Result<ProviderView> {
    let row = new.row(clock::now());
    check_provider(&row)?;
    oidc::probe(http, &row.issuer)?;
    store.write(|tx| {
        let actor = gate::recheck(tx, actor, &[SETTINGS_MANAGE])?;
        add_in(tx, &actor, &row)
    })
}

/// Adds a checked (and probed) provider inside the caller's write, with its event.
pub fn add_in(tx: &Tx<'_>, actor: &Actor, row: &ProviderRow) -> Result<ProviderView> {
    actor.require(SETTINGS_MANAGE)?;
    let view = ProviderView::from(row);
    tx.insert_provider(row)?;
    let detail = serde_json::to_value(&view).unwrap_or_default();
    tx.append_audit(
        &actor.event("idp.added").on(&row.name).with(detail),
        row.created_at,
    )?;
    Ok(view)
}

/// A provider keeps its issuer: its identities are linked by it.
pub fn check_same_issuer(old: &ProviderRow, new: &ProviderRow) -> Result<()> {
    match old.issuer == new.issuer {
        true => Ok(()),
        false => Err(Error::Conflict(format!(
            "the issuer of the identity provider {} is {}: an issuer never changes (remove the provider and add it again)",
            new.name, old.issuer
        ))),
    }
}

/// Changes a provider to `row` (its name and issuer stay: identities are linked by issuer)
/// inside the caller's write; the event names the fields changed (a new secret as `true`, never
/// its value).
pub fn change_in(tx: &Tx<'_>, actor: &Actor, row: &ProviderRow, now: i64) -> Result<()> {
    actor.require(SETTINGS_MANAGE)?;
    check_provider(row)?;
    let old = provider(tx, &row.name)?;
    check_same_issuer(&old, row)?;
    let shown = |p: &ProviderRow| serde_json::to_value(ProviderView::from(p)).unwrap_or_default();
    let (was, now_is) = (shown(&old), shown(row));
    let mut changed = serde_json::Map::new();
    for key in [
        "client_id",
        "scopes",
        "allowed_domains",
        "link_by",
        "mfa_by_amr",
    ] {
        if was[key] != now_is[key] {
            changed.insert(key.into(), now_is[key].clone());
        }
    }
    if old.client_secret != row.client_secret {
        changed.insert("client_secret".into(), row.client_secret.is_some().into());
    }
    if changed.is_empty() {
        return Ok(());
    }
    tx.update_provider(row)?;
    let event = actor.event("idp.changed").on(&row.name);
    tx.append_audit(&event.with(serde_json::Value::Object(changed)), now)
}

pub fn list(store: &Store) -> Result<Vec<ProviderView>> {
    Ok(store
        .sql()
        .providers()?
        .iter()
        .map(ProviderView::from)
        .collect())
}

fn provider(sql: &crate::store::Sql<'_>, name: &str) -> Result<ProviderRow> {
    sql.provider(name)?
        .ok_or_else(|| Error::NotFound(format!("no identity provider named {name:?}")))
}

pub fn show(store: &Store, name: &str) -> Result<ProviderView> {
    Ok(ProviderView::from(&provider(&store.sql(), name)?))
}

/// Removes a provider and the identities linked through it; how many identities went.
pub fn remove(store: &mut Store, actor: &Actor, name: &str) -> Result<usize> {
    let now = clock::now();
    store.write(|tx| {
        let actor = gate::recheck(tx, actor, &[SETTINGS_MANAGE])?;
        remove_in(tx, &actor, name, now)
    })
}

/// `remove` inside the caller's write.
pub fn remove_in(tx: &Tx<'_>, actor: &Actor, name: &str, now: i64) -> Result<usize> {
    actor.require(SETTINGS_MANAGE)?;
    provider(tx, name)?;
    let unlinked = tx.delete_provider(name)?;
    let detail = serde_json::json!({ "identities_unlinked": unlinked });
    tx.append_audit(&actor.event("idp.removed").on(name).with(detail), now)?;
    Ok(unlinked)
}

/// An identity linked to an account, as `users show` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub provider: String,
    pub subject: String,
    pub linked_at: String,
    pub last_login_at: Option<String>,
}

pub fn links(store: &Store, user_id: i64) -> Result<Vec<LinkView>> {
    Ok(store
        .sql()
        .identities_of(user_id)?
        .into_iter()
        .map(|i| LinkView {
            provider: i.provider,
            subject: i.subject,
            linked_at: clock::rfc3339(i.linked_at),
            last_login_at: i.last_login_at.map(clock::rfc3339),
        })
        .collect())
}

/// The account at `email`, where the actor (as this transaction sees them) may change it.
fn account_to_change(tx: &crate::store::Tx<'_>, actor: &Actor, email: &Email) -> Result<User> {
    let actor = gate::recheck(tx, actor, &[USERS_MANAGE])?;
    let user = user_by_email(tx, email)?;
    gate::require_can_act_on(tx, &actor, &user)?;
    Ok(user)
}

/// `users link`: an administrator links a known subject of a provider to an account.
pub fn link(
    store: &mut Store,
    actor: &Actor,
    email: &Email,
    name: &str,
    subject: &str,
) -> Result<()> {
    check_subject(subject)?;
    let now = clock::now();
    let by = ChangedBy::command(actor);
    store.write(|tx| {
        let user = account_to_change(tx, actor, email)?;
        link_in(tx, by, &user, name, subject, now)
    })
}

/// Exit 2 unless `subject` could be a provider's `sub`.
pub fn check_subject(subject: &str) -> Result<()> {
    if subject.is_empty() || subject.len() > 255 || subject.chars().any(char::is_control) {
        return Err(Error::usage(
            "a subject is 1 to 255 characters, without control characters",
        ));
    }
    Ok(())
}

/// Links the identity `subject` of the provider `name` to `user`, in the caller's transaction
/// (`users link`, `apply`); an identity linked elsewhere is exit 6.
pub fn link_in(
    tx: &crate::store::Tx<'_>,
    by: ChangedBy<'_>,
    user: &User,
    name: &str,
    subject: &str,
    now: i64,
) -> Result<()> {
    let p = provider(tx, name)?;
    tx.link_identity(&IdentityRow {
        issuer: p.issuer,
        subject: subject.to_string(),
        user_id: user.id,
        provider: p.name,
        linked_at: now,
        last_login_at: None,
    })?;
    let detail = serde_json::json!({ "idp": name, "subject": subject });
    tx.append_audit(&by.event("identity.linked", &user.email, detail), now)
}

/// Unlinks one identity of `user`, in the caller's transaction; `false` when it was not linked.
pub fn unlink_in(
    tx: &crate::store::Tx<'_>,
    by: ChangedBy<'_>,
    user: &User,
    name: &str,
    subject: &str,
    now: i64,
) -> Result<bool> {
    if tx.unlink_identity(user.id, name, Some(subject))? == 0 {
        return Ok(false);
    }
    let detail = serde_json::json!({ "idp": name, "subject": subject });
    tx.append_audit(&by.event("identity.unlinked", &user.email, detail), now)?;
    Ok(true)
}

/// `users unlink`: the account's identities of a provider; how many went.
pub fn unlink(store: &mut Store, actor: &Actor, email: &Email, name: &str) -> Result<usize> {
    let now = clock::now();
    let by = ChangedBy::command(actor);
    store.write(|tx| {
        let user = account_to_change(tx, actor, email)?;
        let n = tx.unlink_identity(user.id, name, None)?;
        if n == 0 {
            return Err(Error::NotFound(format!(
                "{} has no identity of {name} linked",
                user.email
            )));
        }
        let detail = serde_json::json!({ "idp": name, "unlinked": n });
        tx.append_audit(&by.event("identity.unlinked", &user.email, detail), now)?;
        Ok(n)
    })
}

/// The provider a login goes through, and how to reach it.
pub fn login_provider(store: &Store, name: &str) -> Result<ProviderRow> {
    provider(&store.sql(), name)
}

/// Which account a verified identity signs in to.
pub enum Resolution {
    /// Linked before.
    Linked(User),
    /// Linkable by its verified address, once the person proves the local account.
    ByEmail(User),
    /// No account: one is made (open registration, an allowed domain).
    Register(Email),
}

/// A refusal of a sign-in: audited, exit 3.
fn refuse(
    store: &mut Store,
    p: &ProviderRow,
    who: Option<&str>,
    reason: &str,
    message: String,
) -> Error {
    record_refusal(store, p, who, reason);
    Error::AuthFailed(message)
}

/// A refused sign-in's event, best effort: `login.failed` with the provider and the reason.
fn record_refusal(store: &mut Store, p: &ProviderRow, who: Option<&str>, reason: &str) {
    let now = clock::now();
    let mut event = AuditEvent::new("login.failed").with(serde_json::json!({
        "via": p.name, "reason": reason,
    }));
    if let Some(email) = who {
        event = event.on(email);
    }
    let _ = store.write(|tx| tx.append_audit(&event, now));
}

/// Google's issuer: its personal accounts may carry verified addresses of any domain.
const GOOGLE: &str = "https://accounts.google.com";

/// The address the provider vouches for, when it vouches: `email_verified` true (a missing
/// claim does not), and where the token names a hosted domain (`hd`, always needed from
/// Google), the address is of that domain.
fn vouched_address(p: &ProviderRow, identity: &Identity) -> Option<Email> {
    let email = match (identity.email_verified, &identity.email) {
        (true, Some(e)) => validate::parse_email(e).ok()?,
        _ => return None,
    };
    match &identity.hosted_domain {
        Some(hd) if !hd.eq_ignore_ascii_case(email.domain()) => None,
        None if p.issuer.trim_end_matches('/') == GOOGLE => None,
        _ => Some(email),
    }
}

fn in_allowed_domain(p: &ProviderRow, email: &Email) -> bool {
    domains(&p.allowed_domains)
        .iter()
        .any(|d| d == email.domain())
}

/// Finds the account of a verified identity, or refuses (exit 3, audited) with the reason.
pub fn resolve(
    store: &mut Store,
    policy: &Policy,
    p: &ProviderRow,
    identity: &Identity,
) -> Result<Resolution> {
    if let Some(linked) = store.sql().identity(&identity.issuer, &identity.subject)? {
        let user = store
            .sql()
            .user_by_id(linked.user_id)?
            .ok_or_else(|| Error::internal("a linked account vanished"))?;
        return Ok(Resolution::Linked(user));
    }
    let vouched = vouched_address(p, identity);
    let allowed = vouched.as_ref().filter(|e| in_allowed_domain(p, e));
    let Some(email) = allowed else {
        let why = match (&identity.email, identity.email_verified) {
            (None, _) => "the provider gave no address".to_string(),
            (Some(e), false) => {
                format!("the provider does not vouch for {e} (email_verified is not true)")
            }
            (Some(e), true) if vouched.is_none() => format!(
                "the provider does not vouch for {e} as an address of its hosted domain (hd)"
            ),
            (Some(e), true) => format!("{e} is outside the domains {} is trusted with", p.name),
        };
        let message = format!(
            "no account is linked to this {} identity, and it cannot be linked: {why} (an \
             administrator links it with `useradm users link EMAIL --idp {} --subject {}`)",
            p.name, p.name, identity.subject
        );
        return Err(refuse(store, p, None, "sso_unlinkable", message));
    };
    let existing = store.sql().user_by_email(&email.canonical)?;
    match existing {
        Some(user) if p.link_by_email => {
            let takeover = user.email_verified_at.is_none()
                || crate::accounts::roles::gives_everything(
                    &store.sql(),
                    &store.sql().user_role_names(user.id)?,
                )?;
            if takeover {
                let message = format!(
                    "{} cannot be linked by its address (it is unverified, or holds every permission): ask an administrator to run `useradm users link`",
                    user.email
                );
                return Err(refuse(
                    store,
                    p,
                    Some(&user.email),
                    "sso_link_refused",
                    message,
                ));
            }
            Ok(Resolution::ByEmail(user))
        }
        Some(user) => {
            let message = format!(
                "no account is linked to this {} identity: an administrator links it with `useradm users link {} --idp {} --subject {}`",
                p.name, user.email, p.name, identity.subject
            );
            Err(refuse(store, p, Some(&user.email), "sso_unlinked", message))
        }
        None if policy.registration_open => Ok(Resolution::Register(email.clone())),
        None => {
            let message = format!(
                "no account is linked to this {} identity, and registration is closed",
                p.name
            );
            Err(refuse(
                store,
                p,
                Some(&email.address),
                "sso_registration_closed",
                message,
            ))
        }
    }
}

/// What a sign-in needs besides the identity.
pub struct SignIn<'a> {
    pub provider: &'a ProviderRow,
    pub identity: &'a Identity,
    pub session_path: &'a std::path::Path,
    /// Asked for the local second factor: in the proof of a first link by address, and where
    /// the provider is not trusted with it.
    pub second_factor: &'a mut dyn FnMut() -> Result<SecondFactor>,
    /// The local password, for the one proof a first link by address needs.
    pub password: Option<&'a crate::password::Password>,
}

/// Whether the provider checked a second factor and is trusted to say so.
fn provider_checked_second_factor(p: &ProviderRow, identity: &Identity) -> bool {
    p.mfa_by_amr
        && identity
            .amr
            .iter()
            .any(|a| SECOND_FACTOR_AMR.contains(&a.as_str()))
}

/// Links (where a proof allowed it) or registers, then opens a session as a password login
/// does, recording the provider. A disabled, expired or not-yet-valid account is refused; a
/// lockout of the password is not (a different credential).
pub fn sign_in(
    store: &mut Store,
    policy: &Policy,
    resolution: Resolution,
    mut request: SignIn<'_>,
) -> Result<(User, SessionRow)> {
    let p = request.provider;
    let identity = request.identity;
    let now = clock::now();
    // The proof of a first link checks the second factor already.
    let proved_locally = matches!(resolution, Resolution::ByEmail(_));
    let user = account_for(store, policy, resolution, &mut request, now)?;
    if let Some((reason, error)) = credentials::account_refusal(&user, policy, false, now) {
        record_refusal(store, p, Some(&user.email), reason);
        return Err(error);
    }
    let vouched = provider_checked_second_factor(p, identity);
    let passed = match mfa::enabled(store, user.id)? && !vouched && !proved_locally {
        true => {
            let factor = (request.second_factor)()?;
            match mfa::check(store, &user, &factor)? {
                Some(passed) => Some(passed),
                None => {
                    return Err(refuse(
                        store,
                        p,
                        Some(&user.email),
                        "second_factor",
                        credentials::SECOND_FACTOR_FAILED.to_string(),
                    ));
                }
            }
        }
        false => None,
    };
    let previous = credentials::session_in_file(store, request.session_path);
    let token = session::new_token()?;
    let row = SessionRow {
        // A fresh proof for an account without a password (its device login); one with a
        // password proves it with the password.
        authenticated_at: if user.password_hash.is_some() { 0 } else { now },
        idp: Some(p.name.clone()),
        idp_mfa: vouched,
        ..credentials::new_session(policy, &user, &token.session_id, now)
    };
    store.write(|tx| {
        if let Some(passed) = passed
            && !mfa::record(tx, user.id, passed, now)?
        {
            return Err(Error::AuthFailed(
                credentials::SECOND_FACTOR_FAILED.to_string(),
            ));
        }
        credentials::open_session(
            tx,
            policy,
            &user,
            &row,
            previous.as_ref(),
            &token.token_sha256,
            now,
        )?;
        tx.touch_identity(&identity.issuer, &identity.subject, now)?;
        let detail = serde_json::json!({ "via": p.name, "mfa_by_idp": vouched });
        let event = AuditEvent::new("login.ok")
            .by(user.id, &user.email)
            .on(&user.email)
            .with(detail);
        tx.append_audit(&event, now)
    })?;
    credentials::write_session_file(store, request.session_path, &row, token.token, &user)?;
    Ok((user, row))
}

/// The account a resolution names: linked before, linked now after the proof of its password,
/// or made now.
fn account_for(
    store: &mut Store,
    policy: &Policy,
    resolution: Resolution,
    request: &mut SignIn<'_>,
    now: i64,
) -> Result<User> {
    let (p, identity) = (request.provider, request.identity);
    let user = match resolution {
        Resolution::Linked(user) => user,
        Resolution::ByEmail(user) => {
            let Some(password) = request.password else {
                return Err(Error::usage(format!(
                    "the first sign-in of {} through {} links it: prove the account once with its password",
                    user.email, p.name
                )));
            };
            let email = validate::parse_email(&user.email)?;
            let user =
                credentials::authenticate(store, policy, &email, password, request.second_factor)?;
            store.write(|tx| {
                tx.link_identity(&identity_row(p, identity, user.id, now))?;
                let detail = serde_json::json!({
                    "idp": p.name, "subject": identity.subject, "how": "verified-email",
                });
                let event = AuditEvent::new("identity.linked")
                    .by(user.id, &user.email)
                    .on(&user.email)
                    .with(detail);
                tx.append_audit(&event, now)
            })?;
            user
        }
        Resolution::Register(email) => {
            let id = store.write(|tx| {
                let id = tx.insert_user(
                    &NewUser {
                        email: &email.address,
                        email_canonical: &email.canonical,
                        first_name: "",
                        last_name: "",
                        attributes: "{}",
                        password_hash: None,
                        verified: true,
                    },
                    now,
                )?;
                tx.link_identity(&identity_row(p, identity, id, now))?;
                let detail = serde_json::json!({
                    "by": "sso", "idp": p.name, "roles": [], "verified": true,
                });
                let event = AuditEvent::new("user.registered")
                    .by(id, &email.address)
                    .on(&email.address)
                    .with(detail);
                tx.append_audit(&event, now)?;
                Ok(id)
            })?;
            store
                .sql()
                .user_by_id(id)?
                .ok_or_else(|| Error::internal("the new account vanished"))?
        }
    };
    Ok(user)
}

fn identity_row(p: &ProviderRow, identity: &Identity, user_id: i64, now: i64) -> IdentityRow {
    IdentityRow {
        issuer: identity.issuer.clone(),
        subject: identity.subject.clone(),
        user_id,
        provider: p.name.clone(),
        linked_at: now,
        last_login_at: None,
    }
}
