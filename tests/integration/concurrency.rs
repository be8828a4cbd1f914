//! Several processes on one database at once.

use std::thread;

use crate::util::*;

#[test]
fn parallel_registrations_and_logins_all_succeed() {
    let env = Env::admin();
    let runs: Vec<Run> = thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|i| {
                let env = &env;
                s.spawn(move || {
                    let email = format!("user{i}@example.com");
                    let reg = env.run(
                        &["register", "--email", &email, "--password-stdin"],
                        &format!("{ALICE_PW}\n"),
                    );
                    let session = env.path().join(format!("session-{i}.json"));
                    let with_session = |args: &[&str], stdin: &str| {
                        let mut cmd = env.command(args);
                        cmd.env("USERADM_SESSION_FILE", &session);
                        Env::run_cmd(cmd, stdin.as_bytes())
                    };
                    let login = with_session(
                        &["login", "--email", ADMIN, "--password-stdin"],
                        &format!("{ADMIN_PW}\n"),
                    );
                    let whoami = with_session(&["whoami"], "");
                    vec![reg, login, whoami]
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    for run in &runs {
        assert_eq!(run.code, 0, "{run:?}");
        assert!(!run.stderr.contains("locked"), "{run:?}");
    }
    assert_eq!(env.count("SELECT count(*) FROM users"), 5);
    assert_eq!(
        env.count("SELECT count(*) FROM one_time_codes WHERE purpose='verify'"),
        4
    );
}

#[test]
fn the_same_email_twice_at_once_makes_one_account() {
    let env = Env::admin();
    let codes: Vec<i32> = thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    env.run(
                        &["register", "--email", ALICE, "--password-stdin"],
                        &format!("{ALICE_PW}\n"),
                    )
                    .code
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, vec![0, 6], "{codes:?}");
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email_canonical = 'alice@example.com'"),
        1
    );
}

#[test]
fn a_code_redeemed_twice_at_once_works_once() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    env.run(&["reset", "--email", ALICE], "").ok();
    let code = env.last_code("reset");
    let codes: Vec<i32> = thread::scope(|s| {
        let handles: Vec<_> = [ALICE_PW, NEW_PW]
            .into_iter()
            .map(|pw| {
                let (env, code) = (&env, &code);
                s.spawn(move || {
                    env.run(
                        &["reset", "--email", ALICE, "--code-stdin"],
                        &format!("{code}\n{pw}\n"),
                    )
                    .code
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, vec![0, 3], "{codes:?}");
}

#[test]
fn parallel_guessers_cannot_race_past_the_lockout() {
    let env = Env::admin();
    let codes: Vec<i32> = thread::scope(|s| {
        let handles: Vec<_> = (0..10)
            .map(|_| s.spawn(|| env.login(ADMIN, "definitely-not-it-42").code))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(
        codes.iter().filter(|c| **c == 3).count(),
        5,
        "exactly five hashes were checked: {codes:?}"
    );
    assert_eq!(codes.iter().filter(|c| **c == 8).count(), 5, "{codes:?}");
    assert_eq!(env.count("SELECT failures FROM login_failures"), 5);
}
