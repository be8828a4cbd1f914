//! What a system administrator migrates from, made at test time by the real generators
//! (`mkpasswd`, `htpasswd`, `openssl passwd`): each hash imported, a right password accepted and
//! a wrong one refused, then upgraded to an Argon2id hash that an independent implementation
//! (Python's argon2-cffi) verifies. The fast ones are never stored as they are. The machine's own
//! accounts are never read: the shadow and passwd files are written here.

use std::process::Command;

use crate::util::*;

const PW: &str = "Legacy Lantern Orchard 77";

/// The output of a generator, or `None` (said on stderr) where it is not installed.
#[allow(clippy::panic)]
fn generated(program: &str, args: &[&str]) -> Option<String> {
    match Command::new(program).args(args).output() {
        Ok(out) if out.status.success() => {
            Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
        }
        Ok(out) => panic!(
            "{program} {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(_) => {
            eprintln!("skipped: {program} is not installed (.ci/run installs it)");
            None
        }
    }
}

/// `(user, hash)` made by each generator for `password`; `None` when one is missing.
fn hashes_of(password: &str) -> Option<Vec<(&'static str, String, bool)>> {
    let htpasswd = |flag: &str| -> Option<String> {
        let line = generated("htpasswd", &["-n", "-b", flag, "u", password])?;
        Some(line.trim_start_matches("u:").to_string())
    };
    // (user, hash, whether it is a fast hash that must be stored wrapped)
    Some(vec![
        (
            "mk-sha512",
            generated("mkpasswd", &["-m", "sha-512", password])?,
            false,
        ),
        (
            "mk-sha256",
            generated("mkpasswd", &["-m", "sha-256", "-R", "12000", password])?,
            false,
        ),
        (
            "mk-yescrypt",
            generated("mkpasswd", &["-m", "yescrypt", password])?,
            false,
        ),
        (
            "mk-md5",
            generated("mkpasswd", &["-m", "md5crypt", password])?,
            true,
        ),
        ("ht-bcrypt", htpasswd("-B")?, false),
        ("ht-apr1", htpasswd("-m")?, true),
        ("ht-sha", htpasswd("-s")?, true),
        (
            "ossl-md5",
            generated("openssl", &["passwd", "-1", password])?,
            true,
        ),
        (
            "ossl-apr1",
            generated("openssl", &["passwd", "-apr1", password])?,
            true,
        ),
        (
            "ossl-sha256",
            generated("openssl", &["passwd", "-5", password])?,
            false,
        ),
        (
            "ossl-sha512",
            generated("openssl", &["passwd", "-6", password])?,
            false,
        ),
    ])
}

fn stored(env: &Env, email: &str) -> String {
    env.text(
        "SELECT password_hash FROM users WHERE email_canonical = ?1",
        &[email.into()],
    )
}

fn authenticate(env: &Env, email: &str, password: &str) -> Run {
    env.run(
        &[
            "--json",
            "authenticate",
            "--email",
            email,
            "--password-stdin",
        ],
        &format!("{password}\n"),
    )
}

/// Whether argon2-cffi, which shares no code with this tool, accepts `password` for `phc`.
fn argon2_cffi_verifies(phc: &str, password: &str) -> bool {
    let python = crate::django::django_python();
    let out = Command::new(python)
        .args([
            "-c",
            "import sys; from argon2 import PasswordHasher; \
             print(PasswordHasher().verify(sys.argv[1], sys.argv[2]))",
            phc,
            password,
        ])
        .output()
        .unwrap();
    out.status.success() && String::from_utf8_lossy(&out.stdout).trim() == "True"
}

#[test]
fn every_generators_hash_logs_in_once_then_is_argon2id() {
    let Some(made) = hashes_of(PW) else {
        return;
    };
    let env = Env::admin();
    // The addresses are made up (NAME@DOMAIN), so never verified.
    env.config_set("registration.require_verified_email", "false");
    let file = env.path().join("htpasswd");
    let text: String = made
        .iter()
        .map(|(user, hash, _)| format!("{user}:{hash}\n"))
        .collect();
    std::fs::write(&file, text).unwrap();
    let run = env
        .run(
            &[
                "import",
                "--from-htpasswd",
                file.to_str().unwrap(),
                "--email-domain",
                "example.net",
            ],
            "",
        )
        .ok();
    run.stdout_has(&format!("{} created", made.len()))
        .stderr_has("5 fast legacy hash(es)")
        .stderr_has("(lines 4, 6, 7, 8, 9)");
    let dump = env.dump();
    for (user, hash, fast) in &made {
        let email = format!("{user}@example.net");
        let before = stored(&env, &email);
        if *fast {
            assert!(before.starts_with("wrapped$"), "{user}: {before}");
            let digest = hash.rsplit(['$', '}']).next().unwrap();
            assert!(
                !dump.contains(digest),
                "{user}'s legacy hash is in the store"
            );
        } else {
            assert_eq!(&before, hash, "{user}: a slow hash is kept as it is");
        }
        authenticate(&env, &email, "Legacy Lantern Orchard 78").code(3);
        authenticate(&env, &email, PW).ok();
        let after = stored(&env, &email);
        assert!(after.starts_with("$argon2id$"), "{user}: {after}");
        assert!(argon2_cffi_verifies(&after, PW), "{user}: {after}");
        authenticate(&env, &email, PW).ok();
        authenticate(&env, &email, "Legacy Lantern Orchard 78").code(3);
    }
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email_verified_at IS NOT NULL AND email LIKE '%@example.net'"),
        0
    );
}

/// A migrated password that today's policy refuses works for one login, which then owes a change.
#[test]
fn a_weak_migrated_password_is_owed_a_change_after_its_first_login() {
    let Some(hash) = generated("openssl", &["passwd", "-6", "secret"]) else {
        return;
    };
    let env = Env::admin();
    env.config_set("registration.require_verified_email", "false");
    env.run(
        &[
            "import",
            "--from-htpasswd",
            "-",
            "--email-domain",
            "example.net",
        ],
        &format!("weak:{hash}\n"),
    )
    .ok();
    authenticate(&env, "weak@example.net", "secret").ok();
    let again = authenticate(&env, "weak@example.net", "secret").code(8);
    assert_eq!(
        again.error_json()["error"]["code"],
        "password_change_required"
    );
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'password.must_change' AND detail LIKE '%migrated_password_fails_policy%'"),
        1
    );
}

#[test]
fn des_crypt_and_plain_text_are_refused_by_name_with_their_line() {
    let (Some(des), Some(plain)) = (
        generated("htpasswd", &["-n", "-b", "-d", "u", "pw"]),
        generated("htpasswd", &["-n", "-b", "-p", "u", "pw"]),
    ) else {
        return;
    };
    let env = Env::admin();
    let file = format!(
        "ok:{}\ndes:{}\nplain:{}\n",
        generated("htpasswd", &["-n", "-b", "-B", "u", PW])
            .unwrap()
            .trim_start_matches("u:"),
        des.trim_start_matches("u:"),
        plain.trim_start_matches("u:"),
    );
    let run = env
        .run(
            &[
                "import",
                "--from-htpasswd",
                "-",
                "--email-domain",
                "example.net",
            ],
            &file,
        )
        .code(2);
    assert!(!run.stderr.contains("pw\n"), "{run:?}");
    run.stderr_has("line 2: des: DES crypt")
        .stderr_has("line 3: plain: plain text (htpasswd -p) is refused");
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email LIKE '%@example.net'"),
        0
    );
}

#[test]
fn a_shadow_file_migrates_with_its_states() {
    let Some(yescrypt) = generated("mkpasswd", &["-m", "yescrypt", PW]) else {
        return;
    };
    let sha512 = generated("mkpasswd", &["-m", "sha-512", PW]).unwrap();
    let env = Env::admin();
    env.config_set("registration.require_verified_email", "false");
    let passwd = "root:x:0:0:root:/root:/bin/bash\n\
        daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n\
        alice:x:1000:1000:Alice Liddell,,,:/home/alice:/bin/bash\n\
        bob:x:1001:1001:Bob:/home/bob:/bin/bash\n\
        carol:x:1002:1002:Carol:/home/carol:/bin/bash\n\
        dave:x:1003:1003:Dave:/home/dave:/bin/bash\n\
        erin:x:1004:1004:Erin:/home/erin:/bin/bash\n\
        frank:x:1005:1005:Frank:/home/frank:/bin/bash\n";
    let shadow = format!(
        "root:{sha512}:19000:0:99999:7:::\n\
         daemon:*:19000:0:99999:7:::\n\
         alice:{yescrypt}:19000:0:99999:7:::\n\
         bob:!{sha512}:19000::::::\n\
         carol::19000::::::\n\
         dave:!!:19000::::::\n\
         erin:{sha512}:0::::::\n\
         frank:{sha512}:19000:::::19000:\n"
    );
    std::fs::write(env.path().join("passwd"), passwd).unwrap();
    std::fs::write(env.path().join("shadow"), shadow).unwrap();
    let run = env
        .run(
            &[
                "--json",
                "import",
                "--from-shadow",
                env.path().join("shadow").to_str().unwrap(),
                "--passwd",
                env.path().join("passwd").to_str().unwrap(),
                "--email-domain",
                "example.net",
            ],
            "",
        )
        .ok();
    let summary = run.json();
    assert_eq!(summary["created"], 5, "{summary}");
    let warnings = summary["warnings"].to_string();
    assert!(
        warnings.contains("1 account(s) without a password"),
        "{warnings}"
    );
    assert!(
        warnings.contains("2 system account(s) (root, or uid below 1000)"),
        "{warnings}"
    );
    assert!(
        warnings.contains("not carried over (lines 3)"),
        "{warnings}"
    );
    assert_eq!(summary["invitations_sent"], serde_json::json!([]));

    let alice = env
        .run(&["--json", "users", "show", "alice@example.net"], "")
        .ok()
        .json();
    assert_eq!(alice["first_name"], "Alice", "{alice}");
    assert_eq!(alice["last_name"], "Liddell", "{alice}");
    authenticate(&env, "alice@example.net", PW).ok();
    let code = |run: Run| run.error_json()["error"]["code"].clone();
    assert_eq!(
        code(authenticate(&env, "bob@example.net", PW).code(8)),
        "disabled"
    );
    // No usable password: never passwordless.
    authenticate(&env, "carol@example.net", "").code(3);
    authenticate(&env, "carol@example.net", PW).code(3);
    assert_eq!(
        code(authenticate(&env, "erin@example.net", PW).code(8)),
        "password_change_required"
    );
    assert_eq!(
        code(authenticate(&env, "frank@example.net", PW).code(8)),
        "account_expired"
    );
    for gone in ["root", "daemon", "dave"] {
        env.run(&["users", "show", &format!("{gone}@example.net")], "")
            .code(7);
    }
}
