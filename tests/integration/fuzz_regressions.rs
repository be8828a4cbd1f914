//! The kept fuzz inputs (`fuzz/regressions/<target>/`: inputs that once crashed, and seeds),
//! replayed through the very checks the fuzz targets run (`fuzz/checks.rs`), so a fixed crash
//! stays fixed. A target with no kept input fails: an empty folder would prove nothing.

use std::path::Path;

use anyhow::Context;

#[path = "../../fuzz/checks.rs"]
mod checks;

fn inputs(target: &str) -> anyhow::Result<Vec<Vec<u8>>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if !path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            found
                .push(std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?);
        }
    }
    anyhow::ensure!(!found.is_empty(), "{} holds no input", dir.display());
    Ok(found)
}

/// What a `&str` fuzz target saw: the longest valid UTF-8 prefix (as `arbitrary` makes it).
fn as_text(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
    }
}

/// A fuzz target's check of one text input.
type TextCheck = fn(&str);

#[test]
fn every_target_replays_its_kept_inputs() -> anyhow::Result<()> {
    let text_targets: [(&str, TextCheck); 4] = [
        ("code_normalise", checks::code_normalise),
        ("email_name", checks::email_name),
        ("hash_parse", checks::hash_parse),
        ("import_parse", checks::import_parse),
    ];
    for (target, check) in text_targets {
        for bytes in inputs(target)? {
            check(as_text(&bytes));
        }
    }
    for bytes in inputs("session_file")? {
        checks::session_file(&bytes);
    }
    Ok(())
}
