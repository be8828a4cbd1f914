use crate::accounts::{self, passwd};
use crate::cli::{PasswdArgs, PasswordSource};
use crate::commands::admit_owing;
use crate::context::Context;
use crate::error::Result;
use crate::gate::Owing;
use crate::input::Input;
use crate::output::Report;
use crate::password::Password;
use crate::required::Action;
use crate::validate::parse_email;

pub fn run(ctx: &Context, input: &mut Input<'_>, args: PasswdArgs) -> Result<Report> {
    change(ctx, input, args, None)
}

/// `passwd`, with the current password asked for unless the caller has it (a login that was
/// just typed at the prompt goes on to the change it owes).
pub(crate) fn change(
    ctx: &Context,
    input: &mut Input<'_>,
    args: PasswdArgs,
    current: Option<&Password>,
) -> Result<Report> {
    let mut admitted = admit_owing(ctx, Owing::Performs(Action::ChangePassword))?;
    let (store, policy, actor) = (&mut admitted.store, &admitted.policy, &admitted.actor);
    let source = PasswordSource {
        password_stdin: args.password_stdin,
        password_file: None,
    };
    let typed;
    let current = match current {
        Some(current) => current,
        None => {
            typed = input.password(&source, "Current password", false, |raw| {
                Ok(Password::normalise(&raw))
            })?;
            &typed
        }
    };
    passwd::check_current(store, policy, actor, current)?;
    let email = parse_email(&actor.user.email)?;
    let names = Some((
        actor.user.first_name.as_str(),
        actor.user.last_name.as_str(),
    ));
    let new = input.password(&source, "New password", true, |raw| {
        accounts::judge_password(store, policy, &email, names, &raw)
    })?;
    let tokens = passwd::live_tokens(store, actor)?;
    let revoke = args.revoke_tokens
        || (tokens > 0
            && input.interactive()
            && input.confirm(&format!("Also revoke your {tokens} API token(s)?"))?);
    let done = passwd::change(store, policy, actor, &new, revoke)?;
    let tokens_line = match (done.tokens_revoked, done.tokens_left) {
        (0, 0) => String::new(),
        (0, left) => format!(
            " {left} API token(s) still work (`useradm tokens list`; `passwd --revoke-tokens` ends them)."
        ),
        (revoked, _) => format!(" {revoked} API token(s) revoked."),
    };
    Ok(Report::new(serde_json::json!({
        "changed": true,
        "other_sessions_ended": done.other_sessions_ended,
        "tokens_revoked": done.tokens_revoked,
        "tokens_left": done.tokens_left,
    }))
    .line(format!(
        "Password changed; {} other session(s) ended.{tokens_line}",
        done.other_sessions_ended
    )))
}
