//! One integration-test crate: the tests run the built `useradm` binary in a throw-away home; one
//! file (`fuzz_regressions`) replays kept fuzz inputs through the library's own checks.

#![allow(clippy::unwrap_used)]

mod access;
mod apply;
mod audit_chain;
mod backup;
mod bad_input;
mod checkpassword;
mod codes;
mod completion;
mod concurrency;
mod config;
mod copy;
mod db;
pub(crate) mod django;
mod doctor;
mod flows;
mod fuzz_regressions;
mod generated;
mod hosts;
mod import;
mod interactive;
mod leaks;
mod legacy;
mod lifecycle;
mod mfa;
mod notices;
mod pam;
mod postgres;
mod relay;
mod retention;
mod security;
mod sessions;
mod smtp;
mod smtp_flows;
mod sso;
mod store;
mod stress;
mod tokens;
mod util;
