//! The `roles`, `role_permissions` and `user_roles` tables.

use rusqlite::{OptionalExtension, params};

use super::{Sql, Tx};
use crate::error::Result;

#[derive(Debug, Clone)]
pub struct Role {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub builtin: bool,
}

/// The built-in role that holds every permission.
pub const ADMIN_ROLE: &str = "admin";

impl Sql<'_> {
    pub fn role_by_name(&self, name: &str) -> Result<Option<Role>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id, name, description, builtin FROM roles WHERE name = ?1")?
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
        let mut st = self.conn.prepare_cached(
            "SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ?1 ORDER BY r.name",
        )?;
        let rows = st.query_map([user_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every (role, permission) pair the user holds, for the gate and `check --explain`.
    pub fn user_grants(&self, user_id: i64) -> Result<Vec<(String, String)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT r.name, rp.permission FROM user_roles ur
               JOIN roles r ON r.id = ur.role_id
               JOIN role_permissions rp ON rp.role_id = r.id
              WHERE ur.user_id = ?1 ORDER BY r.name, rp.permission",
        )?;
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
