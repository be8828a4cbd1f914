use crate::accounts::{credentials, mfa};
use crate::cli::{PasswordSource, SecondFactorSource, TwoFactorCommand};
use crate::commands::{Admitted, admit_owing, fresh_proof};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::gate::Owing;
use crate::input::{self, Input};
use crate::output::{self, Report};
use crate::password::Password;
use crate::required::Action;

fn codes_report(mut report: Report, codes: &[String]) -> Report {
    report = report.line("Recovery codes (shown once; each works once; keep them somewhere safe):");
    for c in codes {
        report = report.line(format!("  {c}"));
    }
    report
}

fn enabled_report(codes: &[String]) -> Report {
    let report = Report::new(
        serde_json::json!({ "enabled": true, "recovery_codes": codes, "changed": true }),
    )
    .line("The second factor is enabled.");
    codes_report(report, codes)
}

pub fn run(ctx: &Context, input: &mut Input<'_>, command: TwoFactorCommand) -> Result<Report> {
    let mut admitted = admit_owing(ctx, Owing::Performs(Action::EnrolSecondFactor))?;
    match command {
        TwoFactorCommand::Enable {
            otp_stdin,
            password_stdin,
            refused,
        } => {
            input::refuse_code_in_argv(
                refused.otp.as_ref(),
                "--otp CODE",
                "--otp-stdin, or `useradm 2fa enable` on a terminal",
            )?;
            let proof = fresh_proof(input, &mut admitted, password_stdin)?;
            enable(ctx, input, &mut admitted, otp_stdin, &proof)
        }
        TwoFactorCommand::Status => {
            let status = mfa::status(&admitted.store, admitted.actor.user.id)?;
            let line = match (status.enabled, status.pending) {
                (true, _) => format!(
                    "Enabled; {} recovery code(s) left.",
                    status.recovery_codes_left
                ),
                (false, true) => {
                    "Not enabled: an enrolment waits for a current code on `useradm 2fa enable --otp-stdin`."
                        .to_string()
                }
                (false, false) => "Not enabled: `useradm 2fa enable` sets it up.".to_string(),
            };
            Ok(Report::of(&status).line(line))
        }
        TwoFactorCommand::Disable {
            password_stdin,
            second_factor,
        } => {
            let proof = reprove(input, &mut admitted, password_stdin, &second_factor)?;
            mfa::disable(&mut admitted.store, &admitted.actor, &proof)?;
            Ok(
                Report::new(serde_json::json!({ "enabled": false, "changed": true }))
                    .line("The second factor is removed."),
            )
        }
        TwoFactorCommand::RecoveryCodes {
            password_stdin,
            second_factor,
        } => {
            let proof = reprove(input, &mut admitted, password_stdin, &second_factor)?;
            let codes = mfa::regenerate(
                &mut admitted.store,
                &admitted.policy,
                &admitted.actor,
                &proof,
            )?;
            Ok(codes_report(
                Report::new(serde_json::json!({ "recovery_codes": codes, "changed": true })),
                &codes,
            ))
        }
    }
}

/// `2fa enable`: starts an enrolment and, at a terminal, confirms it with the first code; a
/// code given on the command line or stdin confirms an enrolment an earlier run started.
fn enable(
    ctx: &Context,
    input: &mut Input<'_>,
    admitted: &mut Admitted,
    otp_stdin: bool,
    proof: &credentials::Proof,
) -> Result<Report> {
    let (store, policy, actor) = (&mut admitted.store, &admitted.policy, &admitted.actor);
    let typed = match otp_stdin {
        true => Some(input.stdin_line("the code")?),
        false => None,
    };
    if let (Some(code), true) = (&typed, mfa::status(store, actor.user.id)?.pending) {
        let codes = mfa::confirm(store, policy, actor, code, proof)?;
        return Ok(enabled_report(&codes));
    }
    let enrolment = mfa::begin(store, actor, proof)?;
    if !input.interactive() || ctx.json {
        return Ok(Report::new(serde_json::json!({
            "enabled": false,
            "secret": enrolment.secret,
            "uri": enrolment.uri,
            "changed": true,
        }))
        .line(format!("Secret: {}", enrolment.secret))
        .line(format!("URI:    {}", enrolment.uri))
        .note("Not active yet: confirm with a current code, `useradm 2fa enable --otp-stdin`."));
    }
    output::show_enrolment(ctx, &enrolment.secret, &enrolment.uri);
    // A mistyped code is asked for again (3 tries) against the same secret.
    let mut tries = 1;
    loop {
        let code = input.hidden(false, "current code from the app", "--otp-stdin")?;
        match mfa::confirm(store, policy, actor, &code, proof) {
            Ok(codes) => return Ok(enabled_report(&codes)),
            Err(Error::AuthFailed(why)) if tries < 3 => {
                eprintln!("{why}.");
                tries += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// The password (and a current code) proven again, for changes to the second factor itself.
fn reprove(
    input: &mut Input<'_>,
    admitted: &mut Admitted,
    password_stdin: bool,
    second_factor: &SecondFactorSource,
) -> Result<credentials::Proof> {
    let source = PasswordSource {
        password_stdin,
        password_file: None,
    };
    let password = input.password(&source, "Password", false, |raw| {
        Ok(Password::normalise(&raw))
    })?;
    let factor = input::second_factor(input, second_factor)?;
    credentials::reprove(
        &mut admitted.store,
        &admitted.policy,
        &admitted.actor,
        &password,
        factor,
    )
}
