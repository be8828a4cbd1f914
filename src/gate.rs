//! The access gate: the one place every protected command goes through. It finds the actor (the
//! user of this database's session, or the owner of the API token in `USERADM_TOKEN`), then checks
//! permissions. Deny by default: any error on the way is a denial, and nothing is cached between
//! commands, so a role change applies to the very next command of every session and token.

use std::path::PathBuf;

use crate::clock;
use crate::error::{Error, Result};
use crate::permissions::{covers, hands_over_everything};
use crate::required::{self, Action};
use crate::session;
use crate::settings::Policy;
use crate::store::{AuditEvent, Holdings, SessionRow, Sql, Store, TokenRow, User, Window};

/// How long a proof of the password lasts for changing one's own credentials (API tokens, a
/// second factor, one's email address) and for the most powerful grants (a role holding `*`). A
/// stolen session older than this cannot make them.
pub const FRESH_PROOF: i64 = 300;

/// Prefix of API tokens, so that secret scanners can spot a leaked one.
pub const TOKEN_PREFIX: &str = "uadm_";

/// What proves who is acting. When `USERADM_TOKEN` is set it is the only credential: there is
/// no fallback to a session.
#[derive(Debug, Clone)]
pub enum Credential {
    SessionFile(PathBuf),
    Token(String),
}

/// How the actor authenticated.
#[derive(Debug, Clone)]
pub enum Via {
    Session(SessionRow),
    Token(TokenRow),
}

/// Who is acting, with everything they hold.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user: User,
    pub via: Via,
    /// The user's role names (sorted).
    pub roles: Vec<String>,
    /// (role, permission) pairs of the user.
    pub grants: Vec<(String, String)>,
}

impl Actor {
    /// The role that grants `permission`, if any; a token also has to list it.
    pub fn granted_by(&self, permission: &str) -> Option<&str> {
        if let Via::Token(token) = &self.via
            && !token
                .permissions
                .iter()
                .any(|held| covers(held, permission))
        {
            return None;
        }
        self.grants
            .iter()
            .find(|(_, held)| covers(held, permission))
            .map(|(role, _)| role.as_str())
    }

    pub fn has(&self, permission: &str) -> bool {
        self.granted_by(permission).is_some()
    }

    /// Whether the credential lets the actor use all of these permissions: always through a
    /// session; through a token, only those the token lists.
    pub fn may_use_all(&self, permissions: &[String]) -> bool {
        match &self.via {
            Via::Session(_) => true,
            Via::Token(token) => permissions
                .iter()
                .all(|p| token.permissions.iter().any(|held| covers(held, p))),
        }
    }

    /// Exit 5 unless the actor holds `permission`.
    pub fn require(&self, permission: &str) -> Result<()> {
        if self.has(permission) {
            Ok(())
        } else {
            let via = match &self.via {
                Via::Token(t) if self.grants.iter().any(|(_, held)| covers(held, permission)) => {
                    format!(" (the token {} does not list it)", t.name)
                }
                _ => String::new(),
            };
            Err(Error::denied(format!(
                "{} lacks the permission {permission}{via}",
                self.user.email
            )))
        }
    }

    /// Exit 5 unless the actor holds one of these: a reading right, or the managing one that
    /// includes it. The denial names the first.
    pub fn require_one_of(&self, permissions: &[&str]) -> Result<()> {
        match permissions.iter().any(|p| self.has(p)) {
            true => Ok(()),
            false => self.require(permissions.first().copied().unwrap_or("*")),
        }
    }

    /// Whether the actor proved their password (and second factor, where enrolled) in this
    /// session within [`FRESH_PROOF`]; never through an API token.
    pub fn proved_recently(&self, now: i64) -> bool {
        matches!(&self.via, Via::Session(s) if now - s.authenticated_at <= FRESH_PROOF)
    }

    /// The session, for commands that only a logged-in person may run (not a token).
    pub fn session(&self) -> Result<&SessionRow> {
        match &self.via {
            Via::Session(s) => Ok(s),
            Via::Token(_) => Err(Error::denied(
                "this command needs a login session, not an API token",
            )),
        }
    }

    /// An audit event of something this actor did, with the credential they used (an API
    /// token's action must not read as its owner's own).
    pub fn event(&self, name: &'static str) -> AuditEvent {
        let credential = match &self.via {
            Via::Session(s) => serde_json::json!({ "session": s.id }),
            Via::Token(t) => serde_json::json!({ "token": { "id": t.id, "name": t.name } }),
        };
        AuditEvent::new(name)
            .by(self.user.id, &self.user.email)
            .with(serde_json::json!({ "credential": credential }))
    }
}

/// Whether this use of a token is recorded (`last_used_at`, the owner's last authentication):
/// at most once a minute, so that a busy CI job does not write on every command.
pub fn use_recorded_now(token: &TokenRow, now: i64) -> bool {
    token.last_used_at.is_none_or(|t| now - t >= 60)
}

/// Why an account may not be used now, by its validity window; `None` inside it.
pub fn outside_window(user: &User, now: i64) -> Option<String> {
    match user.window_at(now) {
        Window::Open => None,
        Window::NotYetValid => Some(format!(
            "is valid only from {}",
            user.valid_from.map(clock::rfc3339).unwrap_or_default()
        )),
        Window::Expired => Some(format!(
            "expired at {}",
            user.expires_at.map(clock::rfc3339).unwrap_or_default()
        )),
    }
}

fn not_logged_in(why: &str) -> Error {
    Error::NotLoggedIn(format!("{why}: run `useradm login`"))
}

/// A presented session refused: exit 4, and a security event (`session.rejected`). `claimed`
/// is an account the database names (never the file's own say: anyone can write one).
fn session_rejected(reason: &'static str, claimed: Option<&str>, why: &str) -> Error {
    Error::CredentialRejected {
        token: false,
        reason,
        claimed: claimed.map(str::to_string),
        message: format!("{why}: run `useradm login`"),
    }
}

/// The actor of this command, or exit 4.
pub fn actor(store: &Store, policy: &Policy, credential: &Credential) -> Result<Actor> {
    resolve(store, policy, credential, Writes::Yes)
}

/// The actor as `actor` finds them, but writing nothing at all: no use recorded, no expired
/// session ended (a shell completion reads on every TAB).
pub fn peek_actor(store: &Store, policy: &Policy, credential: &Credential) -> Result<Actor> {
    resolve(store, policy, credential, Writes::No)
}

/// Whether finding the actor may record what it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Writes {
    Yes,
    No,
}

fn resolve(
    store: &Store,
    policy: &Policy,
    credential: &Credential,
    writes: Writes,
) -> Result<Actor> {
    match credential {
        Credential::SessionFile(path) => session_actor(store, policy, path, writes),
        Credential::Token(token) => token_actor(store, token),
    }
}

fn session_actor(
    store: &Store,
    policy: &Policy,
    path: &std::path::Path,
    writes: Writes,
) -> Result<Actor> {
    let file = session::read(path)?.ok_or_else(|| not_logged_in("not logged in"))?;
    if file.database_id != store.database_id() {
        return Err(session_rejected(
            "session_of_another_database",
            None,
            "the session file belongs to another database",
        ));
    }
    let sql = store.sql();
    let Some((mut row, user)) = sql
        .session_with_user(&session::token_hash(&file.token))?
        .filter(|(row, _)| row.id == file.session_id)
    else {
        // A live session id with another token is a file tampered with: it names whose.
        let owner = match sql.session_by_id(&file.session_id)? {
            Some(live) => sql.user_by_id(live.user_id)?.map(|u| u.email),
            None => None,
        };
        let reason = match owner {
            Some(_) => "session_token_mismatch",
            None => "session_unknown",
        };
        return Err(session_rejected(
            reason,
            owner.as_deref(),
            "the session has ended",
        ));
    };
    let now = clock::now();
    let expired = if now >= row.ends_at(policy.session_ttl) {
        Some("the session has expired".to_string())
    } else if now >= row.idle_until(policy.session_idle) {
        Some(format!(
            "the session expired after {} without use",
            clock::format_duration(policy.session_idle)
        ))
    } else {
        None
    };
    if let Some(why) = expired {
        // Ended for good, whatever the settings become: best effort, as on any read path.
        if writes == Writes::Yes {
            let _ = store.end_expired_session(&row.id);
            let _ = session::remove_if_holding(path, &file.token);
        }
        return Err(not_logged_in(&why));
    }
    if user.is_disabled() {
        return Err(session_rejected(
            "account_disabled",
            Some(&user.email),
            "the account of this session is disabled",
        ));
    }
    if let Some(why) = outside_window(&user, now) {
        return Err(not_logged_in(&format!("the account of this session {why}")));
    }
    let Holdings { roles, grants } = sql.user_holdings(user.id)?;
    // At most once a minute (or half the idle time), and never at the cost of failing.
    if writes == Writes::Yes && now - row.last_seen_at >= (policy.session_idle / 2).clamp(1, 60) {
        let idle_until = now.saturating_add(policy.session_idle);
        store.touch_session(&row.id, now, idle_until)?;
        row.last_seen_at = now;
        row.idle_deadline = Some(idle_until);
    }
    Ok(Actor {
        user,
        via: Via::Session(row),
        roles,
        grants,
    })
}

/// A token's use is recorded apart (`audit::record_token_use`), in one write with its hourly
/// event, so that a busy moment skips both and the next use tries again.
fn token_actor(store: &Store, token: &str) -> Result<Actor> {
    let bad = |reason: &'static str, claimed: Option<&str>, why: &str| Error::CredentialRejected {
        token: true,
        reason,
        claimed: claimed.map(str::to_string),
        message: format!("USERADM_TOKEN {why}"),
    };
    let well_formed = token
        .strip_prefix(TOKEN_PREFIX)
        .is_some_and(|rest| rest.len() == 64 && rest.bytes().all(|b| b.is_ascii_hexdigit()));
    if !well_formed {
        return Err(bad("token_malformed", None, "is not a useradm API token"));
    }
    let sql = store.sql();
    let (row, user) = sql
        .token_with_user(&session::token_hash(token))?
        .ok_or_else(|| bad("token_unknown", None, "is not known to this database"))?;
    let now = clock::now();
    let owner = Some(user.email.as_str());
    if row.revoked_at.is_some() {
        return Err(bad(
            "token_revoked",
            owner,
            &format!("{} was revoked", row.name),
        ));
    }
    if row.expires_at.is_some_and(|t| now >= t) {
        return Err(bad(
            "token_expired",
            owner,
            &format!("{} has expired", row.name),
        ));
    }
    if user.is_disabled() {
        return Err(bad(
            "account_disabled",
            owner,
            "belongs to a disabled account",
        ));
    }
    if let Some(why) = outside_window(&user, now) {
        return Err(bad(
            "account_outside_window",
            owner,
            &format!("belongs to an account that {why}"),
        ));
    }
    let Holdings { roles, grants } = sql.user_holdings(user.id)?;
    Ok(Actor {
        user,
        via: Via::Token(row),
        roles,
        grants,
    })
}

/// The actor as a write transaction sees them, holding every listed permission: rights checked
/// before a long step (hashing) are checked again at the write, where they hold until commit. The
/// account must still be there and enabled, the session or token still live, the grants are read
/// again.
pub fn recheck(sql: &Sql<'_>, actor: &Actor, permissions: &[&str]) -> Result<Actor> {
    let gone = || not_logged_in("the session or token ended while the command ran");
    let now = clock::now();
    let user = sql
        .user_by_id(actor.user.id)?
        .filter(|u| !u.is_disabled() && u.window_at(now) == Window::Open)
        .ok_or_else(gone)?;
    let via = match &actor.via {
        Via::Session(s) => Via::Session(sql.session_by_id(&s.id)?.ok_or_else(gone)?),
        Via::Token(t) => Via::Token(
            sql.token_by_id(&t.id)?
                .filter(|t| t.revoked_at.is_none() && t.expires_at.is_none_or(|e| now < e))
                .ok_or_else(gone)?,
        ),
    };
    let Holdings { roles, grants } = sql.user_holdings(user.id)?;
    let fresh = Actor {
        user,
        via,
        roles,
        grants,
    };
    for p in permissions {
        fresh.require(p)?;
    }
    Ok(fresh)
}

/// The actor, if this command has one; a missing or unusable credential is simply no actor.
pub fn optional_actor(store: &Store, policy: &Policy, credential: &Credential) -> Option<Actor> {
    actor(store, policy, credential).ok()
}

/// What a command may do while its actor owes a required action (`required`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owing {
    /// Nothing: the command runs only for an actor who owes nothing.
    Nothing,
    /// The command performs this action (`passwd`, `2fa`): it runs when it is the first owed.
    Performs(Action),
    /// `whoami`: it shows what is owed.
    Anything,
}

/// The gate for protected commands: an actor holding every listed permission who owes nothing
/// this command does not perform, else exit 4, 5 or 8.
pub fn require(
    store: &Store,
    policy: &Policy,
    credential: &Credential,
    permissions: &[&str],
    owing: Owing,
) -> Result<Actor> {
    let actor = actor(store, policy, credential)?;
    for p in permissions {
        actor.require(p)?;
    }
    match owing {
        Owing::Nothing => required::refuse_unless(store, policy, &actor, None)?,
        Owing::Performs(action) => required::refuse_unless(store, policy, &actor, Some(action))?,
        Owing::Anything => {}
    }
    Ok(actor)
}

/// No escalation, for giving: the actor must hold every permission given.
pub fn require_can_give(actor: &Actor, permissions: &[String]) -> Result<()> {
    match permissions.iter().find(|p| !actor.has(p)) {
        None => Ok(()),
        Some(p) => Err(Error::PermissionDenied {
            rule: "escalation",
            message: format!(
                "{} cannot give the permission {p}, which they do not hold",
                actor.user.email
            ),
        }),
    }
}

/// Step-up for what hands over everything (giving a role that holds `*`, allowing `*`): a
/// proof of the password from the last 5 minutes in a login session; an API token never can.
pub fn require_step_up(actor: &Actor, what: &str) -> Result<()> {
    if actor.proved_recently(clock::now()) {
        return Ok(());
    }
    Err(Error::PermissionDenied {
        rule: "step_up_required",
        message: match &actor.via {
            Via::Token(_) => format!("{what} needs a login session: an API token cannot"),
            Via::Session(_) => format!(
                "{what} needs a proof of your password (and second factor) from the last 5 \
                 minutes: log in again, or give it with `useradm grant` (which asks for it, or \
                 reads it with --password-stdin)"
            ),
        },
    })
}

/// No escalation, for giving a role: holding a role is itself a capability (`check --role`
/// answers it, even for a role without permissions), so the actor must hold the role themselves
/// (or `roles.manage`), and every permission it holds.
pub fn require_can_give_role(actor: &Actor, role: &str, permissions: &[String]) -> Result<()> {
    require_can_give(actor, permissions)?;
    if let Some(p) = permissions.iter().find(|p| hands_over_everything(p)) {
        require_step_up(actor, &format!("giving the role {role}, which holds {p},"))?;
    }
    let holds_role = actor.roles.iter().any(|r| r == role) && actor.may_use_all(permissions);
    if holds_role || actor.has(crate::permissions::ROLES_MANAGE) {
        return Ok(());
    }
    Err(Error::PermissionDenied {
        rule: "escalation",
        message: format!(
            "{} cannot give the role {role}, which they do not hold (or roles.manage)",
            actor.user.email
        ),
    })
}

/// No escalation, for acting on a user: the actor must hold every permission that user holds.
pub fn require_can_act_on(sql: &Sql<'_>, actor: &Actor, target: &User) -> Result<()> {
    let held = sql.user_holdings(target.id)?.grants;
    match held.iter().find(|(_, p)| !actor.has(p)) {
        None => Ok(()),
        Some((role, p)) => Err(Error::PermissionDenied {
            rule: "escalation",
            message: format!(
                "{} cannot act on {}, who holds {p} (role {role}) which they do not",
                actor.user.email, target.email
            ),
        }),
    }
}
