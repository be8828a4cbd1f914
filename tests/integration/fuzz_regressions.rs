//! Inputs the fuzzers once crashed on (`fuzz/regressions/<target>/`), replayed through the same
//! checks as the fuzz targets in `fuzz/fuzz_targets/`, so a fixed crash stays fixed.

use std::path::Path;

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .map(|e| std::fs::read(e.path()).unwrap())
                .collect()
        })
        .unwrap_or_default()
}

/// What a `&str` fuzz target saw: the longest valid UTF-8 prefix (as `arbitrary` makes it).
fn as_text(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
    }
}

#[test]
fn email_name_regressions() {
    let found = inputs("email_name");
    assert!(!found.is_empty(), "the first fuzz finding is kept");
    for bytes in found {
        let text = as_text(&bytes);
        if let Ok(email) = useradm::validate::parse_email(text) {
            let again =
                useradm::validate::parse_email(&email.canonical).expect("a canonical email parses");
            assert_eq!(again.canonical, email.canonical);
        }
        let _ = useradm::validate::parse_name("name", text);
    }
}

#[test]
fn other_targets_regressions() {
    for bytes in inputs("session_file") {
        let _ = useradm::session::parse(&bytes, Path::new("x"));
    }
    for bytes in inputs("code_normalise")
        .into_iter()
        .chain(inputs("import_parse"))
        .chain(inputs("hash_parse"))
    {
        let text = as_text(&bytes);
        let _ = useradm::codes::normalise(text);
        let _ = useradm::import::parse::parse(text, useradm::import::parse::Format::Csv);
        let _ = useradm::import::parse::parse(text, useradm::import::parse::Format::Jsonl);
        let _ = useradm::hashes::parse(text);
    }
}
