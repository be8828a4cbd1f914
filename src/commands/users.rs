use crate::accounts::credentials::Proof;
use crate::accounts::sso;
use crate::accounts::users::{self, Action, ListFilter, StateFilter, Update};
use crate::accounts::{self, AccountState, UserView};
use crate::cli::{StatusFilter, UsersCommand};
use crate::commands::{Admitted, admit, delivery_note, fresh_proof, kick_mail_queue, list_or_none};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::input::Input;
use crate::output::{Report, Stream};
use crate::permissions::{USERS_MANAGE, USERS_READ};
use crate::store::UserFilter;
use crate::table::{self, Kind, col};
use crate::validate::{parse_attributes, parse_email};

pub fn run(ctx: &Context, input: &mut Input<'_>, command: UsersCommand) -> Result<Report> {
    let needs = match command {
        UsersCommand::List { .. } | UsersCommand::Show { .. } => USERS_READ,
        _ => USERS_MANAGE,
    };
    let mut admitted = admit(ctx, &[needs])?;
    match command {
        cmd @ UsersCommand::List { .. } => list_command(ctx, &admitted, cmd),
        UsersCommand::Show { user } => show(&admitted, &user),
        cmd @ (UsersCommand::Link { .. } | UsersCommand::Unlink { .. }) => {
            link_command(&mut admitted, cmd)
        }
        UsersCommand::Update {
            user,
            first_name,
            last_name,
            attrs,
            email,
            must_change,
            expires,
            valid_from,
            password_stdin,
        } => {
            let change = Update {
                first_name,
                last_name,
                attributes: parse_attributes(&attrs)?,
                new_email: email.as_deref().map(parse_email).transpose()?,
                must_change,
                valid_from: valid_from
                    .as_deref()
                    .map(|t| moment(t, "now"))
                    .transpose()?,
                expires_at: expires.as_deref().map(|t| moment(t, "never")).transpose()?,
            };
            let target = parse_email(&user)?;
            let proof = if users::update_needs_proof(&admitted.actor, &target, &change) {
                Some(fresh_proof(input, &mut admitted, password_stdin)?)
            } else {
                None
            };
            update(ctx, &mut admitted, &target, &change, proof.as_ref())
        }
        UsersCommand::Delete { user, yes } => {
            let email = parse_email(&user)?;
            if !yes && input.interactive() {
                let holds = users::holdings(&admitted.store, &email)?;
                eprintln!(
                    "Deleting {} also removes:\n  {} session(s), {} live API token(s), {}\n  \
                     roles: {}\nIts audit events stay.",
                    email.address,
                    holds.sessions,
                    holds.live_tokens,
                    if holds.second_factor {
                        "its second factor"
                    } else {
                        "no second factor"
                    },
                    list_or_none(&holds.roles),
                );
            }
            let what = format!("deleting {}", email.address);
            let same =
                |typed: &str| parse_email(typed).is_ok_and(|t| t.canonical == email.canonical);
            if !input.confirm_destructive(yes, &what, &email.address, same)? {
                return Ok(Report::new(
                    serde_json::json!({ "email": email.address, "changed": false }),
                )
                .line("Not deleted."));
            }
            act(&mut admitted, &email, Action::Delete)
        }
        UsersCommand::Reset2fa { user } => {
            let email = parse_email(&user)?;
            let had =
                crate::accounts::mfa::reset_for(&mut admitted.store, &admitted.actor, &email)?;
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
        cmd @ UsersCommand::SetPassword { .. } => set_password(input, &mut admitted, cmd),
        UsersCommand::Disable { user } => act(&mut admitted, &parse_email(&user)?, Action::Disable),
        UsersCommand::Enable { user } => act(&mut admitted, &parse_email(&user)?, Action::Enable),
        UsersCommand::Unlock { user } => act(&mut admitted, &parse_email(&user)?, Action::Unlock),
    }
}

fn list(
    ctx: &Context,
    admitted: &Admitted,
    filter: &UserFilter,
    then: ListFilter,
) -> Result<Report> {
    if ctx.json {
        // A JSON array written as the rows come: memory stays flat for any number of users.
        let mut out = Stream::json_array()?;
        users::list(&admitted.store, filter, then, &mut |view| out.item(&view))?;
        let count = out.end_array()?;
        return Ok(Report::streamed().note(format!("{count} account(s).")));
    }
    let mut views = Vec::new();
    users::list(&admitted.store, filter, then, &mut |v| {
        views.push(v);
        Ok(())
    })?;
    let rows = views.iter().map(|u| {
        [
            u.email.clone(),
            format!("{} {}", u.first_name, u.last_name)
                .trim()
                .to_string(),
            state_cell(u),
            if u.email_verified { "yes" } else { "no" }.to_string(),
            u.roles.join(", "),
            u.last_login_at.clone().unwrap_or_else(|| "never".into()),
        ]
    });
    let text = table::render(
        [
            col("email", Kind::Whole, 9),
            col("name", Kind::Wrap, 3),
            col("status", Kind::Whole, 7),
            col("verified", Kind::Whole, 2),
            col("roles", Kind::Wrap, 6),
            col("last login", Kind::Time, 4),
        ],
        rows,
    );
    let count = views.len();
    Ok(Report::of(&views)
        .line(text)
        .note(format!("{count} account(s).")))
}

fn show(admitted: &Admitted, user: &str) -> Result<Report> {
    let (view, pending) = users::show(&admitted.store, &parse_email(user)?)?;
    let links = sso::links(&admitted.store, view.id)?;
    let mut json = serde_json::to_value(&view).unwrap_or_default();
    json["pending_email"] = pending.clone().into();
    json["identities"] = serde_json::to_value(&links).unwrap_or_default();
    let mut report = Report::new(json)
        .line(view.display_name())
        .line(format!("status:       {}", view.status.as_str()))
        .line(format!(
            "verified:     {}",
            if view.email_verified { "yes" } else { "no" }
        ))
        .line(format!("roles:        {}", list_or_none(&view.roles)))
        .line(format!("attributes:   {}", view.attributes))
        .line(format!("created:      {}", view.created_at))
        .line(format!(
            "last login:   {}",
            view.last_login_at.clone().unwrap_or_else(|| "never".into())
        ));
    if let Some(p) = pending {
        report = report.line(format!("pending email: {p} (waiting for its code)"));
    }
    if view.must_change_password {
        report =
            report.line("password:     set by an administrator; must be changed at the next login");
    }
    if view.valid_from.is_some() || view.expires_at.is_some() {
        report = report.line(format!(
            "valid:        from {} until {} ({})",
            view.valid_from.as_deref().unwrap_or("always"),
            view.expires_at.as_deref().unwrap_or("for ever"),
            view.window.replace('_', " ")
        ));
    }
    report = report.line(format!(
        "last authenticated: {}",
        view.last_authenticated_at.as_deref().unwrap_or("never")
    ));
    for l in &links {
        report = report.line(format!(
            "linked:       {} {} (since {}; last sign-in {})",
            l.provider,
            l.subject,
            l.linked_at,
            l.last_login_at.as_deref().unwrap_or("never")
        ));
    }
    Ok(report)
}

fn update(
    ctx: &Context,
    admitted: &mut Admitted,
    target: &crate::validate::Email,
    change: &Update,
    proof: Option<&Proof>,
) -> Result<Report> {
    let cfg = match &change.new_email {
        Some(_) => Some(ctx.mail_config(&admitted.policy.mail, admitted.store.database_id())?),
        None => None,
    };
    let updated = users::update(
        &mut admitted.store,
        &admitted.policy,
        cfg.as_ref(),
        &admitted.actor,
        target,
        change,
        proof,
    )?;
    if change.new_email.is_some() {
        kick_mail_queue(ctx, &admitted.store);
    }
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

fn act(admitted: &mut Admitted, email: &crate::validate::Email, action: Action) -> Result<Report> {
    let (user, changed): (UserView, bool) =
        users::act(&mut admitted.store, &admitted.actor, email, action)?;
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

/// `users set-password`.
fn set_password(
    input: &mut Input<'_>,
    admitted: &mut Admitted,
    command: UsersCommand,
) -> Result<Report> {
    let UsersCommand::SetPassword {
        user,
        password,
        generate_password,
        must_change,
    } = command
    else {
        return Err(Error::internal("not users set-password"));
    };
    let email = parse_email(&user)?;
    let (store, policy) = (&admitted.store, &admitted.policy);
    let judge = |raw: String| accounts::judge_password(store, policy, &email, None, &raw);
    let (new, generated) = if generate_password {
        let raw = crate::password::generate(policy)?;
        (judge(raw.clone())?, Some(raw))
    } else {
        (
            input.password(&password, "New password", true, judge)?,
            None,
        )
    };
    let must_change = must_change.unwrap_or(generated.is_some());
    let (view, done) = users::set_password(
        &mut admitted.store,
        &admitted.policy,
        &admitted.actor,
        &email,
        &new,
        must_change,
    )?;
    let mut json = serde_json::json!({
        "user": view, "changed": true, "must_change": done.must_change,
        "sessions_ended": done.sessions_ended, "tokens_revoked": done.tokens_revoked,
    });
    if let Some(raw) = &generated {
        json["password"] = raw.clone().into();
    }
    let mut report = Report::new(json);
    if let Some(raw) = generated {
        report = report.line(raw);
    }
    let owes = if done.must_change {
        " They must change it at their next login (`useradm passwd`)."
    } else {
        ""
    };
    Ok(report.note(format!(
        "Password set for {}; {} session(s) ended, {} API token(s) revoked.{owes}",
        view.email, done.sessions_ended, done.tokens_revoked
    )))
}

/// `--expires` and `--valid-from`: a moment, or the word that leaves that side open.
fn moment(text: &str, open: &str) -> Result<Option<i64>> {
    if text == open {
        return Ok(None);
    }
    crate::clock::parse_moment(text).map(Some).ok_or_else(|| {
        Error::usage(format!(
            "{text:?} is not a date (2026-12-31), an RFC 3339 time with its offset (2026-12-31T17:00:00Z), a duration from now (90d) or {open}"
        ))
    })
}

/// The state column of `users list`: the status, and what else holds the account back.
fn state_cell(u: &UserView) -> String {
    let mut cell = u.status.as_str().to_string();
    if u.window != "open" {
        cell.push_str(&format!(" ({})", u.window.replace('_', " ")));
    }
    if u.must_change_password {
        cell.push_str(" (must change password)");
    }
    cell
}

/// `users list`: its filters read, then the listing.
fn list_command(ctx: &Context, admitted: &Admitted, command: UsersCommand) -> Result<Report> {
    let UsersCommand::List {
        role,
        status,
        search,
        legacy_hash,
        inactive,
        expiring,
    } = command
    else {
        return Err(Error::internal("not users list"));
    };
    let state = match status {
        None => StateFilter::Any,
        Some(StatusFilter::Active) => StateFilter::Only(AccountState::Active),
        Some(StatusFilter::Disabled) => StateFilter::Only(AccountState::Disabled),
        Some(StatusFilter::Locked) => StateFilter::Only(AccountState::Locked),
    };
    let filter = UserFilter {
        role,
        status: None,
        search,
    };
    let ago = |text: &str| {
        crate::clock::parse_duration(text)
            .ok_or_else(|| Error::usage(format!("{text:?} is not a duration such as 90d or 12h")))
    };
    let now = crate::clock::now();
    let then = ListFilter {
        state,
        legacy_below: legacy_hash.then_some(admitted.policy.hash_cost),
        inactive_since: inactive.as_deref().map(ago).transpose()?.map(|d| now - d),
        expiring_by: expiring.as_deref().map(ago).transpose()?.map(|d| now + d),
    };
    list(ctx, admitted, &filter, then)
}

/// `users link` and `users unlink`.
fn link_command(admitted: &mut Admitted, command: UsersCommand) -> Result<Report> {
    match command {
        UsersCommand::Link {
            email,
            idp,
            subject,
        } => {
            let email = parse_email(&email)?;
            sso::link(&mut admitted.store, &admitted.actor, &email, &idp, &subject)?;
            Ok(Report::new(serde_json::json!({ "linked": true, "idp": idp, "subject": subject }))
                .line(format!(
                    "Linked the {idp} identity {subject} to {}: it signs in with `useradm login --idp {idp}`.",
                    email.address
                )))
        }
        UsersCommand::Unlink { email, idp } => {
            let email = parse_email(&email)?;
            let n = sso::unlink(&mut admitted.store, &admitted.actor, &email, &idp)?;
            Ok(
                Report::new(serde_json::json!({ "unlinked": n, "idp": idp })).line(format!(
                    "Unlinked {n} {idp} identit(ies) from {}.",
                    email.address
                )),
            )
        }
        _ => Err(crate::error::Error::internal("not a link command")),
    }
}
