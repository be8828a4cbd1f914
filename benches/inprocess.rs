//! In-process costs of the parts every command is built from, with criterion (`cargo bench`).
//! Whole-process timings against their floors are `benches/whole_process.py`; this harness says
//! which part a change made faster or slower, without process start in the way.
//!
//! The pairs to read side by side:
//! - `argon2id/useradm_verify` against `argon2id/naive_hash`: one Argon2id computation at the
//!   default policy through useradm and through the argon2 crate's plain API. In a long-lived
//!   process both reuse warm memory (glibc keeps the freed 19 MiB), so they should cost the same;
//!   what huge pages save, faulting in fresh memory, shows only in a new process, which
//!   `benches/whole_process.py` measures (`login` against `argon2_floor`).
//! - `store/open_and_lookup` against `store/lookup`: opening the database costs far more than
//!   an indexed lookup in it.

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use useradm::crypto;
use useradm::files::Sharing;
use useradm::permissions::covers;
use useradm::session::token_hash;
use useradm::settings::Policy;
use useradm::store::{Database, Store};
use useradm::validate::parse_email;

fn argon2id(c: &mut Criterion) {
    let policy = Policy::from_rows(&HashMap::new());
    let phc = crypto::hash_secret(b"correct horse battery staple", policy.hash_cost)
        .expect("hashing works");
    let mut group = c.benchmark_group("argon2id");
    group.sample_size(10);
    group.bench_function("useradm_verify", |b| {
        b.iter(|| crypto::verify_secret(black_box(b"correct horse battery staple"), &phc))
    });
    group.bench_function("naive_hash", |b| b.iter(naive_hash));
    group.finish();
}

/// The argon2 crate's plain API at the default policy: 19 MiB from the allocator every call.
fn naive_hash() -> [u8; 32] {
    let params = argon2::Params::new(19456, 2, 1, Some(32)).expect("valid parameters");
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut out = [0u8; 32];
    argon
        .hash_password_into(
            black_box(b"correct horse battery staple"),
            b"sixteen byte salt",
            &mut out,
        )
        .expect("hash");
    out
}

fn small_parts(c: &mut Criterion) {
    let token = "f".repeat(64);
    c.bench_function("session/token_hash", |b| {
        b.iter(|| token_hash(black_box(&token)))
    });
    c.bench_function("validate/parse_email_ascii", |b| {
        b.iter(|| parse_email(black_box("Alice.Liddell@Example.com")))
    });
    c.bench_function("validate/parse_email_unicode", |b| {
        b.iter(|| parse_email(black_box("Élodie@Bücher.example")))
    });
    c.bench_function("permissions/covers_wildcard", |b| {
        b.iter(|| covers(black_box("users.*"), black_box("users.read")))
    });
}

fn store(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("bench.db");
    drop(Store::init(&Database::file(&path), Sharing::PRIVATE).expect("init"));
    let store = Store::open(&Database::file(&path)).expect("open");
    let mut group = c.benchmark_group("store");
    group.bench_function("lookup", |b| {
        b.iter(|| {
            store
                .sql()
                .user_by_email(black_box("nobody@example.com"))
                .expect("lookup")
        })
    });
    group.bench_function("open_and_lookup", |b| {
        b.iter(|| {
            let store = Store::open(&Database::file(&path)).expect("open");
            let found = store
                .sql()
                .user_by_email(black_box("nobody@example.com"))
                .expect("lookup");
            drop(store);
            found
        })
    });
    group.finish();
}

criterion_group!(benches, argon2id, small_parts, store);
criterion_main!(benches);
