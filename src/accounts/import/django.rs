//! `import --from-django`: a Django site's users as import rows. Groups become roles, superusers
//! administrators, inactive users disabled accounts; the hashes are kept as they are.

use std::collections::HashSet;

use super::{LineError, RawRow};
use crate::error::Result;
use crate::store::{ADMIN_ROLE, Status};

/// Makes a Django group name a valid role name (`Site Editors` → `site-editors`).
pub fn role_name_from_group(group: &str) -> String {
    let mut name: String = group
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() || "_-.".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    name.truncate(57);
    match name.as_str() {
        "" => "group".into(),
        // A group is not the built-in role: only `is_superuser` makes an administrator.
        ADMIN_ROLE => format!("django-{name}"),
        _ => name,
    }
}

/// Rows from a Django database: `auth_user` (with allauth's `account_emailaddress` for the
/// verified flag), groups as roles, superusers as admins, inactive users disabled.
pub fn rows(path: &std::path::Path) -> Result<(Vec<RawRow>, Vec<LineError>)> {
    let users = crate::store::django::read_users(path)?;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashSet<i64> = HashSet::new();
    for u in users {
        if !seen.insert(u.id) {
            continue;
        }
        let line = usize::try_from(u.id).unwrap_or(0);
        if u.email.trim().is_empty() {
            errors.push(LineError {
                line,
                message: format!("Django user {:?} (id {}) has no email", u.username, u.id),
            });
            continue;
        }
        let mut roles: Vec<String> = u.groups.iter().map(|g| role_name_from_group(g)).collect();
        if u.is_superuser {
            roles.push(ADMIN_ROLE.to_string());
        }
        roles.sort();
        roles.dedup();
        let mut attributes = serde_json::Map::new();
        attributes.insert("django_username".into(), u.username.clone().into());
        if u.is_staff {
            attributes.insert("django_is_staff".into(), "true".into());
        }
        let status = if u.is_active {
            Status::Active
        } else {
            Status::Disabled
        };
        rows.push(RawRow {
            line,
            email: Some(u.email),
            first_name: Some(u.first_name),
            last_name: Some(u.last_name),
            attributes: Some(attributes),
            roles: Some(roles),
            verified: Some(u.verified),
            // Django marks unusable passwords with a leading "!": they get none here either.
            password_hash: (!u.password.is_empty() && !u.password.starts_with('!'))
                .then_some(u.password),
            password: None,
            status: Some(status.as_str().to_string()),
            ..RawRow::default()
        });
    }
    Ok((rows, errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn django_groups_never_become_the_builtin_admin() {
        assert_eq!(role_name_from_group("Admin"), "django-admin");
        assert_eq!(role_name_from_group("Site Editors"), "site-editors");
        assert_eq!(role_name_from_group(""), "group");
    }
}
