use crate::accounts::{UserView, credentials};
use crate::cli::{AuthenticateArgs, LoginArgs, LogoutArgs};
use crate::clock;
use crate::commands::open;
use crate::context::Context;
use crate::context::SessionLocation;
use crate::error::{Error, Result};
use crate::input::{self, Input};
use crate::output::Report;
use crate::password::Password;
use crate::session;
use crate::validate::parse_email;

pub fn login(ctx: &Context, input: &mut Input<'_>, args: LoginArgs) -> Result<Report> {
    let (mut store, policy) = open(ctx)?;
    let email = input.required(args.email, "Email", "--email", parse_email)?;
    let password = input.password(&args.password, "Password", false, |raw| {
        Ok(Password::normalise(&raw))
    })?;
    let path = ctx.session_path(store.database_id());
    let mut factor = input::early_second_factor(input, &args.second_factor)?;
    let (user, session) = credentials::login(
        &mut store,
        &policy,
        &email,
        &password,
        &path,
        &mut || match factor.take() {
            Some(f) => Ok(f),
            None => input::second_factor(input, &args.second_factor),
        },
    )?;
    let view = UserView::load(&store.sql(), &user)?;
    let expires = clock::rfc3339(session.expires_at);
    Ok(Report::new(serde_json::json!({
        "user": view,
        "session": { "id": session.id, "created_at": clock::rfc3339(session.created_at), "expires_at": expires },
        "changed": true,
    }))
    .line(format!("Logged in as {} until {expires} at the latest.", view.email))
    .note("Run `useradm whoami` to see your roles; `useradm logout` ends the session."))
}

pub fn authenticate(
    ctx: &Context,
    input: &mut Input<'_>,
    args: AuthenticateArgs,
) -> Result<Report> {
    let (mut store, policy) = open(ctx)?;
    let email = parse_email(&args.email)?;
    let password = input.password(&args.password, "Password", false, |raw| {
        Ok(Password::normalise(&raw))
    })?;
    let mut factor = input::early_second_factor(input, &args.second_factor)?;
    let user =
        credentials::authenticate(&mut store, &policy, &email, &password, &mut || match factor
            .take()
        {
            Some(f) => Ok(f),
            None => input::second_factor(input, &args.second_factor),
        })?;
    let view = UserView::load(&store.sql(), &user)?;
    Ok(
        Report::new(serde_json::json!({ "authenticated": true, "user": view }))
            .line(format!("The credentials of {} are valid.", view.email)),
    )
}

pub fn logout(ctx: &Context, args: LogoutArgs) -> Result<Report> {
    // Logout always cleans up and succeeds: without a database there is no session to end, but
    // an explicit session file still goes.
    let (mut store, _) = match open(ctx) {
        Ok(opened) => opened,
        Err(e @ Error::Storage(_)) => {
            let removed = match &ctx.session {
                SessionLocation::File(file) => session::remove(file)?,
                SessionLocation::Dir(_) => false,
            };
            return Ok(Report::new(
                serde_json::json!({ "email": null, "sessions_ended": 0, "changed": removed }),
            )
            .line("Not logged in; nothing to do.")
            .note(format!("warning: {e}")));
        }
        Err(e) => return Err(e),
    };
    let path = ctx.session_path(store.database_id());
    let out = credentials::logout(&mut store, &path, args.all)?;
    let line = match (&out.email, out.sessions_ended) {
        (Some(email), n) if args.all => {
            format!("Logged out {email} everywhere ({n} session(s) ended).")
        }
        (Some(email), _) => format!("Logged out {email}."),
        (None, _) if out.file_removed => {
            "The session had already ended; its file was removed.".to_string()
        }
        (None, _) => "Not logged in; nothing to do.".to_string(),
    };
    Ok(Report::new(serde_json::json!({
        "email": out.email,
        "sessions_ended": out.sessions_ended,
        "changed": out.sessions_ended > 0 || out.file_removed,
    }))
    .line(line))
}
