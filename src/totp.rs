//! TOTP (RFC 6238): SHA-1, 6 digits, 30-second steps, one step of clock skew either way. The
//! second-factor part of the crypto: secrets, codes and the `otpauth://` URI. Hand-written (about
//! forty lines over `hmac`) rather than a TOTP crate's: the algorithm is fixed by the RFC and
//! tested against its vectors, and the crates add clocks and QR rendering this tool does itself.

use hmac::{Hmac, KeyInit, Mac};
use subtle::ConstantTimeEq;

use crate::error::{Error, Result};

pub const STEP_SECONDS: i64 = 30;
pub const DIGITS: u32 = 6;

/// A new 160-bit secret, base32 without padding.
pub fn new_secret() -> Result<String> {
    Ok(data_encoding::BASE32_NOPAD.encode(&crate::crypto::random_bytes::<20>()?))
}

pub fn step_of(unix: i64) -> i64 {
    unix.div_euclid(STEP_SECONDS)
}

/// The code of one time step.
pub fn code_at(secret_b32: &str, step: i64) -> Result<String> {
    let key = data_encoding::BASE32_NOPAD
        .decode(secret_b32.as_bytes())
        .map_err(|_| Error::internal("the stored TOTP secret is not base32"))?;
    let mut mac =
        Hmac::<sha1::Sha1>::new_from_slice(&key).map_err(|e| Error::internal(e.to_string()))?;
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[digest.len() - 1] & 0x0f);
    let value = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    Ok(format!(
        "{:0width$}",
        value % 10u32.pow(DIGITS),
        width = DIGITS as usize
    ))
}

/// The step a typed code matches (now, one before or one after), if any. Replays are the
/// caller's to refuse (a step may be used once).
pub fn matching_step(secret_b32: &str, typed: &str, now: i64) -> Result<Option<i64>> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if !looks_like_code(&typed) {
        return Ok(None);
    }
    let current = step_of(now);
    for step in [current - 1, current, current + 1] {
        let expected = code_at(secret_b32, step)?;
        if bool::from(expected.as_bytes().ct_eq(typed.as_bytes())) {
            return Ok(Some(step));
        }
    }
    Ok(None)
}

/// True when `text` has the shape of an app code ([`DIGITS`] digits), not of a recovery code.
pub fn looks_like_code(text: &str) -> bool {
    text.len() == DIGITS as usize && text.bytes().all(|b| b.is_ascii_digit())
}

pub fn uri(email: &str, secret_b32: &str) -> String {
    let enc = |s: &str| {
        url::form_urlencoded::byte_serialize(s.as_bytes())
            .collect::<String>()
            .replace('+', "%20")
    };
    format!(
        // SHA-1, 6 digits and 30 s are every app's defaults: left out, the QR code is smaller.
        "otpauth://totp/useradm:{}?secret={secret_b32}&issuer=useradm",
        enc(email)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1 key "12345678901234567890".
    #[test]
    fn rfc_6238_vectors() {
        let secret = data_encoding::BASE32_NOPAD.encode(b"12345678901234567890");
        for (time, code) in [
            (59, "287082"),
            (1111111109, "081804"),
            (1234567890, "005924"),
            (2000000000, "279037"),
        ] {
            assert_eq!(code_at(&secret, step_of(time)).unwrap(), code, "{time}");
        }
    }

    #[test]
    fn skew_of_one_step_and_no_more() {
        let secret = new_secret().unwrap();
        let now = 1_800_000_000;
        let step = step_of(now);
        for (s, ok) in [
            (step - 2, false),
            (step - 1, true),
            (step, true),
            (step + 1, true),
            (step + 2, false),
        ] {
            let code = code_at(&secret, s).unwrap();
            assert_eq!(
                matching_step(&secret, &code, now).unwrap().is_some(),
                ok,
                "step {s}"
            );
        }
        assert_eq!(matching_step(&secret, "12345", now).unwrap(), None);
        assert!(uri("a@b.com", &secret).starts_with("otpauth://totp/useradm:a%40b.com?secret="));
    }
}
