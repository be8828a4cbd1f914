//! Syntax of what users type: email addresses (and their canonical form), names, attributes,
//! role names. Hand-written rather than a crate's: the canonical form of an email is this tool's
//! own contract (docs/schema.md), and no crate checks it the same way.
//! Everything here is pure and total: any input gives a value or a usage error, never a panic.

use icu_properties::props::{DefaultIgnorableCodePoint, GeneralCategory, GeneralCategoryGroup};
use icu_properties::{CodePointMapData, CodePointSetData};
use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};

/// An address as typed (trimmed) and the canonical form that makes it unique: NFC, lowercased,
/// IDNA-ASCII domain. SQLite's NOCASE folds ASCII only, so the canonical form is made here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub address: String,
    pub canonical: String,
}

impl Email {
    /// The canonical address's domain (what follows its last `@`).
    pub fn domain(&self) -> &str {
        self.canonical.rsplit('@').next().unwrap_or_default()
    }
}

const MAX_EMAIL_BYTES: usize = 254;
const MAX_NAME_CHARS: usize = 150;
const MAX_ATTR_VALUE_CHARS: usize = 1024;
const MAX_ATTRS: usize = 64;
const MAX_ATTRS_BYTES: usize = 16 * 1024;

/// Bidirectional controls: they make a name display as something other than what it is.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_forbidden_in_text(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

/// Characters that show as nothing: format characters (category Cf: U+200B, U+2060, U+00AD,
/// bidi marks) and the other default-ignorable code points. Two addresses or names that differ
/// only by these look the same.
fn is_invisible(c: char) -> bool {
    CodePointMapData::<GeneralCategory>::new().get(c) == GeneralCategory::Format
        || CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c)
}

/// A letter or a combining mark: what a joiner may stand between.
fn is_letter_or_mark(c: char) -> bool {
    let category = CodePointMapData::<GeneralCategory>::new().get(c);
    GeneralCategoryGroup::Letter.contains(category) || GeneralCategoryGroup::Mark.contains(category)
}

/// The first invisible character of a name, if any: ZWNJ and ZWJ between letters are written
/// in Persian and Indic names, and are allowed there only.
fn invisible_in_name(name: &str) -> Option<char> {
    let chars: Vec<char> = name.chars().collect();
    chars.iter().enumerate().find_map(|(i, &c)| {
        let joiner = matches!(c, '\u{200C}' | '\u{200D}');
        let between_letters = i > 0
            && chars
                .get(i + 1)
                .is_some_and(|&next| is_letter_or_mark(next))
            && is_letter_or_mark(chars[i - 1]);
        (is_invisible(c) && !(joiner && between_letters)).then_some(c)
    })
}

/// The NFC form; ASCII text is its own NFC form, and is most of what an import reads.
fn nfc(text: &str) -> String {
    if text.is_ascii() {
        text.to_owned()
    } else {
        text.nfc().collect()
    }
}

pub fn parse_email(input: &str) -> Result<Email> {
    let bad = |why: &str| Err(Error::usage(format!("invalid email address: {why}")));
    if input.len() > 4 * MAX_EMAIL_BYTES {
        return bad("longer than 254 bytes");
    }
    // Every check runs on the NFC form: normalisation can turn an allowed character into a
    // forbidden one (U+037E GREEK QUESTION MARK becomes ';').
    let address = nfc(input.trim());
    if address.is_empty() {
        return bad("it is empty");
    }
    if address.len() > MAX_EMAIL_BYTES {
        return bad("longer than 254 bytes");
    }
    if address
        .chars()
        .any(|c| is_forbidden_in_text(c) || c.is_whitespace())
    {
        return bad("it contains spaces or control characters");
    }
    if let Some(c) = address.chars().find(|&c| is_invisible(c)) {
        return bad(&format!(
            "it contains the invisible character U+{:04X}",
            u32::from(c)
        ));
    }
    let Some((local, domain)) = address.rsplit_once('@') else {
        return bad("it has no @");
    };
    if let Some(why) = local_part_problem(local) {
        return bad(why);
    }
    let ascii_domain = match idna::domain_to_ascii(domain) {
        Ok(d) if !d.is_empty() => d,
        _ => return bad("the domain is not a valid domain name"),
    };
    let labels: Vec<&str> = ascii_domain.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if ascii_domain.len() > 253 || !labels.iter().all(label_ok) {
        return bad("the domain is not a valid domain name");
    }
    if labels.len() < 2 && ascii_domain != "localhost" {
        return bad("the domain needs a dot (example.com)");
    }
    if labels
        .last()
        .is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit()))
    {
        return bad("the domain must be a name, not an IP address");
    }
    // Lowercasing can undo NFC (an uppercase letter with no precomposed form gains one once
    // lowercased), so the canonical form is normalised again after it, and checked again.
    let local_canonical = nfc(&local.to_lowercase());
    if let Some(why) = local_part_problem(&local_canonical) {
        return bad(why);
    }
    let canonical = format!("{local_canonical}@{}", ascii_domain.to_lowercase());
    // The domain's ASCII form can be longer than what was typed: the limit holds for both.
    if canonical.len() > MAX_EMAIL_BYTES {
        return bad("longer than 254 bytes once the domain is in its ASCII form");
    }
    Ok(Email { address, canonical })
}

/// What is wrong with a local part (the part before @), if anything.
fn local_part_problem(local: &str) -> Option<&'static str> {
    if local.is_empty() || local.len() > 64 {
        return Some("the part before @ must be 1 to 64 bytes");
    }
    if local
        .chars()
        .any(|c| "\"(),:;<>@[\\]".contains(c) || is_forbidden_in_text(c) || c.is_whitespace())
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
    {
        return Some("the part before @ has a character or dot that is not allowed");
    }
    None
}

/// A first or last name: trimmed, NFC, at most 150 characters, no control or bidi characters.
pub fn parse_name(field: &str, input: &str) -> Result<String> {
    let trimmed = input.trim();
    if trimmed.chars().count() > MAX_NAME_CHARS {
        return Err(Error::usage(format!(
            "{field} is longer than {MAX_NAME_CHARS} characters"
        )));
    }
    if trimmed.chars().any(is_forbidden_in_text) {
        return Err(Error::usage(format!(
            "{field} contains control or bidirectional characters"
        )));
    }
    if let Some(c) = invisible_in_name(trimmed) {
        return Err(Error::usage(format!(
            "{field} contains the invisible character U+{:04X}",
            u32::from(c)
        )));
    }
    Ok(nfc(trimmed))
}

/// `KEY=VALUE` attributes (`--attr`) into a JSON object, checked by [`attributes`].
pub fn parse_attributes(pairs: &[String]) -> Result<serde_json::Map<String, serde_json::Value>> {
    let mut map = serde_json::Map::new();
    for pair in pairs {
        let Some((key, value)) = pair.split_once('=') else {
            return Err(Error::usage(format!(
                "attribute {:?} is not KEY=VALUE",
                truncate(pair)
            )));
        };
        map.insert(
            key.to_string(),
            serde_json::Value::String(value.to_string()),
        );
    }
    attributes(map)
}

/// An account's attributes, wherever they come from (`--attr`, an import, an `apply` file): at
/// most 64; keys 1 to 64 of `A-Z a-z 0-9 _ . -`; text values of at most 1,024 characters without
/// control characters, kept in NFC; 16 KiB in all.
pub fn attributes(
    map: serde_json::Map<String, serde_json::Value>,
) -> Result<serde_json::Map<String, serde_json::Value>> {
    if map.len() > MAX_ATTRS {
        return Err(Error::usage(format!("at most {MAX_ATTRS} attributes")));
    }
    let mut checked = serde_json::Map::new();
    for (key, value) in map {
        let key_ok = !key.is_empty()
            && key.len() <= 64
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b));
        if !key_ok {
            return Err(Error::usage(format!(
                "attribute key {:?} must be 1 to 64 of A-Z a-z 0-9 _ . -",
                truncate(&key)
            )));
        }
        let serde_json::Value::String(value) = value else {
            return Err(Error::usage(format!(
                "attribute {key}: the value must be text"
            )));
        };
        if value.chars().count() > MAX_ATTR_VALUE_CHARS || value.chars().any(is_forbidden_in_text) {
            return Err(Error::usage(format!(
                "attribute {key}: value longer than {MAX_ATTR_VALUE_CHARS} characters or with control characters"
            )));
        }
        checked.insert(key, serde_json::Value::String(nfc(&value)));
    }
    let size = serde_json::to_string(&checked).map_or(usize::MAX, |t| t.len());
    if size > MAX_ATTRS_BYTES {
        return Err(Error::usage("attributes larger than 16 KiB in all"));
    }
    Ok(checked)
}

/// Role names: lowercase letters, digits, `_`, `-`, `.`; 1 to 64 of them.
pub fn role_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_-.".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "invalid role name {:?}: 1 to 64 of a-z 0-9 _ - .",
            name.chars().take(60).collect::<String>()
        )))
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_email_folds_case_unicode_and_idn() {
        let e = parse_email("  Alice@Example.COM ").unwrap();
        assert_eq!(e.address, "Alice@Example.COM");
        assert_eq!(e.canonical, "alice@example.com");
        let e = parse_email("ÉLODIE@Bücher.example").unwrap();
        assert_eq!(e.canonical, "élodie@xn--bcher-kva.example");
        // NFD input gets the same canonical form as NFC input.
        let nfd = parse_email("e\u{301}lodie@bücher.example").unwrap();
        assert_eq!(nfd.canonical, "élodie@xn--bcher-kva.example");
        assert_eq!(
            parse_email("root@localhost").unwrap().canonical,
            "root@localhost"
        );
    }

    #[test]
    fn bad_emails_are_usage_errors() {
        for bad in [
            "",
            "plain",
            "a@b",
            "a@@b.com",
            "a b@c.com",
            "a@b.com\r\nBcc: x@y.com",
            "a\0@b.com",
            ".a@b.com",
            "a..b@c.com",
            "a@-b.com",
            "a@1.2.3.4",
            "a@b..com",
        ] {
            let err = parse_email(bad).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}");
        }
        assert!(parse_email(&format!("{}@b.com", "a".repeat(65))).is_err());
        assert!(parse_email(&"a".repeat(1_000_000)).is_err());
        // 32 x "İ" is 64 bytes typed but 96 once lowercased: refused, so the canonical form always parses.
        assert!(parse_email(&format!("{}@b.com", "İ".repeat(32))).is_err());
    }

    #[test]
    fn invisible_characters_make_no_look_alikes() {
        for hidden in [
            '\u{200B}', '\u{2060}', '\u{00AD}', '\u{200E}', '\u{200C}', '\u{200D}', '\u{FE0F}',
        ] {
            let email = format!("admin{hidden}@example.com");
            assert_eq!(parse_email(&email).unwrap_err().exit_code(), 2, "{email:?}");
            assert!(
                parse_name("name", &format!("Ann{hidden}")).is_err(),
                "{hidden:?}"
            );
            assert!(
                parse_name("name", &format!("{hidden}Ann")).is_err(),
                "{hidden:?}"
            );
        }
        // ZWNJ and ZWJ between letters belong to Persian and Indic names.
        assert!(
            parse_name(
                "name",
                "\u{0645}\u{06CC}\u{200C}\u{062E}\u{0648}\u{0627}\u{0647}\u{0645}"
            )
            .is_ok()
        );
        assert!(parse_name("name", "\u{0915}\u{094D}\u{200D}\u{0937}").is_ok());
        assert!(parse_name("name", "Ann \u{200C}Lee").is_err());
        assert!(parse_email("élodie@bücher.example").is_ok());
    }

    #[test]
    fn names_refuse_control_and_bidi() {
        assert_eq!(parse_name("first name", "  Zoë ").unwrap(), "Zoë");
        assert!(parse_name("first name", "a\u{202E}b").is_err());
        assert!(parse_name("first name", "a\nb").is_err());
        assert!(parse_name("first name", &"x".repeat(151)).is_err());
    }

    #[test]
    fn attributes_parse() {
        let m = parse_attributes(&["team=ops".into(), "x.y=a=b".into()]).unwrap();
        assert_eq!(m["team"], "ops");
        assert_eq!(m["x.y"], "a=b");
        assert!(parse_attributes(&["noequals".into()]).is_err());
        assert!(parse_attributes(&["bad key=1".into()]).is_err());
    }

    #[test]
    fn attributes_from_files_follow_the_same_rule() {
        let map = |v: serde_json::Value| v.as_object().unwrap().clone();
        let ok = attributes(map(serde_json::json!({"team": "Cafe\u{301}"}))).unwrap();
        assert_eq!(ok["team"], "Caf\u{e9}");
        for bad in [
            serde_json::json!({"": "v"}),
            serde_json::json!({"bad key!": "v"}),
            serde_json::json!({"k": "a\u{202e}b"}),
            serde_json::json!({"k": "x".repeat(1025)}),
            serde_json::json!({"k": 3}),
            serde_json::json!({"k": {"nested": "v"}}),
        ] {
            assert!(attributes(map(bad.clone())).is_err(), "{bad}");
        }
        let many: serde_json::Map<_, _> = (0..65)
            .map(|i| (format!("k{i}"), serde_json::Value::from("v")))
            .collect();
        assert!(attributes(many).is_err());
        let large: serde_json::Map<_, _> = (0..20)
            .map(|i| (format!("k{i}"), serde_json::Value::from("x".repeat(1000))))
            .collect();
        assert!(attributes(large).is_err());
    }
}
