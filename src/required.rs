//! Required actions: what a user owes before normal use, in the one order they are done. First
//! a password change (the password was set for them: by an administrator, or generated), then a
//! second factor (`mfa.required_roles`). Kept in one ordered list so that the two can never lock
//! each other out: a session that owes one may run only the command that performs the first
//! owed (and `whoami`, `logout`); anything else is exit 8 naming that command. Through an API
//! token nothing is owed: a token never carries a password, and is single-factor by design.

use serde::Serialize;

use crate::error::{Error, Result, Unavailable};
use crate::gate::{Actor, Via};
use crate::settings::Policy;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    ChangePassword,
    EnrolSecondFactor,
}

impl Action {
    /// The command that performs it.
    pub fn command(self) -> &'static str {
        match self {
            Action::ChangePassword => "useradm passwd",
            Action::EnrolSecondFactor => "useradm 2fa enable",
        }
    }

    fn refusal(self, email: &str) -> Error {
        let (why, what) = match self {
            Action::ChangePassword => (
                Unavailable::PasswordChangeRequired,
                "must change their password (it was set for them, or is older than password.max_age)",
            ),
            Action::EnrolSecondFactor => (
                Unavailable::MfaEnrolmentRequired,
                "needs a second factor (mfa.required_roles)",
            ),
        };
        Error::unavailable(
            why,
            format!("{email} {what}: run `{}` first", self.command()),
        )
    }
}

/// What the actor owes, in the order it is done.
pub fn owed(store: &Store, policy: &Policy, actor: &Actor) -> Result<Vec<Action>> {
    if matches!(actor.via, Via::Token(_)) {
        return Ok(Vec::new());
    }
    // A single sign-on session owes no password change (it used none), and its provider's
    // second factor counts where the provider is trusted with it.
    let sso = match &actor.via {
        Via::Session(s) => s.idp.is_some().then_some(s.idp_mfa),
        Via::Token(_) => None,
    };
    let mut owed = Vec::new();
    if sso.is_none()
        && actor
            .user
            .owes_password_change(policy.password_max_age, crate::clock::now())
    {
        owed.push(Action::ChangePassword);
    }
    if policy.requires_second_factor(&actor.roles) && sso != Some(true) {
        let enrolled = store
            .sql()
            .totp(actor.user.id)?
            .is_some_and(|t| t.confirmed_at.is_some());
        if !enrolled {
            owed.push(Action::EnrolSecondFactor);
        }
    }
    Ok(owed)
}

/// Exit 8 unless the actor owes nothing, or the first thing owed is what this command performs.
pub fn refuse_unless(
    store: &Store,
    policy: &Policy,
    actor: &Actor,
    performs: Option<Action>,
) -> Result<()> {
    match owed(store, policy, actor)?.first() {
        Some(first) if Some(*first) != performs => Err(first.refusal(&actor.user.email)),
        _ => Ok(()),
    }
}
