use crate::accounts::backup::{self, RestoreRequest};
use crate::accounts::copy::Progress;
use crate::cli::{BackupArgs, RestoreArgs};
use crate::commands::admit;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::gate;
use crate::input::Input;
use crate::output::{Report, progress_bar};
use crate::permissions::SETTINGS_MANAGE;
use crate::store::{Location, Store};

/// A progress bar over the rows copied (on a terminal), and what drives it.
fn rows_bar(ctx: &Context, verb: &str) -> Option<indicatif::ProgressBar> {
    progress_bar(
        ctx,
        &format!("{verb} {{msg:16}} {{bar:40}} {{pos}}/{{len}} rows ({{per_sec}})"),
    )
}

fn drive(bar: &Option<indicatif::ProgressBar>) -> impl FnMut(Progress<'_>) + '_ {
    move |step| {
        if let Some(b) = bar {
            match step {
                Progress::Total(n) => b.set_length(n),
                Progress::Table(t) => b.set_message(t.to_string()),
                Progress::Rows(n) => b.inc(n),
            }
        }
    }
}

pub fn backup(ctx: &Context, args: BackupArgs) -> Result<Report> {
    if args.out.as_os_str() == "-" {
        // Elsewhere `-` is standard input or output; a backup is proved by opening it again.
        return Err(Error::usage(
            "a backup is a file, proved once written: --out names one (not -)",
        ));
    }
    let mut admitted = admit(ctx, &[SETTINGS_MANAGE])?;
    let bar = rows_bar(ctx, "backing up");
    let done = backup::backup(
        &mut admitted.store,
        &admitted.actor,
        &args.out,
        &mut drive(&bar),
    );
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let done = done?;
    Ok(Report::of(&done)
        .line(format!(
            "Backed up {} rows ({} accounts) to {}; it verifies, and its audit head is {}.",
            done.rows, done.accounts, done.file, done.head.hash
        ))
        .note(format!(
            "The file holds every secret the store holds (password hashes, second-factor secrets, \
             token hashes): keep it as you keep the database. Keep the head apart from it: \
             `useradm restore {} --expect-head {}`.",
            done.file, done.head.hash
        )))
}

pub fn restore(ctx: &Context, input: &mut Input<'_>, args: RestoreArgs) -> Result<Report> {
    ctx.caller_can_read(&args.file)?;
    if ctx.db.location.same_as(&Location::File(args.file.clone())) {
        return Err(Error::usage("the backup is the store itself"));
    }
    let backup_store = backup::open_backup(&args.file, &args.expect_head)?;
    let from = std::path::absolute(&args.file)
        .unwrap_or_else(|_| args.file.clone())
        .display()
        .to_string();
    let bar = rows_bar(ctx, "restoring");
    let mut request = RestoreRequest {
        backup: &backup_store,
        from,
        expect_head: &args.expect_head,
        keep_tokens: args.keep_tokens,
        by: None,
    };
    let restored = match Store::open(&ctx.db) {
        Ok(store) => {
            // Over accounts: --force, the right to manage the store, and a confirmation.
            let (mut store, actor) = match backup::holds_accounts(&store)? {
                0 => (store, None),
                n if !args.force => {
                    return Err(Error::Conflict(format!(
                        "the store holds {n} account(s): restore replaces them only with --force"
                    )));
                }
                _ => {
                    let admitted = admit(ctx, &[SETTINGS_MANAGE])?;
                    let name = ctx.db.location.describe();
                    let what = format!("replacing every account of {name} with the backup's");
                    if !input.confirm_destructive(args.yes, &what, "restore", |t| t == "restore")? {
                        return Ok(Report::new(serde_json::json!({ "restored": false }))
                            .line("Nothing was restored."));
                    }
                    (admitted.store, Some(admitted.actor))
                }
            };
            request.by = actor.as_ref().map(|a| a.user.email.clone());
            store.write(|tx| {
                match &actor {
                    Some(actor) => {
                        gate::recheck(tx, actor, &[SETTINGS_MANAGE])?;
                    }
                    // Counted again where it is replaced: none may have come since.
                    None if tx.count_rows("users")? > 0 => {
                        return Err(Error::Conflict(
                            "the store holds accounts now: restore replaces them only with --force"
                                .into(),
                        ));
                    }
                    None => {}
                }
                backup::restore_into(tx, &request, &mut drive(&bar))
            })
        }
        Err(open_failed) => match backup::restore_new(&ctx.db, &request, &mut drive(&bar)) {
            Ok(done) => Ok(done),
            // Not a place for a new store either: why the store could not be opened.
            Err(Error::Usage(_) | Error::Storage(_)) => Err(open_failed),
            Err(e) => Err(e),
        },
    };
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let done = restored?;
    Ok(Report::of(&done).line(format!(
        "Restored {} rows ({} accounts) from {}; {} session(s) ended, {} API token(s) and {} unused code(s) revoked; audit head {}.",
        done.rows, done.accounts, done.from, done.sessions_ended, done.tokens_revoked, done.codes_revoked, done.head.hash
    )))
}
