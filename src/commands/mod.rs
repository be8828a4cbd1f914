//! One file per command: gather the input, call the library, return a report. A command file
//! never writes SQL, never prints, never exits the process.

mod config;
mod init;
mod login;
mod passwd;
mod register;
mod reset;
mod verify;
mod whoami;

use crate::cli::Command;
use crate::context::Context;
use crate::error::Result;
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
        Command::Config(cmd) => config::run(ctx, &mut input, cmd),
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
