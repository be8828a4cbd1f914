use std::path::Path;

use crate::error::Result;
use crate::output::Report;

/// `completions SHELL`: the script, on stdout.
pub fn completions(shell: clap_complete::Shell) -> Result<Report> {
    let mut script = Vec::new();
    crate::docs::write_completions(shell, &mut script);
    let script = String::from_utf8_lossy(&script).trim_end().to_string();
    Ok(
        Report::new(serde_json::json!({ "shell": shell.to_string(), "script": script }))
            .line(script),
    )
}

/// `man --out-dir DIR`: the pages, written into the folder.
pub fn man(out_dir: &Path) -> Result<Report> {
    let files = crate::docs::write_man_pages(out_dir)?;
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    Ok(
        Report::new(serde_json::json!({ "files": names })).line(format!(
            "Wrote {} man pages to {}.",
            files.len(),
            out_dir.display()
        )),
    )
}
