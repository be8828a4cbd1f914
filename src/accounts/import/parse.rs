//! Reading import files into raw rows: CSV with a header row, or JSON Lines. Pure and total, so
//! it can be fuzzed: any input gives rows and per-line errors, never a panic.

use std::collections::BTreeMap;

/// What one line of the file said, before validation. `None` is "not given".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawRow {
    pub line: usize,
    pub email: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub attributes: Option<serde_json::Map<String, serde_json::Value>>,
    pub roles: Option<Vec<String>>,
    pub verified: Option<bool>,
    pub password: Option<String>,
    pub password_hash: Option<String>,
    pub status: Option<String>,
    /// The user must change the given password first.
    pub must_change: Option<bool>,
    /// When the account expires (from `/etc/shadow`'s expiry field); `Some(None)`: never.
    pub expires_at: Option<Option<i64>>,
    /// When the account becomes valid; `Some(None)`: at once.
    pub valid_from: Option<Option<i64>>,
}

/// A problem with one line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Jsonl,
}

pub const COLUMNS: &[&str] = &[
    "email",
    "first_name",
    "last_name",
    "attributes",
    "roles",
    "email_verified",
    "verified",
    "password",
    "password_hash",
    "status",
    "must_change",
];

/// The columns `export` writes, in order: every column but the two secrets.
pub const EXPORTED_COLUMNS: [&str; 7] = [
    "email",
    "first_name",
    "last_name",
    "attributes",
    "roles",
    "email_verified",
    "status",
];

/// What a spreadsheet would run as a formula when a cell starts with it.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV cell that a spreadsheet shows as text, never runs: one that starts like a formula (or
/// with the quote itself) gets a leading `'`, which CSV import takes off again.
pub fn quote_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) || cell.starts_with('\'') {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The reverse of [`quote_formula`]: a leading `'` before a formula start (or before another
/// `'`) goes; any other text is left as it is.
pub fn unquote_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

fn split_roles(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Some(true),
        "false" | "0" | "no" => Some(false),
        _ => None,
    }
}

/// Sets one field from text (CSV cells, and JSON strings); an empty text leaves it unset.
fn set_text(row: &mut RawRow, column: &str, value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Ok(());
    }
    match column {
        "email" => row.email = Some(value.to_string()),
        "first_name" => row.first_name = Some(value.to_string()),
        "last_name" => row.last_name = Some(value.to_string()),
        "attributes" => match serde_json::from_str::<serde_json::Value>(value) {
            Ok(serde_json::Value::Object(map)) => row.attributes = Some(map),
            _ => return Err("attributes must be a JSON object".into()),
        },
        "roles" => row.roles = Some(split_roles(value)),
        // `verified`: the name of older exports, kept as an alias.
        "email_verified" | "verified" => {
            let bad = || format!("{column} must be true or false");
            row.verified = Some(parse_bool(value).ok_or_else(bad)?)
        }
        "password" => row.password = Some(value.to_string()),
        "password_hash" => row.password_hash = Some(value.to_string()),
        "status" => row.status = Some(value.to_string()),
        "must_change" => {
            row.must_change = Some(parse_bool(value).ok_or("must_change must be true or false")?)
        }
        other => return Err(format!("unknown column {other:?}")),
    }
    Ok(())
}

/// Parses a whole file. Rows come back in file order; a line with errors yields no row.
pub fn parse(text: &str, format: Format) -> (Vec<RawRow>, Vec<LineError>) {
    match format {
        Format::Csv => parse_csv(text),
        Format::Jsonl => parse_jsonl(text),
    }
}

fn parse_csv(text: &str) -> (Vec<RawRow>, Vec<LineError>) {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    // The csv crate counts a CRLF file's lines one behind (a spreadsheet on Windows saves CRLF):
    // read it with LF endings, so every error names its real line.
    let text = text.replace("\r\n", "\n");
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_ascii_lowercase()).collect(),
        Err(e) => {
            errors.push(LineError {
                line: 1,
                message: format!("cannot read the header row: {e}"),
            });
            return (rows, errors);
        }
    };
    // Named by position, never echoed: the file may be anything readable (/etc/shadow, through
    // a privileged wrapper), and its first line must not reach the output.
    for (i, h) in headers.iter().enumerate() {
        if !COLUMNS.contains(&h.as_str()) {
            errors.push(LineError {
                line: 1,
                message: format!(
                    "column {} of the header row is not a known column (known: {})",
                    i + 1,
                    COLUMNS.join(", ")
                ),
            });
        }
    }
    if !headers.iter().any(|h| h == "email") {
        errors.push(LineError {
            line: 1,
            message: "the header row has no email column".into(),
        });
    }
    if !errors.is_empty() {
        return (rows, errors);
    }
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e
                    .position()
                    .map(|p| usize::try_from(p.line()).unwrap_or(0))
                    .unwrap_or(0);
                errors.push(LineError {
                    line,
                    message: format!("unreadable CSV: {e}"),
                });
                continue;
            }
        };
        let line = record
            .position()
            .map(|p| usize::try_from(p.line()).unwrap_or(0))
            .unwrap_or(0);
        let mut row = RawRow {
            line,
            ..RawRow::default()
        };
        let mut problem = None;
        for (column, value) in headers.iter().zip(record.iter()) {
            if let Err(e) = set_text(&mut row, column, unquote_formula(value)) {
                problem = Some(e);
                break;
            }
        }
        match problem {
            Some(message) => errors.push(LineError { line, message }),
            None => rows.push(row),
        }
    }
    (rows, errors)
}

fn parse_jsonl(text: &str) -> (Vec<RawRow>, Vec<LineError>) {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (i, line_text) in text.lines().enumerate() {
        let line = i + 1;
        if line_text.trim().is_empty() {
            continue;
        }
        let object: BTreeMap<String, serde_json::Value> = match serde_json::from_str(line_text) {
            Ok(o) => o,
            Err(e) => {
                errors.push(LineError {
                    line,
                    message: format!("not a JSON object: {e}"),
                });
                continue;
            }
        };
        let mut row = RawRow {
            line,
            ..RawRow::default()
        };
        let mut problem = None;
        for (key, value) in &object {
            let result = match (key.as_str(), value) {
                (_, serde_json::Value::Null) => Ok(()),
                ("attributes", serde_json::Value::Object(map)) => {
                    row.attributes = Some(map.clone());
                    Ok(())
                }
                ("roles", serde_json::Value::Array(items)) => {
                    let names: Option<Vec<String>> = items
                        .iter()
                        .map(|v| v.as_str().map(str::to_string))
                        .collect();
                    match names {
                        Some(n) => {
                            row.roles = Some(n);
                            Ok(())
                        }
                        None => Err("roles must be strings".to_string()),
                    }
                }
                ("email_verified" | "verified", serde_json::Value::Bool(b)) => {
                    row.verified = Some(*b);
                    Ok(())
                }
                ("must_change", serde_json::Value::Bool(b)) => {
                    row.must_change = Some(*b);
                    Ok(())
                }
                (k, serde_json::Value::String(s)) => set_text(&mut row, k, s),
                (k, _) if !COLUMNS.contains(&k) => Err(format!("unknown key {k:?}")),
                (k, _) => Err(format!("{k} has the wrong type")),
            };
            if let Err(e) = result {
                problem = Some(e);
                break;
            }
        }
        match problem {
            Some(message) => errors.push(LineError { line, message }),
            None => rows.push(row),
        }
    }
    (rows, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_quoting_round_trips() {
        for cell in [
            "=HYPERLINK(\"x\")",
            "+1",
            "-2",
            "@SUM",
            "\tx",
            "\rx",
            "'=x",
            "''",
            "'t Hooft",
            "plain",
            "",
        ] {
            assert_eq!(unquote_formula(&quote_formula(cell)), cell, "{cell:?}");
        }
        assert_eq!(quote_formula("=1+1"), "'=1+1");
        assert_eq!(quote_formula("Alice"), "Alice");
        assert_eq!(unquote_formula("'t Hooft"), "'t Hooft");
    }

    #[test]
    fn csv_rows_carry_their_line_numbers() {
        let text = "email,first_name,roles,verified\na@example.com,Ann,ops;dev,true\n\"b@example.com\",\"B, Jr\",,false\n";
        let (rows, errors) = parse(text, Format::Csv);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].roles, Some(vec!["ops".into(), "dev".into()]));
        assert_eq!(rows[1].first_name.as_deref(), Some("B, Jr"));
        assert_eq!(rows[1].roles, None);
        assert_eq!(rows[1].verified, Some(false));
    }

    #[test]
    fn csv_errors_name_the_line() {
        let (_, errors) = parse("email,colour\n", Format::Csv);
        assert!(errors[0].message.contains("not a known column"));
        let (rows, errors) = parse("email,verified\na@b.com,maybe\nc@d.com,true\n", Format::Csv);
        assert_eq!(
            errors,
            vec![LineError {
                line: 2,
                message: "verified must be true or false".into()
            }]
        );
        assert_eq!(rows.len(), 1);
        let (_, errors) = parse("email,first_name\na@b.com\n", Format::Csv);
        assert_eq!(errors[0].line, 2);
    }

    #[test]
    fn jsonl_rows() {
        let text = "{\"email\":\"a@b.com\",\"roles\":[\"x\"],\"verified\":true,\"attributes\":{\"k\":\"v\"}}\n\n[1]\n{\"email\":\"c@d.com\",\"nope\":1}\n";
        let (rows, errors) = parse(text, Format::Jsonl);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].attributes.as_ref().unwrap()["k"], "v");
        assert_eq!(
            errors.iter().map(|e| e.line).collect::<Vec<_>>(),
            vec![3, 4]
        );
    }

    #[test]
    fn junk_never_panics() {
        for junk in [
            "",
            "\u{0}",
            "email\n\u{feff}",
            "\"",
            "{",
            "email,email\na,b\n",
            "\n\n\n",
        ] {
            let _ = parse(junk, Format::Csv);
            let _ = parse(junk, Format::Jsonl);
        }
    }
}
