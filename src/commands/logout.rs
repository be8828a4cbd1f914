use crate::accounts::credentials;
use crate::cli::LogoutArgs;
use crate::commands::open;
use crate::context::{Context, SessionLocation};
use crate::error::{Error, Result};
use crate::output::Report;
use crate::session;

pub fn run(ctx: &Context, args: LogoutArgs) -> Result<Report> {
    // Logout always cleans up and succeeds: without a database there is no session to end, but
    // an explicit session file still goes.
    let mut store = match open(ctx) {
        Ok(opened) => opened.store,
        Err(e @ Error::Storage(_)) => {
            let removed = match &ctx.session {
                SessionLocation::File(file) => session::remove(file)?,
                SessionLocation::Dir(_) => false,
            };
            return Ok(Report::new(
                serde_json::json!({ "email": null, "sessions_ended": 0, "changed": removed }),
            )
            .line("Not logged in; nothing to do.")
            .note(format!("warning: {e}")));
        }
        Err(e) => return Err(e),
    };
    let path = ctx.session_path(store.database_id());
    let out = credentials::logout(&mut store, &path, args.all)?;
    let line = match (&out.email, out.sessions_ended) {
        (Some(email), n) if args.all => {
            format!("Logged out {email} everywhere ({n} session(s) ended).")
        }
        (Some(email), _) => format!("Logged out {email}."),
        (None, _) if out.file_removed => {
            "The session had already ended; its file was removed.".to_string()
        }
        (None, _) => "Not logged in; nothing to do.".to_string(),
    };
    Ok(Report::new(serde_json::json!({
        "email": out.email,
        "sessions_ended": out.sessions_ended,
        "changed": out.sessions_ended > 0 || out.file_removed,
    }))
    .line(line))
}
