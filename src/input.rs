//! Gathering values a command needs: from flags, from standard input (one line per secret, only
//! the trailing newline stripped), from a file, or from a prompt when a person is at a terminal.
//! Secrets never come from argv: not passwords, and not one-time or second-factor codes either.
//! Without a terminal nothing prompts: the missing value is named in a usage error.

use std::collections::VecDeque;
use std::io::Read;
use std::path::Path;

use crate::cli::PasswordSource;
use crate::context::Context;
use crate::error::{Error, Result};

/// More than any sane input; a larger stdin is refused rather than read into memory.
const MAX_INPUT_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Debug)]
pub struct Input<'a> {
    ctx: &'a Context,
    stdin: Option<VecDeque<String>>,
}

fn split_lines(bytes: Vec<u8>, source: &str) -> Result<VecDeque<String>> {
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::usage(format!("{source} is not valid UTF-8")))?;
    Ok(text
        .split_inclusive('\n')
        .map(|l| {
            let l = l.strip_suffix('\n').unwrap_or(l);
            l.strip_suffix('\r').unwrap_or(l).to_string()
        })
        .collect())
}

fn read_capped(mut reader: impl Read, source: &str) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    (&mut reader)
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Error::usage(format!("cannot read {source}: {e}")))?;
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::usage(format!(
            "{source} is larger than {} MiB",
            MAX_INPUT_BYTES >> 20
        )));
    }
    Ok(buf)
}

/// dialoguer's plain look, but a refused answer reads like every other error of the tool.
struct Plain;

impl dialoguer::theme::Theme for Plain {
    fn format_error(&self, f: &mut dyn std::fmt::Write, err: &str) -> std::fmt::Result {
        write!(f, "useradm: {err}")
    }
}

fn prompt_error(e: impl std::fmt::Display) -> Error {
    let text = e.to_string();
    if text.to_ascii_lowercase().contains("interrupt") {
        // The message starts on its own line, not after the prompt.
        eprintln!();
        Error::Interrupted
    } else {
        Error::internal(format!("prompt failed: {text}"))
    }
}

/// Refuses a code given on the command line: while the command waits at a prompt, any local user
/// reads its arguments in the process list and can redeem the code first. `safe` names the form
/// to use instead.
pub fn refuse_code_in_argv(given: Option<&String>, flag: &str, safe: &str) -> Result<()> {
    match given {
        None => Ok(()),
        Some(_) => Err(Error::usage(format!(
            "{flag} is not accepted: a code on the command line can be read by other users from \
             the process list. Use {safe}"
        ))),
    }
}

/// The second factor a login offers: from standard input, or a prompt.
pub fn second_factor(
    input: &mut Input<'_>,
    source: &crate::cli::SecondFactorSource,
) -> Result<crate::accounts::mfa::SecondFactor> {
    use crate::accounts::mfa::SecondFactor;
    refuse_code_in_argv(
        source.refused.otp.as_ref(),
        "--otp CODE",
        "--otp-stdin, or answer the prompt on a terminal",
    )?;
    if source.otp_stdin {
        return Ok(SecondFactor::Code(
            input.stdin_line("the second-factor code")?,
        ));
    }
    if source.recovery_code_stdin {
        return Ok(SecondFactor::Recovery(
            input.stdin_line("the recovery code")?,
        ));
    }
    if !input.interactive() {
        return Err(Error::usage(
            "this account has a second factor: pass --otp-stdin or --recovery-code-stdin",
        ));
    }
    let typed =
        rpassword::prompt_password("Code from the authenticator app (or a recovery code): ")
            .map_err(prompt_error)?;
    Ok(if crate::totp::looks_like_code(typed.trim()) {
        SecondFactor::Code(typed)
    } else {
        SecondFactor::Recovery(typed)
    })
}

/// The second factor a login offers, for the check to ask for once the password proved right.
/// Given on standard input it is read now, before the password is checked, so a counted attempt
/// never waits on its input; only a person at a prompt answers after the check.
pub fn offered_second_factor<'i>(
    input: &'i mut Input<'_>,
    source: &'i crate::cli::SecondFactorSource,
) -> Result<impl FnMut() -> Result<crate::accounts::mfa::SecondFactor> + 'i> {
    let given = source.refused.otp.is_some() || source.otp_stdin || source.recovery_code_stdin;
    let mut early = if given {
        Some(second_factor(input, source)?)
    } else {
        None
    };
    Ok(move || match early.take() {
        Some(factor) => Ok(factor),
        None => second_factor(input, source),
    })
}

impl<'a> Input<'a> {
    pub fn new(ctx: &'a Context) -> Input<'a> {
        Input { ctx, stdin: None }
    }

    pub fn interactive(&self) -> bool {
        self.ctx.interactive
    }

    /// The next line of standard input (read whole, once).
    pub fn stdin_line(&mut self, what: &str) -> Result<String> {
        if self.stdin.is_none() {
            let bytes = read_capped(std::io::stdin().lock(), "standard input")?;
            self.stdin = Some(split_lines(bytes, "standard input")?);
        }
        self.stdin
            .as_mut()
            .and_then(VecDeque::pop_front)
            .ok_or_else(|| Error::usage(format!("expected {what} on standard input, but it ended")))
    }

    /// The rest of standard input, its lines joined again (a PEM, which is many lines).
    pub fn stdin_rest(&mut self, what: &str) -> Result<String> {
        let mut lines = vec![self.stdin_line(what)?];
        while let Some(line) = self.stdin.as_mut().and_then(VecDeque::pop_front) {
            lines.push(line);
        }
        Ok(lines.join("\n"))
    }

    /// The first line of a file.
    pub fn file_line(&self, path: &Path, what: &str) -> Result<String> {
        let source = format!("the {what} file {}", path.display());
        let file = std::fs::File::open(path)
            .map_err(|e| Error::usage(format!("cannot read {source}: {e}")))?;
        let bytes = read_capped(file, &source)?;
        Ok(split_lines(bytes, &source)?.pop_front().unwrap_or_default())
    }

    /// A password from `--password-stdin`, `--password-file`, or a hidden prompt. A new password
    /// is asked twice and re-asked until `judge` accepts it.
    pub fn password<T>(
        &mut self,
        source: &PasswordSource,
        prompt: &str,
        new: bool,
        mut judge: impl FnMut(String) -> Result<T>,
    ) -> Result<T> {
        if source.password_stdin {
            return judge(self.stdin_line("the password")?);
        }
        if let Some(path) = &source.password_file {
            return judge(self.file_line(path, "password")?);
        }
        if !self.ctx.interactive {
            return Err(Error::usage(
                "missing password: pass --password-stdin or --password-file (there is no terminal to ask on)",
            ));
        }
        loop {
            let first = rpassword::prompt_password(format!("{prompt}: ")).map_err(prompt_error)?;
            if new {
                let again = rpassword::prompt_password(format!("{prompt} (again): "))
                    .map_err(prompt_error)?;
                if first != again {
                    eprintln!("The passwords differ; try again.");
                    continue;
                }
            }
            match judge(first) {
                Err(Error::Policy(why)) if new => eprintln!("{why}"),
                other => return other,
            }
        }
    }

    /// A secret typed at a hidden prompt, or from standard input when `stdin` is set.
    pub fn hidden(&mut self, stdin: bool, what: &str, flag: &str) -> Result<String> {
        if stdin {
            return self.stdin_line(what);
        }
        if !self.ctx.interactive {
            return Err(Error::usage(format!(
                "missing {what}: pass {flag} (there is no terminal to ask on)"
            )));
        }
        rpassword::prompt_password(format!("{}: ", capitalise(what))).map_err(prompt_error)
    }

    /// A required value: the flag's, or asked on a terminal (re-asked until `parse` accepts it).
    pub fn required<T>(
        &mut self,
        value: Option<String>,
        prompt: &str,
        flag: &str,
        parse: impl Fn(&str) -> Result<T>,
    ) -> Result<T> {
        if let Some(v) = value {
            return parse(&v);
        }
        if !self.ctx.interactive {
            return Err(Error::usage(format!(
                "missing {flag} (there is no terminal to ask on)"
            )));
        }
        let text: String = dialoguer::Input::with_theme(&Plain)
            .with_prompt(prompt)
            .validate_with(|s: &String| parse(s).map(|_| ()).map_err(|e| e.to_string()))
            .interact_text()
            .map_err(prompt_error)?;
        parse(&text)
    }

    /// An optional value: the flag's, asked on a terminal (empty allowed), or empty.
    pub fn optional<T>(
        &mut self,
        value: Option<String>,
        prompt: &str,
        parse: impl Fn(&str) -> Result<T>,
    ) -> Result<T> {
        if let Some(v) = value {
            return parse(&v);
        }
        if !self.ctx.interactive {
            return parse("");
        }
        let text: String = dialoguer::Input::with_theme(&Plain)
            .with_prompt(prompt)
            .allow_empty(true)
            .validate_with(|s: &String| parse(s).map(|_| ()).map_err(|e| e.to_string()))
            .interact_text()
            .map_err(prompt_error)?;
        parse(&text)
    }
}

impl Input<'_> {
    /// Whether a destructive action goes ahead: `--yes`, or on a terminal the person types
    /// `name` (as `gh repo delete` asks), compared by `same` after Enter; a mismatch or an empty
    /// answer is `false`. Without a terminal and without `--yes` it is exit 2. The one helper of
    /// every destructive prompt.
    pub fn confirm_destructive(
        &self,
        yes: bool,
        what: &str,
        name: &str,
        same: impl Fn(&str) -> bool,
    ) -> Result<bool> {
        if yes {
            return Ok(true);
        }
        if !self.ctx.interactive {
            return Err(Error::usage(format!(
                "{what} needs confirmation: pass --yes (there is no terminal to ask on)"
            )));
        }
        let typed: String = dialoguer::Input::with_theme(&Plain)
            .with_prompt(format!("Type {name} to confirm (anything else keeps it)"))
            .allow_empty(true)
            .interact_text()
            .map_err(prompt_error)?;
        Ok(!typed.trim().is_empty() && same(typed.trim()))
    }

    /// A yes/no question on the terminal (callers check `interactive` first).
    pub fn confirm(&self, question: &str) -> Result<bool> {
        // Enter is awaited: a typed "yes" must not leave "es" for the shell.
        dialoguer::Confirm::with_theme(&Plain)
            .with_prompt(question)
            .default(false)
            .wait_for_newline(true)
            .interact()
            .map_err(prompt_error)
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_strip_only_the_newline() {
        let l = split_lines(b" a b \r\nsecond\n\nlast".to_vec(), "x").unwrap();
        assert_eq!(l, vec![" a b ", "second", "", "last"]);
        assert!(split_lines(vec![0xff, b'\n'], "x").is_err());
    }
}
