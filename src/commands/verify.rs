use crate::accounts::verify;
use crate::cli::VerifyArgs;
use crate::commands::{Opened, delivery_note, open};
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
        let cfg = ctx.mail_config(&policy.mail)?;
        let delivery = verify::resend(&mut store, &policy, &cfg, &email)?;
        return Ok(Report::new(serde_json::json!({
            "email": email.address,
            "changed": true,
            "verification": { "sent": true, "delivery": delivery.to_json() },
        }))
        .line(format!(
            "A new verification code was sent to {0}; run `useradm verify --email {0}`.",
            email.address
        ))
        .note(delivery_note(&delivery)));
    }
    let code = input.hidden(args.code_stdin, "the code", "--code-stdin")?;
    let user = verify::confirm(&mut store, &policy, &email, &code)?;
    Ok(
        Report::new(serde_json::json!({ "user": user, "changed": true }))
            .line(format!("Verified {}.", user.email))
            .note(format!("Next: `useradm login --email {}`", user.email)),
    )
}
