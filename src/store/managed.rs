//! `managed_users`, `managed_roles` and `managed_providers`: which entries a declared-state file
//! manages (`apply`), by owner and id (a provider by its name, which never changes).

use std::collections::HashMap;

use super::engine::{Column, Value, params};
use super::{Sql, Tx};
use crate::error::{Error, Result};

/// A managed account's mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserMark {
    pub owner: String,
    /// The canonical address the file last gave it.
    pub declared: String,
}

impl Sql<'_> {
    /// Every account's mark, by account id.
    pub fn user_marks(&self) -> Result<HashMap<i64, UserMark>> {
        let rows = self.all(
            "SELECT user_id, owner, declared FROM managed_users",
            &[],
            |r| {
                Ok((
                    r.int(0)?,
                    UserMark {
                        owner: r.text(1)?,
                        declared: r.text(2)?,
                    },
                ))
            },
        )?;
        Ok(rows.into_iter().collect())
    }

    /// Every role's owner, by role id.
    pub fn role_marks(&self) -> Result<HashMap<i64, String>> {
        let rows = self.all("SELECT role_id, owner FROM managed_roles", &[], |r| {
            Ok((r.int(0)?, r.text(1)?))
        })?;
        Ok(rows.into_iter().collect())
    }

    /// Every identity provider's owner, by provider name.
    pub fn provider_marks(&self) -> Result<HashMap<String, String>> {
        let rows = self.all("SELECT name, owner FROM managed_providers", &[], |r| {
            Ok((r.text(0)?, r.text(1)?))
        })?;
        Ok(rows.into_iter().collect())
    }
}

impl Tx<'_> {
    /// Marks accounts as managed by `owner` (or moves their mark to it), each with the address
    /// the file gives it: one bulk write for the new ones.
    pub fn mark_users(&self, owner: &str, marks: &[(i64, &str)], now: i64) -> Result<()> {
        if marks.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = marks.iter().map(|(id, _)| *id).collect();
        for chunk in ids.chunks(500) {
            let list: Vec<String> = (1..=chunk.len()).map(|i| format!("?{i}")).collect();
            let sql = format!(
                "DELETE FROM managed_users WHERE user_id IN ({})",
                list.join(", ")
            );
            let values: Vec<Value<'_>> = chunk.iter().map(|id| Value::from(*id)).collect();
            self.exec(&sql, &values)?;
        }
        let columns = [
            Column::new("user_id", true),
            Column::new("owner", false),
            Column::new("declared", false),
            Column::new("marked_at", true),
        ];
        let mut values = Vec::with_capacity(marks.len() * columns.len());
        for (id, declared) in marks {
            values.extend([
                Value::from(*id),
                Value::from(owner),
                Value::from(*declared),
                Value::from(now),
            ]);
        }
        self.conn
            .insert_rows("managed_users", &columns, &values)
            .map_err(|e| match e {
                super::engine::Failure::Duplicate => Error::Conflict(format!(
                    "{owner} already declares one of these addresses for another account"
                )),
                super::engine::Failure::Other(e) => e,
            })
    }

    /// Marks a role as managed by `owner`.
    pub fn mark_role(&self, owner: &str, role_id: i64, now: i64) -> Result<()> {
        self.exec(
            "INSERT INTO managed_roles (role_id, owner, marked_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (role_id) DO UPDATE SET owner = excluded.owner, marked_at = excluded.marked_at",
            params![role_id, owner, now],
        )?;
        Ok(())
    }

    /// Marks an identity provider as managed by `owner`.
    pub fn mark_provider(&self, owner: &str, name: &str, now: i64) -> Result<()> {
        self.exec(
            "INSERT INTO managed_providers (name, owner, marked_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, marked_at = excluded.marked_at",
            params![name, owner, now],
        )?;
        Ok(())
    }

    /// Sets a role's description.
    pub fn describe_role(&self, role_id: i64, description: &str) -> Result<()> {
        self.exec(
            "UPDATE roles SET description = ?2 WHERE id = ?1 AND builtin = 0",
            params![role_id, description],
        )?;
        Ok(())
    }
}
