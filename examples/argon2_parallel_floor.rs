//! The floor of a plain-password import: N Argon2id hashes at the default policy on every core,
//! each worker reusing its memory. `benches/import.py` times it beside `useradm import`.
//!
//!     argon2_parallel_floor N

fn main() -> anyhow::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100);
    let workers = std::thread::available_parallelism()
        .map(|p| p.get())
        .unwrap_or(1);
    let params = argon2::Params::new(19456, 2, 1, Some(32))
        .map_err(|e| anyhow::anyhow!("the default parameters: {e}"))?;
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| -> anyhow::Result<()> {
                    let argon = argon2::Argon2::new(
                        argon2::Algorithm::Argon2id,
                        argon2::Version::V0x13,
                        params.clone(),
                    );
                    let mut memory = vec![argon2::Block::new(); params.block_count()];
                    let mut out = [0u8; 32];
                    while next.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < n {
                        argon
                            .hash_password_into_with_memory(
                                b"a password of the import",
                                b"sixteen byte salt",
                                &mut out,
                                &mut memory,
                            )
                            .map_err(|e| anyhow::anyhow!("hashing: {e}"))?;
                    }
                    std::hint::black_box(out);
                    Ok(())
                })
            })
            .collect();
        handles
            .into_iter()
            .try_for_each(|h| h.join().map_err(|_| anyhow::anyhow!("a worker panicked"))?)
    })
}
