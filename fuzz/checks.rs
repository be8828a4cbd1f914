//! What each fuzz target asserts, in one place: the targets in `fuzz_targets/` run these on
//! generated inputs, and the test suite (`tests/integration/fuzz_regressions.rs`) replays every
//! kept input of `regressions/<target>/` through the same functions.

/// Codes read back as themselves, however they are shown.
pub fn code_normalise(text: &str) {
    use useradm::codes::{LENGTH, display, normalise};
    if let Some(code) = normalise(text, LENGTH) {
        assert_eq!(
            normalise(&display(&code), LENGTH).as_deref(),
            Some(code.as_str())
        );
    }
}

/// A canonical email parses again to itself; the other validators never panic.
pub fn email_name(text: &str) {
    if let Ok(email) = useradm::validate::parse_email(text) {
        let again =
            useradm::validate::parse_email(&email.canonical).expect("a canonical email parses");
        assert_eq!(again.canonical, email.canonical);
    }
    let _ = useradm::validate::parse_name("name", text);
    let _ = useradm::validate::parse_attributes(&[text.to_string()]);
    let _ = useradm::permissions::validate(text);
}

/// Parsing never panics; a hash that parses is bounded, and the cheap ones verify without a panic.
pub fn hash_parse(text: &str) {
    let _ = useradm::hashes::fast_legacy(text);
    if let Ok(stored) = useradm::hashes::parse(text) {
        let cheap = match &stored {
            useradm::hashes::Stored::Argon2(phc) => useradm::crypto::inspect_hash(phc)
                .map(|h| {
                    h.cost.memory_kib <= 64 && h.cost.iterations <= 2 && h.cost.parallelism <= 2
                })
                .unwrap_or(false),
            useradm::hashes::Stored::Pbkdf2Sha256 { iterations, .. } => *iterations <= 1000,
            _ => false,
        };
        if cheap {
            let _ = useradm::hashes::verify_password(b"password", text);
        }
    }
}

/// Any text gives rows and line errors, never a panic.
pub fn import_parse(text: &str) {
    use useradm::accounts::import::parse::{Format, parse};
    for format in [Format::Csv, Format::Jsonl] {
        let _ = parse(text, format);
    }
}

/// Any bytes are a session file or exit 4, never a panic.
pub fn session_file(data: &[u8]) {
    if let Err(e) = useradm::session::parse(data, std::path::Path::new("fuzz.json")) {
        assert_eq!(e.exit_code(), 4);
    }
}
