use std::io::Read;

use crate::accounts::import::{self, Format, OnConflict, Options, Request};
use crate::cli::{ConflictChoice, FileFormat, ImportArgs};
use crate::commands::{admit, kick_mail_queue};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Report, count_on, hashing_bar};
use crate::permissions::USERS_MANAGE;
use crate::table::{self, Kind, col};

fn format_of(choice: Option<FileFormat>, path: &std::path::Path) -> Format {
    match choice {
        Some(FileFormat::Csv) => Format::Csv,
        Some(FileFormat::Jsonl) => Format::Jsonl,
        None => match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("jsonl" | "ndjson" | "json") => Format::Jsonl,
            _ => Format::Csv,
        },
    }
}

/// Larger inputs are refused rather than read whole into memory.
const MAX_IMPORT_BYTES: u64 = 1 << 30;

pub(crate) fn read_input(ctx: &Context, path: &std::path::Path) -> Result<String> {
    ctx.caller_can_read(path)?;
    let mut bytes = Vec::new();
    let what = if path.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        path.display().to_string()
    };
    let read = if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_IMPORT_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_IMPORT_BYTES + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| Error::usage(format!("cannot read {what}: {e}")))?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(Error::usage(format!("{what} is larger than 1 GiB")));
    }
    String::from_utf8(bytes).map_err(|_| Error::usage(format!("{what} is not valid UTF-8")))
}

pub fn run(ctx: &Context, args: ImportArgs) -> Result<Report> {
    let mut admitted = admit(ctx, &[USERS_MANAGE])?;
    let mut warnings = Vec::new();
    // Users of a shadow or htpasswd file have made-up addresses: no one is invited.
    let mut made_up = false;
    let (raw, errors, create_roles) = match (&args.from_django, &args.file) {
        (Some(db), _) => {
            let (rows, errors) = import::django::rows(db)?;
            (rows, errors, true)
        }
        (None, Some(path)) => {
            let text = read_input(ctx, path)?;
            let (rows, errors) = import::parse::parse(&text, format_of(args.format, path));
            (rows, errors, false)
        }
        (None, None) => {
            let read = unix_rows(ctx, &args)?;
            warnings = read.warnings;
            made_up = true;
            (read.rows, read.errors, false)
        }
    };
    let options = Options {
        on_conflict: match args.on_conflict {
            ConflictChoice::Fail => OnConflict::Fail,
            ConflictChoice::Skip => OnConflict::Skip,
            ConflictChoice::Update => OnConflict::Update,
        },
        dry_run: args.dry_run,
        no_email: args.no_email || made_up,
        create_roles,
    };
    let mail_config = if options.no_email || args.dry_run {
        None
    } else {
        Some(ctx.mail_config(&admitted.policy.mail, admitted.store.database_id())?)
    };
    let bar = hashing_bar(ctx);
    let progress = count_on(&bar);
    let request = Request {
        actor: &admitted.actor,
        options,
        mail: mail_config.as_ref(),
        progress: &progress,
    };
    let summary = import::import(
        &mut admitted.store,
        &admitted.policy,
        &request,
        &raw,
        errors,
    );
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let mut summary = summary?;
    summary.warnings.splice(0..0, warnings);
    if !summary.invitations_sent.is_empty() || !summary.verifications_sent.is_empty() {
        kick_mail_queue(ctx, &admitted.store);
    }
    Ok(summary_report(&summary))
}

/// The rows of `--from-shadow` or `--from-htpasswd`.
fn unix_rows(ctx: &Context, args: &ImportArgs) -> Result<import::unix::Read> {
    let domain = args.email_domain.as_deref().unwrap_or_default();
    crate::validate::parse_email(&format!("user@{domain}"))
        .map_err(|_| Error::usage(format!("--email-domain {domain:?} is not a mail domain")))?;
    if let Some(path) = &args.from_shadow {
        let shadow = read_input(ctx, path)?;
        let passwd = args
            .passwd
            .as_deref()
            .map(|p| read_input(ctx, p))
            .transpose()?;
        let login_defs = std::fs::read_to_string("/etc/login.defs").ok();
        let uid_min = import::unix::uid_min(login_defs.as_deref());
        return Ok(import::unix::shadow(
            &shadow,
            passwd.as_deref(),
            domain,
            uid_min,
        ));
    }
    match &args.from_htpasswd {
        Some(path) => Ok(import::unix::htpasswd(&read_input(ctx, path)?, domain)),
        None => Err(Error::usage(
            "name a FILE, --from-django DB, --from-shadow FILE or --from-htpasswd FILE",
        )),
    }
}

fn summary_report(summary: &import::Summary) -> Report {
    let verb = if summary.dry_run {
        "Would import"
    } else {
        "Imported"
    };
    let mut report = Report::of(summary).line(format!(
        "{verb} {} row(s): {} created, {} updated, {} unchanged, {} skipped.",
        summary.rows, summary.created, summary.updated, summary.unchanged, summary.skipped
    ));
    for warning in &summary.warnings {
        report = report.note(format!("warning: {warning}."));
    }
    if let Some(plan) = &summary.plan {
        let rows = [
            ("create", &plan.created),
            ("update", &plan.updated),
            ("leave unchanged", &plan.unchanged),
            ("skip", &plan.skipped),
        ]
        .into_iter()
        .flat_map(|(what, emails)| emails.iter().map(move |e| [e.clone(), what.to_string()]));
        report = report.line(table::render(
            [col("email", Kind::Whole, 9), col("would", Kind::Whole, 8)],
            rows,
        ));
    }
    if !summary.roles_created.is_empty() {
        report = report.line(format!(
            "Roles created: {}.",
            summary.roles_created.join(", ")
        ));
    }
    let went = summary.mail_went.as_deref().unwrap_or("nowhere");
    for (what, sent) in [
        ("Invitations", &summary.invitations_sent),
        ("Verification codes", &summary.verifications_sent),
    ] {
        if !sent.is_empty() {
            report = report.line(format!(
                "{what} sent ({}) through {went}: {}.",
                sent.len(),
                some_of(sent)
            ));
        }
    }
    for (what, unsent, resend) in [
        (
            "invitation(s)",
            &summary.invitations_unsent,
            "reset --email",
        ),
        (
            "verification code(s)",
            &summary.verifications_unsent,
            "verify --resend --email",
        ),
    ] {
        if !unsent.is_empty() {
            report = report.line(format!(
                "{} {what} could not be sent; resend each with:",
                unsent.len()
            ));
            for (email, why) in unsent {
                report = report.line(format!("  useradm {resend} {email}    # {why}"));
            }
        }
    }
    report.error =
        super::unsent_codes(summary.invitations_unsent.len() + summary.verifications_unsent.len());
    report
}

/// The first ten of `emails`, and how many more there are.
fn some_of(emails: &[String]) -> String {
    let shown = emails[..emails.len().min(10)].join(", ");
    match emails.len() {
        n if n > 10 => format!("{shown} and {} more", n - 10),
        _ => shown,
    }
}
