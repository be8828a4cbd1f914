//! The outer edge: parse, run, print the report or the error once, and map it to the exit code.
//! The only place that ends the process: by returning from `main`, or from the Ctrl-C handler
//! installed here.

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, ReadPathCli};
use crate::context::Context;
use crate::error::Error;
use crate::output::{print_error, print_report, print_warnings};

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
    let code = std::panic::catch_unwind(run).unwrap_or(ExitCode::from(1));
    report_argon2_runs();
    code
}

/// A hook of the test suite, which runs a debug build: how many Argon2 computations this process
/// ran. Never in a release build, where it would tell any caller whether an account exists.
#[cfg(debug_assertions)]
fn report_argon2_runs() {
    if std::env::var_os("USERADM_DEBUG_ARGON2_COUNT").is_some() {
        eprintln!("argon2-runs: {}", crate::crypto::argon2_runs());
        eprintln!(
            "argon2-last-memory-kib: {}",
            crate::crypto::argon2_last_memory_kib()
        );
    }
}

#[cfg(not(debug_assertions))]
fn report_argon2_runs() {}

fn run() -> ExitCode {
    // `COMPLETE=bash useradm` prints the shell's registration; with the line being typed it
    // prints the candidates (complete.rs) and the process ends here.
    clap_complete::CompleteEnv::with_factory(<Cli as clap::CommandFactory>::command).complete();
    let cli = match parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version itself; a usage error under --json is a JSON document.
            let wants_json = std::env::args_os()
                .skip(1)
                .take_while(|a| a != "--")
                .any(|a| a == "--json");
            if e.use_stderr() && wants_json {
                // The message is the lines before the usage block ("…not provided:" and the
                // arguments it lists), as one line.
                let text = e.render().to_string();
                let message = text
                    .lines()
                    .take_while(|l| !l.trim().is_empty())
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join(" ");
                let message = message.trim_start_matches("error: ");
                print_error(false, true, &Error::usage(message));
            } else {
                let _ = e.print();
            }
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let json = cli.global.json;
    let ctx = match Context::from_args(&cli.global) {
        Ok(ctx) => ctx,
        Err(e) => {
            print_error(false, json, &e);
            return ExitCode::from(e.exit_code());
        }
    };
    print_warnings(&ctx);
    if ctx.interactive {
        install_interrupt_handler(ctx.color, json);
    }
    match crate::commands::run(&ctx, cli.command) {
        Ok(report) => {
            print_report(&ctx, &report);
            match &report.error {
                None => ExitCode::from(report.exit.unwrap_or(0)),
                Some(e) => {
                    print_error(ctx.color, json, e);
                    ExitCode::from(e.exit_code())
                }
            }
        }
        Err(Error::OutputClosed) => ExitCode::SUCCESS,
        Err(e) => {
            print_error(ctx.color, json, &e);
            ExitCode::from(e.exit_code())
        }
    }
}

/// The read path's small parser first when it applies, else (and on any error) the full one.
fn parse() -> Result<Cli, clap::Error> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if ReadPathCli::wanted(&args)
        && let Ok(fast) = ReadPathCli::try_parse_from(&args)
    {
        return Ok(fast.into());
    }
    Cli::try_parse_from(args)
}

/// Ctrl-C while a person is at a prompt: the terminal gets back the state it had before any
/// prompt (echo on, cursor shown) and the process ends with exit 130. A prompt blocks in a read
/// that the signal does not interrupt, so the handler ends the process itself. It says that
/// nothing was changed only when no write has committed yet.
fn install_interrupt_handler(color: bool, json: bool) {
    let saved = std::fs::File::open("/dev/tty")
        .ok()
        .and_then(|tty| nix::sys::termios::tcgetattr(&tty).ok().map(|t| (tty, t)));
    let _ = ctrlc::set_handler(move || {
        if let Some((tty, termios)) = &saved {
            let _ = nix::sys::termios::tcsetattr(tty, nix::sys::termios::SetArg::TCSANOW, termios);
        }
        eprintln!("\x1b[?25h");
        let error = if crate::store::committed_a_write() {
            Error::InterruptedAfterChange
        } else {
            Error::Interrupted
        };
        print_error(color, json, &error);
        std::process::exit(i32::from(error.exit_code()));
    });
}
