//! `config`: the policy settings, read and changed through the gate (`settings.manage`).

use crate::clock;
use crate::error::{Error, Result};
use crate::gate::Actor;
use crate::settings::{DEFINITIONS, Definition, Kind, definition, validate};
use crate::store::{Store, Tx};

/// What a secret's value shows as.
pub const REDACTED: &str = "********";

#[derive(Debug, Clone, serde::Serialize)]
pub struct SettingView {
    pub key: &'static str,
    pub value: String,
    pub default: &'static str,
    pub description: &'static str,
}

fn view(def: &'static Definition, stored: Option<&String>) -> SettingView {
    let value = stored.cloned().unwrap_or_else(|| def.default.to_string());
    let value = match def.kind {
        Kind::Secret if !value.is_empty() => REDACTED.to_string(),
        Kind::Pem if !value.is_empty() => pem_summary(&value),
        _ => value,
    };
    SettingView {
        key: def.key,
        value,
        default: def.default,
        description: def.help,
    }
}

/// A PEM value as shown: how many certificates, and the SHA-256 fingerprint of each.
fn pem_summary(pem: &str) -> String {
    let certs = crate::tls::pem_certificates(pem.as_bytes()).unwrap_or_default();
    let prints: Vec<String> = certs
        .iter()
        .map(|c| format!("sha256:{}", crate::crypto::hex(&crate::crypto::sha256(c))))
        .collect();
    format!("PEM, {} certificate(s): {}", certs.len(), prints.join(", "))
}

/// Stores a validated value in the caller's transaction; `false` when the setting had it.
pub fn set_in(
    tx: &Tx<'_>,
    actor: &Actor,
    def: &'static Definition,
    value: &str,
    now: i64,
) -> Result<bool> {
    actor.require(crate::permissions::SETTINGS_MANAGE)?;
    let before = tx.settings_rows()?.get(def.key).cloned();
    if before.as_deref().unwrap_or(def.default) == value {
        return Ok(false);
    }
    tx.set_setting(def.key, value, now)?;
    let event = actor
        .event("setting.changed")
        .on(def.key)
        .with(serde_json::json!({ "value": shown(def, value) }));
    tx.append_audit(&event, now)?;
    Ok(true)
}

/// A value as `config get` shows it: a secret redacted, a PEM summarised.
pub fn shown(def: &'static Definition, value: &str) -> String {
    view(def, Some(&value.to_string())).value
}

pub fn list(store: &Store) -> Result<Vec<SettingView>> {
    let rows = store.sql().settings_rows()?;
    Ok(DEFINITIONS
        .iter()
        .map(|d| view(d, rows.get(d.key)))
        .collect())
}

pub fn get(store: &Store, key: &str) -> Result<SettingView> {
    let def = definition(key)?;
    let rows = store.sql().settings_rows()?;
    Ok(view(def, rows.get(key)))
}

/// Validates and stores a value; returns the view and whether it changed. `from_stdin` says the
/// value did not come from argv: a secret must not.
pub fn set(
    store: &mut Store,
    actor: &Actor,
    key: &str,
    raw: &str,
    from_stdin: bool,
) -> Result<(SettingView, bool)> {
    let def = definition(key)?;
    let secret = matches!(def.kind, Kind::Secret);
    if secret && !from_stdin {
        return Err(Error::usage(format!(
            "{key} is a secret: pass it on standard input with `useradm config set {key} --value-stdin`"
        )));
    }
    let value = validate(def, raw)?;
    let now = clock::now();
    let changed = store.write(|tx| set_in(tx, actor, def, &value, now))?;
    let rows = store.sql().settings_rows()?;
    Ok((view(def, rows.get(key)), changed))
}
