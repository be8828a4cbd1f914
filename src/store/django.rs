//! Reading a Django site's SQLite database (read-only) for `import --from-django`: the standard
//! `auth_user`, `auth_group`, `auth_user_groups`, and allauth's `account_emailaddress` when present.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

#[derive(Debug, Clone)]
pub struct DjangoUser {
    pub id: i64,
    pub username: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub password: String,
    pub is_superuser: bool,
    pub is_staff: bool,
    pub is_active: bool,
    pub verified: bool,
    pub groups: Vec<String>,
}

pub fn read_users(path: &Path) -> Result<Vec<DjangoUser>> {
    let fail = |e: rusqlite::Error| {
        Error::usage(format!(
            "cannot read the Django database {}: {e} (is it a Django SQLite database?)",
            path.display()
        ))
    };
    if !path.is_file() {
        return Err(Error::usage(format!(
            "no Django database at {}",
            path.display()
        )));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(fail)?;
    let has_table = |name: &str| -> rusqlite::Result<bool> {
        conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)",
            [name],
            |r| r.get(0),
        )
    };
    if !has_table("auth_user").map_err(fail)? {
        return Err(Error::usage(format!(
            "{} has no auth_user table",
            path.display()
        )));
    }
    let mut groups: HashMap<i64, Vec<String>> = HashMap::new();
    if has_table("auth_user_groups").map_err(fail)? {
        let mut st = conn
            .prepare("SELECT ug.user_id, g.name FROM auth_user_groups ug JOIN auth_group g ON g.id = ug.group_id")
            .map_err(fail)?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .map_err(fail)?;
        for row in rows {
            let (user, group) = row.map_err(fail)?;
            groups.entry(user).or_default().push(group);
        }
    }
    let mut verified: HashMap<i64, bool> = HashMap::new();
    if has_table("account_emailaddress").map_err(fail)? {
        let mut st = conn
            .prepare(
                "SELECT e.user_id, max(e.verified) FROM account_emailaddress e JOIN auth_user u ON u.id = e.user_id
                  WHERE lower(e.email) = lower(u.email) GROUP BY e.user_id",
            )
            .map_err(fail)?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, bool>(1)?)))
            .map_err(fail)?;
        for row in rows {
            let (user, v) = row.map_err(fail)?;
            verified.insert(user, v);
        }
    }
    let mut st = conn
        .prepare(
            "SELECT id, username, coalesce(email, ''), coalesce(first_name, ''), coalesce(last_name, ''),
                    coalesce(password, ''), is_superuser, is_staff, is_active
               FROM auth_user ORDER BY id",
        )
        .map_err(fail)?;
    let rows = st
        .query_map([], |r| {
            Ok(DjangoUser {
                id: r.get(0)?,
                username: r.get(1)?,
                email: r.get(2)?,
                first_name: r.get(3)?,
                last_name: r.get(4)?,
                password: r.get(5)?,
                is_superuser: r.get(6)?,
                is_staff: r.get(7)?,
                is_active: r.get(8)?,
                verified: false,
                groups: Vec::new(),
            })
        })
        .map_err(fail)?;
    let mut users = Vec::new();
    for row in rows {
        let mut u = row.map_err(fail)?;
        u.verified = verified.get(&u.id).copied().unwrap_or(false);
        u.groups = groups.remove(&u.id).unwrap_or_default();
        users.push(u);
    }
    Ok(users)
}
