//! The one place for mail: the message texts, the SMTP transport (lettre, blocking, 10 s timeout)
//! and the outbox that stands in for a server so a newcomer can try every flow without one.
//! Header values are never built from unchecked input: recipients are validated addresses, and
//! names never reach a header.

use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use lettre::Transport as _;
use lettre::message::Mailbox;
use lettre::message::header::{ContentType, MIME_VERSION_1_0};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, CertificateStore, Tls, TlsParameters};
use lettre::{Address, Message, SmtpTransport};

use crate::codes::{self, Purpose};
use crate::error::{Error, Result};
use crate::files::Sharing;
use crate::settings::MailSettings;

const SMTP_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TlsMode {
    /// Plain text: only on loopback, or when the URL says `tls=none`.
    None,
    Opportunistic,
    /// STARTTLS required: the default for a remote `smtp://` server.
    Required,
    /// `smtps://`: TLS from the first byte.
    Wrapper,
}

/// Where to send mail, parsed from `mail.smtp_url` or `USERADM_SMTP_URL`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SmtpTarget {
    pub host: String,
    pub port: u16,
    pub user: Option<String>,
    pub tls: TlsMode,
}

impl SmtpTarget {
    pub fn parse(text: &str) -> std::result::Result<SmtpTarget, String> {
        let url = url::Url::parse(text).map_err(|e| format!("not a URL ({e})"))?;
        if url.password().is_some() {
            return Err(
                "the URL must not hold a password: use USERADM_SMTP_PASSWORD_FILE or \
                        `useradm config set mail.smtp_password --value-stdin`"
                    .into(),
            );
        }
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or("the URL has no host")?;
        let host = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let loopback = host == "localhost"
            || host
                .parse::<std::net::IpAddr>()
                .map(|ip| ip.is_loopback())
                .unwrap_or(false);
        let asked = url
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.into_owned());
        let (tls, default_port) = match (url.scheme(), asked.as_deref()) {
            ("smtps", None) => (TlsMode::Wrapper, 465),
            ("smtps", Some(_)) => {
                return Err("smtps:// always uses TLS; drop the tls parameter".into());
            }
            ("smtp", Some("required")) => (TlsMode::Required, 587),
            ("smtp", Some("opportunistic")) => (TlsMode::Opportunistic, 587),
            ("smtp", Some("none")) => (TlsMode::None, 25),
            ("smtp", None) if loopback => (TlsMode::None, 25),
            ("smtp", None) => (TlsMode::Required, 587),
            ("smtp", Some(other)) => {
                return Err(format!(
                    "tls={other}: expected required, opportunistic or none"
                ));
            }
            (other, _) => return Err(format!("scheme {other}:// is not smtp:// or smtps://")),
        };
        let user = (!url.username().is_empty()).then(|| percent_decode(url.username()));
        Ok(SmtpTarget {
            host,
            port: url.port().unwrap_or(default_port),
            user,
            tls,
        })
    }

    pub fn describe(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

/// The user name of a URL as the server must see it: `%40` is `@`, and `+` stays a plus.
fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// How to send mail, resolved from the environment and the settings when a message is asked
/// for. It holds no secret, only where the SMTP password comes from, so a message can wait in
/// the queue with the transport its request chose (a retry never uses the retrier's environment).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Transport {
    pub smtp: Option<SmtpTarget>,
    pub smtp_password: PasswordFrom,
    pub from: String,
    pub outbox: PathBuf,
    pub outbox_sharing: Sharing,
    pub verify_url: String,
    pub reset_url: String,
    pub invite_url: String,
    /// Where a private CA for the relay comes from, beside the system's store.
    #[serde(default)]
    pub smtp_ca: CaFrom,
}

/// Where a private CA for the relay comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CaFrom {
    /// The setting `mail.smtp_ca` (none where it is empty).
    #[default]
    Setting,
    /// This PEM file (`USERADM_SMTP_CA_FILE`).
    File(PathBuf),
}

/// Where the SMTP password comes from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PasswordFrom {
    Nowhere,
    /// The setting `mail.smtp_password`.
    Setting,
    /// The first line of this file (`USERADM_SMTP_PASSWORD_FILE`).
    File(PathBuf),
}

impl Transport {
    /// The mailer: the transport with its password and its private CA, read now from where
    /// they come from.
    pub fn resolve(&self, settings: &MailSettings) -> Result<MailConfig> {
        let smtp_password = match &self.smtp_password {
            PasswordFrom::Nowhere => None,
            PasswordFrom::Setting => Some(settings.smtp_password.clone()),
            PasswordFrom::File(path) => Some(read_password_file(path)?),
        };
        // Which roots to trust is the sending process's own choice, never the queue's: under a
        // privileged invocation the environment's store and CA file are not the caller's to pick.
        let trust_env_roots = crate::context::privileged_invocation().is_none();
        let ca_from = match &self.smtp_ca {
            CaFrom::File(_) if !trust_env_roots => &CaFrom::Setting,
            other => other,
        };
        let private_ca = match ca_from {
            CaFrom::Setting if settings.smtp_ca.is_empty() => Vec::new(),
            CaFrom::Setting => crate::tls::pem_certificates(settings.smtp_ca.as_bytes())
                .map_err(|why| Error::usage(format!("the setting mail.smtp_ca: {why}")))?,
            CaFrom::File(path) => {
                let pem = std::fs::read(path).map_err(|e| {
                    Error::usage(format!(
                        "cannot read USERADM_SMTP_CA_FILE {}: {e}",
                        path.display()
                    ))
                })?;
                crate::tls::pem_certificates(&pem).map_err(|why| {
                    Error::usage(format!("USERADM_SMTP_CA_FILE {}: {why}", path.display()))
                })?
            }
        };
        Ok(MailConfig {
            transport: self.clone(),
            smtp_password,
            private_ca,
            trust_env_roots,
        })
    }
}

fn read_password_file(path: &Path) -> Result<String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::usage(format!(
            "cannot read USERADM_SMTP_PASSWORD_FILE {}: {e}",
            path.display()
        ))
    })?;
    Ok(text.lines().next().unwrap_or_default().to_string())
}

/// Everything the mailer needs: the transport and its password.
#[derive(Debug, Clone)]
pub struct MailConfig {
    pub transport: Transport,
    smtp_password: Option<String>,
    private_ca: Vec<rustls::pki_types::CertificateDer<'static>>,
    /// Whether `SSL_CERT_FILE`/`SSL_CERT_DIR` may name the system's store.
    trust_env_roots: bool,
}

impl MailConfig {
    /// The roots a TLS connection of this store trusts: the system's store and the private CA
    /// (the relay's, and the identity providers').
    pub fn trust_roots(&self) -> Vec<rustls::pki_types::CertificateDer<'static>> {
        let mut roots = crate::tls::system_roots(self.trust_env_roots);
        roots.extend(self.private_ca.iter().cloned());
        roots
    }
}

impl std::ops::Deref for MailConfig {
    type Target = Transport;
    fn deref(&self) -> &Transport {
        &self.transport
    }
}

/// How a message left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    Outbox(PathBuf),
    Smtp(String),
}

impl Delivery {
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Delivery::Outbox(p) => {
                serde_json::json!({ "via": "outbox", "path": p.display().to_string() })
            }
            Delivery::Smtp(server) => serde_json::json!({ "via": "smtp", "server": server }),
        }
    }
}

/// A message carrying a one-time code.
#[derive(Debug)]
pub struct CodeMail<'a> {
    pub to: &'a str,
    pub purpose: Purpose,
    pub code: &'a str,
    pub ttl_secs: i64,
}

pub fn default_from() -> String {
    let host = hostname_for_mail();
    format!("useradm@{host}")
}

fn hostname_for_mail() -> String {
    nix::unistd::gethostname()
        .ok()
        .and_then(|h| h.into_string().ok())
        .filter(|h| crate::validate::parse_email(&format!("useradm@{h}")).is_ok())
        .unwrap_or_else(|| "localhost".to_string())
}

fn mailbox(address: &str) -> Result<Mailbox> {
    let email = crate::validate::parse_email(address)?;
    let (local, _) = email.address.rsplit_once('@').unwrap_or_default();
    let (_, domain) = email.canonical.rsplit_once('@').unwrap_or_default();
    let addr = Address::new(local, domain)
        .map_err(|e| Error::MailFailed(format!("cannot send mail to {address}: {e}")))?;
    Ok(Mailbox::new(None, addr))
}

fn link(template: &str, email: &str, code: &str) -> Option<String> {
    if template.is_empty() {
        return None;
    }
    let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    Some(
        template
            .replace("{email}", &enc(email))
            .replace("{code}", &enc(code)),
    )
}

fn code_text(cfg: &MailConfig, m: &CodeMail<'_>) -> (String, String) {
    let shown = codes::display(m.code);
    let lasts = crate::clock::duration_words(m.ttl_secs);
    let (subject, what, command, template) = match m.purpose {
        Purpose::Verify => (
            "Confirm your email address",
            format!("Your code to confirm the email address\n{}\nis:", m.to),
            format!("useradm verify --email {}", m.to),
            &cfg.verify_url,
        ),
        Purpose::Reset => (
            "Reset your password",
            format!("Your code to set a new password for\n{}\nis:", m.to),
            format!("useradm reset --email {} --confirm", m.to),
            &cfg.reset_url,
        ),
        Purpose::Invite => (
            "You are invited",
            format!(
                "An account was made for you:\n{}\nChoose its password with this code:",
                m.to
            ),
            format!("useradm reset --email {} --confirm", m.to),
            &cfg.invite_url,
        ),
        Purpose::EmailChange => (
            "Confirm your new email address",
            format!("Your code to confirm the new email address\n{}\nis:", m.to),
            format!("useradm verify --email {}", m.to),
            &cfg.verify_url,
        ),
    };
    let mut body = format!(
        "{what}\n\n    {shown}\n\nIt lasts {lasts} and works once. Enter it when this command asks for it:\n\n    {command}\n"
    );
    if let Some(url) = link(template, m.to, m.code) {
        body.push_str(&format!("\nor open:\n\n    {url}\n"));
    }
    body.push_str(match m.purpose {
        Purpose::Invite => {
            "\nIf you did not expect an invitation, ignore this message:\nthe account cannot be used without the code.\n"
        }
        _ => "\nIf you did not ask for this, ignore this message:\nnothing changes without the code.\n",
    });
    (subject.to_string(), body)
}

/// Sends a code message; a failure is exit 9 and the caller says how to resend.
pub fn send_code(cfg: &MailConfig, m: &CodeMail<'_>) -> Result<Delivery> {
    let (subject, body) = code_text(cfg, m);
    send(cfg, m.to, &subject, body, m.purpose.as_str())
}

/// What a security notice tells (`accounts::notices`): stored as JSON in the mail queue.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SecurityNotice {
    /// Its `notify.events` kind.
    pub kind: String,
    /// The audit event that called for it.
    pub event: String,
    pub at: i64,
    /// Who acted (an email), if anyone.
    pub by: Option<String>,
    /// Whether who acted is the account itself.
    pub by_the_account: bool,
    /// The account it is about, as the event named it.
    pub about: String,
    /// Where the change was made: host name and OS user of the process.
    pub host: String,
    pub os_user: String,
    /// The event's detail (never a secret).
    pub detail: serde_json::Value,
}

/// The subject and body of a security notice to `to`.
fn notice_text(to: &str, n: &SecurityNotice) -> (String, String) {
    let field = |key: &str| n.detail[key].as_str().unwrap_or("?").to_string();
    let mut by = match n.by.as_deref() {
        Some(_) if n.by_the_account => "this account".to_string(),
        Some(by) => format!("{by}, an administrator"),
        None => "the tool itself".to_string(),
    };
    if let Some(token) = n.detail["credential"]["token"]["name"].as_str() {
        by.push_str(&format!(" (through the API token {token})"));
    }
    let (subject, what) = match n.event.as_str() {
        "password.changed" => (
            "Your password was changed".to_string(),
            format!("The password of the account {to} was changed."),
        ),
        "reset.completed" => (
            "Your password was reset".to_string(),
            format!("The password of the account {to} was reset with a code mailed to it."),
        ),
        "password.set" => (
            "A new password was set for your account".to_string(),
            format!("A new password was set for the account {to}; its sessions ended."),
        ),
        "email.change_requested" => (
            "Your email address is being changed".to_string(),
            format!(
                "A change of the email address of your account from\n{to}\nto\n{}\nwas \
                 requested. It takes effect only when the new address\nconfirms it; until then \
                 this address keeps working.",
                field("new_email")
            ),
        ),
        "email.changed" => (
            "The email address of your account was changed".to_string(),
            format!(
                "The email address of an account was changed from\n{}\nto\n{}.",
                field("from"),
                field("to")
            ),
        ),
        "mfa.enabled" => (
            "A second factor was added to your account".to_string(),
            format!("An authenticator app was enrolled as the second factor of {to}."),
        ),
        "mfa.disabled" | "mfa.reset" => (
            "The second factor of your account was removed".to_string(),
            format!("The second factor of {to} was removed: a password alone logs in now."),
        ),
        "mfa.recovery_codes_regenerated" => (
            "New recovery codes were made for your account".to_string(),
            format!("New recovery codes were made for {to}; the old ones no longer work."),
        ),
        "token.created" => (
            "A new API token for your account".to_string(),
            format!(
                "An API token named {} ({}) was created for\n{to}.\nIt acts as this account \
                 until it expires or is revoked:\n\n    useradm tokens revoke {}",
                field("name"),
                field("token"),
                field("token")
            ),
        ),
        "user.disabled" => (
            "Your account was disabled".to_string(),
            format!(
                "The account {to} was disabled: its sessions ended and its API tokens stopped."
            ),
        ),
        "login.new_source" => (
            "A login from a new place".to_string(),
            format!("The account {to} logged in from a host or OS user it had not used before."),
        ),
        _ => (
            "A change to your account".to_string(),
            format!("Your account {to} changed ({}).", n.event),
        ),
    };
    let when = crate::clock::rfc3339(n.at);
    let body = format!(
        "{what}\n\nWhen:  {when}\nBy:    {by}\nWhere: host {}, OS user {}\n\nIf you expected \
         this, nothing needs doing. If not, tell your\nadministrator at once.\n\nThis notice \
         is sent for every such change (setting notify.events).\n",
        n.host, n.os_user
    );
    (subject, body)
}

/// Sends a security notice; a failure is the deliverer's to record, never a command's.
pub fn send_notice(cfg: &MailConfig, to: &str, notice: &SecurityNotice) -> Result<Delivery> {
    let (subject, body) = notice_text(to, notice);
    send(cfg, to, &subject, body, "security")
}

/// Tells the owner of an API token that it stops working soon: its name and id, never the
/// token itself.
pub fn send_token_expiry_notice(
    cfg: &MailConfig,
    to: &str,
    name: &str,
    id: &str,
    ends: &str,
) -> Result<Delivery> {
    let body = format!(
        "Your API token {name} ({id}) stops working at {ends}.\n\nMake a new one before then \
         (`useradm tokens create --name ... --permission ...`),\ngive it to what uses this one, \
         then revoke this one:\n\n    useradm tokens revoke {id}\n"
    );
    send(
        cfg,
        to,
        &format!("Your API token {name} expires soon"),
        body,
        "notice",
    )
}

fn send(cfg: &MailConfig, to: &str, subject: &str, body: String, tag: &str) -> Result<Delivery> {
    let from = if cfg.from.is_empty() {
        default_from()
    } else {
        cfg.from.clone()
    };
    let sender = mailbox(&from)?;
    // Random, at the sender's domain (RFC 5322 3.6.4): providers penalise mail without one.
    let message_id = format!(
        "<{}@{}>",
        crate::crypto::hex(&crate::crypto::random_bytes::<16>()?),
        sender.email.domain()
    );
    let message = Message::builder()
        .from(sender)
        .to(mailbox(to)?)
        .subject(subject)
        .message_id(Some(message_id))
        .header(MIME_VERSION_1_0)
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|e| Error::MailFailed(format!("cannot build the message to {to}: {e}")))?;
    match &cfg.smtp {
        None => write_outbox(&cfg.outbox, cfg.outbox_sharing, tag, &message.formatted())
            .map(Delivery::Outbox),
        Some(target) => send_smtp(cfg, target, &message)
            .map(|()| Delivery::Smtp(target.describe()))
            .map_err(|e| {
                Error::MailFailed(format!(
                    "could not deliver the message to {to} via {}: {e}",
                    target.describe()
                ))
            }),
    }
}

fn send_smtp(
    cfg: &MailConfig,
    target: &SmtpTarget,
    message: &Message,
) -> std::result::Result<(), String> {
    smtp_transport(cfg, target)?
        .send(message)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Whether the relay takes mail now, without sending any: it connects, says EHLO, starts TLS
/// where the URL asks for it (checking the certificate as a send would) and logs in where a user
/// is given. `Ok` names the relay; an error says why, never with a password. `None`: no relay.
pub fn test_relay(cfg: &MailConfig) -> Option<std::result::Result<String, String>> {
    let target = cfg.smtp.as_ref()?;
    let tested = smtp_transport(cfg, target).and_then(|t| {
        t.test_connection()
            .map_err(|e| e.to_string())
            .and_then(|alive| match alive {
                true => Ok(target.describe()),
                false => Err("the relay closed the connection".to_string()),
            })
    });
    Some(tested.map_err(|e| format!("{}: {e}", target.describe())))
}

/// The transport to the relay, as every send and the relay test build it.
fn smtp_transport(
    cfg: &MailConfig,
    target: &SmtpTarget,
) -> std::result::Result<SmtpTransport, String> {
    let password = cfg.smtp_password.as_deref();
    // The system's store and the private CA, never a compiled-in list: a company relay's CA is
    // trusted once `update-ca-certificates` (or `mail.smtp_ca`) has it.
    let params = || {
        let mut builder =
            TlsParameters::builder(target.host.clone()).certificate_store(CertificateStore::None);
        let roots = crate::tls::system_roots(cfg.trust_env_roots);
        for der in roots.iter().chain(&cfg.private_ca) {
            // A root the TLS library cannot take is skipped, as the system's loader does.
            if let Ok(cert) = Certificate::from_der(der.to_vec()) {
                builder = builder.add_root_certificate(cert);
            }
        }
        builder.build_rustls().map_err(|e| e.to_string())
    };
    let tls = match target.tls {
        TlsMode::None => Tls::None,
        TlsMode::Opportunistic => Tls::Opportunistic(params()?),
        TlsMode::Required => Tls::Required(params()?),
        TlsMode::Wrapper => Tls::Wrapper(params()?),
    };
    let mut builder = SmtpTransport::builder_dangerous(target.host.clone())
        .port(target.port)
        .timeout(Some(SMTP_TIMEOUT))
        .tls(tls);
    if let Some(user) = &target.user {
        builder = builder.credentials(Credentials::new(
            user.clone(),
            password.unwrap_or_default().to_string(),
        ));
    }
    Ok(builder.build())
}

fn write_outbox(dir: &Path, sharing: Sharing, tag: &str, bytes: &[u8]) -> Result<PathBuf> {
    let fail = |e: std::io::Error| {
        Error::MailFailed(format!("cannot write to the outbox {}: {e}", dir.display()))
    };
    if !dir.exists() {
        sharing.create_dirs(dir).map_err(fail)?;
    }
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let name = format!(
        "{millis}-{tag}-{}.eml",
        crate::crypto::hex(&crate::crypto::random_bytes::<4>()?)
    );
    let path = dir.join(name);
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(sharing.file_mode())
        .custom_flags(nix::libc::O_NOFOLLOW)
        .open(&path)
        .map_err(fail)?;
    sharing.apply_to_file(&path).map_err(fail)?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(fail)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls_parse_with_safe_tls_defaults() {
        let t = SmtpTarget::parse("smtp://127.0.0.1:2525").unwrap();
        assert_eq!((t.port, t.tls), (2525, TlsMode::None));
        let t = SmtpTarget::parse("smtp://mailer%40corp@mail.example.com").unwrap();
        assert_eq!(
            (t.port, t.tls, t.user.as_deref()),
            (587, TlsMode::Required, Some("mailer@corp"))
        );
        // A plus in a user name is a plus, not a space (form decoding would make it one).
        let t = SmtpTarget::parse("smtp://user+tag%40example.com@mail.example.com").unwrap();
        assert_eq!(t.user.as_deref(), Some("user+tag@example.com"));
        assert_eq!(
            SmtpTarget::parse("smtps://mail.example.com").unwrap().tls,
            TlsMode::Wrapper
        );
        assert_eq!(
            SmtpTarget::parse("smtp://mail.example.com?tls=none")
                .unwrap()
                .tls,
            TlsMode::None
        );
        assert!(SmtpTarget::parse("smtp://u:secret@mail.example.com").is_err());
        assert!(SmtpTarget::parse("http://mail.example.com").is_err());
        assert!(SmtpTarget::parse("smtp://mail.example.com?tls=maybe").is_err());
    }

    #[test]
    fn links_encode_their_values() {
        assert_eq!(
            link(
                "https://app.example/v?e={email}&c={code}",
                "a+b@c.com",
                "BCDFGHJK"
            )
            .unwrap(),
            "https://app.example/v?e=a%2Bb%40c.com&c=BCDFGHJK"
        );
        assert_eq!(link("", "a@b.com", "X"), None);
    }
}
