//! OpenID Connect on the wire, and only that: discovery, the device authorization grant (RFC
//! 8628) and the ID token's verification, through the `openidconnect` crate (no hand-written JWT
//! code). What an identity may do here is the library's (`accounts::sso`).
//!
//! Every call discovers again, JWKS included: a person is waiting anyway, and no key is ever
//! kept where a caller could plant one. HTTPS is required but on loopback; redirects are not
//! followed; the trust roots are the mail relay's (the system's store and the private CA).

use std::sync::Arc;
use std::time::Duration;

use openidconnect::core::{
    CoreAuthDisplay, CoreClaimName, CoreClaimType, CoreClient, CoreClientAuthMethod,
    CoreDeviceAuthorizationResponse, CoreGrantType, CoreJsonWebKey,
    CoreJweContentEncryptionAlgorithm, CoreJweKeyManagementAlgorithm, CoreResponseMode,
    CoreResponseType, CoreSubjectIdentifierType,
};
use openidconnect::{
    AdditionalProviderMetadata, AuthType, ClientId, ClientSecret, DeviceAuthorizationUrl,
    EndpointMaybeSet, EndpointNotSet, EndpointSet, IssuerUrl, Nonce, ProviderMetadata, Scope,
};
use rustls::pki_types::CertificateDer;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How long one HTTP exchange with the provider may take.
const HTTP_TIMEOUT: Duration = Duration::from_secs(15);
/// The most of a provider's answer that is read: discovery documents, key sets and token
/// answers are a few KiB, and a provider that sends more is not read into memory.
const MAX_ANSWER: u64 = 1024 * 1024;
/// The clock skew allowed on `iat` and `exp`.
const SKEW: Duration = Duration::from_secs(60);

#[derive(Clone, Debug, Deserialize, Serialize)]
struct DeviceEndpoint {
    device_authorization_endpoint: DeviceAuthorizationUrl,
}
impl AdditionalProviderMetadata for DeviceEndpoint {}

type DeviceProviderMetadata = ProviderMetadata<
    DeviceEndpoint,
    CoreAuthDisplay,
    CoreClientAuthMethod,
    CoreClaimName,
    CoreClaimType,
    CoreGrantType,
    CoreJweContentEncryptionAlgorithm,
    CoreJweKeyManagementAlgorithm,
    CoreJsonWebKey,
    CoreResponseMode,
    CoreResponseType,
    CoreSubjectIdentifierType,
>;

type DeviceClient = CoreClient<
    EndpointSet,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// Who the client is at a provider.
pub struct ClientSettings<'a> {
    pub issuer: &'a str,
    pub client_id: &'a str,
    pub client_secret: Option<&'a str>,
    pub scopes: &'a [String],
}

/// The HTTP client: the given roots, no redirects, a timeout. Its exchange with `openidconnect`
/// is written here rather than taken from the crate's `ureq` feature, which reads every 4xx
/// answer as a network failure and retries it: a denied or expired device code then waited out
/// the whole code lifetime.
pub struct Http {
    agent: ureq::Agent,
}

type HttpError = openidconnect::HttpClientError<ureq::Error>;

impl openidconnect::SyncHttpClient for Http {
    type Error = HttpError;

    fn call(
        &self,
        request: openidconnect::HttpRequest,
    ) -> std::result::Result<openidconnect::HttpResponse, HttpError> {
        let uri = request.uri().to_string();
        let post = request.method() == openidconnect::http::Method::POST;
        let mut req = match post {
            true => self.agent.post(&uri),
            false => self.agent.get(&uri),
        };
        for (name, value) in request.headers() {
            let value = value
                .to_str()
                .map_err(|_| HttpError::Other(format!("a header {name} that is not text")))?;
            req = req.set(name.as_str(), value);
        }
        let sent = match post {
            true => req.send_bytes(request.body()),
            false => req.call(),
        };
        let response = match sent {
            Ok(r) => r,
            // An error status is the provider's answer (`authorization_pending`, `access_denied`).
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => return Err(HttpError::Reqwest(Box::new(e))),
        };
        let mut builder = openidconnect::http::Response::builder().status(response.status());
        if let Some(kind) = response.header("content-type") {
            builder = builder.header("content-type", kind);
        }
        let mut body = Vec::new();
        let mut reader = std::io::Read::take(response.into_reader(), MAX_ANSWER + 1);
        std::io::Read::read_to_end(&mut reader, &mut body)?;
        if body.len() as u64 > MAX_ANSWER {
            return Err(HttpError::Other(format!(
                "{uri} answered with more than {} MiB",
                MAX_ANSWER >> 20
            )));
        }
        builder.body(body).map_err(HttpError::Http)
    }
}

impl Http {
    pub fn new(roots: &[CertificateDer<'static>]) -> Result<Http> {
        let mut store = rustls::RootCertStore::empty();
        store.add_parsable_certificates(roots.iter().cloned());
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let tls = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::internal(format!("TLS: {e}")))?
            .with_root_certificates(store)
            .with_no_client_auth();
        let agent = ureq::AgentBuilder::new()
            .tls_config(Arc::new(tls))
            .redirects(0)
            .timeout(HTTP_TIMEOUT)
            .build();
        Ok(Http { agent })
    }
}

/// Exit 2 unless the issuer is an `https` URL, or `http` on a loopback address.
pub fn check_issuer(issuer: &str) -> Result<IssuerUrl> {
    let url = IssuerUrl::new(issuer.to_string())
        .map_err(|e| Error::usage(format!("the issuer {issuer:?} is not a URL: {e}")))?;
    let parsed = url.url();
    let loopback = matches!(parsed.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
    match parsed.scheme() {
        "https" => Ok(url),
        "http" if loopback => Ok(url),
        _ => Err(Error::usage(format!(
            "the issuer {issuer} must be an https URL (http only on 127.0.0.1, ::1 or localhost)"
        ))),
    }
}

/// A provider that cannot be reached or answers wrongly: exit 9, as a mail relay's failure is
/// (a service beyond the store).
fn unreachable(what: &str, e: impl std::fmt::Display) -> Error {
    Error::MailFailed(format!("the identity provider: {what}: {e}"))
}

/// The provider's discovery document, checked: it must offer the device authorization grant.
fn discover(http: &Http, issuer: &str) -> Result<DeviceProviderMetadata> {
    let url = check_issuer(issuer)?;
    DeviceProviderMetadata::discover(&url, http).map_err(|e| {
        let mut text = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            text.push_str(&format!(": {s}"));
            source = s.source();
        }
        unreachable(&format!("discovery at {issuer}"), text)
    })
}

/// Exit 9 unless the issuer's discovery works and advertises a device authorization endpoint
/// (the document's type requires one).
pub fn probe(http: &Http, issuer: &str) -> Result<()> {
    discover(http, issuer).map(|_| ())
}

fn client(http: &Http, settings: &ClientSettings<'_>) -> Result<DeviceClient> {
    let metadata = discover(http, settings.issuer)?;
    let device = metadata
        .additional_metadata()
        .device_authorization_endpoint
        .clone();
    let secret = settings
        .client_secret
        .map(|s| ClientSecret::new(s.to_string()));
    let basic = secret.is_some();
    let client = CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(settings.client_id.to_string()),
        secret,
    )
    .set_device_authorization_url(device);
    Ok(match basic {
        true => client.set_auth_type(AuthType::BasicAuth),
        false => client.set_auth_type(AuthType::RequestBody),
    })
}

/// A device authorization in progress: what the person is shown, and what the poll needs.
pub struct Started {
    client: DeviceClient,
    details: CoreDeviceAuthorizationResponse,
}

impl Started {
    pub fn verification_uri(&self) -> String {
        self.details.verification_uri().to_string()
    }

    pub fn verification_uri_complete(&self) -> Option<String> {
        self.details
            .verification_uri_complete()
            .map(|u| u.secret().to_string())
    }

    pub fn user_code(&self) -> String {
        self.details.user_code().secret().to_string()
    }

    pub fn expires_in(&self) -> Duration {
        self.details.expires_in()
    }
}

/// Starts the device authorization grant.
pub fn start(http: &Http, settings: &ClientSettings<'_>) -> Result<Started> {
    let client = client(http, settings)?;
    let mut request = client
        .exchange_device_code()
        .add_scope(Scope::new("openid".into()));
    for s in settings.scopes.iter().filter(|s| *s != "openid") {
        request = request.add_scope(Scope::new(s.clone()));
    }
    let details: CoreDeviceAuthorizationResponse = request
        .request(http)
        .map_err(|e| unreachable("the device authorization request", e))?;
    Ok(Started { client, details })
}

/// What a verified ID token says about the person.
#[derive(Debug, Clone)]
pub struct Identity {
    pub issuer: String,
    pub subject: String,
    pub email: Option<String>,
    /// A missing claim is false: some providers let users set an unverified `email`.
    pub email_verified: bool,
    /// How the provider authenticated them (`amr`), and the class (`acr`).
    pub amr: Vec<String>,
    pub acr: Option<String>,
    /// Google's `hd`: the Workspace domain an account belongs to (none for a personal account).
    pub hosted_domain: Option<String>,
}

/// Polls at the provider's interval (`slow_down` honoured) until the person approves, denies,
/// or the code expires; then verifies the ID token: its signature against the provider's JWKS,
/// `iss`, `aud`, `exp` and `iat` within a small skew.
pub fn finish(http: &Http, started: Started) -> Result<Identity> {
    let expires = started.expires_in();
    let token = started
        .client
        .exchange_device_access_token(&started.details)
        .map_err(|e| Error::internal(format!("the device code: {e}")))?
        .request(http, std::thread::sleep, Some(expires))
        .map_err(|e| match &e {
            openidconnect::RequestTokenError::ServerResponse(r) => {
                let kind = r.error().to_string();
                match kind.as_str() {
                    "access_denied" => {
                        Error::AuthFailed("the sign-in was denied at the identity provider".into())
                    }
                    "expired_token" => Error::AuthFailed(
                        "the code expired before the sign-in was approved: run the login again"
                            .into(),
                    ),
                    _ => Error::AuthFailed(format!(
                        "the identity provider refused the sign-in: {kind}"
                    )),
                }
            }
            _ => unreachable("the token request", e),
        })?;
    let id_token = token.extra_fields().id_token().ok_or_else(|| {
        Error::AuthFailed(
            "the identity provider sent no ID token (is `openid` in its scopes?)".into(),
        )
    })?;
    let skew = chrono::Duration::from_std(SKEW).unwrap_or_default();
    let verifier = started
        .client
        .id_token_verifier()
        // `exp` is checked against a clock set back by the skew; `iat` may not be ahead of it.
        .set_time_fn(move || chrono::Utc::now() - skew)
        .set_issue_time_verifier_fn(move |iat| match iat <= chrono::Utc::now() + skew {
            true => Ok(()),
            false => Err("the ID token is issued in the future".into()),
        });
    let claims = id_token
        .claims(&verifier, |_: Option<&Nonce>| Ok(()))
        .map_err(|e| Error::AuthFailed(format!("the ID token does not verify: {e}")))?;
    Ok(Identity {
        issuer: claims.issuer().to_string(),
        subject: claims.subject().to_string(),
        email: claims.email().map(|e| e.to_string()),
        email_verified: claims.email_verified().unwrap_or(false),
        amr: claims
            .auth_method_refs()
            .map(|v| v.iter().map(|a| a.to_string()).collect())
            .unwrap_or_default(),
        acr: claims.auth_context_ref().map(|a| a.to_string()),
        hosted_domain: payload_claim(&id_token.to_string(), "hd"),
    })
}

/// A claim outside the standard set (Google's `hd`) from the payload of a token the crate has
/// verified already; the crate's claim types have no place for it.
fn payload_claim(token: &str, name: &str) -> Option<String> {
    use base64::Engine;
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .ok()?;
    let json: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    json.get(name)?.as_str().map(String::from)
}
