//! One integration-test crate: every test runs the built `useradm` binary in a throw-away home.

#![allow(clippy::unwrap_used)]

mod access;
mod audit_chain;
mod bad_input;
mod codes;
mod concurrency;
mod config;
mod django;
mod flows;
mod fuzz_regressions;
mod generated;
mod import;
mod interactive;
mod leaks;
mod mfa;
mod review_fixes;
mod security;
mod sessions;
mod smtp;
mod smtp_flows;
mod store;
mod stress;
mod util;
