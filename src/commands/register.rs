use crate::accounts::register::{self, Registered, Registration};
use crate::accounts::{self, UserView};
use crate::cli::RegisterArgs;
use crate::commands::{Opened, after_admission, delivery_note, kick_mail_queue, open};
use crate::context::Context;
use crate::error::Result;
use crate::gate;
use crate::input::Input;
use crate::output::Report;
use crate::password;
use crate::permissions::USERS_READ;
use crate::validate::{parse_attributes, parse_email, parse_name};

pub fn run(ctx: &Context, input: &mut Input<'_>, args: RegisterArgs) -> Result<Report> {
    let Opened { mut store, policy } = open(ctx)?;
    let actor = gate::optional_actor(&store, &policy, &ctx.credential(store.database_id()));
    if let Some(actor) = &actor {
        after_admission(ctx, &mut store, actor);
    }
    register::authorise(&store, &policy, actor.as_ref(), &args.roles, args.verified)?;
    let email = input.required(args.email, "Email", "--email", parse_email)?;
    let may_read = actor.as_ref().is_some_and(|a| a.has(USERS_READ));
    if let Some(user) = register::existing(&store, &email)?.filter(|_| args.exists_ok) {
        return Ok(existed(user, may_read));
    }
    let first_name = input.optional(args.first_name, "First name (optional)", |s| {
        parse_name("the first name", s)
    })?;
    let last_name = input.optional(args.last_name, "Last name (optional)", |s| {
        parse_name("the last name", s)
    })?;
    let attributes = parse_attributes(&args.attrs)?;
    let names = Some((first_name.as_str(), last_name.as_str()));
    let judge = |raw: String| accounts::judge_password(&store, &policy, &email, names, &raw);
    let (password, generated) = if args.generate_password {
        let raw = password::generate(&policy)?;
        (judge(raw.clone())?, Some(raw))
    } else {
        (
            input.password(&args.password, "Password", true, judge)?,
            None,
        )
    };
    let mail_config = if args.verified {
        None
    } else {
        Some(ctx.mail_config(&policy.mail, store.database_id())?)
    };
    let registration = Registration {
        email,
        first_name,
        last_name,
        attributes,
        password,
        roles: args.roles,
        verified: args.verified,
        exists_ok: args.exists_ok,
    };
    let outcome = register::register(
        &mut store,
        &policy,
        mail_config.as_ref(),
        actor.as_ref(),
        &registration,
    )?;
    kick_mail_queue(ctx, &store);
    let (user, mail) = match outcome {
        Registered::Existed { user } => return Ok(existed(user, may_read)),
        Registered::Created { user, mail } => (user, mail),
    };
    let mut report = Report::new(serde_json::json!({
        "user": user,
        "changed": true,
        "verification": match &mail {
            None => serde_json::json!({ "sent": false, "reason": "verified" }),
            Some(Ok(d)) => serde_json::json!({ "sent": true, "delivery": d.to_json() }),
            Some(Err(e)) => serde_json::json!({ "sent": false, "reason": e.to_string() }),
        },
        "generated_password": generated,
    }))
    .line(format!("Registered {}.", user.display_name()));
    if let Some(pw) = &generated {
        report = report.line(format!(
            "Generated password (shown once, store it now): {pw}"
        ));
    }
    match mail {
        None => report = report.line("The email address is marked verified."),
        Some(Ok(delivery)) => {
            report = report
                .line(format!(
                    "A verification code was sent to {0}; run `useradm verify --email {0}`.",
                    user.email
                ))
                .note(delivery_note(&delivery));
        }
        Some(Err(e)) => report.error = Some(e),
    }
    Ok(report)
}

/// An existing account is shown only to those who may read accounts; others learn that the
/// address is taken and nothing more.
fn existed(user: UserView, may_read: bool) -> Report {
    let json = if may_read {
        serde_json::json!({ "user": user, "changed": false })
    } else {
        serde_json::json!({ "email": user.email, "changed": false })
    };
    Report::new(json).line(format!(
        "{} is already registered; nothing changed.",
        user.email
    ))
}
