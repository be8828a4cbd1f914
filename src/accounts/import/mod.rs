//! Bulk provisioning: `import` of CSV, JSON Lines or a Django database.
//!
//! All or nothing, in five phases: every row is validated first and every bad row is reported with
//! its line; then each row is planned against the database (create, update, leave, skip); then
//! plain passwords and invitation codes are hashed on every core; then one `BEGIN IMMEDIATE`
//! transaction writes every row; invitations go out after the commit. A killed import leaves
//! nothing. An update changes an existing account through the same operations the commands use
//! (`accounts::changes`), so it writes the same audit events, marked `"via": "import"`. Passwords
//! of existing accounts are never changed by an import (that is what `reset` is for).

pub mod django;
pub mod parse;
pub mod unix;

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use crate::accounts::changes::{self, ChangedBy};
use crate::accounts::{PreparedCode, prepare_code};
use crate::clock;
use crate::codes::Purpose;
use crate::crypto;
use crate::error::{Error, Result};
use crate::gate::{self, Actor};
use crate::hashes;
use crate::mail::{self, CodeMail, MailConfig};
use crate::password::{self, AccountWords, NewPassword};
use crate::permissions::USERS_MANAGE;
use crate::settings::Policy;
use crate::store::{
    AuditChain, BulkUser, LinkedEvents, NewUser, Role, Sql, Status, Store, Tx, User,
};
use crate::validate::{self, Email, parse_email, parse_name};

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

/// Who imports, how, and where the work shows.
pub struct Request<'a> {
    pub actor: &'a Actor,
    pub options: Options,
    /// Where invitations go; `None` sends none (`--no-email`, `--dry-run`).
    pub mail: Option<&'a MailConfig>,
    /// Called with (done, total) as passwords and codes are hashed.
    pub progress: &'a (dyn Fn(u64, u64) + Sync),
}

impl std::fmt::Debug for Request<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

pub(crate) enum Secret {
    None,
    Plain(NewPassword),
    Hash(String),
    /// A fast legacy hash (`$1$`, `$apr1$`, `{SHA}`): stored wrapped in Argon2id.
    Wrap(String),
}

/// A row that passed validation.
pub(crate) struct Row {
    pub line: usize,
    pub email: Email,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    /// A JSON object, as text.
    pub attributes: Option<String>,
    pub roles: Option<Vec<String>>,
    pub verified: Option<bool>,
    pub secret: Secret,
    pub status: Option<Status>,
    pub must_change: Option<bool>,
    /// `Some(None)`: never expires.
    pub expires_at: Option<Option<i64>>,
    /// `Some(None)`: valid at once.
    pub valid_from: Option<Option<i64>>,
}

impl Row {
    /// The code a new account of this row is mailed: an invitation without a password, a
    /// verification code with a password but an unverified address where logins need a verified
    /// one (without it that account could not log in); none when disabled or with `--no-email`.
    fn mailed(&self, options: &Options, policy: &Policy) -> Option<Purpose> {
        if self.status == Some(Status::Disabled) || options.no_email {
            return None;
        }
        match (&self.secret, self.verified) {
            (Secret::None, _) => Some(Purpose::Invite),
            (_, Some(true)) => None,
            _ if policy.require_verified_email => Some(Purpose::Verify),
            _ => None,
        }
    }
}

/// What will happen to one row.
pub(crate) enum Plan {
    Create,
    Update(Box<User>),
    Unchanged,
    Skip,
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
    /// Accounts with a password and an unverified address, mailed a verification code.
    pub verifications_sent: Vec<String>,
    /// (email, why); `useradm verify --resend --email E` resends.
    pub verifications_unsent: Vec<(String, String)>,
    /// Where the codes went: an SMTP server or the outbox folder.
    pub mail_went: Option<String>,
    /// With `--dry-run`: the emails of the rows by what would happen to them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanEmails>,
    /// What the administrator should know: weak hashes kept wrapped, fields not carried over.
    pub warnings: Vec<String>,
}

/// The emails of a dry run's rows by what would happen to each.
#[derive(Debug, Default, Serialize)]
pub struct PlanEmails {
    pub created: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: Vec<String>,
    pub skipped: Vec<String>,
}

/// The roles the input gives: every name, and those that do not exist yet.
struct GivenRoles {
    names: BTreeSet<String>,
    new: Vec<String>,
}

/// What was hashed before the write: passwords, and the codes mailed (invitations and
/// verification codes), by row index.
pub(crate) struct Hashed {
    passwords: HashMap<usize, String>,
    pub invitations: HashMap<usize, (Purpose, PreparedCode)>,
}

/// Imports `raw` rows (already parsed; `parse_errors` are reported with the rest).
pub fn import(
    store: &mut Store,
    policy: &Policy,
    request: &Request<'_>,
    raw: &[RawRow],
    parse_errors: Vec<LineError>,
) -> Result<Summary> {
    let roles: HashMap<String, Vec<String>> = store
        .sql()
        .roles()?
        .into_iter()
        .map(|r| (r.role.name.clone(), r.permissions))
        .collect();
    // A blocklist file that cannot be read stops the import (exit 10), not each row.
    if raw.iter().any(|r| r.password.is_some()) {
        crate::blocklist::readable(policy.password_blocklist_file.as_deref())?;
    }
    let rows = validate_all(raw, parse_errors, policy, &roles, &request.options)?;
    let given = authorise(&store.sql(), &rows, request.actor)?;
    let plans = plan(store, &rows, request)?;
    let mut summary = Summary::of(&rows, &plans, &given, request.options.dry_run);
    if request.options.dry_run {
        return Ok(summary);
    }
    let hashed = hash(&rows, &plans, policy, request)?;
    store.use_bulk_cache()?;
    let now = clock::now();
    store.write(|tx| {
        // The rights checked before hashing, checked again where they are used.
        let actor = gate::recheck(tx, request.actor, &[USERS_MANAGE])?;
        authorise(tx, &rows, &actor)?;
        let role_ids = ensure_roles(tx, &given, now)?;
        let by = ChangedBy::import(request.actor);
        let mut writer = Writer::new(
            tx,
            &actor,
            by,
            "user.imported",
            policy,
            &role_ids,
            &hashed,
            now,
        )?;
        for (i, (row, plan)) in rows.iter().zip(&plans).enumerate() {
            writer.write(i, row, plan)?;
        }
        writer.flush()?;
        let detail = serde_json::json!({
            "rows": summary.rows, "created": summary.created, "updated": summary.updated,
            "unchanged": summary.unchanged, "skipped": summary.skipped, "roles_created": given.new,
        });
        tx.append_audit(&request.actor.event("import.completed").with(detail), now)
    })?;
    invite(&rows, hashed.invitations, request, policy, &mut summary);
    Ok(summary)
}

/// Phase 1: every row validated; all the bad ones reported at once (exit 2).
fn validate_all(
    raw: &[RawRow],
    parse_errors: Vec<LineError>,
    policy: &Policy,
    roles: &HashMap<String, Vec<String>>,
    options: &Options,
) -> Result<Vec<Row>> {
    let rules = Rules::Import {
        create_roles: options.create_roles,
    };
    let mut errors = match validate_rows(raw, parse_errors, policy, roles, rules) {
        Ok(rows) => return Ok(rows),
        Err(errors) => errors,
    };
    errors.sort_by_key(|e| e.line);
    let mut text = format!("{} bad row(s); nothing was imported:", errors.len());
    for e in errors.iter().take(200) {
        text.push_str(&format!("\n  line {}: {}", e.line, e.message));
    }
    if errors.len() > 200 {
        text.push_str(&format!("\n  … and {} more", errors.len() - 200));
    }
    Err(Error::Usage(text))
}

/// Every row validated (on every core) and no address twice; else every problem. Roles must
/// exist in `roles` unless `create_roles`.
/// Which rules a row is checked by.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Rules {
    /// An import: roles must exist unless it may create them; `must_change` needs a password.
    Import { create_roles: bool },
    /// `apply`: roles are its to check; `must_change` may be declared for an existing account
    /// (the plan refuses it for a new account without a `password_hash`).
    Apply,
}

pub(crate) fn validate_rows(
    raw: &[RawRow],
    parse_errors: Vec<LineError>,
    policy: &Policy,
    roles: &HashMap<String, Vec<String>>,
    rules: Rules,
) -> std::result::Result<Vec<Row>, Vec<LineError>> {
    let validated: Vec<std::result::Result<Row, LineError>> = raw
        .par_iter()
        .map(|r| {
            validate_row(r, policy, roles, rules).map_err(|message| LineError {
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
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

fn validate_row(
    raw: &RawRow,
    policy: &Policy,
    roles: &HashMap<String, Vec<String>>,
    rules: Rules,
) -> std::result::Result<Row, String> {
    let create_roles = matches!(rules, Rules::Apply | Rules::Import { create_roles: true });
    let email = parse_email(raw.email.as_deref().ok_or("no email")?).map_err(|e| e.to_string())?;
    let name = |field: &str, value: &Option<String>| {
        value
            .as_deref()
            .map(|n| parse_name(field, n))
            .transpose()
            .map_err(|e| e.to_string())
    };
    let first_name = name("first_name", &raw.first_name)?;
    let last_name = name("last_name", &raw.last_name)?;
    let attributes = match &raw.attributes {
        Some(map) => {
            let map = crate::validate::attributes(map.clone()).map_err(|e| e.to_string())?;
            Some(serde_json::Value::Object(map).to_string())
        }
        None => None,
    };
    for name in raw.roles.iter().flatten() {
        validate::role_name(name).map_err(|e| e.to_string())?;
        if !create_roles && !roles.contains_key(name) {
            return Err(format!("unknown role {name:?}"));
        }
    }
    let status = match raw.status.as_deref() {
        None => None,
        Some(text) => Some(
            Status::parse(text)
                .ok_or_else(|| format!("status {text:?} is not active or disabled"))?,
        ),
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
        (None, Some(h)) => match hashes::fast_legacy(h) {
            Ok(Some(_)) => Secret::Wrap(h.clone()),
            Err(e) => return Err(format!("bad password_hash: {e}")),
            Ok(None) => {
                hashes::parse(h).map_err(|e| format!("bad password_hash: {e}"))?;
                Secret::Hash(h.clone())
            }
        },
        (None, None) => Secret::None,
    };
    if raw.must_change == Some(true)
        && matches!(secret, Secret::None)
        && matches!(rules, Rules::Import { .. })
    {
        return Err("must_change needs a password or password_hash".into());
    }
    if let (Some(Some(from)), Some(Some(until))) = (raw.valid_from, raw.expires_at) {
        changes::window_in_order(Some(from), Some(until)).map_err(|e| e.to_string())?;
    }
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
        must_change: raw.must_change,
        expires_at: raw.expires_at,
        valid_from: raw.valid_from,
    })
}

/// No escalation: the actor may give every role the input gives (each held, or `roles.manage`,
/// and every permission of it), and may create roles only with `roles.manage`.
fn authorise(sql: &Sql<'_>, rows: &[Row], actor: &Actor) -> Result<GivenRoles> {
    let names: BTreeSet<String> = rows
        .iter()
        .flat_map(|r| r.roles.iter().flatten().cloned())
        .collect();
    let mut new = Vec::new();
    for name in &names {
        match sql.role_by_name(name)? {
            Some(role) => {
                let perms = sql.role_permissions(role.id)?;
                gate::require_can_give_role(actor, name, &perms)?;
            }
            None => new.push(name.clone()),
        }
    }
    if !new.is_empty() {
        actor.require(crate::permissions::ROLES_MANAGE)?;
    }
    Ok(GivenRoles { names, new })
}

/// Phase 2: each row against the database, in one read transaction. Existing accounts stop the
/// import (exit 6) unless the options say to skip or update them.
fn plan(store: &Store, rows: &[Row], request: &Request<'_>) -> Result<Vec<Plan>> {
    let on_conflict = request.options.on_conflict;
    let mut plans = Vec::with_capacity(rows.len());
    let mut conflicts = Vec::new();
    store.read(|| {
        let emails: Vec<&str> = rows.iter().map(|r| r.email.canonical.as_str()).collect();
        let mut existing = store.sql().users_by_emails(&emails)?;
        for row in rows {
            let plan = match existing.remove(&row.email.canonical) {
                None => Plan::Create,
                Some(_) if on_conflict == OnConflict::Skip => Plan::Skip,
                Some(user) if on_conflict == OnConflict::Fail => {
                    conflicts.push(user.email.clone());
                    Plan::Skip
                }
                Some(user) if differs(store, &user, row)? => {
                    gate::require_can_act_on(&store.sql(), request.actor, &user)?;
                    Plan::Update(Box::new(user))
                }
                Some(_) => Plan::Unchanged,
            };
            plans.push(plan);
        }
        Ok(())
    })?;
    if conflicts.is_empty() {
        return Ok(plans);
    }
    let shown: Vec<&str> = conflicts.iter().take(20).map(String::as_str).collect();
    Err(Error::Conflict(format!(
        "{} account(s) already exist: {}{}; nothing was imported (use --on-conflict skip or update)",
        conflicts.len(),
        shown.join(", "),
        if conflicts.len() > 20 { ", …" } else { "" }
    )))
}

fn differs(store: &Store, user: &User, row: &Row) -> Result<bool> {
    let roles = match row.roles {
        Some(_) => store.sql().user_role_names(user.id)?,
        None => Vec::new(),
    };
    Ok(!field_changes(user, &roles, row).is_empty())
}

/// One field an update changes, as a plan shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub old: String,
    pub new: String,
}

/// What updating `user` (holding `roles`) to `row` changes, field by field; empty when nothing.
/// A key the row leaves out is left alone; a list it gives is exact; `email_verified = false`
/// never takes a verification away. The one comparison of `import` and `apply`.
pub(crate) fn field_changes(user: &User, roles: &[String], row: &Row) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut change = |field: &'static str, old: String, new: String| {
        if old != new {
            out.push(FieldChange { field, old, new });
        }
    };
    if let Some(want) = &row.roles {
        let have: BTreeSet<&String> = roles.iter().collect();
        let want: BTreeSet<&String> = want.iter().collect();
        let list = |s: BTreeSet<&String>| s.into_iter().cloned().collect::<Vec<_>>().join(", ");
        change("roles", list(have), list(want));
    }
    if let Some(f) = &row.first_name {
        change("first_name", user.first_name.clone(), f.clone());
    }
    if let Some(l) = &row.last_name {
        change("last_name", user.last_name.clone(), l.clone());
    }
    if let Some(a) = &row.attributes {
        let parse = |t: &str| serde_json::from_str::<serde_json::Value>(t).ok();
        if parse(a) != parse(&user.attributes) {
            change("attributes", user.attributes.clone(), a.clone());
        }
    }
    if let Some(s) = row.status {
        change("status", user.status.as_str().into(), s.as_str().into());
    }
    if let Some(m) = row.must_change {
        change(
            "must_change",
            user.must_change_password.to_string(),
            m.to_string(),
        );
    }
    let moment = |t: Option<i64>, open: &str| t.map_or(open.to_string(), crate::clock::rfc3339);
    if let Some(e) = row.expires_at {
        change(
            "expires",
            moment(user.expires_at, "never"),
            moment(e, "never"),
        );
    }
    if let Some(v) = row.valid_from {
        change(
            "valid_from",
            moment(user.valid_from, "always"),
            moment(v, "always"),
        );
    }
    if row.verified == Some(true) && user.email_verified_at.is_none() {
        change("email_verified", "false".into(), "true".into());
    }
    out
}

impl Summary {
    fn of(rows: &[Row], plans: &[Plan], given: &GivenRoles, dry_run: bool) -> Summary {
        let mut summary = Summary {
            rows: rows.len(),
            dry_run,
            roles_created: given.new.clone(),
            ..Summary::default()
        };
        let mut emails = PlanEmails::default();
        for (row, plan) in rows.iter().zip(plans) {
            let (count, list) = match plan {
                Plan::Create => (&mut summary.created, &mut emails.created),
                Plan::Update(_) => (&mut summary.updated, &mut emails.updated),
                Plan::Unchanged => (&mut summary.unchanged, &mut emails.unchanged),
                Plan::Skip => (&mut summary.skipped, &mut emails.skipped),
            };
            *count += 1;
            if dry_run {
                list.push(row.email.address.clone());
            }
        }
        summary.plan = dry_run.then_some(emails);
        let wrapped: Vec<String> = rows
            .iter()
            .zip(plans)
            .filter(|(r, p)| matches!(r.secret, Secret::Wrap(_)) && matches!(p, Plan::Create))
            .map(|(r, _)| r.line.to_string())
            .collect();
        if !wrapped.is_empty() {
            summary.warnings.push(format!(
                "{} fast legacy hash(es) (MD5 crypt, apr1, {{SHA}}) are stored wrapped in Argon2id \
                 until each account's first login (lines {})",
                wrapped.len(),
                wrapped.join(", ")
            ));
        }
        summary
    }
}

/// Phase 3: plain passwords and invitation codes hashed on every core, before the write lock.
pub(crate) fn hash(
    rows: &[Row],
    plans: &[Plan],
    policy: &Policy,
    request: &Request<'_>,
) -> Result<Hashed> {
    let created = |i: &usize| matches!(plans[*i], Plan::Create);
    let passwords: Vec<(usize, &Secret)> = rows
        .iter()
        .enumerate()
        .filter(|(i, _)| created(i))
        .filter(|(_, r)| matches!(r.secret, Secret::Plain(_) | Secret::Wrap(_)))
        .map(|(i, r)| (i, &r.secret))
        .collect();
    let invited: Vec<usize> = (0..rows.len())
        .filter(|i| created(i) && rows[*i].mailed(&request.options, policy).is_some())
        .collect();
    let total = (passwords.len() + invited.len()) as u64;
    let done = std::sync::atomic::AtomicU64::new(0);
    let tick = || {
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        (request.progress)(n, total);
    };
    let passwords = passwords
        .par_iter()
        .map(|(i, secret)| {
            let h = match secret {
                Secret::Wrap(legacy) => hashes::wrap(legacy, policy.hash_cost),
                Secret::Plain(p) => crypto::hash_secret(p.password().as_bytes(), policy.hash_cost),
                Secret::Hash(_) | Secret::None => Err(Error::internal("nothing to hash")),
            };
            tick();
            h.map(|h| (*i, h))
        })
        .collect::<Result<_>>()?;
    let invitations = invited
        .par_iter()
        .filter_map(|i| Some((*i, rows[*i].mailed(&request.options, policy)?)))
        .map(|(i, purpose)| {
            let c = prepare_code(policy);
            tick();
            c.map(|c| (i, (purpose, c)))
        })
        .collect::<Result<_>>()?;
    Ok(Hashed {
        passwords,
        invitations,
    })
}

/// Every role the input gives, created when missing (a Django import's groups).
fn ensure_roles(tx: &Tx<'_>, given: &GivenRoles, now: i64) -> Result<HashMap<String, Role>> {
    let mut roles = HashMap::new();
    for name in &given.names {
        if tx.role_by_name(name)?.is_none() {
            tx.create_role(name, "imported", now)?;
        }
        roles.insert(name.clone(), changes::role_by_name(tx, name)?);
    }
    Ok(roles)
}

// Phase 4: the rows, inside the import's one transaction.

/// Accounts per bulk write: bounded memory, few round trips.
const BULK_ROWS: usize = 5_000;

/// What writing new accounts needs besides the transaction; shared with the thread that
/// prepares their batches.
struct NewAccounts<'a> {
    /// The event of a new account: `user.imported`, or `user.created` of `apply`.
    event: &'static str,
    /// Who the events name: the importer.
    author: &'a Actor,
    policy: &'a Policy,
    roles: &'a HashMap<String, Role>,
    hashed: &'a Hashed,
    now: i64,
}

/// New accounts ready to write: their rows, roles, codes (account id, purpose, hash, address)
/// and their events, linked into the audit chain.
struct Batch<'a> {
    users: Vec<BulkUser<'a>>,
    grants: Vec<(i64, i64)>,
    codes: Vec<(i64, Purpose, &'a str, &'a str)>,
    events: LinkedEvents,
}

impl<'a> NewAccounts<'a> {
    /// The batch of `accounts` (row index, row, id), its events linked after `chain`.
    fn batch(&self, accounts: &[(usize, &'a Row, i64)], chain: &mut AuditChain) -> Batch<'a> {
        let mut users = Vec::with_capacity(accounts.len());
        let (mut grants, mut codes) = (Vec::new(), Vec::new());
        let mut events = Vec::with_capacity(accounts.len());
        for &(i, row, id) in accounts {
            let hash = match &row.secret {
                Secret::Plain(_) | Secret::Wrap(_) => {
                    self.hashed.passwords.get(&i).map(String::as_str)
                }
                Secret::Hash(h) => Some(h.as_str()),
                Secret::None => None,
            };
            users.push(BulkUser {
                id,
                user: NewUser {
                    email: &row.email.address,
                    email_canonical: &row.email.canonical,
                    first_name: row.first_name.as_deref().unwrap_or(""),
                    last_name: row.last_name.as_deref().unwrap_or(""),
                    attributes: row.attributes.as_deref().unwrap_or("{}"),
                    password_hash: hash,
                    verified: row.verified.unwrap_or(false),
                },
                status: row.status.unwrap_or(Status::Active),
                must_change: row.must_change.unwrap_or(false),
                expires_at: row.expires_at.flatten(),
                valid_from: row.valid_from.flatten(),
            });
            for name in row.roles.iter().flatten() {
                grants.push((id, self.roles[name].id));
            }
            let code = self.hashed.invitations.get(&i);
            let purpose = code.map(|(purpose, _)| *purpose);
            if let Some((purpose, code)) = code {
                codes.push((
                    id,
                    *purpose,
                    code.hash.as_str(),
                    row.email.canonical.as_str(),
                ));
            }
            let detail = serde_json::json!({
                "line": row.line, "roles": row.roles,
                "invited": purpose == Some(Purpose::Invite),
                "verification_sent": purpose == Some(Purpose::Verify),
            });
            events.push(
                self.author
                    .event(self.event)
                    .on(&row.email.address)
                    .with(detail),
            );
        }
        Batch {
            users,
            grants,
            codes,
            events: chain.link_all(events, self.now),
        }
    }

    /// Writes a batch: the accounts, then what points at them.
    fn write(&self, tx: &Tx<'_>, batch: &Batch<'_>) -> Result<()> {
        tx.insert_users(&batch.users, self.now)?;
        tx.grant_roles(&batch.grants, self.now)?;
        for (id, purpose, hash, address) in &batch.codes {
            tx.insert_code(
                *id,
                *purpose,
                hash,
                address,
                self.now,
                code_ttl(self.policy),
            )?;
        }
        tx.append_linked(&batch.events)
    }
}

pub(crate) struct Writer<'a, 't> {
    tx: &'a Tx<'t>,
    /// The importer as this transaction sees them.
    actor: &'a Actor,
    by: ChangedBy<'a>,
    new: NewAccounts<'a>,
    /// New accounts waiting for their write: (row index, row, id).
    pending: Vec<(usize, &'a Row, i64)>,
    next_id: i64,
}

impl<'a, 't> Writer<'a, 't> {
    /// A writer of new accounts and updates in the caller's transaction (`apply`'s).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        tx: &'a Tx<'t>,
        actor: &'a Actor,
        by: ChangedBy<'a>,
        created_event: &'static str,
        policy: &'a Policy,
        roles: &'a HashMap<String, Role>,
        hashed: &'a Hashed,
        now: i64,
    ) -> Result<Self> {
        Ok(Writer {
            tx,
            actor,
            by,
            new: NewAccounts {
                event: created_event,
                author: by.actor,
                policy,
                roles,
                hashed,
                now,
            },
            pending: Vec::new(),
            next_id: tx.next_user_id()?,
        })
    }

    /// Writes row `i` as `plan` says; the id of a new account, which is written at the next
    /// [`Writer::flush`].
    pub(crate) fn write(&mut self, i: usize, row: &'a Row, plan: &Plan) -> Result<Option<i64>> {
        match plan {
            Plan::Create => {
                let id = self.next_id;
                self.next_id += 1;
                self.pending.push((i, row, id));
                Ok(Some(id))
            }
            Plan::Update(user) => {
                // Updates read and chain through the database: what waits goes first.
                self.flush()?;
                self.update(user, row).map(|()| None)
            }
            Plan::Unchanged | Plan::Skip => Ok(None),
        }
    }

    /// Writes the waiting accounts in batches. Preparing a batch (its rows, its events and
    /// their hash chain) costs about what writing one does, so beyond one batch a second thread
    /// prepares the next while this one writes.
    pub(crate) fn flush(&mut self) -> Result<()> {
        let pending = std::mem::take(&mut self.pending);
        if pending.is_empty() {
            return Ok(());
        }
        let (tx, new) = (self.tx, &self.new);
        let mut chain = tx.audit_chain()?;
        if pending.len() <= BULK_ROWS {
            return new.write(tx, &new.batch(&pending, &mut chain));
        }
        let (send, batches) = std::sync::mpsc::sync_channel(1);
        // Written batches go back to be freed where they were built: freeing one here, across
        // threads, took as long as writing it.
        let (give_back, written) = std::sync::mpsc::channel::<Batch<'_>>();
        // Returning drops `batches` and `give_back`, which ends the preparing thread, after a
        // failed write too.
        std::thread::scope(move |scope| {
            scope.spawn(move || {
                for accounts in pending.chunks(BULK_ROWS) {
                    written.try_iter().for_each(drop);
                    // The writer is gone when a write failed: nothing more to prepare.
                    if send.send(new.batch(accounts, &mut chain)).is_err() {
                        break;
                    }
                }
                drop(send);
                written.iter().for_each(drop);
            });
            for batch in batches {
                new.write(tx, &batch)?;
                let _ = give_back.send(batch);
            }
            Ok(())
        })
    }

    fn update(&mut self, user: &User, row: &Row) -> Result<()> {
        let (tx, by, now) = (self.tx, self.by, self.new.now);
        gate::require_can_act_on(tx, self.actor, user)?;
        let profile = changes::Profile {
            first_name: row
                .first_name
                .clone()
                .unwrap_or_else(|| user.first_name.clone()),
            last_name: row
                .last_name
                .clone()
                .unwrap_or_else(|| user.last_name.clone()),
            attributes: row
                .attributes
                .clone()
                .unwrap_or_else(|| user.attributes.clone()),
        };
        changes::update_profile(tx, by, user, &profile, now)?;
        if let Some(want) = &row.roles {
            for name in tx.user_role_names(user.id)? {
                if !want.contains(&name) {
                    changes::revoke_role(tx, by, user, &changes::role_by_name(tx, &name)?, now)?;
                }
            }
            for name in want {
                changes::grant_role(tx, by, user, &self.new.roles[name], now)?;
            }
        }
        if let Some(status) = row.status.filter(|s| *s != user.status) {
            changes::set_status(tx, by, user, status, now)?;
        }
        if row.verified == Some(true) {
            changes::mark_verified(tx, by, user, now)?;
        }
        if let Some(must) = row.must_change {
            changes::set_must_change(tx, by, user, must, now)?;
        }
        if row.valid_from.is_some() || row.expires_at.is_some() {
            let from = row.valid_from.unwrap_or(user.valid_from);
            let until = row.expires_at.unwrap_or(user.expires_at);
            changes::set_validity(tx, by, user, from, until, now)?;
        }
        Ok(())
    }
}

/// How long a code mailed by an import lasts: an invitation's time (`codes.invite_ttl`), for
/// the verification codes too, since a large import mails them one by one after its commit.
fn code_ttl(policy: &Policy) -> i64 {
    policy.invite_ttl
}

/// Phase 5: invitations and verification codes, after the commit; those that fail are listed
/// with how to resend.
pub(crate) fn invite(
    rows: &[Row],
    codes: HashMap<usize, (Purpose, PreparedCode)>,
    request: &Request<'_>,
    policy: &Policy,
    summary: &mut Summary,
) {
    for (i, (purpose, code)) in codes {
        let to = &rows[i].email.address;
        let sent = match request.mail {
            Some(cfg) => mail::send_code(
                cfg,
                &CodeMail {
                    to,
                    purpose,
                    code: &code.code,
                    ttl_secs: code_ttl(policy),
                },
            ),
            None => Err(Error::MailFailed("no mail configuration".into())),
        };
        let (sent_to, unsent) = match purpose {
            Purpose::Invite => (
                &mut summary.invitations_sent,
                &mut summary.invitations_unsent,
            ),
            _ => (
                &mut summary.verifications_sent,
                &mut summary.verifications_unsent,
            ),
        };
        match sent {
            Ok(delivery) => {
                sent_to.push(to.clone());
                summary.mail_went = Some(match delivery {
                    mail::Delivery::Outbox(path) => {
                        format!("the outbox {}", path.parent().unwrap_or(&path).display())
                    }
                    mail::Delivery::Smtp(server) => format!("the SMTP server {server}"),
                });
            }
            Err(e) => unsent.push((to.clone(), e.to_string())),
        }
    }
    for list in [
        &mut summary.invitations_sent,
        &mut summary.verifications_sent,
    ] {
        list.sort();
    }
    for list in [
        &mut summary.invitations_unsent,
        &mut summary.verifications_unsent,
    ] {
        list.sort();
    }
}
