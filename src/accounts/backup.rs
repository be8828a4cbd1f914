//! `backup` and `restore`: a copy of the whole store that proves itself, and its way back.
//!
//! A backup is one format whatever the engine: a new SQLite file at the current schema, filled
//! by the copy machinery of `db copy` from one read snapshot (others keep working). Its last
//! audit event, `store.backed_up`, records a digest of every other table, so the head it prints
//! vouches for the whole file: the chain covers the events and the digest, the digest the rows.
//! The file is opened again and proved before the head is printed. It holds every secret the
//! store holds. A restore proves the file the same way against the head the caller kept, then
//! replaces the store's rows in one transaction, ends every session, revokes the codes not yet
//! used and the API tokens (a backup may hold tokens revoked since) unless asked to keep them,
//! and extends the chain.

use std::path::Path;

use serde::Serialize;

use crate::accounts::audit::{self, Head};
use crate::accounts::copy::Progress;
use crate::clock;
use crate::error::{Error, Result};
use crate::files::Sharing;
use crate::gate::Actor;
use crate::store::copy::{self, TABLES, Target, unknown_tables};
use crate::store::{AuditEvent, Database, Sql, Store, Tx};

/// What a backup wrote.
#[derive(Debug, Serialize)]
pub struct BackedUp {
    pub file: String,
    pub rows: u64,
    pub accounts: u64,
    /// The audit head the backup holds: the `--expect-head` of its restore.
    pub head: Head,
}

/// What a restore did.
#[derive(Debug, Serialize)]
pub struct Restored {
    pub from: String,
    pub rows: u64,
    pub accounts: u64,
    pub sessions_ended: usize,
    pub tokens_revoked: usize,
    /// Codes not yet used (they may have been used since the backup), and their waiting mail.
    pub codes_revoked: usize,
    pub mail_dropped: usize,
    /// The store's audit head after its `store.restored` event.
    pub head: Head,
}

fn rows_of(sql: &Sql<'_>, progress: &mut dyn FnMut(Progress<'_>)) -> Result<u64> {
    let unknown = unknown_tables(sql)?;
    if !unknown.is_empty() {
        return Err(Error::internal(format!(
            "the copy does not know the table(s) {}",
            unknown.join(", ")
        )));
    }
    let mut total = 0;
    for table in TABLES {
        total += sql.count_rows(table)?;
    }
    progress(Progress::Total(total));
    Ok(total)
}

/// Every table of `source` into `target`; the rows copied.
fn copy_all(
    source: &Sql<'_>,
    target: &Sql<'_>,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Result<u64> {
    rows_of(source, progress)?;
    let mut rows = 0;
    for table in TABLES {
        progress(Progress::Table(table));
        rows += copy::copy_rows(source, target, table, &mut |n| progress(Progress::Rows(n)))?;
    }
    copy::reset_sequences(target)?;
    Ok(rows)
}

/// The event that ends a backup's chain.
const BACKED_UP: &str = "store.backed_up";

/// Exit 12 unless the backup file is sound, its chain verifies and ends at `head` with its
/// `store.backed_up` event, and the digest that event records is the file's.
fn prove(sql: &Sql<'_>, head: &str, what: &str) -> Result<Head> {
    if let Some(problems) = sql.integrity_problems()?
        && !problems.is_empty()
    {
        return Err(Error::Integrity(format!(
            "{what} is damaged: {}",
            problems.join("; ")
        )));
    }
    let (_, found) = audit::verify(sql, Some(head))?;
    let last = sql.audit_rows(None, None, 1)?.pop();
    let recorded = last
        .filter(|row| row.hash == found.hash && found.hash.eq_ignore_ascii_case(head))
        .filter(|row| row.event == BACKED_UP)
        .and_then(|row| serde_json::from_str::<serde_json::Value>(&row.detail).ok())
        .and_then(|detail| detail["digest"].as_str().map(String::from));
    let Some(recorded) = recorded else {
        return Err(Error::Integrity(format!(
            "{what} does not end at {head} with its backup event: it is not that backup, or it was changed"
        )));
    };
    if recorded != sql.contents_digest()? {
        return Err(Error::Integrity(format!(
            "{what} was changed since it was made: its rows do not match the digest its head vouches for"
        )));
    }
    Ok(found)
}

/// Copies the store into the new file `out` (0600) and proves the copy.
pub fn backup(
    store: &mut Store,
    actor: &Actor,
    out: &Path,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Result<BackedUp> {
    let file = std::path::absolute(out)
        .unwrap_or_else(|_| out.to_path_buf())
        .display()
        .to_string();
    if std::fs::symlink_metadata(out).is_ok() {
        return Err(Error::usage(format!(
            "{file} exists: a backup goes to a new file"
        )));
    }
    // A mistyped folder is not made: the backup would land where no one looks for it.
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(Error::usage(format!(
            "no folder {}: a backup goes into a folder that exists",
            dir.display()
        )));
    }
    let target = Database::file(out);
    if store.location().same_as(&target.location) {
        return Err(Error::usage("a backup needs another file than the store"));
    }
    let now = clock::now();
    let (rows, backup_head) = store.read(|| {
        let sql = store.sql();
        let new = Target::create(&target, Sharing::PRIVATE)?;
        let rows = copy_all(&sql, &new.sql()?, progress)?;
        let source_head = audit::head(store)?;
        let (_, copied) = audit::verify(&new.sql()?, None)?;
        if copied.hash != source_head.hash {
            return Err(Error::internal(
                "the backup's audit chain ends elsewhere than the store's",
            ));
        }
        let event = actor.event(BACKED_UP).with(serde_json::json!({
            "digest": new.sql()?.contents_digest()?, "rows": rows, "of": source_head.hash,
        }));
        new.tx()?.append_audit(&event, now)?;
        let (_, head) = audit::verify(&new.sql()?, None)?;
        new.commit_standalone()?;
        Ok((rows, head))
    })?;
    let proved = Store::open(&target).and_then(|copy| {
        let head = prove(&copy.sql(), &backup_head.hash, &file)?;
        Ok((head, copy.sql().count_rows("users")?))
    });
    let (head, accounts) = match proved {
        Ok(done) => done,
        Err(e) => {
            let _ = std::fs::remove_file(out);
            return Err(e);
        }
    };
    // Who took a copy of every secret, and which: on the store's own record.
    let event = actor.event(BACKED_UP).with(serde_json::json!({
        "file": file, "rows": rows, "head": head.hash,
    }));
    store.write(|tx| tx.append_audit(&event, now))?;
    Ok(BackedUp {
        file,
        rows,
        accounts,
        head,
    })
}

/// A backup file, opened and proved: sound, and its chain verifies up to `expect_head` (exit
/// 12 otherwise, exit 10 when it is no backup of this schema).
pub fn open_backup(path: &Path, expect_head: &str) -> Result<Store> {
    if !path.is_file() {
        return Err(Error::usage(format!(
            "no backup file at {}",
            path.display()
        )));
    }
    if let Some(why) = crate::store::sqlite_file_problem(path) {
        return Err(Error::Integrity(format!(
            "{} is not a sound backup: {why}",
            path.display()
        )));
    }
    let backup = Store::open(&Database::file(path))?;
    prove(&backup.sql(), expect_head, &path.display().to_string())?;
    Ok(backup)
}

/// Whether the store holds accounts (a restore then needs `--force`).
pub fn holds_accounts(store: &Store) -> Result<u64> {
    store.sql().count_rows("users")
}

/// How a restore goes.
pub struct RestoreRequest<'a> {
    pub backup: &'a Store,
    pub from: String,
    pub expect_head: &'a str,
    pub keep_tokens: bool,
    /// Who restores, where the store had someone to ask.
    pub by: Option<String>,
}

/// Fills the store in `tx` (emptied first) from the backup, then ends every session, revokes
/// the tokens unless kept, and appends `store.restored`.
pub fn restore_into(
    tx: &Tx<'_>,
    request: &RestoreRequest<'_>,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Result<Restored> {
    tx.clear_for_restore()?;
    let rows = copy_all(&request.backup.sql(), tx, progress)?;
    let now = clock::now();
    let sessions_ended = tx.delete_all_sessions()?;
    let tokens_revoked = match request.keep_tokens {
        true => 0,
        false => tx.revoke_all_tokens(now)?,
    };
    let codes_revoked = tx.revoke_all_codes(now)?;
    let mail_dropped = tx.drop_waiting_mail()?;
    let event = AuditEvent::new("store.restored").with(serde_json::json!({
        "from": request.from, "head": request.expect_head, "by": request.by,
        "sessions_ended": sessions_ended, "tokens_revoked": tokens_revoked,
        "codes_revoked": codes_revoked, "mail_dropped": mail_dropped,
    }));
    tx.append_audit(&event, now)?;
    let (_, head) = audit::verify(tx, Some(request.expect_head))?;
    Ok(Restored {
        from: request.from.clone(),
        rows,
        accounts: tx.count_rows("users")?,
        sessions_ended,
        tokens_revoked,
        codes_revoked,
        mail_dropped,
        head,
    })
}

/// Restores into a database that holds no store yet (a missing file, an empty server
/// database): made at the current schema, private, and filled in one transaction.
pub fn restore_new(
    db: &Database,
    request: &RestoreRequest<'_>,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Result<Restored> {
    let target = Target::create(db, Sharing::PRIVATE)?;
    let restored = restore_into(&target.tx()?, request, progress)?;
    target.commit()?;
    Ok(restored)
}
