//! One file per command: gather the input, call the library, return a report. A command file
//! never writes SQL, never prints, never exits the process.

mod audit;
mod config;
mod import;
mod init;
mod login;
mod mfa;
mod passwd;
mod register;
mod reset;
mod roles;
mod sessions;
mod users;
mod verify;
mod whoami;

use crate::cli::Command;
use crate::context::Context;
use crate::error::Result;
use crate::gate::{self, Actor};
use crate::input::Input;
use crate::output::Report;
use crate::settings::Policy;
use crate::store::Store;

/// Opens the database (exit 10 when it is missing or of another schema) and reads the policy.
pub(crate) fn open(ctx: &Context) -> Result<(Store, Policy)> {
    let store = Store::open(&ctx.db_path)?;
    let policy = Policy::from_rows(&store.sql().settings_rows()?);
    Ok((store, policy))
}

/// The gate, for this command's credential (the API token, else the session file). A holder of
/// a role in `mfa.required_roles` without a second factor may only enrol (exit 5 otherwise).
pub(crate) fn protected(
    ctx: &Context,
    store: &Store,
    policy: &Policy,
    permissions: &[&str],
) -> Result<Actor> {
    let actor = gate::require(
        store,
        policy,
        &ctx.credential(store.database_id()),
        permissions,
    )?;
    if crate::accounts::mfa::must_enrol(store, policy, &actor.user)? {
        return Err(crate::error::Error::PermissionDenied {
            rule: "mfa_required",
            message: format!(
                "{} holds a role that needs a second factor: run `useradm 2fa enable` first",
                actor.user.email
            ),
        });
    }
    Ok(actor)
}

/// The gate for what a user who still has to enrol may do: `whoami` and `2fa`.
pub(crate) fn protected_for_enrolment(
    ctx: &Context,
    store: &Store,
    policy: &Policy,
) -> Result<Actor> {
    gate::require(store, policy, &ctx.credential(store.database_id()), &[])
}

pub fn run(ctx: &Context, command: Command) -> Result<Report> {
    let mut input = Input::new(ctx);
    match command {
        Command::Init(args) => init::run(ctx, &mut input, args),
        Command::Register(args) => register::run(ctx, &mut input, args),
        Command::Verify(args) => verify::run(ctx, &mut input, args),
        Command::Login(args) => login::login(ctx, &mut input, args),
        Command::Authenticate(args) => login::authenticate(ctx, &mut input, args),
        Command::Logout(args) => login::logout(ctx, args),
        Command::Whoami => whoami::run(ctx),
        Command::Passwd(args) => passwd::run(ctx, &mut input, args),
        Command::Reset(args) => reset::run(ctx, &mut input, args),
        Command::Grant(args) => roles::change_roles(ctx, args, true),
        Command::Revoke(args) => roles::change_roles(ctx, args, false),
        Command::Check(args) => audit::check(ctx, args),
        Command::Roles(cmd) => roles::run(ctx, cmd),
        Command::Users(cmd) => users::run(ctx, &mut input, cmd),
        Command::Sessions(cmd) => sessions::run(ctx, cmd),
        Command::Tokens(cmd) => sessions::run_tokens(ctx, cmd),
        Command::Audit(args) => audit::run(ctx, args),
        Command::Import(args) => import::run(ctx, args),
        Command::Export(args) => import::export(ctx, args),
        Command::Config(cmd) => config::run(ctx, &mut input, cmd),
        Command::TwoFactor(cmd) => mfa::run(ctx, &mut input, cmd),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            crate::docs::write_completions(shell, &mut script);
            let script = String::from_utf8_lossy(&script).trim_end().to_string();
            Ok(
                Report::new(serde_json::json!({ "shell": shell.to_string(), "script": script }))
                    .line(script),
            )
        }
        Command::Man { out_dir } => {
            let files = crate::docs::write_man_pages(&out_dir)?;
            let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            Ok(
                Report::new(serde_json::json!({ "files": names })).line(format!(
                    "Wrote {} man pages to {}.",
                    files.len(),
                    out_dir.display()
                )),
            )
        }
    }
}

/// The note that says where a message went.
pub(crate) fn delivery_note(delivery: &crate::mail::Delivery) -> String {
    match delivery {
        crate::mail::Delivery::Outbox(path) => {
            format!(
                "No SMTP server is configured: the message was written to {}",
                path.display()
            )
        }
        crate::mail::Delivery::Smtp(server) => format!("The message was sent through {server}."),
    }
}
