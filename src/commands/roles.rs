use crate::accounts::roles::{self, RoleView};
use crate::cli::{RoleChangeArgs, RolesCommand};
use crate::commands::{open, protected};
use crate::context::Context;
use crate::error::Result;
use crate::output::{Report, table};
use crate::permissions::{ROLES_GRANT, ROLES_MANAGE};
use crate::validate::parse_email;

fn role_json(role: &RoleView) -> serde_json::Value {
    serde_json::to_value(role).unwrap_or_default()
}

pub fn run(ctx: &Context, command: RolesCommand) -> Result<Report> {
    let (mut store, policy) = open(ctx)?;
    let actor = protected(ctx, &store, &policy, &[ROLES_MANAGE])?;
    match command {
        RolesCommand::List => {
            let roles = roles::list(&store)?;
            let rows = roles.iter().map(|r| {
                [
                    r.name.clone(),
                    r.permissions.join(", "),
                    r.users.to_string(),
                    r.description.clone(),
                ]
            });
            let text = table(["role", "permissions", "users", "description"], rows);
            Ok(Report::new(serde_json::to_value(&roles).unwrap_or_default()).line(text))
        }
        RolesCommand::Show { name } => {
            let role = roles::show(&store, &name)?;
            Ok(Report::new(role_json(&role))
                .line(format!(
                    "{}{}",
                    role.name,
                    if role.builtin { " (built in)" } else { "" }
                ))
                .line(format!("description:  {}", role.description))
                .line(format!("permissions:  {}", role.permissions.join(", ")))
                .line(format!("users:        {}", role.users)))
        }
        RolesCommand::Create {
            name,
            permissions,
            description,
            exists_ok,
        } => {
            let (role, changed) = roles::create(
                &mut store,
                &actor,
                &name,
                &description,
                &permissions,
                exists_ok,
            )?;
            let mut json = role_json(&role);
            json["changed"] = changed.into();
            let line = if changed {
                format!(
                    "Created the role {} with {}.",
                    role.name,
                    list_or_none(&role.permissions)
                )
            } else {
                format!("The role {} already exists; nothing changed.", role.name)
            };
            Ok(Report::new(json).line(line))
        }
        RolesCommand::Delete { name } => {
            let role = roles::delete(&mut store, &actor, &name)?;
            Ok(
                Report::new(serde_json::json!({ "name": role.name, "changed": true })).line(
                    format!(
                        "Deleted the role {} ({} user(s) lost it).",
                        role.name, role.users
                    ),
                ),
            )
        }
        RolesCommand::Allow { name, permissions } => {
            change(&mut store, &actor, &name, &permissions, true)
        }
        RolesCommand::Deny { name, permissions } => {
            change(&mut store, &actor, &name, &permissions, false)
        }
    }
}

fn list_or_none(v: &[String]) -> String {
    if v.is_empty() {
        "no permissions".into()
    } else {
        v.join(", ")
    }
}

fn change(
    store: &mut crate::store::Store,
    actor: &crate::gate::Actor,
    name: &str,
    permissions: &[String],
    allow: bool,
) -> Result<Report> {
    let (role, changed) = roles::change_permissions(store, actor, name, permissions, allow)?;
    let mut json = role_json(&role);
    json["changed"] = (!changed.is_empty()).into();
    let line = match (changed.is_empty(), allow) {
        (true, _) => format!(
            "Nothing changed; {} has {}.",
            role.name,
            list_or_none(&role.permissions)
        ),
        (false, true) => format!("{} now also allows {}.", role.name, changed.join(", ")),
        (false, false) => format!("{} no longer allows {}.", role.name, changed.join(", ")),
    };
    Ok(Report::new(json).line(line))
}

/// `grant` and `revoke`.
pub fn change_roles(ctx: &Context, args: RoleChangeArgs, give: bool) -> Result<Report> {
    let (mut store, policy) = open(ctx)?;
    let actor = protected(ctx, &store, &policy, &[ROLES_GRANT])?;
    let email = parse_email(&args.email)?;
    let (user, results) = roles::change_roles(&mut store, &actor, &email, &args.roles, give)?;
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
