//! `register`: a new account, and the code that verifies its email address.

use crate::accounts::changes::role_by_name;
use crate::accounts::{PreparedCode, UserView, prepare_code};
use crate::clock;
use crate::codes::Purpose;
use crate::crypto;
use crate::error::{Error, Result};
use crate::gate::{self, Actor};
use crate::mail::{self, CodeMail, Delivery, MailConfig};
use crate::password::NewPassword;
use crate::permissions::USERS_MANAGE;
use crate::settings::Policy;
use crate::store::{AuditEvent, NewUser, Store};
use crate::validate::Email;

#[derive(Debug)]
pub struct Registration {
    pub email: Email,
    pub first_name: String,
    pub last_name: String,
    pub attributes: serde_json::Map<String, serde_json::Value>,
    pub password: NewPassword,
    pub roles: Vec<String>,
    pub verified: bool,
    pub exists_ok: bool,
}

#[derive(Debug)]
pub enum Registered {
    Created {
        user: UserView,
        /// `None` when no code was due (`--verified`); the send result otherwise.
        mail: Option<Result<Delivery>>,
    },
    /// `--exists-ok` and the email was taken: nothing changed.
    Existed { user: UserView },
}

/// Checks, before any hashing, that `actor` may register with these options.
pub fn authorise(
    store: &Store,
    policy: &Policy,
    actor: Option<&Actor>,
    roles: &[String],
    verified: bool,
) -> Result<()> {
    let needs_manager = !roles.is_empty() || verified || !policy.registration_open;
    if !needs_manager {
        return Ok(());
    }
    let actor = actor.ok_or_else(|| {
        let what = if policy.registration_open {
            "--role and --verified need"
        } else {
            "registration is closed; it needs"
        };
        Error::NotLoggedIn(format!(
            "{what} a logged-in user with {USERS_MANAGE}: run `useradm login`"
        ))
    })?;
    actor.require(USERS_MANAGE)?;
    crate::required::refuse_unless(store, policy, actor, None)?;
    let sql = store.sql();
    for name in roles {
        let role = role_by_name(&sql, name)?;
        gate::require_can_give_role(actor, &role.name, &sql.role_permissions(role.id)?)?;
    }
    Ok(())
}

/// Whether the email is already taken, checked before the password is hashed.
pub fn existing(store: &Store, email: &Email) -> Result<Option<UserView>> {
    let sql = store.sql();
    sql.user_by_email(&email.canonical)?
        .map(|u| UserView::load(&sql, &u))
        .transpose()
}

pub fn register(
    store: &mut Store,
    policy: &Policy,
    mail_config: Option<&MailConfig>,
    actor: Option<&Actor>,
    reg: &Registration,
) -> Result<Registered> {
    authorise(store, policy, actor, &reg.roles, reg.verified)?;
    if let Some(user) = existing(store, &reg.email)? {
        return exists(reg, user);
    }
    let phc = crypto::hash_secret(reg.password.password().as_bytes(), policy.hash_cost)?;
    let code: Option<PreparedCode> = if reg.verified {
        None
    } else {
        Some(prepare_code(policy)?)
    };
    let attributes = serde_json::Value::Object(reg.attributes.clone()).to_string();
    let now = clock::now();
    let inserted = store.write(|tx| {
        let id = tx.insert_user(
            &NewUser {
                email: &reg.email.address,
                email_canonical: &reg.email.canonical,
                first_name: &reg.first_name,
                last_name: &reg.last_name,
                attributes: &attributes,
                password_hash: Some(&phc),
                verified: reg.verified,
            },
            now,
        )?;
        for name in &reg.roles {
            tx.grant_role(id, role_by_name(tx, name)?.id, now)?;
        }
        if let Some(code) = &code {
            tx.insert_code(
                id,
                Purpose::Verify,
                &code.hash,
                &reg.email.canonical,
                now,
                policy.code_ttl,
            )?;
        }
        // Without an actor, the new user registered themselves.
        let event = match actor {
            Some(actor) => actor.event("user.registered"),
            None => AuditEvent::new("user.registered").by(id, &reg.email.address),
        };
        let detail = serde_json::json!({ "roles": reg.roles, "verified": reg.verified });
        tx.append_audit(&event.on(&reg.email.address).with(detail), now)?;
        Ok(id)
    });
    let id = match inserted {
        Err(Error::Conflict(_)) => match existing(store, &reg.email)? {
            Some(user) => return exists(reg, user),
            None => {
                return Err(Error::Conflict(format!(
                    "{} was registered at the same time",
                    reg.email.address
                )));
            }
        },
        other => other?,
    };
    let user = UserView::reload(&store.sql(), id)?;
    let mail = match (&code, mail_config) {
        (Some(code), Some(cfg)) => Some(send_verification(
            store,
            cfg,
            &reg.email,
            &code.code,
            policy.code_ttl,
            "The account was created",
        )),
        _ => None,
    };
    Ok(Registered::Created { user, mail })
}

fn exists(reg: &Registration, user: UserView) -> Result<Registered> {
    if reg.exists_ok {
        Ok(Registered::Existed { user })
    } else {
        Err(Error::Conflict(format!(
            "an account with email {} already exists",
            user.email
        )))
    }
}

/// Sends a verification code; a failure is recorded in the audit log and returned.
pub(crate) fn send_verification(
    store: &mut Store,
    cfg: &MailConfig,
    email: &Email,
    code: &str,
    ttl: i64,
    state: &str,
) -> Result<Delivery> {
    let sent = mail::send_code(
        cfg,
        &CodeMail {
            to: &email.address,
            purpose: Purpose::Verify,
            code,
            ttl_secs: ttl,
        },
    );
    if let Err(e) = &sent {
        let detail = serde_json::json!({ "purpose": "verify", "error": e.to_string() });
        let event = AuditEvent::new("mail.undeliverable")
            .on(&email.address)
            .with(detail);
        store.write(|tx| tx.append_audit(&event, clock::now()))?;
    }
    sent.map_err(|e| {
        Error::MailFailed(format!(
            "{e}. {state}; send a new code with `useradm verify --resend --email {}`",
            email.address
        ))
    })
}
