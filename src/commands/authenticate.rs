use crate::accounts::{UserView, credentials};
use crate::cli::AuthenticateArgs;
use crate::commands::open;
use crate::context::Context;
use crate::error::Result;
use crate::input::{self, Input};
use crate::output::Report;
use crate::password::Password;
use crate::validate::parse_email;

pub fn run(ctx: &Context, input: &mut Input<'_>, args: AuthenticateArgs) -> Result<Report> {
    if args.pam {
        return Ok(crate::commands::pam::run(ctx, args.email_domain.as_deref()));
    }
    let mut opened = open(ctx)?;
    let email = parse_email(args.email.as_deref().unwrap_or_default())?;
    let password = input.password(&args.password, "Password", false, |raw| {
        Ok(Password::normalise(&raw))
    })?;
    let mut factor = input::offered_second_factor(input, &args.second_factor)?;
    let user = credentials::authenticate(
        &mut opened.store,
        &opened.policy,
        &email,
        &password,
        &mut factor,
    )?;
    let view = UserView::load(&opened.store.sql(), &user)?;
    Ok(
        Report::new(serde_json::json!({ "authenticated": true, "user": view }))
            .line(format!("The credentials of {} are valid.", view.email)),
    )
}
