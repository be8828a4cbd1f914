use crate::accounts::check;
use crate::cli::CheckArgs;
use crate::commands::admit;
use crate::context::Context;
use crate::error::Result;
use crate::output::Report;
use crate::validate::parse_email;

/// `check`: nothing on stdout unless `--json` or `--explain`; the exit code is the answer.
pub fn run(ctx: &Context, args: CheckArgs) -> Result<Report> {
    let admitted = admit(ctx, &[])?;
    let email = args.email.as_deref().map(parse_email).transpose()?;
    let decision = check::check(
        &admitted.store,
        &admitted.actor,
        email.as_ref(),
        &args.roles,
        &args.permissions,
    )?;
    let mut report = Report::of(&decision);
    if args.explain {
        for r in &decision.requirements {
            report = report.line(match &r.granted_by {
                Some(role) => format!("{} {}: held, through the role {role}", r.kind, r.name),
                None => format!("{} {}: missing", r.kind, r.name),
            });
        }
    }
    if !decision.allowed {
        report.exit = Some(5);
    }
    Ok(report)
}
