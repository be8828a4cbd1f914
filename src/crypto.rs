//! The primitives every secret goes through: randomness, SHA-256, and Argon2id hashing and
//! verification of passwords and codes as PHC strings. It knows nothing of policy or storage.
//! The foreign hash formats an import brings (PBKDF2, bcrypt) are in `hashes`, TOTP's HMAC in
//! `totp`; both build on the crates of their algorithms, as this module builds on `argon2`.

use std::sync::atomic::{AtomicU64, Ordering};

use argon2::password_hash::phc::{Output, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Params, Version};
use sha2::{Digest, Sha256};

use crate::argon_memory::ArgonMemory;
use crate::error::{Error, Result};

/// Stored parameters beyond these are refused, never run (README, "Security defaults"): a hash edited to
/// m=4294967295 must not make a login allocate 4 TiB.
pub const MAX_MEMORY_KIB: u32 = 1024 * 1024;
pub const MAX_ITERATIONS: u32 = 20;
pub const MAX_PARALLELISM: u32 = 16;

/// How many Argon2 computations this process ran: lets tests prove that the unknown-account and
/// wrong-password paths cost the same number of hashes.
static ARGON2_RUNS: AtomicU64 = AtomicU64::new(0);
/// The memory cost (KiB) of the most recent Argon2 computation, for the same tests.
static ARGON2_LAST_MEMORY: AtomicU64 = AtomicU64::new(0);

pub fn argon2_runs() -> u64 {
    ARGON2_RUNS.load(Ordering::Relaxed)
}

pub fn argon2_last_memory_kib() -> u64 {
    ARGON2_LAST_MEMORY.load(Ordering::Relaxed)
}

/// Argon2id cost parameters of the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashCost {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl HashCost {
    /// Component-wise maximum: an upgrade never weakens any parameter.
    pub fn max(self, other: HashCost) -> HashCost {
        HashCost {
            memory_kib: self.memory_kib.max(other.memory_kib),
            iterations: self.iterations.max(other.iterations),
            parallelism: self.parallelism.max(other.parallelism),
        }
    }

    fn params(self) -> Result<Params> {
        Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32))
            .map_err(|e| Error::internal(format!("bad Argon2 parameters: {e}")))
    }
}

pub fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|e| Error::internal(format!("no randomness: {e}")))?;
    Ok(buf)
}

/// Uniform random picks from `alphabet` (rejection sampling, no modulo bias).
pub fn random_chars(alphabet: &[u8], len: usize) -> Result<String> {
    let n = alphabet.len();
    debug_assert!(n > 0 && n <= 256);
    let limit = 256 - (256 % n);
    let mut out = String::with_capacity(len);
    while out.len() < len {
        for b in random_bytes::<64>()? {
            if (b as usize) < limit && out.len() < len {
                out.push(alphabet[b as usize % n] as char);
            }
        }
    }
    Ok(out)
}

pub fn hex(bytes: &[u8]) -> String {
    data_encoding::HEXLOWER.encode(bytes)
}

pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex(&sha256(data))
}

/// Upper-case hex SHA-1, as breach corpora (`SHA1:count` lists) key their passwords. Never a
/// way to store anything: only to look a password up in such a list.
pub fn sha1_hex_upper(data: &[u8]) -> String {
    hex(&sha1::Sha1::digest(data)).to_ascii_uppercase()
}

/// Hashes a secret to an Argon2id PHC string with a fresh 16-byte salt.
pub fn hash_secret(secret: &[u8], cost: HashCost) -> Result<String> {
    let salt = random_bytes::<16>()?;
    let salt = Salt::new(&salt).map_err(Error::internal)?;
    let params = cost.params()?;
    let mut out = [0u8; 32];
    run_argon2(
        Algorithm::Argon2id,
        Version::V0x13,
        params.clone(),
        secret,
        &salt,
        &mut out,
    )?;
    let output = Output::new(&out).map_err(Error::internal)?;
    let hash = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: (&params)
            .try_into()
            .map_err(|e| Error::internal(format!("{e}")))?,
        salt: Some(salt),
        hash: Some(output),
    };
    Ok(hash.to_string())
}

/// What a stored hash is and whether it may be run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredHash {
    pub algorithm: Algorithm,
    pub version: Version,
    pub cost: HashCost,
}

impl StoredHash {
    /// True when the hash is weaker than `policy` in any respect and should be rehashed.
    pub fn needs_upgrade(&self, policy: HashCost) -> bool {
        self.algorithm != Algorithm::Argon2id
            || self.version != Version::V0x13
            || self.cost.memory_kib < policy.memory_kib
            || self.cost.iterations < policy.iterations
            || self.cost.parallelism < policy.parallelism
    }
}

/// Parses a PHC string and checks that running it is safe (known algorithm, bounded cost).
pub fn inspect_hash(phc: &str) -> Result<StoredHash> {
    let parsed = PasswordHash::new(phc)
        .map_err(|e| Error::internal(format!("unreadable password hash: {e}")))?;
    inspect_parsed(&parsed).map(|(stored, _)| stored)
}

/// Like `inspect_hash`, and the string must carry a salt and an output of at least 16 bytes (an
/// import must not bring a hash nobody can ever log in with).
pub fn check_complete_hash(phc: &str) -> Result<StoredHash> {
    let parsed = PasswordHash::new(phc)
        .map_err(|e| Error::internal(format!("unreadable password hash: {e}")))?;
    let (stored, _) = inspect_parsed(&parsed)?;
    match (&parsed.salt, &parsed.hash) {
        (Some(salt), Some(out)) if salt.len() >= 8 && out.len() >= 16 => Ok(stored),
        _ => Err(Error::internal(
            "the hash has no salt or its output is shorter than 16 bytes",
        )),
    }
}

fn inspect_parsed(parsed: &PasswordHash) -> Result<(StoredHash, Params)> {
    let algorithm = match parsed.algorithm.as_str() {
        "argon2id" => Algorithm::Argon2id,
        "argon2i" => Algorithm::Argon2i,
        other => {
            return Err(Error::internal(format!(
                "unsupported hash algorithm {other:?}"
            )));
        }
    };
    let version = match parsed.version {
        Some(0x13) | None => Version::V0x13,
        Some(0x10) => Version::V0x10,
        Some(v) => return Err(Error::internal(format!("unsupported Argon2 version {v}"))),
    };
    let params = Params::try_from(parsed)
        .map_err(|e| Error::internal(format!("bad hash parameters: {e}")))?;
    let cost = HashCost {
        memory_kib: params.m_cost(),
        iterations: params.t_cost(),
        parallelism: params.p_cost(),
    };
    if cost.memory_kib > MAX_MEMORY_KIB
        || cost.iterations > MAX_ITERATIONS
        || cost.parallelism > MAX_PARALLELISM
    {
        return Err(Error::internal(format!(
            "refusing to run a stored hash with m={} t={} p={} (limits m<={MAX_MEMORY_KIB} t<={MAX_ITERATIONS} p<={MAX_PARALLELISM})",
            cost.memory_kib, cost.iterations, cost.parallelism
        )));
    }
    Ok((
        StoredHash {
            algorithm,
            version,
            cost,
        },
        params,
    ))
}

/// Checks `secret` against a stored PHC string. `Ok(false)` for a mismatch; `Err` when the hash
/// is unreadable or out of bounds (it is then not run).
pub fn verify_secret(secret: &[u8], phc: &str) -> Result<bool> {
    let parsed = PasswordHash::new(phc)
        .map_err(|e| Error::internal(format!("unreadable password hash: {e}")))?;
    let (stored, params) = inspect_parsed(&parsed)?;
    let (Some(salt), Some(expected)) = (&parsed.salt, &parsed.hash) else {
        return Err(Error::internal("password hash without salt or output"));
    };
    let mut out = vec![0u8; expected.len()];
    run_argon2(
        stored.algorithm,
        stored.version,
        params,
        secret,
        salt,
        &mut out,
    )?;
    let actual = Output::new(&out).map_err(Error::internal)?;
    Ok(actual == *expected)
}

/// Spends exactly what one verification at `cost` spends, for a secret that has nothing to be
/// checked against (unknown account, no live code): both paths then cost the same.
pub fn dummy_verify(secret: &[u8], cost: HashCost) -> Result<()> {
    let mut out = [0u8; 32];
    run_argon2(
        Algorithm::Argon2id,
        Version::V0x13,
        cost.params()?,
        secret,
        b"useradm-dummy-salt",
        &mut out,
    )
}

thread_local! {
    /// Argon2's working memory, kept per thread: a worker that hashes many secrets (import)
    /// allocates and faults in its 19 MiB once, not once per hash.
    static MEMORY: std::cell::RefCell<Option<ArgonMemory>> = const { std::cell::RefCell::new(None) };
}

fn run_argon2(
    algorithm: Algorithm,
    version: Version,
    params: Params,
    secret: &[u8],
    salt: &[u8],
    out: &mut [u8],
) -> Result<()> {
    ARGON2_RUNS.fetch_add(1, Ordering::Relaxed);
    ARGON2_LAST_MEMORY.store(u64::from(params.m_cost()), Ordering::Relaxed);
    let blocks = params.block_count();
    let argon = Argon2::new(algorithm, version, params);
    MEMORY.with(|memory| {
        let mut memory = memory.borrow_mut();
        let memory = match memory.as_mut() {
            Some(held) if held.block_count() >= blocks => held,
            _ => memory.insert(ArgonMemory::new(blocks)),
        };
        argon
            .hash_password_into_with_memory(secret, salt, out, &mut memory.blocks()[..blocks])
            .map_err(|e| Error::internal(format!("Argon2 failed: {e}")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOW: HashCost = HashCost {
        memory_kib: 64,
        iterations: 1,
        parallelism: 1,
    };

    #[test]
    fn hash_then_verify() {
        let phc = hash_secret(b"pass phrase", LOW).unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=64,t=1,p=1$"));
        assert!(verify_secret(b"pass phrase", &phc).unwrap());
        assert!(!verify_secret(b"pass phrasE", &phc).unwrap());
    }

    #[test]
    fn huge_stored_cost_is_refused_not_run() {
        let phc = hash_secret(b"x", LOW)
            .unwrap()
            .replace("m=64", "m=4294967295");
        let err = verify_secret(b"x", &phc).unwrap_err();
        assert!(err.to_string().contains("refusing"), "{err}");
    }

    #[test]
    fn upgrade_only_when_weaker() {
        let policy = HashCost {
            memory_kib: 19456,
            iterations: 2,
            parallelism: 1,
        };
        let strong = StoredHash {
            algorithm: Algorithm::Argon2id,
            version: Version::V0x13,
            cost: HashCost {
                memory_kib: 102400,
                iterations: 2,
                parallelism: 8,
            },
        };
        assert!(!strong.needs_upgrade(policy));
        assert_eq!(strong.cost.max(policy), strong.cost);
        let weak = StoredHash {
            cost: LOW,
            ..strong.clone()
        };
        assert!(weak.needs_upgrade(policy));
    }

    #[test]
    fn random_chars_stay_in_alphabet() {
        let s = random_chars(b"AB", 100).unwrap();
        assert_eq!(s.len(), 100);
        assert!(s.chars().all(|c| c == 'A' || c == 'B'));
    }
}
