//! `init`: create or migrate the database, and optionally the first administrator.

use std::path::Path;

use crate::accounts::UserView;
use crate::clock;
use crate::crypto;
use crate::error::{Error, Result};
use crate::password::NewPassword;
use crate::settings::Policy;
use crate::store::{AuditEvent, InitOutcome, NewUser, Sharing, Store};
use crate::validate::Email;

/// Resolves `--group NAME` to a group id.
pub fn group_sharing(name: Option<&str>) -> Result<Sharing> {
    let Some(name) = name else {
        return Ok(Sharing { gid: None });
    };
    match nix::unistd::Group::from_name(name) {
        Ok(Some(g)) => Ok(Sharing {
            gid: Some(g.gid.as_raw()),
        }),
        Ok(None) => Err(Error::usage(format!("no group named {name:?}"))),
        Err(e) => Err(Error::usage(format!(
            "cannot look up the group {name:?}: {e}"
        ))),
    }
}

pub fn init_database(path: &Path, sharing: Sharing) -> Result<(Store, InitOutcome)> {
    Store::init(path, sharing)
}

/// True once an administrator exists (then `init --admin` is a conflict, or a no-op with
/// `--exists-ok`).
pub fn admin_exists(store: &Store) -> Result<bool> {
    store.sql().admin_exists()
}

/// Creates the first administrator: verified, role `admin`.
pub fn create_admin(
    store: &mut Store,
    policy: &Policy,
    email: &Email,
    password: &NewPassword,
) -> Result<UserView> {
    let phc = crypto::hash_secret(password.password().as_bytes(), policy.hash_cost)?;
    let now = clock::now();
    let id = store.write(|tx| {
        if tx.admin_exists()? {
            return Err(Error::Conflict("an administrator already exists".into()));
        }
        let id = tx.insert_user(
            &NewUser {
                email: &email.address,
                email_canonical: &email.canonical,
                first_name: "",
                last_name: "",
                attributes: "{}",
                password_hash: Some(&phc),
                verified: true,
            },
            now,
        )?;
        let admin = tx
            .role_by_name(crate::store::ADMIN_ROLE)?
            .ok_or_else(|| Error::internal("the built-in admin role is missing"))?;
        tx.grant_role(id, admin.id, now)?;
        tx.append_audit(
            &AuditEvent {
                event: "user.registered",
                actor_id: Some(id),
                actor: Some(email.address.clone()),
                target: Some(email.address.clone()),
                detail: serde_json::json!({ "roles": ["admin"], "verified": true, "by": "init" }),
            },
            now,
        )?;
        Ok(id)
    })?;
    let sql = store.sql();
    let user = sql
        .user_by_id(id)?
        .ok_or_else(|| Error::internal("the new administrator vanished"))?;
    UserView::load(&sql, &user)
}
