use crate::accounts::sessions;
use crate::cli::SessionsCommand;
use crate::commands::{Admitted, admit};
use crate::context::Context;
use crate::error::Result;
use crate::output::{Report, table};

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
            let text = table(["session", "user", "created", "last seen", "expires"], rows);
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
