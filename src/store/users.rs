//! The `users` table.

use std::collections::{HashMap, HashSet};

use super::engine::{Column, Failure, Row, Value, params};
use super::{Sql, Tx};
use crate::error::{Error, Result};

#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub email_canonical: String,
    pub first_name: String,
    pub last_name: String,
    /// A JSON object.
    pub attributes: String,
    /// PHC string; `None` is an unusable password (an invited account).
    pub password_hash: Option<String>,
    pub email_verified_at: Option<i64>,
    /// Whether the account may be used; `locked` is derived from `login_failures`.
    pub status: Status,
    pub created_at: i64,
    pub updated_at: i64,
    pub last_login_at: Option<i64>,
    /// A new address waiting for its confirmation code; the old one works until then.
    pub pending_email: Option<String>,
    /// The password was set for the user (by an administrator, or generated): they must
    /// change it before anything else (v6).
    pub must_change_password: bool,
    /// The account may be used from then on (`None`: always) (v6).
    pub valid_from: Option<i64>,
    /// The account may be used until then (`None`: for ever) (v6).
    pub expires_at: Option<i64>,
    /// The last authentication of any kind: a login, `authenticate`, PAM, checkpassword, an API
    /// token's use (v6).
    pub last_authenticated_at: Option<i64>,
    /// When the password was last set (`password.max_age` counts from it) (v6).
    pub password_changed_at: Option<i64>,
}

impl User {
    pub fn is_disabled(&self) -> bool {
        self.status == Status::Disabled
    }

    /// When the password stops being accepted without a change, under `max_age` (`None`: no
    /// password, or no age limit).
    pub fn password_expires_at(&self, max_age: Option<i64>) -> Option<i64> {
        let (max_age, changed) = (max_age?, self.password_changed_at?);
        self.password_hash.as_ref()?;
        Some(changed.saturating_add(max_age))
    }

    /// Whether the user owes a password change: one was set for them, or theirs is too old.
    pub fn owes_password_change(&self, max_age: Option<i64>, now: i64) -> bool {
        self.must_change_password || self.password_expires_at(max_age).is_some_and(|t| now >= t)
    }

    /// Where `now` falls against the account's validity window.
    pub fn window_at(&self, now: i64) -> Window {
        if self.valid_from.is_some_and(|t| now < t) {
            Window::NotYetValid
        } else if self.expires_at.is_some_and(|t| now >= t) {
            Window::Expired
        } else {
            Window::Open
        }
    }
}

/// An account's validity window, at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    Open,
    NotYetValid,
    Expired,
}

/// The stored state of an account: the only place its names are spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    Disabled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Disabled => "disabled",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        [Status::Active, Status::Disabled]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

impl From<Status> for Value<'_> {
    fn from(s: Status) -> Self {
        Value::Text(Some(s.as_str()))
    }
}

impl From<Option<Status>> for Value<'_> {
    fn from(s: Option<Status>) -> Self {
        Value::Text(s.map(Status::as_str))
    }
}

#[derive(Debug)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub email_canonical: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub attributes: &'a str,
    pub password_hash: Option<&'a str>,
    pub verified: bool,
}

pub(super) const BY_EMAIL: &str = concat!(
    "SELECT ",
    user_columns!(),
    " FROM users WHERE email_canonical = ?1"
);
pub(super) const BY_PENDING_EMAIL: &str = concat!(
    "SELECT ",
    user_columns!(),
    " FROM users WHERE pending_email_canonical = ?1"
);
pub(super) const BY_ID: &str = concat!("SELECT ", user_columns!(), " FROM users WHERE id = ?1");
pub(super) const SAMPLE_HASH: &str = "SELECT password_hash FROM users WHERE id >= ?1 AND password_hash IS NOT NULL ORDER BY id LIMIT 1";

/// The listing of `users list`, with each user's role names and lock time. SQLite and
/// PostgreSQL aggregate and search text with functions of different names.
const LISTING_SQLITE: &str = concat!(
    "SELECT ",
    user_columns!(),
    ",
        (SELECT json_group_array(name) FROM
           (SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id
             WHERE ur.user_id = u.id ORDER BY r.name)),
        (SELECT lf.locked_until FROM login_failures lf WHERE lf.email_canonical = u.email_canonical)
   FROM users u
  WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                                WHERE ur.user_id = u.id AND r.name = ?1))
    AND (?2 IS NULL OR u.status = ?2)
    AND (?3 IS NULL OR instr(lower(u.email || ' ' || u.first_name || ' ' || u.last_name), lower(?3)) > 0)
  ORDER BY u.id"
);
const LISTING_POSTGRES: &str = concat!(
    "SELECT ",
    user_columns!(),
    ",
        (SELECT coalesce(json_agg(name ORDER BY name), '[]'::json)::text FROM
           (SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id
             WHERE ur.user_id = u.id) AS held),
        (SELECT lf.locked_until FROM login_failures lf WHERE lf.email_canonical = u.email_canonical)
   FROM users u
  WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                                WHERE ur.user_id = u.id AND r.name = ?1))
    AND (?2 IS NULL OR u.status = ?2)
    AND (?3 IS NULL OR strpos(lower(u.email || ' ' || u.first_name || ' ' || u.last_name), lower(?3)) > 0)
  ORDER BY u.id"
);

fn from_row(r: &Row<'_, '_>) -> Result<User> {
    from_row_at(r, 0)
}

/// An API token's use, as its owner's last authentication (never moved back).
pub(super) const TOUCH_AUTHENTICATED: &str = "UPDATE users SET last_authenticated_at = ?2
     WHERE id = ?1 AND (last_authenticated_at IS NULL OR last_authenticated_at < ?2)";
/// The same outside the write lock: PostgreSQL's never waits for a row another transaction
/// holds.
pub(super) const TOUCH_AUTHENTICATED_POSTGRES: &str = "UPDATE users SET last_authenticated_at = ?2
     WHERE id = (SELECT id FROM users WHERE id = ?1
                   AND (last_authenticated_at IS NULL OR last_authenticated_at < ?2)
                 FOR UPDATE SKIP LOCKED)";

/// How many columns `user_columns!` names: where a query's next column starts.
pub(super) const USER_COLUMNS: usize = 18;

/// The account whose `user_columns!` start at column `at` (after another table's, in a join).
pub(super) fn from_row_at(r: &Row<'_, '_>, at: usize) -> Result<User> {
    let status = r.text(at + 8)?;
    Ok(User {
        id: r.int(at)?,
        email: r.text(at + 1)?,
        email_canonical: r.text(at + 2)?,
        first_name: r.text(at + 3)?,
        last_name: r.text(at + 4)?,
        attributes: r.text(at + 5)?,
        password_hash: r.opt_text(at + 6)?,
        email_verified_at: r.opt_int(at + 7)?,
        status: Status::parse(&status)
            .ok_or_else(|| Error::internal(format!("unknown account status {status:?}")))?,
        created_at: r.int(at + 9)?,
        updated_at: r.int(at + 10)?,
        last_login_at: r.opt_int(at + 11)?,
        pending_email: r.opt_text(at + 12)?,
        must_change_password: r.flag(at + 13)?,
        valid_from: r.opt_int(at + 14)?,
        expires_at: r.opt_int(at + 15)?,
        last_authenticated_at: r.opt_int(at + 16)?,
        password_changed_at: r.opt_int(at + 17)?,
    })
}

/// Filters of `users list`; all optional.
#[derive(Debug, Default, Clone)]
pub struct UserFilter {
    pub role: Option<String>,
    /// Locked accounts are active ones whose lock is on: the caller tells them apart.
    pub status: Option<Status>,
    /// Case-insensitive substring of the email or names.
    pub search: Option<String>,
}

pub(super) const EMAILS_STARTING: &str = "SELECT email FROM users
    WHERE email_canonical >= ?1 AND email_canonical < ?2 ORDER BY email_canonical LIMIT ?3";

impl Sql<'_> {
    pub fn user_by_pending_email(&self, canonical: &str) -> Result<Option<User>> {
        self.first(BY_PENDING_EMAIL, params![canonical], from_row)
    }

    /// Users in id order, filtered, each with its role names (sorted) and lock time; `each` sees
    /// them one at a time (no list held in memory). One statement for all of it: two more
    /// lookups per user were half the time of listing 100,000 users.
    pub fn for_each_user(
        &self,
        filter: &UserFilter,
        mut each: impl FnMut(User, Vec<String>, Option<i64>) -> Result<()>,
    ) -> Result<()> {
        let sql = self.pick(LISTING_SQLITE, LISTING_POSTGRES);
        let params = params![&filter.role, filter.status, &filter.search];
        self.each(sql, params, &mut |row| {
            let roles = row.text(USER_COLUMNS)?;
            let roles = serde_json::from_str(&roles)
                .map_err(|e| Error::internal(format!("role names of a user: {e}")))?;
            each(from_row(row)?, roles, row.opt_int(USER_COLUMNS + 1)?)
        })
    }

    /// A stored password hash picked by `seed`, so that a dummy check for an unknown email can run
    /// at the cost real accounts' hashes have (they may differ from the current policy).
    pub fn sample_password_hash(&self, seed: u64) -> Result<Option<String>> {
        let max = self.one("SELECT max(id) FROM users", &[], |r| r.opt_int(0))?;
        let Some(max) = max else { return Ok(None) };
        let start = i64::try_from(seed % u64::try_from(max).unwrap_or(1).max(1)).unwrap_or(0) + 1;
        match self.first(SAMPLE_HASH, params![start], |r| r.text(0))? {
            Some(h) => Ok(Some(h)),
            None => self.first(SAMPLE_HASH, params![0], |r| r.text(0)),
        }
    }

    pub fn user_by_email(&self, canonical: &str) -> Result<Option<User>> {
        self.first(BY_EMAIL, params![canonical], from_row)
    }

    /// Up to `limit` addresses whose canonical form starts with `prefix`, in order: a range on
    /// the unique index, however many accounts there are (a shell completion's question).
    pub fn emails_starting(&self, prefix: &str, limit: i64) -> Result<Vec<String>> {
        // Every text that starts with the prefix sorts below it followed by the last code point.
        let below = format!("{prefix}\u{10FFFF}");
        self.all(
            EMAILS_STARTING,
            params![prefix, below.as_str(), limit],
            |r| r.text(0),
        )
    }

    pub fn user_by_id(&self, id: i64) -> Result<Option<User>> {
        self.first(BY_ID, params![id], from_row)
    }

    /// The accounts of these canonical emails, by canonical email: a statement per 500 emails
    /// rather than one each (over a network, a round trip per account is the cost of an import),
    /// or, where the store holds fewer accounts than that (a first import), one read of them all.
    pub fn users_by_emails(&self, canonical: &[&str]) -> Result<HashMap<String, User>> {
        let mut found = HashMap::new();
        let wanted = i64::try_from(canonical.len()).unwrap_or(i64::MAX);
        let held = self.one(
            "SELECT count(*) FROM (SELECT 1 FROM users LIMIT ?1) AS held",
            params![wanted],
            |r| r.int(0),
        )?;
        if held < wanted {
            let wanted: HashSet<&str> = canonical.iter().copied().collect();
            self.each(
                concat!("SELECT ", user_columns!(), " FROM users"),
                &[],
                &mut |row| {
                    let user = from_row(row)?;
                    if wanted.contains(user.email_canonical.as_str()) {
                        found.insert(user.email_canonical.clone(), user);
                    }
                    Ok(())
                },
            )?;
            return Ok(found);
        }
        for chunk in canonical.chunks(500) {
            let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("?{i}")).collect();
            let sql = format!(
                concat!(
                    "SELECT ",
                    user_columns!(),
                    " FROM users WHERE email_canonical IN ({})"
                ),
                marks.join(", ")
            );
            let values: Vec<Value<'_>> = chunk.iter().map(|e| Value::from(*e)).collect();
            self.each(&sql, &values, &mut |row| {
                let user = from_row(row)?;
                found.insert(user.email_canonical.clone(), user);
                Ok(())
            })?;
        }
        Ok(found)
    }
}

/// A new account of a bulk write (an import), with the id its writer chose.
pub struct BulkUser<'a> {
    pub id: i64,
    pub user: NewUser<'a>,
    pub status: Status,
    /// The user must change the given password first.
    pub must_change: bool,
    pub expires_at: Option<i64>,
    pub valid_from: Option<i64>,
}

fn column(name: &str, int: bool) -> Column {
    Column::new(name, int)
}

impl Tx<'_> {
    /// The id the next new account takes. Every insert of an account holds the write lock, as
    /// this transaction does, so the ids after it are this transaction's to give.
    pub fn next_user_id(&self) -> Result<i64> {
        self.one("SELECT coalesce(max(id), 0) + 1 FROM users", &[], |r| {
            r.int(0)
        })
    }

    /// Inserts many accounts at once (binary `COPY` on PostgreSQL), with the ids given (from
    /// [`Tx::next_user_id`] on); an email taken meanwhile is a conflict (exit 6) and writes none.
    pub fn insert_users(&self, users: &[BulkUser<'_>], now: i64) -> Result<()> {
        let columns = [
            column("id", true),
            column("email", false),
            column("email_canonical", false),
            column("first_name", false),
            column("last_name", false),
            column("attributes", false),
            column("password_hash", false),
            column("email_verified_at", true),
            column("status", false),
            column("created_at", true),
            column("updated_at", true),
            column("must_change_password", true),
            column("password_changed_at", true),
            column("expires_at", true),
            column("valid_from", true),
        ];
        let mut values: Vec<Value<'_>> = Vec::with_capacity(users.len() * columns.len());
        for b in users {
            let u = &b.user;
            values.extend([
                Value::from(b.id),
                Value::from(u.email),
                Value::from(u.email_canonical),
                Value::from(u.first_name),
                Value::from(u.last_name),
                Value::from(u.attributes),
                Value::from(u.password_hash),
                Value::from(u.verified.then_some(now)),
                Value::from(b.status.as_str()),
                Value::from(now),
                Value::from(now),
                Value::from(i64::from(b.must_change)),
                Value::from(u.password_hash.map(|_| now)),
                Value::from(b.expires_at),
                Value::from(b.valid_from),
            ]);
        }
        match self.conn.insert_rows("users", &columns, &values) {
            Ok(()) => {}
            Err(Failure::Duplicate) => {
                return Err(Error::Conflict(
                    "an account of the import was created meanwhile; nothing was imported".into(),
                ));
            }
            Err(Failure::Other(e)) => return Err(e),
        }
        if self.engine() == super::Engine::Postgres && !users.is_empty() {
            // Ids given here do not move the identity sequence; the next INSERT must not
            // take one of them.
            self.one(
                "SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users))",
                &[],
                |r| r.int(0),
            )?;
        }
        Ok(())
    }

    /// Gives roles to new accounts at once: (user id, role id) pairs.
    pub fn grant_roles(&self, grants: &[(i64, i64)], now: i64) -> Result<()> {
        let columns = [
            column("user_id", true),
            column("role_id", true),
            column("granted_at", true),
        ];
        let values: Vec<Value<'_>> = grants
            .iter()
            .flat_map(|(user, role)| [Value::from(*user), Value::from(*role), Value::from(now)])
            .collect();
        match self.conn.insert_rows("user_roles", &columns, &values) {
            Ok(()) => Ok(()),
            Err(Failure::Duplicate) => Err(Error::internal("a role given twice")),
            Err(Failure::Other(e)) => Err(e),
        }
    }

    /// Inserts a user; an existing canonical email is a conflict (exit 6).
    pub fn insert_user(&self, u: &NewUser<'_>, now: i64) -> Result<i64> {
        let verified_at = u.verified.then_some(now);
        let id = self.first_unique(
            "INSERT INTO users (email, email_canonical, first_name, last_name, attributes, password_hash,
                                email_verified_at, status, created_at, updated_at, password_changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, CASE WHEN ?6 IS NULL THEN NULL ELSE ?9 END)
             RETURNING id",
            params![
                u.email,
                u.email_canonical,
                u.first_name,
                u.last_name,
                u.attributes,
                u.password_hash,
                verified_at,
                Status::Active,
                now
            ],
            |r| r.int(0),
        )?;
        id.ok_or_else(|| {
            Error::Conflict(format!("an account with email {} already exists", u.email))
        })
    }

    pub fn set_email_verified(&self, user_id: i64, now: i64) -> Result<()> {
        self.exec(
            "UPDATE users SET email_verified_at = ?2, updated_at = ?2 WHERE id = ?1 AND email_verified_at IS NULL",
            params![user_id, now],
        )?;
        Ok(())
    }

    /// A password the user chose (`passwd`, `reset`): whatever change they owed is done.
    pub fn set_chosen_password(&self, user_id: i64, phc: &str, now: i64) -> Result<()> {
        self.exec(
            "UPDATE users SET password_hash = ?2, must_change_password = 0, updated_at = ?3,
                              password_changed_at = ?3
              WHERE id = ?1",
            params![user_id, phc, now],
        )?;
        Ok(())
    }

    /// A new hash, owing nothing more or less (a stronger hash of the same password, or one an
    /// administrator set, with `set_must_change_password` beside it).
    pub fn set_password_hash(&self, user_id: i64, phc: &str, now: i64) -> Result<()> {
        self.exec(
            "UPDATE users SET password_hash = ?2, updated_at = ?3 WHERE id = ?1",
            params![user_id, phc, now],
        )?;
        Ok(())
    }

    /// When the password was set (`password.max_age` counts from it).
    pub fn set_password_changed(&self, user_id: i64, now: i64) -> Result<()> {
        self.exec(
            "UPDATE users SET password_changed_at = ?2 WHERE id = ?1",
            params![user_id, now],
        )?;
        Ok(())
    }

    /// Whether the user must change their password before anything else.
    pub fn set_must_change_password(&self, user_id: i64, must: bool, now: i64) -> Result<()> {
        self.exec(
            "UPDATE users SET must_change_password = ?2, updated_at = ?3 WHERE id = ?1",
            params![user_id, i64::from(must), now],
        )?;
        Ok(())
    }

    pub fn update_profile(
        &self,
        user_id: i64,
        first: &str,
        last: &str,
        attributes: &str,
        now: i64,
    ) -> Result<()> {
        self.exec(
            "UPDATE users SET first_name = ?2, last_name = ?3, attributes = ?4, updated_at = ?5 WHERE id = ?1",
            params![user_id, first, last, attributes, now],
        )?;
        Ok(())
    }

    pub fn set_status(&self, user_id: i64, status: Status, now: i64) -> Result<()> {
        self.exec(
            "UPDATE users SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![user_id, status, now],
        )?;
        Ok(())
    }

    pub fn delete_user(&self, user_id: i64) -> Result<()> {
        self.exec("DELETE FROM users WHERE id = ?1", params![user_id])?;
        Ok(())
    }

    /// Records a new address awaiting confirmation; an address taken by anyone is a conflict.
    pub fn set_pending_email(
        &self,
        user_id: i64,
        email: Option<(&str, &str)>,
        now: i64,
    ) -> Result<()> {
        if let Some((_, canonical)) = email {
            let taken = self.one(
                "SELECT EXISTS (SELECT 1 FROM users WHERE id != ?1
                                   AND (email_canonical = ?2 OR pending_email_canonical = ?2))",
                params![user_id, canonical],
                |r| r.flag(0),
            )?;
            if taken {
                return Err(Error::Conflict(format!(
                    "the address {canonical} belongs to another account"
                )));
            }
        }
        self.exec(
            "UPDATE users SET pending_email = ?2, pending_email_canonical = ?3, updated_at = ?4 WHERE id = ?1",
            params![user_id, email.map(|e| e.0), email.map(|e| e.1), now],
        )?;
        Ok(())
    }

    /// Makes the pending address the account's address (verified).
    pub fn apply_pending_email(&self, user_id: i64, now: i64) -> Result<()> {
        let done = self.exec_unique(
            "UPDATE users SET email = pending_email, email_canonical = pending_email_canonical,
                              pending_email = NULL, pending_email_canonical = NULL,
                              email_verified_at = ?2, updated_at = ?2
              WHERE id = ?1 AND pending_email IS NOT NULL",
            params![user_id, now],
        )?;
        match done {
            Some(_) => Ok(()),
            None => Err(Error::Conflict(
                "the new address was taken meanwhile".into(),
            )),
        }
    }

    pub fn set_last_login(&self, user_id: i64, now: i64) -> Result<()> {
        self.exec(
            "UPDATE users SET last_login_at = ?2, last_authenticated_at = ?2 WHERE id = ?1",
            params![user_id, now],
        )?;
        Ok(())
    }

    /// A successful authentication other than a login.
    pub fn set_last_authenticated(&self, user_id: i64, now: i64) -> Result<()> {
        self.exec(
            "UPDATE users SET last_authenticated_at = ?2 WHERE id = ?1",
            params![user_id, now],
        )?;
        Ok(())
    }

    /// The account's validity window (`None`: open on that side).
    pub fn set_validity(
        &self,
        user_id: i64,
        valid_from: Option<i64>,
        expires_at: Option<i64>,
        now: i64,
    ) -> Result<()> {
        self.exec(
            "UPDATE users SET valid_from = ?2, expires_at = ?3, updated_at = ?4 WHERE id = ?1",
            params![user_id, valid_from, expires_at, now],
        )?;
        Ok(())
    }
}
