use crate::accounts::export;
use crate::accounts::import::Format;
use crate::cli::{ExportArgs, FileFormat};
use crate::commands::admit;
use crate::context::Context;
use crate::error::Result;
use crate::output::{Report, Stream};
use crate::permissions::{USERS_MANAGE, USERS_READ};

pub fn run(ctx: &Context, args: ExportArgs) -> Result<Report> {
    let mut admitted = admit(ctx, &[USERS_READ, USERS_MANAGE])?;
    let format = match args.format {
        FileFormat::Csv => Format::Csv,
        FileFormat::Jsonl => Format::Jsonl,
    };
    let mut out = Stream::stdout();
    let count = export::export(&mut admitted.store, &admitted.actor, format, &mut out)?;
    out.finish()?;
    Ok(Report::streamed().note(format!("Exported {count} account(s).")))
}
