use crate::accounts::copy::{self, Progress};
use crate::cli::CopyArgs;
use crate::commands::admit;
use crate::context::Context;
use crate::error::Result;
use crate::output::{Report, progress_bar};
use crate::permissions::SETTINGS_MANAGE;
use crate::store::{Database, Location};

pub fn copy(ctx: &Context, args: CopyArgs) -> Result<Report> {
    let mut admitted = admit(ctx, &[SETTINGS_MANAGE])?;
    let target = Database {
        location: Location::parse(&args.to)?,
        password_file: args.to_password_file.clone().or_else(|| {
            matches!(ctx.db.location, Location::File(_))
                .then(|| ctx.db.password_file.clone())
                .flatten()
        }),
        ..ctx.db.clone()
    };
    if args.finish {
        let to = copy::finish(&mut admitted.store, &admitted.actor, &target)?;
        return Ok(Report::new(serde_json::json!({ "moved_to": to }))
            .line(format!("Marked this database as moved to {to}.")));
    }
    let bar = progress_bar(
        ctx,
        "copying {msg:16} {bar:40} {pos}/{len} rows ({per_sec})",
    );
    let copied = copy::copy(&mut admitted.store, &admitted.actor, &target, &mut |step| {
        if let Some(b) = &bar {
            match step {
                Progress::Total(n) => b.set_length(n),
                Progress::Table(t) => b.set_message(t.to_string()),
                Progress::Rows(n) => b.inc(n),
            }
        }
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let copied = copied?;
    let tables = copied.tables.len();
    let mut report = Report::of(&copied).line(format!(
        "Copied {} rows in {tables} tables to {}; audit head {}.",
        copied.rows, copied.to, copied.head.hash
    ));
    report = report.note(format!(
        "{} is marked as moved: point every host at {} (--db or USERADM_DB).",
        copied.from, copied.to
    ));
    Ok(report)
}
