//! Rendering: a command's report as human text or one JSON document on stdout, notes on
//! stderr, and errors printed once (as JSON on stderr under `--json`).

use std::io::Write;

use serde_json::Value;

use crate::context::Context;
use crate::error::Error;

/// What a command has to say. The command fills both forms; this module picks one.
#[derive(Debug, Default)]
pub struct Report {
    /// Human output for stdout, one entry per line.
    pub lines: Vec<String>,
    /// The `--json` document.
    pub json: Value,
    /// Hints and notices for stderr (what comes next, where mail went); hidden by `--quiet`.
    pub notes: Vec<String>,
    /// A non-zero exit after a partial success (mail that failed after the account was made).
    pub error: Option<Error>,
    /// A non-zero exit that prints nothing more (`check` answering no).
    pub exit: Option<u8>,
}

impl Report {
    pub fn new(json: Value) -> Report {
        Report {
            json,
            ..Report::default()
        }
    }

    pub fn line(mut self, text: impl Into<String>) -> Report {
        self.lines.push(text.into());
        self
    }

    pub fn note(mut self, text: impl Into<String>) -> Report {
        self.notes.push(text.into());
        self
    }
}

/// A table that fits the terminal width.
pub fn table<const N: usize>(
    header: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> String {
    let mut table = comfy_table::Table::new();
    table
        .load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_header(header);
    for row in rows {
        table.add_row(row);
    }
    table.to_string()
}

/// Prints the report; a closed stdout (`| head`) is a quiet success.
pub fn print_report(ctx: &Context, report: &Report) {
    let mut out = std::io::stdout().lock();
    let _ = if ctx.json && report.json.is_null() {
        // The command wrote its own output (export).
        Ok(())
    } else if ctx.json {
        let doc = serde_json::to_string_pretty(&report.json).unwrap_or_default();
        writeln!(out, "{doc}")
    } else {
        report.lines.iter().try_for_each(|l| writeln!(out, "{l}"))
    };
    drop(out);
    if !ctx.quiet {
        let mut err = std::io::stderr().lock();
        for note in &report.notes {
            let _ = writeln!(err, "{note}");
        }
    }
}

/// Prints an error once: `useradm: message`, or `{"error":{…}}` under `--json`.
pub fn print_error(ctx: Option<&Context>, json: bool, error: &Error) {
    let mut err = std::io::stderr().lock();
    if json {
        let doc = serde_json::json!({
            "error": { "code": error.code(), "exit": error.exit_code(), "message": error.to_string() }
        });
        let _ = writeln!(err, "{doc}");
    } else {
        let color = ctx.is_some_and(|c| c.color);
        let prefix = if color {
            "\x1b[1;31museradm:\x1b[0m"
        } else {
            "useradm:"
        };
        let _ = writeln!(err, "{prefix} {error}");
    }
}
