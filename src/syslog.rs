//! The audit log's copy kept elsewhere: each committed event as one line to the local system
//! logger (`/dev/log`, RFC 3164 as local daemons parse it, facility `authpriv`, the timestamp
//! left to the daemon). Sending never blocks and never fails a command: a stalled or missing
//! logger loses the line, and the hash chain in the database stays the record. Hand-written:
//! the framing is one line, and the syslog crates' senders block on a full socket.

use std::os::unix::net::UnixDatagram;
use std::path::{Path, PathBuf};

/// Where `/dev/log` is, when a local logger listens.
pub const DEV_LOG: &str = "/dev/log";

/// `authpriv` (10) × 8 + severity: 6 info, 4 warning.
const AUTHPRIV_INFO: u8 = 86;
const AUTHPRIV_WARNING: u8 = 84;

/// The socket the events go to: `off`, a path, or `auto` (`/dev/log` where it exists).
pub fn target(setting: &str) -> Option<PathBuf> {
    let socket = wanted(setting)?;
    match setting {
        "auto" | "" => socket.exists().then_some(socket),
        _ => Some(socket),
    }
}

/// The socket a setting asks for, whether or not a logger listens there (`None`: `off`).
pub fn wanted(setting: &str) -> Option<PathBuf> {
    match setting {
        "off" => None,
        "auto" | "" => Some(PathBuf::from(DEV_LOG)),
        path => Some(PathBuf::from(path)),
    }
}

/// Sends each line as one datagram, without waiting; what cannot be sent is dropped.
pub fn send(socket: &Path, lines: &[(bool, String)]) {
    let Ok(sock) = UnixDatagram::unbound() else {
        return;
    };
    if sock.set_nonblocking(true).is_err() {
        return;
    }
    let pid = std::process::id();
    for (warning, line) in lines {
        let pri = if *warning {
            AUTHPRIV_WARNING
        } else {
            AUTHPRIV_INFO
        };
        let clean: String = line
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        // No timestamp: the daemon stamps its own, in the host's time zone.
        let message = format!("<{pri}>useradm[{pid}]: {clean}");
        let _ = sock.send_to(message.as_bytes(), socket);
    }
}
