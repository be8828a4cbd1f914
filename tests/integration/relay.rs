//! A company mail relay: aiosmtpd (a real SMTP server, from Debian's python3-aiosmtpd) on
//! 127.0.0.1 that requires STARTTLS with a certificate of a private CA made here by `openssl`,
//! and AUTH. The CA is trusted through the setting `mail.smtp_ca`, the file
//! `USERADM_SMTP_CA_FILE`, or the system's store; the last is tested through `SSL_CERT_FILE` in
//! the child's environment, so the machine's own store is never touched.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::util::*;

const RELAY_USER: &str = "mailer";
const RELAY_PASSWORD: &str = "relay-Secret-5521";

/// The system Python that Debian's python3-aiosmtpd installs into.
const SYSTEM_PYTHON: &str = "/usr/bin/python3";

struct Relay {
    child: Child,
    port: u16,
    inbox: PathBuf,
    ca: PathBuf,
}

impl Drop for Relay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A private CA, and the relay's certificate for 127.0.0.1 signed by it, in `dir/relay-tls`.
fn make_certificates(dir: &Path) -> PathBuf {
    let tls = dir.join("relay-tls");
    std::fs::create_dir_all(&tls).unwrap();
    openssl(
        &tls,
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=useradm test CA",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
    );
    openssl(
        &tls,
        &[
            "req",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "relay.key",
            "-out",
            "relay.csr",
            "-subj",
            "/CN=127.0.0.1",
        ],
    );
    std::fs::write(
        tls.join("relay.ext"),
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n\
             keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    openssl(
        &tls,
        &[
            "x509",
            "-req",
            "-in",
            "relay.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "relay.pem",
            "-days",
            "2",
            "-extfile",
            "relay.ext",
        ],
    );
    tls
}

impl Relay {
    /// Starts the relay, or `None` (said on stderr) where aiosmtpd or openssl is missing.
    fn start(dir: &Path) -> Option<Relay> {
        let have_aiosmtpd = Command::new(SYSTEM_PYTHON)
            .args(["-c", "import aiosmtpd"])
            .status()
            .is_ok_and(|s| s.success());
        let have_openssl = Command::new("openssl").arg("version").status().is_ok();
        if !have_aiosmtpd || !have_openssl {
            eprintln!(
                "skipped: python3-aiosmtpd or openssl is not installed (.ci/run installs them)"
            );
            return None;
        }
        let tls = make_certificates(dir);
        let inbox = dir.join("relay-inbox");
        std::fs::create_dir_all(&inbox).unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/smtp_relay.py");
        let mut child = Command::new(SYSTEM_PYTHON)
            .arg(script)
            .arg(port.to_string())
            .arg(tls.join("relay.pem"))
            .arg(tls.join("relay.key"))
            .args([RELAY_USER, RELAY_PASSWORD])
            .arg(&inbox)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            // The refused handshakes are the relay's to log, not the test output's.
            .stderr(std::fs::File::create(dir.join("relay.log")).unwrap())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "ready", "the relay did not start");
        Some(Relay {
            child,
            port,
            inbox,
            ca: tls.join("ca.pem"),
        })
    }

    fn received(&self) -> Vec<String> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&self.inbox)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    }
}

#[test]
fn mail_goes_through_a_relay_with_a_private_ca_and_auth() {
    let env = Env::admin();
    let Some(relay) = Relay::start(env.path()) else {
        return;
    };
    let ca = relay.ca.to_str().unwrap();
    env.config_set(
        "mail.smtp_url",
        &format!("smtp://{RELAY_USER}@127.0.0.1:{}?tls=required", relay.port),
    );
    env.run(
        &["config", "set", "mail.smtp_password", "--value-stdin"],
        &format!("{RELAY_PASSWORD}\n"),
    )
    .ok();
    let mut n = 0;
    let mut register = |vars: &[(&str, &str)]| {
        n += 1;
        env.run_env(
            vars,
            &[
                "register",
                "--email",
                &format!("user{n}@example.com"),
                "--password-stdin",
            ],
            &format!("{ALICE_PW}\n"),
        )
    };

    // Not trusted: refused, as it should be; the account is made and the code can be resent.
    register(&[]).code(9).stderr_has("certificate");
    assert!(relay.received().is_empty());

    // The setting: every host of a shared store trusts the same CA.
    let pem = std::fs::read_to_string(&relay.ca).unwrap();
    env.run(&["config", "set", "mail.smtp_ca", "--value-stdin"], &pem)
        .ok();
    let shown = env.run(&["config", "get", "mail.smtp_ca"], "").ok();
    shown.stdout_has("PEM, 1 certificate(s): sha256:");
    register(&[]).ok().stderr_has("sent through 127.0.0.1");
    assert_eq!(relay.received().len(), 1);
    assert!(relay.received()[0].contains("Message-ID: <"));

    // The file, on one host.
    env.run(&["config", "set", "mail.smtp_ca", ""], "").ok();
    register(&[]).code(9);
    register(&[("USERADM_SMTP_CA_FILE", ca)]).ok();
    assert_eq!(relay.received().len(), 2);

    // The system's store, as `update-ca-certificates` would make it.
    register(&[("SSL_CERT_FILE", ca)]).ok();
    assert_eq!(relay.received().len(), 3);

    // Through a privileged wrapper the caller's choice of CA is ignored.
    let sudo_uid = (nix::unistd::getuid().as_raw() + 4242).to_string();
    let db = env.db_arg();
    let run = env
        .run_env(
            &[
                ("SUDO_UID", &sudo_uid),
                ("SSL_CERT_FILE", ca),
                ("USERADM_SMTP_CA_FILE", ca),
            ],
            &[
                "--db",
                &db,
                "register",
                "--email",
                "sudo@example.com",
                "--password-stdin",
            ],
            &format!("{ALICE_PW}\n"),
        )
        .code(9);
    run.stderr_has("USERADM_SMTP_CA_FILE");
    assert_eq!(relay.received().len(), 3);
}

#[test]
fn a_ca_setting_that_is_not_pem_is_refused_without_being_echoed() {
    let env = Env::admin();
    for bad in [
        "root:$6$sEcReT$hash:19000:0:99999:7:::\n",
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n",
    ] {
        let run = env
            .run(&["config", "set", "mail.smtp_ca", "--value-stdin"], bad)
            .code(2);
        assert!(
            !run.stderr.contains("sEcReT") && !run.stderr.contains("MC4CAQAw"),
            "{run:?}"
        );
        run.stderr_has("expected PEM certificates");
    }
    assert_eq!(
        env.run(&["config", "get", "mail.smtp_ca"], "")
            .ok()
            .stdout
            .trim(),
        ""
    );
}
