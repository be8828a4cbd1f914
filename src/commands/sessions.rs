use crate::accounts::sessions;
use crate::cli::SessionsCommand;
use crate::commands::{Admitted, admit};
use crate::context::Context;
use crate::error::Result;
use crate::output::Report;
use crate::table::{self, Kind, col};

pub fn run(ctx: &Context, command: SessionsCommand) -> Result<Report> {
    let Admitted {
        mut store, actor, ..
    } = admit(ctx, &[])?;
    match command {
        SessionsCommand::List { all } => {
            let list = sessions::list(&store, &actor, all)?;
            let rows = list.iter().map(|s| {
                [
                    format!("{}{}", s.id, if s.current { " *" } else { "" }),
                    s.email.clone(),
                    s.created_at.clone(),
                    s.last_seen_at.clone(),
                    s.expires_at.clone(),
                ]
            });
            let text = table::render(
                [
                    col("session", Kind::Id, 9),
                    col("user", Kind::Whole, 8),
                    col("created", Kind::Time, 2),
                    col("last seen", Kind::Time, 5),
                    col("expires", Kind::Time, 4),
                ],
                rows,
            );
            Ok(Report::of(&list).line(text))
        }
        SessionsCommand::Revoke { id } => {
            let s = sessions::revoke(&mut store, &actor, &id)?;
            Ok(
                Report::new(serde_json::json!({ "session": s, "changed": true }))
                    .line(format!("Ended the session {} of {}.", s.id, s.email)),
            )
        }
    }
}
