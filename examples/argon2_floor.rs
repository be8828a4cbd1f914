//! The floor of `login`: a process that starts, runs one Argon2id hash at the default policy
//! (m=19456 KiB, t=2, p=1) and exits. `benches/whole_process.py` times it beside `useradm login`.

fn main() -> anyhow::Result<()> {
    let params = argon2::Params::new(19456, 2, 1, Some(32))
        .map_err(|e| anyhow::anyhow!("the default parameters: {e}"))?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut out = [0u8; 32];
    argon
        .hash_password_into(
            b"correct horse battery staple",
            b"sixteen byte salt",
            &mut out,
        )
        .map_err(|e| anyhow::anyhow!("hashing: {e}"))?;
    std::hint::black_box(out);
    Ok(())
}
