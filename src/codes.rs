//! One-time codes as people see them: 8 characters of an alphabet without vowels (no words, no
//! look-alikes), shown `XXXX-XXXX`, read case-insensitively ignoring spaces and dashes.

use crate::error::Result;

pub const ALPHABET: &[u8] = b"BCDFGHJKLMNPQRSTVWXZ";
pub const LENGTH: usize = 8;

/// What a code is for; a code of one purpose never works for another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Verify,
    Reset,
    Invite,
    EmailChange,
}

impl Purpose {
    pub fn of(text: &str) -> Option<Purpose> {
        [
            Purpose::Verify,
            Purpose::Reset,
            Purpose::Invite,
            Purpose::EmailChange,
        ]
        .into_iter()
        .find(|p| p.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Verify => "verify",
            Purpose::Reset => "reset",
            Purpose::Invite => "invite",
            Purpose::EmailChange => "email_change",
        }
    }
}

/// A fresh code in its canonical (undashed) form.
pub fn generate() -> Result<String> {
    crate::crypto::random_chars(ALPHABET, LENGTH)
}

/// `BCDFGHJK` → `BCDF-GHJK`.
pub fn display(code: &str) -> String {
    if code.len() == LENGTH && code.is_ascii() {
        format!("{}-{}", &code[..4], &code[4..])
    } else {
        code.to_string()
    }
}

/// The canonical form of what a person typed, or None when it cannot be a code of `length`
/// characters of the alphabet at all (one-time codes have [`LENGTH`]; recovery codes are longer).
pub fn normalise(input: &str, length: usize) -> Option<String> {
    if input.len() > 64 {
        return None;
    }
    let code: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == length && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_case_insensitively_ignoring_spaces_and_dashes() {
        assert_eq!(normalise("bcdf-ghjk", LENGTH).as_deref(), Some("BCDFGHJK"));
        assert_eq!(
            normalise(" BC DF - GH JK\n", LENGTH).as_deref(),
            Some("BCDFGHJK")
        );
        assert_eq!(
            normalise("BCDF-GHJA", LENGTH),
            None,
            "vowels are not in the alphabet"
        );
        assert_eq!(normalise("BCDF-GHJ", LENGTH), None);
        assert_eq!(normalise("ẞCDF-GHJK", LENGTH), None);
        assert_eq!(normalise(&"B".repeat(100), LENGTH), None);
    }

    #[test]
    fn normalise_is_idempotent_on_generated_codes() {
        for _ in 0..50 {
            let code = generate().unwrap();
            assert_eq!(
                normalise(&display(&code), LENGTH).as_deref(),
                Some(code.as_str())
            );
            assert_eq!(normalise(&code, LENGTH).as_deref(), Some(code.as_str()));
        }
    }
}
