//! What a system administrator migrates from: `/etc/shadow` (with `/etc/passwd` for the names and
//! the system accounts) and Apache `htpasswd` files, read into the rows every import validates.
//! A user name becomes `NAME@DOMAIN`; such made-up addresses are never verified.

use std::collections::HashMap;

use super::parse::{LineError, RawRow};
use crate::hashes;

/// The rows of a file, its bad lines, and what the administrator should be told.
#[derive(Debug, Default)]
pub struct Read {
    pub rows: Vec<RawRow>,
    pub errors: Vec<LineError>,
    pub warnings: Vec<String>,
}

/// `UID_MIN` of `/etc/login.defs` (1000 where it is missing): accounts below it are the system's.
pub fn uid_min(login_defs: Option<&str>) -> u32 {
    login_defs
        .into_iter()
        .flat_map(str::lines)
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            (words.next() == Some("UID_MIN")).then(|| words.next()?.parse().ok())?
        })
        .next_back()
        .unwrap_or(1000)
}

/// An account of `/etc/passwd`: its uid and its full name (GECOS's first field).
struct PasswdEntry<'a> {
    uid: u32,
    full_name: &'a str,
}

fn passwd_entries(text: &str) -> HashMap<&str, PasswdEntry<'_>> {
    text.lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split(':').collect();
            let uid = fields.get(2)?.parse().ok()?;
            let full_name = fields.get(4)?.split(',').next().unwrap_or_default();
            Some((fields[0], PasswdEntry { uid, full_name }))
        })
        .collect()
}

/// Splits a full name at its first space: the first word is the first name.
fn names(full: &str) -> (Option<String>, Option<String>) {
    let full = full.trim();
    match full.split_once(' ') {
        _ if full.is_empty() => (None, None),
        Some((first, last)) => (Some(first.to_string()), Some(last.trim().to_string())),
        None => (Some(full.to_string()), None),
    }
}

/// Reads `/etc/shadow` lines (`name:password:lastchg:min:max:warn:inactive:expire:`).
/// `!HASH` is a disabled account keeping its hash; `*`, `!`, `!!` (no password ever set) are
/// skipped as system accounts, as are accounts below `uid_min` when `passwd` is given; an empty
/// password field gives an account with no usable password; `lastchg` 0 means the password must
/// be changed; the expiry day becomes the account's expiry. Password ageing is not carried over.
pub fn shadow(text: &str, passwd: Option<&str>, domain: &str, uid_min: u32) -> Read {
    let passwd = passwd.map(passwd_entries);
    let mut read = Read::default();
    let (mut no_password, mut system, mut ageing) = (0usize, 0usize, Vec::new());
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split(':').collect();
        if fields.len() != 9 {
            read.errors.push(LineError {
                line: line_no,
                message: format!(
                    "a shadow line has 9 fields separated by ':', this one {}",
                    fields.len()
                ),
            });
            continue;
        }
        let (name, password) = (fields[0], fields[1]);
        // Without the passwd file, the one system account known by name still stays out.
        if passwd.is_none() && name == "root" {
            system += 1;
            continue;
        }
        let entry = passwd.as_ref().map(|p| p.get(name));
        if let Some(entry) = &entry {
            match entry {
                Some(e) if e.uid < uid_min => {
                    system += 1;
                    continue;
                }
                Some(_) => {}
                None => {
                    read.errors.push(LineError {
                        line: line_no,
                        message: format!("{name} is not in the passwd file"),
                    });
                    continue;
                }
            }
        }
        let locked = password.starts_with('!');
        let hash = password.trim_start_matches('!');
        if hash == "*" || (locked && hash.is_empty()) || password == "*" {
            no_password += 1;
            continue;
        }
        let mut row = RawRow {
            line: line_no,
            email: Some(format!("{name}@{domain}")),
            ..RawRow::default()
        };
        if let Some(Some(e)) = entry {
            (row.first_name, row.last_name) = names(e.full_name);
        }
        if !hash.is_empty() {
            row.password_hash = Some(hash.to_string());
        }
        if locked {
            row.status = Some("disabled".into());
        }
        if fields[2] == "0" && !hash.is_empty() {
            row.must_change = Some(true);
        }
        match fields[7] {
            "" => {}
            days => match days.parse::<i64>() {
                Ok(d) if d >= 0 => row.expires_at = Some(Some(d.saturating_mul(86_400))),
                _ => {
                    read.errors.push(LineError {
                        line: line_no,
                        message: format!("the expiry day {days:?} is not a number of days"),
                    });
                    continue;
                }
            },
        }
        if fields[3..7].iter().any(|f| !f.is_empty()) {
            ageing.push(line_no.to_string());
        }
        read.rows.push(row);
    }
    if no_password > 0 {
        read.warnings.push(format!(
            "{no_password} account(s) without a password ever set (*, !, !!) were skipped"
        ));
    }
    if system > 0 {
        read.warnings.push(format!(
            "{system} system account(s) (root, or uid below {uid_min}) were skipped"
        ));
    }
    if !ageing.is_empty() {
        read.warnings.push(format!(
            "password ageing (min, max, warn, inactive) is not carried over (lines {})",
            ageing.join(", ")
        ));
    }
    read
}

/// Reads an Apache `htpasswd` file (`name:hash`): bcrypt, SHA crypt, and the fast `$apr1$`,
/// `$1$` and `{SHA}` (stored wrapped); DES crypt and plain text are refused by name.
pub fn htpasswd(text: &str, domain: &str) -> Read {
    let mut read = Read::default();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((name, hash)) = line.split_once(':') else {
            read.errors.push(LineError {
                line: line_no,
                message: "an htpasswd line is name:hash".into(),
            });
            continue;
        };
        let refusal = match hashes::fast_legacy(hash) {
            Err(why) => Some(why),
            Ok(Some(_)) => None,
            Ok(None) if hashes::parse(hash).is_ok() => None,
            Ok(None) if hash.starts_with('$') || hash.starts_with('{') => {
                Some(hashes::parse(hash).err().unwrap_or_default())
            }
            Ok(None) => Some(
                "plain text (htpasswd -p) is refused: import the account without a password \
                 and invite it"
                    .into(),
            ),
        };
        if let Some(message) = refusal {
            read.errors.push(LineError {
                line: line_no,
                message: format!("{name}: {message}"),
            });
            continue;
        }
        read.rows.push(RawRow {
            line: line_no,
            email: Some(format!("{name}@{domain}")),
            password_hash: Some(hash.to_string()),
            ..RawRow::default()
        });
    }
    read
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSWD: &str = "root:x:0:0:root:/root:/bin/bash\n\
        daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n\
        alice:x:1000:1000:Alice Liddell,,,:/home/alice:/bin/bash\n\
        bob:x:1001:1001::/home/bob:/bin/sh\n\
        carol:x:1002:1002:Carol:/home/carol:/bin/sh\n\
        dave:x:1003:1003:Dave Null:/home/dave:/bin/sh\n";

    #[test]
    fn shadow_lines_map_to_accounts() {
        let file = "root:$6$x$y:19000:0:99999:7:::\n\
            daemon:*:19000:0:99999:7:::\n\
            alice:$y$j9T$salt$hash:0:0:99999:7:::\n\
            bob:!$6$s$h:19000::::::\n\
            carol::19000:::::20454:\n\
            dave:!!:19000::::::\n";
        let read = shadow(file, Some(PASSWD), "example.com", 1000);
        assert!(read.errors.is_empty(), "{:?}", read.errors);
        let emails: Vec<&str> = read
            .rows
            .iter()
            .filter_map(|r| r.email.as_deref())
            .collect();
        assert_eq!(
            emails,
            ["alice@example.com", "bob@example.com", "carol@example.com"]
        );
        let alice = &read.rows[0];
        assert_eq!(alice.first_name.as_deref(), Some("Alice"));
        assert_eq!(alice.last_name.as_deref(), Some("Liddell"));
        assert_eq!(alice.must_change, Some(true));
        assert_eq!(read.rows[1].status.as_deref(), Some("disabled"));
        assert_eq!(read.rows[1].password_hash.as_deref(), Some("$6$s$h"));
        assert_eq!(read.rows[2].password_hash, None);
        assert_eq!(read.rows[2].expires_at, Some(Some(20454 * 86_400)));
        assert_eq!(read.warnings.len(), 3, "{:?}", read.warnings);
    }

    #[test]
    fn without_the_passwd_file_root_still_stays_out() {
        let read = shadow(
            "root:$6$s$h:19000::::::\nann:$6$s$h:19000::::::\n",
            None,
            "x.org",
            1000,
        );
        let emails: Vec<&str> = read
            .rows
            .iter()
            .filter_map(|r| r.email.as_deref())
            .collect();
        assert_eq!(emails, ["ann@x.org"]);
    }

    #[test]
    fn uid_min_comes_from_login_defs() {
        assert_eq!(uid_min(None), 1000);
        assert_eq!(uid_min(Some("# x\nUID_MIN\t\t 500\nUID_MAX 60000\n")), 500);
    }

    #[test]
    fn htpasswd_refuses_des_and_plain_text_by_name() {
        let read = htpasswd(
            "a:$apr1$Xy.z/12$ZmmgIDowsfjRsA8x.IVeK0\nb:abJnggxhB/yWI\nc:secret\n",
            "example.com",
        );
        assert_eq!(read.rows.len(), 1);
        assert!(read.errors[0].message.contains("DES crypt"));
        assert_eq!(read.errors[0].line, 2);
        assert!(read.errors[1].message.contains("plain text"));
    }
}
