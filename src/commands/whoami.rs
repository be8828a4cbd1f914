use crate::accounts::UserView;
use crate::clock;
use crate::commands::open;
use crate::context::Context;
use crate::error::Result;
use crate::gate;
use crate::output::Report;

pub fn run(ctx: &Context) -> Result<Report> {
    let (store, policy) = open(ctx)?;
    let actor = gate::require(&store, &policy, &ctx.session_path(store.database_id()), &[])?;
    let view = UserView::load(&store.sql(), &actor.user)?;
    let mut permissions: Vec<&str> = actor.grants.iter().map(|(_, p)| p.as_str()).collect();
    permissions.sort_unstable();
    permissions.dedup();
    let s = &actor.session;
    let expires_at = s
        .expires_at
        .min(s.created_at.saturating_add(policy.session_ttl));
    let idle_until = s
        .last_seen_at
        .max(clock::now())
        .saturating_add(policy.session_idle);
    let or_none = |v: &[String]| {
        if v.is_empty() {
            "(none)".to_string()
        } else {
            v.join(", ")
        }
    };
    Ok(Report::new(serde_json::json!({
        "user": view,
        "permissions": permissions,
        "session": {
            "id": s.id,
            "created_at": clock::rfc3339(s.created_at),
            "expires_at": clock::rfc3339(expires_at),
            "idle_timeout": clock::format_duration(policy.session_idle),
        },
    }))
    .line(view.display_name())
    .line(format!("roles:        {}", or_none(&view.roles)))
    .line(format!(
        "permissions:  {}",
        or_none(
            &permissions
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
        )
    ))
    .line(format!(
        "session:      {} (expires {}, or after {} idle, next at {})",
        s.id,
        clock::rfc3339(expires_at),
        clock::format_duration(policy.session_idle),
        clock::rfc3339(idle_until)
    )))
}
