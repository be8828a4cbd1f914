//! API tokens for CI: `tokens create|list|revoke`. A token acts as its owner, limited to the
//! permissions it lists and to what the owner still holds. It is shown once; only its SHA-256
//! is stored.

use serde::Serialize;

use crate::accounts::credentials::Proof;
use crate::clock;
use crate::crypto;
use crate::error::{Error, Result};
use crate::gate::{self, Actor, TOKEN_PREFIX, Via};
use crate::mail::{self, MailConfig};
use crate::permissions::{self, SESSIONS_MANAGE};
use crate::session::token_hash;
use crate::store::{AuditEvent, Store, TokenRow};

/// What `tokens create` asks for.
#[derive(Debug, Clone, Copy)]
pub struct NewToken<'a> {
    pub name: &'a str,
    pub perms: &'a [String],
    /// Seconds, `None` for never.
    pub ttl: Option<i64>,
}

/// Tokens expire after 90 days unless told otherwise.
pub const DEFAULT_TTL: i64 = 90 * 86_400;

#[derive(Debug, Clone, Serialize)]
pub struct TokenView {
    pub id: String,
    pub name: String,
    pub email: String,
    pub permissions: Vec<String>,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub last_used_at: Option<String>,
    pub revoked: bool,
}

impl From<&TokenRow> for TokenView {
    fn from(t: &TokenRow) -> TokenView {
        TokenView {
            id: t.id.clone(),
            name: t.name.clone(),
            email: t.email.clone(),
            permissions: t.permissions.clone(),
            created_at: clock::rfc3339(t.created_at),
            expires_at: t.expires_at.map(clock::rfc3339),
            last_used_at: t.last_used_at.map(clock::rfc3339),
            revoked: t.revoked_at.is_some(),
        }
    }
}

/// `--expires 30d|never`: the lifetime in seconds, `None` for never.
pub fn parse_expiry(text: Option<&str>) -> Result<Option<i64>> {
    match text {
        None => Ok(Some(DEFAULT_TTL)),
        Some("never") => Ok(None),
        Some(t) => match clock::parse_duration(t) {
            Some(s) if s > 0 && s <= 3650 * 86_400 => Ok(Some(s)),
            _ => Err(Error::usage(format!(
                "invalid --expires {t:?}: a duration such as 30d or 12h, or never"
            ))),
        },
    }
}

/// Creates a token, once the actor proved their password afresh (a token outlives the session
/// that made it); returns it, with the secret shown once.
pub fn create(
    store: &mut Store,
    actor: &Actor,
    request: &NewToken<'_>,
    _proof: &Proof,
) -> Result<(TokenView, String)> {
    let NewToken { name, perms, ttl } = *request;
    actor.session()?;
    if name.trim().is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err(Error::usage(
            "the token name must be 1 to 100 characters, without control characters",
        ));
    }
    if perms.is_empty() {
        return Err(Error::usage("a token needs at least one --permission"));
    }
    perms.iter().try_for_each(|p| permissions::validate(p))?;
    gate::require_can_give(actor, perms)?;
    let secret = format!(
        "{TOKEN_PREFIX}{}",
        crypto::hex(&crypto::random_bytes::<32>()?)
    );
    let now = clock::now();
    let row = TokenRow {
        id: crypto::hex(&crypto::random_bytes::<8>()?),
        name: name.trim().to_string(),
        user_id: actor.user.id,
        email: actor.user.email.clone(),
        permissions: perms.to_vec(),
        created_at: now,
        expires_at: ttl.map(|t| now.saturating_add(t)),
        last_used_at: None,
        revoked_at: None,
        notified_at: None,
    };
    store.write(|tx| {
        gate::require_can_give(&gate::recheck(tx, actor, &[])?, perms)?;
        tx.insert_token(&row, &token_hash(&secret))?;
        let detail = serde_json::json!({ "token": row.id, "name": row.name, "permissions": perms });
        tx.append_audit(
            &actor
                .event("token.created")
                .on(&actor.user.email)
                .with(detail),
            now,
        )
    })?;
    Ok((TokenView::from(&row), secret))
}

pub fn list(store: &Store, actor: &Actor, all: bool) -> Result<Vec<TokenView>> {
    if all {
        actor.require(SESSIONS_MANAGE)?;
    }
    Ok(store
        .sql()
        .tokens(if all { None } else { Some(actor.user.id) })?
        .iter()
        .map(TokenView::from)
        .collect())
}

/// Revokes a token: one's own, or another user's with `sessions.manage` and every permission
/// that user holds. Revoking a revoked token changes nothing.
pub fn revoke(store: &mut Store, actor: &Actor, id: &str) -> Result<(TokenView, bool)> {
    // A token may revoke tokens only if it lists sessions.manage; without that permission,
    // others' tokens look like missing ones.
    if matches!(actor.via, Via::Token(_)) {
        actor.require(SESSIONS_MANAGE)?;
    }
    let missing = || Error::NotFound(format!("no token {id:?}"));
    let visible = store.sql().tokens(match actor.has(SESSIONS_MANAGE) {
        true => None,
        false => Some(actor.user.id),
    })?;
    let row = crate::accounts::by_id_or_prefix(&visible, id, "token", |t| &t.id)?
        .cloned()
        .ok_or_else(missing)?;
    let id = row.id.as_str();
    if row.user_id != actor.user.id {
        if !actor.has(SESSIONS_MANAGE) {
            return Err(missing());
        }
        let owner = store
            .sql()
            .user_by_id(row.user_id)?
            .ok_or_else(|| Error::NotFound(format!("no token {id:?}")))?;
        gate::require_can_act_on(&store.sql(), actor, &owner)?;
    }
    let now = clock::now();
    let changed = store.write(|tx| {
        crate::accounts::sessions::recheck_owner(tx, actor, row.user_id)?;
        let changed = tx.revoke_token(id, now)?;
        if changed {
            let detail = serde_json::json!({ "token": id, "name": row.name });
            tx.append_audit(
                &actor.event("token.revoked").on(&row.email).with(detail),
                now,
            )?;
        }
        Ok(changed)
    })?;
    let row = store.sql().token_by_id(id)?.unwrap_or(row);
    Ok((TokenView::from(&row), changed))
}

/// How long before its end the owner of a token is told, once.
pub const REMIND_BEFORE: i64 = 7 * 86_400;

/// One owner told (or not) that a token ends soon.
#[derive(Debug, Clone, Serialize)]
pub struct Reminder {
    pub token: TokenView,
    pub sent: bool,
    pub error: Option<String>,
}

/// After a mail that could not be sent, how long before a token's owner is tried again.
const RETRY_AFTER: i64 = 3600;

/// Tells the owners of live tokens that end within [`REMIND_BEFORE`], once per token: every such
/// token (`tokens remind`, for a timer), or only `only` (handed off at its first use in that
/// window). The mail names the token, never its secret. A token is claimed before its mail goes
/// out, so two runs send one mail; a mail that fails releases the claim (audited as
/// `token.expiry_notice_failed`) and is tried again an hour later at the earliest.
pub fn remind(store: &mut Store, cfg: &MailConfig, only: Option<&str>) -> Result<Vec<Reminder>> {
    let now = clock::now();
    let due = store
        .sql()
        .tokens_ending_unnotified(now, now.saturating_add(REMIND_BEFORE))?;
    let mut told = Vec::new();
    for token in due.iter().filter(|t| only.is_none_or(|id| id == t.id)) {
        let failed_lately = |tx: &crate::store::Tx<'_>| {
            tx.events_on_since(
                "token.expiry_notice_failed",
                Some(&token.id),
                now - RETRY_AFTER,
            )
        };
        let claimed = store.write(|tx| {
            if failed_lately(tx)? > 0 {
                return Ok(false);
            }
            tx.mark_token_notified(&token.id, now)
        })?;
        if !claimed {
            continue;
        }
        let ends = token.expires_at.map(clock::rfc3339).unwrap_or_default();
        let sent = mail::send_token_expiry_notice(cfg, &token.email, &token.name, &token.id, &ends);
        let detail =
            serde_json::json!({ "token": token.id, "name": token.name, "expires_at": ends });
        let error = sent.err().map(|e| e.to_string());
        store.write(|tx| {
            let name = match &error {
                None => "token.expiry_notified",
                Some(_) => {
                    tx.unmark_token_notified(&token.id)?;
                    "token.expiry_notice_failed"
                }
            };
            let target = if error.is_some() {
                &token.id
            } else {
                &token.email
            };
            tx.append_audit(&AuditEvent::new(name).on(target).with(detail.clone()), now)
        })?;
        told.push(Reminder {
            token: TokenView::from(token),
            sent: error.is_none(),
            error,
        });
    }
    Ok(told)
}

/// Whether a token in use should make its owner be told now: it ends within
/// [`REMIND_BEFORE`] and nobody was told yet.
pub fn reminder_due(token: &TokenRow, now: i64) -> bool {
    token.notified_at.is_none()
        && token.revoked_at.is_none()
        && token
            .expires_at
            .is_some_and(|t| t > now && t - now <= REMIND_BEFORE)
}
