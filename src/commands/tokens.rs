use crate::accounts::tokens::{self, NewToken};
use crate::cli::TokensCommand;
use crate::commands::{Admitted, admit, fresh_proof};
use crate::context::Context;
use crate::error::Result;
use crate::input::Input;
use crate::output::Report;
use crate::permissions::SESSIONS_MANAGE;
use crate::table::{self, Kind, col};

pub fn run(ctx: &Context, input: &mut Input<'_>, command: TokensCommand) -> Result<Report> {
    let mut admitted = admit(ctx, &[])?;
    match command {
        TokensCommand::Create {
            name,
            permissions,
            expires,
            password_stdin,
        } => {
            let ttl = tokens::parse_expiry(expires.as_deref())?;
            let proof = fresh_proof(input, &mut admitted, password_stdin)?;
            let request = NewToken {
                name: &name,
                perms: &permissions,
                ttl,
            };
            let (token, secret) =
                tokens::create(&mut admitted.store, &admitted.actor, &request, &proof)?;
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
            let list = tokens::list(&admitted.store, &admitted.actor, all)?;
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
            let text = table::render(
                [
                    col("token", Kind::Id, 9),
                    col("name", Kind::Whole, 8),
                    col("user", Kind::Whole, 6),
                    col("permissions", Kind::Wrap, 5),
                    col("expires", Kind::Time, 4),
                    col("last used", Kind::Time, 2),
                    col("state", Kind::Whole, 7),
                ],
                rows,
            );
            Ok(Report::of(&list).line(text))
        }
        TokensCommand::Revoke { id } => {
            let (token, changed) = tokens::revoke(&mut admitted.store, &admitted.actor, &id)?;
            let line = if changed {
                format!("Revoked the token {} ({}).", token.id, token.name)
            } else {
                format!("The token {} was already revoked.", token.id)
            };
            Ok(Report::new(serde_json::json!({ "token": token, "changed": changed })).line(line))
        }
        TokensCommand::Remind => remind(ctx, &mut admitted),
    }
}

/// `tokens remind`: exit 9 when a reminder could not be sent, so that a timer notices.
fn remind(ctx: &Context, admitted: &mut Admitted) -> Result<Report> {
    admitted.actor.require(SESSIONS_MANAGE)?;
    let cfg = ctx.mail_config(&admitted.policy.mail, admitted.store.database_id())?;
    let told = tokens::remind(&mut admitted.store, &cfg, None)?;
    let failed: Vec<String> = told
        .iter()
        .filter_map(|r| {
            r.error
                .as_ref()
                .map(|e| format!("{} ({}): {e}", r.token.id, r.token.email))
        })
        .collect();
    if !failed.is_empty() {
        // Exit 9, so that a timer notices; the sent ones are in the audit log.
        return Err(crate::error::Error::MailFailed(format!(
            "{} of {} reminder(s) could not be sent, tried again in an hour at the earliest: {}",
            failed.len(),
            told.len(),
            failed.join("; ")
        )));
    }
    let mut report = Report::new(serde_json::json!({ "reminded": told }));
    for r in &told {
        report = report.line(match &r.error {
            None => format!(
                "Told {} that the token {} ({}) expires {}.",
                r.token.email,
                r.token.id,
                r.token.name,
                r.token.expires_at.as_deref().unwrap_or("")
            ),
            Some(e) => {
                format!("Could not tell {} about {}: {e}", r.token.email, r.token.id)
            }
        });
    }
    if told.is_empty() {
        report = report.line("No token expires within 7 days without its owner told.");
    }
    Ok(report)
}
