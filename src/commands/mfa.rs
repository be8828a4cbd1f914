use crate::accounts::mfa;
use crate::cli::{PasswordSource, TwoFactorCommand};
use crate::commands::{open, protected_for_enrolment};
use crate::context::Context;
use crate::error::Result;
use crate::input::{self, Input};
use crate::output::Report;
use crate::password::Password;
use crate::totp;

fn codes_report(mut report: Report, codes: &[String]) -> Report {
    report = report.line("Recovery codes (shown once; each works once; keep them somewhere safe):");
    for c in codes {
        report = report.line(format!("  {c}"));
    }
    report
}

pub fn run(ctx: &Context, input: &mut Input<'_>, command: TwoFactorCommand) -> Result<Report> {
    let (mut store, policy) = open(ctx)?;
    let actor = protected_for_enrolment(ctx, &store, &policy)?;
    match command {
        TwoFactorCommand::Enable { otp, otp_stdin } => {
            let typed = match (otp, otp_stdin) {
                (Some(code), _) => Some(code),
                (None, true) => Some(input.stdin_line("the code")?),
                (None, false) => None,
            };
            // Confirming an enrolment made by an earlier run (scripts, --json).
            if let (Some(code), true) = (&typed, mfa::status(&store, actor.user.id)?.pending) {
                let codes = mfa::confirm(&mut store, &policy, &actor, code)?;
                let report = Report::new(serde_json::json!({ "enabled": true, "recovery_codes": codes, "changed": true }))
                    .line("The second factor is enabled.");
                return Ok(codes_report(report, &codes));
            }
            let enrolment = mfa::begin(&mut store, &actor)?;
            if !input.interactive() || ctx.json {
                return Ok(Report::new(serde_json::json!({
                    "enabled": false,
                    "secret": enrolment.secret,
                    "uri": enrolment.uri,
                    "changed": true,
                }))
                .line(format!("Secret: {}", enrolment.secret))
                .line(format!("URI:    {}", enrolment.uri))
                .note("Not active yet: confirm with `useradm 2fa enable --otp CODE` using a current code."));
            }
            eprintln!("Scan this with an authenticator app, or enter the secret by hand:\n");
            eprintln!("{}", totp::qr(&enrolment.uri));
            eprintln!("Secret: {}\nURI:    {}\n", enrolment.secret, enrolment.uri);
            let code = input.hidden(false, "current code from the app", "--otp")?;
            let codes = mfa::confirm(&mut store, &policy, &actor, &code)?;
            let report = Report::new(
                serde_json::json!({ "enabled": true, "recovery_codes": codes, "changed": true }),
            )
            .line("The second factor is enabled.");
            Ok(codes_report(report, &codes))
        }
        TwoFactorCommand::Status => {
            let status = mfa::status(&store, actor.user.id)?;
            let line = match (status.enabled, status.pending) {
                (true, _) => format!(
                    "Enabled; {} recovery code(s) left.",
                    status.recovery_codes_left
                ),
                (false, true) => {
                    "Not enabled: an enrolment waits for `useradm 2fa enable --otp CODE`."
                        .to_string()
                }
                (false, false) => "Not enabled: `useradm 2fa enable` sets it up.".to_string(),
            };
            Ok(Report::new(serde_json::to_value(&status).unwrap_or_default()).line(line))
        }
        TwoFactorCommand::Disable {
            password_stdin,
            second_factor,
        } => {
            let source = PasswordSource {
                password_stdin,
                password_file: None,
            };
            let password = input.password(&source, "Password", false, |raw| {
                Ok(Password::normalise(&raw))
            })?;
            let factor = input::second_factor(input, &second_factor)?;
            mfa::disable(&mut store, &policy, &actor, &password, factor)?;
            Ok(
                Report::new(serde_json::json!({ "enabled": false, "changed": true }))
                    .line("The second factor is removed."),
            )
        }
        TwoFactorCommand::RecoveryCodes {
            password_stdin,
            second_factor,
        } => {
            let source = PasswordSource {
                password_stdin,
                password_file: None,
            };
            let password = input.password(&source, "Password", false, |raw| {
                Ok(Password::normalise(&raw))
            })?;
            let factor = input::second_factor(input, &second_factor)?;
            let codes = mfa::regenerate(&mut store, &policy, &actor, &password, factor)?;
            Ok(codes_report(
                Report::new(serde_json::json!({ "recovery_codes": codes, "changed": true })),
                &codes,
            ))
        }
    }
}
