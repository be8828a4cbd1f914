//! Stored password hash formats: what `users.password_hash` may hold, how each is verified, and
//! when one is upgraded to the Argon2id policy. Imported hashes are kept as they are and replaced
//! by an Argon2id hash at the first successful login, never by a weaker one.
//!
//! | format | example |
//! | --- | --- |
//! | Argon2id/Argon2i PHC | `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>` |
//! | Django Argon2 | `argon2$argon2id$v=19$m=102400,t=2,p=8$<salt>$<hash>` |
//! | Django PBKDF2-SHA256 | `pbkdf2_sha256$<iterations>$<salt>$<base64 hash>` |
//! | Django BCrypt-SHA256 | `bcrypt_sha256$$2b$12$<salt+hash>` (bcrypt of the hex SHA-256) |
//! | bcrypt / htpasswd | `$2y$10$…`, `$2b$…`, `$2a$…` |

use base64::Engine;
use subtle::ConstantTimeEq;

use crate::crypto::{self, HashCost};
use crate::error::{Error, Result};

/// Costs beyond these are refused, never run (a hostile import must not stall a login). Real
/// sites use up to these (Django's own encoder with millions of iterations, `htpasswd -C 16`);
/// the host-wide cap on concurrent checks bounds what many of them cost at once.
pub const MAX_PBKDF2_ITERATIONS: u32 = 10_000_000;
pub const MAX_BCRYPT_COST: u32 = 16;

/// A parsed stored hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored<'a> {
    /// A PHC string (our own format), possibly from Django with its `argon2` prefix removed.
    Argon2(String),
    Pbkdf2Sha256 {
        iterations: u32,
        salt: &'a str,
        hash: Vec<u8>,
    },
    BcryptSha256(&'a str),
    Bcrypt(&'a str),
}

/// Parses and bounds-checks a stored hash; the error says what is wrong (for import reports).
pub fn parse(text: &str) -> std::result::Result<Stored<'_>, String> {
    if text.len() > 1024 {
        return Err("the hash is longer than 1024 characters".into());
    }
    if let Some(rest) = text.strip_prefix("argon2$") {
        let phc = format!("${rest}");
        crypto::check_complete_hash(&phc).map_err(|e| e.to_string())?;
        return Ok(Stored::Argon2(phc));
    }
    if text.starts_with("$argon2") {
        crypto::check_complete_hash(text).map_err(|e| e.to_string())?;
        return Ok(Stored::Argon2(text.to_string()));
    }
    if let Some(rest) = text.strip_prefix("pbkdf2_sha256$") {
        let mut parts = rest.splitn(3, '$');
        let (Some(iterations), Some(salt), Some(hash)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err("pbkdf2_sha256 needs pbkdf2_sha256$<iterations>$<salt>$<hash>".into());
        };
        let iterations: u32 = iterations
            .parse()
            .map_err(|_| "pbkdf2_sha256: the iterations are not a number")?;
        if iterations == 0 || iterations > MAX_PBKDF2_ITERATIONS {
            return Err(format!(
                "pbkdf2_sha256: {iterations} iterations is outside 1..={MAX_PBKDF2_ITERATIONS}"
            ));
        }
        if salt.is_empty() || salt.contains('$') {
            return Err("pbkdf2_sha256: bad salt".into());
        }
        let hash = base64::engine::general_purpose::STANDARD
            .decode(hash)
            .map_err(|_| "pbkdf2_sha256: the hash is not base64")?;
        if hash.len() < 16 || hash.len() > 32 {
            return Err("pbkdf2_sha256: the hash has a bad length".into());
        }
        return Ok(Stored::Pbkdf2Sha256 {
            iterations,
            salt,
            hash,
        });
    }
    if let Some(rest) = text.strip_prefix("bcrypt_sha256$") {
        bcrypt_cost(rest)?;
        return Ok(Stored::BcryptSha256(rest));
    }
    if ["$2a$", "$2b$", "$2y$", "$2x$"]
        .iter()
        .any(|p| text.starts_with(p))
    {
        bcrypt_cost(text)?;
        return Ok(Stored::Bcrypt(text));
    }
    Err("unknown hash format (accepted: Argon2 PHC, Django argon2/pbkdf2_sha256/bcrypt_sha256, bcrypt $2y$/$2b$)".into())
}

fn bcrypt_cost(hash: &str) -> std::result::Result<u32, String> {
    let parts: bcrypt::HashParts = hash.parse().map_err(|e| format!("bad bcrypt hash: {e}"))?;
    let cost = parts.get_cost();
    if cost > MAX_BCRYPT_COST {
        return Err(format!("bcrypt cost {cost} is above {MAX_BCRYPT_COST}"));
    }
    Ok(cost)
}

/// Checks a password against a stored hash of any accepted format: our own Argon2id hashes hold
/// the NFKC form; foreign ones (Django, htpasswd) were made from the password as typed, so that
/// is tried first for them. `Err` when the hash is unreadable or beyond the bounds.
pub fn verify_typed(normalised: &[u8], typed: &[u8], stored: &str) -> Result<bool> {
    let foreign = !stored.starts_with("$argon2");
    if foreign && typed != normalised && verify_password(typed, stored)? {
        return Ok(true);
    }
    verify_password(normalised, stored)
}

/// Checks a password against a stored hash of any accepted format.
/// `Err` when the hash is unreadable or beyond the bounds: it is then not run.
pub fn verify_password(password: &[u8], stored: &str) -> Result<bool> {
    let refuse = |why: String| Error::internal(format!("refusing the stored hash: {why}"));
    match parse(stored).map_err(refuse)? {
        Stored::Argon2(phc) => crypto::verify_secret(password, &phc),
        Stored::Pbkdf2Sha256 {
            iterations,
            salt,
            hash,
        } => {
            let mut out = vec![0u8; hash.len()];
            pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password, salt.as_bytes(), iterations, &mut out);
            Ok(bool::from(out.ct_eq(&hash)))
        }
        Stored::BcryptSha256(hash) => {
            let digest = crypto::hex(&crypto::sha256(password));
            bcrypt::verify(digest, hash).map_err(|e| refuse(e.to_string()))
        }
        Stored::Bcrypt(hash) => bcrypt::verify(password, hash).map_err(|e| refuse(e.to_string())),
    }
}

/// The Argon2id cost to rehash with after a successful login, or `None` when the stored hash
/// is already Argon2id at or above the policy in every parameter.
pub fn upgrade_cost(stored: &str, policy: HashCost) -> Option<HashCost> {
    match parse(stored) {
        Ok(Stored::Argon2(phc)) => match crypto::inspect_hash(&phc) {
            Ok(s) if s.needs_upgrade(policy) => Some(s.cost.max(policy)),
            Ok(_) => None,
            Err(_) => None,
        },
        Ok(_) => Some(policy),
        Err(_) => None,
    }
}

/// The stored hash a dummy check copies (see `credentials`): `stored` when it is an Argon2 hash
/// within four times the policy's work, else none, and the policy's own cost is spent. An
/// unknown email must not be a way to make the tool run the slowest hash it holds.
pub fn dummy_target(stored: Option<&str>, fallback: HashCost) -> Option<&str> {
    stored.filter(|phc| {
        phc.starts_with("$argon2")
            && crypto::inspect_hash(phc).is_ok_and(|h| {
                u64::from(h.cost.memory_kib) * u64::from(h.cost.iterations)
                    <= 4 * u64::from(fallback.memory_kib) * u64::from(fallback.iterations)
            })
    })
}

/// Spends what checking against `stored` would, with nothing to match.
pub fn dummy_verify_like(password: &[u8], stored: Option<&str>, fallback: HashCost) -> Result<()> {
    match dummy_target(stored, fallback) {
        Some(phc) => verify_password(password, phc).map(|_| ()),
        None => crypto::dummy_verify(password, fallback),
    }
}

/// The memory (KiB) a check against `stored` takes: Argon2's memory cost; PBKDF2 and bcrypt take
/// next to nothing (counted as one MiB). `None`, or a hash that will be refused, costs the
/// fallback's.
pub fn check_memory_kib(stored: Option<&str>, fallback: HashCost) -> u64 {
    match stored.map(parse) {
        Some(Ok(Stored::Argon2(phc))) => crypto::inspect_hash(&phc)
            .map(|h| u64::from(h.cost.memory_kib))
            .unwrap_or(u64::from(fallback.memory_kib)),
        Some(Ok(_)) => 1024,
        _ => u64::from(fallback.memory_kib),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Computed with Python's hashlib.pbkdf2_hmac('sha256', b'lettuce', b'seasalt', 10000), as Django does.
    const DJANGO_PBKDF2: &str =
        "pbkdf2_sha256$10000$seasalt$/TKrcnYCTOVMlVYCKVo5Np6v35LbjEeAxkqYuc5XaBc=";

    #[test]
    fn django_pbkdf2_verifies() {
        assert!(verify_password(b"lettuce", DJANGO_PBKDF2).unwrap());
        assert!(!verify_password(b"lettucE", DJANGO_PBKDF2).unwrap());
    }

    #[test]
    fn bcrypt_and_bcrypt_sha256_verify() {
        let plain = bcrypt::hash("secret", 4).unwrap();
        assert!(verify_password(b"secret", &plain).unwrap());
        assert!(!verify_password(b"Secret", &plain).unwrap());
        let digest = crypto::hex(&crypto::sha256(b"secret"));
        let wrapped = format!("bcrypt_sha256${}", bcrypt::hash(digest, 4).unwrap());
        assert!(verify_password(b"secret", &wrapped).unwrap());
        let htpasswd = plain.replacen("$2b$", "$2y$", 1);
        assert!(verify_password(b"secret", &htpasswd).unwrap());
    }

    #[test]
    fn foreign_hashes_check_the_password_as_typed() {
        // Django hashed "ﬁnancial…" as typed; the NFKC form differs ("fi").
        let typed = "ﬁnancial-Tq8vLm2xR9pZ";
        let normalised = crate::password::Password::normalise(typed);
        let salt = "seasalt";
        let mut out = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<sha2::Sha256>(typed.as_bytes(), salt.as_bytes(), 1000, &mut out);
        let stored = format!(
            "pbkdf2_sha256$1000${salt}${}",
            base64::engine::general_purpose::STANDARD.encode(out)
        );
        assert!(!verify_password(normalised.as_bytes(), &stored).unwrap());
        assert!(verify_typed(normalised.as_bytes(), normalised.typed(), &stored).unwrap());
    }

    #[test]
    fn django_argon2_prefix_is_accepted() {
        let phc = crypto::hash_secret(
            b"pw",
            HashCost {
                memory_kib: 64,
                iterations: 1,
                parallelism: 2,
            },
        )
        .unwrap();
        let django = format!("argon2{phc}");
        assert!(verify_password(b"pw", &django).unwrap());
        assert_eq!(
            upgrade_cost(
                &django,
                HashCost {
                    memory_kib: 32,
                    iterations: 1,
                    parallelism: 1
                }
            ),
            None
        );
    }

    #[test]
    fn unknown_and_unbounded_hashes_are_refused() {
        for bad in [
            "md5$abc$def",
            "plaintext",
            "pbkdf2_sha256$99999999$salt$aGFzaA==",
            "pbkdf2_sha256$1000$salt$aGFzaA==",
            "$argon2id$v=19$m=19456,t=2,p=1",
            "pbkdf2_sha256$x$salt$aGFzaA==",
            "pbkdf2_sha256$1000$salt$not base64!",
            "$2b$31$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyzABCDE",
            "$argon2id$v=19$m=4294967295,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert!(
            upgrade_cost(
                DJANGO_PBKDF2,
                HashCost {
                    memory_kib: 19456,
                    iterations: 2,
                    parallelism: 1
                }
            )
            .is_some()
        );
    }
}
