use crate::accounts::sso::{self, NewProvider, ProviderView};
use crate::cli::{IdpAddArgs, IdpCommand, LinkBy};
use crate::commands::{Admitted, admit};
use crate::context::Context;
use crate::error::Result;
use crate::input::Input;
use crate::oidc;
use crate::output::Report;
use crate::permissions::SETTINGS_MANAGE;
use crate::table::{self, Kind, col};

/// The HTTP client to identity providers, trusting what the mail relay's connection trusts.
pub(crate) fn http(
    ctx: &Context,
    policy: &crate::settings::Policy,
    database_id: &str,
) -> Result<oidc::Http> {
    let mail = ctx.mail_config(&policy.mail, database_id)?;
    oidc::Http::new(&mail.trust_roots())
}

fn lines(p: &ProviderView) -> Vec<String> {
    vec![
        format!("name:             {}", p.name),
        format!("issuer:           {}", p.issuer),
        format!("client id:        {}", p.client_id),
        format!(
            "client secret:    {}",
            if p.client_secret {
                "set (never shown)"
            } else {
                "none (a public client)"
            }
        ),
        format!("scopes:           {}", p.scopes.join(" ")),
        format!(
            "allowed domains:  {}",
            if p.allowed_domains.is_empty() {
                "none".into()
            } else {
                p.allowed_domains.join(", ")
            }
        ),
        format!("link by:          {}", p.link_by),
        format!("mfa by amr:       {}", p.mfa_by_amr),
    ]
}

pub fn run(ctx: &Context, input: &mut Input<'_>, command: IdpCommand) -> Result<Report> {
    let Admitted {
        mut store,
        policy,
        actor,
    } = admit(ctx, &[SETTINGS_MANAGE])?;
    match command {
        IdpCommand::Add(args) => {
            let http = http(ctx, &policy, store.database_id())?;
            let view = sso::add(&mut store, &actor, &http, new_provider(ctx, input, args)?)?;
            let mut report = Report::of(&view);
            for l in lines(&view) {
                report = report.line(l);
            }
            Ok(report.note(format!(
                "People sign in with `useradm login --idp {}`.",
                view.name
            )))
        }
        IdpCommand::List => {
            let providers = sso::list(&store)?;
            let rows = providers.iter().map(|p| {
                [
                    p.name.clone(),
                    p.issuer.clone(),
                    p.client_id.clone(),
                    p.link_by.to_string(),
                ]
            });
            let text = table::render(
                [
                    col("name", Kind::Whole, 9),
                    col("issuer", Kind::Whole, 8),
                    col("client id", Kind::Wrap, 5),
                    col("link by", Kind::Whole, 4),
                ],
                rows,
            );
            Ok(Report::of(&providers).line(text))
        }
        IdpCommand::Show { name } => {
            let view = sso::show(&store, &name)?;
            let mut report = Report::of(&view);
            for l in lines(&view) {
                report = report.line(l);
            }
            Ok(report)
        }
        IdpCommand::Remove { name } => {
            let unlinked = sso::remove(&mut store, &actor, &name)?;
            Ok(
                Report::new(
                    serde_json::json!({ "removed": name, "identities_unlinked": unlinked }),
                )
                .line(format!(
                    "Removed the identity provider {name}; {unlinked} linked identit(ies) unlinked."
                )),
            )
        }
    }
}

/// A client secret, the first line of `file`. A privileged useradm reads only what its caller
/// may: the secret goes to an issuer the caller names.
pub(crate) fn client_secret(
    ctx: &Context,
    input: &Input<'_>,
    file: &std::path::Path,
) -> Result<String> {
    ctx.caller_can_read(file)?;
    let secret = input.file_line(file, "client secret")?;
    match secret.trim().is_empty() {
        true => Err(crate::error::Error::usage(format!(
            "the client secret file {} is empty",
            file.display()
        ))),
        false => Ok(secret),
    }
}

fn new_provider(ctx: &Context, input: &mut Input<'_>, args: IdpAddArgs) -> Result<NewProvider> {
    let client_secret = args
        .client_secret_file
        .as_deref()
        .map(|f| client_secret(ctx, input, f))
        .transpose()?;
    Ok(NewProvider {
        name: args.name,
        // As given: the issuer is compared to the discovery document's to the letter.
        issuer: args.issuer,
        client_id: args.client_id,
        client_secret,
        scopes: args.scopes,
        allowed_domains: args.allowed_domains,
        link_by_email: args.link_by == LinkBy::VerifiedEmail,
        mfa_by_amr: args.mfa_by_amr,
    })
}
