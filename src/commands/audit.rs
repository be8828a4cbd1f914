use crate::accounts::audit;
use crate::cli::{AuditArgs, AuditCommand};
use crate::commands::admit;
use crate::context::Context;
use crate::error::Result;
use crate::output::Report;
use crate::permissions::AUDIT_READ;
use crate::table::{self, Kind, col};
use crate::validate::parse_email;

pub fn run(ctx: &Context, args: AuditArgs) -> Result<Report> {
    let store = admit(ctx, &[AUDIT_READ])?.store;
    match args.command {
        Some(AuditCommand::Head) => {
            let head = audit::head(&store)?;
            Ok(Report::of(&head).line(head.hash.clone()))
        }
        Some(AuditCommand::Verify { expect_head }) => {
            let (rows, head) = audit::verify(&store.sql(), expect_head.as_deref())?;
            Ok(
                Report::new(serde_json::json!({ "ok": true, "rows": rows, "head": head })).line(
                    format!(
                        "The audit chain is intact: {rows} event(s), head {} (row {}).",
                        head.hash, head.id
                    ),
                ),
            )
        }
        None => {
            let since = args.since.as_deref().map(audit::parse_since).transpose()?;
            let email = args.email.as_deref().map(parse_email).transpose()?;
            let events = audit::list(
                &store,
                email.as_ref().map(|e| e.address.as_str()),
                since,
                i64::from(args.limit),
            )?;
            let rows = events.iter().map(|e| {
                [
                    e.id.to_string(),
                    e.at.clone(),
                    e.actor.clone().unwrap_or_default(),
                    e.event.clone(),
                    e.target.clone().unwrap_or_default(),
                    e.detail.to_string(),
                ]
            });
            let text = table::render(
                [
                    col("#", Kind::Whole, 3),
                    col("time", Kind::Time, 8),
                    col("actor", Kind::Whole, 6),
                    col("event", Kind::Whole, 9),
                    col("target", Kind::Whole, 5),
                    col("detail", Kind::Wrap, 1),
                ],
                rows,
            );
            Ok(Report::of(&events).line(text))
        }
    }
}
