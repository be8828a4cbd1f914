//! The outer edge: parse, run, print the report or the error once, and map it to the exit code.

use std::process::ExitCode;

use clap::Parser;

use crate::cli::Cli;
use crate::context::Context;
use crate::output::{print_error, print_report};

/// The whole program; `main` only calls this. Never panics on user input and never prints a
/// backtrace (this machine sets `RUST_BACKTRACE=1`).
pub fn main() -> ExitCode {
    // A bug must still end in one clear line and exit 1, never a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("useradm: internal error{place}; please report it");
    }));
    std::panic::catch_unwind(run).unwrap_or(ExitCode::from(1))
}

fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version itself and chooses 0 or 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let json = cli.global.json;
    let ctx = match Context::from_args(&cli.global) {
        Ok(ctx) => ctx,
        Err(e) => {
            print_error(None, json, &e);
            return ExitCode::from(e.exit_code());
        }
    };
    match crate::commands::run(&ctx, cli.command) {
        Ok(report) => {
            print_report(&ctx, &report);
            match &report.error {
                None => ExitCode::from(report.exit.unwrap_or(0)),
                Some(e) => {
                    print_error(Some(&ctx), json, e);
                    ExitCode::from(e.exit_code())
                }
            }
        }
        Err(e) => {
            print_error(Some(&ctx), json, &e);
            ExitCode::from(e.exit_code())
        }
    }
}
