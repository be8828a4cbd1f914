//! `apply`: converge the store to a declared state (settings, identity providers, roles,
//! accounts) in one transaction, idempotently, through the same changes the commands make.
//!
//! A plan is made first (what is created, changed field by field, adopted, removed, left
//! alone); the write re-plans inside its transaction and stops when the store changed since the
//! plan that was shown. Marks (`managed_users`, `managed_roles`, `managed_providers`) say which
//! entries a file's
//! `owner` manages: only those are changed without `--adopt`, and only those are pruned.

pub mod declared;

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::accounts::changes::{self, ChangedBy};
use crate::accounts::import::{self, FieldChange, Row};
use crate::accounts::{config, roles, sso};
use crate::clock;
use crate::error::{Error, Result};
use crate::gate::{self, Actor};
use crate::mail::MailConfig;
use crate::permissions::{SETTINGS_MANAGE, SETTINGS_READ, USERS_MANAGE, USERS_READ};
use crate::settings::Policy;
use crate::store::{
    ADMIN_ROLE, ProviderRow, RoleSummary, Sql, Status, Store, User, UserFilter, UserMark,
};

pub use declared::{Declared, DeclaredProvider, Format};

/// The plan's field for a managed account the file now names at its new address.
const DECLARED_AS: &str = "declared_as";
/// The plan's field for an account's linked identities.
const IDENTITIES: &str = "identities";

fn identities_text(list: &[(String, String)]) -> String {
    list.iter()
        .map(|(p, s)| format!("{p}:{s}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How `apply` may act beyond the entries it manages.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Take over existing entries that no owner manages.
    pub adopt: bool,
    /// Remove managed entries that left the file.
    pub prune: bool,
    /// A plan that removes more is refused.
    pub max_deletions: usize,
    /// Send no invitations to new accounts without a password hash.
    pub no_email: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Create,
    Update,
    /// An existing entry no owner managed, taken over (`--adopt`), with any changes.
    Adopt,
    Remove,
    Unchanged,
    /// An existing entry no owner manages: left alone without `--adopt`.
    NotManaged,
    /// A managed account whose address changed outside the file: left alone until the file
    /// names its new address.
    Moved,
}

impl Action {
    pub fn sign(self) -> &'static str {
        match self {
            Action::Create => "+",
            Action::Update => "~",
            Action::Adopt => "&",
            Action::Remove => "-",
            Action::Unchanged => "=",
            Action::NotManaged | Action::Moved => "!",
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "change",
            Action::Adopt => "adopt",
            Action::Remove => "remove",
            Action::Unchanged => "unchanged",
            Action::NotManaged => "exists, not managed",
            Action::Moved => "moved",
        }
    }

    /// Whether applying writes something for this step.
    fn writes(self) -> bool {
        matches!(
            self,
            Action::Create | Action::Update | Action::Adopt | Action::Remove
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Setting,
    #[serde(rename = "idp")]
    Provider,
    Role,
    User,
}

/// What one entry will undergo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub kind: Kind,
    pub name: String,
    pub action: Action,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<FieldChange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The existing entry's id (a role's or an account's).
    #[serde(skip)]
    id: Option<i64>,
    /// The declared entry: an index into the settings, roles or rows.
    #[serde(skip)]
    entry: Option<usize>,
}

/// The whole plan, as `--dry-run` and `--json` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub owner: String,
    pub sha256: String,
    pub steps: Vec<Step>,
    pub create: usize,
    pub change: usize,
    pub adopt: usize,
    pub remove: usize,
    pub unchanged: usize,
    /// Entries left alone that differ from the file (not managed, moved).
    pub left_alone: usize,
    /// Whether the store matches the file: nothing to write, nothing left alone.
    pub in_sync: bool,
}

/// What an apply did.
#[derive(Debug, Serialize)]
pub struct Applied {
    pub plan: Plan,
    pub applied: bool,
    pub invitations_sent: Vec<String>,
    pub invitations_unsent: Vec<(String, String)>,
    pub verifications_sent: Vec<String>,
    pub verifications_unsent: Vec<(String, String)>,
    pub mail_went: Option<String>,
}

/// The store as a plan compares it.
struct Current {
    settings: HashMap<String, String>,
    roles: HashMap<String, RoleSummary>,
    role_marks: HashMap<i64, String>,
    /// Every account with its role names, by canonical address.
    users: HashMap<String, (User, Vec<String>)>,
    by_id: HashMap<i64, String>,
    user_marks: HashMap<i64, UserMark>,
    /// Linked identities by account id: sorted (provider, subject).
    links: HashMap<i64, Vec<(String, String)>>,
    /// The providers of single sign-on by name.
    providers: HashMap<String, ProviderRow>,
    provider_marks: HashMap<String, String>,
}

impl Current {
    fn read(sql: &Sql<'_>) -> Result<Current> {
        let mut users = HashMap::new();
        let mut by_id = HashMap::new();
        let all = UserFilter {
            role: None,
            status: None,
            search: None,
        };
        sql.for_each_user(&all, |user, roles, _| {
            by_id.insert(user.id, user.email_canonical.clone());
            users.insert(user.email_canonical.clone(), (user, roles));
            Ok(())
        })?;
        Ok(Current {
            settings: sql.settings_rows()?,
            roles: sql
                .roles()?
                .into_iter()
                .map(|r| (r.role.name.clone(), r))
                .collect(),
            role_marks: sql.role_marks()?,
            users,
            by_id,
            user_marks: sql.user_marks()?,
            links: sql.all_links()?.into_iter().fold(
                HashMap::new(),
                |mut map: HashMap<i64, Vec<(String, String)>>, (id, p, s)| {
                    map.entry(id).or_default().push((p, s));
                    map
                },
            ),
            providers: sql
                .providers()?
                .into_iter()
                .map(|p| (p.name.clone(), p))
                .collect(),
            provider_marks: sql.provider_marks()?,
        })
    }

    fn user(&self, id: i64) -> Option<&(User, Vec<String>)> {
        self.by_id.get(&id).and_then(|c| self.users.get(c))
    }
}

fn step(kind: Kind, name: &str, action: Action) -> Step {
    Step {
        kind,
        name: name.to_string(),
        action,
        changes: Vec::new(),
        note: None,
        id: None,
        entry: None,
    }
}

fn managed_elsewhere(kind: &str, name: &str, owner: &str) -> Error {
    Error::Conflict(format!(
        "the {kind} {name} is managed by {owner:?}; nothing was applied"
    ))
}

/// Compares the declared state with the store.
fn plan(sql: &Sql<'_>, d: &Declared, options: &Options) -> Result<Plan> {
    let now = Current::read(sql)?;
    let mut steps = Vec::new();
    for (i, (def, value)) in d.settings.iter().enumerate() {
        let current = now
            .settings
            .get(def.key)
            .map_or(def.default, String::as_str);
        let mut s = step(Kind::Setting, def.key, Action::Unchanged);
        s.entry = Some(i);
        if current != value {
            s.action = Action::Update;
            s.changes.push(FieldChange {
                field: "value",
                old: config::shown(def, current),
                new: config::shown(def, value),
            });
        }
        steps.push(s);
    }
    let provider_steps = plan_providers(&now, d, options)?;
    let role_steps = plan_roles(&now, d, options)?;
    let user_steps = plan_users(&now, d, options)?;
    check_role_names(&now, d, &role_steps)?;
    check_providers(&now, d, &provider_steps)?;
    check_removed_roles(&now, d, &role_steps, &user_steps)?;
    check_admins_remain(&now, d, &user_steps)?;
    steps.extend(provider_steps);
    steps.extend(role_steps);
    steps.extend(user_steps);
    let count = |a: Action| steps.iter().filter(|s| s.action == a).count();
    let left_alone = count(Action::NotManaged) + count(Action::Moved);
    let writes = steps.iter().any(|s| s.action.writes());
    Ok(Plan {
        owner: d.owner.clone(),
        sha256: d.sha256.clone(),
        create: count(Action::Create),
        change: count(Action::Update),
        adopt: count(Action::Adopt),
        remove: count(Action::Remove),
        unchanged: count(Action::Unchanged),
        left_alone,
        in_sync: !writes && left_alone == 0,
        steps,
    })
}

/// The provider a declared entry makes of the one there is (`None`: it is created): what the
/// entry leaves out is kept, or at creation what `idp add` takes by default. Checked whole.
fn declared_provider(
    have: Option<&ProviderRow>,
    p: &DeclaredProvider,
    now: i64,
) -> Result<ProviderRow> {
    let needed = |what: Option<&String>, key: &str| {
        what.cloned().ok_or_else(|| {
            Error::usage(format!(
                "idps.{}: a new provider needs {key}; nothing was applied",
                p.name
            ))
        })
    };
    let row = match have {
        Some(have) => ProviderRow {
            name: have.name.clone(),
            issuer: p.issuer.clone().unwrap_or_else(|| have.issuer.clone()),
            client_id: p
                .client_id
                .clone()
                .unwrap_or_else(|| have.client_id.clone()),
            client_secret: p
                .client_secret
                .clone()
                .or_else(|| have.client_secret.clone()),
            scopes: p
                .scopes
                .as_deref()
                .map_or_else(|| have.scopes.clone(), sso::scopes_text),
            allowed_domains: p.allowed_domains.as_ref().map_or_else(
                || have.allowed_domains.clone(),
                |list| sso::NewProvider::domains_text(list),
            ),
            link_by_email: p.link_by_email.unwrap_or(have.link_by_email),
            mfa_by_amr: p.mfa_by_amr.unwrap_or(have.mfa_by_amr),
            created_at: have.created_at,
        },
        None => sso::NewProvider {
            name: p.name.clone(),
            issuer: needed(p.issuer.as_ref(), "issuer")?,
            client_id: needed(p.client_id.as_ref(), "client_id")?,
            client_secret: p.client_secret.clone(),
            scopes: p
                .scopes
                .clone()
                .unwrap_or_else(|| sso::DEFAULT_SCOPES.split(',').map(String::from).collect()),
            allowed_domains: p.allowed_domains.clone().unwrap_or_default(),
            link_by_email: p.link_by_email.unwrap_or(false),
            mfa_by_amr: p.mfa_by_amr.unwrap_or(false),
        }
        .row(now),
    };
    sso::check_provider(&row).map_err(|e| match e {
        Error::Usage(m) => Error::Usage(format!("idps.{}: {m}; nothing was applied", p.name)),
        other => other,
    })?;
    if let Some(have) = have {
        sso::check_same_issuer(have, &row)?;
    }
    Ok(row)
}

/// A provider's fields as the plan shows them: never a secret, only whether one is set or new.
fn provider_changes(have: Option<&ProviderRow>, want: &ProviderRow) -> Vec<FieldChange> {
    let view = |p: &ProviderRow| {
        let v = sso::ProviderView::from(p);
        [
            ("issuer", v.issuer),
            ("client_id", v.client_id),
            ("scopes", v.scopes.join(" ")),
            ("allowed_domains", v.allowed_domains.join(",")),
            ("link_by", v.link_by.to_string()),
            ("mfa_by_amr", v.mfa_by_amr.to_string()),
        ]
    };
    let secret = |p: &ProviderRow| match p.client_secret.is_some() {
        true => "(set)",
        false => "(none)",
    };
    let mut out = Vec::new();
    let new = view(want);
    match have {
        None => {
            for (field, value) in new {
                out.push(FieldChange {
                    field,
                    old: String::new(),
                    new: value,
                });
            }
            if want.client_secret.is_some() {
                out.push(FieldChange {
                    field: "client_secret",
                    old: String::new(),
                    new: "(set)".into(),
                });
            }
        }
        Some(have) => {
            for ((field, old), (_, value)) in view(have).into_iter().zip(new) {
                if old != value {
                    out.push(FieldChange {
                        field,
                        old,
                        new: value,
                    });
                }
            }
            if have.client_secret != want.client_secret {
                let new = match want.client_secret.is_some() {
                    true => "(a new one)",
                    false => "(none)",
                };
                out.push(FieldChange {
                    field: "client_secret",
                    old: secret(have).into(),
                    new: new.into(),
                });
            }
        }
    }
    out
}

fn plan_providers(now: &Current, d: &Declared, options: &Options) -> Result<Vec<Step>> {
    let mut steps = Vec::new();
    let at = clock::now();
    for (i, p) in d.providers.iter().enumerate() {
        let Some(have) = now.providers.get(&p.name) else {
            if !p.absent {
                let mut s = step(Kind::Provider, &p.name, Action::Create);
                s.entry = Some(i);
                s.changes = provider_changes(None, &declared_provider(None, p, at)?);
                steps.push(s);
            }
            continue;
        };
        let managed = match now.provider_marks.get(&p.name) {
            Some(o) if *o != d.owner => {
                return Err(managed_elsewhere("identity provider", &p.name, o));
            }
            Some(_) => true,
            None => false,
        };
        // One this owner may not change is left alone, not checked against the file.
        let changes = match p.absent || !(managed || options.adopt) {
            true => Vec::new(),
            false => provider_changes(Some(have), &declared_provider(Some(have), p, at)?),
        };
        let mut s = step(
            Kind::Provider,
            &p.name,
            entry_action(p.absent, managed, options, &changes),
        );
        s.entry = Some(i);
        s.changes = changes;
        if s.action == Action::NotManaged {
            s.note = Some("exists, not managed: --adopt manages it".into());
        }
        steps.push(s);
    }
    if options.prune {
        let declared: HashSet<&str> = d.providers.iter().map(|p| p.name.as_str()).collect();
        let mut left: Vec<&String> = now
            .provider_marks
            .iter()
            .filter(|(name, owner)| **owner == d.owner && !declared.contains(name.as_str()))
            .map(|(name, _)| name)
            .collect();
        left.sort();
        for name in left {
            let mut s = step(Kind::Provider, name, Action::Remove);
            s.note = Some("left the file".into());
            steps.push(s);
        }
    }
    Ok(steps)
}

/// What a declared entry that exists undergoes. `absent` removes only what this owner manages:
/// never an adopted-and-removed entry.
fn entry_action(absent: bool, managed: bool, options: &Options, changes: &[FieldChange]) -> Action {
    match (absent, managed || options.adopt) {
        (true, _) if managed => Action::Remove,
        (true, _) | (_, false) => Action::NotManaged,
        (false, true) if !managed => Action::Adopt,
        (false, true) if changes.is_empty() => Action::Unchanged,
        (false, true) => Action::Update,
    }
}

fn plan_roles(now: &Current, d: &Declared, options: &Options) -> Result<Vec<Step>> {
    let mut steps = Vec::new();
    for (i, r) in d.roles.iter().enumerate() {
        let Some(have) = now.roles.get(&r.name) else {
            if !r.absent {
                let mut s = step(Kind::Role, &r.name, Action::Create);
                s.entry = Some(i);
                s.changes = role_changes("", &[], r);
                steps.push(s);
            }
            continue;
        };
        if have.role.builtin {
            return Err(Error::Conflict(format!(
                "the built-in role {} cannot be declared",
                r.name
            )));
        }
        let managed = match now.role_marks.get(&have.role.id) {
            Some(o) if *o != d.owner => return Err(managed_elsewhere("role", &r.name, o)),
            Some(_) => true,
            None => false,
        };
        let changes = if r.absent {
            Vec::new()
        } else {
            role_changes(&have.role.description, &have.permissions, r)
        };
        let action = entry_action(r.absent, managed, options, &changes);
        let mut s = step(Kind::Role, &r.name, action);
        s.id = Some(have.role.id);
        s.entry = Some(i);
        s.changes = changes;
        if action == Action::NotManaged {
            s.note = Some("exists, not managed: --adopt manages it".into());
        }
        steps.push(s);
    }
    if options.prune {
        let declared: HashSet<&str> = d.roles.iter().map(|r| r.name.as_str()).collect();
        let mut left: Vec<&RoleSummary> = now
            .roles
            .values()
            .filter(|r| now.role_marks.get(&r.role.id) == Some(&d.owner))
            .filter(|r| !declared.contains(r.role.name.as_str()))
            .collect();
        left.sort_by(|a, b| a.role.name.cmp(&b.role.name));
        for r in left {
            let mut s = step(Kind::Role, &r.role.name, Action::Remove);
            s.id = Some(r.role.id);
            s.note = Some("left the file".into());
            steps.push(s);
        }
    }
    Ok(steps)
}

fn role_changes(
    description: &str,
    permissions: &[String],
    r: &declared::DeclaredRole,
) -> Vec<FieldChange> {
    let mut out = Vec::new();
    if let Some(want) = &r.description
        && want != description
    {
        out.push(FieldChange {
            field: "description",
            old: description.to_string(),
            new: want.clone(),
        });
    }
    if let Some(want) = &r.permissions {
        let have: BTreeSet<&String> = permissions.iter().collect();
        let want_set: BTreeSet<&String> = want.iter().collect();
        if have != want_set {
            let list = |s: BTreeSet<&String>| s.into_iter().cloned().collect::<Vec<_>>().join(", ");
            out.push(FieldChange {
                field: "permissions",
                old: list(have),
                new: list(want_set),
            });
        }
    }
    out
}

fn plan_users(now: &Current, d: &Declared, options: &Options) -> Result<Vec<Step>> {
    // This owner's marks by the address the file gave: a managed account that changed its
    // address is still found.
    let marked: HashMap<&str, i64> = now
        .user_marks
        .iter()
        .filter(|(_, m)| m.owner == d.owner)
        .map(|(id, m)| (m.declared.as_str(), *id))
        .collect();
    let mut matched = HashSet::new();
    let mut steps = Vec::new();
    let entries = d
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.line, &r.email, Some(i)))
        .chain(d.absent.iter().map(|a| (a.entry, &a.email, None)));
    let mut entries: Vec<_> = entries.collect();
    entries.sort_by_key(|(n, _, _)| *n);
    for (_, email, row) in entries {
        let by_mark = marked
            .get(email.canonical.as_str())
            .and_then(|id| now.user(*id));
        let found = by_mark.or_else(|| now.users.get(&email.canonical));
        let Some((user, held)) = found else {
            if let Some(i) = row {
                steps.push(create_step(d, i)?);
            }
            continue;
        };
        matched.insert(user.id);
        let mut s = step(Kind::User, &email.address, Action::Unchanged);
        s.id = Some(user.id);
        s.entry = row;
        if user.email_canonical != email.canonical {
            s.action = Action::Moved;
            s.note = Some(format!(
                "the account is now {}: name that address in the file",
                user.email
            ));
            steps.push(s);
            continue;
        }
        let mark = now.user_marks.get(&user.id);
        let managed = match mark {
            Some(m) if m.owner != d.owner => {
                return Err(managed_elsewhere("account", &email.address, &m.owner));
            }
            Some(_) => true,
            None => false,
        };
        if let Some(i) = row {
            s.changes = import::field_changes(user, held, &d.rows[i]);
            if let Some(want) = d.identities.get(&d.rows[i].line) {
                let have = now.links.get(&user.id).cloned().unwrap_or_default();
                if *want != have {
                    s.changes.push(FieldChange {
                        field: IDENTITIES,
                        old: identities_text(&have),
                        new: identities_text(want),
                    });
                }
            }
            if let Some(m) = mark
                && m.declared != email.canonical
            {
                s.changes.push(FieldChange {
                    field: DECLARED_AS,
                    old: m.declared.clone(),
                    new: email.canonical.clone(),
                });
            }
        }
        s.action = entry_action(row.is_none(), managed, options, &s.changes);
        if s.action == Action::NotManaged {
            s.note = Some("exists, not managed: --adopt manages it".into());
        }
        steps.push(s);
    }
    if options.prune {
        steps.extend(prune_users(now, d, &matched));
    }
    Ok(steps)
}

/// A new account's step: the fields it is given. A forced change needs a password to change.
fn create_step(d: &Declared, i: usize) -> Result<Step> {
    let row = &d.rows[i];
    if row.must_change == Some(true) && matches!(row.secret, import::Secret::None) {
        return Err(Error::usage(format!(
            "users[{}]: must_change = true needs a password_hash for a new account",
            row.line
        )));
    }
    let mut s = step(Kind::User, &row.email.address, Action::Create);
    s.entry = Some(i);
    s.changes = created_fields(row);
    if let Some(want) = d.identities.get(&row.line) {
        s.changes.push(FieldChange {
            field: IDENTITIES,
            old: String::new(),
            new: identities_text(want),
        });
    }
    Ok(s)
}

/// The accounts this owner manages that the file no longer names: removed by `--prune`.
fn prune_users(now: &Current, d: &Declared, matched: &HashSet<i64>) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut left: Vec<(&User, i64)> = now
        .user_marks
        .iter()
        .filter(|(id, m)| m.owner == d.owner && !matched.contains(*id))
        .filter_map(|(id, _)| now.user(*id).map(|(u, _)| (u, *id)))
        .collect();
    left.sort_by_key(|(_, id)| *id);
    for (user, id) in left {
        let mut s = step(Kind::User, &user.email, Action::Remove);
        s.id = Some(id);
        s.note = Some("left the file".into());
        steps.push(s);
    }
    steps
}

/// The fields a new account is given, as a plan shows them.
fn created_fields(row: &Row) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut field = |name: &'static str, value: String| {
        out.push(FieldChange {
            field: name,
            old: String::new(),
            new: value,
        })
    };
    let moment = |t: Option<i64>, open: &str| t.map_or(open.to_string(), clock::rfc3339);
    for (name, value) in [
        ("first_name", &row.first_name),
        ("last_name", &row.last_name),
    ] {
        if let Some(v) = value {
            field(name, v.clone());
        }
    }
    if let Some(r) = &row.roles {
        field("roles", r.join(", "));
    }
    if let Some(a) = &row.attributes {
        field("attributes", a.clone());
    }
    if let Some(s) = row.status {
        field("status", s.as_str().into());
    }
    if let Some(v) = row.verified {
        field("email_verified", v.to_string());
    }
    if let Some(m) = row.must_change {
        field("must_change", m.to_string());
    }
    if let Some(e) = row.expires_at {
        field("expires", moment(e, "never"));
    }
    if let Some(v) = row.valid_from {
        field("valid_from", moment(v, "always"));
    }
    if !matches!(row.secret, import::Secret::None) {
        field("password_hash", "(given)".into());
    }
    out
}

/// Every role an account is given exists, or the file declares it present.
fn check_role_names(now: &Current, d: &Declared, role_steps: &[Step]) -> Result<()> {
    let removed: HashSet<&str> = role_steps
        .iter()
        .filter(|s| s.action == Action::Remove)
        .map(|s| s.name.as_str())
        .collect();
    let declared: HashSet<&str> = d
        .roles
        .iter()
        .filter(|r| !r.absent)
        .map(|r| r.name.as_str())
        .collect();
    let mut problems = Vec::new();
    for row in &d.rows {
        for name in row.roles.iter().flatten() {
            let known = declared.contains(name.as_str())
                || (now.roles.contains_key(name) && !removed.contains(name.as_str()));
            if !known || removed.contains(name.as_str()) {
                problems.push(format!(
                    "users[{}]: the role {name:?} {}",
                    row.line,
                    if removed.contains(name.as_str()) {
                        "is removed by this plan"
                    } else {
                        "does not exist and is not declared"
                    }
                ));
            }
        }
    }
    match problems.is_empty() {
        true => Ok(()),
        false => Err(Error::Usage(format!(
            "{}; nothing was applied",
            problems.join("\n  ")
        ))),
    }
}

/// Every provider an identity names exists or is declared (and not removed by this plan), and
/// no identity is given to two accounts.
fn check_providers(now: &Current, d: &Declared, provider_steps: &[Step]) -> Result<()> {
    let mut owners: HashMap<&(String, String), usize> = HashMap::new();
    for (n, list) in &d.identities {
        for identity in list {
            if let Some(first) = owners.insert(identity, *n) {
                return Err(Error::usage(format!(
                    "users[{n}]: the identity {}:{} is also given to users[{first}]",
                    identity.0, identity.1
                )));
            }
        }
    }
    let removed: HashSet<&str> = provider_steps
        .iter()
        .filter(|s| s.action == Action::Remove)
        .map(|s| s.name.as_str())
        .collect();
    let known = |p: &str| {
        !removed.contains(p)
            && (now.providers.contains_key(p)
                || d.providers.iter().any(|dp| dp.name == p && !dp.absent))
    };
    let problems: Vec<String> = d
        .identities
        .iter()
        .flat_map(|(n, list)| list.iter().map(move |(p, _)| (n, p)))
        .filter(|(_, p)| !known(p))
        .map(|(n, p)| match removed.contains(p.as_str()) {
            true => format!("users[{n}]: the identity provider {p:?} is removed by this plan"),
            false => format!(
                "users[{n}]: no identity provider named {p:?} (declare it under [idps.{p}] or `useradm idp add`)"
            ),
        })
        .collect();
    match problems.is_empty() {
        true => Ok(()),
        false => Err(Error::Usage(format!(
            "{}; nothing was applied",
            problems.join("\n  ")
        ))),
    }
}

/// A role is removed only when no account outside this plan's hands still holds it.
fn check_removed_roles(
    now: &Current,
    d: &Declared,
    role_steps: &[Step],
    user_steps: &[Step],
) -> Result<()> {
    let removed_users: HashSet<i64> = user_steps
        .iter()
        .filter(|s| s.action == Action::Remove)
        .filter_map(|s| s.id)
        .collect();
    let rows_by_id: HashMap<i64, &Row> = user_steps
        .iter()
        .filter(|s| s.action.writes())
        .filter_map(|s| Some((s.id?, &d.rows[s.entry?])))
        .collect();
    for role in role_steps.iter().filter(|s| s.action == Action::Remove) {
        let mut still: Vec<&str> = now
            .users
            .values()
            .filter(|(_, held)| held.contains(&role.name))
            .filter(|(u, _)| !removed_users.contains(&u.id))
            .filter(|(u, _)| {
                // Kept only by an account this plan gives an exact list without the role.
                rows_by_id
                    .get(&u.id)
                    .and_then(|r| r.roles.as_ref())
                    .is_none_or(|want| want.contains(&role.name))
            })
            .map(|(u, _)| u.email.as_str())
            .collect();
        if !still.is_empty() {
            still.sort();
            let shown = still
                .iter()
                .take(10)
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            return Err(Error::Conflict(format!(
                "the role {} is still granted to {} account(s) ({shown}); nothing was applied",
                role.name,
                still.len()
            )));
        }
    }
    Ok(())
}

/// The plan must leave an active administrator where there was one.
fn check_admins_remain(now: &Current, d: &Declared, user_steps: &[Step]) -> Result<()> {
    let by_id: HashMap<i64, &Step> = user_steps
        .iter()
        .filter(|s| s.action.writes())
        .filter_map(|s| Some((s.id?, s)))
        .collect();
    let mut before = 0;
    let mut after = 0;
    for (user, held) in now.users.values() {
        if !held.iter().any(|r| r == ADMIN_ROLE) || user.is_disabled() {
            continue;
        }
        before += 1;
        let stays = match by_id.get(&user.id) {
            None => true,
            Some(s) if s.action == Action::Remove => false,
            Some(s) => s.entry.map(|i| &d.rows[i]).is_none_or(|row| {
                row.status != Some(Status::Disabled)
                    && row
                        .roles
                        .as_ref()
                        .is_none_or(|r| r.iter().any(|n| n == ADMIN_ROLE))
            }),
        };
        after += usize::from(stays);
    }
    if before > 0 && after == 0 {
        return Err(Error::Conflict(
            "the plan would leave no active administrator; nothing was applied".into(),
        ));
    }
    Ok(())
}

/// The rights a plan needs to be read: `settings.read` for settings, `users.read` for roles
/// and accounts (a managing right covers its reading one). Identity providers need
/// `settings.manage`, as `idp show` does: a plan would show their settings, and whether a
/// client secret in a file is the stored one.
pub fn require_read_rights(actor: &Actor, d: &Declared) -> Result<()> {
    if !d.settings.is_empty() {
        actor.require_one_of(&[SETTINGS_READ, SETTINGS_MANAGE])?;
    }
    if !d.providers.is_empty() {
        actor.require(SETTINGS_MANAGE)?;
    }
    if !d.roles.is_empty() || !d.rows.is_empty() || !d.absent.is_empty() {
        actor.require_one_of(&[USERS_READ, USERS_MANAGE])?;
    }
    Ok(())
}

/// The plan, read in one snapshot.
pub fn make_plan(store: &Store, d: &Declared, options: &Options) -> Result<Plan> {
    store.read(|| plan(&store.sql(), d, options))
}

/// What `apply` needs besides the plan.
pub struct Request<'a> {
    pub actor: &'a Actor,
    pub options: Options,
    pub mail: Option<&'a MailConfig>,
    /// Called with (done, total) as password hashes and invitation codes are made.
    pub progress: &'a (dyn Fn(u64, u64) + Sync),
    /// The client to identity providers: a provider is created only once its discovery
    /// document offers the device grant, as `idp add` checks.
    pub http: Option<&'a crate::oidc::Http>,
}

/// Writes `shown` (the plan made before): refused over `--max-deletions`, and when the store
/// changed since; all of it in one transaction, then invitations are mailed.
pub fn apply(
    store: &mut Store,
    policy: &Policy,
    d: &Declared,
    shown: Plan,
    request: &Request<'_>,
) -> Result<Applied> {
    let options = request.options;
    if shown.remove > options.max_deletions {
        return Err(Error::usage(format!(
            "the plan removes {} entries, more than --max-deletions {}; nothing was applied",
            shown.remove, options.max_deletions
        )));
    }
    let mut applied = Applied {
        applied: false,
        plan: shown,
        invitations_sent: Vec::new(),
        invitations_unsent: Vec::new(),
        verifications_sent: Vec::new(),
        verifications_unsent: Vec::new(),
        mail_went: None,
    };
    if !applied.plan.steps.iter().any(|s| s.action.writes()) {
        return Ok(applied);
    }
    let import_options = import::Options {
        on_conflict: import::OnConflict::Update,
        dry_run: false,
        no_email: options.no_email,
        create_roles: true,
    };
    let import_request = import::Request {
        actor: request.actor,
        options: import_options,
        mail: request.mail,
        progress: request.progress,
    };
    let created: HashSet<usize> = applied
        .plan
        .steps
        .iter()
        .filter(|s| s.kind == Kind::User && s.action == Action::Create)
        .filter_map(|s| s.entry)
        .collect();
    let row_plans: Vec<import::Plan> = (0..d.rows.len())
        .map(|i| match created.contains(&i) {
            true => import::Plan::Create,
            false => import::Plan::Skip,
        })
        .collect();
    // Before a provider is asked anything: who may not add one makes no request either.
    let provider_steps = applied
        .plan
        .steps
        .iter()
        .filter(|s| s.kind == Kind::Provider);
    if provider_steps.clone().any(|s| s.action.writes()) {
        request.actor.require(SETTINGS_MANAGE)?;
    }
    for s in provider_steps {
        if let (Action::Create, Some(i)) = (s.action, s.entry) {
            let http = request.http.ok_or_else(|| {
                Error::internal("apply creates a provider without an HTTP client")
            })?;
            let issuer = d.providers[i].issuer.as_deref().unwrap_or_default();
            crate::oidc::probe(http, issuer)?;
        }
    }
    let hashed = import::hash(&d.rows, &row_plans, policy, &import_request)?;
    store.use_bulk_cache()?;
    let now = clock::now();
    let shown = &applied.plan;
    store.write(|tx| {
        let actor = gate::recheck(tx, request.actor, &[])?;
        if plan(tx, d, &options)? != *shown {
            return Err(Error::Conflict(
                "the store changed since the plan was made; nothing was applied: run apply again"
                    .into(),
            ));
        }
        Writing {
            tx,
            actor: &actor,
            d,
            policy,
            now,
        }
        .write(shown, &hashed)
    })?;
    applied.applied = true;
    let mut mailed = import::Summary::default();
    import::invite(
        &d.rows,
        hashed.invitations,
        &import_request,
        policy,
        &mut mailed,
    );
    applied.invitations_sent = mailed.invitations_sent;
    applied.invitations_unsent = mailed.invitations_unsent;
    applied.verifications_sent = mailed.verifications_sent;
    applied.verifications_unsent = mailed.verifications_unsent;
    applied.mail_went = mailed.mail_went;
    Ok(applied)
}

/// The write of a plan, inside its transaction.
struct Writing<'a, 't> {
    tx: &'a crate::store::Tx<'t>,
    /// The actor as this transaction sees them.
    actor: &'a Actor,
    d: &'a Declared,
    policy: &'a Policy,
    now: i64,
}

impl Writing<'_, '_> {
    fn write(&self, plan: &Plan, hashed: &import::Hashed) -> Result<()> {
        let (tx, now) = (self.tx, self.now);
        let of = |kind: Kind| plan.steps.iter().filter(move |s| s.kind == kind);
        for s in of(Kind::Setting).filter(|s| s.action == Action::Update) {
            let (def, value) = &self.d.settings[s.entry.unwrap_or_default()];
            config::set_in(tx, self.actor, def, value, now)?;
        }
        for s in of(Kind::Provider).filter(|s| s.action != Action::Remove) {
            self.write_provider(s)?;
        }
        for s in of(Kind::Role).filter(|s| s.action != Action::Remove) {
            self.write_role(s)?;
        }
        self.write_users(plan, hashed)?;
        for s in of(Kind::Role).filter(|s| s.action == Action::Remove) {
            let role = changes::role_by_name(tx, &s.name)?;
            roles::delete_in(tx, self.actor, &role, now)?;
        }
        // Last, as roles are: a removed provider takes what is still linked through it.
        for s in of(Kind::Provider).filter(|s| s.action == Action::Remove) {
            sso::remove_in(tx, self.actor, &s.name, now)?;
        }
        let detail = serde_json::json!({
            "sha256": plan.sha256, "created": plan.create, "changed": plan.change,
            "adopted": plan.adopt, "removed": plan.remove,
        });
        let event = self.actor.event("apply.completed").on(&plan.owner);
        tx.append_audit(&event.with(detail), now)
    }

    fn write_provider(&self, s: &Step) -> Result<()> {
        let (tx, actor, now) = (self.tx, self.actor, self.now);
        let Some(p) = s.entry.map(|i| &self.d.providers[i]) else {
            return Ok(());
        };
        let have = tx.provider(&p.name)?;
        let row = declared_provider(have.as_ref(), p, now)?;
        match s.action {
            Action::Create => {
                sso::add_in(tx, actor, &row)?;
            }
            Action::Update | Action::Adopt => sso::change_in(tx, actor, &row, now)?,
            _ => return Ok(()),
        }
        tx.mark_provider(&self.d.owner, &p.name, now)
    }

    fn write_role(&self, s: &Step) -> Result<()> {
        let (tx, actor, now) = (self.tx, self.actor, self.now);
        let Some(r) = s.entry.map(|i| &self.d.roles[i]) else {
            return Ok(());
        };
        match s.action {
            Action::Create => {
                let perms = r.permissions.clone().unwrap_or_default();
                let description = r.description.as_deref().unwrap_or("");
                let id = roles::create_in(tx, actor, &r.name, description, &perms, now)?;
                tx.mark_role(&self.d.owner, id, now)
            }
            Action::Update | Action::Adopt => {
                let role = changes::role_by_name(tx, &r.name)?;
                if let Some(description) = &r.description {
                    roles::describe_in(tx, actor, &role, description, now)?;
                }
                if let Some(want) = &r.permissions {
                    let have = tx.role_permissions(role.id)?;
                    let add: Vec<String> =
                        want.iter().filter(|p| !have.contains(p)).cloned().collect();
                    let take: Vec<String> =
                        have.iter().filter(|p| !want.contains(p)).cloned().collect();
                    if !add.is_empty() {
                        roles::change_permissions_in(tx, actor, &role, &add, true, now)?;
                    }
                    if !take.is_empty() {
                        roles::change_permissions_in(tx, actor, &role, &take, false, now)?;
                    }
                }
                actor.require(crate::permissions::ROLES_MANAGE)?;
                tx.mark_role(&self.d.owner, role.id, now)
            }
            _ => Ok(()),
        }
    }

    fn write_users(&self, plan: &Plan, hashed: &import::Hashed) -> Result<()> {
        let (tx, actor, now) = (self.tx, self.actor, self.now);
        let steps: Vec<&Step> = plan
            .steps
            .iter()
            .filter(|s| s.kind == Kind::User && s.action.writes())
            .collect();
        if steps.is_empty() {
            return Ok(());
        }
        actor.require(USERS_MANAGE)?;
        let role_ids = self.authorise_grants(&steps)?;
        let by = ChangedBy::apply(actor);
        let mut writer = import::Writer::new(
            tx,
            actor,
            by,
            "user.created",
            self.policy,
            &role_ids,
            hashed,
            now,
        )?;
        let mut marks: Vec<(i64, &str)> = Vec::new();
        // (account id, entry) of the accounts whose identities change: once they all exist.
        let mut identity_changes: Vec<(i64, usize)> = Vec::new();
        for s in steps {
            let row = s.entry.map(|i| (i, &self.d.rows[i]));
            match (s.action, row) {
                (Action::Create, Some((i, row))) => {
                    if let Some(id) = writer.write(i, row, &import::Plan::Create)? {
                        marks.push((id, &row.email.canonical));
                        identity_changes.push((id, row.line));
                    }
                }
                (Action::Update | Action::Adopt, Some((i, row))) => {
                    let user = self.target(s)?;
                    writer.write(i, row, &import::Plan::Update(Box::new(user.clone())))?;
                    // A mark is written when it is new or names another address, not at
                    // every change.
                    let remark = s.action == Action::Adopt
                        || s.changes.iter().any(|c| c.field == DECLARED_AS);
                    if remark {
                        marks.push((user.id, &row.email.canonical));
                    }
                    if s.changes.iter().any(|c| c.field == IDENTITIES) {
                        identity_changes.push((user.id, row.line));
                    }
                }
                (Action::Remove, _) => {
                    writer.flush()?;
                    let user = self.target(s)?;
                    crate::accounts::users::delete_in(tx, by, &user, now)?;
                }
                _ => {}
            }
        }
        writer.flush()?;
        tx.mark_users(&self.d.owner, &marks, now)?;
        // Every unlink before any link: an identity may move from one account to another.
        for unlink in [true, false] {
            for (id, line) in &identity_changes {
                self.converge_identities(*id, *line, by, unlink)?;
            }
        }
        Ok(())
    }

    /// Unlinks (`unlink`) or links what makes the account's identities the declared ones.
    fn converge_identities(
        &self,
        id: i64,
        line: usize,
        by: ChangedBy<'_>,
        unlink: bool,
    ) -> Result<()> {
        let (tx, now) = (self.tx, self.now);
        let Some(want) = self.d.identities.get(&line) else {
            return Ok(());
        };
        let user = tx
            .user_by_id(id)?
            .ok_or_else(|| Error::internal("an account of the plan vanished"))?;
        let have: Vec<(String, String)> = tx
            .identities_of(id)?
            .into_iter()
            .map(|i| (i.provider, i.subject))
            .collect();
        if unlink {
            for (p, subject) in have.iter().filter(|h| !want.contains(h)) {
                sso::unlink_in(tx, by, &user, p, subject, now)?;
            }
        } else {
            for (p, subject) in want.iter().filter(|w| !have.contains(w)) {
                sso::link_in(tx, by, &user, p, subject, now)?;
            }
        }
        Ok(())
    }

    /// The no-escalation rule for the roles the plan gives, as `grant` checks it: each role an
    /// account does not hold yet (not the roles it keeps). Returns every role the rows name.
    fn authorise_grants(&self, steps: &[&Step]) -> Result<HashMap<String, crate::store::Role>> {
        let tx = self.tx;
        let mut roles = HashMap::new();
        let mut given = BTreeSet::new();
        for s in steps.iter().filter(|s| s.action != Action::Remove) {
            let Some(row) = s.entry.map(|i| &self.d.rows[i]) else {
                continue;
            };
            let held = match s.id {
                Some(id) => tx.user_role_names(id)?,
                None => Vec::new(),
            };
            for name in row.roles.iter().flatten() {
                if !roles.contains_key(name) {
                    roles.insert(name.clone(), changes::role_by_name(tx, name)?);
                }
                if !held.contains(name) {
                    given.insert(name.clone());
                }
            }
        }
        for name in &given {
            let perms = tx.role_permissions(roles[name].id)?;
            gate::require_can_give_role(self.actor, name, &perms)?;
        }
        Ok(roles)
    }

    /// The existing account of a step, and the actor's right to act on it.
    fn target(&self, s: &Step) -> Result<User> {
        let user =
            s.id.map(|id| self.tx.user_by_id(id))
                .transpose()?
                .flatten()
                .ok_or_else(|| Error::NotFound(format!("the account {} vanished", s.name)))?;
        gate::require_can_act_on(self.tx, self.actor, &user)?;
        Ok(user)
    }
}
