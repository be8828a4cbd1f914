#![no_main]
use libfuzzer_sys::fuzz_target;

// Parsing must never panic; hashes that parse are bounded, so verifying them stays cheap enough
// for the fuzzer only below these costs.
fuzz_target!(|text: &str| {
    if let Ok(stored) = useradm::hashes::parse(text) {
        let cheap = match &stored {
            useradm::hashes::Stored::Argon2(phc) => useradm::crypto::inspect_hash(phc)
                .map(|h| h.cost.memory_kib <= 64 && h.cost.iterations <= 2 && h.cost.parallelism <= 2)
                .unwrap_or(false),
            useradm::hashes::Stored::Pbkdf2Sha256 { iterations, .. } => *iterations <= 1000,
            _ => false,
        };
        if cheap {
            let _ = useradm::hashes::verify_password(b"password", text);
        }
    }
});
