use crate::accounts::UserView;
use crate::clock;
use crate::commands::{open, protected_for_enrolment};
use crate::context::Context;
use crate::error::Result;
use crate::gate::Via;
use crate::output::Report;

pub fn run(ctx: &Context) -> Result<Report> {
    let (store, policy) = open(ctx)?;
    let actor = protected_for_enrolment(ctx, &store, &policy)?;
    let view = UserView::load(&store.sql(), &actor.user)?;
    let mut permissions: Vec<String> = actor.grants.iter().map(|(_, p)| p.clone()).collect();
    permissions.sort_unstable();
    permissions.dedup();
    let or_none = |v: &[String]| {
        if v.is_empty() {
            "(none)".to_string()
        } else {
            v.join(", ")
        }
    };
    let (via_json, via_line) = match &actor.via {
        Via::Session(s) => {
            let expires_at = s
                .expires_at
                .min(s.created_at.saturating_add(policy.session_ttl));
            let idle_until = s
                .last_seen_at
                .max(clock::now())
                .saturating_add(policy.session_idle);
            (
                serde_json::json!({ "session": {
                    "id": s.id,
                    "created_at": clock::rfc3339(s.created_at),
                    "expires_at": clock::rfc3339(expires_at),
                    "idle_timeout": clock::format_duration(policy.session_idle),
                }}),
                format!(
                    "session:      {} (expires {}, or after {} idle, next at {})",
                    s.id,
                    clock::rfc3339(expires_at),
                    clock::format_duration(policy.session_idle),
                    clock::rfc3339(idle_until)
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
    let mut json = serde_json::json!({ "user": view, "permissions": permissions });
    if let (Some(doc), Some(via)) = (json.as_object_mut(), via_json.as_object()) {
        doc.extend(via.clone());
    }
    Ok(Report::new(json)
        .line(view.display_name())
        .line(format!("roles:        {}", or_none(&view.roles)))
        .line(format!("permissions:  {}", or_none(&permissions)))
        .line(via_line))
}
