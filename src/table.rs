//! Tables that fit the terminal. An email, an id or a time is never split across lines: when the
//! table is too wide, the least useful columns go first (a footer names them; `--json` has every
//! field), and prose columns wrap. On a terminal, times are shown in a short local form and ids
//! by their shortest unique prefix, as git does; piped, every value is printed whole.

use std::io::IsTerminal;

use comfy_table::{ColumnConstraint, ContentArrangement, Table};

/// What a column holds, which says how it may be fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An email or a name of something: never split.
    Whole,
    /// An RFC 3339 time: never split; short and local on a terminal.
    Time,
    /// A random id: never split; its shortest unique prefix on a terminal.
    Id,
    /// Prose or a list: may wrap.
    Wrap,
}

/// A column: its header, its kind, and how long it stays when the table must shrink (the
/// lowest goes first; the first column always stays).
#[derive(Debug, Clone, Copy)]
pub struct Col {
    pub name: &'static str,
    pub kind: Kind,
    pub keep: u8,
}

pub const fn col(name: &'static str, kind: Kind, keep: u8) -> Col {
    Col { name, kind, keep }
}

/// The narrowest a wrapping column is squeezed to before columns are dropped.
const MIN_WRAP: usize = 12;
/// The shortest id prefix shown (git's default abbreviation).
const MIN_ID: usize = 7;

/// Where the table goes, and how wide it may be.
#[derive(Debug, Clone, Copy)]
pub struct Screen {
    pub terminal: bool,
    pub width: Option<usize>,
}

impl Screen {
    /// Standard output: its width on a terminal, else `COLUMNS` where it is set, else unlimited.
    pub fn stdout() -> Screen {
        let terminal = std::io::stdout().is_terminal();
        let width = terminal_size::terminal_size_of(std::io::stdout())
            .map(|(w, _)| usize::from(w.0))
            .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok());
        Screen { terminal, width }
    }
}

/// Renders the table for standard output.
pub fn render<const N: usize>(
    columns: [Col; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> String {
    render_on(Screen::stdout(), columns, rows)
}

pub fn render_on<const N: usize>(
    screen: Screen,
    columns: [Col; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> String {
    let mut rows: Vec<[String; N]> = rows.into_iter().collect();
    if screen.terminal {
        for (i, c) in columns.iter().enumerate() {
            match c.kind {
                Kind::Time => rows.iter_mut().for_each(|r| r[i] = short_time(&r[i])),
                Kind::Id => shorten_ids(&mut rows, i),
                Kind::Whole | Kind::Wrap => {}
            }
        }
    }
    let content = |i: usize| {
        rows.iter()
            .map(|r| display_width(&r[i]))
            .chain([display_width(columns[i].name)])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..N).map(content).collect();
    let mut shown: Vec<usize> = (0..N).collect();
    let mut dropped = Vec::new();
    if let Some(width) = screen.width {
        // Each column costs its content and 3 of border and padding; the table 1 more.
        let needed = |shown: &[usize]| {
            1 + shown
                .iter()
                .map(|&i| match columns[i].kind {
                    Kind::Wrap => widths[i].min(MIN_WRAP),
                    _ => widths[i],
                } + 3)
                .sum::<usize>()
        };
        while needed(&shown) > width && shown.len() > 1 {
            let Some(pos) = (1..shown.len()).min_by_key(|&p| (columns[shown[p]].keep, p)) else {
                break;
            };
            dropped.push(columns[shown.remove(pos)].name);
        }
    }
    let mut table = Table::new();
    table
        .load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(shown.iter().map(|&i| columns[i].name));
    if let Some(width) = screen.width {
        table.set_width(u16::try_from(width).unwrap_or(u16::MAX));
    }
    for row in &rows {
        table.add_row(shown.iter().map(|&i| row[i].as_str()));
    }
    for (pos, &i) in shown.iter().enumerate() {
        if columns[i].kind != Kind::Wrap
            && let Some(column) = table.column_mut(pos)
        {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    let mut text = table.to_string();
    if !dropped.is_empty() {
        let footer = format!(
            "Not shown at this width: {} (--json has every field).",
            dropped.join(", ")
        );
        text.push('\n');
        text.push_str(&wrap(&footer, screen.width.unwrap_or(usize::MAX)));
    }
    text
}

/// `text` broken between words into lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split(' ') {
        let line = lines.last_mut().map_or(0, |l| l.chars().count());
        if line > 0 && line + 1 + word.chars().count() > width {
            lines.push(String::new());
        }
        if let Some(last) = lines.last_mut() {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines.join("\n")
}

fn display_width(s: &str) -> usize {
    s.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// `2026-11-30T09:31:05Z` as `2026-11-30 10:31` in the local time zone; anything else as it is.
pub fn short_time(text: &str) -> String {
    match text.parse::<jiff::Timestamp>() {
        Ok(t) => t
            .to_zoned_datetime(jiff::tz::TimeZone::system())
            .strftime("%Y-%m-%d %H:%M")
            .to_string(),
        Err(_) => text.to_string(),
    }
}

/// Each id of column `i` cut to the shortest prefix (at least 7 characters) that tells the ids
/// of the table apart; a marker after the id (` *`) stays.
fn shorten_ids<const N: usize>(rows: &mut [[String; N]], i: usize) {
    let ids: Vec<String> = rows
        .iter()
        .map(|r| r[i].split(' ').next().unwrap_or_default().to_string())
        .collect();
    let longest = ids.iter().map(String::len).max().unwrap_or(0);
    let unique_at = (MIN_ID..=longest)
        .find(|&n| {
            let mut prefixes: Vec<&str> = ids.iter().map(|id| id.get(..n).unwrap_or(id)).collect();
            prefixes.sort_unstable();
            prefixes.windows(2).all(|w| w[0] != w[1])
        })
        .unwrap_or(longest);
    for (row, id) in rows.iter_mut().zip(&ids) {
        if let Some(short) = id.get(..unique_at).filter(|s| s.len() < id.len()) {
            row[i] = row[i].replacen(id.as_str(), short, 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: [Col; 4] = [
        col("email", Kind::Whole, 9),
        col("name", Kind::Wrap, 2),
        col("roles", Kind::Wrap, 5),
        col("last login", Kind::Time, 4),
    ];

    fn rows() -> Vec<[String; 4]> {
        vec![[
            "a-rather-long-address@example.com".into(),
            "".into(),
            "admin, support, billing, operations".into(),
            "2026-11-30T01:53:59Z".into(),
        ]]
    }

    #[test]
    fn emails_and_times_are_never_split_and_columns_go_first() {
        for width in [40, 60, 80, 120] {
            let screen = Screen {
                terminal: false,
                width: Some(width),
            };
            let text = render_on(screen, COLUMNS, rows());
            assert!(
                text.contains("a-rather-long-address@example.com"),
                "{width}:\n{text}"
            );
            assert!(
                text.lines().all(|l| l.chars().count() <= width),
                "{width}:\n{text}"
            );
            let flat = text.replace('\n', " ");
            let time_shown = text.contains("2026-11-30T01:53:59Z");
            assert!(
                time_shown || flat.contains("Not shown at this width: name, last login"),
                "{width}:\n{text}"
            );
            if width <= 60 {
                assert!(
                    flat.contains("Not shown at this width: name"),
                    "{width}:\n{text}"
                );
            }
        }
    }

    #[test]
    fn ids_are_cut_to_their_shortest_unique_prefix() {
        let mut rows = vec![
            ["0123456789abcdef *".to_string()],
            ["0123456fffffffff".to_string()],
            ["9999999999999999".to_string()],
        ];
        shorten_ids(&mut rows, 0);
        assert_eq!(rows[0][0], "01234567 *");
        assert_eq!(rows[1][0], "0123456f");
        assert_eq!(rows[2][0], "99999999");
    }
}
