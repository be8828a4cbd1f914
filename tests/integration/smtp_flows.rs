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
