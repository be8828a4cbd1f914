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
    // Weak, and on no list (`passwordpassword` is on the built-in one): zxcvbn's judgement.
    let weak = env
        .run(
            &["register", "--email", ALICE, "--password-stdin"],
            "abcdabcdabcdabcd\n",
        )
        .code(11);
    assert!(
        !weak.stderr.contains(".."),
        "zxcvbn's sentences end once: {weak:?}"
    );
    weak.stderr_has("too easy to guess");
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

/// Long enough and scored well, yet made of the account's own words, or of the site's.
#[test]
fn passwords_made_of_the_accounts_or_the_sites_words_are_refused() {
    let env = Env::admin();
    let before = users(&env);
    let register = |email: &str, password: &str| {
        env.run(
            &["register", "--email", email, "--password-stdin"],
            &format!("{password}\n"),
        )
    };
    register("alice.liddell@example.com", "alice liddell example com")
        .code(11)
        .stderr_has("mostly of words of the account");
    env.config_set("password.context_words", "Acme Rockets, Wonderland");
    register("bob@example.com", "wonderland-acme-rockets-7")
        .code(11)
        .stderr_has("password.context_words");
    assert_eq!(users(&env), before);
    register("bob@example.com", "wonderland quartz lemur tundra").ok();
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
        .stderr_has("--code-stdin");
    env.run(&["register", "--email", ALICE, "--password-stdin"], "")
        .code(2)
        .stderr_has("standard input");
    env.run(&["reset", "--email", ALICE, "--password-stdin"], "")
        .code(2)
        .stderr_has("--code-stdin");
    env.run(&["reset", "--email", ALICE, "--confirm"], "")
        .code(2)
        .stderr_has("--code-stdin");
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

#[test]
fn invalid_utf8_in_arguments_is_a_usage_error() {
    use std::os::unix::ffi::OsStrExt;
    let env = Env::admin();
    let mut cmd = env.command(&["register", "--password-stdin", "--email"]);
    cmd.arg(std::ffi::OsStr::from_bytes(b"al\xffce@example.com"));
    let run = Env::run_cmd(cmd, format!("{ALICE_PW}\n").as_bytes());
    assert_eq!(run.code, 2, "{run:?}");
    assert!(!run.stderr.contains("panicked"));
    assert_eq!(users(&env), 1);
}

#[test]
fn megabyte_values_everywhere_a_value_is_read() {
    let env = Env::admin();
    let mb = "B".repeat(1_000_000);
    env.run(
        &[
            "register",
            "--email",
            ALICE,
            "--verified",
            "--password-stdin",
        ],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    // A verified account has no code to match: the answer says nothing of the account.
    env.run(
        &["verify", "--email", ALICE, "--code-stdin"],
        &format!("{mb}\n"),
    )
    .code(3);
    env.run(
        &["reset", "--email", ALICE, "--code-stdin"],
        &format!("{mb}\n{NEW_PW}\n"),
    )
    .code(3);
    env.run(
        &["config", "set", "mail.from", "--value-stdin"],
        &format!("{mb}\n"),
    )
    .code(2);
    env.run(
        &["config", "set", "mail.smtp_password", "--value-stdin"],
        &format!("{mb}\n"),
    )
    .code(2);
    env.run(
        &["login", "--email", ALICE, "--password-stdin"],
        &format!("{mb}\n"),
    )
    .code(3);
    let file = env.path().join("big.csv");
    std::fs::write(&file, format!("email,first_name\nx@example.com,{mb}\n")).unwrap();
    env.run(&["import", file.to_str().unwrap(), "--no-email"], "")
        .code(2)
        .stderr_has("line 2");
    let hundred_kb = "a".repeat(100_000);
    env.run(&["users", "show", &hundred_kb], "").code(2);
    env.run(&["roles", "create", &hundred_kb], "").code(2);
    env.run(&["check", "--permission", &hundred_kb], "").code(2);
    env.run(&["audit", "--since", &hundred_kb], "").code(2);
    assert_eq!(users(&env), 2);
    let more_than_4mb = "x".repeat(5 * 1024 * 1024);
    env.run(
        &["login", "--email", ALICE, "--password-stdin"],
        &more_than_4mb,
    )
    .code(2)
    .stderr_has("larger than");
}

#[test]
fn look_alike_emails_are_other_accounts_and_take_over_nothing() {
    let env = Env::admin();
    // A Cyrillic "а" in place of the Latin "a" of admin@example.com.
    let lookalike = "\u{0430}dmin@example.com";
    env.run(&["logout"], "").ok();
    env.login(lookalike, ADMIN_PW).code(3);
    env.run(
        &["register", "--email", lookalike, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    assert_eq!(env.count("SELECT count(*) FROM users"), 2);
    let canon: String = env.text("SELECT email_canonical FROM users WHERE id = 2", &[]);
    assert_ne!(canon, ADMIN);
    // Full-width letters fold by NFKC in passwords, not in emails: a distinct address too.
    env.run(
        &[
            "register",
            "--email",
            "ａdmin@example.com",
            "--password-stdin",
        ],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    env.login(ADMIN, ADMIN_PW).ok();
    let admins = env
        .run(&["--json", "users", "list", "--role", "admin"], "")
        .ok()
        .json();
    assert_eq!(admins.as_array().unwrap().len(), 1);
}

#[test]
fn header_injection_is_refused_in_every_mail_field() {
    let env = Env::admin();
    for (key, value) in [
        ("mail.from", "a@example.com\r\nBcc: evil@example.com"),
        (
            "mail.verify_url",
            "https://x/{code}\r\nBcc: evil@example.com",
        ),
        ("mail.smtp_url", "smtp://127.0.0.1:25\r\nX: y"),
    ] {
        env.run(&["config", "set", key, value], "").code(2);
    }
    for args in [
        vec![
            "register",
            "--email",
            "a@example.com\nBcc: evil@example.com",
        ],
        vec![
            "register",
            "--email",
            "b@example.com",
            "--first-name",
            "B\r\nBcc: evil@example.com",
        ],
        vec![
            "users",
            "update",
            ADMIN,
            "--email",
            "c@example.com\r\nBcc: x@y.z",
        ],
        vec!["reset", "--email", "d@example.com\r\nBcc: x@y.z"],
    ] {
        let mut args = args;
        args.push("--password-stdin");
        let run = env.run(&args, &format!("{ALICE_PW}\n"));
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
    }
    let mut env = env;
    env.set_var(
        "USERADM_MAIL_FROM",
        "x@example.com\r\nBcc: evil@example.com",
    );
    let run = env.run(
        &["register", "--email", "e@example.com", "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    );
    assert_eq!(
        run.code, 9,
        "a bad sender from the environment is a mail failure, never a header: {run:?}"
    );
    for (_, text) in env.outbox_messages() {
        assert!(!text.contains("Bcc"), "{text}");
    }
}

#[test]
fn a_hundred_megabyte_session_file_is_refused_unread() {
    let env = Env::admin();
    let file = env.session_file();
    let f = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(&file)
        .unwrap();
    f.set_len(100 * 1024 * 1024).unwrap();
    drop(f);
    env.run(&["whoami"], "").code(4).stderr_has("too large");
    env.run(&["logout"], "").ok();
    assert!(!file.exists());
}

#[test]
fn usage_errors_are_json_under_json() {
    let env = Env::admin();
    for args in [
        &["--json", "login", "--bogus"][..],
        &["--json", "authenticate"],
        &["--color=sometimes", "--json", "whoami"],
    ] {
        let run = env.run(args, "").code(2);
        let err = run.error_json();
        assert_eq!(err["error"]["code"], "usage", "{run:?}");
        assert_eq!(err["error"]["exit"], 2);
    }
    // The message names what is missing, not only that something is.
    let run = env.run(&["--json", "apply"], "").code(2);
    assert_eq!(
        run.error_json()["error"]["message"],
        "the following required arguments were not provided: <FILE>",
        "{run:?}"
    );
}

/// `admin\u{200b}@example.com` would register beside `admin@example.com` and look the same:
/// invisible characters are refused in emails and names (ZWNJ/ZWJ between letters excepted).
#[test]
fn invisible_characters_are_refused_in_emails_and_names() {
    let env = Env::admin();
    for hidden in ["\u{200B}", "\u{2060}", "\u{00AD}", "\u{FE0F}"] {
        let email = format!("admin{hidden}@example.com");
        env.run(
            &["register", "--email", &email, "--password-stdin"],
            &format!("{ALICE_PW}\n"),
        )
        .code(2)
        .stderr_has("invisible character");
        env.run(
            &[
                "register",
                "--email",
                ALICE,
                "--first-name",
                &format!("Al{hidden}ice"),
                "--password-stdin",
            ],
            &format!("{ALICE_PW}\n"),
        )
        .code(2)
        .stderr_has("invisible character");
    }
    assert_eq!(users(&env), 1);
    // A Persian name keeps its zero-width non-joiner.
    let persian = "\u{0645}\u{06CC}\u{200C}\u{062E}\u{0648}\u{0627}\u{0647}\u{0645}";
    env.run(
        &[
            "register",
            "--email",
            ALICE,
            "--first-name",
            persian,
            "--password-stdin",
        ],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
}

/// Common and breached passwords are refused however long: the built-in list, and the
/// administrator's own file in either form (sorted plain text; sorted `SHA1:count`, made here by
/// `sha1sum`); a configured file that cannot be read fails closed.
#[test]
fn common_and_breached_passwords_are_refused() {
    let env = Env::admin();
    let before = users(&env);
    let register = |password: &str| {
        env.run(
            &["register", "--email", ALICE, "--password-stdin"],
            &format!("{password}\n"),
        )
    };
    for common in [
        "yfdbufnjh10305070",
        "correcthorsebatterystaple",
        "Correct Horse Battery Staple",
    ] {
        register(common)
            .code(11)
            .stderr_has("on a list of common or breached passwords");
    }
    let plain = env.path().join("ours.txt");
    std::fs::write(
        &plain,
        "acme-rockets-spring-2026\nzebra-quartz-lemur-tundra\n",
    )
    .unwrap();
    env.config_set("password.blocklist_file", plain.to_str().unwrap());
    register("Zebra-Quartz-Lemur-Tundra").code(11);

    let corpus = env.path().join("pwned.txt");
    let sha1 = |text: &str| {
        let out = std::process::Command::new("sha1sum")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                child.stdin.take().unwrap().write_all(text.as_bytes())?;
                child.wait_with_output()
            })
            .unwrap();
        String::from_utf8(out.stdout).unwrap()[..40].to_uppercase()
    };
    let mut lines: Vec<String> = [
        "Velvet-Harbor-Lantern-42",
        "other-one-entirely",
        "third-of-three-x",
    ]
    .iter()
    .map(|p| format!("{}:{}", sha1(p), p.len()))
    .collect();
    lines.sort();
    std::fs::write(&corpus, lines.join("\r\n") + "\r\n").unwrap();
    env.config_set("password.blocklist_file", corpus.to_str().unwrap());
    register("Velvet-Harbor-Lantern-42").code(11);

    std::fs::remove_file(&corpus).unwrap();
    register("an entirely fine password 1865")
        .code(10)
        .stderr_has(corpus.to_str().unwrap());
    assert_eq!(users(&env), before);
    env.config_set("password.blocklist_file", "");
    register("an entirely fine password 1865").ok();
}

/// The attribute rule holds for what an account ends with: two updates within the limit each
/// cannot together pass it.
#[test]
fn attributes_stay_within_the_rule_across_updates() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    let attrs = |range: std::ops::Range<usize>| -> Vec<String> {
        range
            .flat_map(|i| ["--attr".to_string(), format!("k{i}=v")])
            .collect()
    };
    let update = |extra: Vec<String>| {
        let mut args = vec!["users".to_string(), "update".into(), ALICE.into()];
        args.extend(extra);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        env.run(&args, "")
    };
    update(attrs(0..40)).ok();
    update(attrs(40..70))
        .code(2)
        .stderr_has("at most 64 attributes");
    let stored = env.text(
        "SELECT attributes FROM users WHERE email = ?1",
        &[ALICE.into()],
    );
    assert!(!stored.contains("k40"), "{stored}");
    // Removing one makes room.
    update(vec!["--attr".into(), "k0=".into()]).ok();
    update(attrs(40..64)).ok();
}
