//! `checkpassword`: the interface of qmail's family of mail servers (and others that speak it).
//! The caller writes `user\0password\0timestamp\0` (at most 512 bytes) to file descriptor 3;
//! with the right password this process becomes PROG (exec), with `USER` and `HOME` set; else it
//! exits 1, whatever was wrong (an unknown user reads exactly like a wrong password, and an
//! account with a second factor is refused: the protocol carries one secret), 2 for misuse and
//! 111 for a temporary failure (a busy or unreachable store). It prints nothing.

use std::ffi::OsString;
use std::io::Read;
use std::os::unix::process::CommandExt;

use crate::accounts::credentials;
use crate::commands::open;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::Report;
use crate::password::Password;
use crate::validate::parse_email;

/// The protocol's limit on what comes on descriptor 3.
const MAX_INPUT: usize = 512;

const REFUSED: u8 = 1;
const MISUSE: u8 = 2;
const TEMPORARY: u8 = 111;

pub fn run(ctx: &Context, prog: &[OsString]) -> Result<Report> {
    let code = match check(ctx) {
        Ok((user, home)) => {
            let Some((program, args)) = prog.split_first() else {
                return Ok(exit(MISUSE));
            };
            // Only returns when the program cannot be run.
            let _ = std::process::Command::new(program)
                .args(args)
                .env("USER", user)
                .env("HOME", home)
                .exec();
            TEMPORARY
        }
        Err(code) => code,
    };
    Ok(exit(code))
}

fn exit(code: u8) -> Report {
    let mut report = Report::new(serde_json::Value::Null);
    report.exit = Some(code);
    report
}

/// The user and the HOME to run PROG with, or the exit code.
fn check(ctx: &Context) -> std::result::Result<(String, String), u8> {
    let input = read_fd3()?;
    let mut fields = input.split(|b| *b == 0);
    let (Some(user), Some(password)) = (fields.next(), fields.next()) else {
        return Err(MISUSE);
    };
    let user = String::from_utf8(user.to_vec()).map_err(|_| REFUSED)?;
    let password = String::from_utf8(password.to_vec()).map_err(|_| REFUSED)?;
    let email = parse_email(&user).map_err(|_| REFUSED)?;
    let mut opened = open(ctx).map_err(|_| TEMPORARY)?;
    let password = Password::normalise(&password);
    // A second factor cannot come through this protocol: asking for one refuses the login.
    let mut no_second_factor = || Err(Error::usage("a second factor is needed"));
    match credentials::authenticate(
        &mut opened.store,
        &opened.policy,
        &email,
        &password,
        &mut no_second_factor,
    ) {
        Ok(user) => Ok((user.email, opened.policy.checkpassword_home.clone())),
        Err(Error::Storage(_) | Error::Internal(_)) => Err(TEMPORARY),
        Err(_) => Err(REFUSED),
    }
}

/// What the caller wrote on descriptor 3, at most [`MAX_INPUT`] bytes.
fn read_fd3() -> std::result::Result<Vec<u8>, u8> {
    // Opened by name: no unsafe code takes the descriptor over.
    let file = std::fs::File::open("/proc/self/fd/3").map_err(|_| MISUSE)?;
    let mut input = Vec::with_capacity(MAX_INPUT + 1);
    file.take(MAX_INPUT as u64 + 1)
        .read_to_end(&mut input)
        .map_err(|_| MISUSE)?;
    if input.len() > MAX_INPUT {
        return Err(MISUSE);
    }
    Ok(input)
}
