//! Which certificate authorities a TLS connection trusts, for the mail relay and the database
//! server alike: the operating system's store (what `update-ca-certificates` installs), and a
//! private CA given as PEM.

use rustls::pki_types::CertificateDer;

/// The operating system's trusted roots. `SSL_CERT_FILE` and `SSL_CERT_DIR` may replace them
/// only where `trust_env` is set: under a privileged invocation they come from a caller who may
/// not be trusted with that choice, and Debian's own paths are read instead.
pub fn system_roots(trust_env: bool) -> Vec<CertificateDer<'static>> {
    let found = if trust_env {
        rustls_native_certs::load_native_certs()
    } else {
        rustls_native_certs::load_certs_from_paths(
            Some(std::path::Path::new("/etc/ssl/certs/ca-certificates.crt")),
            Some(std::path::Path::new("/etc/ssl/certs")),
        )
    };
    found.certs
}

/// The certificates of a PEM text; an error (that never repeats the text: whatever it holds, it
/// is not a certificate) when it holds none, or anything but certificates.
pub fn pem_certificates(pem: &[u8]) -> std::result::Result<Vec<CertificateDer<'static>>, String> {
    let mut certs = Vec::new();
    for item in rustls_pemfile::read_all(&mut &pem[..]) {
        match item {
            Ok(rustls_pemfile::Item::X509Certificate(cert)) => certs.push(cert),
            Ok(_) => return Err("it holds something other than certificates".into()),
            Err(_) => return Err("it is not valid PEM".into()),
        }
    }
    if certs.is_empty() {
        return Err("it holds no PEM certificate (-----BEGIN CERTIFICATE-----)".into());
    }
    Ok(certs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_certificates_are_taken() {
        assert!(pem_certificates(b"not a certificate").is_err());
        assert!(pem_certificates(b"").is_err());
        let key =
            b"-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n";
        assert!(pem_certificates(key).is_err());
    }
}
