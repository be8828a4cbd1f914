use crate::accounts::{UserView, credentials, sso};
use crate::cli::{LoginArgs, OtpInArgv, PasswdArgs, TwoFactorCommand};
use crate::clock;
use crate::commands::{admit_owing, mfa, open, passwd};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::gate::Owing;
use crate::input::{self, Input};
use crate::oidc;
use crate::output::{self, Report};
use crate::password::Password;
use crate::required::{self, Action};
use crate::session;
use crate::validate::parse_email;

/// How long before a password expires logins and `whoami` start to warn.
pub(crate) const PASSWORD_WARNING: i64 = 14 * 86_400;

pub fn run(ctx: &Context, input: &mut Input<'_>, args: LoginArgs) -> Result<Report> {
    if let Some(name) = &args.idp {
        return sso_login(ctx, input, name, &args);
    }
    let mut opened = open(ctx)?;
    let email = input.required(args.email, "Email", "--email", parse_email)?;
    // A person at a terminal who owes an action is taken straight to its prompts.
    let at_prompts = input.interactive()
        && !ctx.json
        && !args.password.password_stdin
        && args.password.password_file.is_none();
    let path = ctx.session_path(opened.store.database_id());
    // Whose session this file held, to say so when another account's is replaced.
    let replaced = session::read(&path)
        .ok()
        .flatten()
        .filter(|f| f.database_id == opened.store.database_id())
        .map(|f| f.email);
    // At a terminal a wrong password is asked again, as sudo does: 3 tries, each one counted
    // towards the lockout like any failed login.
    let mut tries = 1;
    let (user, session, password) = loop {
        let password = input.password(&args.password, "Password", false, |raw| {
            Ok(Password::normalise(&raw))
        })?;
        let mut factor = input::offered_second_factor(input, &args.second_factor)?;
        let result = credentials::login(
            &mut opened.store,
            &opened.policy,
            &email,
            &password,
            &path,
            &mut factor,
        );
        match result {
            Ok((user, session)) => break (user, session, password),
            // A failure that locked the email ends the tries: the lock says so.
            Err(Error::AuthFailed(why)) if at_prompts && tries < 3 && !why.contains("locked") => {
                eprintln!("useradm: {why}; try again.");
                tries += 1;
            }
            Err(e) => return Err(e),
        }
    };
    let view = UserView::load(&opened.store.sql(), &user)?;
    let expires = clock::rfc3339(session.expires_at);
    let now = clock::now();
    let expires_at = user.password_expires_at(opened.policy.password_max_age);
    let next = if user.owes_password_change(opened.policy.password_max_age, now) && at_prompts {
        "Your password must be changed before anything else (it was set for you, or is older than password.max_age): choose a new one now.".to_string()
    } else if user.owes_password_change(opened.policy.password_max_age, now) {
        "Your password must be changed first (it was set for you, or is older than password.max_age): run `useradm passwd` (nothing else runs until then).".to_string()
    } else if let Some(t) = expires_at.filter(|t| t - now <= PASSWORD_WARNING) {
        format!(
            "Your password expires at {} (password.max_age): change it soon with `useradm passwd`.",
            clock::rfc3339(t)
        )
    } else {
        "Run `useradm whoami` to see your roles; `useradm logout` ends the session.".to_string()
    };
    let report = Report::new(serde_json::json!({
        "user": view,
        "session": { "id": session.id, "created_at": clock::rfc3339(session.created_at), "expires_at": expires },
        "changed": true,
    }))
    .line(format!("Logged in as {} until {expires} at the latest.", view.email))
    .note(next);
    let report = match replaced.filter(|e| !e.eq_ignore_ascii_case(&user.email)) {
        Some(other) => report.note(format!(
            "The session of {other} that this terminal held was ended and replaced."
        )),
        None => report,
    };
    drop(opened);
    if !at_prompts {
        return Ok(report);
    }
    perform_owed(ctx, input, report, &password)
}

/// Runs each action the new session owes, in order, at its prompts (the reports before the last
/// are shown as they come); returns the last report. `password` is the one just typed.
fn perform_owed(
    ctx: &Context,
    input: &mut Input<'_>,
    mut report: Report,
    password: &Password,
) -> Result<Report> {
    let mut done: Vec<Action> = Vec::new();
    loop {
        let admitted = admit_owing(ctx, Owing::Anything)?;
        let owed = required::owed(&admitted.store, &admitted.policy, &admitted.actor)?;
        drop(admitted);
        // Each action is offered once: one still owed after its command is left to the user.
        let Some(&action) = owed.first().filter(|a| !done.contains(a)) else {
            return Ok(report);
        };
        done.push(action);
        output::print_report(ctx, &report);
        report = match action {
            Action::ChangePassword => {
                passwd::change(ctx, input, PasswdArgs::default(), Some(password))?
            }
            Action::EnrolSecondFactor => {
                eprintln!("Your roles need a second factor before anything else: enrol one now.");
                let enable = TwoFactorCommand::Enable {
                    otp_stdin: false,
                    password_stdin: false,
                    refused: OtpInArgv::default(),
                };
                mfa::run(ctx, input, enable)?
            }
        };
    }
}

/// `login --idp NAME`: the device authorization grant, then the same session as a password's.
fn sso_login(ctx: &Context, input: &mut Input<'_>, name: &str, args: &LoginArgs) -> Result<Report> {
    let mut opened = open(ctx)?;
    let provider = sso::login_provider(&opened.store, name)?;
    let http = crate::commands::idp::http(ctx, &opened.policy, opened.store.database_id())?;
    let scopes: Vec<String> = provider
        .scopes
        .split_whitespace()
        .map(String::from)
        .collect();
    let settings = oidc::ClientSettings {
        issuer: &provider.issuer,
        client_id: &provider.client_id,
        client_secret: provider.client_secret.as_deref(),
        scopes: &scopes,
    };
    let started = oidc::start(&http, &settings)?;
    // Shown at once: the person approves in a browser while this process waits.
    let minutes = started.expires_in().as_secs().div_ceil(60);
    let mut shown = format!(
        "To sign in with {name}, open this address in any browser:\n  {}\nand enter the code {}",
        started.verification_uri(),
        started.user_code()
    );
    if let Some(complete) = started.verification_uri_complete() {
        shown.push_str(&format!("\n(or open {complete})"));
        if ctx.interactive && !ctx.json {
            output::show_link_code(ctx, &complete);
        }
    }
    shown.push_str(&format!(
        "\nWaiting for the approval; the code expires in {minutes} minute(s) (Ctrl-C stops)."
    ));
    eprintln!("{shown}");
    let identity = oidc::finish(&http, started)?;
    let resolution = sso::resolve(&mut opened.store, &opened.policy, &provider, &identity)?;
    let password = match &resolution {
        sso::Resolution::ByEmail(user) => {
            eprintln!(
                "The first sign-in through {name} links it to {}: prove that account once with its password.",
                user.email
            );
            Some(input.password(&args.password, "Password", false, |raw| {
                Ok(Password::normalise(&raw))
            })?)
        }
        _ => None,
    };
    let path = ctx.session_path(opened.store.database_id());
    let mut factor = input::offered_second_factor(input, &args.second_factor)?;
    let (user, session) = sso::sign_in(
        &mut opened.store,
        &opened.policy,
        resolution,
        sso::SignIn {
            provider: &provider,
            identity: &identity,
            session_path: &path,
            second_factor: &mut factor,
            password: password.as_ref(),
        },
    )?;
    let view = UserView::load(&opened.store.sql(), &user)?;
    let expires = clock::rfc3339(session.expires_at);
    Ok(Report::new(serde_json::json!({
        "user": view,
        "session": { "id": session.id, "created_at": clock::rfc3339(session.created_at), "expires_at": expires, "idp": name },
        "changed": true,
    }))
    .line(format!(
        "Logged in as {} through {name} until {expires} at the latest.",
        view.email
    ))
    .note(format!(
        "Signing out at {name} does not end this session: `useradm logout` does (an administrator: `useradm users disable`)."
    )))
}
