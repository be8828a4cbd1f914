//! Bad input gets a clear message and its exit code, and leaves the database untouched.

use crate::util::*;

fn users(env: &Env) -> i64 {
    env.count("SELECT count(*) FROM users")
}

#[test]
fn bad_emails_and_names_are_usage_errors() {
    let env = Env::admin();
    let before = users(&env);
    let big = "x".repeat(100_000);
    for args in [
        vec![
            "register",
            "--email",
            "alice@example.com\r\nBcc: evil@example.com",
        ],
        vec!["register", "--email", "not-an-email"],
        vec!["register", "--email", "a@b"],
        vec!["register", "--email", ALICE, "--first-name", &big],
        vec!["register", "--email", ALICE, "--first-name", "Ali\u{7}ce"],
        vec![
            "register",
            "--email",
            ALICE,
            "--last-name",
            "evil\u{202E}txt.exe",
        ],
        vec!["register", "--email", ALICE, "--attr", "no-equals-sign"],
    ] {
        let mut args = args;
        args.push("--password-stdin");
        let run = env.run(&args, &format!("{ALICE_PW}\n")).code(2);
        assert!(run.stderr.starts_with("useradm: "), "{run:?}");
        assert!(!run.stderr.contains("panicked"));
    }
    env.run(
        &["login", "--email", "x\ny@example.com", "--password-stdin"],
        "pw\n",
    )
    .code(2);
    assert_eq!(users(&env), before);
}

#[test]
fn weak_passwords_are_refused_with_the_reason() {
    let env = Env::admin();
    let before = users(&env);
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        "short\n",
    )
    .code(11)
    .stderr_has("at least 15");
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        "passwordpassword\n",
    )
    .code(11)
    .stderr_has("too easy to guess");
    env.run(
        &[
            "register",
            "--email",
            ALICE,
            "--first-name",
            "Alice",
            "--password-stdin",
        ],
        "alice@example.comalice\n",
    )
    .code(11);
    let huge = "a".repeat(1_000_000);
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{huge}\n"),
    )
    .code(11)
    .stderr_has("longer than 256");
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        "correct-Horse-battery-st4ple\0x\n",
    )
    .code(11)
    .stderr_has("control characters");
    assert_eq!(users(&env), before);
}

#[test]
fn missing_values_without_a_terminal_are_named() {
    let env = Env::admin();
    env.run(&["register", "--email", ALICE], "")
        .code(2)
        .stderr_has("--password-stdin");
    env.run(&["register"], "").code(2).stderr_has("--email");
    env.run(&["--no-input", "login", "--email", ALICE], "")
        .code(2)
        .stderr_has("missing password");
    env.run(&["verify", "--email", ALICE], "")
        .code(2)
        .stderr_has("--code");
    env.run(&["register", "--email", ALICE, "--password-stdin"], "")
        .code(2)
        .stderr_has("standard input");
    env.run(&["reset", "--email", ALICE, "--password-stdin"], "")
        .code(2)
        .stderr_has("--code");
}

#[test]
fn invalid_utf8_on_stdin_and_in_files() {
    let env = Env::admin();
    let run = Env::run_cmd(
        env.command(&["register", "--email", ALICE, "--password-stdin"]),
        b"\xff\xfe bad\n",
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("not valid UTF-8"));
    let file = env.path().join("pw.txt");
    std::fs::write(&file, b"\xc3\x28\n").unwrap();
    env.run(
        &[
            "register",
            "--email",
            ALICE,
            "--password-file",
            file.to_str().unwrap(),
        ],
        "",
    )
    .code(2);
    env.run(
        &[
            "register",
            "--email",
            ALICE,
            "--password-file",
            "/no/such/file",
        ],
        "",
    )
    .code(2)
    .stderr_has("cannot read");
    assert_eq!(users(&env), 1);
}

#[test]
fn password_file_is_read_to_its_first_line() {
    let env = Env::admin();
    let file = env.path().join("pw.txt");
    std::fs::write(&file, format!("{ALICE_PW}\nignored\n")).unwrap();
    env.run(
        &[
            "register",
            "--email",
            ALICE,
            "--verified",
            "--password-file",
            file.to_str().unwrap(),
        ],
        "",
    )
    .ok();
    env.run(&["logout"], "").ok();
    env.run(
        &[
            "login",
            "--email",
            ALICE,
            "--password-file",
            file.to_str().unwrap(),
        ],
        "",
    )
    .ok();
}

#[test]
fn sql_metacharacters_are_only_data() {
    let env = Env::admin();
    let email = "o'brien+x@example.com";
    env.run(
        &[
            "register",
            "--email",
            email,
            "--first-name",
            "Robert'); DROP TABLE users;--",
            "--verified",
            "--password-stdin",
        ],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    assert_eq!(users(&env), 2);
    env.run(
        &["authenticate", "--email", email, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
}
