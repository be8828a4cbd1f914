//! `init`: create or migrate the database, and optionally the first administrator.

use crate::accounts::UserView;
use crate::accounts::changes::role_by_name;
use crate::clock;
use crate::crypto;
use crate::error::{Error, Result};
use crate::files::Sharing;
use crate::password::NewPassword;
use crate::settings::Policy;
use crate::store::{ADMIN_ROLE, AuditEvent, Database, InitOutcome, NewUser, Store};
use crate::validate::Email;

pub fn init_database(db: &Database, sharing: Sharing) -> Result<(Store, InitOutcome)> {
    Store::init(db, sharing)
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
        tx.grant_role(id, role_by_name(tx, ADMIN_ROLE)?.id, now)?;
        let event = AuditEvent::new("user.registered")
            .by(id, &email.address)
            .on(&email.address)
            .with(serde_json::json!({ "roles": [ADMIN_ROLE], "verified": true, "by": "init" }));
        tx.append_audit(&event, now)?;
        Ok(id)
    })?;
    UserView::reload(&store.sql(), id)
}
