use crate::accounts::init;
use crate::cli::InitArgs;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::files::Sharing;
use crate::input::Input;
use crate::output::Report;
use crate::password::{self, AccountWords};
use crate::settings::Policy;
use crate::store::Store;
use crate::store::{InitOutcome, SCHEMA_VERSION};
use crate::validate::parse_email;

pub fn run(ctx: &Context, input: &mut Input<'_>, args: InitArgs) -> Result<Report> {
    let sharing = Sharing::for_group(args.group.as_deref())?;
    let admin_email = args.admin.as_deref().map(parse_email).transpose()?;
    // The administrator's password is read and judged before anything is created, so a refusal
    // leaves no half-made database behind. An existing database's policy applies.
    let existing = Store::open(&ctx.db).ok();
    let admin_exists = existing
        .as_ref()
        .map(init::admin_exists)
        .transpose()?
        .unwrap_or(false);
    let mut password = match &admin_email {
        Some(email) if !admin_exists => {
            let policy = match &existing {
                Some(store) => Policy::from_rows(&store.sql().settings_rows()?),
                None => Policy::from_rows(&Default::default()),
            };
            let words = AccountWords {
                email: &email.address,
                ..AccountWords::default()
            };
            Some(
                input.password(&args.password, "Administrator password", true, |raw| {
                    password::check_new(&raw, &policy, &words)
                })?,
            )
        }
        _ => None,
    };
    drop(existing);
    let (mut store, outcome) = init::init_database(&ctx.db, sharing)?;
    let path = store.location().describe();
    let (status, mut report_line) = match outcome {
        InitOutcome::Created => (
            "created",
            format!("Created the database {path} (schema v{SCHEMA_VERSION})."),
        ),
        InitOutcome::Migrated { from } => (
            "migrated",
            format!("Migrated the database {path} from schema v{from} to v{SCHEMA_VERSION}."),
        ),
        InitOutcome::UpToDate => (
            "up_to_date",
            format!("The database {path} is up to date (schema v{SCHEMA_VERSION})."),
        ),
    };
    if let Some(gid) = sharing.gid {
        report_line.push_str(&format!(
            " Shared with group {} (gid {gid}).",
            args.group.unwrap_or_default()
        ));
    }
    let mut changed = outcome != InitOutcome::UpToDate;
    let mut admin_json = serde_json::Value::Null;
    let mut lines = vec![report_line];
    let mut notes = Vec::new();
    if let Some(email) = admin_email {
        if init::admin_exists(&store)? {
            if !args.exists_ok {
                return Err(Error::Conflict(
                    "an administrator already exists (use --exists-ok to accept that)".into(),
                ));
            }
            lines.push("An administrator already exists; nothing else changed.".into());
        } else {
            let policy = Policy::from_rows(&store.sql().settings_rows()?);
            let password = password
                .take()
                .ok_or_else(|| Error::internal("the administrator password was not read"))?;
            let admin = init::create_admin(&mut store, &policy, &email, &password)?;
            lines.push(format!(
                "Created the administrator {} (verified, role admin).",
                admin.email
            ));
            notes.push(format!("Next: `useradm login --email {}`", admin.email));
            admin_json = serde_json::to_value(&admin).unwrap_or_default();
            changed = true;
        }
    }
    let mut report = Report::new(serde_json::json!({
        "database": path,
        "database_id": store.database_id(),
        "schema_version": SCHEMA_VERSION,
        "status": status,
        "admin": admin_json,
        "changed": changed,
    }));
    report.lines = lines;
    report.notes = notes;
    Ok(report)
}
