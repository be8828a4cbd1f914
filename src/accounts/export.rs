//! `export`: every account as CSV or JSON Lines, written one at a time (memory stays flat). Never
//! a hash or another secret: an export is what an import reads, not a backup of credentials. CSV
//! cells that a spreadsheet would run as a formula are quoted (`'=…`); CSV import unquotes them.

use serde::Serialize;

use crate::accounts::import::Format;
use crate::accounts::import::parse::quote_formula;
use crate::accounts::users::{self, ListFilter};
use crate::accounts::{AccountState, UserView};
use crate::error::{Error, Result};
use crate::gate::Actor;
use crate::store::{Status, Store};

/// One exported account: profile, roles, status, whether its address is verified.
#[derive(Debug, Serialize)]
pub struct ExportRow {
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub attributes: serde_json::Value,
    pub roles: Vec<String>,
    pub email_verified: bool,
    pub status: Status,
}

impl From<UserView> for ExportRow {
    fn from(u: UserView) -> ExportRow {
        ExportRow {
            email: u.email,
            first_name: u.first_name,
            last_name: u.last_name,
            attributes: u.attributes,
            roles: u.roles,
            email_verified: u.email_verified,
            // A lock is not state to carry over.
            status: if u.status == AccountState::Disabled {
                Status::Disabled
            } else {
                Status::Active
            },
        }
    }
}

/// Writes every account to `out`, and records who exported how many (`export`); returns how many.
pub fn export(
    store: &mut Store,
    actor: &Actor,
    format: Format,
    out: &mut dyn std::io::Write,
) -> Result<usize> {
    let fail = |e: std::io::Error| Error::write_failed("the export", e);
    let mut count = 0;
    match format {
        Format::Csv => {
            let csv_fail = |e: csv::Error| match e.into_kind() {
                csv::ErrorKind::Io(e) => fail(e),
                other => Error::internal(format!("cannot write the export: {other:?}")),
            };
            let mut w = csv::Writer::from_writer(out);
            w.write_record(crate::accounts::import::parse::EXPORTED_COLUMNS)
                .map_err(csv_fail)?;
            users::list(store, &Default::default(), ListFilter::ALL, &mut |view| {
                let row = ExportRow::from(view);
                count += 1;
                let cells = [
                    row.email.as_str(),
                    &row.first_name,
                    &row.last_name,
                    &row.attributes.to_string(),
                    &row.roles.join(";"),
                    if row.email_verified { "true" } else { "false" },
                    row.status.as_str(),
                ];
                w.write_record(cells.map(quote_formula).iter().map(|c| c.as_bytes()))
                    .map_err(csv_fail)
            })?;
            w.flush().map_err(fail)?;
        }
        Format::Jsonl => {
            users::list(store, &Default::default(), ListFilter::ALL, &mut |view| {
                count += 1;
                let line = serde_json::to_string(&ExportRow::from(view))
                    .map_err(|e| Error::internal(format!("cannot write the export: {e}")))?;
                writeln!(out, "{line}").map_err(fail)
            })?;
        }
    }
    let detail = serde_json::json!({
        "format": match format { Format::Csv => "csv", Format::Jsonl => "jsonl" },
        "accounts": count,
    });
    let event = actor.event("export").with(detail);
    store.write(|tx| tx.append_audit(&event, crate::clock::now()))?;
    Ok(count)
}
