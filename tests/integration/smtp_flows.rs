//! The email flows against a real SMTP server on 127.0.0.1.

use crate::smtp::SmtpServer;
use crate::util::*;

pub(crate) fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

#[test]
fn register_verify_and_reset_through_smtp() {
    let server = SmtpServer::start();
    let mut env = Env::admin();
    env.set_var("USERADM_SMTP_URL", server.url());
    env.set_var("USERADM_MAIL_FROM", "accounts@example.org");
    let run = env
        .run(
            &["register", "--email", ALICE, "--password-stdin"],
            &format!("{ALICE_PW}\n"),
        )
        .ok();
    assert!(run.stderr.contains("sent through 127.0.0.1"), "{run:?}");
    let msgs = server.wait_for(1);
    assert_eq!(msgs.len(), 1);
    assert_eq!(msgs[0].to, vec![ALICE.to_string()]);
    assert!(
        msgs[0].data.contains("From: accounts@example.org"),
        "{}",
        msgs[0].data
    );
    assert!(msgs[0].data.contains("Subject: Confirm your email address"));
    let code = code_in(&msgs[0].data);
    env.run(
        &["verify", "--email", ALICE, "--code-stdin"],
        &format!("{code}\n"),
    )
    .ok();

    env.run(&["reset", "--email", ALICE], "").ok();
    let msgs = server.wait_for(2);
    assert!(msgs[1].data.contains("Reset your password"));
    let code = code_in(&msgs[1].data);
    env.run(
        &["reset", "--email", ALICE, "--code-stdin"],
        &format!("{code}\n{NEW_PW}\n"),
    )
    .ok();
    env.login(ALICE, NEW_PW).ok();
    assert!(
        env.outbox_messages().is_empty(),
        "nothing goes to the outbox when SMTP is configured"
    );
}

#[test]
fn the_smtp_setting_is_used_and_links_are_filled_in() {
    let server = SmtpServer::start();
    let env = Env::admin();
    env.config_set("mail.smtp_url", &server.url());
    env.config_set(
        "mail.verify_url",
        "https://app.example/verify?email={email}&code={code}",
    );
    env.run(
        &[
            "register",
            "--email",
            "bob+test@example.com",
            "--password-stdin",
        ],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    let msgs = server.wait_for(1);
    let code = code_in(&msgs[0].data).replace('-', "");
    assert!(
        decode_qp(&msgs[0].data).contains(&format!(
            "https://app.example/verify?email=bob%2Btest%40example.com&code={code}"
        )),
        "{}",
        msgs[0].data
    );
}

#[test]
fn a_down_server_is_exit_9_with_a_way_to_resend() {
    let server = SmtpServer::start();
    let mut env = Env::admin();
    env.set_var(
        "USERADM_SMTP_URL",
        format!("smtp://127.0.0.1:{}", closed_port()),
    );
    let run = env
        .run(
            &["--json", "register", "--email", ALICE, "--password-stdin"],
            &format!("{ALICE_PW}\n"),
        )
        .code(9);
    assert_eq!(
        run.json()["user"]["email"],
        ALICE,
        "the account was made: {run:?}"
    );
    let err = run.error_json();
    assert_eq!(err["error"]["code"], "mail_failed");
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("verify --resend"),
        "{err}"
    );
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email = 'alice@example.com'"),
        1
    );
    // A fresh code, like a reset, is sent after the answer: the request says nothing of the
    // failure, the audit log and `mail list` know, and the message waits for a retry.
    env.run(&["verify", "--resend", "--email", ALICE], "").ok();
    env.run(&["reset", "--email", ADMIN], "")
        .ok()
        .stdout_has("If an account exists");
    env.wait_for_mail();
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event='reset.undeliverable'"),
        1
    );
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event='mail.undeliverable' AND detail LIKE '%verify%'"),
        2
    );
    let waiting = env.run(&["--json", "mail", "list"], "").ok().json();
    assert_eq!(waiting.as_array().unwrap().len(), 2, "{waiting:#}");
    assert!(
        waiting[0]["last_error"]
            .as_str()
            .unwrap()
            .contains("could not deliver")
    );

    // A retry uses the transport its request chose, never the retrier's environment.
    env.set_var("USERADM_SMTP_URL", server.url());
    env.run(&["mail", "retry", "--wait"], "")
        .ok()
        .stdout_has("2 failed");
    env.run(&["verify", "--resend", "--email", ALICE], "").ok();
    let code = code_in(&server.wait_for(1)[0].data);
    env.run(
        &["verify", "--email", ALICE, "--code-stdin"],
        &format!("{code}\n"),
    )
    .ok();
}

#[test]
fn smtp_password_comes_from_a_file_and_never_from_the_url() {
    let mut env = Env::admin();
    env.set_var("USERADM_SMTP_URL", "smtp://mailer:secret@127.0.0.1:2525");
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .code(2)
    .stderr_has("must not hold a password");
    assert_eq!(env.count("SELECT count(*) FROM users"), 1);
}

/// A reset request does the same foreground work for every address and sends after answering:
/// with an SMTP server that accepts and never answers, the request for an existing account has
/// ended, its output pipes closed, before the server is even contacted.
#[test]
fn a_reset_request_answers_before_any_mail_is_sent() {
    use std::time::{Duration, Instant};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        // Accept and hold the connection without a word, as a hung server does.
        if let Ok((stream, _)) = listener.accept() {
            let _ = tx.send(Instant::now());
            std::thread::sleep(Duration::from_secs(30));
            drop(stream);
        }
    });
    let mut env = Env::admin();
    env.set_var("USERADM_SMTP_URL", format!("smtp://127.0.0.1:{port}"));
    env.run(&["reset", "--email", ADMIN], "")
        .ok()
        .stdout_has("If an account exists");
    let answered = Instant::now();
    let contacted = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the queued message is sent after the answer");
    assert!(
        answered < contacted,
        "the server was contacted before the request answered"
    );
}

/// What Python's standard mail parser (a real one, outside this code) reads in a message.
fn parsed_by_python(message: &[u8]) -> serde_json::Value {
    let script = r#"
import sys, json, email, email.policy
msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
print(json.dumps({
    "defects": [type(d).__name__ for d in msg.defects],
    "message_id": msg["Message-ID"], "mime_version": msg["MIME-Version"], "date": msg["Date"],
    "from": msg["From"], "to": msg["To"], "subject": msg["Subject"],
    "content_type": msg.get_content_type(), "charset": msg.get_content_charset(),
    "body": msg.get_content(),
}))
"#;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    use std::io::Write as _;
    child.stdin.take().unwrap().write_all(message).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "python3's parser failed");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn assert_well_formed(parsed: &serde_json::Value, to: &str) {
    assert_eq!(parsed["defects"], serde_json::json!([]), "{parsed}");
    assert_eq!(parsed["mime_version"], "1.0", "{parsed}");
    let id = parsed["message_id"].as_str().unwrap();
    assert!(
        id.starts_with('<') && id.ends_with("@example.org>") && id.len() > 30,
        "a random id at the sender's domain: {id}"
    );
    assert!(parsed["date"].as_str().is_some_and(|d| !d.is_empty()));
    assert_eq!(parsed["from"], "accounts@example.org");
    assert_eq!(parsed["to"], to);
    assert_eq!(parsed["content_type"], "text/plain");
    assert_eq!(parsed["charset"], "utf-8");
}

/// Every message carries Message-ID and MIME-Version beside Date, From, To and Subject, as a
/// real parser reads them: through SMTP and in the outbox alike, each with its own id.
#[test]
fn messages_carry_message_id_and_mime_version() {
    let server = SmtpServer::start();
    let mut env = Env::admin();
    env.set_var("USERADM_MAIL_FROM", "accounts@example.org");
    env.run(
        &["register", "--email", ALICE, "--password-stdin"],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    let (_, outboxed) = env.outbox_messages().pop().unwrap();
    let first = parsed_by_python(outboxed.as_bytes());
    assert_well_formed(&first, ALICE);
    assert_eq!(first["subject"], "Confirm your email address");
    assert!(
        first["body"]
            .as_str()
            .unwrap()
            .contains("useradm verify --email")
    );

    env.set_var("USERADM_SMTP_URL", server.url());
    env.run(&["verify", "--email", ALICE, "--resend"], "").ok();
    let received = server.wait_for(1);
    let second = parsed_by_python(received[0].data.as_bytes());
    assert_well_formed(&second, ALICE);
    assert_ne!(first["message_id"], second["message_id"]);
}
