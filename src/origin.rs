//! Where a command runs, for the audit log: the host name, the OS user and the process id, read
//! once per process.

use std::sync::OnceLock;

/// `{"host", "os_user", "pid"}`: every audit event carries it inside its hashed detail.
pub fn origin() -> &'static serde_json::Value {
    static ORIGIN: OnceLock<serde_json::Value> = OnceLock::new();
    ORIGIN.get_or_init(|| {
        let host = nix::unistd::gethostname()
            .ok()
            .and_then(|h| h.into_string().ok())
            .unwrap_or_default();
        let uid = nix::unistd::Uid::effective();
        // A uid without a passwd entry (a container's) is named by its number.
        let os_user = nix::unistd::User::from_uid(uid)
            .ok()
            .flatten()
            .map_or_else(|| uid.to_string(), |u| u.name);
        serde_json::json!({ "host": host, "os_user": os_user, "pid": std::process::id() })
    })
}
