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

/// Every variable the source reads is in `useradm.1`'s ENVIRONMENT; no page has a section
/// headed EXTRA.
#[test]
fn the_man_pages_name_every_variable_and_no_extra_section() {
    let mut names = std::collections::BTreeSet::new();
    let mut stack = vec![repo("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for opener in [
                "env::var(\"",
                "env::var_os(\"",
                "env.text(\"",
                "env.path(\"",
            ] {
                for piece in text.split(opener).skip(1) {
                    if let Some(name) = piece.split('"').next() {
                        names.insert(name.to_string());
                    }
                }
            }
        }
    }
    assert!(
        names.contains("USERADM_TOKEN") && names.len() > 10,
        "{names:?}"
    );
    let page = std::fs::read_to_string(repo("man").join("useradm.1")).unwrap();
    let environment = page.split(".SH ENVIRONMENT").nth(1).unwrap();
    let environment = environment.split(".SH ").next().unwrap();
    // Test hooks of debug builds (USERADM_DEBUG_*) are not the user's.
    for name in names.iter().filter(|n| !n.starts_with("USERADM_DEBUG_")) {
        assert!(
            environment.contains(&format!("\\fB{name}\\fR")),
            "{name} is read but not in useradm.1's ENVIRONMENT"
        );
    }
    for (name, bytes) in files_in(&repo("man")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(".SH EXTRA"), "{name} has an EXTRA section");
    }
}

/// `import --help` lists the columns; global flags are listed apart from a command's own.
#[test]
fn help_lists_import_columns_and_global_options_apart() {
    let env = Env::new();
    let help = env.run(&["import", "--help"], "").ok().stdout;
    for column in useradm::accounts::import::parse::COLUMNS {
        assert!(
            help.contains(column),
            "import --help lacks {column}:\n{help}"
        );
    }
    let help = env.run(&["users", "list", "--help"], "").ok().stdout;
    let (own, global) = help
        .split_once("Global options:")
        .expect("a Global options heading");
    assert!(
        global.contains("--db") && global.contains("--json"),
        "{help}"
    );
    assert!(!own.contains("--db"), "{help}");
}

/// README's completion and man page lines work as given, in a fresh home.
#[test]
fn the_readme_install_lines_work_in_a_fresh_home() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let lines: Vec<String> = readme
        .lines()
        .filter(|l| {
            l.starts_with("| bash |")
                || l.starts_with("| zsh |")
                || l.starts_with("| fish |")
                || l.starts_with("| elvish |")
                || l.starts_with("| man pages |")
        })
        .map(|l| l.split('`').nth(1).unwrap().to_string())
        .collect();
    assert_eq!(lines.len(), 5, "{lines:?}");
    let env = Env::new();
    let home = env.path().join("fresh-home");
    std::fs::create_dir_all(&home).unwrap();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_useradm"));
    for line in &lines {
        let out = std::process::Command::new("sh")
            .args(["-c", line])
            .env("HOME", &home)
            .env(
                "PATH",
                format!("{}:/usr/bin:/bin", bin.parent().unwrap().display()),
            )
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{line}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for made in [
        ".local/share/bash-completion/completions/useradm",
        ".zfunc/_useradm",
        ".config/fish/completions/useradm.fish",
        ".config/elvish/rc.elv",
        ".local/share/man/man1/useradm.1",
    ] {
        assert!(
            home.join(made).metadata().is_ok_and(|m| m.len() > 100),
            "{made}"
        );
    }
}
