//! Bulk provisioning: `import` of CSV, JSON Lines or a Django database, and `export`.
//!
//! All or nothing: the whole input is parsed and validated first and every bad row is reported
//! with its line; then plain passwords (and invitation codes) are hashed on every core; then one
//! `BEGIN IMMEDIATE` transaction writes every row. A killed import leaves nothing. Passwords of
//! existing accounts are never changed by an import (that is what `reset` is for).

pub mod parse;

use std::collections::{BTreeSet, HashMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;

use crate::accounts::roles::{cancel_pending_email, protect_last_admin, validate_name};
use crate::accounts::{PreparedCode, UserView, prepare_code};
use crate::clock;
use crate::codes::Purpose;
use crate::crypto;
use crate::error::{Error, Result};
use crate::gate::{self, Actor};
use crate::hashes;
use crate::mail::{self, CodeMail, MailConfig};
use crate::password::{self, AccountWords, NewPassword};
use crate::settings::Policy;
use crate::store::{ADMIN_ROLE, AuditEvent, NewUser, Store, User};
use crate::validate::{Email, parse_email, parse_name};

pub use parse::{Format, LineError, RawRow};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnConflict {
    Fail,
    Skip,
    Update,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub on_conflict: OnConflict,
    pub dry_run: bool,
    pub no_email: bool,
    /// Roles the input may create (a Django import's groups); others must exist.
    pub create_roles: bool,
}

enum Secret {
    None,
    Plain(NewPassword),
    Hash(String),
}

/// A row that passed validation.
struct Row {
    line: usize,
    email: Email,
    first_name: Option<String>,
    last_name: Option<String>,
    attributes: Option<String>,
    roles: Option<Vec<String>>,
    verified: Option<bool>,
    secret: Secret,
    status: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub skipped: usize,
    pub roles_created: Vec<String>,
    pub dry_run: bool,
    pub invitations_sent: Vec<String>,
    /// (email, why) of invitations that could not be sent; `useradm reset --email E` resends.
    pub invitations_unsent: Vec<(String, String)>,
}

/// Reports every bad row at once (exit 2).
fn bad_rows(errors: &[LineError]) -> Error {
    let mut text = format!("{} bad row(s); nothing was imported:", errors.len());
    for e in errors.iter().take(200) {
        text.push_str(&format!("\n  line {}: {}", e.line, e.message));
    }
    if errors.len() > 200 {
        text.push_str(&format!("\n  … and {} more", errors.len() - 200));
    }
    Error::Usage(text)
}

fn validate_row(
    raw: &RawRow,
    policy: &Policy,
    roles: &HashMap<String, Vec<String>>,
    create_roles: bool,
) -> std::result::Result<Row, String> {
    let email = parse_email(raw.email.as_deref().ok_or("no email")?).map_err(|e| e.to_string())?;
    let first_name = raw
        .first_name
        .as_deref()
        .map(|n| parse_name("first_name", n))
        .transpose()
        .map_err(|e| e.to_string())?;
    let last_name = raw
        .last_name
        .as_deref()
        .map(|n| parse_name("last_name", n))
        .transpose()
        .map_err(|e| e.to_string())?;
    let attributes = match &raw.attributes {
        Some(map) if map.len() > 64 => return Err("more than 64 attributes".into()),
        Some(map) => {
            let text = serde_json::Value::Object(map.clone()).to_string();
            if text.len() > 16 * 1024 {
                return Err("attributes larger than 16 KiB".into());
            }
            Some(text)
        }
        None => None,
    };
    if let Some(names) = &raw.roles {
        for name in names {
            validate_name(name).map_err(|e| e.to_string())?;
            if !create_roles && !roles.contains_key(name) {
                return Err(format!("unknown role {name:?}"));
            }
        }
    }
    let status = match raw.status.as_deref() {
        None => None,
        Some(s @ ("active" | "disabled")) => Some(s.to_string()),
        Some(other) => return Err(format!("status {other:?} is not active or disabled")),
    };
    let secret = match (&raw.password, &raw.password_hash) {
        (Some(_), Some(_)) => return Err("give password or password_hash, not both".into()),
        (Some(p), None) => {
            let words = AccountWords {
                email: &email.address,
                first_name: first_name.as_deref().unwrap_or(""),
                last_name: last_name.as_deref().unwrap_or(""),
            };
            Secret::Plain(password::check_new(p, policy, &words).map_err(|e| e.to_string())?)
        }
        (None, Some(h)) => {
            hashes::parse(h).map_err(|e| format!("bad password_hash: {e}"))?;
            Secret::Hash(h.clone())
        }
        (None, None) => Secret::None,
    };
    Ok(Row {
        line: raw.line,
        email,
        first_name,
        last_name,
        attributes,
        roles: raw.roles.clone(),
        verified: raw.verified,
        secret,
        status,
    })
}

/// What will happen to one row.
enum Plan {
    Create,
    Update(Box<User>),
    Unchanged,
    Skip,
}

fn differs(store: &Store, user: &User, row: &Row) -> Result<bool> {
    let roles_differ = match &row.roles {
        Some(want) => {
            let have: BTreeSet<String> =
                store.sql().user_role_names(user.id)?.into_iter().collect();
            have != want.iter().cloned().collect::<BTreeSet<_>>()
        }
        None => false,
    };
    Ok(roles_differ
        || row
            .first_name
            .as_ref()
            .is_some_and(|f| *f != user.first_name)
        || row.last_name.as_ref().is_some_and(|l| *l != user.last_name)
        || row.attributes.as_ref().is_some_and(|a| {
            serde_json::from_str::<serde_json::Value>(a).ok()
                != serde_json::from_str(&user.attributes).ok()
        })
        || row.status.as_ref().is_some_and(|s| *s != user.status)
        || (row.verified == Some(true) && user.email_verified_at.is_none()))
}

/// Imports `raw` rows (already parsed; `parse_errors` are reported with the rest).
#[allow(clippy::too_many_arguments)]
pub fn import(
    store: &mut Store,
    policy: &Policy,
    mail_config: Option<&MailConfig>,
    actor: &Actor,
    raw: &[RawRow],
    parse_errors: Vec<LineError>,
    options: &Options,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> Result<Summary> {
    let roles: HashMap<String, Vec<String>> = store
        .sql()
        .roles()?
        .into_iter()
        .map(|r| (r.role.name.clone(), r.permissions))
        .collect();
    let validated: Vec<std::result::Result<Row, LineError>> = raw
        .par_iter()
        .map(|r| {
            validate_row(r, policy, &roles, options.create_roles).map_err(|message| LineError {
                line: r.line,
                message,
            })
        })
        .collect();
    let mut errors = parse_errors;
    let mut rows = Vec::new();
    let mut seen = HashMap::new();
    for v in validated {
        match v {
            Ok(row) => match seen.insert(row.email.canonical.clone(), row.line) {
                Some(first) => errors.push(LineError {
                    line: row.line,
                    message: format!("{} already appears on line {first}", row.email.address),
                }),
                None => rows.push(row),
            },
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(bad_rows(&errors));
    }
    // No escalation: the actor must hold every permission of every role the input gives.
    let given: BTreeSet<String> = rows
        .iter()
        .flat_map(|r| r.roles.iter().flatten().cloned())
        .collect();
    let mut given_perms = Vec::new();
    let mut new_roles = Vec::new();
    for name in &given {
        match roles.get(name) {
            Some(perms) => given_perms.extend(perms.iter().cloned()),
            None => new_roles.push(name.clone()),
        }
    }
    gate::require_can_give(actor, &given_perms)?;
    if !new_roles.is_empty() {
        actor.require(crate::permissions::ROLES_MANAGE)?;
    }
    // Plan each row against the database, in one read transaction.
    let mut plans = Vec::with_capacity(rows.len());
    let mut conflicts = Vec::new();
    store.read(|| {
        for row in &rows {
            let plan = match store.sql().user_by_email(&row.email.canonical)? {
                None => Plan::Create,
                Some(_) if options.on_conflict == OnConflict::Skip => Plan::Skip,
                Some(user) if options.on_conflict == OnConflict::Fail => {
                    conflicts.push(user.email.clone());
                    Plan::Skip
                }
                Some(user) => {
                    if differs(store, &user, row)? {
                        gate::require_can_act_on(store, actor, &user)?;
                        Plan::Update(Box::new(user))
                    } else {
                        Plan::Unchanged
                    }
                }
            };
            plans.push(plan);
        }
        Ok(())
    })?;
    if !conflicts.is_empty() {
        let shown: Vec<&str> = conflicts.iter().take(20).map(String::as_str).collect();
        return Err(Error::Conflict(format!(
            "{} account(s) already exist: {}{}; nothing was imported (use --on-conflict skip or update)",
            conflicts.len(),
            shown.join(", "),
            if conflicts.len() > 20 { ", …" } else { "" }
        )));
    }
    let mut summary = Summary {
        rows: rows.len(),
        dry_run: options.dry_run,
        ..Summary::default()
    };
    for plan in &plans {
        match plan {
            Plan::Create => summary.created += 1,
            Plan::Update(_) => summary.updated += 1,
            Plan::Unchanged => summary.unchanged += 1,
            Plan::Skip => summary.skipped += 1,
        }
    }
    summary.roles_created = new_roles.clone();
    if options.dry_run {
        return Ok(summary);
    }
    // Hash on every core, before the write lock is taken.
    let work: Vec<(usize, &NewPassword)> = rows
        .iter()
        .enumerate()
        .filter(|(i, _)| matches!(plans[*i], Plan::Create))
        .filter_map(|(i, r)| match &r.secret {
            Secret::Plain(p) => Some((i, p)),
            _ => None,
        })
        .collect();
    let invite: Vec<usize> = (0..rows.len())
        .filter(|i| {
            matches!(plans[*i], Plan::Create)
                && matches!(rows[*i].secret, Secret::None)
                && rows[*i].status.as_deref() != Some("disabled")
                && !options.no_email
        })
        .collect();
    let total = (work.len() + invite.len()) as u64;
    let done = std::sync::atomic::AtomicU64::new(0);
    let tick = || {
        progress(
            done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1,
            total,
        )
    };
    let hashed: HashMap<usize, String> = work
        .par_iter()
        .map(|(i, p)| {
            let h = crypto::hash_secret(p.password().as_bytes(), policy.hash_cost);
            tick();
            h.map(|h| (*i, h))
        })
        .collect::<Result<_>>()?;
    let codes: HashMap<usize, PreparedCode> = invite
        .par_iter()
        .map(|i| {
            let c = prepare_code(policy);
            tick();
            c.map(|c| (*i, c))
        })
        .collect::<Result<_>>()?;
    let now = clock::now();
    let (actor_id, actor_email) = actor.audit_actor();
    store.use_bulk_cache()?;
    store.write(|tx| {
        let mut chain = tx.audit_chain()?;
        let mut role_ids: HashMap<String, i64> = HashMap::new();
        for name in &given {
            let id = match tx.role_by_name(name)? {
                Some(r) => r.id,
                None => tx.create_role(name, "imported", now)?,
            };
            role_ids.insert(name.clone(), id);
        }
        for (i, (row, plan)) in rows.iter().zip(&plans).enumerate() {
            let audit = |event: &'static str, detail: serde_json::Value| AuditEvent {
                actor_id,
                actor: actor_email.clone(),
                event,
                target: Some(row.email.address.clone()),
                detail,
            };
            match plan {
                Plan::Create => {
                    let hash = match &row.secret {
                        Secret::Plain(_) => hashed.get(&i).map(String::as_str),
                        Secret::Hash(h) => Some(h.as_str()),
                        Secret::None => None,
                    };
                    let id = tx.insert_user(
                        &NewUser {
                            email: &row.email.address,
                            email_canonical: &row.email.canonical,
                            first_name: row.first_name.as_deref().unwrap_or(""),
                            last_name: row.last_name.as_deref().unwrap_or(""),
                            attributes: row.attributes.as_deref().unwrap_or("{}"),
                            password_hash: hash,
                            verified: row.verified.unwrap_or(false),
                        },
                        now,
                    )?;
                    for name in row.roles.iter().flatten() {
                        tx.grant_role(id, role_ids[name], now)?;
                    }
                    if row.status.as_deref() == Some("disabled") {
                        tx.set_status(id, "disabled", now)?;
                    }
                    if let Some(code) = codes.get(&i) {
                        tx.insert_code(id, Purpose::Invite, &code.hash, &row.email.canonical, now, policy.invite_ttl)?;
                    }
                    let detail = serde_json::json!({ "line": row.line, "roles": row.roles, "invited": codes.contains_key(&i) });
                    tx.append_audit_to(&mut chain, &audit("user.imported", detail), now)?;
                }
                Plan::Update(user) => {
                    tx.update_profile(
                        user.id,
                        row.first_name.as_deref().unwrap_or(&user.first_name),
                        row.last_name.as_deref().unwrap_or(&user.last_name),
                        row.attributes.as_deref().unwrap_or(&user.attributes),
                        now,
                    )?;
                    if let Some(want) = &row.roles {
                        let have = tx.user_role_names(user.id)?;
                        for name in have.iter().filter(|h| !want.contains(h)) {
                            if name == ADMIN_ROLE {
                                protect_last_admin(tx, user, "lose the admin role")?;
                            }
                            if let Some(role) = tx.role_by_name(name)? {
                                tx.revoke_role(user.id, role.id)?;
                            }
                        }
                        for name in want {
                            if tx.grant_role(user.id, role_ids[name], now)? {
                                cancel_pending_email(tx, user.id, now)?;
                            }
                        }
                    }
                    if let Some(status) = &row.status {
                        if status == "disabled" && !user.is_disabled() {
                            protect_last_admin(tx, user, "be disabled")?;
                            tx.delete_user_sessions(user.id, None)?;
                            tx.revoke_user_tokens(user.id, now)?;
                        }
                        tx.set_status(user.id, status, now)?;
                    }
                    if row.verified == Some(true) {
                        tx.set_email_verified(user.id, now)?;
                    }
                    tx.append_audit_to(&mut chain, &audit("user.import_updated", serde_json::json!({ "line": row.line })), now)?;
                }
                Plan::Unchanged | Plan::Skip => {}
            }
        }
        let detail = serde_json::json!({
            "rows": summary.rows, "created": summary.created, "updated": summary.updated,
            "unchanged": summary.unchanged, "skipped": summary.skipped, "roles_created": new_roles,
        });
        tx.append_audit_to(
            &mut chain,
            &AuditEvent { actor_id, actor: actor_email.clone(), event: "import.completed", target: None, detail },
            now,
        )
    })?;
    // Invitations go out after the commit.
    for (i, code) in &codes {
        let to = &rows[*i].email.address;
        let sent = match mail_config {
            Some(cfg) => mail::send_code(
                cfg,
                &CodeMail {
                    to,
                    purpose: Purpose::Invite,
                    code: &code.code,
                    ttl_secs: policy.invite_ttl,
                },
            )
            .map(|_| ()),
            None => Err(Error::MailFailed("no mail configuration".into())),
        };
        match sent {
            Ok(()) => summary.invitations_sent.push(to.clone()),
            Err(e) => summary.invitations_unsent.push((to.clone(), e.to_string())),
        }
    }
    summary.invitations_sent.sort();
    summary.invitations_unsent.sort();
    Ok(summary)
}

/// One exported account: profile, roles, status, verified; never a hash or secret.
#[derive(Debug, Serialize)]
pub struct ExportRow {
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub attributes: serde_json::Value,
    pub roles: Vec<String>,
    pub verified: bool,
    pub status: &'static str,
}

impl From<UserView> for ExportRow {
    fn from(u: UserView) -> ExportRow {
        ExportRow {
            email: u.email,
            first_name: u.first_name,
            last_name: u.last_name,
            attributes: u.attributes,
            roles: u.roles,
            verified: u.email_verified,
            // A lock is not state to carry over.
            status: if u.status == "disabled" {
                "disabled"
            } else {
                "active"
            },
        }
    }
}

/// Writes every account to `out`, one at a time (memory stays flat).
pub fn export(store: &Store, format: Format, out: &mut dyn std::io::Write) -> Result<usize> {
    let fail = |e: std::io::Error| Error::write_failed("the export", e);
    let csv_fail = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => fail(e),
        other => Error::internal(format!("cannot write the export: {other:?}")),
    };
    let mut count = 0;
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "email",
                "first_name",
                "last_name",
                "attributes",
                "roles",
                "verified",
                "status",
            ])
            .map_err(csv_fail)?;
            crate::accounts::users::list(store, &Default::default(), &mut |view| {
                let row = ExportRow::from(view);
                count += 1;
                w.write_record([
                    row.email.as_str(),
                    &row.first_name,
                    &row.last_name,
                    &row.attributes.to_string(),
                    &row.roles.join(";"),
                    if row.verified { "true" } else { "false" },
                    row.status,
                ])
                .map_err(csv_fail)
            })?;
            w.flush().map_err(fail)?;
        }
        Format::Jsonl => {
            crate::accounts::users::list(store, &Default::default(), &mut |view| {
                count += 1;
                let line = serde_json::to_string(&ExportRow::from(view))
                    .map_err(|e| Error::internal(format!("cannot write the export: {e}")))?;
                writeln!(out, "{line}").map_err(fail)
            })?;
        }
    }
    Ok(count)
}

/// Makes a Django group name a valid role name (`Site Editors` → `site-editors`).
pub fn role_name_from_group(group: &str) -> String {
    let mut name: String = group
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() || "_-.".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    name.truncate(57);
    match name.as_str() {
        "" => "group".into(),
        // A group is not the built-in role: only `is_superuser` makes an administrator.
        ADMIN_ROLE => format!("django-{name}"),
        _ => name,
    }
}

/// Rows from a Django database: `auth_user` (with allauth's `account_emailaddress` for the
/// verified flag), groups as roles, superusers as admins, inactive users disabled.
pub fn django_rows(path: &std::path::Path) -> Result<(Vec<RawRow>, Vec<LineError>)> {
    let users = crate::store::django::read_users(path)?;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashSet<i64> = HashSet::new();
    for u in users {
        if !seen.insert(u.id) {
            continue;
        }
        let line = usize::try_from(u.id).unwrap_or(0);
        if u.email.trim().is_empty() {
            errors.push(LineError {
                line,
                message: format!("Django user {:?} (id {}) has no email", u.username, u.id),
            });
            continue;
        }
        let mut roles: Vec<String> = u.groups.iter().map(|g| role_name_from_group(g)).collect();
        if u.is_superuser {
            roles.push(ADMIN_ROLE.to_string());
        }
        roles.sort();
        roles.dedup();
        let mut attributes = serde_json::Map::new();
        attributes.insert("django_username".into(), u.username.clone().into());
        if u.is_staff {
            attributes.insert("django_is_staff".into(), "true".into());
        }
        rows.push(RawRow {
            line,
            email: Some(u.email),
            first_name: Some(u.first_name),
            last_name: Some(u.last_name),
            attributes: Some(attributes),
            roles: Some(roles),
            verified: Some(u.verified),
            // Django marks unusable passwords with a leading "!": they get none here either.
            password_hash: (!u.password.is_empty() && !u.password.starts_with('!'))
                .then_some(u.password),
            password: None,
            status: Some(if u.is_active { "active" } else { "disabled" }.into()),
        });
    }
    Ok((rows, errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn django_groups_never_become_the_builtin_admin() {
        assert_eq!(role_name_from_group("Admin"), "django-admin");
        assert_eq!(role_name_from_group("Site Editors"), "site-editors");
        assert_eq!(role_name_from_group(""), "group");
    }
}
