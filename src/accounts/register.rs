//! `register`: a new account, and the code that verifies its email address.

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
    if crate::accounts::mfa::must_enrol(store, policy, &actor.user)? {
        return Err(Error::PermissionDenied {
            rule: "mfa_required",
            message: format!(
                "{} holds a role that needs a second factor: run `useradm 2fa enable` first",
                actor.user.email
            ),
        });
    }
    let sql = store.sql();
    let mut given = Vec::new();
    for name in roles {
        let role = sql
            .role_by_name(name)?
            .ok_or_else(|| Error::NotFound(format!("no role named {name:?}")))?;
        given.extend(sql.role_permissions(role.id)?);
    }
    gate::require_can_give(actor, &given)
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
            let role = tx
                .role_by_name(name)?
                .ok_or_else(|| Error::NotFound(format!("no role named {name:?}")))?;
            tx.grant_role(id, role.id, now)?;
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
        let (actor_id, actor_email) = actor.map(Actor::audit_actor).unwrap_or_default();
        tx.append_audit(
            &AuditEvent {
                actor_id: actor_id.or(Some(id)),
                actor: actor_email.or_else(|| Some(reg.email.address.clone())),
                event: "user.registered",
                target: Some(reg.email.address.clone()),
                detail: serde_json::json!({ "roles": reg.roles, "verified": reg.verified }),
            },
            now,
        )?;
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
    let user = {
        let sql = store.sql();
        let row = sql
            .user_by_id(id)?
            .ok_or_else(|| Error::internal("the new account vanished"))?;
        UserView::load(&sql, &row)?
    };
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
        store.write(|tx| {
            tx.append_audit(
                &AuditEvent {
                    event: "mail.undeliverable",
                    target: Some(email.address.clone()),
                    detail,
                    ..AuditEvent::system()
                },
                clock::now(),
            )
        })?;
    }
    sent.map_err(|e| {
        Error::MailFailed(format!(
            "{e}. {state}; send a new code with `useradm verify --resend --email {}`",
            email.address
        ))
    })
}
