//! Security notices (allauth's account email notifications): an account's address is told when
//! something that a takeover would do happens to it, so that a takeover does not go unnoticed.
//! Each notice follows an audit event: the store queues it in the event's transaction (see
//! `store::Notifier`), a deliverer sends it after the command has answered, and a failed notice is
//! audited and tried again, never the command's failure. A notice never carries a secret.

use crate::accounts::delivery::{self, When};
use crate::mail::{SecurityNotice, Transport};
use crate::settings::Policy;
use crate::store::{AuditEvent, Location, Notice, Notifier};
use crate::validate::parse_email;

/// The notices `notify.events` may name, and the audit events that call for each.
pub const KINDS: &[(&str, &[&str])] = &[
    ("password_changed", &["password.changed"]),
    ("password_reset", &["reset.completed"]),
    ("password_set", &["password.set"]),
    (
        "email_changed",
        &["email.change_requested", "email.changed"],
    ),
    ("mfa_added", &["mfa.enabled"]),
    ("mfa_removed", &["mfa.disabled", "mfa.reset"]),
    ("recovery_codes", &["mfa.recovery_codes_regenerated"]),
    ("token_created", &["token.created"]),
    ("account_disabled", &["user.disabled"]),
    ("new_source", &["login.new_source"]),
];

/// `notify.events` by default: every kind but `new_source` (a login from a host or OS user the
/// account has not logged in from before), which a shared CI runner would trip on every run.
pub const DEFAULT_EVENTS: &str = "password_changed,password_reset,password_set,email_changed,\
                                  mfa_added,mfa_removed,recovery_codes,token_created,account_disabled";

/// Checks a `notify.events` value: known kinds, separated by commas (empty: none).
pub fn kind_list(raw: &str) -> std::result::Result<String, String> {
    let mut kinds: Vec<&str> = Vec::new();
    for kind in crate::settings::comma_items(raw) {
        if !KINDS.iter().any(|(k, _)| *k == kind) {
            let known: Vec<&str> = KINDS.iter().map(|(k, _)| *k).collect();
            return Err(format!(
                "unknown notice {kind:?}; known: {}",
                known.join(", ")
            ));
        }
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    Ok(kinds.join(","))
}

/// The notifier for a command's store: `None` when every notice is turned off. Notices go by
/// `transport`; after each commit that queued one, a deliverer is started for `db`.
pub fn notifier(policy: &Policy, transport: &Transport, db: &Location) -> Option<Notifier> {
    if policy.notify_events.is_empty() {
        return None;
    }
    let transport = serde_json::to_string(transport).ok()?;
    let enabled = policy.notify_events.clone();
    let db = db.clone();
    Some(Notifier {
        transport,
        notices: Box::new(move |event| notices_for(&enabled, event)),
        // One deliverer per commit that queued notices: each waits for this process to end (10 s
        // at most), so one started early may run before a later notice exists.
        after_commit: Box::new(move || delivery::hand_off(&db, None, When::Due)),
    })
}

/// The notices `event` calls for under the `enabled` kinds: to the account it is about, and for
/// a changed email, to both addresses.
fn notices_for(enabled: &[String], event: &AuditEvent) -> Vec<Notice> {
    let Some((kind, _)) = KINDS
        .iter()
        .find(|(kind, events)| events.contains(&event.event) && enabled.iter().any(|k| k == kind))
    else {
        return Vec::new();
    };
    let field = |key: &str| event.detail[key].as_str().map(str::to_string);
    let recipients = match event.event {
        "email.changed" => vec![field("from"), field("to")],
        _ => vec![event.target.clone()],
    };
    // `email.changed` is written by the account, under its old address, about its new one.
    let by_the_account =
        event.actor.is_some() && (event.actor == event.target || event.event == "email.changed");
    let origin = crate::origin::origin();
    let notice = SecurityNotice {
        kind: kind.to_string(),
        event: event.event.to_string(),
        at: crate::clock::now(),
        by: event.actor.clone(),
        by_the_account,
        about: event.target.clone().unwrap_or_default(),
        host: origin["host"].as_str().unwrap_or_default().to_string(),
        os_user: origin["os_user"].as_str().unwrap_or_default().to_string(),
        detail: event.detail.clone(),
    };
    let Ok(text) = serde_json::to_string(&notice) else {
        return Vec::new();
    };
    recipients
        .into_iter()
        .flatten()
        .filter_map(|address| parse_email(&address).ok())
        .map(|email| Notice {
            address: email.address,
            email_canonical: email.canonical,
            notice: text.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_names_every_kind_but_new_source() {
        assert_eq!(kind_list(DEFAULT_EVENTS).unwrap(), DEFAULT_EVENTS);
        for (kind, _) in KINDS {
            assert_eq!(DEFAULT_EVENTS.contains(kind), *kind != "new_source");
        }
        assert!(kind_list("password_changed,nope").is_err());
        assert_eq!(kind_list(" mfa_added , mfa_added,").unwrap(), "mfa_added");
        assert_eq!(kind_list("").unwrap(), "");
    }

    #[test]
    fn a_changed_email_tells_both_addresses_and_others_tell_the_target() {
        let enabled = vec!["email_changed".to_string(), "token_created".to_string()];
        let changed = AuditEvent::new("email.changed")
            .on("new@example.org")
            .with(serde_json::json!({ "from": "old@example.org", "to": "new@example.org" }));
        let to: Vec<String> = notices_for(&enabled, &changed)
            .into_iter()
            .map(|n| n.address)
            .collect();
        assert_eq!(to, ["old@example.org", "new@example.org"]);
        let token = AuditEvent::new("token.created").on("a@example.org");
        assert_eq!(notices_for(&enabled, &token).len(), 1);
        let disabled = AuditEvent::new("user.disabled").on("a@example.org");
        assert!(notices_for(&enabled, &disabled).is_empty(), "turned off");
    }
}
