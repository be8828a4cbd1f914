use crate::accounts::roles;
use crate::cli::RoleChangeArgs;
use crate::commands::{admit, step_up};
use crate::context::Context;
use crate::error::Result;
use crate::input::Input;
use crate::output::Report;
use crate::permissions::ROLES_GRANT;
use crate::validate::parse_email;

/// `grant` (`give`) and `revoke`.
pub fn run(
    ctx: &Context,
    input: &mut Input<'_>,
    args: RoleChangeArgs,
    give: bool,
) -> Result<Report> {
    let mut admitted = admit(ctx, &[ROLES_GRANT])?;
    let email = parse_email(&args.email)?;
    if give && roles::gives_everything(&admitted.store.sql(), &args.roles)? {
        step_up(input, &mut admitted, args.password_stdin)?;
    }
    let (user, results) = roles::change_roles(
        &mut admitted.store,
        &admitted.actor,
        &email,
        &args.roles,
        give,
    )?;
    let changed = results.iter().any(|(_, c)| *c);
    let mut report = Report::new(serde_json::json!({
        "user": user,
        "changed": changed,
        "roles": results.iter().map(|(r, c)| serde_json::json!({ "role": r, "changed": c })).collect::<Vec<_>>(),
    }));
    for (role, did) in &results {
        report = report.line(match (give, did) {
            (true, true) => format!("Granted {role} to {}.", user.email),
            (true, false) => format!("{} already has {role}; nothing changed.", user.email),
            (false, true) => format!("Revoked {role} from {}.", user.email),
            (false, false) => format!("{} does not have {role}; nothing changed.", user.email),
        });
    }
    Ok(report)
}
