//! Everything useradm writes for people and programs: a command's report as human text or one JSON
//! document on stdout, notes on stderr, errors printed once (as JSON on stderr under `--json`),
//! streams of rows written as they come, and what a prompt shows before it asks (a QR code).
//! Commands build reports; only this module writes to stdout and stderr.

use std::io::Write;

use serde_json::Value;

use crate::context::Context;
use crate::error::{Error, Result};

/// What stdout carries for a command.
#[derive(Debug)]
pub enum Document {
    /// One JSON value under `--json`; the report's lines otherwise.
    Json(Value),
    /// The command wrote its rows to stdout as they came, through a [`Stream`] (`export`,
    /// `users list --json`): nothing more goes there.
    Streamed,
}

/// What a command has to say. The command fills both forms; this module picks one.
#[derive(Debug)]
pub struct Report {
    /// Human output for stdout, one entry per line.
    pub lines: Vec<String>,
    pub document: Document,
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
            lines: Vec::new(),
            document: Document::Json(json),
            notes: Vec::new(),
            error: None,
            exit: None,
        }
    }

    /// The report of a command whose output went through a [`Stream`].
    pub fn streamed() -> Report {
        Report {
            document: Document::Streamed,
            ..Report::new(Value::Null)
        }
    }

    /// The report of a serialisable value (a view the library returned).
    pub fn of(value: &impl serde::Serialize) -> Report {
        Report::new(serde_json::to_value(value).unwrap_or_default())
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

/// Rows written to stdout as they come, so memory stays flat for any number of them. A closed
/// pipe (`| head`) is [`Error::OutputClosed`]: the command stops quietly.
pub struct Stream {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    items: usize,
}

impl std::fmt::Debug for Stream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stream")
            .field("items", &self.items)
            .finish()
    }
}

impl Stream {
    pub fn stdout() -> Stream {
        Stream {
            out: std::io::BufWriter::new(std::io::stdout().lock()),
            items: 0,
        }
    }

    /// Starts a JSON array; [`Stream::item`] adds to it and [`Stream::end_array`] closes it.
    pub fn json_array() -> Result<Stream> {
        let mut stream = Stream::stdout();
        stream.write_all(b"[")?;
        Ok(stream)
    }

    pub fn item(&mut self, value: &impl serde::Serialize) -> Result<()> {
        if self.items > 0 {
            self.write_all(b",")?;
        }
        self.write_all(b"\n  ")?;
        serde_json::to_writer(&mut self.out, value).map_err(|e| closed_or(e.into()))?;
        self.items += 1;
        Ok(())
    }

    /// Closes the array; returns how many items it held.
    pub fn end_array(mut self) -> Result<usize> {
        let end: &[u8] = if self.items > 0 { b"\n]\n" } else { b"]\n" };
        self.write_all(end)?;
        self.finish()?;
        Ok(self.items)
    }

    pub fn finish(&mut self) -> Result<()> {
        self.out.flush().map_err(closed_or)
    }

    fn write_all(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.write_all(bytes).map_err(closed_or)
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

fn closed_or(err: std::io::Error) -> Error {
    Error::write_failed("the output", err)
}

/// A progress bar on stderr with this template, when stderr is a terminal and the run is not
/// `--quiet` (nor `--json`, whose reader wants stderr to be one document).
pub fn progress_bar(ctx: &Context, template: &str) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    (std::io::stderr().is_terminal() && !ctx.quiet && !ctx.json).then(|| {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    })
}

/// Shows an enrolment on a terminal: the secret, then the QR code last, so that at 80x24 the
/// whole code stays on the screen with the prompt below it (an address under 34 characters makes
/// a version 5 code: 21 rows). The URI stays in `--json`.
/// The bar of the hashes an import or an apply makes, on a terminal.
pub fn hashing_bar(ctx: &Context) -> Option<indicatif::ProgressBar> {
    progress_bar(ctx, "hashing {bar:40} {pos}/{len} ({per_sec}, {eta} left)")
}

/// What a bar of counted work (hashes) is told: how many are done of how many.
pub fn count_on(bar: &Option<indicatif::ProgressBar>) -> impl Fn(u64, u64) + Sync + '_ {
    move |done, total| {
        if let Some(b) = bar {
            b.set_length(total);
            b.set_position(done);
        }
    }
}

pub fn show_enrolment(ctx: &Context, secret: &str, uri: &str) {
    let qr = qr_text(uri, ctx.color).unwrap_or_default();
    let mut err = std::io::stderr().lock();
    let _ = write!(
        err,
        "Scan the code with an authenticator app, or type the secret into it.\nSecret: {secret}\n{qr}"
    );
}

/// A sign-in link as a QR code on stderr, when it fits the terminal (a phone can open it).
pub fn show_link_code(ctx: &Context, uri: &str) {
    let Some(qr) = qr_text(uri, ctx.color) else {
        return;
    };
    let (cols, rows) = terminal_cells();
    let fits = qr.lines().count() + 4 <= rows
        && qr.lines().map(|l| l.chars().count()).max().unwrap_or(0) <= cols;
    if fits {
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "{qr}");
    }
}

/// The terminal's columns and rows (80x24 when unknown).
fn terminal_cells() -> (usize, usize) {
    terminal_size::terminal_size_of(std::io::stderr())
        .map(|(w, h)| (usize::from(w.0), usize::from(h.0)))
        .unwrap_or((80, 24))
}

/// The smallest QR code of `text` at error correction L, its longest run of characters of the
/// alphanumeric mode (a TOTP secret's base32) in that mode and the rest as bytes. The crate's own
/// segmentation may cut a secret's digits into short numeric segments whose headers cost more
/// than they save, which made the code a version larger for some secrets.
fn qr_code(text: &str) -> Option<qrcode::QrCode> {
    let alphanumeric =
        |b: &u8| b.is_ascii_digit() || b.is_ascii_uppercase() || b" $%*+-./:".contains(b);
    let bytes = text.as_bytes();
    let (mut best, mut run) = ((0, 0), 0);
    for (i, b) in bytes.iter().enumerate() {
        run = if alphanumeric(b) { run + 1 } else { 0 };
        if run > best.1 - best.0 {
            best = (i + 1 - run, i + 1);
        }
    }
    let (head, middle, tail) = (&bytes[..best.0], &bytes[best.0..best.1], &bytes[best.1..]);
    (1..=40).find_map(|v| {
        let mut bits = qrcode::bits::Bits::new(qrcode::Version::Normal(v));
        for (data, in_alphanumeric) in [(head, false), (middle, true), (tail, false)] {
            if data.is_empty() {
                continue;
            }
            let pushed = match in_alphanumeric {
                true => bits.push_alphanumeric_data(data),
                false => bits.push_byte_data(data),
            };
            pushed.ok()?;
        }
        bits.push_terminator(qrcode::EcLevel::L).ok()?;
        qrcode::QrCode::with_bits(bits, qrcode::EcLevel::L).ok()
    })
}

/// The QR code of `text` at error correction L with a 2-module quiet zone, two module rows per
/// line in half blocks. In colour it is drawn black on white whatever the terminal's theme;
/// without colour the glyphs are the light modules, for a dark background.
fn qr_text(text: &str, color: bool) -> Option<String> {
    let code = qr_code(text)?;
    const QUIET: usize = 2;
    let width = code.width();
    let colors = code.to_colors();
    let side = width + 2 * QUIET;
    // Whether the module at (x, y) of the code with its quiet zone is dark.
    let dark = |x: usize, y: usize| {
        let inside = (QUIET..QUIET + width).contains(&x) && (QUIET..QUIET + width).contains(&y);
        inside && colors[(y - QUIET) * width + (x - QUIET)] == qrcode::Color::Dark
    };
    let mut out = String::new();
    for row in (0..side).step_by(2) {
        if color {
            out.push_str("\x1b[30;107m");
        }
        for x in 0..side {
            let (top, bottom) = (dark(x, row), row + 1 < side && dark(x, row + 1));
            // In colour the glyph draws the dark modules (black on white); without, the light ones.
            let (top, bottom) = if color {
                (top, bottom)
            } else {
                (!top, row + 1 < side && !bottom)
            };
            out.push(match (top, bottom) {
                (true, true) => '█',
                (true, false) => '▀',
                (false, true) => '▄',
                (false, false) => ' ',
            });
        }
        if color {
            out.push_str("\x1b[0m");
        }
        out.push('\n');
    }
    Some(out)
}

/// Prints the report; a closed stdout (`| head`) is a quiet success.
pub fn print_report(ctx: &Context, report: &Report) {
    let mut out = std::io::stdout().lock();
    let _ = match &report.document {
        Document::Streamed => Ok(()),
        Document::Json(json) if ctx.json => {
            let doc = serde_json::to_string_pretty(json).unwrap_or_default();
            writeln!(out, "{doc}")
        }
        Document::Json(_) => report.lines.iter().try_for_each(|l| writeln!(out, "{l}")),
    };
    drop(out);
    if !ctx.quiet {
        let mut err = std::io::stderr().lock();
        for note in &report.notes {
            let _ = writeln!(err, "{note}");
        }
    }
}

/// Prints what the reading of the environment had to tell (unless `--quiet`).
pub fn print_warnings(ctx: &Context) {
    if ctx.quiet {
        return;
    }
    let mut err = std::io::stderr().lock();
    for warning in &ctx.warnings {
        let _ = writeln!(err, "useradm: {warning}");
    }
}

/// Prints an error once: `useradm: message`, or `{"error":{…}}` under `--json`.
pub fn print_error(color: bool, json: bool, error: &Error) {
    let mut err = std::io::stderr().lock();
    if json {
        let doc = serde_json::json!({
            "error": { "code": error.code(), "exit": error.exit_code(), "message": error.to_string() }
        });
        let _ = writeln!(err, "{doc}");
    } else {
        let prefix = if color {
            "\x1b[1;31museradm:\x1b[0m"
        } else {
            "useradm:"
        };
        let _ = writeln!(err, "{prefix} {error}");
    }
}

#[cfg(test)]
mod qr_tests {
    use super::*;

    #[test]
    fn an_enrolment_code_fits_80x24_with_the_secret_and_the_prompt() {
        let secret = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        let uri = crate::totp::uri("abcdefghijklmnopqrst@example.com", secret);
        for color in [true, false] {
            let qr = qr_text(&uri, color).unwrap();
            assert_eq!(qr.lines().count(), 21, "{qr}");
            assert!(
                qr.lines()
                    .all(|l| l.chars().filter(|c| !c.is_ascii_control()).count() < 80)
            );
        }
    }
}
