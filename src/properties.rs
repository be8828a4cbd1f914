//! Property tests of the security primitives: what must hold for every input, not just examples.

use proptest::prelude::*;

use crate::codes;
use crate::crypto::{self, HashCost};
use crate::hashes;
use crate::session;
use crate::validate::parse_email;

const CHEAP: HashCost = HashCost {
    memory_kib: 64,
    iterations: 1,
    parallelism: 1,
};

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn hash_then_verify_is_true_and_any_other_secret_is_false(secret in ".{0,40}", other in ".{0,40}") {
        let phc = crypto::hash_secret(secret.as_bytes(), CHEAP).unwrap();
        prop_assert!(crypto::verify_secret(secret.as_bytes(), &phc).unwrap());
        prop_assert!(hashes::verify_password(secret.as_bytes(), &phc).unwrap());
        if other != secret {
            prop_assert!(!crypto::verify_secret(other.as_bytes(), &phc).unwrap());
        }
    }

    #[test]
    fn code_normalisation_is_idempotent(input in "\\PC{0,20}") {
        if let Some(code) = codes::normalise(&input, codes::LENGTH) {
            prop_assert_eq!(codes::normalise(&code, codes::LENGTH), Some(code.clone()));
            prop_assert_eq!(codes::normalise(&codes::display(&code), codes::LENGTH), Some(code.clone()));
            prop_assert_eq!(codes::normalise(&codes::display(&code).to_lowercase(), codes::LENGTH), Some(code));
        }
    }

    #[test]
    fn generated_codes_always_read_back(_n in 0u8..50) {
        let code = codes::generate().unwrap();
        prop_assert_eq!(codes::normalise(&codes::display(&code), codes::LENGTH), Some(code));
    }

    #[test]
    fn email_canonicalisation_is_idempotent(local in "[a-zA-Z0-9._%+-]{1,20}|\\PC{1,10}", domain in "[a-zA-Z0-9-]{1,15}\\.[a-z]{2,6}|\\PC{1,8}\\.[a-z]{2,4}") {
        if let Ok(email) = parse_email(&format!("{local}@{domain}")) {
            let again = parse_email(&email.canonical).unwrap();
            prop_assert_eq!(again.canonical, email.canonical);
        }
    }

    #[test]
    fn a_session_token_never_verifies_after_one_flipped_character(index in 0usize..64, replacement in "[0-9a-f]") {
        let token = session::new_token().unwrap();
        let mut bytes = token.token.clone().into_bytes();
        let replacement = replacement.as_bytes()[0];
        prop_assume!(bytes[index] != replacement);
        bytes[index] = replacement;
        let flipped = String::from_utf8(bytes).unwrap();
        prop_assert_ne!(session::token_hash(&flipped), token.token_sha256);
    }
}
