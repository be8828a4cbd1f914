use crate::accounts::audit;
use crate::accounts::check;
use crate::cli::{AuditArgs, AuditCommand, CheckArgs};
use crate::commands::{open, protected};
use crate::context::Context;
use crate::error::Result;
use crate::output::{Report, table};
use crate::permissions::AUDIT_READ;
use crate::validate::parse_email;

pub fn run(ctx: &Context, args: AuditArgs) -> Result<Report> {
    let (store, policy) = open(ctx)?;
    protected(ctx, &store, &policy, &[AUDIT_READ])?;
    match args.command {
        Some(AuditCommand::Head) => {
            let head = audit::head(&store)?;
            Ok(
                Report::new(serde_json::to_value(&head).unwrap_or_default())
                    .line(head.hash.clone()),
            )
        }
        Some(AuditCommand::Verify { expect_head }) => {
            let (rows, head) = audit::verify(&store, expect_head.as_deref())?;
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
            let text = table(["#", "time", "actor", "event", "target", "detail"], rows);
            Ok(Report::new(serde_json::to_value(&events).unwrap_or_default()).line(text))
        }
    }
}

/// `check`: nothing on stdout unless `--json` or `--explain`; the exit code is the answer.
pub fn check(ctx: &Context, args: CheckArgs) -> Result<Report> {
    let (store, policy) = open(ctx)?;
    let actor = protected(ctx, &store, &policy, &[])?;
    let email = args.email.as_deref().map(parse_email).transpose()?;
    let verdict = check::check(
        &store,
        &actor,
        email.as_ref(),
        &args.roles,
        &args.permissions,
    )?;
    let mut report = Report::new(serde_json::to_value(&verdict).unwrap_or_default());
    if args.explain {
        for r in &verdict.requirements {
            report = report.line(match &r.granted_by {
                Some(role) => format!("{} {}: held, through the role {role}", r.kind, r.name),
                None => format!("{} {}: missing", r.kind, r.name),
            });
        }
    }
    if !verdict.allowed {
        report.exit = Some(5);
    }
    Ok(report)
}
