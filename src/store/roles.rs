//! The `roles`, `role_permissions` and `user_roles` tables.

use super::engine::{Row, params};
use super::{Sql, Status, Tx};
use crate::error::{Error, Result};

#[derive(Debug, Clone)]
pub struct Role {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub builtin: bool,
}

/// A role with its permissions and how many users hold it, for `roles list|show`.
#[derive(Debug, Clone)]
pub struct RoleSummary {
    pub role: Role,
    pub permissions: Vec<String>,
    pub users: i64,
}

/// The built-in role that holds every permission.
pub const ADMIN_ROLE: &str = "admin";

pub(super) const BY_NAME: &str = "SELECT id, name, description, builtin FROM roles WHERE name = ?1";
pub(super) const HOLDERS: &str =
    "SELECT user_id FROM user_roles WHERE role_id = ?1 ORDER BY user_id";
/// A role without permissions comes back once, with a NULL permission.
pub(super) const HOLDINGS_OF_USER: &str = "SELECT r.name, rp.permission FROM user_roles ur
   JOIN roles r ON r.id = ur.role_id
   LEFT JOIN role_permissions rp ON rp.role_id = r.id
  WHERE ur.user_id = ?1 ORDER BY r.name, rp.permission";
pub(super) const ROLE_NAMES_OF_USER: &str = "SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ?1 ORDER BY r.name";

/// What a user holds: role names (sorted) and (role, permission) pairs.
#[derive(Debug, Clone, Default)]
pub struct Holdings {
    pub roles: Vec<String>,
    pub grants: Vec<(String, String)>,
}

fn role_from(r: &Row<'_, '_>) -> Result<Role> {
    Ok(Role {
        id: r.int(0)?,
        name: r.text(1)?,
        description: r.text(2)?,
        builtin: r.flag(3)?,
    })
}

impl Sql<'_> {
    pub fn roles(&self) -> Result<Vec<RoleSummary>> {
        let roles = self.all(
            "SELECT r.id, r.name, r.description, r.builtin,
                    (SELECT count(*) FROM user_roles ur WHERE ur.role_id = r.id)
               FROM roles r ORDER BY r.name",
            &[],
            |r| Ok((role_from(r)?, r.int(4)?)),
        )?;
        roles
            .into_iter()
            .map(|(role, users)| {
                Ok(RoleSummary {
                    permissions: self.role_permissions(role.id)?,
                    role,
                    users,
                })
            })
            .collect()
    }

    /// Every holder of a role.
    pub fn role_holders(&self, role_id: i64) -> Result<Vec<i64>> {
        self.all(HOLDERS, params![role_id], |r| r.int(0))
    }

    /// How many active accounts hold the built-in admin role.
    pub fn active_admins(&self) -> Result<i64> {
        self.one(
            "SELECT count(*) FROM user_roles ur JOIN roles r ON r.id = ur.role_id JOIN users u ON u.id = ur.user_id
              WHERE r.name = ?1 AND u.status = ?2",
            params![ADMIN_ROLE, Status::Active],
            |r| r.int(0),
        )
    }

    pub fn role_by_name(&self, name: &str) -> Result<Option<Role>> {
        self.first(BY_NAME, params![name], role_from)
    }

    pub fn user_role_names(&self, user_id: i64) -> Result<Vec<String>> {
        self.all(ROLE_NAMES_OF_USER, params![user_id], |r| r.text(0))
    }

    /// The roles a user holds and what they grant, in one statement (one round trip on a
    /// server) for the gate and `check`.
    pub fn user_holdings(&self, user_id: i64) -> Result<Holdings> {
        let mut held = Holdings::default();
        self.each(HOLDINGS_OF_USER, params![user_id], &mut |r| {
            let role = r.text(0)?;
            if held.roles.last() != Some(&role) {
                held.roles.push(role.clone());
            }
            if let Some(permission) = r.opt_text(1)? {
                held.grants.push((role, permission));
            }
            Ok(())
        })?;
        Ok(held)
    }

    pub fn role_permissions(&self, role_id: i64) -> Result<Vec<String>> {
        self.all(
            "SELECT permission FROM role_permissions WHERE role_id = ?1 ORDER BY permission",
            params![role_id],
            |r| r.text(0),
        )
    }

    /// True once any account, active or not, holds the built-in admin role.
    pub fn admin_exists(&self) -> Result<bool> {
        self.one(
            "SELECT EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.name = ?1)",
            params![ADMIN_ROLE],
            |r| r.flag(0),
        )
    }
}

impl Tx<'_> {
    /// Gives a role; `false` when the user already held it.
    pub fn grant_role(&self, user_id: i64, role_id: i64, now: i64) -> Result<bool> {
        let n = self.exec(
            "INSERT INTO user_roles (user_id, role_id, granted_at) VALUES (?1, ?2, ?3)
             ON CONFLICT DO NOTHING",
            params![user_id, role_id, now],
        )?;
        Ok(n == 1)
    }

    /// Takes a role; `false` when the user did not hold it.
    pub fn revoke_role(&self, user_id: i64, role_id: i64) -> Result<bool> {
        let n = self.exec(
            "DELETE FROM user_roles WHERE user_id = ?1 AND role_id = ?2",
            params![user_id, role_id],
        )?;
        Ok(n == 1)
    }

    /// Creates a role; an existing name is a conflict.
    pub fn create_role(&self, name: &str, description: &str, now: i64) -> Result<i64> {
        self.first_unique(
            "INSERT INTO roles (name, description, builtin, created_at) VALUES (?1, ?2, 0, ?3)
             RETURNING id",
            params![name, description, now],
            |r| r.int(0),
        )?
        .ok_or_else(|| Error::Conflict(format!("the role {name} already exists")))
    }

    pub fn delete_role(&self, role_id: i64) -> Result<()> {
        self.exec(
            "DELETE FROM roles WHERE id = ?1 AND builtin = 0",
            params![role_id],
        )?;
        Ok(())
    }

    /// Adds a permission to a role; `false` when it was there.
    pub fn allow(&self, role_id: i64, permission: &str) -> Result<bool> {
        Ok(self.exec(
            "INSERT INTO role_permissions (role_id, permission) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            params![role_id, permission],
        )? == 1)
    }

    /// Removes a permission from a role; `false` when it was not there.
    pub fn deny(&self, role_id: i64, permission: &str) -> Result<bool> {
        Ok(self.exec(
            "DELETE FROM role_permissions WHERE role_id = ?1 AND permission = ?2",
            params![role_id, permission],
        )? == 1)
    }

    pub(super) fn seed_builtin_roles(&self, now: i64) -> Result<()> {
        self.exec(
            "INSERT INTO roles (name, description, builtin, created_at) VALUES (?1, ?2, 1, ?3)
             ON CONFLICT DO NOTHING",
            params![ADMIN_ROLE, "every permission (built in)", now],
        )?;
        self.exec(
            "INSERT INTO role_permissions (role_id, permission)
             SELECT id, '*' FROM roles WHERE name = ?1 ON CONFLICT DO NOTHING",
            params![ADMIN_ROLE],
        )?;
        Ok(())
    }
}
