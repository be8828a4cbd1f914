use crate::accounts::{self, delivery, reset};
use crate::cli::ResetArgs;
use crate::commands::{Opened, open, queued_note};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::input::{self, Input};
use crate::output::Report;
use crate::validate::parse_email;

pub fn run(ctx: &Context, input: &mut Input<'_>, args: ResetArgs) -> Result<Report> {
    input::refuse_code_in_argv(
        args.refused.code.as_ref(),
        "--code CODE",
        "`useradm reset --email E --confirm` (it asks for the code), or --code-stdin",
    )?;
    let Opened { mut store, policy } = open(ctx)?;
    let email = input.required(args.email, "Email", "--email", parse_email)?;
    // Without --confirm this requests a new code, which kills the one already mailed.
    let confirming = args.confirm || args.code_stdin;
    if !confirming {
        if args.password.password_stdin || args.password.password_file.is_some() {
            return Err(Error::usage(
                "a new password needs the emailed code: pass --confirm (asks for it) or --code-stdin",
            ));
        }
        let transport = ctx.mail_transport(&policy.mail, store.database_id())?;
        let id = reset::request(&mut store, &policy, &transport, &email)?;
        delivery::hand_off(&ctx.db.location, Some(id), delivery::When::Due);
        return Ok(
            Report::new(serde_json::json!({ "email": email.address, "requested": true }))
                .line(format!(
                    "If an account exists for {0}, a reset code was sent to it. Then run \
             `useradm reset --email {0} --confirm`.",
                    email.address
                ))
                .note(queued_note(&transport)),
        );
    }
    let code = input.hidden(
        args.code_stdin,
        "code from the email (reset or invitation)",
        "--code-stdin",
    )?;
    // With the code on stdin, the password follows on the next line unless it comes from elsewhere.
    let mut source = args.password.clone();
    if args.code_stdin && source.password_file.is_none() && !input.interactive() {
        source.password_stdin = true;
    }
    let password = input.password(&source, "New password", true, |raw| {
        // The account's own words are checked once the code proved the caller may know them.
        accounts::judge_password(&store, &policy, &email, Some(("", "")), &raw)
    })?;
    let done = reset::confirm(&mut store, &policy, &email, &code, &password)?;
    let line = if done.first_password {
        format!(
            "Welcome: the password of {} is set and the address confirmed.",
            email.address
        )
    } else {
        format!(
            "The password of {} was reset; {} session(s) ended and {} API token(s) revoked.",
            email.address, done.sessions_ended, done.tokens_revoked
        )
    };
    Ok(Report::new(serde_json::json!({
        "email": email.address,
        "changed": true,
        "invitation_accepted": done.first_password,
        "sessions_ended": done.sessions_ended,
        "tokens_revoked": done.tokens_revoked,
    }))
    .line(line)
    .note(format!("Next: `useradm login --email {}`", email.address)))
}
