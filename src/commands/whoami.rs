use crate::accounts::UserView;
use crate::clock;
use crate::commands::{admit_owing, list_or_none};
use crate::context::Context;
use crate::error::Result;
use crate::gate::{Owing, Via};
use crate::output::Report;
use crate::required;

pub fn run(ctx: &Context) -> Result<Report> {
    let admitted = admit_owing(ctx, Owing::Anything)?;
    let (actor, policy) = (&admitted.actor, &admitted.policy);
    let view = UserView::load_with_roles(&admitted.store.sql(), &actor.user, actor.roles.clone())?;
    let mut permissions: Vec<String> = actor.grants.iter().map(|(_, p)| p.clone()).collect();
    permissions.sort_unstable();
    permissions.dedup();
    let (via_json, via_line) = match &actor.via {
        Via::Session(s) => {
            let ends_at = clock::rfc3339(s.ends_at(policy.session_ttl));
            let idle = clock::format_duration(policy.session_idle);
            (
                serde_json::json!({ "session": {
                    "id": s.id,
                    "created_at": clock::rfc3339(s.created_at),
                    "expires_at": ends_at,
                    "idle_timeout": idle,
                    "idp": s.idp,
                }}),
                format!(
                    "session:      {} (expires {ends_at}, or after {idle} idle: idle expiry at {}){}",
                    s.id,
                    clock::rfc3339(s.idle_until(policy.session_idle)),
                    s.idp
                        .as_ref()
                        .map(|i| format!("\nsigned in via {i}"))
                        .unwrap_or_default()
                ),
            )
        }
        Via::Token(t) => (
            serde_json::json!({ "token": {
                "id": t.id,
                "name": t.name,
                "permissions": t.permissions,
                "expires_at": t.expires_at.map(clock::rfc3339),
            }}),
            format!(
                "token:        {} {} (limited to {}; expires {})",
                t.id,
                t.name,
                t.permissions.join(", "),
                t.expires_at
                    .map(clock::rfc3339)
                    .unwrap_or_else(|| "never".into())
            ),
        ),
    };
    let owed = required::owed(&admitted.store, policy, actor)?;
    let password_expires_at = actor.user.password_expires_at(policy.password_max_age);
    let mut json = serde_json::json!({
        "user": view, "permissions": permissions, "required_actions": owed,
        "password_expires_at": password_expires_at.map(clock::rfc3339),
    });
    if let (Some(doc), Some(via)) = (json.as_object_mut(), via_json.as_object()) {
        doc.extend(via.clone());
    }
    let mut report = Report::new(json)
        .line(view.display_name())
        .line(format!("roles:        {}", list_or_none(&view.roles)))
        .line(format!("permissions:  {}", list_or_none(&permissions)))
        .line(via_line);
    if let Some(t) = password_expires_at
        .filter(|t| t - clock::now() <= crate::commands::login::PASSWORD_WARNING)
        .filter(|_| owed.is_empty())
    {
        report = report.line(format!(
            "password:     expires at {} (password.max_age): change it with `useradm passwd`",
            clock::rfc3339(t)
        ));
    }
    if let Some(first) = owed.first() {
        let all: Vec<&str> = owed.iter().map(|a| a.command()).collect();
        report = report.line(format!(
            "owed first:   {} (nothing else runs until then; in order: {})",
            first.command(),
            all.join(", then ")
        ));
    }
    Ok(report)
}
