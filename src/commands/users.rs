use crate::accounts::UserView;
use crate::accounts::users::{self, Action, Update};
use crate::cli::{StatusFilter, UsersCommand};
use crate::commands::{delivery_note, open, protected};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::input::Input;
use crate::output::{Report, table};
use crate::permissions::{USERS_MANAGE, USERS_READ};
use crate::store::UserFilter;
use crate::validate::{parse_attributes, parse_email};

pub fn run(ctx: &Context, input: &mut Input<'_>, command: UsersCommand) -> Result<Report> {
    let (mut store, policy) = open(ctx)?;
    let needs = match command {
        UsersCommand::List { .. } | UsersCommand::Show { .. } => USERS_READ,
        _ => USERS_MANAGE,
    };
    let actor = protected(ctx, &store, &policy, &[needs])?;
    match command {
        UsersCommand::List {
            role,
            status,
            search,
        } => {
            let filter = UserFilter {
                role,
                status: status.map(|s| {
                    match s {
                        StatusFilter::Active => "active",
                        StatusFilter::Disabled => "disabled",
                        StatusFilter::Locked => "locked",
                    }
                    .to_string()
                }),
                search,
            };
            if ctx.json {
                // A JSON array written as the rows come: memory stays flat for any number of users.
                let count = stream_json(&store, &filter)?;
                return Ok(Report {
                    json: serde_json::Value::Null,
                    ..Report::default()
                }
                .note(format!("{count} account(s).")));
            }
            let mut views = Vec::new();
            users::list(&store, &filter, &mut |v| {
                views.push(v);
                Ok(())
            })?;
            let rows = views.iter().map(|u| {
                [
                    u.email.clone(),
                    format!("{} {}", u.first_name, u.last_name)
                        .trim()
                        .to_string(),
                    u.status.to_string(),
                    if u.email_verified { "yes" } else { "no" }.to_string(),
                    u.roles.join(", "),
                    u.last_login_at.clone().unwrap_or_else(|| "never".into()),
                ]
            });
            let text = table(
                ["email", "name", "status", "verified", "roles", "last login"],
                rows,
            );
            let count = views.len();
            Ok(
                Report::new(serde_json::to_value(&views).unwrap_or_default())
                    .line(text)
                    .note(format!("{count} account(s).")),
            )
        }
        UsersCommand::Show { user } => {
            let (view, pending) = users::show(&store, &parse_email(&user)?)?;
            let mut json = serde_json::to_value(&view).unwrap_or_default();
            json["pending_email"] = pending.clone().into();
            let mut report = Report::new(json).line(view.display_name());
            report = report
                .line(format!("status:       {}", view.status))
                .line(format!(
                    "verified:     {}",
                    if view.email_verified { "yes" } else { "no" }
                ))
                .line(format!(
                    "roles:        {}",
                    if view.roles.is_empty() {
                        "(none)".into()
                    } else {
                        view.roles.join(", ")
                    }
                ))
                .line(format!("attributes:   {}", view.attributes))
                .line(format!("created:      {}", view.created_at))
                .line(format!(
                    "last login:   {}",
                    view.last_login_at.clone().unwrap_or_else(|| "never".into())
                ));
            if let Some(p) = pending {
                report = report.line(format!("pending email: {p} (waiting for its code)"));
            }
            Ok(report)
        }
        UsersCommand::Update {
            user,
            first_name,
            last_name,
            attrs,
            email,
        } => {
            let change = Update {
                first_name,
                last_name,
                attributes: parse_attributes(&attrs)?,
                new_email: email.as_deref().map(parse_email).transpose()?,
            };
            let cfg = if change.new_email.is_some() {
                Some(ctx.mail_config(&policy.mail)?)
            } else {
                None
            };
            let updated = users::update(
                &mut store,
                &policy,
                cfg.as_ref(),
                &actor,
                &parse_email(&user)?,
                &change,
            )?;
            let mut report = Report::new(
                serde_json::json!({ "user": updated.user, "changed": updated.changed }),
            )
            .line(if updated.changed {
                format!("Updated {}.", updated.user.email)
            } else {
                format!(
                    "{} already looks like that; nothing changed.",
                    updated.user.email
                )
            });
            match (&change.new_email, updated.email_change) {
                (Some(new), Some(Ok(delivery))) => {
                    report = report
                        .line(format!(
                            "A code was sent to {0}; the address changes when `useradm verify --email {0}` uses it.",
                            new.address
                        ))
                        .note(delivery_note(&delivery));
                }
                (_, Some(Err(e))) => report.error = Some(e),
                _ => {}
            }
            Ok(report)
        }
        UsersCommand::Delete { user, yes } => {
            let email = parse_email(&user)?;
            if !yes {
                if !input.interactive() {
                    return Err(Error::usage(format!(
                        "deleting {} needs confirmation: pass --yes (there is no terminal to ask on)",
                        email.address
                    )));
                }
                if !input.confirm(&format!(
                    "Delete the account {} and everything it holds?",
                    email.address
                ))? {
                    return Err(Error::Interrupted);
                }
            }
            act(&mut store, &actor, &email, Action::Delete)
        }
        UsersCommand::Reset2fa { user } => {
            let email = parse_email(&user)?;
            let had = crate::accounts::mfa::reset_for(&mut store, &actor, &email)?;
            let line = if had {
                format!("Removed the second factor of {}.", email.address)
            } else {
                format!("{} had no second factor; nothing changed.", email.address)
            };
            Ok(
                Report::new(serde_json::json!({ "email": email.address, "changed": had }))
                    .line(line),
            )
        }
        UsersCommand::Disable { user } => {
            act(&mut store, &actor, &parse_email(&user)?, Action::Disable)
        }
        UsersCommand::Enable { user } => {
            act(&mut store, &actor, &parse_email(&user)?, Action::Enable)
        }
        UsersCommand::Unlock { user } => {
            act(&mut store, &actor, &parse_email(&user)?, Action::Unlock)
        }
    }
}

fn stream_json(store: &crate::store::Store, filter: &UserFilter) -> Result<usize> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let fail = |e: std::io::Error| Error::write_failed("the list", e);
    let mut count = 0;
    out.write_all(b"[").map_err(fail)?;
    users::list(store, filter, &mut |view| {
        if count > 0 {
            out.write_all(b",").map_err(fail)?;
        }
        out.write_all(b"\n  ").map_err(fail)?;
        serde_json::to_writer(&mut out, &view).map_err(|e| fail(e.into()))?;
        count += 1;
        Ok(())
    })?;
    out.write_all(if count > 0 { b"\n]\n" } else { b"]\n" })
        .map_err(fail)?;
    out.flush().map_err(fail)?;
    Ok(count)
}

fn act(
    store: &mut crate::store::Store,
    actor: &crate::gate::Actor,
    email: &crate::validate::Email,
    action: Action,
) -> Result<Report> {
    let (user, changed): (UserView, bool) = users::act(store, actor, email, action)?;
    let (done, state) = match action {
        Action::Disable => ("disabled (its sessions and tokens ended)", "disabled"),
        Action::Enable => ("enabled", "enabled"),
        Action::Unlock => ("unlocked", "unlocked"),
        Action::Delete => ("deleted", "deleted"),
    };
    let line = if changed {
        format!("{} {done}.", user.email)
    } else {
        format!("{} was already {state}; nothing changed.", user.email)
    };
    Ok(Report::new(serde_json::json!({ "user": user, "changed": changed })).line(line))
}
