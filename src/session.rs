//! Session tokens and the session file that carries one between commands. The database keeps
//! only the token's SHA-256; the file keeps the token and is refused (exit 4) whenever it could
//! have been read or swapped by someone else: group/other bits, a symlink, another owner, junk.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::crypto;
use crate::error::{Error, Result};

/// Larger files are refused unread: a session file is a few hundred bytes.
const MAX_FILE_BYTES: u64 = 16 * 1024;
const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize, Clone, PartialEq, Eq)]
pub struct SessionFile {
    pub format: u32,
    pub database_id: String,
    pub session_id: String,
    pub token: String,
    pub email: String,
}

impl std::fmt::Debug for SessionFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionFile")
            .field("database_id", &self.database_id)
            .field("session_id", &self.session_id)
            .finish_non_exhaustive()
    }
}

/// A new session: public id, secret token, and the token's SHA-256 for the database.
#[derive(Debug)]
pub struct NewToken {
    pub session_id: String,
    pub token: String,
    pub token_sha256: String,
}

pub fn new_token() -> Result<NewToken> {
    let token = crypto::hex(&crypto::random_bytes::<32>()?);
    Ok(NewToken {
        session_id: crypto::hex(&crypto::random_bytes::<8>()?),
        token_sha256: token_hash(&token),
        token,
    })
}

pub fn token_hash(token: &str) -> String {
    crypto::sha256_hex(token.as_bytes())
}

fn refused(path: &Path, why: &str) -> Error {
    Error::CredentialRejected {
        token: false,
        reason: "session_file_refused",
        claimed: None,
        message: format!(
            "session file {} {why}; refusing it: run `useradm logout` to remove it, then `useradm login`",
            path.display()
        ),
    }
}

/// Parses the bytes of a session file; any defect is exit 4, never a panic.
pub fn parse(bytes: &[u8], path: &Path) -> Result<SessionFile> {
    let file: SessionFile =
        serde_json::from_slice(bytes).map_err(|_| refused(path, "cannot be parsed"))?;
    let is_hex = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_hexdigit());
    if file.format != FORMAT
        || !is_hex(&file.token, 64)
        || !is_hex(&file.session_id, 16)
        || !is_hex(&file.database_id, 32)
        || crate::validate::parse_email(&file.email).is_err()
    {
        return Err(refused(path, "is not in a format this useradm writes"));
    }
    Ok(file)
}

/// Reads the session file at `path`: `None` when there is none.
pub fn read(path: &Path) -> Result<Option<SessionFile>> {
    let mut file = match OpenOptions::new()
        .read(true)
        .custom_flags(nix::libc::O_NOFOLLOW)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.raw_os_error() == Some(nix::libc::ELOOP) => {
            return Err(refused(path, "is a symbolic link"));
        }
        Err(e) => return Err(refused(path, &format!("cannot be opened ({e})"))),
    };
    let meta = file
        .metadata()
        .map_err(|e| refused(path, &format!("cannot be read ({e})")))?;
    if !meta.is_file() {
        return Err(refused(path, "is not a regular file"));
    }
    if meta.mode() & 0o077 != 0 {
        return Err(refused(
            path,
            &format!(
                "can be read by group or others (mode {:o})",
                meta.mode() & 0o777
            ),
        ));
    }
    if meta.uid() != nix::unistd::geteuid().as_raw() {
        return Err(refused(path, "belongs to another user"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(refused(path, "is too large"));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    (&mut file)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| refused(path, &format!("cannot be read ({e})")))?;
    parse(&bytes, path).map(Some)
}

/// Reads a session file that `read` refused (readable by others, someone else's), only to revoke
/// its session: a token that may have leaked must stop working. A symlink is never followed.
pub fn read_for_revocation(path: &Path) -> Option<SessionFile> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(nix::libc::O_NOFOLLOW)
        .open(path)
        .ok()?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).ok()?;
    parse(&bytes, path).ok()
}

/// Writes the session file atomically (a private temporary file, fsync, rename): a crash leaves
/// the old file or the new one, never a broken one.
pub fn write(path: &Path, session: &SessionFile) -> Result<()> {
    let fail = |e: std::io::Error| {
        Error::storage(format!(
            "cannot write the session file {}: {e}",
            path.display()
        ))
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.exists() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(fail)?;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(fail)?;
    }
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("session");
    let tmp = dir.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        crypto::hex(&crypto::random_bytes::<4>()?)
    ));
    let body = serde_json::to_vec_pretty(session).map_err(Error::internal)?;
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(nix::libc::O_NOFOLLOW)
            .open(&tmp)?;
        f.set_permissions(fs::Permissions::from_mode(0o600))?;
        f.write_all(&body)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(fail)
}

/// Removes the session file if it still holds `token`: a login may have written a new one in
/// its place since it was read.
pub fn remove_if_holding(path: &Path, token: &str) -> Result<bool> {
    match read(path) {
        Ok(Some(file)) if file.token == token => remove(path),
        _ => Ok(false),
    }
}

/// Removes the session file (or a symlink in its place, not what it points to).
pub fn remove(path: &Path) -> Result<bool> {
    match fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::storage(format!(
            "cannot remove the session file {}: {e}",
            path.display()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SessionFile {
        SessionFile {
            format: 1,
            database_id: "0".repeat(32),
            session_id: "a".repeat(16),
            token: "b".repeat(64),
            email: "a@b.com".into(),
        }
    }

    #[test]
    fn parse_refuses_junk_with_exit_4() {
        let p = Path::new("/x");
        for junk in [
            &b""[..],
            b"{",
            b"null",
            b"[]",
            b"{\"format\":1}",
            &[0xff, 0xfe, 0x00],
        ] {
            assert_eq!(parse(junk, p).unwrap_err().exit_code(), 4);
        }
        let mut s = sample();
        s.token = "zz".into();
        assert!(parse(&serde_json::to_vec(&s).unwrap(), p).is_err());
        assert_eq!(
            parse(&serde_json::to_vec(&sample()).unwrap(), p).unwrap(),
            sample()
        );
    }

    #[test]
    fn write_is_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/s.json");
        write(&path, &sample()).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o600);
        assert_eq!(read(&path).unwrap(), Some(sample()));
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(read(&path).unwrap_err().exit_code(), 4);
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        assert!(
            read(&link)
                .unwrap_err()
                .to_string()
                .contains("symbolic link")
        );
        assert_eq!(read(&dir.path().join("none.json")).unwrap(), None);
    }

    #[test]
    fn tokens_are_unique_and_hashed() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_ne!(a.token, b.token);
        assert_eq!(a.token_sha256, token_hash(&a.token));
        let mut flipped = a.token.clone().into_bytes();
        flipped[0] = if flipped[0] == b'0' { b'1' } else { b'0' };
        assert_ne!(
            token_hash(std::str::from_utf8(&flipped).unwrap()),
            a.token_sha256
        );
    }
}
