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
//! | SHA-512/SHA-256 crypt (`/etc/shadow`) | `$6$<salt>$…`, `$5$rounds=N$<salt>$…` |
//! | yescrypt (`/etc/shadow` today) | `$y$j9T$<salt>$…` |
//! | a fast legacy hash, wrapped | `wrapped$<md5crypt\|apr1\|sha1>$<salt>$<Argon2id PHC>` |
//!
//! The fast legacy hashes (MD5 crypt `$1$`, Apache's `$apr1$`, `{SHA}`) are never stored as they
//! are: an import stores Argon2id computed over the legacy hash's text (OWASP's "wrapping"),
//! with the scheme and salt beside it; a login computes the legacy hash of what was typed and
//! checks the Argon2id over it. DES crypt and plain text are refused.

use base64::Engine;
use subtle::ConstantTimeEq;

use crate::crypto::{self, HashCost};
use crate::error::{Error, Result};

/// Costs beyond these are refused, never run (a hostile import must not stall a login). Real
/// sites use up to these (Django's own encoder with millions of iterations, `htpasswd -C 16`);
/// the host-wide cap on concurrent checks bounds what many of them cost at once.
pub const MAX_PBKDF2_ITERATIONS: u32 = 10_000_000;
pub const MAX_BCRYPT_COST: u32 = 16;
pub const MAX_SHA_CRYPT_ROUNDS: u32 = 10_000_000;
/// yescrypt's extra time factor `t` (0 for the distributions' defaults).
pub const MAX_YESCRYPT_T: u32 = 8;

/// A fast legacy scheme whose hashes are stored wrapped in Argon2id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// MD5 crypt, `$1$`.
    Md5Crypt,
    /// Apache's MD5, `$apr1$` (the `htpasswd` default).
    Apr1,
    /// `{SHA}`: unsalted SHA-1 (`htpasswd -s`).
    Sha1,
}

impl Legacy {
    fn name(self) -> &'static str {
        match self {
            Legacy::Md5Crypt => "md5crypt",
            Legacy::Apr1 => "apr1",
            Legacy::Sha1 => "sha1",
        }
    }

    fn of_name(name: &str) -> Option<Legacy> {
        [Legacy::Md5Crypt, Legacy::Apr1, Legacy::Sha1]
            .into_iter()
            .find(|l| l.name() == name)
    }

    /// The legacy hash of `password` with `salt`, as the legacy tool writes it.
    fn hash(self, password: &[u8], salt: &str) -> String {
        match self {
            Legacy::Md5Crypt => md5_crypt(password, salt.as_bytes(), "$1$"),
            Legacy::Apr1 => md5_crypt(password, salt.as_bytes(), "$apr1$"),
            Legacy::Sha1 => {
                use sha1::Digest;
                let digest = sha1::Sha1::digest(password);
                format!(
                    "{{SHA}}{}",
                    base64::engine::general_purpose::STANDARD.encode(digest)
                )
            }
        }
    }
}

/// A fast legacy hash as found in a file, before it is wrapped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FastLegacy<'a> {
    pub scheme: Legacy,
    pub salt: &'a str,
}

/// Recognises a fast legacy hash (`$1$`, `$apr1$`, `{SHA}`) that an import must wrap; refuses
/// DES crypt and what can only be plain text, by name.
pub fn fast_legacy(text: &str) -> std::result::Result<Option<FastLegacy<'_>>, String> {
    let crypt_alphabet = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'/')
    };
    for (prefix, scheme) in [("$1$", Legacy::Md5Crypt), ("$apr1$", Legacy::Apr1)] {
        if let Some(rest) = text.strip_prefix(prefix) {
            let (salt, hash) = rest
                .split_once('$')
                .ok_or_else(|| format!("{prefix} needs {prefix}<salt>$<hash>"))?;
            if salt.len() > 8 || !crypt_alphabet(salt) || hash.len() != 22 || !crypt_alphabet(hash)
            {
                return Err(format!("a malformed {} hash", scheme.name()));
            }
            return Ok(Some(FastLegacy { scheme, salt }));
        }
    }
    if let Some(digest) = text.strip_prefix("{SHA}") {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(digest)
            .map_err(|_| "{SHA}: the digest is not base64")?;
        if bytes.len() != 20 {
            return Err("{SHA}: the digest is not 20 bytes".into());
        }
        return Ok(Some(FastLegacy {
            scheme: Legacy::Sha1,
            salt: "",
        }));
    }
    if text.len() == 13 && crypt_alphabet(text) {
        return Err(
            "DES crypt (htpasswd -d) is refused: 8 characters at most and broken; \
                    import the account without a password and invite it"
                .into(),
        );
    }
    Ok(None)
}

/// The stored form of a fast legacy hash: Argon2id (at `cost`) over its text, the scheme and
/// salt beside it.
pub fn wrap(text: &str, cost: HashCost) -> Result<String> {
    let legacy = fast_legacy(text)
        .map_err(Error::internal)?
        .ok_or_else(|| Error::internal("not a fast legacy hash"))?;
    let phc = crypto::hash_secret(text.as_bytes(), cost)?;
    Ok(format!(
        "wrapped${}${}${phc}",
        legacy.scheme.name(),
        legacy.salt
    ))
}

/// MD5 crypt (Poul-Henning Kamp's, 1000 rounds of MD5) with the `$1$` or `$apr1$` magic.
/// Hand-written: no kept crate does both `$1$` and Apache's `$apr1$`; checked against OpenSSL's
/// and htpasswd's output.
fn md5_crypt(password: &[u8], salt: &[u8], magic: &str) -> String {
    use md5::{Digest, Md5};
    let salt = &salt[..salt.len().min(8)];
    let mut alternate = Md5::new();
    alternate.update(password);
    alternate.update(salt);
    alternate.update(password);
    let alternate = alternate.finalize();
    let mut ctx = Md5::new();
    ctx.update(password);
    ctx.update(magic.as_bytes());
    ctx.update(salt);
    for chunk in password.chunks(16) {
        ctx.update(&alternate[..chunk.len()]);
    }
    let mut bits = password.len();
    while bits > 0 {
        if bits & 1 == 1 {
            ctx.update([0u8]);
        } else {
            ctx.update(&password[..1]);
        }
        bits >>= 1;
    }
    let mut digest = ctx.finalize();
    for round in 0..1000 {
        let mut next = Md5::new();
        if round & 1 == 1 {
            next.update(password);
        } else {
            next.update(digest);
        }
        if round % 3 != 0 {
            next.update(salt);
        }
        if round % 7 != 0 {
            next.update(password);
        }
        if round & 1 == 1 {
            next.update(digest);
        } else {
            next.update(password);
        }
        digest = next.finalize();
    }
    const ALPHABET: &[u8] = b"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut out = format!("{magic}{}$", String::from_utf8_lossy(salt));
    let mut push = |value: u32, count: usize| {
        let mut v = value;
        for _ in 0..count {
            out.push(char::from(ALPHABET[(v & 0x3f) as usize]));
            v >>= 6;
        }
    };
    let d = |i: usize| u32::from(digest[i]);
    for (a, b, c) in [(0, 6, 12), (1, 7, 13), (2, 8, 14), (3, 9, 15), (4, 10, 5)] {
        push((d(a) << 16) | (d(b) << 8) | d(c), 4);
    }
    push(d(11), 2);
    out
}

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
    /// SHA-256 or SHA-512 crypt, `$5$` / `$6$`.
    ShaCrypt(&'a str),
    /// yescrypt `$y$`, with the memory (KiB) a check takes.
    Yescrypt {
        hash: &'a str,
        memory_kib: u64,
    },
    /// A fast legacy hash wrapped in Argon2id.
    Wrapped {
        scheme: Legacy,
        salt: &'a str,
        phc: &'a str,
    },
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
    if text.starts_with("$5$") || text.starts_with("$6$") {
        sha_crypt_rounds(text)?;
        return Ok(Stored::ShaCrypt(text));
    }
    if text.starts_with("$y$") {
        let memory_kib = yescrypt_memory_kib(text)?;
        return Ok(Stored::Yescrypt {
            hash: text,
            memory_kib,
        });
    }
    if let Some(rest) = text.strip_prefix("wrapped$") {
        let mut parts = rest.splitn(3, '$');
        let (Some(scheme), Some(salt), Some(phc)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err("a wrapped hash needs wrapped$<scheme>$<salt>$<Argon2id PHC>".into());
        };
        let scheme = Legacy::of_name(scheme).ok_or("a wrapped hash of an unknown scheme")?;
        crypto::check_complete_hash(phc).map_err(|e| e.to_string())?;
        return Ok(Stored::Wrapped { scheme, salt, phc });
    }
    Err(UNKNOWN.into())
}

const UNKNOWN: &str = "unknown hash format (accepted: Argon2 PHC, Django argon2/pbkdf2_sha256/\
                       bcrypt_sha256, bcrypt $2y$/$2b$, SHA crypt $5$/$6$, yescrypt $y$, and \
                       wrapped on import: MD5 crypt $1$, $apr1$, {SHA})";

/// The rounds of a SHA crypt hash (5000 when not given), within the bound.
fn sha_crypt_rounds(text: &str) -> std::result::Result<u32, String> {
    let fields: Vec<&str> = text.split('$').collect();
    let rounds = match fields.get(2).and_then(|f| f.strip_prefix("rounds=")) {
        Some(n) => n
            .parse::<u32>()
            .map_err(|_| "SHA crypt: the rounds are not a number")?,
        None => 5000,
    };
    let expected_fields = if fields[2].starts_with("rounds=") {
        5
    } else {
        4
    };
    if fields.len() != expected_fields {
        return Err("SHA crypt needs $5$[rounds=N$]<salt>$<hash>".into());
    }
    if rounds > MAX_SHA_CRYPT_ROUNDS {
        return Err(format!(
            "SHA crypt rounds {rounds} is above {MAX_SHA_CRYPT_ROUNDS}"
        ));
    }
    Ok(rounds)
}

/// The memory (KiB) a yescrypt check takes (128 · r · N bytes), within the bound.
fn yescrypt_memory_kib(text: &str) -> std::result::Result<u64, String> {
    let params = text.split('$').nth(2).unwrap_or_default();
    let params: yescrypt::Params = params
        .parse()
        .map_err(|_| "yescrypt: unreadable parameters")?;
    let kib = params
        .n()
        .saturating_mul(u64::from(params.r()))
        .saturating_mul(128)
        / 1024;
    if kib > u64::from(crypto::MAX_MEMORY_KIB) {
        return Err(format!(
            "yescrypt needs {kib} KiB, above {} KiB",
            crypto::MAX_MEMORY_KIB
        ));
    }
    if params.p() > 1 || text.split('$').count() != 5 {
        return Err("yescrypt: only p=1 hashes in $y$<params>$<salt>$<hash> form".into());
    }
    // The extra time factor `t` multiplies the work at the same memory; the crate does not show
    // it, so the parameters must equal those of some mode with a bounded `t`.
    let bounded = [
        yescrypt::Mode::Classic,
        yescrypt::Mode::Worm,
        yescrypt::Mode::Rw,
    ]
    .into_iter()
    .flat_map(|mode| (0..=MAX_YESCRYPT_T).map(move |t| (mode, t)))
    .any(|(mode, t)| {
        yescrypt::Params::new_with_all_params(mode, params.n(), params.r(), 1, t, 0)
            .is_ok_and(|p| p == params)
    });
    if !bounded {
        return Err(format!(
            "yescrypt: a time factor above {MAX_YESCRYPT_T} is refused"
        ));
    }
    Ok(kib)
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
        Stored::ShaCrypt(hash) => {
            use sha_crypt::PasswordVerifier;
            match sha_crypt::ShaCrypt::default().verify_password(password, hash) {
                Ok(()) => Ok(true),
                Err(sha_crypt::password_hash::Error::PasswordInvalid) => Ok(false),
                Err(e) => Err(refuse(e.to_string())),
            }
        }
        Stored::Yescrypt { hash, .. } => {
            use yescrypt::PasswordVerifier;
            match yescrypt::Yescrypt::default().verify_password(password, hash) {
                Ok(()) => Ok(true),
                Err(yescrypt::password_hash::Error::PasswordInvalid) => Ok(false),
                Err(e) => Err(refuse(e.to_string())),
            }
        }
        Stored::Wrapped { scheme, salt, phc } => {
            crypto::verify_secret(scheme.hash(password, salt).as_bytes(), phc)
        }
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

/// The memory (KiB) a check against `stored` takes: Argon2's or yescrypt's memory cost; PBKDF2,
/// bcrypt and SHA crypt take next to nothing (counted as one MiB). `None`, or a hash that will be refused, costs the
/// fallback's.
pub fn check_memory_kib(stored: Option<&str>, fallback: HashCost) -> u64 {
    match stored.map(parse) {
        Some(Ok(Stored::Argon2(phc))) => crypto::inspect_hash(&phc)
            .map(|h| u64::from(h.cost.memory_kib))
            .unwrap_or(u64::from(fallback.memory_kib)),
        Some(Ok(Stored::Wrapped { phc, .. })) => crypto::inspect_hash(phc)
            .map(|h| u64::from(h.cost.memory_kib))
            .unwrap_or(u64::from(fallback.memory_kib)),
        Some(Ok(Stored::Yescrypt { memory_kib, .. })) => memory_kib.max(1024),
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

    // Made by OpenSSL (`openssl passwd -1 -salt saltstri 'pass word'`, `-apr1 -salt Xy.z/12
    // secret`, `-1 -salt ab ''`, `-5 -salt somesalt pw`) and mkpasswd (yescrypt, sha-512).
    const MD5_CRYPT: &str = "$1$saltstri$NO5UqDdlOSsBzLAoAXmZ7.";
    const APR1: &str = "$apr1$Xy.z/12$ZmmgIDowsfjRsA8x.IVeK0";
    const MD5_CRYPT_EMPTY: &str = "$1$ab$rn6aQS/o7141mj179E/zA.";
    const SHA256_CRYPT: &str = "$5$somesalt$fw98Q2b8wA/M8Z8F4coiZ03sR3GnBjdfrGerHBJ6di9";
    const YESCRYPT: &str =
        "$y$j9T$PzJOPvNfs1Qc3A1VkR5t3/$VNfYJRF8lwlmnA1yKCbG6FS.MzCoTccJJUuiy5nmyM0";
    const SHA512_CRYPT: &str = "$6$bhkR/eOaAvH9KPDb$2tevvXAG1.htdZVtetgvFgKgwXihutYT9fvE50bBacahYnbjhjgM69q76HHzxLF2.7mFOQJrVwkjbCfHKri0y.";

    #[test]
    fn md5_crypt_matches_openssl() {
        assert_eq!(md5_crypt(b"pass word", b"saltstri", "$1$"), MD5_CRYPT);
        assert_eq!(md5_crypt(b"secret", b"Xy.z/12", "$apr1$"), APR1);
        assert_eq!(md5_crypt(b"", b"ab", "$1$"), MD5_CRYPT_EMPTY);
        assert_eq!(
            Legacy::Sha1.hash(b"password", ""),
            "{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g="
        );
    }

    #[test]
    fn shadow_hashes_verify_as_they_are() {
        assert!(verify_password(b"pw", SHA256_CRYPT).unwrap());
        assert!(!verify_password(b"pW", SHA256_CRYPT).unwrap());
        assert!(verify_password(b"x", SHA512_CRYPT).unwrap());
        assert!(verify_password(b"pleaseletmein", YESCRYPT).unwrap());
        assert!(!verify_password(b"pleaseletmeIn", YESCRYPT).unwrap());
        let policy = HashCost {
            memory_kib: 19456,
            iterations: 2,
            parallelism: 1,
        };
        assert_eq!(check_memory_kib(Some(YESCRYPT), policy), 16384);
        assert!(parse("$6$rounds=10000001$salt$hash").is_err());
        // t = 2^32-ish at small memory: refused, never run.
        let slow =
            yescrypt::Params::new_with_all_params(yescrypt::Mode::Rw, 1024, 8, 1, 4_000_000, 0)
                .unwrap()
                .to_string();
        assert!(
            parse(&format!("$y${slow}$salt$hash"))
                .unwrap_err()
                .contains("time factor")
        );
        let ok = yescrypt::Params::new_with_all_params(yescrypt::Mode::Rw, 1024, 8, 1, 2, 0)
            .unwrap()
            .to_string();
        assert!(yescrypt_memory_kib(&format!("$y${ok}$salt$hash")).is_ok());
        assert!(parse("$6$rounds=5000$salt$hash").is_ok());
    }

    #[test]
    fn fast_hashes_are_stored_wrapped_and_verify_through_the_wrap() {
        let cost = HashCost {
            memory_kib: 64,
            iterations: 1,
            parallelism: 1,
        };
        for (legacy, password) in [
            (MD5_CRYPT, &b"pass word"[..]),
            (APR1, b"secret"),
            ("{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", b"password"),
        ] {
            assert!(parse(legacy).is_err(), "never stored as it is: {legacy}");
            let stored = wrap(legacy, cost).unwrap();
            assert!(stored.starts_with("wrapped$"), "{stored}");
            assert!(
                !stored.contains(legacy.rsplit('$').next().unwrap()),
                "{stored}"
            );
            assert!(verify_password(password, &stored).unwrap(), "{legacy}");
            assert!(!verify_password(b"wrong", &stored).unwrap(), "{legacy}");
            assert_eq!(upgrade_cost(&stored, cost), Some(cost));
        }
        assert!(
            fast_legacy("abJnggxhB/yWI")
                .unwrap_err()
                .contains("DES crypt")
        );
        assert_eq!(fast_legacy("$2y$05$abc").unwrap(), None);
    }
}
