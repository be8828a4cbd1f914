//! `authenticate --pam`: the store behind PAM through pam_exec. Each refusal is one exit code
//! and prints nothing; tried directly with pam_exec's environment, then through real PAM
//! (Debian's `pamtester` and a throwaway service file), where this runs as root with it.

use std::process::Command;

use crate::util::*;

/// `useradm --db DB authenticate --pam` as pam_exec runs it: only the PAM variables, the
/// password on standard input with a NUL after it.
fn pam_exec(env: &Env, kind: &str, user: &str, password: &str, extra: &[&str]) -> Run {
    let (db, _) = env.db.target(env.path(), false);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_useradm"));
    cmd.env_clear()
        .env("PAM_TYPE", kind)
        .env("PAM_USER", user)
        .env("PAM_SERVICE", "useradm-test")
        .env("USERADM_SYSLOG", "off")
        .args(["--db", &db, "authenticate", "--pam"])
        .args(extra);
    Env::run_cmd(cmd, format!("{password}\0").as_bytes())
}

#[test]
fn pam_exec_gets_one_answer_for_every_refusal() {
    let env = Env::admin();
    if env.skip_on_server("pam_exec passes no USERADM_DB_PASSWORD_FILE: a server needs a .pgpass of the service's user") {
        return;
    }
    env.register_verified(ALICE, ALICE_PW);
    let ok = pam_exec(&env, "auth", ALICE, ALICE_PW, &[]);
    assert_eq!(
        (ok.code, ok.stdout.as_str(), ok.stderr.as_str()),
        (0, "", "")
    );
    pam_exec(&env, "account", ALICE, "", &[]).code(0);
    // A name without a domain, completed by --email-domain.
    pam_exec(
        &env,
        "auth",
        "alice",
        ALICE_PW,
        &["--email-domain", "example.com"],
    )
    .code(0);

    let mut refusals = vec![
        pam_exec(&env, "auth", ALICE, "not her password at all", &[]),
        pam_exec(&env, "auth", "nobody@example.com", ALICE_PW, &[]),
        pam_exec(&env, "account", "nobody@example.com", "", &[]),
        pam_exec(&env, "session", ALICE, ALICE_PW, &[]),
    ];
    // An account with a second factor: PAM carries one secret, so the right password is not
    // enough, and reads exactly like a wrong one.
    crate::mfa::enrol(&env);
    refusals.push(pam_exec(&env, "auth", ADMIN, ADMIN_PW, &[]));
    env.run(
        &[
            "users",
            "set-password",
            ALICE,
            "--password-stdin",
            "--must-change",
        ],
        "Temporary Quartz Lemur 4412\n",
    )
    .ok();
    refusals.push(pam_exec(&env, "account", ALICE, "", &[]));
    env.run(&["users", "disable", ALICE], "").ok();
    refusals.push(pam_exec(
        &env,
        "auth",
        ALICE,
        "Temporary Quartz Lemur 4412",
        &[],
    ));
    for run in &refusals {
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (1, "", ""),
            "{run:?}"
        );
    }
}

/// Through real PAM: a service file with pam_exec and expose_authtok, driven by pamtester.
#[test]
fn pamtester_authenticates_through_the_store() {
    let env = Env::admin();
    if env.skip_on_server("pam_exec passes no USERADM_DB_PASSWORD_FILE") {
        return;
    }
    let root = nix::unistd::Uid::effective().is_root();
    let pamtester = Command::new("pamtester").arg("--version").output().is_ok();
    if !root || !pamtester {
        eprintln!(
            "skipped: real PAM needs root (to write /etc/pam.d) and pamtester (.ci/run installs it)"
        );
        return;
    }
    env.register_verified(ALICE, ALICE_PW);
    let (db, _) = env.db.target(env.path(), false);
    let service = format!("useradm-test-{}", std::process::id());
    let file = std::path::Path::new("/etc/pam.d").join(&service);
    let exe = env!("CARGO_BIN_EXE_useradm");
    std::fs::write(
        &file,
        format!(
            "auth required pam_exec.so expose_authtok quiet {exe} --db {db} authenticate --pam\n\
             account required pam_exec.so quiet {exe} --db {db} authenticate --pam\n"
        ),
    )
    .unwrap();
    let pamtester = |user: &str, password: &str| {
        let mut cmd = Command::new("pamtester");
        cmd.args([service.as_str(), user, "authenticate", "acct_mgmt"]);
        Env::run_cmd(cmd, format!("{password}\n").as_bytes())
    };
    let ok = pamtester(ALICE, ALICE_PW);
    let wrong = pamtester(ALICE, "not her password at all");
    let unknown = pamtester("nobody@example.com", ALICE_PW);
    env.run(&["users", "disable", ALICE], "").ok();
    let disabled = pamtester(ALICE, ALICE_PW);
    std::fs::remove_file(&file).unwrap();
    assert_eq!(ok.code, 0, "{ok:?}");
    assert!(ok.stdout.contains("account management done"), "{ok:?}");
    // pam_exec turns any non-zero exit into one PAM error: all refusals read the same.
    for run in [&wrong, &unknown, &disabled] {
        assert_ne!(run.code, 0, "{run:?}");
        assert!(run.stderr.contains("System error"), "{run:?}");
        assert_eq!(
            (run.code, &run.stderr),
            (wrong.code, &wrong.stderr),
            "{run:?}"
        );
    }
}
