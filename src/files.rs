//! Who may read the files useradm makes (the database, its folder, outbox messages): the owner
//! alone, or a group of administrators. File modes only; what goes into the files is elsewhere.

use std::fs;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::path::Path;

use crate::error::{Error, Result};

/// Who may use a new database and the files beside it: its owner (0600/0700) or a group of
/// administrators (0660/0770, setgid folders).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sharing {
    pub gid: Option<u32>,
}

impl Sharing {
    pub const PRIVATE: Sharing = Sharing { gid: None };

    pub fn file_mode(self) -> u32 {
        if self.gid.is_some() { 0o660 } else { 0o600 }
    }

    pub fn dir_mode(self) -> u32 {
        if self.gid.is_some() { 0o2770 } else { 0o700 }
    }

    /// Group mode is read off an existing database file, so that files made beside it later
    /// (outbox messages) get the same sharing.
    pub fn of_file(path: &Path) -> Sharing {
        match fs::metadata(path) {
            Ok(m) if m.mode() & 0o060 != 0 => Sharing { gid: Some(m.gid()) },
            _ => Sharing::PRIVATE,
        }
    }

    /// The sharing a store was made with, to judge its modes by: a group's where `init --group`
    /// left its mark (a setgid folder, or a group-writable file), else its owner's alone. Unlike
    /// `of_file`, a file that is merely group-readable (0644) counts as private: that is the
    /// mistake to find, not a sharing to copy.
    pub fn of_store(db: &Path) -> Sharing {
        let dir = db
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let setgid_dir = fs::metadata(dir).is_ok_and(|m| m.mode() & 0o2000 != 0);
        match fs::metadata(db) {
            Ok(m) if setgid_dir || m.mode() & 0o020 != 0 => Sharing { gid: Some(m.gid()) },
            _ => Sharing::PRIVATE,
        }
    }

    /// The permission bits of `mode` beyond what this sharing gives (0: none): the group's in a
    /// private store, others' in any.
    pub fn excess(self, mode: u32, dir: bool) -> u32 {
        let allowed = if dir {
            self.dir_mode()
        } else {
            self.file_mode()
        };
        mode & 0o777 & !allowed
    }

    /// `init --group NAME`: the group's id.
    pub fn for_group(name: Option<&str>) -> Result<Sharing> {
        let Some(name) = name else {
            return Ok(Sharing::PRIVATE);
        };
        match nix::unistd::Group::from_name(name) {
            Ok(Some(g)) => Ok(Sharing {
                gid: Some(g.gid.as_raw()),
            }),
            Ok(None) => Err(Error::usage(format!("no group named {name:?}"))),
            Err(e) => Err(Error::usage(format!(
                "cannot look up the group {name:?}: {e}"
            ))),
        }
    }

    /// Sets the exact mode of a file this sharing made (whatever the umask) and, in group mode,
    /// its group.
    pub fn apply_to_file(self, path: &Path) -> std::io::Result<()> {
        apply(path, self.file_mode(), self.gid)
    }

    pub fn apply_to_dir(self, path: &Path) -> std::io::Result<()> {
        apply(path, self.dir_mode(), self.gid)
    }

    /// Creates `dir` and its missing parents. Only `dir` itself gets the sharing's mode; a parent
    /// made on the way is the owner's (0700), and in group mode the group may pass through it
    /// (0710) but never list or write it, so no member can plant a file beside the owner's own.
    pub fn create_dirs(self, dir: &Path) -> std::io::Result<()> {
        let mut missing = Vec::new();
        let mut cur = Some(dir);
        while let Some(d) = cur.filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
            missing.push(d.to_path_buf());
            cur = d.parent();
        }
        let passage = if self.gid.is_some() { 0o710 } else { 0o700 };
        for d in missing.iter().rev() {
            match fs::DirBuilder::new().mode(0o700).create(d) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
            apply(d, passage, self.gid)?;
        }
        self.apply_to_dir(dir)
    }
}

fn apply(path: &Path, mode: u32, gid: Option<u32>) -> std::io::Result<()> {
    if let Some(gid) = gid {
        std::os::unix::fs::chown(path, None, Some(gid))?;
    }
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}
