use crate::accounts::doctor::{self, Status, Surroundings};
use crate::cli::DoctorArgs;
use crate::commands::admit;
use crate::context::{Context, SessionLocation};
use crate::error::{Error, Result};
use crate::output::Report;
use crate::permissions::SETTINGS_MANAGE;

pub fn run(ctx: &Context, args: DoctorArgs) -> Result<Report> {
    let mut admitted = admit(ctx, &[SETTINGS_MANAGE])?;
    let fixed = args
        .fix
        .then(|| doctor::purge_retained(&mut admitted.store, &admitted.actor));
    let id = admitted.store.database_id().to_string();
    let policy = &admitted.policy;
    let around = Surroundings {
        session_dir: match &ctx.session {
            SessionLocation::Dir(dir) => Some(dir.clone()),
            SessionLocation::File(_) => None,
        },
        outbox: ctx.outbox(&id),
        transport: ctx.mail_transport(&policy.mail, &id),
        relay_from: match ctx.mail_env.smtp_url {
            Some(_) => "USERADM_SMTP_URL",
            None => "the setting mail.smtp_url",
        },
        syslog: ctx
            .syslog
            .clone()
            .unwrap_or_else(|| policy.audit_syslog.clone()),
        syslog_from: match ctx.syslog {
            Some(_) => "USERADM_SYSLOG",
            None => "the setting audit.syslog",
        },
    };
    let checks = doctor::examine(&admitted.store, policy, &around, fixed);

    let count = |status| checks.iter().filter(|c| c.status == status).count();
    let (problems, warnings) = (count(Status::Problem), count(Status::Warning));
    let width = checks.iter().map(|c| c.name.len()).max().unwrap_or(0) + 2;
    let mut report = Report::new(serde_json::json!({
        "checks": checks,
        "problems": problems,
        "warnings": warnings,
    }));
    for check in &checks {
        let fix = check
            .fix
            .as_deref()
            .map(|f| format!("; fix: {f}"))
            .unwrap_or_default();
        report = report.line(format!(
            "{:<9}{:<width$}{}{fix}",
            check.status.as_str(),
            check.name,
            check.detail
        ));
    }
    if problems == 0 {
        return Ok(report.note(format!("No problems; {warnings} warning(s).")));
    }
    let named: Vec<&str> = checks
        .iter()
        .filter(|c| c.status == Status::Problem)
        .map(|c| c.name)
        .collect();
    report.error = Some(Error::Unhealthy(format!(
        "doctor found {problems} problem(s): {}",
        named.join(", ")
    )));
    Ok(report)
}
