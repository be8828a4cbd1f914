//! The audit log's copy kept elsewhere: each committed event as one line to the local system
//! logger (`/dev/log`, RFC 3164 as local daemons parse it, facility `authpriv`). Sending never
//! blocks and never fails a command: a stalled or missing logger loses the line, and the hash
//! chain in the database stays the record. Hand-written: the framing is one line, and the
//! syslog crates' senders block on a full socket.

use std::os::unix::net::UnixDatagram;
use std::path::{Path, PathBuf};

/// Where `/dev/log` is, when a local logger listens.
pub const DEV_LOG: &str = "/dev/log";

/// `authpriv` (10) × 8 + severity: 6 info, 4 warning.
const AUTHPRIV_INFO: u8 = 86;
const AUTHPRIV_WARNING: u8 = 84;

/// The socket the events go to: `off`, a path, or `auto` (`/dev/log` where it exists).
pub fn target(setting: &str) -> Option<PathBuf> {
    match setting {
        "off" => None,
        "auto" | "" => Path::new(DEV_LOG).exists().then(|| PathBuf::from(DEV_LOG)),
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
    let stamp = timestamp(crate::clock::now());
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
        let _ = sock.send_to(
            format!("<{pri}>{stamp} useradm[{pid}]: {clean}").as_bytes(),
            socket,
        );
    }
}

/// RFC 3164's `Mmm dd hh:mm:ss`, in UTC (the daemon stamps its own time as well).
fn timestamp(unix: i64) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let text = crate::clock::rfc3339(unix); // 2026-11-30T06:47:08Z
    let month = text
        .get(5..7)
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
        .copied()
        .unwrap_or("Jan");
    let day: u32 = text.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
    let time = text.get(11..19).unwrap_or("00:00:00");
    format!("{month} {day:>2} {time}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn timestamps_are_rfc3164() {
        assert_eq!(super::timestamp(1_796_020_028), "Nov 30 06:27:08");
        assert_eq!(super::timestamp(1_767_254_400), "Jan  1 08:00:00");
    }
}
