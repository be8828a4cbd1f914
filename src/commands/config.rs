use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::accounts::config;
use crate::cli::ConfigCommand;
use crate::commands::open;
use crate::context::Context;
use crate::error::Result;
use crate::gate;
use crate::input::Input;
use crate::output::Report;
use crate::permissions::SETTINGS_MANAGE;

pub fn run(ctx: &Context, input: &mut Input<'_>, command: ConfigCommand) -> Result<Report> {
    let (mut store, policy) = open(ctx)?;
    let actor = gate::require(
        &store,
        &policy,
        &ctx.session_path(store.database_id()),
        &[SETTINGS_MANAGE],
    )?;
    match command {
        ConfigCommand::List => {
            let settings = config::list(&store)?;
            let mut table = Table::new();
            table
                .load_style(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic);
            table.set_header(["setting", "value", "default", "description"]);
            for s in &settings {
                table.add_row([s.key, s.value.as_str(), s.default, s.description]);
            }
            Ok(
                Report::new(serde_json::to_value(&settings).unwrap_or_default())
                    .line(table.to_string()),
            )
        }
        ConfigCommand::Get { key } => {
            let s = config::get(&store, &key)?;
            Ok(Report::new(serde_json::to_value(&s).unwrap_or_default()).line(s.value))
        }
        ConfigCommand::Set(args) => {
            let raw = match args.value {
                Some(v) => v,
                None => input.stdin_line("the value")?,
            };
            let (s, changed) = config::set(&mut store, &actor, &args.key, &raw, args.value_stdin)?;
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
