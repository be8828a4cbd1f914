//! useradm: the user accounts of an application in an embedded SQLite database.
//!
//! Data flows one way: `app` parses with `cli` and resolves a `context`; a `commands` module
//! gathers its input (`input`) and calls the library (`accounts` for what each command does,
//! `gate` for who may, `store` for the SQL, `mail`, `crypto`); the report it returns is printed by
//! `output`. The library below `commands` never prints, prompts or exits; `store` reads no
//! policy of its own, and `error`, `settings` and `mail` use neither `store` nor `accounts`.

pub mod accounts;
pub mod app;
pub mod argon_memory;
pub mod blocklist;
pub mod cli;
pub mod clock;
pub mod codes;
pub mod commands;
pub mod complete;
pub mod context;
pub mod crypto;
pub mod docs;
pub mod error;
pub mod files;
pub mod gate;
pub mod hashes;
pub mod input;
pub mod mail;
pub mod oidc;
pub mod origin;
pub mod output;
pub mod password;
pub mod permissions;
#[cfg(test)]
mod properties;
pub mod required;
pub mod session;
pub mod settings;
pub mod store;
pub mod syslog;
pub mod table;
pub mod tls;
pub mod totp;
pub mod validate;
