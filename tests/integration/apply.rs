//! `apply`: declared state, plans, drift, ownership, pruning and the limits on removal.

use crate::util::*;

fn write(env: &Env, name: &str, text: &str) -> String {
    let path = env.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// Every line appears whole in `text`.
#[track_caller]
pub(crate) fn has_lines(text: &str, lines: &[&str]) {
    for line in lines {
        assert!(text.lines().any(|l| l == *line), "{line:?} in {text}");
    }
}

fn events(env: &Env) -> i64 {
    env.count("SELECT count(*) FROM audit_events")
}

const FILE: &str = r#"
owner = "ci-accounts"          # who manages the entries below

[settings]
"registration.open" = false
"session.idle" = "45m"

[roles.support]
description = "Support desk"
permissions = ["tickets.*", "users.read"]

[[users]]
email = "alice@example.com"
first_name = "Alice"
roles = ["support"]
email_verified = true

[[users]]
email = "bob@example.com"
expires = 2027-03-31
"#;

#[test]
fn apply_reapply_edit_and_check() {
    let env = Env::admin();
    let file = write(&env, "accounts.toml", FILE);

    // The plan of a fresh store, as text and as data.
    let plan = env.run(&["apply", &file, "--dry-run"], "").ok();
    has_lines(
        &plan.stdout,
        &[
            "~ setting registration.open",
            "    value: true -> false",
            "~ setting session.idle",
            "    value: 30m -> 45m",
            "+ role support",
            "    permissions: tickets.*, users.read",
            "+ user alice@example.com",
            "    roles: support",
            "+ user bob@example.com",
            "    expires: 2027-03-31T00:00:00Z",
            "Plan for ci-accounts: 3 to create, 2 to change, 0 to adopt, 0 to remove, 0 unchanged, 0 left alone.",
        ],
    );
    let json = env
        .run(&["--json", "apply", &file, "--dry-run"], "")
        .ok()
        .json();
    assert_eq!(json["create"], 3);
    assert_eq!(json["in_sync"], false);
    assert_eq!(json["steps"][0]["kind"], "setting");
    assert_eq!(json["steps"][0]["changes"][0]["new"], "false");
    assert_eq!(
        env.count("SELECT count(*) FROM users"),
        1,
        "a dry run writes nothing"
    );

    // Drift before the first apply: exit 13, the plan on stdout.
    env.run(&["apply", &file, "--check"], "")
        .code(13)
        .stdout_has("+ user alice@example.com")
        .stderr_has("differs");
    let drift = env.run(&["--json", "apply", &file, "--check"], "").code(13);
    assert_eq!(drift.error_json()["error"]["code"], "drift");

    env.run(&["apply", &file, "--no-email"], "")
        .ok()
        .stdout_has("Applied ci-accounts: 3 created, 2 changed, 0 adopted, 0 removed");
    assert_eq!(
        env.text("SELECT value FROM settings WHERE key = 'session.idle'", &[]),
        "45m"
    );
    let alice = env
        .run(&["--json", "users", "show", "alice@example.com"], "")
        .ok()
        .json();
    assert_eq!(alice["roles"], serde_json::json!(["support"]));
    assert_eq!(alice["first_name"], "Alice");
    assert!(alice["email_verified"].as_bool().unwrap());
    assert_eq!(
        env.int(
            "SELECT expires_at FROM users WHERE email_canonical = 'bob@example.com'",
            &[]
        ),
        1_806_451_200
    );
    assert_eq!(
        env.count("SELECT count(*) FROM managed_users WHERE owner = 'ci-accounts'"),
        2
    );
    assert_eq!(
        env.count("SELECT count(*) FROM managed_roles WHERE owner = 'ci-accounts'"),
        1
    );
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'apply.completed'"),
        1
    );

    // Again: nothing to do, no new rows, no new events, exit 0 for --check.
    let before = (events(&env), env.dump());
    env.run(&["apply", &file], "")
        .ok()
        .stdout_has("The store matches the file.");
    env.run(&["apply", &file, "--check"], "").ok();
    assert_eq!((events(&env), env.dump()), before);
}

#[test]
fn an_edit_shows_its_exact_plan() {
    let env = Env::admin();
    let file = write(&env, "accounts.toml", FILE);
    env.run(&["apply", &file, "--no-email"], "").ok();

    // An edit: the exact field changes, then applied.
    let edited = FILE
        .replace("first_name = \"Alice\"", "first_name = \"Alicia\"")
        .replace("\"users.read\"]", "\"users.read\", \"reports.read\"]")
        .replace("roles = [\"support\"]", "roles = []");
    write(&env, "accounts.toml", &edited);
    let plan = env.run(&["apply", &file, "--dry-run"], "").ok();
    has_lines(
        &plan.stdout,
        &[
            "~ role support",
            "    permissions: tickets.*, users.read -> reports.read, tickets.*, users.read",
            "~ user alice@example.com",
            "    roles: support -> (none)",
            "    first_name: Alice -> Alicia",
            "Plan for ci-accounts: 0 to create, 2 to change, 0 to adopt, 0 to remove, 3 unchanged, 0 left alone.",
        ],
    );
    env.run(&["apply", &file, "--check"], "").code(13);
    let first_events = events(&env);
    env.run(&["apply", &file], "").ok();
    let alice = env
        .run(&["--json", "users", "show", "alice@example.com"], "")
        .ok()
        .json();
    assert_eq!(alice["first_name"], "Alicia");
    assert_eq!(alice["roles"], serde_json::json!([]));
    env.run(&["apply", &file, "--check"], "").ok();
    // Each change wrote its command's event (an account's marked as made by apply), then one
    // summary.
    let written: Vec<String> = env
        .rows(
            "SELECT event || ' ' || coalesce(target, '') FROM audit_events WHERE id > ?1 ORDER BY id",
            &[first_events.into()],
        )
        .into_iter()
        .map(|r| r[0].text())
        .collect();
    assert_eq!(
        written,
        [
            "role.allowed support",
            "user.updated alice@example.com",
            "role.revoked alice@example.com",
            "apply.completed ci-accounts",
        ]
    );
    assert_eq!(
        env.count(
            "SELECT count(*) FROM audit_events WHERE event IN ('user.updated', 'role.revoked') \
             AND detail LIKE '%\"via\":\"apply\"%'"
        ),
        2
    );
}

#[test]
fn json_files_and_bad_files() {
    let env = Env::admin();
    let json = r#"{"owner": "hr", "users": [{"email": "carol@example.com", "last_name": "Cole"}]}"#;
    let file = write(&env, "state.json", json);
    env.run(&["apply", &file, "--no-email"], "").ok();
    assert_eq!(
        env.text(
            "SELECT last_name FROM users WHERE email_canonical = 'carol@example.com'",
            &[]
        ),
        "Cole"
    );
    // Every problem at once, nothing written.
    let bad = r#"
owner = "hr"
[settings]
"mail.smtp_password" = "x"
"session.idle" = "45"
[[users]]
email = "not an address"
[[users]]
email = "dan@example.com"
expires = "90d"
[[users]]
email = "eve@example.com"
[[users]]
email = "Eve@example.com"
absent = true
[[users]]
email = "eve@example.com"
[[users]]
email = "fay@example.com"
[[users]]
email = "Fay@example.com"
[[users]]
email = "gus@example.com"
attributes = { "bad key!" = "w" }
[[users]]
email = "hal@example.com"
attributes = { team = "a\u202eb" }
[[users]]
email = "ida@example.com"
attributes = { level = 3 }
[[users]]
email = "joe@example.com"
expires = 2027-03-31T10:00:00
[idps.Corp]
client_id = "x"
[idps.plain]
issuer = "http://sso.example.com"
[idps.gone]
absent = true
client_id = "x"
[idps.odd]
link_by = "email"
"#;
    let file = write(&env, "bad.toml", bad);
    let run = env.run(&["apply", &file], "").code(2);
    for text in [
        "settings.mail.smtp_password: a secret is never declared",
        "settings.session.idle",
        "users[1]",
        "users[2]: expires: \"90d\" is a duration",
        "users[3]: eve@example.com is also users[4]",
        "users[5]: eve@example.com is also users[4]",
        "users[7]: Fay@example.com is also users[6]",
        // Attributes follow the rule of `--attr`.
        "users[8]: attribute key \"bad key!\" must be 1 to 64 of A-Z a-z 0-9 _ . -",
        "users[9]: attribute team: value longer than 1024 characters or with control characters",
        "users[10]: attribute level: the value must be text",
        "users[11]: expires: \"2027-03-31T10:00:00\" is not a date, an RFC 3339 time with its offset",
        "idps.Corp: a provider's name",
        "idps.plain: the issuer http://sso.example.com must be an https URL",
        "idps.gone: absent = true takes no other keys",
        "idps.odd: link_by \"email\"",
        "nothing was applied",
    ] {
        assert!(run.stderr.contains(text), "{text:?} in {}", run.stderr);
    }
    assert_eq!(env.count("SELECT count(*) FROM users"), 2);
}

/// Keys the tool does not know and files that do not parse: refused by their place, never by
/// quoting the line, which may hold a secret.
#[test]
fn unknown_keys_and_unparsable_files() {
    let env = Env::admin();
    // A key the tool does not know (a password, a typo) is refused, by its place: the line,
    // which holds the secret, is not quoted, nor is a hash on a line that does not parse.
    let file = write(
        &env,
        "typo.toml",
        "owner = \"hr\"\n[[users]]\nemail = \"e@example.com\"\npassword = \"hunter2hunter2\"\n",
    );
    for args in [&["apply", &file][..], &["--json", "apply", &file]] {
        let run = env.run(args, "").code(2);
        let out = format!("{}{}", run.stdout, run.stderr);
        assert!(
            out.contains(&format!(
                "{file}: line 4, column 1: unknown field `password`"
            )),
            "{run:?}"
        );
        assert!(!out.contains("hunter2"), "{run:?}");
    }
    let file = write(
        &env,
        "unclosed.toml",
        "owner = \"hr\"\n[[users]]\nemail = \"e@example.com\"\npassword_hash = \"pbkdf2_sha256$600000$salt$c2VjcmV0\n",
    );
    let run = env.run(&["apply", &file], "").code(2);
    assert!(run.stderr.contains("line 4, column"), "{run:?}");
    assert!(!run.stderr.contains("c2VjcmV0"), "{run:?}");
    // A provider's secret is never in the file, only the file holding it.
    let file = write(
        &env,
        "secret.toml",
        "owner = \"hr\"\n[idps.corp]\nclient_secret = \"x\"\n",
    );
    env.run(&["apply", &file], "")
        .code(2)
        .stderr_has("unknown field `client_secret`");
    let file = write(
        &env,
        "noowner.toml",
        "[[users]]\nemail = \"e@example.com\"\n",
    );
    env.run(&["apply", &file], "").code(2).stderr_has("owner");
    assert_eq!(env.count("SELECT count(*) FROM users"), 1);
}

#[test]
fn ownership_adoption_and_pruning() {
    let env = Env::admin();
    crate::sso::register(&env, "hand@example.com");
    let file = write(
        &env,
        "a.toml",
        "owner = \"ci\"\n[[users]]\nemail = \"hand@example.com\"\nfirst_name = \"Hand\"\n\
         [[users]]\nemail = \"m1@example.com\"\n[[users]]\nemail = \"m2@example.com\"\n",
    );
    // An account no owner manages is left alone, and shown so.
    env.run(&["apply", &file, "--no-email"], "")
        .ok()
        .stderr_has("1 entr(ies) left alone");
    let hand_name = || {
        env.text(
            "SELECT first_name FROM users WHERE email_canonical = 'hand@example.com'",
            &[],
        )
    };
    assert_eq!(hand_name(), "");
    env.run(&["apply", &file, "--dry-run"], "")
        .ok()
        .stdout_has("! user hand@example.com (exists, not managed: --adopt manages it)");
    env.run(&["apply", &file, "--check"], "").code(13);
    env.run(&["apply", &file, "--adopt"], "").ok();
    assert_eq!(hand_name(), "Hand", "adopted and changed");
    env.run(&["apply", &file, "--check"], "").ok();

    // Another owner's entries are refused by name.
    let other = write(
        &env,
        "b.toml",
        "owner = \"hr\"\n[[users]]\nemail = \"m1@example.com\"\n",
    );
    env.run(&["apply", &other], "")
        .code(6)
        .stderr_has("managed by \"ci\"");

    // Pruning: managed entries that left the file go; a hand-made account stays.
    crate::sso::register(&env, "other@example.com");
    write(
        &env,
        "a.toml",
        "owner = \"ci\"\n[[users]]\nemail = \"hand@example.com\"\n",
    );
    env.run(&["apply", &file], "").ok();
    assert_eq!(
        env.count("SELECT count(*) FROM users"),
        5,
        "without --prune, nothing goes"
    );
    env.run(&["apply", &file, "--prune", "--dry-run"], "")
        .ok()
        .stdout_has("- user m1@example.com (left the file)")
        .stdout_has("- user m2@example.com (left the file)");
    env.run(&["apply", &file, "--prune"], "").ok();
    let left: Vec<String> = env
        .rows("SELECT email FROM users ORDER BY email", &[])
        .into_iter()
        .map(|r| r[0].text())
        .collect();
    assert_eq!(
        left,
        ["admin@example.com", "hand@example.com", "other@example.com"]
    );
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'user.deleted'"),
        2
    );

    // absent = true removes a managed account.
    write(
        &env,
        "a.toml",
        "owner = \"ci\"\n[[users]]\nemail = \"hand@example.com\"\nabsent = true\n",
    );
    env.run(&["apply", &file], "").ok();
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email = 'hand@example.com'"),
        0
    );
}

#[test]
fn a_managed_account_is_followed_through_its_email_change() {
    let env = Env::admin();
    let file = write(
        &env,
        "a.toml",
        "owner = \"ci\"\n[[users]]\nemail = \"m2@example.com\"\nfirst_name = \"Em\"\n",
    );
    env.run(&["apply", &file, "--no-email"], "").ok();
    let id = env.int("SELECT id FROM users WHERE email = 'm2@example.com'", &[]);
    env.run(
        &[
            "users",
            "update",
            "m2@example.com",
            "--email",
            "m2new@example.com",
        ],
        "",
    )
    .ok();
    let code = env.last_code("email_change");
    env.run(
        &["verify", "--email", "m2new@example.com", "--code-stdin"],
        &format!("{code}\n"),
    )
    .ok();
    // The file still names the old address: no second account, the move is shown.
    env.run(&["apply", &file, "--check"], "")
        .code(13)
        .stdout_has("! user m2@example.com (the account is now m2new@example.com");
    env.run(&["apply", &file, "--prune"], "").ok();
    assert_eq!(env.count("SELECT count(*) FROM users"), 2);
    // Named at its new address, it is still this owner's entry: no --adopt needed.
    let moved = std::fs::read_to_string(&file)
        .unwrap()
        .replace("m2@example.com", "m2new@example.com")
        .replace("\"Em\"", "\"Emma\"");
    write(&env, "a.toml", &moved);
    env.run(&["apply", &file, "--dry-run"], "")
        .ok()
        .stdout_has("    declared_as: m2@example.com -> m2new@example.com");
    env.run(&["apply", &file, "--prune"], "").ok();
    env.run(&["apply", &file, "--check"], "").ok();
    assert_eq!(
        env.text("SELECT first_name FROM users WHERE id = ?1", &[id.into()]),
        "Emma"
    );
    assert_eq!(
        env.text(
            "SELECT declared FROM managed_users WHERE user_id = ?1",
            &[id.into()]
        ),
        "m2new@example.com"
    );
}

#[test]
fn removal_limits_and_the_last_administrator() {
    let env = Env::admin();
    let mut text = String::from("owner = \"ci\"\n[roles.ops]\npermissions = [\"deploy.*\"]\n");
    for i in 0..12 {
        text.push_str(&format!("[[users]]\nemail = \"u{i}@example.com\"\n"));
    }
    let file = write(&env, "a.toml", &text);
    env.run(&["apply", &file, "--no-email"], "").ok();
    // A truncated file must not empty the store.
    write(
        &env,
        "a.toml",
        "owner = \"ci\"\n[roles.ops]\npermissions = [\"deploy.*\"]\n",
    );
    let before = env.dump();
    env.run(&["apply", &file, "--prune"], "")
        .code(2)
        .stderr_has("more than --max-deletions 10");
    assert_eq!(env.dump(), before);
    env.run(&["apply", &file, "--prune", "--max-deletions", "12"], "")
        .ok();
    assert_eq!(env.count("SELECT count(*) FROM users"), 1);

    // A managed role still granted to a hand-made account is not removed.
    env.run(
        &[
            "register",
            "--email",
            "h@example.com",
            "--verified",
            "--generate-password",
        ],
        "",
    )
    .ok();
    env.run(&["grant", "--email", "h@example.com", "--role", "ops"], "")
        .ok();
    write(&env, "a.toml", "owner = \"ci\"\n");
    let before = env.dump();
    env.run(&["apply", &file, "--prune"], "")
        .code(6)
        .stderr_has("the role ops is still granted to 1 account(s) (h@example.com)");
    assert_eq!(env.dump(), before);

    // The last administrator cannot be declared away.
    let adopt = write(
        &env,
        "admin.toml",
        "owner = \"ci\"\n[[users]]\nemail = \"admin@example.com\"\nstatus = \"disabled\"\n",
    );
    env.run(&["apply", &adopt, "--adopt"], "")
        .code(6)
        .stderr_has("no active administrator");
    let gone = write(
        &env,
        "admin.toml",
        "owner = \"ci\"\n[[users]]\nemail = \"admin@example.com\"\nabsent = true\n",
    );
    // absent removes only this owner's entries, --adopt or not.
    env.run(&["apply", &gone, "--adopt", "--dry-run"], "")
        .ok()
        .stdout_has("! user admin@example.com (exists, not managed");
    assert_eq!(env.dump(), before);
    let adopt = write(
        &env,
        "plain.toml",
        "owner = \"ci\"\n[[users]]\nemail = \"admin@example.com\"\n",
    );
    env.run(&["apply", &adopt, "--adopt"], "").ok();
    let before = env.dump();
    env.run(&["apply", &gone], "")
        .code(6)
        .stderr_has("no active administrator");
    assert_eq!(env.dump(), before);
    // A built-in role is never declared.
    let builtin = write(
        &env,
        "b.toml",
        "owner = \"ci\"\n[roles.admin]\ndescription = \"x\"\n",
    );
    env.run(&["apply", &builtin], "")
        .code(2)
        .stderr_has("built-in role admin");
}

#[test]
fn the_gate_applies_to_each_change() {
    let env = Env::admin();
    env.run(
        &["roles", "create", "reader", "--permission", "users.read"],
        "",
    )
    .ok();
    env.run(
        &[
            "register",
            "--email",
            "r@example.com",
            "--verified",
            "--password-stdin",
        ],
        &format!("{ALICE_PW}\n"),
    )
    .ok();
    env.run(
        &["grant", "--email", "r@example.com", "--role", "reader"],
        "",
    )
    .ok();
    env.login_as("r", "r@example.com", ALICE_PW);
    let users = write(
        &env,
        "u.toml",
        "owner = \"ci\"\n[[users]]\nemail = \"x@example.com\"\n",
    );
    let settings = write(
        &env,
        "s.toml",
        "owner = \"ci\"\n[settings]\n\"session.idle\" = \"45m\"\n",
    );
    // Reading rights are enough to plan and check users; not to apply.
    env.as_session("r", &["apply", &users, "--check"], "")
        .code(13);
    env.as_session("r", &["apply", &users, "--dry-run"], "")
        .ok();
    env.as_session("r", &["apply", &users, "--no-email"], "")
        .code(5)
        .stderr_has("users.manage");
    // Settings need settings.read to be checked, settings.manage to be changed.
    env.as_session("r", &["apply", &settings, "--check"], "")
        .code(5)
        .stderr_has("settings.read");
    env.as_session("r", &["config", "get", "session.idle"], "")
        .code(5);
    env.run(&["roles", "allow", "reader", "settings.read"], "")
        .ok();
    env.as_session("r", &["config", "get", "session.idle"], "")
        .ok();
    env.as_session("r", &["apply", &settings, "--check"], "")
        .code(13);
    env.as_session("r", &["apply", &settings], "")
        .code(5)
        .stderr_has("settings.manage");
    // Identity providers need settings.manage even to be planned, as `idp show` does (a plan
    // would tell whether a secret in a file is the stored one); without it no provider is even
    // asked (a closed port would be exit 9).
    let port = crate::smtp_flows::closed_port();
    let idps = write(
        &env,
        "i.toml",
        &format!(
            "owner = \"ci\"\n[idps.corp]\nissuer = \"http://127.0.0.1:{port}\"\nclient_id = \"x\"\n"
        ),
    );
    env.as_session("r", &["apply", &idps, "--check"], "")
        .code(5)
        .stderr_has("settings.manage");
    env.as_session("r", &["apply", &idps], "")
        .code(5)
        .stderr_has("settings.manage");
    env.run(&["apply", &idps], "").code(9);
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email = 'x@example.com'"),
        0
    );
    assert_eq!(env.count("SELECT count(*) FROM identity_providers"), 0);
}

/// README's example file, as printed there, applies and then matches.
#[test]
fn the_readme_example_applies() {
    let env = Env::admin();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = &readme[readme.find("## Accounts as code").unwrap()..];
    let start = section.find("```toml\n").unwrap() + "```toml\n".len();
    let example = &section[start..start + section[start..].find("```").unwrap()];
    let file = write(&env, "readme.toml", example);
    env.run(&["apply", &file, "--no-email"], "")
        .ok()
        .stdout_has("Applied ci-accounts: 3 created, 2 changed");
    env.run(&["apply", &file, "--check"], "").ok();
    let alice = env
        .run(&["--json", "users", "show", "alice@example.com"], "")
        .ok()
        .json();
    assert_eq!(alice["attributes"]["team"], "support");
    assert_eq!(alice["valid_from"], "2026-12-01T00:00:00Z");
    // Bob's migrated hash works.
    env.run(
        &[
            "authenticate",
            "--email",
            "bob@example.com",
            "--password-stdin",
        ],
        "lettuce\n",
    )
    .ok();
}

#[test]
fn linked_identities_are_declared_exactly() {
    let env = Env::admin();
    // A provider as `idp add` stores it (adding one needs a provider that answers).
    env.exec(
        "INSERT INTO identity_providers (name, issuer, client_id, client_secret, scopes,
                                         allowed_domains, link_by, mfa_by_amr, created_at)
         VALUES ('corp', 'https://sso.example.com', 'useradm', NULL, 'openid email', '',
                 'none', 0, 1)",
        &[],
    );
    let file = write(
        &env,
        "a.toml",
        "owner = \"ci\"\n[[users]]\nemail = \"alice@example.com\"\n\
         identities = [{ idp = \"corp\", subject = \"a-1\" }, { idp = \"corp\", subject = \"a-2\" }]\n",
    );
    env.run(&["apply", &file, "--dry-run"], "")
        .ok()
        .stdout_has("    identities: corp:a-1, corp:a-2");
    env.run(&["apply", &file, "--no-email"], "").ok();
    let links = || {
        env.rows("SELECT subject FROM identities ORDER BY subject", &[])
            .into_iter()
            .map(|r| r[0].text())
            .collect::<Vec<_>>()
    };
    assert_eq!(links(), ["a-1", "a-2"]);
    env.run(&["apply", &file, "--check"], "").ok();
    // Exact: one left out is unlinked, one added is linked.
    write(
        &env,
        "a.toml",
        "owner = \"ci\"\n[[users]]\nemail = \"alice@example.com\"\n\
         identities = [{ idp = \"corp\", subject = \"a-3\" }, { idp = \"corp\", subject = \"a-2\" }]\n",
    );
    env.run(&["apply", &file, "--dry-run"], "")
        .ok()
        .stdout_has("    identities: corp:a-1, corp:a-2 -> corp:a-2, corp:a-3");
    env.run(&["apply", &file], "").ok();
    assert_eq!(links(), ["a-2", "a-3"]);
    assert_eq!(
        env.count("SELECT count(*) FROM audit_events WHERE event = 'identity.unlinked'"),
        1
    );
    // An unknown provider, or an identity another account holds, changes nothing.
    let bad = write(
        &env,
        "b.toml",
        "owner = \"ci\"\n[[users]]\nemail = \"alice@example.com\"\n\
         identities = [{ idp = \"other\", subject = \"x\" }]\n",
    );
    env.run(&["apply", &bad], "")
        .code(2)
        .stderr_has("no identity provider named \"other\"");
    let taken = write(
        &env,
        "c.toml",
        "owner = \"ci\"\n[[users]]\nemail = \"bob@example.com\"\n\
         identities = [{ idp = \"corp\", subject = \"a-2\" }]\n",
    );
    env.run(&["apply", &taken, "--no-email"], "")
        .code(6)
        .stderr_has("linked to an account already");
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE email = 'bob@example.com'"),
        0
    );
    assert_eq!(links(), ["a-2", "a-3"]);
}

#[test]
fn must_change_and_moving_an_identity() {
    let env = Env::admin();
    env.register_verified(ALICE, ALICE_PW);
    // must_change on an existing account needs no hash; on a new one it does.
    let file = write(
        &env,
        "a.toml",
        "owner = \"ci\"\n[[users]]\nemail = \"alice@example.com\"\nmust_change = true\n",
    );
    env.run(&["apply", &file, "--adopt"], "").ok();
    assert_eq!(
        env.int(
            "SELECT must_change_password FROM users WHERE email = 'alice@example.com'",
            &[]
        ),
        1
    );
    let new = write(
        &env,
        "n.toml",
        "owner = \"ci\"\n[[users]]\nemail = \"new@example.com\"\nmust_change = true\n",
    );
    env.run(&["apply", &new], "")
        .code(2)
        .stderr_has("needs a password_hash for a new account");

    // An identity moves from one account to another in one apply.
    env.exec(
        "INSERT INTO identity_providers (name, issuer, client_id, client_secret, scopes,
                                         allowed_domains, link_by, mfa_by_amr, created_at)
         VALUES ('corp', 'https://sso.example.com', 'useradm', NULL, 'openid', '', 'none', 0, 1)",
        &[],
    );
    let two = |a: &str, b: &str| {
        format!(
            "owner = \"ci\"\n[[users]]\nemail = \"alice@example.com\"\nidentities = [{a}]\n\
             [[users]]\nemail = \"bob@example.com\"\nidentities = [{b}]\n"
        )
    };
    let id = "{ idp = \"corp\", subject = \"s-1\" }";
    let file = write(&env, "m.toml", &two(id, ""));
    env.run(&["apply", &file, "--no-email"], "").ok();
    write(&env, "m.toml", &two("", id));
    env.run(&["apply", &file], "").ok();
    assert_eq!(
        env.text(
            "SELECT u.email FROM identities i JOIN users u ON u.id = i.user_id",
            &[]
        ),
        "bob@example.com"
    );
    // Given to both: refused before anything is written.
    write(&env, "m.toml", &two(id, id));
    env.run(&["apply", &file], "")
        .code(2)
        .stderr_has("is also given to users[1]");
}
