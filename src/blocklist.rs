//! Passwords no one may choose, whatever their score: the built-in list of common passwords
//! (`data/README.md`: where it comes from, its licence) and an administrator's own file
//! (`password.blocklist_file`). Both are searched by halving, never scanned: the built-in list
//! is sorted in memory; a file is searched on disk with seeks, so a breach corpus of any size
//! costs a few dozen reads.
//!
//! A file is one of two forms, told apart by its first line: plain text, one password a line,
//! NFKC-normalised, lowercased and sorted bytewise (`LC_ALL=C sort -u`); or the sorted
//! `SHA1:count` form of public breach corpora (upper-case hex SHA-1 of the password as typed).

use std::cmp::Ordering;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};

static BUILTIN: &[u8] = include_bytes!("../data/common-passwords.zlib");

/// A password as the lists hold it: NFKC, then lowercased (full Unicode lowercase stands in for
/// case folding).
pub fn normalise(password: &str) -> String {
    password.nfkc().collect::<String>().to_lowercase()
}

/// The built-in list: its text (sorted lines) and where each line starts.
struct Builtin {
    text: String,
    starts: Vec<u32>,
}

fn builtin() -> &'static Builtin {
    static LIST: OnceLock<Builtin> = OnceLock::new();
    LIST.get_or_init(|| {
        // The data is part of the binary and checked by a test: it cannot fail to inflate but
        // through a build defect, and then the list is empty rather than a panic.
        let bytes = miniz_oxide::inflate::decompress_to_vec_zlib(BUILTIN).unwrap_or_default();
        let text = String::from_utf8(bytes).unwrap_or_default();
        let mut starts = vec![0];
        starts.extend(
            text.match_indices('\n')
                .filter_map(|(i, _)| u32::try_from(i + 1).ok())
                .filter(|&i| (i as usize) < text.len()),
        );
        Builtin { text, starts }
    })
}

/// How many passwords the built-in list holds.
pub fn builtin_len() -> usize {
    let list = builtin();
    if list.text.is_empty() {
        0
    } else {
        list.starts.len()
    }
}

/// Whether the normalised password is on the built-in list.
fn in_builtin(normalised: &str) -> bool {
    let list = builtin();
    let line = |start: u32| {
        let rest = &list.text[start as usize..];
        rest.split('\n').next().unwrap_or_default()
    };
    list.starts
        .binary_search_by(|&start| line(start).as_bytes().cmp(normalised.as_bytes()))
        .is_ok()
}

/// Whether `password` (NFKC-normalised; `typed` as entered) is on the built-in list or on the
/// administrator's `file`. A configured file that cannot be read fails closed (exit 10).
pub fn listed(password: &str, typed: &str, file: Option<&Path>) -> Result<bool> {
    let normalised = normalise(password);
    if in_builtin(&normalised) {
        return Ok(true);
    }
    let Some(path) = file else {
        return Ok(false);
    };
    in_file(path, &normalised, password, typed).map_err(|e| unreadable(path, &e))
}

/// Fails (exit 10, naming it) when the administrator's file is configured but cannot be read:
/// a bulk path (`import`) checks once before judging its rows.
pub fn readable(file: Option<&Path>) -> Result<()> {
    match file {
        None => Ok(()),
        Some(path) => File::open(path)
            .map(|_| ())
            .map_err(|e| unreadable(path, &e)),
    }
}

/// A configured file that cannot be read: no new password is judged without it.
fn unreadable(path: &Path, e: &std::io::Error) -> Error {
    Error::storage(format!(
        "password.blocklist_file {}: {e}; no password can be set until it is readable \
         (or the setting is emptied)",
        path.display()
    ))
}

fn in_file(path: &Path, normalised: &str, password: &str, typed: &str) -> std::io::Result<bool> {
    let mut file = File::open(path)?;
    let len = file.metadata()?.len();
    let first = next_line(&mut file, 0)?.map(|l| l.text).unwrap_or_default();
    if is_sha1_line(&first) {
        // The password as stored (NFKC) and as typed: one search when they are the same.
        let typed = Some(typed).filter(|t| *t != password);
        for candidate in std::iter::once(password).chain(typed) {
            let key = crate::crypto::sha1_hex_upper(candidate.as_bytes());
            let by_hash = |line: &[u8]| {
                let hash = line.get(..40).unwrap_or(line);
                hash.to_ascii_uppercase().as_slice().cmp(key.as_bytes())
            };
            if search(&mut file, len, by_hash)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    search(&mut file, len, |line| line.cmp(normalised.as_bytes()))
}

/// `40 hex digits:count`: the form of breach corpora (a plain list's first line never has the
/// colon and count).
fn is_sha1_line(line: &[u8]) -> bool {
    let Some((hash, count)) = line.split_at_checked(40) else {
        return false;
    };
    hash.iter().all(u8::is_ascii_hexdigit)
        && count.first() == Some(&b':')
        && count.len() > 1
        && count[1..].iter().all(u8::is_ascii_digit)
}

/// Binary search over the lines of a file sorted by `cmp` (a line compared with the key).
fn search(file: &mut File, len: u64, cmp: impl Fn(&[u8]) -> Ordering) -> std::io::Result<bool> {
    let (mut lo, mut hi) = (0u64, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match next_line(file, mid)? {
            None => hi = mid,
            Some(line) => match cmp(&line.text) {
                Ordering::Equal => return Ok(true),
                Ordering::Less => lo = line.next,
                Ordering::Greater => hi = mid,
            },
        }
    }
    Ok(false)
}

/// A line of a file: its bytes without the line end (`\n` or `\r\n`), and where the next starts.
struct Line {
    text: Vec<u8>,
    next: u64,
}

/// The first line that starts at or after `pos`; lines longer than 4 KiB are cut there (no
/// password is that long).
fn next_line(file: &mut File, pos: u64) -> std::io::Result<Option<Line>> {
    file.seek(SeekFrom::Start(pos.saturating_sub(1)))?;
    let mut reader = BufReader::with_capacity(512, &mut *file);
    let mut start = pos;
    if pos > 0 {
        // The byte before `pos` ends a line exactly when `pos` starts one; a line of any length
        // is skipped without being held.
        let mut skipped = 0u64;
        loop {
            let buf = reader.fill_buf()?;
            if buf.is_empty() {
                return Ok(None);
            }
            if let Some(i) = buf.iter().position(|b| *b == b'\n') {
                reader.consume(i + 1);
                skipped += i as u64 + 1;
                break;
            }
            let n = buf.len();
            reader.consume(n);
            skipped += n as u64;
        }
        start = pos - 1 + skipped;
    }
    let mut text = Vec::new();
    let n = reader.take(4096).read_until(b'\n', &mut text)?;
    if n == 0 {
        return Ok(None);
    }
    while text.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        text.pop();
    }
    Ok(Some(Line {
        text,
        next: start + n as u64,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_list_holds_the_common_passwords() {
        assert!(builtin_len() >= 100_000, "{}", builtin_len());
        for common in [
            "correcthorsebatterystaple",
            "yfdbufnjh10305070",
            "Password1",
            "ＱＷＥＲＴＹＵＩＯＰ",
        ] {
            assert!(listed(common, common, None).unwrap(), "{common}");
        }
        assert!(!listed("quartz lemur tundra 1865", "x", None).unwrap());
    }

    fn file(text: &str) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        std::io::Write::write_all(&mut f, text.as_bytes()).unwrap();
        f
    }

    #[test]
    fn a_sorted_file_is_searched_in_both_forms() {
        let words = ["acme-spring-2026", "bravo-tango-9999", "zulu-zulu-zulu-1"];
        let plain = file(&(words.join("\n") + "\n"));
        for w in words {
            assert!(listed(w, w, Some(plain.path())).unwrap(), "{w}");
        }
        let upper = "ACME-Spring-2026";
        assert!(listed(upper, upper, Some(plain.path())).unwrap());
        for absent in ["aaaa-first-0000", "charlie-middle-1", "zzzz-last-9999"] {
            assert!(
                !listed(absent, absent, Some(plain.path())).unwrap(),
                "{absent}"
            );
        }
        let mut hashes: Vec<String> = words
            .iter()
            .map(|w| {
                format!(
                    "{}:{}",
                    crate::crypto::sha1_hex_upper(w.as_bytes()),
                    w.len()
                )
            })
            .collect();
        hashes.sort();
        let corpus = file(&(hashes.join("\r\n") + "\r\n"));
        for w in words {
            assert!(listed(w, w, Some(corpus.path())).unwrap(), "{w}");
        }
        assert!(!listed("charlie-middle-1", "charlie-middle-1", Some(corpus.path())).unwrap());
        // A line longer than any buffer, and a plain list whose first line looks like a hash.
        let long = file(&format!(
            "{}\nmiddle-entry-2026\n{}\nzz-last-entry-2026\n",
            "0123456789abcdef0123456789abcdef01234567",
            "m".repeat(3 << 20)
        ));
        for w in ["middle-entry-2026", "zz-last-entry-2026"] {
            assert!(listed(w, w, Some(long.path())).unwrap(), "{w}");
        }
        let gone = Path::new("/nonexistent/blocklist.txt");
        let err = listed("charlie-middle-1", "x", Some(gone)).unwrap_err();
        assert_eq!(err.exit_code(), 10);
        assert!(
            err.to_string().contains("/nonexistent/blocklist.txt"),
            "{err}"
        );
    }
}
