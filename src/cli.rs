//! The command-line definition, and nothing else: the single source of `--help`, shell completions
//! and man pages. No logic here; `context` resolves these raw values into settings.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::engine::ArgValueCompleter;

use crate::complete;

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

/// The read-only commands that scripts run most (`whoami`, `check`), parsed without building the
/// other twenty subcommands: clap builds every argument of every subcommand before parsing, which
/// was a quarter of `whoami`'s instructions. It shares [`GlobalArgs`] and [`CheckArgs`] with
/// [`Cli`], and anything it does not accept (help, version, any error) is parsed again by [`Cli`],
/// so users only ever see the full parser's messages.
#[derive(Debug, Parser)]
#[command(
    name = "useradm",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct ReadPathCli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: ReadPathCommand,
}

#[derive(Debug, Subcommand)]
pub enum ReadPathCommand {
    Whoami,
    Check(CheckArgs),
}

impl ReadPathCli {
    /// Whether the arguments name a read-path command, so that other commands skip the attempt.
    pub fn wanted(args: &[std::ffi::OsString]) -> bool {
        args.iter()
            .skip(1)
            .take_while(|a| *a != "--")
            .any(|a| a == "whoami" || a == "check")
    }
}

impl From<ReadPathCli> for Cli {
    fn from(fast: ReadPathCli) -> Cli {
        Cli {
            global: fast.global,
            command: match fast.command {
                ReadPathCommand::Whoami => Command::Whoami,
                ReadPathCommand::Check(args) => Command::Check(args),
            },
        }
    }
}

/// The flags every command takes, listed apart from a command's own (as gh's "INHERITED FLAGS").
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME
    /// (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the
    /// user's data folder, e.g. ~/.local/share/useradm/useradm.db]
    #[arg(long, global = true, value_name = "PATH|URL")]
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
        after_help = "Examples:\n  useradm verify --email alice@example.com        # asks for the code\n  \
                            printf '%s\\n' \"$CODE\" | useradm verify --email alice@example.com --code-stdin\n  \
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
        after_help = "Examples:\n  useradm reset --email alice@example.com            # mails a code\n  \
                            useradm reset --email alice@example.com --confirm  # asks for the code and the new password\n  \
                            printf '%s\\n%s\\n' \"$CODE\" \"$PW\" | useradm reset --email alice@example.com --code-stdin"
    )]
    Reset(ResetArgs),

    /// Give roles to a user (needs roles.grant and every permission of the roles)
    #[command(after_help = "Example:\n  useradm grant --email alice@example.com --role support")]
    Grant(RoleChangeArgs),

    /// Take roles from a user (needs roles.grant and every permission of the roles)
    #[command(after_help = "Example:\n  useradm revoke --email alice@example.com --role support")]
    Revoke(RoleChangeArgs),

    /// Exit 0 when you (or --email) hold every role and permission named, 5 when not
    #[command(
        after_help = "Examples:\n  useradm check --permission deploy.prod || exit 1\n  \
                            useradm check --email alice@example.com --role support --explain"
    )]
    Check(CheckArgs),

    /// Manage roles and their permissions (needs roles.manage)
    #[command(subcommand)]
    Roles(RolesCommand),

    /// List, show and manage accounts (needs users.read / users.manage)
    #[command(subcommand)]
    Users(UsersCommand),

    /// List and end login sessions (others' need sessions.manage)
    #[command(subcommand)]
    Sessions(SessionsCommand),

    /// API tokens for CI jobs, used through USERADM_TOKEN
    #[command(subcommand)]
    Tokens(TokensCommand),

    /// Read the security event log and prove its integrity (needs audit.read)
    #[command(
        after_help = "Examples:\n  useradm audit --email alice@example.com --since 24h\n  \
                            useradm audit head\n  useradm audit verify --expect-head <hash>"
    )]
    Audit(AuditArgs),

    /// Create or update accounts from CSV, JSON Lines, a Django database, a shadow or an htpasswd
    /// file (needs users.manage)
    #[command(after_help = "Columns (a CSV header row, or JSON Lines keys):\n  \
          email           required\n  \
          first_name, last_name\n  \
          attributes      a JSON object\n  \
          roles           role names separated by ; (a JSON array in JSON Lines)\n  \
          email_verified  true or false (verified is read as the same)\n  \
          password        a plain password, checked against the policy\n  \
          password_hash   a stored hash (Argon2, Django, bcrypt, SHA crypt, yescrypt; MD5 crypt,\n                  \
          apr1 and {SHA} are stored wrapped in Argon2id)\n  \
          status          active or disabled\n  \
          must_change     true or false: the password must be changed first\n\n\
        Examples:\n  useradm import users.csv --dry-run\n  \
                            useradm import users.jsonl --on-conflict update --no-email\n  \
                            useradm import --from-django /srv/site/db.sqlite3 --no-email\n  \
                            useradm import --from-shadow /etc/shadow --passwd /etc/passwd --email-domain example.com")]
    Import(ImportArgs),

    /// Converge the store to a declared state (settings, identity providers, roles, accounts)
    /// from a TOML or JSON file, in one transaction; --dry-run shows the plan, --check exits 13
    /// on drift
    #[command(
        after_help = "Examples:\n  useradm apply accounts.toml --dry-run\n  \
                            useradm apply accounts.toml --check || echo drifted\n  \
                            useradm apply accounts.toml --yes --prune\n\n\
        A key left out is left alone; a list given is exact. Entries are managed by the file's\n\
        owner: others are left alone unless --adopt, and only managed ones are removed\n\
        (absent = true, or --prune). --help shows a whole file.",
        after_long_help = APPLY_HELP
    )]
    Apply(ApplyArgs),

    /// Write every account (profile, roles, status, email_verified; never a hash) to stdout
    #[command(after_help = "Example:\n  useradm export --format jsonl > accounts.jsonl")]
    Export(ExportArgs),

    /// Read and change the policy settings (needs settings.manage)
    #[command(subcommand)]
    Config(ConfigCommand),

    /// A second factor (TOTP) for your account, with recovery codes
    #[command(name = "2fa", subcommand)]
    TwoFactor(TwoFactorCommand),

    /// Mail sent after answering (reset and verification codes): what waits, and sending it now
    /// (needs settings.manage)
    #[command(subcommand)]
    Mail(MailCommand),

    /// Write a consistent copy of the whole store (every secret it holds) to a new SQLite file,
    /// prove it, and print the audit head it holds (needs settings.manage)
    #[command(
        after_help = "Example:\n  useradm backup --out /var/backups/useradm-$(date +%F).db\n\n\
        The file is 0600 and holds password hashes, second-factor secrets and token hashes:\n\
        keep it as you keep the database. Keep the printed head apart from it: restore asks\n\
        for it."
    )]
    Backup(BackupArgs),

    /// Replace the store with a backup whose audit chain verifies up to HASH; ends every
    /// session and revokes the API tokens
    #[command(
        after_help = "Examples:\n  useradm restore backup.db --expect-head <hash>              # into an empty or new store\n  \
        useradm restore backup.db --expect-head <hash> --force      # over accounts (asks, or --yes)"
    )]
    Restore(RestoreArgs),

    /// Identity providers for single sign-on (`login --idp`) (needs settings.manage)
    #[command(subcommand)]
    Idp(IdpCommand),

    /// The database itself: copy it to a new file or server (needs settings.manage)
    #[command(subcommand)]
    Db(DbCommand),

    /// Check the store and what it depends on, one line per check (ok, warning, problem or
    /// skipped) with the fix for each that is not ok (needs settings.manage)
    #[command(
        after_help = "Checks: the modes of the database file and folder, the session folder and the\n\
        outbox; the schema version; SQLite's integrity check; the audit chain; every stored\n\
        setting within its bounds; the password blocklist file; the SMTP relay (connect,\n\
        EHLO, STARTTLS, no mail sent); the system logger's socket; legacy password hashes;\n\
        rows past retention.operational; transparent huge pages.\n\n\
        Exit 0 when no check found a problem (warnings are fine), 14 when one did.\n\n\
        Examples:\n  useradm doctor\n  \
        useradm doctor --fix      # also purges what is past retention.operational\n  \
        useradm --json doctor | jq '.checks[] | select(.status == \"problem\")'"
    )]
    Doctor(DoctorArgs),

    /// The checkpassword interface (qmail and its family): reads `user\0password\0timestamp\0`
    /// from file descriptor 3; runs PROG with USER and HOME set when the password is right, else
    /// exits 1 (2: misuse, 111: a temporary failure)
    #[command(
        after_help = "Example (in a qmail-popup run script):\n  qmail-popup host.example useradm --db /var/lib/useradm/useradm.db checkpassword qmail-pop3d Maildir"
    )]
    Checkpassword {
        /// The program to run, and its arguments
        #[arg(
            required = true,
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "PROG"
        )]
        prog: Vec<std::ffi::OsString>,
    },

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

    /// Read the code from the first line of standard input (else it is asked on a terminal)
    #[arg(long)]
    pub code_stdin: bool,

    /// Send a fresh code instead (the older one stops working)
    #[arg(long, conflicts_with = "code_stdin")]
    pub resend: bool,

    #[command(flatten)]
    pub refused: CodeInArgv,
}

/// `--code CODE` on the command line, which other local users read in the process list while the
/// command waits at a prompt: accepted by the parser only to be refused with the safe form.
#[derive(Debug, Args, Clone, Default)]
pub struct CodeInArgv {
    #[arg(long = "code", value_name = "CODE", hide = true)]
    pub code: Option<String>,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Email address (asked on a terminal when missing)
    #[arg(long, value_name = "EMAIL", conflicts_with = "idp")]
    pub email: Option<String>,

    /// Sign in with this identity provider instead (the device flow: a code to approve in any
    /// browser); see `useradm idp`
    #[arg(long, value_name = "NAME")]
    pub idp: Option<String>,

    #[command(flatten)]
    pub password: PasswordSource,

    #[command(flatten)]
    pub second_factor: SecondFactorSource,
}

#[derive(Debug, Args)]
pub struct AuthenticateArgs {
    /// Email address
    #[arg(long, value_name = "EMAIL", required_unless_present = "pam")]
    pub email: Option<String>,

    /// Speak pam_exec's conventions: the user from PAM_USER, the password from standard input
    /// (expose_authtok), PAM_TYPE auth or account; every refusal is exit 1 and prints nothing
    #[arg(long, conflicts_with_all = ["email", "password_stdin", "password_file"])]
    pub pam: bool,

    /// With --pam: the domain of a PAM_USER without one (alice -> alice@DOMAIN)
    #[arg(long, value_name = "DOMAIN", requires = "pam")]
    pub email_domain: Option<String>,

    #[command(flatten)]
    pub password: PasswordSource,

    #[command(flatten)]
    pub second_factor: SecondFactorSource,
}

/// Where a second-factor code comes from, for accounts that have one (asked on a terminal).
#[derive(Debug, Args, Clone, Default)]
#[group(multiple = false)]
pub struct SecondFactorSource {
    /// Read the authenticator app's code from standard input (the line after the password, if
    /// that comes first)
    #[arg(long)]
    pub otp_stdin: bool,

    /// Read a recovery code from standard input instead of an app code
    #[arg(long)]
    pub recovery_code_stdin: bool,

    #[command(flatten)]
    pub refused: OtpInArgv,
}

/// `--otp CODE` on the command line: refused like `--code` (see [`CodeInArgv`]).
#[derive(Debug, Args, Clone, Default)]
pub struct OtpInArgv {
    #[arg(long = "otp", value_name = "CODE", hide = true)]
    pub otp: Option<String>,
}

#[derive(Debug, Args)]
pub struct LogoutArgs {
    /// End every session of this user, on every machine
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args, Default)]
pub struct PasswdArgs {
    /// Read line 1 (current password) and line 2 (new password) from standard input
    #[arg(long)]
    pub password_stdin: bool,

    /// Also revoke your API tokens (asked on a terminal; scripts keep them unless they pass this)
    #[arg(long)]
    pub revoke_tokens: bool,
}

#[derive(Debug, Args)]
pub struct ResetArgs {
    /// Email address of the account
    #[arg(long, value_name = "EMAIL")]
    pub email: Option<String>,

    /// I hold a code: ask for it (and the new password) instead of requesting a new code
    #[arg(long)]
    pub confirm: bool,

    /// Read the code from line 1 of standard input (then the password from the next line);
    /// implies --confirm
    #[arg(long)]
    pub code_stdin: bool,

    #[command(flatten)]
    pub password: PasswordSource,

    #[command(flatten)]
    pub refused: CodeInArgv,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Show every setting with its value and default
    List,
    /// Print one setting's value
    Get {
        /// Setting name, e.g. session.idle
        #[arg(add = ArgValueCompleter::new(complete::setting_keys))]
        key: String,
    },
    /// Change a setting (validated; a bad value changes nothing)
    Set(ConfigSetArgs),
}

#[derive(Debug, Args)]
pub struct ConfigSetArgs {
    /// Setting name, e.g. session.idle
    #[arg(add = ArgValueCompleter::new(complete::setting_keys))]
    pub key: String,

    /// New value, e.g. 15m
    #[arg(required_unless_present = "value_stdin")]
    pub value: Option<String>,

    /// Read the value from the first line of standard input (required for secrets)
    #[arg(long, conflicts_with = "value")]
    pub value_stdin: bool,
}

#[derive(Debug, Args)]
pub struct RoleChangeArgs {
    /// Email address of the user
    #[arg(long, value_name = "EMAIL", add = ArgValueCompleter::new(complete::emails))]
    pub email: String,

    /// Role to give or take (repeatable)
    #[arg(
        long = "role",
        value_name = "ROLE",
        required = true,
        add = ArgValueCompleter::new(complete::grantable_roles)
    )]
    pub roles: Vec<String>,

    /// Giving a role that holds `*` needs your password proven in the last 5 minutes: read it
    /// from standard input (and a second-factor code from the next line, where you have one)
    #[arg(long)]
    pub password_stdin: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A role that must be held (repeatable)
    #[arg(long = "role", value_name = "ROLE")]
    pub roles: Vec<String>,

    /// A permission that must be held (repeatable)
    #[arg(long = "permission", value_name = "PERMISSION")]
    pub permissions: Vec<String>,

    /// Check this user instead of yourself (needs users.read)
    #[arg(long, value_name = "EMAIL")]
    pub email: Option<String>,

    /// Say which role grants each one, or that it is missing
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Subcommand)]
pub enum RolesCommand {
    /// List roles with their permissions
    List,
    /// Show one role
    Show {
        /// Role name
        name: String,
    },
    /// Create a role
    Create {
        /// Role name (a-z 0-9 _ - .)
        name: String,
        /// Permission of the role (repeatable)
        #[arg(long = "permission", value_name = "PERMISSION")]
        permissions: Vec<String>,
        /// What the role is for
        #[arg(long, default_value = "")]
        description: String,
        /// Succeed without changes when the role exists
        #[arg(long)]
        exists_ok: bool,
    },
    /// Delete a role (its holders lose it; asks on a terminal unless --yes)
    Delete {
        /// Role name
        name: String,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
    /// Add permissions to a role
    Allow {
        /// Role name
        name: String,
        /// Permissions to add
        #[arg(required = true, value_name = "PERMISSION")]
        permissions: Vec<String>,
        /// Allowing `*` needs your password proven in the last 5 minutes: read it from standard
        /// input (and a second-factor code from the next line, where you have one)
        #[arg(long)]
        password_stdin: bool,
    },
    /// Remove permissions from a role
    Deny {
        /// Role name
        name: String,
        /// Permissions to remove
        #[arg(required = true, value_name = "PERMISSION")]
        permissions: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFilter {
    Active,
    Disabled,
    Locked,
}

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// Link an identity of a provider (its subject, `sub`) to an account
    Link {
        /// The account's email
        email: String,
        /// The provider's name
        #[arg(long, value_name = "NAME")]
        idp: String,
        /// The identity's subject at the provider
        #[arg(long, value_name = "SUB")]
        subject: String,
    },
    /// Unlink an account's identities of a provider
    Unlink {
        /// The account's email
        email: String,
        /// The provider's name
        #[arg(long, value_name = "NAME")]
        idp: String,
    },
    /// List accounts
    List {
        /// Only holders of this role
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        /// Only accounts in this state
        #[arg(long, value_enum)]
        status: Option<StatusFilter>,
        /// Only accounts whose email or name contains this text
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        /// Only accounts whose stored hash is not yet Argon2id at the policy (imported hashes
        /// not upgraded by a login: they check at their own cost, and may be expired)
        #[arg(long)]
        legacy_hash: bool,
        /// Only accounts that have not authenticated in any way for this long (90d), or never:
        /// for access reviews
        #[arg(long, value_name = "DURATION")]
        inactive: Option<String>,
        /// Only accounts whose validity ends within this long (30d)
        #[arg(long, value_name = "DURATION")]
        expiring: Option<String>,
    },
    /// Show one account
    Show {
        /// Email address of the account
        #[arg(value_name = "EMAIL", add = ArgValueCompleter::new(complete::emails))]
        user: String,
    },
    /// Change names, attributes or the email address (a new address waits for its code)
    Update {
        /// Email address of the account
        #[arg(value_name = "EMAIL", add = ArgValueCompleter::new(complete::emails))]
        user: String,
        /// New first name
        #[arg(long, value_name = "NAME")]
        first_name: Option<String>,
        /// New last name
        #[arg(long, value_name = "NAME")]
        last_name: Option<String>,
        /// Set an attribute (repeatable; an empty value removes it)
        #[arg(long = "attr", value_name = "KEY=VALUE")]
        attrs: Vec<String>,
        /// Whether the user must change their password before anything else
        #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
        must_change: Option<bool>,
        /// The account stops working then: a date, an RFC 3339 time with its offset
        /// (2026-12-31T17:00:00Z), a duration from now (90d), or never
        #[arg(long, value_name = "WHEN|never")]
        expires: Option<String>,
        /// The account works only from then: a date, an RFC 3339 time with its offset, or now
        #[arg(long, value_name = "WHEN|now")]
        valid_from: Option<String>,
        /// New email address: confirmed by a code sent to it; the old one works until then
        #[arg(long, value_name = "NEW")]
        email: Option<String>,
        /// Changing your own address after your session proved your password more than 5
        /// minutes ago: read it again from standard input (a second-factor code from the next line)
        #[arg(long)]
        password_stdin: bool,
    },
    /// Disable an account: ends its sessions and tokens
    Disable {
        /// Email address of the account
        #[arg(value_name = "EMAIL", add = ArgValueCompleter::new(complete::emails))]
        user: String,
    },
    /// Enable a disabled account
    Enable {
        /// Email address of the account
        #[arg(value_name = "EMAIL", add = ArgValueCompleter::new(complete::emails))]
        user: String,
    },
    /// Lift a lock from failed logins
    Unlock {
        /// Email address of the account
        #[arg(value_name = "EMAIL", add = ArgValueCompleter::new(complete::emails))]
        user: String,
    },
    /// Remove an account's second factor (a lost phone)
    #[command(name = "reset-2fa")]
    Reset2fa {
        /// Email address of the account
        #[arg(value_name = "EMAIL", add = ArgValueCompleter::new(complete::emails))]
        user: String,
    },
    /// Set an account's password: ends its sessions and revokes its API tokens. With
    /// --must-change (the default for a generated one) the user must change it first
    #[command(name = "set-password")]
    SetPassword {
        /// Email address of the account
        #[arg(value_name = "EMAIL", add = ArgValueCompleter::new(complete::emails))]
        user: String,
        #[command(flatten)]
        password: PasswordSource,
        /// Generate a strong password and print it once
        #[arg(long, conflicts_with_all = ["password_stdin", "password_file"])]
        generate_password: bool,
        /// Whether the user must change it at their next login (default: yes for a generated
        /// password, no otherwise)
        #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
        must_change: Option<bool>,
    },
    /// Delete an account (asks on a terminal unless --yes)
    Delete {
        /// Email address of the account
        #[arg(value_name = "EMAIL", add = ArgValueCompleter::new(complete::emails))]
        user: String,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum SessionsCommand {
    /// List your sessions (--all: everyone's, needs sessions.manage)
    List {
        /// Every user's sessions
        #[arg(long)]
        all: bool,
    },
    /// End a session by id
    Revoke {
        /// Session id (from `sessions list`; a unique prefix will do)
        #[arg(add = ArgValueCompleter::new(complete::own_sessions))]
        id: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokensCommand {
    /// Create a token (printed once) limited to the listed permissions
    #[command(
        after_help = "Example:\n  useradm tokens create --name ci-deploy --permission users.manage --expires 30d"
    )]
    Create {
        /// A name that says where the token is used
        #[arg(long, value_name = "NAME")]
        name: String,
        /// Permission the token may use (repeatable, at least one)
        #[arg(long = "permission", value_name = "PERMISSION", required = true)]
        permissions: Vec<String>,
        /// Lifetime such as 30d or 12h, or never [default: 90d]
        #[arg(long, value_name = "DURATION")]
        expires: Option<String>,
        /// When the session proved your password more than 5 minutes ago: read it again from
        /// standard input (and a second-factor code from the next line, where you have one)
        #[arg(long)]
        password_stdin: bool,
    },
    /// List your tokens (--all: everyone's, needs sessions.manage)
    List {
        /// Every user's tokens
        #[arg(long)]
        all: bool,
    },
    /// Revoke a token by id
    Revoke {
        /// Token id (from `tokens list`)
        id: String,
    },
    /// Tell the owners of tokens that expire within 7 days, once per token (for a timer;
    /// needs sessions.manage)
    Remind,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct AuditArgs {
    #[command(subcommand)]
    pub command: Option<AuditCommand>,

    /// Only events with this email as actor or target
    #[arg(long, value_name = "EMAIL")]
    pub email: Option<String>,

    /// Only events since this time (2026-11-28T10:00:00Z) or this long ago (24h)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,

    /// At most this many of the newest events
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: u32,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Print the newest link of the chain, to anchor it elsewhere
    Head,
    /// Check the whole chain (exit 12 names the first broken link)
    Verify {
        /// A head printed earlier by `audit head`: it must still be in the chain
        #[arg(long, value_name = "HASH")]
        expect_head: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FileFormat {
    Csv,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConflictChoice {
    /// Stop with exit 6, naming the existing emails
    Fail,
    /// Leave existing accounts alone
    Skip,
    /// Apply changed profiles, roles and status to existing accounts
    Update,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to read (`-` for standard input)
    #[arg(
        value_name = "FILE",
        required_unless_present_any = ["from_django", "from_shadow", "from_htpasswd"],
        conflicts_with_all = ["from_django", "from_shadow", "from_htpasswd"]
    )]
    pub file: Option<PathBuf>,

    /// Read a Django site's SQLite database instead (auth_user, groups, allauth addresses)
    #[arg(long, value_name = "DB", conflicts_with_all = ["from_shadow", "from_htpasswd"])]
    pub from_django: Option<PathBuf>,

    /// Read a shadow file (`/etc/shadow`'s format; `-` for standard input): each user becomes
    /// NAME@DOMAIN (--email-domain), unverified, with its hash as it is
    #[arg(
        long,
        value_name = "FILE",
        requires = "email_domain",
        conflicts_with = "from_htpasswd"
    )]
    pub from_shadow: Option<PathBuf>,

    /// With --from-shadow: the passwd file that gives full names and marks system accounts
    /// (uid below UID_MIN of /etc/login.defs, default 1000), which are skipped
    #[arg(long, value_name = "FILE", requires = "from_shadow")]
    pub passwd: Option<PathBuf>,

    /// Read an Apache htpasswd file (`-` for standard input): each user becomes NAME@DOMAIN
    #[arg(long, value_name = "FILE", requires = "email_domain")]
    pub from_htpasswd: Option<PathBuf>,

    /// The domain that makes an email of each user name (--from-shadow, --from-htpasswd)
    #[arg(long, value_name = "DOMAIN")]
    pub email_domain: Option<String>,

    /// The file format [default: from the extension, else csv]
    #[arg(long, value_enum)]
    pub format: Option<FileFormat>,

    /// What to do with emails that already have an account
    #[arg(long, value_enum, default_value_t = ConflictChoice::Fail)]
    pub on_conflict: ConflictChoice,

    /// Report what would be created, updated or skipped, and change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Send no invitations to accounts imported without a password
    #[arg(long)]
    pub no_email: bool,
}

/// `apply --help` and its man page: a whole file, and the rules in short.
const APPLY_HELP: &str = "\
A file (TOML, or JSON when its name ends in .json):

  owner = \"ci-accounts\"          # who manages the entries below (required)

  [settings]
  \"registration.open\" = false
  \"session.idle\" = \"45m\"          # durations need a unit

  [idps.corp]                     # an identity provider, with the keys of idp add
  issuer = \"https://login.example.com\"   # required to create; never changes
  client_id = \"useradm\"
  client_secret_file = \"/etc/useradm/corp-secret\"   # never the secret itself
  allowed_domains = [\"example.com\"]   # also scopes, link_by, mfa_by_amr

  [roles.support]
  description = \"Support desk\"
  permissions = [\"tickets.*\", \"users.read\"]   # exact when given

  [[users]]
  email = \"alice@example.com\"
  first_name = \"Alice\"            # also last_name, attributes = { team = \"a\" }
  roles = [\"support\"]             # exact when given; [] takes every role
  email_verified = true
  status = \"active\"               # or \"disabled\"
  expires = 2027-03-31            # or \"never\"; valid_from = 2026-12-01 or \"always\"
  must_change = false
  # password_hash = \"...\"        for migration: used only when the account is made
  # identities = [{ idp = \"corp\", subject = \"248289761001\" }]   exact when given
  # absent = true                 removes the account (a role too), if this owner manages it

A key left out is left alone. Passwords, tokens, second factors and secret settings are never
declared. Entries the file creates are marked with its owner; an existing entry no owner
manages is left alone unless --adopt, one another owner manages is exit 6. Only this owner's
entries are removed: absent = true, and with --prune those that left the file, at most
--max-deletions of them. A plan that leaves no active administrator is refused.

The plan: + create, ~ change (old -> new), & adopt, - remove, ! left alone. On a terminal it is
shown and asked (--yes does not ask); --dry-run prints it; --check exits 0 when the store
matches and 13 when it does not. Each change writes its command's audit event, and
apply.completed records the file's SHA-256.

Examples:
  useradm apply accounts.toml --dry-run
  useradm apply accounts.toml --check || echo drifted
  useradm apply accounts.toml --yes --prune";

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The declared state (`-` for standard input)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The file format [default: json for a .json file, else toml]
    #[arg(long, value_enum)]
    pub format: Option<StateFormat>,

    /// Print the plan and change nothing
    #[arg(long, conflicts_with = "check")]
    pub dry_run: bool,

    /// Change nothing; exit 0 when the store matches the file, 13 when it does not
    #[arg(long)]
    pub check: bool,

    /// Apply without asking on a terminal
    #[arg(long, short = 'y')]
    pub yes: bool,

    /// Manage existing entries that no owner manages yet
    #[arg(long)]
    pub adopt: bool,

    /// Remove the entries this owner manages that left the file
    #[arg(long)]
    pub prune: bool,

    /// Refuse a plan that removes more entries than this
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub max_deletions: usize,

    /// Send no invitations to new accounts without a password hash
    #[arg(long)]
    pub no_email: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StateFormat {
    Toml,
    Json,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = FileFormat::Csv)]
    pub format: FileFormat,
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Copy the whole store (ids, hashes, secrets, sessions, tokens, the audit chain) into a new
    /// database of either engine, then mark this one as moved: it is never opened again
    #[command(after_help = "Examples:\n  \
        USERADM_DB_PASSWORD_FILE=~/.config/useradm/pg-password \\\n    \
        useradm db copy --to 'postgres://useradm@db.internal/accounts'\n  \
        useradm --db 'postgres://useradm@db.internal/accounts' db copy --to /srv/useradm/useradm.db\n\n\
        Writers are held for the whole copy. Afterwards point every host at the new database\n\
        (--db or USERADM_DB); the old one answers exit 10 naming it.")]
    Copy(CopyArgs),
}

#[derive(Debug, Subcommand)]
pub enum IdpCommand {
    /// Add an OpenID Connect provider that offers the device authorization grant
    #[command(after_help = "Examples:\n  \
        useradm idp add corp --issuer https://sso.example.com/realms/corp --client-id useradm \\\n    \
        --allowed-domains example.com --link-by verified-email\n  \
        useradm idp add google --issuer https://accounts.google.com --client-id ID.apps.googleusercontent.com \\\n    \
        --client-secret-file ~/.config/useradm/google-secret")]
    Add(IdpAddArgs),
    /// The providers (never a client secret)
    List,
    /// One provider
    Show {
        /// The provider's name
        name: String,
    },
    /// Remove a provider and unlink every identity of it
    Remove {
        /// The provider's name
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct IdpAddArgs {
    /// A name for the provider (`login --idp NAME`)
    pub name: String,
    /// The issuer URL (https; http only on loopback); its discovery document must offer the
    /// device authorization grant
    #[arg(long, value_name = "URL")]
    pub issuer: String,
    /// The client id registered at the provider
    #[arg(long, value_name = "ID")]
    pub client_id: String,
    /// A confidential client's secret, on the first line of this file (never on the command line)
    #[arg(long, value_name = "FILE")]
    pub client_secret_file: Option<PathBuf>,
    /// Scopes beyond openid
    #[arg(
        long,
        value_name = "SCOPE",
        value_delimiter = ',',
        default_value = crate::accounts::sso::DEFAULT_SCOPES
    )]
    pub scopes: Vec<String>,
    /// The mail domains this provider is trusted with (linking by address, registration)
    #[arg(long, value_name = "DOMAIN", value_delimiter = ',')]
    pub allowed_domains: Vec<String>,
    /// How a first sign-in finds its account
    #[arg(long, value_enum, default_value_t = LinkBy::None)]
    pub link_by: LinkBy,
    /// Trust the provider's `amr` claim for a second factor (mfa.required_roles)
    #[arg(long)]
    pub mfa_by_amr: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LinkBy {
    /// The account whose verified address the provider vouches for, in an allowed domain, once
    /// its password is proven
    VerifiedEmail,
    /// Only identities an administrator linked (`users link`)
    None,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The new file (refused when it exists)
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The audit head `backup` printed: the backup's chain must verify up to it
    #[arg(long, value_name = "HASH")]
    pub expect_head: String,

    /// Overwrite a store that holds accounts (needs settings.manage there)
    #[arg(long)]
    pub force: bool,

    /// With --force: do not ask
    #[arg(long, short = 'y')]
    pub yes: bool,

    /// Keep the backup's API tokens (by default every one is revoked: the backup may hold
    /// tokens revoked since)
    #[arg(long)]
    pub keep_tokens: bool,
}

#[derive(Debug, Args)]
pub struct CopyArgs {
    /// The new database: a file that does not exist yet, or an empty server database
    /// (postgres://USER@HOST[:PORT]/DBNAME[?sslmode=...])
    #[arg(long, value_name = "PATH|URL")]
    pub to: PathBuf,

    /// The target server's password, on the first line of this file (default: the source's
    /// USERADM_DB_PASSWORD_FILE when the source is a file, then ~/.pgpass)
    #[arg(long, value_name = "FILE")]
    pub to_password_file: Option<PathBuf>,

    /// Only mark this database as moved to --to, after a copy that stopped between writing the
    /// new database and marking this one
    #[arg(long)]
    pub finish: bool,
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Also purge the sessions, codes, sent mail and failure counters past
    /// retention.operational now, as the daily purge does; nothing else is changed
    #[arg(long)]
    pub fix: bool,
}

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// The messages waiting to be sent, with their attempts and last error (never a code)
    List,
    /// Send what waits now (each with a fresh code, through the transport its request chose)
    #[command(after_help = "Example, from a timer:\n  useradm mail retry --wait")]
    Retry {
        /// Send in this process and wait until nothing is being sent, then report
        #[arg(long)]
        wait: bool,
    },
    /// Deliver queued mail: what a request starts after it answered
    #[command(hide = true)]
    Deliver {
        /// Only this queued message (then whatever else is due)
        #[arg(long)]
        id: Option<i64>,
        /// Wait for this process (the request) to end first
        #[arg(long)]
        after_pid: Option<u32>,
        /// Send what waits at once, not only what is due
        #[arg(long)]
        now: bool,
        /// Tell the owner of this API token that it ends soon, if they are owed that
        #[arg(long, value_name = "TOKEN_ID", hide = true)]
        token_reminder: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TwoFactorCommand {
    /// Enrol an authenticator app: shows a QR code, then confirms with a current code
    #[command(after_help = "Examples:\n  useradm 2fa enable\n  \
                      useradm --json 2fa enable && printf '%s\\n' \"$OTP\" | useradm 2fa enable --otp-stdin")]
    Enable {
        /// Confirm a pending enrolment with a current code read from standard input
        #[arg(long)]
        otp_stdin: bool,
        /// When the session proved your password more than 5 minutes ago: read it again from
        /// standard input (before the code)
        #[arg(long)]
        password_stdin: bool,
        #[command(flatten)]
        refused: OtpInArgv,
    },
    /// Whether a second factor is enabled, and how many recovery codes are left
    Status,
    /// Remove your second factor (asks for the password and a current code)
    Disable {
        /// Read the password from line 1 of standard input
        #[arg(long)]
        password_stdin: bool,
        #[command(flatten)]
        second_factor: SecondFactorSource,
    },
    /// Print 10 new recovery codes; the old ones stop working (asks for the password and a code)
    RecoveryCodes {
        /// Read the password from line 1 of standard input
        #[arg(long)]
        password_stdin: bool,
        #[command(flatten)]
        second_factor: SecondFactorSource,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
        ReadPathCli::command().debug_assert();
    }

    /// The fast read-path parser is a shortcut, not a second source of truth: whatever it
    /// accepts, the full parser reads the same way.
    #[test]
    fn the_read_path_parser_agrees_with_the_full_one() {
        let cases: &[&[&str]] = &[
            &["whoami"],
            &["--json", "whoami"],
            &["whoami", "--json", "-q"],
            &[
                "--db",
                "/tmp/x.db",
                "--color",
                "never",
                "whoami",
                "--no-input",
            ],
            &["check", "--permission", "deploy.prod"],
            &[
                "check",
                "--role",
                "admin",
                "--permission",
                "a.b",
                "--permission",
                "c.*",
            ],
            &[
                "--quiet",
                "check",
                "--email",
                "alice@example.com",
                "--role",
                "support",
                "--explain",
            ],
            &["check", "--json", "--db=/x", "--permission=users.read"],
        ];
        for args in cases {
            let argv: Vec<&str> = std::iter::once("useradm")
                .chain(args.iter().copied())
                .collect();
            let fast: Cli = ReadPathCli::try_parse_from(&argv)
                .unwrap_or_else(|e| panic!("{argv:?}: {e}"))
                .into();
            let full = Cli::try_parse_from(&argv).unwrap_or_else(|e| panic!("{argv:?}: {e}"));
            assert_eq!(format!("{fast:?}"), format!("{full:?}"), "{argv:?}");
        }
        // Help and typos are left to the full parser, whose messages users see.
        for argv in [
            ["useradm", "whoami", "--help"],
            ["useradm", "check", "--permision"],
        ] {
            assert!(ReadPathCli::try_parse_from(argv).is_err(), "{argv:?}");
        }
        let other: Vec<std::ffi::OsString> = ["useradm", "users", "list"].map(Into::into).into();
        assert!(!ReadPathCli::wanted(&other));
    }
}
