//! `authenticate --pam`: the store as a PAM backend through `pam_exec`. pam_exec passes only the
//! PAM environment (no HOME, no `USERADM_*`), so the database comes from `--db`; the user from
//! `PAM_USER` (an email, or a name that `--email-domain` completes); with `expose_authtok`, the
//! password on standard input (NUL-terminated or not). `PAM_TYPE=auth` checks the password,
//! `PAM_TYPE=account` the account (disabled, unverified where that is required, locked, owing a
//! password change). Every refusal is one exit code and prints nothing: pam_exec logs the code,
//! and two codes would tell a right password from a wrong one. An account with a second factor
//! is refused like a wrong password: PAM with expose_authtok carries one secret, and a
//! single-factor way around the second factor is not allowed.

use std::io::Read;

use crate::accounts::credentials;
use crate::clock;
use crate::commands::open;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::Report;
use crate::password::Password;
use crate::validate::{Email, parse_email};

const ALLOWED: u8 = 0;
const REFUSED: u8 = 1;

/// The longest password read from standard input (the policy's own cap is far below it).
const MAX_INPUT: u64 = 4096;

pub fn run(ctx: &Context, email_domain: Option<&str>) -> Report {
    let allowed = match std::env::var("PAM_TYPE").as_deref() {
        Ok("auth") => auth(ctx, email_domain),
        Ok("account") => account(ctx, email_domain),
        _ => Ok(false),
    };
    let mut report = Report::new(serde_json::Value::Null);
    report.exit = Some(if matches!(allowed, Ok(true)) {
        ALLOWED
    } else {
        REFUSED
    });
    report
}

/// The account PAM names.
fn pam_user(email_domain: Option<&str>) -> Result<Email> {
    let user = std::env::var("PAM_USER").map_err(|_| Error::usage("no PAM_USER"))?;
    let address = match email_domain {
        Some(domain) if !user.contains('@') => format!("{user}@{domain}"),
        _ => user,
    };
    parse_email(&address)
}

fn auth(ctx: &Context, email_domain: Option<&str>) -> Result<bool> {
    let mut input = Vec::new();
    std::io::stdin()
        .take(MAX_INPUT)
        .read_to_end(&mut input)
        .map_err(|e| Error::internal(e.to_string()))?;
    while input.last().is_some_and(|b| *b == 0 || *b == b'\n') {
        input.pop();
    }
    let password = String::from_utf8(input).map_err(|_| Error::auth_failed())?;
    let email = pam_user(email_domain)?;
    let mut opened = open(ctx)?;
    let mut no_second_factor = || Err(Error::auth_failed());
    credentials::authenticate(
        &mut opened.store,
        &opened.policy,
        &email,
        &Password::normalise(&password),
        &mut no_second_factor,
    )?;
    Ok(true)
}

fn account(ctx: &Context, email_domain: Option<&str>) -> Result<bool> {
    let email = pam_user(email_domain)?;
    let opened = open(ctx)?;
    let sql = opened.store.sql();
    let Some(user) = sql.user_by_email(&email.canonical)? else {
        return Ok(false);
    };
    let now = clock::now();
    let locked = sql
        .throttle(&user.email_canonical)?
        .locked_until
        .is_some_and(|t| t > now);
    let refused = credentials::account_refusal(&user, &opened.policy, true, now).is_some();
    Ok(!locked && !refused)
}
