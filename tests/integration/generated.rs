//! The committed completions and man pages must be what the binary generates now.
//! `USERADM_REGENERATE=1 cargo test generated` rewrites the committed copies.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::util::*;

fn files_in(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .map(|p| {
                    (
                        p.file_name().unwrap().to_string_lossy().into_owned(),
                        std::fs::read(&p).unwrap(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn repo(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)
}

fn check_or_rewrite(generated: &Path, committed: &Path) {
    if std::env::var_os("USERADM_REGENERATE").is_some() {
        let _ = std::fs::remove_dir_all(committed);
        std::fs::create_dir_all(committed).unwrap();
        for (name, bytes) in files_in(generated) {
            std::fs::write(committed.join(name), bytes).unwrap();
        }
    }
    let want = files_in(generated);
    let have = files_in(committed);
    let names = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&have),
        names(&want),
        "{} is stale: run USERADM_REGENERATE=1 cargo test generated",
        committed.display()
    );
    for (name, bytes) in &want {
        assert!(
            have[name] == *bytes,
            "{}/{name} is stale: run USERADM_REGENERATE=1 cargo test generated",
            committed.display()
        );
    }
}

#[test]
fn committed_completions_are_current() {
    let env = Env::new();
    let out = env.path().join("completions");
    std::fs::create_dir_all(&out).unwrap();
    for (shell, file) in [
        ("bash", "useradm.bash"),
        ("zsh", "_useradm"),
        ("fish", "useradm.fish"),
        ("elvish", "useradm.elv"),
        ("powershell", "_useradm.ps1"),
    ] {
        let run = env.run(&["completions", shell], "").ok();
        std::fs::write(out.join(file), format!("{}\n", run.stdout.trim_end())).unwrap();
    }
    check_or_rewrite(&out, &repo("completions"));
}

#[test]
fn committed_man_pages_are_current() {
    let env = Env::new();
    let out = env.path().join("man");
    env.run(&["man", "--out-dir", out.to_str().unwrap()], "")
        .ok();
    let pages = files_in(&out);
    assert!(
        pages.contains_key("useradm.1") && pages.contains_key("useradm-config-set.1"),
        "{:?}",
        pages.keys()
    );
    let main = String::from_utf8_lossy(&pages["useradm.1"]).into_owned();
    for section in [
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH EXIT STATUS",
        ".SH EXAMPLES",
        ".SH SECURITY",
    ] {
        assert!(main.contains(section), "{section} missing");
    }
    check_or_rewrite(&out, &repo("man"));
}

#[test]
fn bash_completion_loads() {
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        return;
    }
    let script = repo("completions/useradm.bash");
    let status = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source '{}' && complete -p useradm",
            script.display()
        ))
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
}
