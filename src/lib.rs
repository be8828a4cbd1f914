//! useradm: the user accounts of an application in an embedded SQLite database.
//!
//! Data flows one way: `cli` → `context` → `commands` → library (`accounts`, `gate`, `store`,
//! `mail`, `crypto`) → `output`.

pub mod accounts;
pub mod app;
pub mod argon_memory;
pub mod cli;
pub mod clock;
pub mod codes;
pub mod commands;
pub mod context;
pub mod crypto;
pub mod docs;
pub mod error;
pub mod files;
pub mod gate;
pub mod hashes;
pub mod input;
pub mod mail;
pub mod output;
pub mod password;
pub mod permissions;
#[cfg(test)]
mod properties;
pub mod session;
pub mod settings;
pub mod store;
pub mod totp;
pub mod validate;
