//! Completions that know the store (clap_complete's dynamic completion, `COMPLETE=bash useradm`):
//! emails, the roles the actor may give, setting keys, the actor's own sessions. Each reads the
//! database the command would use (from the environment and the defaults: a completer cannot see
//! a `--db` earlier on the line), passes the same gate as the listing would, writes nothing at all
//! (no session touched, no audit or syslog event), and offers nothing on any error.

use std::ffi::OsStr;

use clap_complete::engine::CompletionCandidate;

use crate::cli::{ColorChoice, GlobalArgs};
use crate::context::Context;
use crate::gate::{self, Actor};
use crate::permissions::USERS_READ;
use crate::settings::{DEFINITIONS, Policy};
use crate::store::Store;

/// The most candidates offered: a prefix narrows the rest.
const LIMIT: i64 = 100;

/// The store and the actor of a TAB, read without writing; `None` on any error.
fn reader() -> Option<(Store, Actor)> {
    let global = GlobalArgs {
        db: None,
        json: false,
        quiet: true,
        no_input: true,
        color: ColorChoice::Never,
    };
    let ctx = Context::from_args(&global).ok()?;
    let store = Store::open(&ctx.db).ok()?;
    let policy = Policy::from_rows(&store.sql().settings_rows().ok()?);
    let credential = ctx.credential(store.database_id());
    let actor = gate::peek_actor(&store, &policy, &credential).ok()?;
    // An actor who owes an action may list nothing, as the listings refuse them.
    crate::required::refuse_unless(&store, &policy, &actor, None).ok()?;
    Some((store, actor))
}

fn typed(current: &OsStr) -> String {
    current.to_string_lossy().into_owned()
}

/// Addresses starting with what was typed (needs `users.read`).
pub fn emails(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some((store, actor)) = reader() else {
        return Vec::new();
    };
    if !actor.has(USERS_READ) {
        return Vec::new();
    }
    let prefix = typed(current).to_lowercase();
    store
        .sql()
        .emails_starting(&prefix, LIMIT)
        .unwrap_or_default()
        .into_iter()
        .map(CompletionCandidate::new)
        .collect()
}

/// The roles the actor may give (each held, or `roles.manage`, and every permission of it).
pub fn grantable_roles(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some((store, actor)) = reader() else {
        return Vec::new();
    };
    let prefix = typed(current);
    store
        .sql()
        .roles()
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.role.name.starts_with(&prefix))
        .filter(|r| gate::require_can_give_role(&actor, &r.role.name, &r.permissions).is_ok())
        .take(LIMIT as usize)
        .map(|r| CompletionCandidate::new(r.role.name).help(Some(r.role.description.into())))
        .collect()
}

/// Setting keys, with what each is for (they are documented; no store is read).
pub fn setting_keys(current: &OsStr) -> Vec<CompletionCandidate> {
    let prefix = typed(current);
    DEFINITIONS
        .iter()
        .filter(|d| d.key.starts_with(&prefix))
        .map(|d| CompletionCandidate::new(d.key).help(Some(d.help.into())))
        .collect()
}

/// The actor's own sessions.
pub fn own_sessions(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some((store, actor)) = reader() else {
        return Vec::new();
    };
    let prefix = typed(current);
    store
        .sql()
        .sessions(Some(actor.user.id))
        .unwrap_or_default()
        .into_iter()
        .filter(|s| s.session.id.starts_with(&prefix))
        .take(LIMIT as usize)
        .map(|s| CompletionCandidate::new(s.session.id))
        .collect()
}
