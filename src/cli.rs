//! The command-line definition, and nothing else: the single source of `--help`, shell completions
//! and man pages. No logic here; `context` resolves these raw values into settings.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "useradm",
    version,
    about = "User accounts of an application in an embedded SQLite database",
    long_about = "useradm keeps the user accounts of an application in an embedded SQLite database: \
                  registration with email verification, login sessions, password reset by emailed code, \
                  roles and permissions, and access checks for shell scripts.",
    after_help = "A first session:\n  useradm init --admin admin@example.com\n  useradm login --email admin@example.com\n  useradm whoami",
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Database file [default: the user's data folder, e.g. ~/.local/share/useradm/useradm.db]
    #[arg(long, global = true, env = "USERADM_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Print exactly one JSON document on stdout (errors as JSON on stderr)
    #[arg(long, global = true)]
    pub json: bool,

    /// Print only what was asked for: no hints or notices on stderr
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Never prompt; a missing value is a usage error (implied when stdin is not a terminal)
    #[arg(long, global = true)]
    pub no_input: bool,

    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Where a new password comes from; never from argv.
#[derive(Debug, Args, Clone, Default)]
#[group(multiple = false)]
pub struct PasswordSource {
    /// Read the password from the first line of standard input
    #[arg(long)]
    pub password_stdin: bool,

    /// Read the password from the first line of a file
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create or migrate the database; optionally create the first administrator
    #[command(
        after_help = "Examples:\n  useradm init\n  useradm init --admin admin@example.com\n  \
                            printf '%s\\n' \"$PW\" | useradm init --admin admin@example.com --password-stdin --exists-ok"
    )]
    Init(InitArgs),

    /// Create an account and send its email verification code
    #[command(
        after_help = "Examples:\n  useradm register --email alice@example.com --first-name Alice\n  \
                            useradm register --email ci@example.com --generate-password --verified --json"
    )]
    Register(RegisterArgs),

    /// Confirm an email address with the emailed code, or send a fresh code
    #[command(
        after_help = "Examples:\n  useradm verify --email alice@example.com --code BCDF-GHJK\n  \
                            useradm verify --resend --email alice@example.com"
    )]
    Verify(VerifyArgs),

    /// Check a password and open a session for the following commands
    #[command(
        after_help = "Examples:\n  useradm login --email alice@example.com\n  \
                            useradm login --email alice@example.com --password-file ~/.pw"
    )]
    Login(LoginArgs),

    /// Check credentials only (exit 0 or 3), without opening a session
    #[command(
        after_help = "Example:\n  printf '%s\\n' \"$PW\" | useradm authenticate --email alice@example.com --password-stdin"
    )]
    Authenticate(AuthenticateArgs),

    /// End this session (always succeeds); --all ends every session of the user
    Logout(LogoutArgs),

    /// Show the logged-in user, roles, permissions and session expiry
    Whoami,

    /// Change your own password; ends your other sessions
    #[command(
        after_help = "Example:\n  printf '%s\\n%s\\n' \"$OLD\" \"$NEW\" | useradm passwd --password-stdin"
    )]
    Passwd(PasswdArgs),

    /// Ask for a password reset code, or set a new password with one
    #[command(
        after_help = "Examples:\n  useradm reset --email alice@example.com\n  \
                            useradm reset --email alice@example.com --code BCDF-GHJK"
    )]
    Reset(ResetArgs),

    /// Read and change the policy settings (needs settings.manage)
    #[command(subcommand)]
    Config(ConfigCommand),

    /// Print the shell completion script for SHELL to stdout
    #[command(
        after_help = "Example:\n  useradm completions bash > ~/.local/share/bash-completion/completions/useradm"
    )]
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Write the man pages (useradm.1 and one per command) into a folder
    Man {
        /// Folder to write the pages into (created when missing)
        #[arg(long, value_name = "DIR")]
        out_dir: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Also create the first administrator with this email (verified, role admin)
    #[arg(long, value_name = "EMAIL")]
    pub admin: Option<String>,

    #[command(flatten)]
    pub password: PasswordSource,

    /// Share the database with this group of administrators (files 0660, folder 0770)
    #[arg(long, value_name = "NAME")]
    pub group: Option<String>,

    /// Succeed when an administrator already exists
    #[arg(long)]
    pub exists_ok: bool,
}

#[derive(Debug, Args)]
pub struct RegisterArgs {
    /// Email address of the new account (asked on a terminal when missing)
    #[arg(long, value_name = "EMAIL")]
    pub email: Option<String>,

    /// First name
    #[arg(long, value_name = "NAME")]
    pub first_name: Option<String>,

    /// Last name
    #[arg(long, value_name = "NAME")]
    pub last_name: Option<String>,

    /// Extra attribute stored with the account (repeatable)
    #[arg(long = "attr", value_name = "KEY=VALUE")]
    pub attrs: Vec<String>,

    #[command(flatten)]
    pub password: PasswordSource,

    /// Generate a strong password and print it once
    #[arg(long, conflicts_with_all = ["password_stdin", "password_file"])]
    pub generate_password: bool,

    /// Give a role to the new account (needs users.manage and every permission of the role)
    #[arg(long = "role", value_name = "ROLE")]
    pub roles: Vec<String>,

    /// Mark the email as verified and send no code (needs users.manage)
    #[arg(long)]
    pub verified: bool,

    /// Succeed without changes when the email is already registered
    #[arg(long)]
    pub exists_ok: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Email address to confirm (asked on a terminal when missing)
    #[arg(long, value_name = "EMAIL")]
    pub email: Option<String>,

    /// The code from the message (asked on a terminal when missing)
    #[arg(long, value_name = "CODE", conflicts_with = "code_stdin")]
    pub code: Option<String>,

    /// Read the code from the first line of standard input
    #[arg(long)]
    pub code_stdin: bool,

    /// Send a fresh code instead (the older one stops working)
    #[arg(long, conflicts_with_all = ["code", "code_stdin"])]
    pub resend: bool,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Email address (asked on a terminal when missing)
    #[arg(long, value_name = "EMAIL")]
    pub email: Option<String>,

    #[command(flatten)]
    pub password: PasswordSource,
}

#[derive(Debug, Args)]
pub struct AuthenticateArgs {
    /// Email address
    #[arg(long, value_name = "EMAIL")]
    pub email: String,

    #[command(flatten)]
    pub password: PasswordSource,
}

#[derive(Debug, Args)]
pub struct LogoutArgs {
    /// End every session of this user, on every machine
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct PasswdArgs {
    /// Read line 1 (current password) and line 2 (new password) from standard input
    #[arg(long)]
    pub password_stdin: bool,
}

#[derive(Debug, Args)]
pub struct ResetArgs {
    /// Email address of the account
    #[arg(long, value_name = "EMAIL")]
    pub email: Option<String>,

    /// The code from the reset message: sets a new password instead of asking for a code
    #[arg(long, value_name = "CODE", conflicts_with = "code_stdin")]
    pub code: Option<String>,

    /// Read the code from line 1 of standard input (then the password from the next line)
    #[arg(long)]
    pub code_stdin: bool,

    #[command(flatten)]
    pub password: PasswordSource,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Show every setting with its value and default
    List,
    /// Print one setting's value
    Get {
        /// Setting name, e.g. session.idle
        key: String,
    },
    /// Change a setting (validated; a bad value changes nothing)
    Set(ConfigSetArgs),
}

#[derive(Debug, Args)]
pub struct ConfigSetArgs {
    /// Setting name, e.g. session.idle
    pub key: String,

    /// New value, e.g. 15m
    #[arg(required_unless_present = "value_stdin")]
    pub value: Option<String>,

    /// Read the value from the first line of standard input (required for secrets)
    #[arg(long, conflicts_with = "value")]
    pub value_stdin: bool,
}
