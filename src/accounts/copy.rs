//! `db copy`: the whole store into a new database of either engine, then the source marked as
//! moved. Two live copies of one store are the danger (a password changed in one still works in
//! the other), so the source is frozen under its write lock for the whole copy, and once the
//! target has committed, the source is stamped so that no binary opens it again.
//!
//! The copy keeps every id, hash, secret and the database id (session files and API tokens keep
//! working); its audit chain is verified in the target before it commits, and a
//! `database.copied` event extends it, so anchors taken before the copy still verify.

use serde::Serialize;

use crate::accounts::audit::{self, Head};
use crate::clock;
use crate::error::{Error, Result};
use crate::files::Sharing;
use crate::gate::{self, Actor};
use crate::permissions::SETTINGS_MANAGE;
use crate::store::copy::{TABLES, Target, unknown_tables};
use crate::store::{Database, Location, Store};

/// What a copy did.
#[derive(Debug, Serialize)]
pub struct Copied {
    pub from: String,
    pub to: String,
    /// Rows per table, in copy order.
    pub tables: Vec<TableCopied>,
    pub rows: u64,
    /// The target's audit head, after its `database.copied` event.
    pub head: Head,
}

#[derive(Debug, Serialize)]
pub struct TableCopied {
    pub table: String,
    pub rows: u64,
}

/// How far a copy has come, for a progress bar.
pub enum Progress<'a> {
    /// The rows there are to copy, counted in the frozen source.
    Total(u64),
    /// The table being copied.
    Table(&'a str),
    /// Rows just copied.
    Rows(u64),
}

/// Where the target is, as the source's refusal will name it: an absolute path or the URL.
pub fn describe(location: &Location) -> String {
    match location {
        Location::File(path) => std::path::absolute(path)
            .unwrap_or_else(|_| path.clone())
            .display()
            .to_string(),
        Location::Server(url) => url.text.clone(),
    }
}

fn refuse_itself(store: &Store, target: &Database) -> Result<()> {
    match store.location().same_as(&target.location) {
        true => Err(Error::usage(
            "db copy needs another database than the one it copies",
        )),
        false => Ok(()),
    }
}

/// Copies the store into the new database `target`, then marks the source as moved there.
pub fn copy(
    store: &mut Store,
    actor: &Actor,
    target: &Database,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Result<Copied> {
    let from = describe(store.location());
    let to = describe(&target.location);
    refuse_itself(store, target)?;
    let sharing = match store.location() {
        Location::File(path) => Sharing::of_file(path),
        Location::Server(_) => Sharing::PRIVATE,
    };
    store.write(|tx| {
        let actor = gate::recheck(tx, actor, &[SETTINGS_MANAGE])?;
        let unknown = unknown_tables(tx)?;
        if !unknown.is_empty() {
            return Err(Error::internal(format!(
                "db copy does not know the table(s) {}",
                unknown.join(", ")
            )));
        }
        let mut total = 0;
        for table in TABLES {
            total += tx.count_rows(table)?;
        }
        progress(Progress::Total(total));
        let target_db = Target::create(target, sharing)?;
        let mut tables = Vec::with_capacity(TABLES.len());
        for table in TABLES {
            progress(Progress::Table(table));
            let n = target_db.copy_table(tx, table, &mut |n| progress(Progress::Rows(n)))?;
            tables.push(TableCopied {
                table: (*table).to_string(),
                rows: n,
            });
        }
        target_db.reset_sequences()?;
        let (_, copied_head) = audit::verify(&target_db.sql()?, None)?;
        let source_head = audit::verify(tx, None)?.1;
        if copied_head.hash != source_head.hash {
            return Err(Error::internal(
                "the copied audit chain ends elsewhere than the source's",
            ));
        }
        let rows = tables.iter().map(|t| t.rows).sum();
        let event = actor
            .event("database.copied")
            .with(serde_json::json!({ "from": from, "to": to, "rows": rows }));
        target_db.tx()?.append_audit(&event, clock::now())?;
        let head = audit::verify(&target_db.sql()?, Some(&source_head.hash))?.1;
        target_db.commit()?;
        // From here the target holds the store. Should this process die before the source's
        // commit, `db copy --finish` marks it.
        tx.mark_moved(&to).map_err(|e| {
            Error::storage(format!(
                "{e}; the copy at {to} is complete: run `useradm db copy --to {to} --finish` to mark this database as moved"
            ))
        })?;
        Ok(Copied {
            from: from.clone(),
            to: to.clone(),
            tables,
            rows,
            head,
        })
    })
}

/// Marks the source as moved to `target` after a copy that committed its target but not the
/// mark (the process died between the two): only when the target holds this store, ending with
/// this store's audit head.
pub fn finish(store: &mut Store, actor: &Actor, target: &Database) -> Result<String> {
    refuse_itself(store, target)?;
    let to = describe(&target.location);
    let copy = Store::open(target)?;
    if copy.database_id() != store.database_id() {
        return Err(Error::usage(format!(
            "{to} holds another database (its id differs): nothing to finish"
        )));
    }
    store.write(|tx| {
        gate::recheck(tx, actor, &[SETTINGS_MANAGE])?;
        let head = audit::verify(tx, None)?.1;
        if !copy.sql().audit_row_hash_is(head.id, &head.hash)? {
            return Err(Error::usage(format!(
                "{to} does not hold this database's latest audit event: it is not a copy of it as it is now"
            )));
        }
        tx.mark_moved(&to)?;
        Ok(to.clone())
    })
}
