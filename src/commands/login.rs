use crate::accounts::{UserView, credentials};
use crate::cli::LoginArgs;
use crate::clock;
use crate::commands::open;
use crate::context::Context;
use crate::error::Result;
use crate::input::{self, Input};
use crate::output::Report;
use crate::password::Password;
use crate::validate::parse_email;

/// How long before a password expires logins and `whoami` start to warn.
pub(crate) const PASSWORD_WARNING: i64 = 14 * 86_400;

pub fn run(ctx: &Context, input: &mut Input<'_>, args: LoginArgs) -> Result<Report> {
    let mut opened = open(ctx)?;
    let email = input.required(args.email, "Email", "--email", parse_email)?;
    let password = input.password(&args.password, "Password", false, |raw| {
        Ok(Password::normalise(&raw))
    })?;
    let path = ctx.session_path(opened.store.database_id());
    let mut factor = input::offered_second_factor(input, &args.second_factor)?;
    let (user, session) = credentials::login(
        &mut opened.store,
        &opened.policy,
        &email,
        &password,
        &path,
        &mut factor,
    )?;
    let view = UserView::load(&opened.store.sql(), &user)?;
    let expires = clock::rfc3339(session.expires_at);
    let now = clock::now();
    let expires_at = user.password_expires_at(opened.policy.password_max_age);
    let next = if user.owes_password_change(opened.policy.password_max_age, now) {
        "Your password must be changed first (it was set for you, or is older than password.max_age): run `useradm passwd` (nothing else runs until then).".to_string()
    } else if let Some(t) = expires_at.filter(|t| t - now <= PASSWORD_WARNING) {
        format!(
            "Your password expires at {} (password.max_age): change it soon with `useradm passwd`.",
            clock::rfc3339(t)
        )
    } else {
        "Run `useradm whoami` to see your roles; `useradm logout` ends the session.".to_string()
    };
    Ok(Report::new(serde_json::json!({
        "user": view,
        "session": { "id": session.id, "created_at": clock::rfc3339(session.created_at), "expires_at": expires },
        "changed": true,
    }))
    .line(format!("Logged in as {} until {expires} at the latest.", view.email))
    .note(next))
}
