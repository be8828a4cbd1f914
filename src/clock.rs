//! Time as the database stores it (Unix seconds, UTC) and as users read it (RFC 3339, durations
//! such as `15m`). There is deliberately no clock override: tests shorten lifetimes instead.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// `2026-11-28T13:58:52Z`.
pub fn rfc3339(unix: i64) -> String {
    let secs = u64::try_from(unix).unwrap_or(0);
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(secs)).to_string()
}

/// Parses `900`, `15m`, `1h 30m` or `90d` into seconds.
pub fn parse_duration(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Ok(secs) = text.parse::<i64>() {
        return (secs >= 0).then_some(secs);
    }
    humantime::parse_duration(text)
        .ok()
        .and_then(|d| i64::try_from(d.as_secs()).ok())
}

/// `900` → `15m`.
/// A moment given on the command line: an RFC 3339 time (`2026-12-31T17:00:00Z`), a date
/// (`2026-12-31`, its midnight UTC), or a duration from now (`90d`).
pub fn parse_moment(text: &str) -> Option<i64> {
    let text = text.trim();
    let rfc = if text.len() == 10 {
        format!("{text}T00:00:00Z")
    } else {
        text.to_string()
    };
    if let Ok(t) = humantime::parse_rfc3339_weak(&rfc) {
        let secs = t.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
        return i64::try_from(secs).ok();
    }
    parse_duration(text).map(|d| now().saturating_add(d))
}

pub fn format_duration(secs: i64) -> String {
    humantime::format_duration(Duration::from_secs(u64::try_from(secs).unwrap_or(0))).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_round_trip() {
        assert_eq!(parse_duration("15m"), Some(900));
        assert_eq!(parse_duration("2"), Some(2));
        assert_eq!(parse_duration("-2"), None);
        assert_eq!(parse_duration("soon"), None);
        assert_eq!(format_duration(43200), "12h");
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
    }
}
