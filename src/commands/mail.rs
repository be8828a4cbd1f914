use crate::accounts::delivery::{self, Outcome, When};
use crate::cli::MailCommand;
use crate::clock;
use crate::commands::{Opened, admit, open};
use crate::context::Context;
use crate::error::Result;
use crate::output::Report;
use crate::permissions::SETTINGS_MANAGE;
use crate::table::{self, Kind, col};

pub fn run(ctx: &Context, command: MailCommand) -> Result<Report> {
    match command {
        MailCommand::Deliver {
            id,
            after_pid,
            now,
            token_reminder,
        } => deliver(ctx, id, after_pid, now, token_reminder.as_deref()),
        MailCommand::List => {
            let admitted = admit(ctx, &[SETTINGS_MANAGE])?;
            let waiting = admitted.store.sql().waiting_mail()?;
            let now = clock::now();
            let json: Vec<serde_json::Value> = waiting
                .iter()
                .map(|m| {
                    serde_json::json!({
                        "id": m.id,
                        "purpose": m.purpose,
                        "address": m.address,
                        "queued_at": clock::rfc3339(m.created_at),
                        "attempts": m.attempts,
                        "next_attempt_at": clock::rfc3339(m.next_attempt_at),
                        "sending": m.claimed_until.is_some_and(|c| c >= now),
                        "last_error": m.last_error,
                    })
                })
                .collect();
            let rows = waiting.iter().map(|m| {
                [
                    m.id.to_string(),
                    m.purpose.clone(),
                    m.address.clone(),
                    clock::rfc3339(m.created_at),
                    m.attempts.to_string(),
                    if m.claimed_until.is_some_and(|c| c >= now) {
                        "sending now".to_string()
                    } else {
                        clock::rfc3339(m.next_attempt_at)
                    },
                    m.last_error.clone().unwrap_or_default(),
                ]
            });
            let text = table::render(
                [
                    col("#", Kind::Whole, 9),
                    col("purpose", Kind::Whole, 6),
                    col("to", Kind::Whole, 8),
                    col("queued", Kind::Time, 3),
                    col("attempts", Kind::Whole, 2),
                    col("next", Kind::Time, 4),
                    col("last error", Kind::Wrap, 5),
                ],
                rows,
            );
            Ok(Report::new(serde_json::Value::Array(json))
                .line(text)
                .note(format!("{} message(s) waiting.", waiting.len())))
        }
        MailCommand::Retry { wait } => {
            let mut admitted = admit(ctx, &[SETTINGS_MANAGE])?;
            if !wait {
                let due = admitted.store.sql().waiting_mail()?.len();
                delivery::hand_off(&ctx.db.location, None, When::Now);
                return Ok(
                    Report::new(serde_json::json!({ "handed_off": due })).line(format!(
                        "{due} message(s) handed to a deliverer; `useradm mail list` shows what waits."
                    )),
                );
            }
            let done = delivery::deliver_and_wait(&mut admitted.store, &admitted.policy)?;
            let left = admitted.store.sql().waiting_mail()?.len();
            let (mut sent, mut skipped, mut failed) = (0, 0, 0);
            for (_, outcome) in &done {
                match outcome {
                    Outcome::Sent(_) => sent += 1,
                    Outcome::Skipped(_) => skipped += 1,
                    Outcome::Failed(_) => failed += 1,
                }
            }
            Ok(Report::new(serde_json::json!({
                "sent": sent, "skipped": skipped, "failed": failed, "waiting": left,
            }))
            .line(format!(
                "{sent} sent, {skipped} with nothing to send, {failed} failed; {left} waiting."
            )))
        }
    }
}

/// `mail deliver`: started by a request that has answered, so no gate (the intent was
/// authorised when it was queued) and no output.
fn deliver(
    ctx: &Context,
    id: Option<i64>,
    after_pid: Option<u32>,
    now: bool,
    token_reminder: Option<&str>,
) -> Result<Report> {
    let when = if now { When::Now } else { When::Due };
    if let Some(parent) = after_pid {
        delivery::detach_and_wait_for(parent);
    }
    let Opened { mut store, policy } = open(ctx)?;
    if let Some(id) = id {
        delivery::deliver(&mut store, &policy, id, When::Due)?;
    }
    delivery::deliver_due(&mut store, &policy, when)?;
    if let Some(token) = token_reminder {
        let cfg = ctx.mail_config(&policy.mail, store.database_id())?;
        crate::accounts::tokens::remind(&mut store, &cfg, Some(token))?;
    }
    Ok(Report::new(serde_json::Value::Null))
}
