//! One file per command: gather the input, call the library, return a report. A command file
//! never writes SQL and never exits the process; what it shows goes through `output` (a report,
//! or a stream of rows for the commands that may print millions).

mod apply;
mod audit;
mod authenticate;
mod backup;
mod check;
mod checkpassword;
mod completions;
mod config;
mod db;
mod doctor;
mod export;
mod grant;
mod idp;
mod import;
mod init;
mod login;
mod logout;
mod mail;
mod mfa;
mod pam;
mod passwd;
mod register;
mod reset;
mod roles;
mod sessions;
mod tokens;
mod users;
mod verify;
mod whoami;

use crate::accounts::credentials::{self, Proof, Reproof};
use crate::accounts::mfa::SecondFactor;
use crate::cli::{Command, DbCommand, PasswordSource, SecondFactorSource};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::gate::{self, Actor, Owing, Via};
use crate::input::{self, Input};
use crate::output::Report;
use crate::password::Password;
use crate::settings::Policy;
use crate::store::Store;

/// The store of this run and the policy it holds.
pub(crate) struct Opened {
    pub store: Store,
    pub policy: Policy,
}

/// What a protected command works with: the store, its policy and the actor the gate admitted.
pub(crate) struct Admitted {
    pub store: Store,
    pub policy: Policy,
    pub actor: Actor,
}

/// Opens the database (exit 10 when it is missing or of another schema) and reads the policy.
pub(crate) fn open(ctx: &Context) -> Result<Opened> {
    let mut store = Store::open(&ctx.db)?;
    let policy = Policy::from_rows(&store.sql().settings_rows()?);
    let copy = ctx.syslog.as_deref().unwrap_or(&policy.audit_syslog);
    store.copy_audit_to(crate::syslog::target(copy));
    // Without a usable transport (a bad USERADM_SMTP_URL), the commands that mail say so; the
    // notices are not sent.
    if let Ok(transport) = ctx.mail_transport(&policy.mail, store.database_id())
        && let Some(notifier) =
            crate::accounts::notices::notifier(&policy, &transport, &ctx.db.location)
    {
        store.notify_with(notifier);
    }
    Ok(Opened { store, policy })
}

/// Opens the database and passes the gate for these permissions: exit 4 without an actor, 5
/// without a permission or while the actor owes a second-factor enrolment.
pub(crate) fn admit(ctx: &Context, permissions: &[&str]) -> Result<Admitted> {
    let Opened { mut store, policy } = open(ctx)?;
    let credential = ctx.credential(store.database_id());
    let actor = gate::require(&store, &policy, &credential, permissions, Owing::Nothing)?;
    after_admission(ctx, &mut store, &actor);
    Ok(Admitted {
        store,
        policy,
        actor,
    })
}

/// The same for what an actor may do while they owe a required action: `passwd` and `2fa`
/// perform one, `whoami` shows them.
pub(crate) fn admit_owing(ctx: &Context, owing: Owing) -> Result<Admitted> {
    let Opened { mut store, policy } = open(ctx)?;
    let credential = ctx.credential(store.database_id());
    let actor = gate::require(&store, &policy, &credential, &[], owing)?;
    after_admission(ctx, &mut store, &actor);
    Ok(Admitted {
        store,
        policy,
        actor,
    })
}

/// What an admission through an API token sets off, best effort and never waiting for another
/// writer: its use recorded (at most hourly), and its owner told once when it ends within 7 days.
pub(crate) fn after_admission(ctx: &Context, store: &mut Store, actor: &Actor) {
    let Via::Token(token) = &actor.via else {
        return;
    };
    let _ = crate::accounts::audit::record_token_use(store, actor);
    if crate::accounts::tokens::reminder_due(token, crate::clock::now()) {
        crate::accounts::delivery::hand_off_token_reminder(&ctx.db.location, &token.id);
    }
}

pub fn run(ctx: &Context, command: Command) -> Result<Report> {
    // `check` answers no with exit 5 as its normal answer, and stays free of writes.
    let audited = !matches!(command, Command::Check(_));
    let result = dispatch(ctx, command);
    match &result {
        Err(denial @ Error::PermissionDenied { .. }) if audited => record_denial(ctx, denial),
        Err(rejection @ Error::CredentialRejected { .. }) => record_rejection(ctx, rejection),
        _ => {}
    }
    result
}

/// A refused credential is a security event; recording it is best effort, never waits, and
/// never changes the answer.
fn record_rejection(ctx: &Context, rejection: &Error) {
    if let Ok(Opened { mut store, .. }) = open(ctx) {
        let _ = crate::accounts::audit::record_rejection(&mut store, rejection);
    }
}

/// A refused permission check is a security event; recording it is best effort, and never
/// changes the answer. The token it was refused to was still used.
fn record_denial(ctx: &Context, denial: &Error) {
    let Ok(Opened { mut store, policy }) = open(ctx) else {
        return;
    };
    let credential = ctx.credential(store.database_id());
    if let Some(actor) = gate::optional_actor(&store, &policy, &credential) {
        after_admission(ctx, &mut store, &actor);
        let _ = crate::accounts::audit::record_denial(&mut store, &actor, denial);
    }
}

fn dispatch(ctx: &Context, command: Command) -> Result<Report> {
    let mut input = Input::new(ctx);
    match command {
        Command::Init(args) => init::run(ctx, &mut input, args),
        Command::Register(args) => register::run(ctx, &mut input, args),
        Command::Verify(args) => verify::run(ctx, &mut input, args),
        Command::Login(args) => login::run(ctx, &mut input, args),
        Command::Authenticate(args) => authenticate::run(ctx, &mut input, args),
        Command::Logout(args) => logout::run(ctx, args),
        Command::Whoami => whoami::run(ctx),
        Command::Passwd(args) => passwd::run(ctx, &mut input, args),
        Command::Reset(args) => reset::run(ctx, &mut input, args),
        Command::Grant(args) => grant::run(ctx, &mut input, args, true),
        Command::Revoke(args) => grant::run(ctx, &mut input, args, false),
        Command::Check(args) => check::run(ctx, args),
        Command::Roles(cmd) => roles::run(ctx, &mut input, cmd),
        Command::Users(cmd) => users::run(ctx, &mut input, cmd),
        Command::Sessions(cmd) => sessions::run(ctx, cmd),
        Command::Tokens(cmd) => tokens::run(ctx, &mut input, cmd),
        Command::Audit(args) => audit::run(ctx, args),
        Command::Import(args) => import::run(ctx, args),
        Command::Apply(args) => apply::run(ctx, &mut input, args),
        Command::Export(args) => export::run(ctx, args),
        Command::Config(cmd) => config::run(ctx, &mut input, cmd),
        Command::TwoFactor(cmd) => mfa::run(ctx, &mut input, cmd),
        Command::Mail(cmd) => mail::run(ctx, cmd),
        Command::Backup(args) => backup::backup(ctx, args),
        Command::Restore(args) => backup::restore(ctx, &mut input, args),
        Command::Idp(cmd) => idp::run(ctx, &mut input, cmd),
        Command::Db(DbCommand::Copy(args)) => db::copy(ctx, args),
        Command::Doctor(args) => doctor::run(ctx, args),
        Command::Checkpassword { prog } => checkpassword::run(ctx, &prog),
        Command::Completions { shell } => completions::completions(shell),
        Command::Man { out_dir } => completions::man(&out_dir),
    }
}

/// A fresh proof of the actor's password, for changing their own credentials: nothing is asked
/// when the session proved it within 5 minutes; else the password (and a second-factor code
/// where one is enrolled) at a prompt, or from standard input with `--password-stdin`.
pub(crate) fn fresh_proof(
    input: &mut Input<'_>,
    admitted: &mut Admitted,
    password_stdin: bool,
) -> Result<Proof> {
    let Admitted {
        store,
        policy,
        actor,
    } = admitted;
    credentials::fresh_proof(store, policy, actor, &mut |enrolled| {
        if !password_stdin && !input.interactive() {
            return Err(crate::error::Error::usage(
                "this needs your password again (the session proved it more than 5 minutes ago): \
                 pass --password-stdin (a second-factor code on the next line, where you have one)",
            ));
        }
        let source = PasswordSource {
            password_stdin,
            password_file: None,
        };
        let password =
            input.password(&source, "Your password, to prove it is you", false, |raw| {
                Ok(Password::normalise(&raw))
            })?;
        let factor = if enrolled {
            let source = SecondFactorSource {
                otp_stdin: password_stdin,
                ..SecondFactorSource::default()
            };
            input::second_factor(input, &source)?
        } else {
            SecondFactor::Session
        };
        Ok(Reproof { password, factor })
    })
}

/// The step-up before handing over everything (a role holding `*`): a fresh proof of the
/// password in a session, as `fresh_proof` asks for it. Through an API token nothing is asked:
/// the library refuses it.
pub(crate) fn step_up(
    input: &mut Input<'_>,
    admitted: &mut Admitted,
    password_stdin: bool,
) -> Result<()> {
    if admitted.actor.session().is_err() {
        return Ok(());
    }
    fresh_proof(input, admitted, password_stdin).map(|_| ())
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

/// Exit 9 after an import or apply whose accounts were written but some of whose codes could
/// not be mailed: the report lists them with the command that resends each, and a script learns
/// of them from the exit code as it does after `register`.
pub(crate) fn unsent_codes(unsent: usize) -> Option<Error> {
    (unsent > 0).then(|| {
        Error::MailFailed(format!(
            "{unsent} code(s) could not be mailed; the accounts were written: resend each as listed"
        ))
    })
}

/// The note that says where a queued message goes.
pub(crate) fn queued_note(transport: &crate::mail::Transport) -> String {
    match &transport.smtp {
        None => format!(
            "No SMTP server is configured: messages go to {}",
            transport.outbox.display()
        ),
        Some(server) => format!("Messages go through {}:{}.", server.host, server.port),
    }
}

/// A command that sends mail hands on what waits in the queue too, after it answers.
pub(crate) fn kick_mail_queue(ctx: &Context, store: &Store) {
    if crate::accounts::delivery::any_due(store).unwrap_or(false) {
        crate::accounts::delivery::hand_off(
            &ctx.db.location,
            None,
            crate::accounts::delivery::When::Due,
        );
    }
}

/// `(none)` for an empty list, else its items joined by commas.
pub(crate) fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "(none)".to_string()
    } else {
        items.join(", ")
    }
}
