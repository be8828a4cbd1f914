use crate::accounts::{sessions, tokens};
use crate::cli::{SessionsCommand, TokensCommand};
use crate::commands::{open, protected};
use crate::context::Context;
use crate::error::Result;
use crate::output::{Report, table};

pub fn run(ctx: &Context, command: SessionsCommand) -> Result<Report> {
    let (mut store, policy) = open(ctx)?;
    let actor = protected(ctx, &store, &policy, &[])?;
    match command {
        SessionsCommand::List { all } => {
            let list = sessions::list(&store, &actor, all)?;
            let rows = list.iter().map(|s| {
                [
                    format!("{}{}", s.id, if s.current { " *" } else { "" }),
                    s.email.clone(),
                    s.created_at.clone(),
                    s.last_seen_at.clone(),
                    s.expires_at.clone(),
                ]
            });
            let text = table(["session", "user", "created", "last seen", "expires"], rows);
            Ok(Report::new(serde_json::to_value(&list).unwrap_or_default()).line(text))
        }
        SessionsCommand::Revoke { id } => {
            let s = sessions::revoke(&mut store, &actor, &id)?;
            Ok(
                Report::new(serde_json::json!({ "session": s, "changed": true }))
                    .line(format!("Ended the session {} of {}.", s.id, s.email)),
            )
        }
    }
}

pub fn run_tokens(ctx: &Context, command: TokensCommand) -> Result<Report> {
    let (mut store, policy) = open(ctx)?;
    let actor = protected(ctx, &store, &policy, &[])?;
    match command {
        TokensCommand::Create {
            name,
            permissions,
            expires,
        } => {
            let ttl = tokens::parse_expiry(expires.as_deref())?;
            let (token, secret) = tokens::create(&mut store, &actor, &name, &permissions, ttl)?;
            let expiry = token.expires_at.clone().unwrap_or_else(|| "never".into());
            Ok(Report::new(serde_json::json!({ "token": token, "secret": secret, "changed": true }))
                .line(secret.clone())
                .note(format!(
                    "The token {} ({}) is shown once: store it now. It acts as {} limited to {}; expires {expiry}. \
                     Use it with USERADM_TOKEN=….",
                    token.id,
                    token.name,
                    token.email,
                    token.permissions.join(", ")
                )))
        }
        TokensCommand::List { all } => {
            let list = tokens::list(&store, &actor, all)?;
            let rows = list.iter().map(|t| {
                [
                    t.id.clone(),
                    t.name.clone(),
                    t.email.clone(),
                    t.permissions.join(", "),
                    t.expires_at.clone().unwrap_or_else(|| "never".into()),
                    t.last_used_at.clone().unwrap_or_else(|| "never".into()),
                    if t.revoked { "revoked" } else { "active" }.to_string(),
                ]
            });
            let text = table(
                [
                    "token",
                    "name",
                    "user",
                    "permissions",
                    "expires",
                    "last used",
                    "state",
                ],
                rows,
            );
            Ok(Report::new(serde_json::to_value(&list).unwrap_or_default()).line(text))
        }
        TokensCommand::Revoke { id } => {
            let (token, changed) = tokens::revoke(&mut store, &actor, &id)?;
            let line = if changed {
                format!("Revoked the token {} ({}).", token.id, token.name)
            } else {
                format!("The token {} was already revoked.", token.id)
            };
            Ok(Report::new(serde_json::json!({ "token": token, "changed": changed })).line(line))
        }
    }
}
