//! The password policy (README, "Security defaults"): NFKC, 15–256 code points, no composition
//! rules, not on a list of common or breached passwords, not made of the account's own words, a
//! zxcvbn score with those words as user inputs. A rejection is exit 11 with the reason.

use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};
use crate::settings::Policy;

pub const MAX_PASSWORD_CHARS: usize = 256;

/// A password after NFKC normalisation, ready to hash, and as typed (foreign hashes were made
/// from that). Debug never shows either.
pub struct Password(String, String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

impl Password {
    /// Normalises without judging: for checking an existing password.
    pub fn normalise(raw: &str) -> Password {
        Password(raw.nfkc().collect(), raw.to_string())
    }

    /// The password exactly as typed.
    pub fn typed(&self) -> &[u8] {
        self.1.as_bytes()
    }

    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password the policy accepted: the only kind a flow will store.
#[derive(Debug)]
pub struct NewPassword(Password);

impl NewPassword {
    pub fn password(&self) -> &Password {
        &self.0
    }
}

/// What the policy knows about the account, for zxcvbn's user inputs.
#[derive(Debug, Default)]
pub struct AccountWords<'a> {
    pub email: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
}

/// Judges a new password. Cheap checks run first, so a 1 MB input is refused before zxcvbn
/// or Argon2 ever see it.
pub fn check_new(raw: &str, policy: &Policy, words: &AccountWords<'_>) -> Result<NewPassword> {
    let reject = |why: String| Err(Error::Policy(format!("password rejected: {why}")));
    if raw.chars().count() > MAX_PASSWORD_CHARS * 4 {
        return reject(format!("longer than {MAX_PASSWORD_CHARS} characters"));
    }
    let password = Password::normalise(raw);
    let len = password.0.chars().count();
    if len > MAX_PASSWORD_CHARS {
        return reject(format!("longer than {MAX_PASSWORD_CHARS} characters"));
    }
    if len < policy.password_min_length {
        return reject(format!(
            "{len} characters; at least {} are needed (a few unrelated words make a good one)",
            policy.password_min_length
        ));
    }
    if password.0.chars().any(char::is_control) {
        return reject("it contains control characters".into());
    }
    let local = words.email.split('@').next().unwrap_or_default();
    let inputs: Vec<&str> = [words.email, local, words.first_name, words.last_name]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if crate::blocklist::listed(
        password.as_str(),
        raw,
        policy.password_blocklist_file.as_deref(),
    )? {
        return reject("this password is on a list of common or breached passwords".into());
    }
    if mostly_context(password.as_str(), &inputs, &policy.password_context_words) {
        return reject(
            "it is made mostly of words of the account (its email or names) or of this site \
             (password.context_words)"
                .into(),
        );
    }
    let entropy = zxcvbn::zxcvbn(password.as_str(), &inputs);
    let score = entropy.score() as u8;
    if score < policy.password_min_score {
        let mut why = format!(
            "too easy to guess (strength {score} of 4, {} needed)",
            policy.password_min_score
        );
        if let Some(feedback) = entropy.feedback() {
            // zxcvbn's sentences end with their own full stop.
            let sentences = feedback
                .warning()
                .map(|w| w.to_string())
                .into_iter()
                .chain(feedback.suggestions().iter().map(ToString::to_string));
            for sentence in sentences {
                why.push_str(&format!(". {}", sentence.trim_end_matches('.')));
            }
        }
        return reject(why);
    }
    Ok(NewPassword(password))
}

/// Whether tokens of 3+ characters from the account's words and the site's cover at least half
/// of the password's characters, in any order (Django's `UserAttributeSimilarityValidator` asks
/// the same). Both sides are NFKC-normalised and lowercased (full Unicode lowercase stands in for
/// case folding).
fn mostly_context(password: &str, account: &[&str], site: &[String]) -> bool {
    let password: Vec<char> = password.to_lowercase().chars().collect();
    let tokens: Vec<Vec<char>> = account
        .iter()
        .copied()
        .chain(site.iter().map(String::as_str))
        .flat_map(|w| {
            w.nfkc()
                .collect::<String>()
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .filter(|t| t.chars().count() >= 3)
                .map(|t| t.chars().collect())
                .collect::<Vec<Vec<char>>>()
        })
        .collect();
    let mut covered = vec![false; password.len()];
    for token in &tokens {
        for start in 0..password.len().saturating_sub(token.len() - 1) {
            if password[start..].starts_with(token) {
                covered[start..start + token.len()].fill(true);
            }
        }
    }
    covered.iter().filter(|c| **c).count() * 2 >= password.len()
}

/// A strong random password for `--generate-password`: at least 24 characters from 56
/// unambiguous ones (about 139 bits), and at least the policy's minimum length.
pub fn generate(policy: &Policy) -> Result<String> {
    const ALPHABET: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let raw = crate::crypto::random_chars(
        ALPHABET,
        policy
            .password_min_length
            .clamp(24, MAX_PASSWORD_CHARS * 6 / 7),
    )?;
    // Groups of six read and type more easily.
    Ok(raw
        .as_bytes()
        .chunks(6)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn policy() -> Policy {
        Policy::from_rows(&HashMap::new())
    }

    #[test]
    fn short_common_long_and_personal_passwords_are_rejected() {
        let p = policy();
        let w = AccountWords {
            email: "alice.liddell@example.com",
            first_name: "Alice",
            last_name: "Liddell",
        };
        for bad in [
            "short",
            "passwordpassword",
            "aaaaaaaaaaaaaaaaaaaa",
            "alice.liddell@example.com",
            "liddellliddellliddell",
        ] {
            let err = check_new(bad, &p, &w).expect_err(bad);
            assert_eq!(err.exit_code(), 11, "{bad}");
        }
        let err = check_new(&"x".repeat(1_000_000), &p, &w).unwrap_err();
        assert!(err.to_string().contains("longer than 256"), "{err}");
        assert!(check_new("correct-Horse-battery-st4ple\0", &p, &w).is_err());
    }

    #[test]
    fn passwords_made_of_the_accounts_or_the_sites_words_are_rejected() {
        let mut p = policy();
        let w = AccountWords {
            email: "alice.liddell@example.com",
            first_name: "Alice",
            last_name: "Liddell",
        };
        for bad in [
            "alice liddell example com",
            "Liddell-Alice-Example!!",
            "ＡＬＩＣＥ ｌｉｄｄｅｌｌ 1865",
        ] {
            let err = check_new(bad, &p, &w).expect_err(bad);
            assert!(err.to_string().contains("mostly of words"), "{bad}: {err}");
        }
        assert!(check_new("alice met a quartz lemur in tundra", &p, &w).is_ok());
        p.password_context_words = vec!["Acme Rockets".into()];
        let err = check_new("rockets-acme-rockets-9", &p, &AccountWords::default()).unwrap_err();
        assert!(err.to_string().contains("mostly of words"), "{err}");
    }

    #[test]
    fn weak_password_message_carries_feedback() {
        // Weak, and on no list: the message is zxcvbn's.
        let err = check_new("abcdabcdabcdabcd", &policy(), &AccountWords::default()).unwrap_err();
        assert!(err.to_string().contains("too easy to guess"), "{err}");
    }

    #[test]
    fn strong_password_is_normalised_nfkc() {
        let pw = check_new(
            "ﬁve unrelated words: quartz lemur tundra",
            &policy(),
            &AccountWords::default(),
        )
        .unwrap();
        assert!(pw.password().as_str().starts_with("five "));
        assert!(
            check_new(
                &generate(&policy()).unwrap(),
                &policy(),
                &AccountWords::default()
            )
            .is_ok()
        );
    }
}
