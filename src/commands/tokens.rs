use crate::accounts::tokens;
use crate::cli::TokensCommand;
use crate::commands::{Admitted, admit};
use crate::context::Context;
use crate::error::Result;
use crate::output::{Report, table};

pub fn run(ctx: &Context, command: TokensCommand) -> Result<Report> {
    let Admitted {
        mut store, actor, ..
    } = admit(ctx, &[])?;
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
            Ok(Report::of(&list).line(text))
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
