use crate::accounts::config;
use crate::cli::ConfigCommand;
use crate::commands::admit;
use crate::context::Context;
use crate::error::Result;
use crate::input::Input;
use crate::output::Report;
use crate::permissions::{SETTINGS_MANAGE, SETTINGS_READ};
use crate::settings::{self, definition};
use crate::table::{self, Kind, col};

pub fn run(ctx: &Context, input: &mut Input<'_>, command: ConfigCommand) -> Result<Report> {
    let reads = matches!(command, ConfigCommand::List | ConfigCommand::Get { .. });
    let mut admitted = admit(ctx, if reads { &[] } else { &[SETTINGS_MANAGE] })?;
    if reads {
        admitted
            .actor
            .require_one_of(&[SETTINGS_READ, SETTINGS_MANAGE])?;
    }
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
            let text = table::render(
                [
                    col("setting", Kind::Whole, 9),
                    col("value", Kind::Wrap, 8),
                    col("default", Kind::Wrap, 2),
                    col("description", Kind::Wrap, 1),
                ],
                rows,
            );
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
                None if matches!(definition(&args.key)?.kind, settings::Kind::Pem) => {
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
