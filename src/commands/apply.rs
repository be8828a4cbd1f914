use crate::accounts::apply::{self, Action, Format, Kind, Options, Plan, Request};
use crate::cli::{ApplyArgs, StateFormat};
use crate::commands::import::read_input;
use crate::commands::{admit, kick_mail_queue};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::input::Input;
use crate::output::{Report, count_on, hashing_bar, print_report};

pub fn run(ctx: &Context, input: &mut Input<'_>, args: ApplyArgs) -> Result<Report> {
    let mut admitted = admit(ctx, &[])?;
    let format = match args.format {
        Some(StateFormat::Toml) => Format::Toml,
        Some(StateFormat::Json) => Format::Json,
        None => apply::declared::format_of(&args.file),
    };
    let text = read_input(ctx, &args.file)?;
    let mut declared = apply::declared::read(&text, format, &admitted.policy)
        .map_err(|e| in_file(e, &args.file))?;
    apply::require_read_rights(&admitted.actor, &declared)?;
    for p in &mut declared.providers {
        if let Some(file) = &p.client_secret_file {
            p.client_secret = Some(crate::commands::idp::client_secret(ctx, input, file)?);
        }
    }
    let options = Options {
        adopt: args.adopt,
        prune: args.prune,
        max_deletions: args.max_deletions,
        no_email: args.no_email,
    };
    let plan = apply::make_plan(&admitted.store, &declared, &options)?;
    if args.check {
        let mut report = plan_report(ctx, &plan);
        if !plan.in_sync {
            report.error = Some(Error::Drift(format!(
                "the store differs from {}: `useradm apply` converges it",
                args.file.display()
            )));
        }
        return Ok(report);
    }
    let writes = plan.create + plan.change + plan.adopt + plan.remove > 0;
    if args.dry_run || !writes {
        let mut report = plan_report(ctx, &plan);
        if plan.remove > options.max_deletions {
            report = report.note(format!(
                "warning: applying this plan is refused: it removes {} entries, more than --max-deletions {}.",
                plan.remove, options.max_deletions
            ));
        }
        return Ok(report);
    }
    if ctx.interactive && !args.yes {
        print_report(ctx, &plan_report(ctx, &plan));
        if !input.confirm("Apply these changes?")? {
            return Ok(
                Report::new(serde_json::json!({ "applied": false })).line("Nothing was applied.")
            );
        }
    }
    let mail = if args.no_email {
        None
    } else {
        Some(ctx.mail_config(&admitted.policy.mail, admitted.store.database_id())?)
    };
    let creates_provider = plan
        .steps
        .iter()
        .any(|s| s.kind == Kind::Provider && s.action == Action::Create);
    let http = match creates_provider {
        true => Some(crate::commands::idp::http(
            ctx,
            &admitted.policy,
            admitted.store.database_id(),
        )?),
        false => None,
    };
    let bar = hashing_bar(ctx);
    let progress = count_on(&bar);
    let request = Request {
        actor: &admitted.actor,
        options,
        mail: mail.as_ref(),
        progress: &progress,
        http: http.as_ref(),
    };
    let applied = apply::apply(
        &mut admitted.store,
        &admitted.policy,
        &declared,
        plan,
        &request,
    );
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let applied = applied?;
    if !applied.invitations_sent.is_empty() || !applied.verifications_sent.is_empty() {
        kick_mail_queue(ctx, &admitted.store);
    }
    Ok(applied_report(&applied))
}

/// What an apply did, and the mail it sent.
fn applied_report(applied: &apply::Applied) -> Report {
    let p = &applied.plan;
    let mut report = Report::of(applied).line(format!(
        "Applied {}: {} created, {} changed, {} adopted, {} removed, {} unchanged.",
        p.owner, p.create, p.change, p.adopt, p.remove, p.unchanged
    ));
    let went = applied.mail_went.as_deref().unwrap_or("nowhere");
    for (what, sent) in [
        ("Invitations", &applied.invitations_sent),
        ("Verification codes", &applied.verifications_sent),
    ] {
        if !sent.is_empty() {
            report = report.line(format!("{what} sent ({}) through {went}.", sent.len()));
        }
    }
    for (what, unsent, resend) in [
        ("invitation", &applied.invitations_unsent, "reset --email"),
        (
            "verification code",
            &applied.verifications_unsent,
            "verify --resend --email",
        ),
    ] {
        for (email, why) in unsent {
            report = report.line(format!(
                "The {what} to {email} could not be sent ({why}); resend: useradm {resend} {email}"
            ));
        }
    }
    report.error =
        super::unsent_codes(applied.invitations_unsent.len() + applied.verifications_unsent.len());
    if p.left_alone > 0 {
        report = report.note(format!(
            "{} entr(ies) left alone: see `useradm apply --dry-run`.",
            p.left_alone
        ));
    }
    report
}

/// The plan as text (unchanged entries counted, not listed) or as JSON (every entry).
fn plan_report(ctx: &Context, plan: &Plan) -> Report {
    let mut report = match ctx.json {
        true => Report::of(plan),
        // A plan of many entries is not made into a JSON document only to be dropped.
        false => Report::new(serde_json::Value::Null),
    };
    for s in plan.steps.iter().filter(|s| s.action != Action::Unchanged) {
        let kind = match s.kind {
            Kind::Setting => "setting",
            Kind::Provider => "idp",
            Kind::Role => "role",
            Kind::User => "user",
        };
        let mut head = format!("{} {kind} {}", s.action.sign(), s.name);
        if matches!(
            s.action,
            Action::NotManaged | Action::Moved | Action::Remove
        ) {
            head.push_str(&format!(
                " ({})",
                s.note.as_deref().unwrap_or(s.action.words())
            ));
        }
        report = report.line(head);
        for c in &s.changes {
            let line = match s.action {
                Action::Create => format!("    {}: {}", c.field, c.new),
                _ => format!("    {}: {} -> {}", c.field, shown(&c.old), shown(&c.new)),
            };
            report = report.line(line);
        }
    }
    let summary = format!(
        "Plan for {}: {} to create, {} to change, {} to adopt, {} to remove, {} unchanged, {} left alone.",
        plan.owner,
        plan.create,
        plan.change,
        plan.adopt,
        plan.remove,
        plan.unchanged,
        plan.left_alone
    );
    let summary = match plan.in_sync {
        true => format!("{summary} The store matches the file."),
        false => summary,
    };
    report.line(summary)
}

fn shown(value: &str) -> &str {
    if value.is_empty() { "(none)" } else { value }
}

/// A refusal of the file, naming it: a pipeline may apply several.
fn in_file(e: Error, file: &std::path::Path) -> Error {
    match e {
        Error::Usage(message) => Error::Usage(format!(
            "{}: {message}",
            match file.as_os_str() == "-" {
                true => "standard input".to_string(),
                false => file.display().to_string(),
            }
        )),
        other => other,
    }
}
