//! Permission names and wildcard matching (README, "Roles, permissions and the gate"): dotted
//! lowercase names, a trailing `*` segment covers everything below it, `*` alone covers
//! everything.

use crate::error::{Error, Result};

/// The permissions the tool checks itself.
pub const USERS_READ: &str = "users.read";
pub const USERS_MANAGE: &str = "users.manage";
pub const ROLES_MANAGE: &str = "roles.manage";
pub const ROLES_GRANT: &str = "roles.grant";
pub const SESSIONS_MANAGE: &str = "sessions.manage";
pub const AUDIT_READ: &str = "audit.read";
pub const SETTINGS_MANAGE: &str = "settings.manage";
/// Reading the policy settings (`config list|get`, `apply --check` of settings).
pub const SETTINGS_READ: &str = "settings.read";

/// True when `held` (possibly a wildcard) covers `wanted` (a name or a wildcard itself).
pub fn covers(held: &str, wanted: &str) -> bool {
    held == "*"
        || held == wanted
        || held
            .strip_suffix('*')
            .is_some_and(|prefix| prefix.ends_with('.') && wanted.starts_with(prefix))
}

/// Whether a permission hands over the store: `*`, or one that covers making roles or changing
/// the policy (`roles.manage`, `settings.manage`), with which the holder can give themselves
/// anything. Giving or allowing one needs a fresh proof of the password (`gate::require_step_up`).
pub fn hands_over_everything(permission: &str) -> bool {
    [ROLES_MANAGE, SETTINGS_MANAGE, "*"]
        .iter()
        .any(|p| covers(permission, p))
}

/// Checks the syntax: `reports.read`, `deploy.*`, `*`.
pub fn validate(name: &str) -> Result<()> {
    let segments: Vec<&str> = name.split('.').collect();
    let last = segments.len() - 1;
    let ok = name.len() <= 128
        && segments.iter().enumerate().all(|(i, s)| {
            (*s == "*" && i == last)
                || (!s.is_empty()
                    && s.bytes().all(|b| {
                        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-'
                    }))
        });
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "invalid permission {:?}: dotted lowercase names such as reports.read, with an optional trailing .*",
            name.chars().take(60).collect::<String>()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_cover_what_is_below_them() {
        assert!(covers("*", "users.read"));
        assert!(covers("users.*", "users.read"));
        assert!(covers("users.*", "users.admin.x"));
        assert!(covers("users.*", "users.*"));
        assert!(!covers("users.*", "usersx.read"));
        assert!(!covers("users.*", "*"));
        assert!(!covers("users.read", "users.manage"));
        assert!(covers("users.read", "users.read"));
    }

    #[test]
    fn permission_syntax() {
        for ok in ["*", "users.read", "deploy.*", "a-b.c_d.9"] {
            validate(ok).unwrap();
        }
        for bad in [
            "",
            "Users.read",
            "users..read",
            "users.*.read",
            "users.re ad",
            "users.",
            "x*",
        ] {
            assert!(validate(bad).is_err(), "{bad}");
        }
    }
}
