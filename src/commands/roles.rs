use crate::accounts::roles::{self, RoleView};
use crate::cli::RolesCommand;
use crate::commands::{Admitted, admit, step_up};
use crate::context::Context;
use crate::error::Result;
use crate::gate::Actor;
use crate::input::Input;
use crate::output::Report;
use crate::permissions::ROLES_MANAGE;
use crate::store::Store;
use crate::table::{self, Kind, col};

fn role_json(role: &RoleView) -> serde_json::Value {
    serde_json::to_value(role).unwrap_or_default()
}

pub fn run(ctx: &Context, input: &mut Input<'_>, command: RolesCommand) -> Result<Report> {
    let mut admitted = admit(ctx, &[ROLES_MANAGE])?;
    if let RolesCommand::Allow {
        permissions,
        password_stdin,
        ..
    } = &command
        && permissions
            .iter()
            .any(|p| crate::permissions::hands_over_everything(p))
    {
        step_up(input, &mut admitted, *password_stdin)?;
    }
    let Admitted {
        mut store, actor, ..
    } = admitted;
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
            let text = table::render(
                [
                    col("role", Kind::Whole, 9),
                    col("permissions", Kind::Wrap, 8),
                    col("users", Kind::Whole, 5),
                    col("description", Kind::Wrap, 1),
                ],
                rows,
            );
            Ok(Report::of(&roles).line(text))
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
        RolesCommand::Delete { name, yes } => delete(input, &mut store, &actor, &name, yes),
        RolesCommand::Allow {
            name, permissions, ..
        } => change(&mut store, &actor, &name, &permissions, true),
        RolesCommand::Deny { name, permissions } => {
            change(&mut store, &actor, &name, &permissions, false)
        }
    }
}

/// `roles delete`: what goes with the role is shown, and its name typed, before it goes.
fn delete(
    input: &Input<'_>,
    store: &mut Store,
    actor: &Actor,
    name: &str,
    yes: bool,
) -> Result<Report> {
    if !yes && input.interactive() {
        let role = roles::show(store, name)?;
        eprintln!(
            "Deleting the role {name} takes it from {} user(s), with its permissions: {}.",
            role.users,
            list_or_none(&role.permissions)
        );
    }
    let what = format!("deleting the role {name}");
    if !input.confirm_destructive(yes, &what, name, |typed| typed == name)? {
        return Ok(
            Report::new(serde_json::json!({ "name": name, "changed": false })).line("Not deleted."),
        );
    }
    let role = roles::delete(store, actor, name)?;
    Ok(
        Report::new(serde_json::json!({ "name": role.name, "changed": true })).line(format!(
            "Deleted the role {} ({} user(s) lost it).",
            role.name, role.users
        )),
    )
}

fn list_or_none(v: &[String]) -> String {
    if v.is_empty() {
        "no permissions".into()
    } else {
        v.join(", ")
    }
}

fn change(
    store: &mut Store,
    actor: &Actor,
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
