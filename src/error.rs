//! The one error type of the library: every failure a user can cause is a variant that knows its
//! exit code (README's table) and its stable JSON `code`. `anyhow` is not used inside the library.

use std::fmt;

/// Why an account cannot be used right now (exit 8); the JSON `code` names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unavailable {
    /// Too many failed logins; the RFC 3339 time the lock ends.
    Locked {
        until: String,
    },
    Disabled,
    EmailUnverified,
    RateLimited,
    /// The user must change the password set for them first.
    PasswordChangeRequired,
    /// The user must enrol a second factor first.
    MfaEnrolmentRequired,
    /// The account's validity ended (`users update --expires`).
    AccountExpired,
    /// The account's validity has not begun (`users update --valid-from`).
    NotYetValid,
}

impl Unavailable {
    fn code(&self) -> &'static str {
        match self {
            Unavailable::Locked { .. } => "locked",
            Unavailable::Disabled => "disabled",
            Unavailable::EmailUnverified => "email_unverified",
            Unavailable::RateLimited => "rate_limited",
            Unavailable::PasswordChangeRequired => "password_change_required",
            Unavailable::MfaEnrolmentRequired => "mfa_enrolment_required",
            Unavailable::AccountExpired => "account_expired",
            Unavailable::NotYetValid => "not_yet_valid",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad flags or values, a missing value with no terminal to ask on.
    #[error("{0}")]
    Usage(String),
    /// One message for a wrong email, a wrong password, or a wrong, expired or used code.
    #[error("{0}")]
    AuthFailed(String),
    #[error("{0}")]
    NotLoggedIn(String),
    /// A credential was presented and refused (a tampered or foreign session file; an unknown,
    /// revoked or expired token): exit 4 like `NotLoggedIn`, and a security event
    /// (`session.rejected` or `token.rejected`). `reason` names it in the audit log; `claimed`
    /// is the account it claimed, where known.
    #[error("{message}")]
    CredentialRejected {
        token: bool,
        reason: &'static str,
        claimed: Option<String>,
        message: String,
    },
    /// `rule` is the JSON code: which rule denied (e.g. `permission_denied`, `escalation`).
    #[error("{message}")]
    PermissionDenied { rule: &'static str, message: String },
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{message}")]
    Unavailable { why: Unavailable, message: String },
    #[error("{0}")]
    MailFailed(String),
    #[error("{0}")]
    Storage(String),
    #[error("{0}")]
    Policy(String),
    #[error("{0}")]
    Integrity(String),
    /// `apply --check`: the store differs from the declared state.
    #[error("{0}")]
    Drift(String),
    /// `doctor` found at least one problem; its report lists them.
    #[error("{0}")]
    Unhealthy(String),
    #[error("interrupted; nothing was changed")]
    Interrupted,
    /// Ctrl-C after this run had committed a change (a prompt that follows a write).
    #[error("interrupted; what was done before the prompt stays done")]
    InterruptedAfterChange,
    /// The reader of a streamed output closed it (`| head`): the command stops quietly, exit 0,
    /// as it would had the reader wanted no more.
    #[error("the output was closed")]
    OutputClosed,
    /// A bug or an unexpected system failure: exit 1, never a panic.
    #[error("{0}")]
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The message every failed credential check prints, so that none tells which part was wrong.
pub const AUTH_FAILED: &str = "wrong email or password";
/// The message every failed code check prints.
pub const CODE_FAILED: &str = "wrong, expired or already used code";

impl Error {
    pub fn usage(message: impl fmt::Display) -> Self {
        Error::Usage(message.to_string())
    }

    pub fn storage(message: impl fmt::Display) -> Self {
        Error::Storage(message.to_string())
    }

    pub fn internal(message: impl fmt::Display) -> Self {
        Error::Internal(message.to_string())
    }

    /// A failed write of streamed output: a closed pipe is [`Error::OutputClosed`].
    pub fn write_failed(what: &str, err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            Error::OutputClosed
        } else {
            Error::internal(format!("cannot write {what}: {err}"))
        }
    }

    pub fn auth_failed() -> Self {
        Error::AuthFailed(AUTH_FAILED.to_string())
    }

    pub fn code_failed() -> Self {
        Error::AuthFailed(CODE_FAILED.to_string())
    }

    pub fn denied(message: impl fmt::Display) -> Self {
        Error::PermissionDenied {
            rule: "permission_denied",
            message: message.to_string(),
        }
    }

    pub fn unavailable(why: Unavailable, message: impl fmt::Display) -> Self {
        Error::Unavailable {
            why,
            message: message.to_string(),
        }
    }

    /// The process exit status, as README's table of exit codes gives it.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Internal(_) => 1,
            Error::Usage(_) => 2,
            Error::AuthFailed(_) => 3,
            Error::NotLoggedIn(_) | Error::CredentialRejected { .. } => 4,
            Error::PermissionDenied { .. } => 5,
            Error::Conflict(_) => 6,
            Error::NotFound(_) => 7,
            Error::Unavailable { .. } => 8,
            Error::MailFailed(_) => 9,
            Error::Storage(_) => 10,
            Error::Policy(_) => 11,
            Error::Integrity(_) => 12,
            Error::Drift(_) => 13,
            Error::Unhealthy(_) => 14,
            Error::Interrupted | Error::InterruptedAfterChange => 130,
            Error::OutputClosed => 0,
        }
    }

    /// The stable machine-readable name of the failure, for `--json` error documents.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Internal(_) => "error",
            Error::Usage(_) => "usage",
            Error::AuthFailed(_) => "auth_failed",
            Error::NotLoggedIn(_) | Error::CredentialRejected { .. } => "not_logged_in",
            Error::PermissionDenied { rule, .. } => rule,
            Error::Conflict(_) => "conflict",
            Error::NotFound(_) => "not_found",
            Error::Unavailable { why, .. } => why.code(),
            Error::MailFailed(_) => "mail_failed",
            Error::Storage(_) => "storage",
            Error::Policy(_) => "policy",
            Error::Integrity(_) => "integrity",
            Error::Drift(_) => "drift",
            Error::Unhealthy(_) => "unhealthy",
            Error::Interrupted | Error::InterruptedAfterChange => "interrupted",
            Error::OutputClosed => "output_closed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_spec_table() {
        assert_eq!(Error::usage("x").exit_code(), 2);
        assert_eq!(Error::auth_failed().exit_code(), 3);
        assert_eq!(Error::NotLoggedIn("x".into()).exit_code(), 4);
        assert_eq!(Error::denied("x").exit_code(), 5);
        assert_eq!(
            Error::unavailable(Unavailable::RateLimited, "x").code(),
            "rate_limited"
        );
        assert_eq!(Error::Unhealthy("x".into()).exit_code(), 14);
        assert_eq!(Error::Unhealthy("x".into()).code(), "unhealthy");
        assert_eq!(Error::Interrupted.exit_code(), 130);
    }
}
