//! The `roles`, `role_permissions` and `user_roles` tables.

use rusqlite::{OptionalExtension, params};

use super::{Sql, Status, Tx};
use crate::error::Result;

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
pub(super) const GRANTS_OF_USER: &str = "SELECT r.name, rp.permission FROM user_roles ur
   JOIN roles r ON r.id = ur.role_id
   JOIN role_permissions rp ON rp.role_id = r.id
  WHERE ur.user_id = ?1 ORDER BY r.name, rp.permission";
pub(super) const ROLE_NAMES_OF_USER: &str = "SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ?1 ORDER BY r.name";

impl Sql<'_> {
    pub fn roles(&self) -> Result<Vec<RoleSummary>> {
        let mut st = self.conn.prepare_cached(
            "SELECT r.id, r.name, r.description, r.builtin,
                    (SELECT count(*) FROM user_roles ur WHERE ur.role_id = r.id)
               FROM roles r ORDER BY r.name",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                Role {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    description: r.get(2)?,
                    builtin: r.get(3)?,
                },
                r.get(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (role, users) = row?;
            out.push(RoleSummary {
                permissions: self.role_permissions(role.id)?,
                role,
                users,
            });
        }
        Ok(out)
    }

    /// Every holder of a role.
    pub fn role_holders(&self, role_id: i64) -> Result<Vec<i64>> {
        let mut st = self.conn.prepare_cached(HOLDERS)?;
        let rows = st.query_map([role_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many active accounts hold the built-in admin role.
    pub fn active_admins(&self) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM user_roles ur JOIN roles r ON r.id = ur.role_id JOIN users u ON u.id = ur.user_id
                  WHERE r.name = ?1 AND u.status = ?2",
            )?
            .query_row(params![ADMIN_ROLE, Status::Active], |r| r.get(0))?)
    }

    pub fn role_by_name(&self, name: &str) -> Result<Option<Role>> {
        Ok(self
            .conn
            .prepare_cached(BY_NAME)?
            .query_row([name], |r| {
                Ok(Role {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    description: r.get(2)?,
                    builtin: r.get(3)?,
                })
            })
            .optional()?)
    }

    pub fn user_role_names(&self, user_id: i64) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached(ROLE_NAMES_OF_USER)?;
        let rows = st.query_map([user_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every (role, permission) pair the user holds, for the gate and `check --explain`.
    pub fn user_grants(&self, user_id: i64) -> Result<Vec<(String, String)>> {
        let mut st = self.conn.prepare_cached(GRANTS_OF_USER)?;
        let rows = st.query_map([user_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn role_permissions(&self, role_id: i64) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached(
            "SELECT permission FROM role_permissions WHERE role_id = ?1 ORDER BY permission",
        )?;
        let rows = st.query_map([role_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// True once any account, active or not, holds the built-in admin role.
    pub fn admin_exists(&self) -> Result<bool> {
        Ok(self.conn.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.name = ?1)",
        )?
        .query_row([ADMIN_ROLE], |r| r.get(0))?)
    }
}

impl Tx<'_> {
    /// Gives a role; `false` when the user already held it.
    pub fn grant_role(&self, user_id: i64, role_id: i64, now: i64) -> Result<bool> {
        let n = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO user_roles (user_id, role_id, granted_at) VALUES (?1, ?2, ?3)")?
            .execute(params![user_id, role_id, now])?;
        Ok(n == 1)
    }

    /// Takes a role; `false` when the user did not hold it.
    pub fn revoke_role(&self, user_id: i64, role_id: i64) -> Result<bool> {
        let n = self
            .conn
            .prepare_cached("DELETE FROM user_roles WHERE user_id = ?1 AND role_id = ?2")?
            .execute(params![user_id, role_id])?;
        Ok(n == 1)
    }

    /// Creates a role; an existing name is a conflict.
    pub fn create_role(&self, name: &str, description: &str, now: i64) -> Result<i64> {
        let done = self
            .conn
            .prepare_cached(
                "INSERT INTO roles (name, description, builtin, created_at) VALUES (?1, ?2, 0, ?3)",
            )?
            .execute(params![name, description, now]);
        match done {
            Ok(_) => Ok(self.conn.last_insert_rowid()),
            Err(e) if super::is_unique_violation(&e) => Err(crate::error::Error::Conflict(
                format!("the role {name} already exists"),
            )),
            Err(e) => Err(e.into()),
        }
    }

    pub fn delete_role(&self, role_id: i64) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM roles WHERE id = ?1 AND builtin = 0")?
            .execute([role_id])?;
        Ok(())
    }

    /// Adds a permission to a role; `false` when it was there.
    pub fn allow(&self, role_id: i64, permission: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO role_permissions (role_id, permission) VALUES (?1, ?2)",
            )?
            .execute(params![role_id, permission])?
            == 1)
    }

    /// Removes a permission from a role; `false` when it was not there.
    pub fn deny(&self, role_id: i64, permission: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("DELETE FROM role_permissions WHERE role_id = ?1 AND permission = ?2")?
            .execute(params![role_id, permission])?
            == 1)
    }

    pub(super) fn seed_builtin_roles(&self, now: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT OR IGNORE INTO roles (name, description, builtin, created_at) VALUES (?1, ?2, 1, ?3)",
            )?
            .execute(params![ADMIN_ROLE, "every permission (built in)", now])?;
        self.conn
            .prepare_cached(
                "INSERT OR IGNORE INTO role_permissions (role_id, permission)
                 SELECT id, '*' FROM roles WHERE name = ?1",
            )?
            .execute([ADMIN_ROLE])?;
        Ok(())
    }
}
