use crate::accounts::{self, init};
use crate::cli::InitArgs;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::input::Input;
use crate::output::Report;
use crate::settings::Policy;
use crate::store::{InitOutcome, SCHEMA_VERSION};
use crate::validate::parse_email;

pub fn run(ctx: &Context, input: &mut Input<'_>, args: InitArgs) -> Result<Report> {
    let sharing = init::group_sharing(args.group.as_deref())?;
    let admin_email = args.admin.as_deref().map(parse_email).transpose()?;
    let (mut store, outcome) = init::init_database(&ctx.db_path, sharing)?;
    let path = store.path().display().to_string();
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
            let password =
                input.password(&args.password, "Administrator password", true, |raw| {
                    accounts::judge_password(&store, &policy, &email, None, &raw)
                })?;
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
