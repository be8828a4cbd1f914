use crate::accounts::config;
use crate::cli::ConfigCommand;
use crate::commands::admit;
use crate::context::Context;
use crate::error::Result;
use crate::input::Input;
use crate::output::{Report, table};
use crate::permissions::SETTINGS_MANAGE;
use crate::settings::{Kind, definition};

pub fn run(ctx: &Context, input: &mut Input<'_>, command: ConfigCommand) -> Result<Report> {
    let mut admitted = admit(ctx, &[SETTINGS_MANAGE])?;
    let store = &mut admitted.store;
    match command {
        ConfigCommand::List => {
            let settings = config::list(store)?;
            let rows = settings.iter().map(|s| {
                [
                    s.key.to_string(),
                    s.value.clone(),
                    s.default.to_string(),
                    s.description.to_string(),
                ]
            });
            let text = table(["setting", "value", "default", "description"], rows);
            Ok(Report::of(&settings).line(text))
        }
        ConfigCommand::Get { key } => {
            let s = config::get(store, &key)?;
            Ok(Report::of(&s).line(s.value))
        }
        ConfigCommand::Set(args) => {
            let raw = match args.value {
                Some(v) => v,
                // A PEM is many lines; any other value is one.
                None if matches!(definition(&args.key)?.kind, Kind::Pem) => {
                    input.stdin_rest("the value")?
                }
                None => input.stdin_line("the value")?,
            };
            let (s, changed) =
                config::set(store, &admitted.actor, &args.key, &raw, args.value_stdin)?;
            let mut json = serde_json::to_value(&s).unwrap_or_default();
            json["changed"] = serde_json::json!(changed);
            let line = if changed {
                format!("{} = {}", s.key, s.value)
            } else {
                format!("{} is already {}; nothing changed.", s.key, s.value)
            };
            Ok(Report::new(json).line(line))
        }
    }
}
