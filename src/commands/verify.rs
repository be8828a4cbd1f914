use crate::accounts::{delivery, verify};
use crate::cli::VerifyArgs;
use crate::commands::{Opened, open, queued_note};
use crate::context::Context;
use crate::error::Result;
use crate::input::{self, Input};
use crate::output::Report;
use crate::validate::parse_email;

pub fn run(ctx: &Context, input: &mut Input<'_>, args: VerifyArgs) -> Result<Report> {
    input::refuse_code_in_argv(
        args.refused.code.as_ref(),
        "--code CODE",
        "`useradm verify --email E` on a terminal (it asks for the code), or --code-stdin",
    )?;
    let Opened { mut store, policy } = open(ctx)?;
    let email = input.required(args.email, "Email", "--email", parse_email)?;
    if args.resend {
        let transport = ctx.mail_transport(&policy.mail, store.database_id())?;
        let id = verify::resend(&mut store, &policy, &transport, &email)?;
        delivery::hand_off(&ctx.db.location, Some(id), delivery::When::Due);
        return Ok(Report::new(serde_json::json!({
            "email": email.address,
            "requested": true,
        }))
        .line(format!(
            "If {0} belongs to an account still to be verified, a new code was sent to it. \
             Then run `useradm verify --email {0}`.",
            email.address
        ))
        .note(queued_note(&transport)));
    }
    let code = input.hidden(
        args.code_stdin,
        "verification code from the email",
        "--code-stdin",
    )?;
    let user = verify::confirm(&mut store, &policy, &email, &code)?;
    Ok(
        Report::new(serde_json::json!({ "user": user, "changed": true }))
            .line(format!("Verified {}.", user.email))
            .note(format!("Next: `useradm login --email {}`", user.email)),
    )
}
