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
/// A duration with its unit: `90s`, `15m`, `12h`, `3d`, `1h 30m`. A bare number is refused:
/// `45` for a session's idle time meant minutes to one person and seconds to the tool.
pub fn parse_duration(text: &str) -> Option<i64> {
    let text = text.trim();
    if text.parse::<f64>().is_ok() {
        return None;
    }
    humantime::parse_duration(text)
        .ok()
        .and_then(|d| i64::try_from(d.as_secs()).ok())
}

/// An RFC 3339 time with its offset (`2026-12-31T17:00:00Z`, `2026-12-31T18:00:00+01:00`), in
/// Unix seconds. A time without an offset is refused: whose midnight it meant is a guess.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|t| t.timestamp())
        // Before 1970 is no moment an account's window or a log search needs, and the stored
        // seconds are shown from 1970 on.
        .filter(|&t| t >= 0)
}

/// A moment given on the command line: an RFC 3339 time (as [`parse_rfc3339`]), a date
/// (`2026-12-31`, its midnight UTC), or a duration from now (`90d`).
pub fn parse_moment(text: &str) -> Option<i64> {
    let text = text.trim();
    let date = || match text.len() {
        10 => parse_rfc3339(&format!("{text}T00:00:00Z")),
        _ => None,
    };
    date()
        .or_else(|| parse_rfc3339(text))
        .or_else(|| parse_duration(text).map(|d| now().saturating_add(d)))
}

/// Seconds in words, for a message: `259200` → `3 days`, `5400` → `1 hour 30 minutes`.
pub fn duration_words(secs: i64) -> String {
    let mut left = secs.max(0);
    let mut parts = Vec::new();
    for (unit, name) in [
        (86_400, "day"),
        (3_600, "hour"),
        (60, "minute"),
        (1, "second"),
    ] {
        let n = left / unit;
        left %= unit;
        match n {
            0 => {}
            1 => parts.push(format!("1 {name}")),
            n => parts.push(format!("{n} {name}s")),
        }
    }
    if parts.is_empty() {
        "0 seconds".into()
    } else {
        parts.join(" ")
    }
}

/// Seconds as people write them: `900` → `15m`, `259200` → `3d`, `5400` → `1h 30m`.
pub fn format_duration(secs: i64) -> String {
    let secs = secs.max(0);
    let parts: Vec<String> = [(86_400, "d"), (3_600, "h"), (60, "m"), (1, "s")]
        .iter()
        .scan(secs, |left, &(unit, name)| {
            let n = *left / unit;
            *left %= unit;
            Some((n > 0).then(|| format!("{n}{name}")))
        })
        .flatten()
        .collect();
    if parts.is_empty() {
        "0s".into()
    } else {
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_round_trip() {
        assert_eq!(parse_duration("15m"), Some(900));
        assert_eq!(parse_duration("2"), None, "a unit is needed");
        assert_eq!(parse_duration("2.5"), None);
        assert_eq!(parse_duration("3d"), Some(259_200));
        assert_eq!(format_duration(259_200), "3d");
        assert_eq!(format_duration(5_400), "1h 30m");
        assert_eq!(format_duration(0), "0s");
        assert_eq!(duration_words(259_200), "3 days");
        assert_eq!(duration_words(5_400), "1 hour 30 minutes");
        assert_eq!(duration_words(600), "10 minutes");
        for secs in [1, 59, 61, 3_601, 90_061, 2_592_000] {
            assert_eq!(parse_duration(&format_duration(secs)), Some(secs));
        }
        assert_eq!(parse_duration("-2"), None);
        assert_eq!(parse_duration("soon"), None);
        assert_eq!(format_duration(43200), "12h");
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn moments_take_any_offset_and_need_one() {
        let utc = parse_moment("2027-03-31T08:00:00Z");
        assert_eq!(utc, Some(1_806_480_000));
        assert_eq!(parse_moment("2027-03-31T10:00:00+02:00"), utc);
        assert_eq!(parse_moment("2027-03-31T03:00:00-05:00"), utc);
        assert_eq!(parse_moment("2027-03-31"), Some(1_806_451_200));
        assert_eq!(parse_moment("2027-03-31T08:00:00"), None, "no offset");
        assert_eq!(parse_moment("2027-02-30"), None);
        assert!(parse_moment("90d").is_some_and(|t| t > now()));
        // Ten characters that are no date are still a duration.
        assert_eq!(
            parse_moment("1000 hours").map(|t| t - now()),
            Some(3_600_000)
        );
        assert_eq!(parse_moment("1969-12-31"), None, "before 1970");
    }
}
